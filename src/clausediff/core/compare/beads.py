"""Order-preserving alignment of the clauses between two anchors.

Contract: :func:`align_stretch` takes the units of one stretch of each side and returns
:class:`Bead` values in order: a dynamic programme with 1-1, 1-2, 2-1, 1-3, 3-1 and 2-2
beads (skips are free; a bead must reach the clause rules' thresholds), banded around the
diagonal for large stretches, and cut first at fuzzy anchors (near-certain pairs through rare
words) when a stretch is larger than the programme's limit.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace

from clausediff.core.compare.chains import heaviest_chain
from clausediff.core.compare.config import ClauseRules
from clausediff.core.compare.constraints import NO_CONSTRAINTS, Constraints
from clausediff.core.compare.moves import rare_word_matches
from clausediff.core.compare.units import Bead, Scorer, Unit


def align_stretch(
    lu: list[Unit],
    ru: list[Unit],
    scorer: Scorer,
    rules: ClauseRules,
    allow: Constraints = NO_CONSTRAINTS,
) -> list[Bead]:
    """Align the clauses between two exact anchors (never a pair ``allow`` forbids).

    A stretch of up to ``dp_max_cells`` clause pairs goes to the dynamic programme. A
    larger one (two long versions with no exact match for a hundred clauses and more:
    rewritten throughout, or not related at all) is first cut by fuzzy anchors, clauses
    that share rare words and score as a match, in order; the pieces between them go to
    the programme. A piece still that large goes to the banded programme only if clauses
    along its diagonal match (:func:`_looks_related`); otherwise its clauses are left to
    the move pass. (Before, two unrelated 5,000-clause versions took 11 s of programme.)
    """
    if len(lu) * len(ru) <= rules.dp_max_cells:
        return _dp(lu, ru, scorer, rules, allow)
    chain = _fuzzy_anchors(lu, ru, scorer, rules, allow)
    beads = [Bead((lu[p].index,), (ru[q].index,), sim) for p, q, sim in chain]
    bounds = [(-1, -1), *((p, q) for p, q, _ in chain), (len(lu), len(ru))]
    for (p0, q0), (p1, q1) in itertools.pairwise(bounds):
        piece_l, piece_r = lu[p0 + 1 : p1], ru[q0 + 1 : q1]
        if len(piece_l) * len(piece_r) <= rules.dp_max_cells or _looks_related(
            piece_l, piece_r, scorer, rules
        ):
            beads.extend(_dp(piece_l, piece_r, scorer, rules, allow))
    return beads


def _looks_related(lu: list[Unit], ru: list[Unit], scorer: Scorer, rules: ClauseRules) -> bool:
    """Whether clauses along the diagonal of a large piece match often enough to be worth
    the banded programme (see ``AlignConfig.related_probes``)."""
    n, m = len(lu), len(ru)
    probes, reach = rules.related_probes, rules.related_probe_reach
    hits = 0
    for k in range(probes):
        p = (2 * k + 1) * n // (2 * probes)
        q = p * m // n
        near = range(max(0, q - reach), min(m, q + reach + 1))
        if any(scorer.sim([lu[p]], [ru[x]]) >= rules.match_threshold for x in near):
            hits += 1
    return hits >= rules.related_min_share * probes


def _fuzzy_anchors(
    lu: list[Unit], ru: list[Unit], scorer: Scorer, rules: ClauseRules, allow: Constraints
) -> list[tuple[int, int, float]]:
    """Clearly matching pairs ``(left position, right position, similarity)`` found through
    words rare in the stretch, one partner each, kept in order (the heaviest increasing
    chain). Only near-certain pairs: whatever lies between them is aligned in full."""
    matches = rare_word_matches(
        lu, ru, range(len(lu)), range(len(ru)), scorer, rules, rules.fuzzy_anchor_threshold, allow
    )
    best = {(p, q): sim for p, q, sim in matches}
    pairs = sorted(best)
    weights = [best[pq] * (len(lu[pq[0]].words) + len(ru[pq[1]].words)) for pq in pairs]
    return [(p, q, best[(p, q)]) for p, q in heaviest_chain(pairs, weights)]


_BEADS = ((1, 1), (2, 2), (1, 2), (2, 1), (1, 3), (3, 1))


def _dp(
    lu: list[Unit], ru: list[Unit], scorer: Scorer, rules: ClauseRules, allow: Constraints
) -> list[Bead]:
    """Order-preserving alignment of two runs of units (no gaps inside)."""
    n, m = len(lu), len(ru)
    if not n or not m:
        return []
    if n == m == 1:  # the commonest stretch between anchors: match or leave both
        s = scorer.sim(lu, ru)
        if s < rules.match_threshold or not allow.allows((lu[0].index,), (ru[0].index,)):
            return []
        return [Bead((lu[0].index,), (ru[0].index,), s)]
    band = None
    if n * m > rules.dp_max_cells:
        band = max(rules.dp_band, abs(n - m) + rules.dp_band // 2)
    tau = rules.match_threshold
    neg = float("-inf")
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    ratio = m / n
    # words before each unit of both runs: the size of any group is a difference
    before_l = [0, *itertools.accumulate(len(u.words) for u in lu)]
    before_r = [0, *itertools.accumulate(len(u.words) for u in ru)]

    for i in range(n + 1):
        if band is None:
            jlo, jhi = 0, m
        else:
            centre = int(i * ratio)
            jlo, jhi = max(0, centre - band), min(m, centre + band)
        for j in range(jlo, jhi + 1):
            if i == 0 and j == 0:
                continue
            cur = neg
            arg: tuple[int, int, float] | None = None
            # Skips first, so that ties go to matches below (>=).
            if i > 0 and best[i - 1][j] > cur:
                cur, arg = best[i - 1][j], (1, 0, 0.0)
            if j > 0 and best[i][j - 1] > cur:
                cur, arg = best[i][j - 1], (0, 1, 0.0)
            for di, dj in _BEADS:
                if di > i or dj > j or best[i - di][j - dj] == neg:
                    continue
                # (each group of each cell is met once: nothing to remember between cells)
                s = scorer.sim(lu[i - di : i], ru[j - dj : j])
                limit = tau if (di, dj) == (1, 1) else rules.split_threshold
                if s < limit or not allow.allows(
                    (u.index for u in lu[i - di : i]), (u.index for u in ru[j - dj : j])
                ):
                    continue
                size = before_l[i] - before_l[i - di] + before_r[j] - before_r[j - dj]
                gain = (s - limit) * size
                if (di, dj) != (1, 1):
                    gain -= rules.split_penalty * size * (di + dj - 2)
                    if not _parts_ok(lu[i - di : i], ru[j - dj : j], scorer, rules):
                        continue
                # break exact ties the same way whichever version is on the left: by the
                # pair's contents, then towards the diagonal
                gain += 1e-7 * _pair_hash(lu[i - di : i], ru[j - dj : j])
                gain -= 1e-9 * abs((i - di) - (j - dj))
                if best[i - di][j - dj] + gain >= cur:
                    cur, arg = best[i - di][j - dj] + gain, (di, dj, s)
            best[i][j] = cur
            back[i][j] = arg
    if best[n][m] == neg:  # band did not reach the corner; fall back to a full DP
        return _dp(lu, ru, scorer, _unbanded(rules, n * m), allow)
    beads: list[Bead] = []
    i, j = n, m
    while i > 0 or j > 0:
        step = back[i][j]
        assert step is not None
        di, dj, s = step
        if di and dj:
            beads.append(
                Bead(
                    tuple(u.index for u in lu[i - di : i]),
                    tuple(u.index for u in ru[j - dj : j]),
                    s,
                )
            )
        i, j = i - di, j - dj
    return beads[::-1]


def _pair_hash(left: Sequence[Unit], right: Sequence[Unit]) -> float:
    """A number in ``[0, 1)`` from the pair's contents, the same whichever side is left."""
    a = b = 0
    for u in left:
        a = (a * 1_000_003 ^ u.crc) & 0xFFFFFFFF
    for u in right:
        b = (b * 1_000_003 ^ u.crc) & 0xFFFFFFFF
    return ((min(a, b) * 2_654_435_761 + max(a, b)) & 0xFFFFFFFF) / 2**32


def _unbanded(rules: ClauseRules, cells: int) -> ClauseRules:
    return replace(rules, dp_max_cells=cells + 1)


def _parts_ok(
    left: Sequence[Unit], right: Sequence[Unit], scorer: Scorer, rules: ClauseRules
) -> bool:
    """Every part of a many-sided bead must bring the other side words of its own (those
    of the other side it holds that the other parts do not): a share of its words, or (a
    long part rewritten) a number of them, or a share of the other side's."""

    def held(part: Unit, parts: Sequence[Unit], whole: Sequence[Unit], with_part: int) -> bool:
        if not part.words:
            return False
        # (what the part brings: the whole's words it holds that the other parts do not, so
        # that a clause merged with its expanded self does not take a neighbour whose words
        # the expansion repeats; ``with_part``: the whole's words all the parts hold)
        whole_words = scorer.words_of(whole)
        others = [u for u in parts if u is not part]
        without = scorer.shared_words(scorer.words_of(others), whole_words)
        brought = with_part - without
        if brought >= rules.split_part_containment * len(part.words):
            return True
        # (a long part rewritten, spread over parts that share words)
        shared = scorer.shared_words(part.words, whole_words)
        own = rules.split_part_marginal * len(part.words)
        if shared >= rules.split_part_min_shared and brought >= own:
            return True
        # a part that brings the whole words no other part does (a clause split, then its
        # second part expanded), not one that only shares the common words
        return brought >= rules.split_part_marginal * len(whole_words)

    if any(a.exact == b.exact for a in left for b in right):
        return False  # a clause and its exact copy are a pair, never parts of a split
    if len(left) > 1:
        together = scorer.shared_words(scorer.words_of(left), scorer.words_of(right))
        if not all(held(u, left, right, together) for u in left):
            return False
    if len(right) > 1:
        together = scorer.shared_words(scorer.words_of(right), scorer.words_of(left))
        if not all(held(u, right, left, together) for u in right):
            return False
    if len(left) > 1 and len(right) > 1:
        # n-m only where no 1-1 pairing explains the pair as well
        one_one = max(scorer.sim([a], [b]) for a in left for b in right)
        if one_one >= scorer.sim(left, right):
            return False
    return True

"""Clauses left over between two linked neighbours, paired by their place.

Contract: :func:`slot_pass` looks at each slot between consecutive in-order links (and
before the first and after the last) and pairs the clauses left over there, in order, one
partner each, when the clause rules say their place and words are evidence enough: a
similarity of ``slot_threshold``; or the shorter clause's words lying in the longer one
(``slot_containment``: trimmed to a sentence, or expanded); or, standing at the same place
of a slot that holds as many clauses on each side (at most ``slot_facing_max``), a
similarity of ``slot_rewrite_threshold`` or the same opening words (rewritten in place,
its formula kept); or, anywhere in the slot, two sentences or more kept that hold most of
the shorter clause's words. A heading is never paired with a body clause. It returns
beads; the caller makes links of them. :func:`slot_places` tells where each leftover would
stand in the other version (the near-move search asks it).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence

from clausediff.core.compare import lcs
from clausediff.core.compare.config import ClauseRules
from clausediff.core.compare.constraints import NO_CONSTRAINTS, Constraints
from clausediff.core.compare.lcs import shared_ends
from clausediff.core.compare.units import Bead, Scorer, Unit
from clausediff.core.text.normalize import word_keys


def slot_pass(
    lu: Sequence[Unit],
    ru: Sequence[Unit],
    fixed: Sequence[Bead],
    free_left: set[int],
    free_right: set[int],
    scorer: Scorer,
    rules: ClauseRules,
    allow: Constraints = NO_CONSTRAINTS,
) -> list[Bead]:
    """Beads for leftovers that share a slot; ``fixed`` are the in-order links; never a
    pair ``allow`` forbids."""
    chain = sorted(fixed, key=lambda b: b.left[0])
    bounds = [((-1,), (-1,))] + [(b.left, b.right) for b in chain] + [((len(lu),), (len(ru),))]
    out: list[Bead] = []
    for (l0, r0), (l1, r1) in itertools.pairwise(bounds):
        left = [i for i in range(l0[-1] + 1, l1[0]) if i in free_left]
        right = [j for j in range(r0[-1] + 1, r1[0]) if j in free_right]
        if not left or not right or len(left) * len(right) > rules.slot_max_pairs:
            continue
        out.extend(_pair_in_order(lu, ru, left, right, scorer, rules, allow))
    return out


def slot_places(
    n_left: int, n_right: int, fixed: Sequence[Bead], free_left: set[int]
) -> dict[int, tuple[int, int]]:
    """For each of the free left clauses, the right clauses that bound its slot (``-1`` and
    ``n_right`` at the ends): where it would stand in the right version had it not moved."""
    chain = sorted(fixed, key=lambda b: b.left[0])
    starts = [b.left[0] for b in chain]
    out = {}
    for i in free_left:
        p = bisect.bisect_left(starts, i)
        lo = chain[p - 1].right[-1] if p else -1
        hi = chain[p].right[0] if p < len(chain) else n_right
        out[i] = (lo, hi)
    return out


def _score(
    u: Unit,
    v: Unit,
    scorer: Scorer,
    rules: ClauseRules,
    facing: bool,
    allow: Constraints,
    words: dict[int, list[list[str]]],
) -> float:
    """The pair's similarity if its place and words make it a pair, else -1 (``facing``:
    the two stand at the same place of a slot that holds as many clauses on each side;
    ``words``: the units' sentences' words, as :func:`_sentence_support` keeps them)."""
    if u.heading != v.heading or not u.words or not v.words:
        return -1.0
    if not allow.allows((u.index,), (v.index,)):
        return -1.0
    s = scorer.sim([u], [v])
    shared = scorer.shared(u, v)
    if shared < (1 if u.heading else rules.slot_min_shared):
        return -1.0
    if s >= rules.slot_threshold or (facing and s >= rules.slot_rewrite_threshold):
        return s
    if facing and _opening(u.words, v.words) >= (1 if u.heading else rules.slot_opening_words):
        return s
    if _sentence_support(u, v, scorer, rules, words) >= rules.slot_sentence_support:
        return s
    shorter = min(len(u.words), len(v.words))
    if shorter >= rules.slot_min_words and shared >= rules.slot_containment * shorter:
        return s
    return -1.0


def _sentence_support(
    u: Unit, v: Unit, scorer: Scorer, rules: ClauseRules, words: dict[int, list[list[str]]]
) -> float:
    """The share of the shorter clause's words that lie in sentences matched one to one
    with sentences of the other (each pair at least ``slot_sentence_match`` similar), when
    two sentences or more are so matched: a clause rewritten around sentences it kept.
    ``words``: the sentences' words of the units seen so far (keyed by ``id``)."""
    n_a, n_b = len(u.clause.sentences), len(v.clause.sentences)
    if max(n_a, n_b) < 2 or max(n_a, n_b) > rules.slot_sentence_max:
        return 0.0  # (one sentence each: the clauses' own similarity says it all)
    a, b = _sentences_of(u, words), _sentences_of(v, words)
    limit = scorer.limits.max_word_pairs
    pairs = sorted(
        ((lcs.similarity(x, y, limit), m, n) for m, x in enumerate(a) for n, y in enumerate(b)
         if x and y),
        reverse=True,
    )  # fmt: skip
    used_a: set[int] = set()
    used_b: set[int] = set()
    covered_a = covered_b = 0
    for sim, m, n in pairs:
        if sim < rules.slot_sentence_match:
            break
        if m in used_a or n in used_b:
            continue
        used_a.add(m)
        used_b.add(n)
        covered_a += len(a[m])
        covered_b += len(b[n])
    total_a, total_b = sum(map(len, a)), sum(map(len, b))
    if len(used_a) < 2 or not total_a or not total_b:
        return 0.0  # (one kept sentence may be a stock formula; and alone it is the clause)
    return covered_a / total_a if total_a <= total_b else covered_b / total_b


def _sentences_of(u: Unit, words: dict[int, list[list[str]]]) -> list[list[str]]:
    key = id(u)
    if key not in words:
        words[key] = [word_keys(x.text) for x in u.clause.sentences]
    return words[key]


def _opening(a: list[str], b: list[str]) -> int:
    """How many words two clauses share at their start."""
    return shared_ends(a, b)[0]


def _pair_in_order(
    lu: Sequence[Unit],
    ru: Sequence[Unit],
    left: list[int],
    right: list[int],
    scorer: Scorer,
    rules: ClauseRules,
    allow: Constraints,
) -> list[Bead]:
    """The order-preserving pairing of a slot's leftovers with the greatest total score."""
    n, m = len(left), len(right)
    balanced = n == m <= rules.slot_facing_max
    words: dict[int, list[list[str]]] = {}
    score = [
        [
            _score(lu[i], ru[j], scorer, rules, balanced and a == b, allow, words)
            for b, j in enumerate(right)
        ]
        for a, i in enumerate(left)
    ]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for a in range(n - 1, -1, -1):
        for b in range(m - 1, -1, -1):
            take = score[a][b] + best[a + 1][b + 1] if score[a][b] >= 0 else -1.0
            best[a][b] = max(take, best[a + 1][b], best[a][b + 1])
    out = []
    a = b = 0
    while a < n and b < m:
        if score[a][b] >= 0 and best[a][b] == score[a][b] + best[a + 1][b + 1]:
            out.append(Bead((left[a],), (right[b],), score[a][b]))
            a, b = a + 1, b + 1
        elif best[a][b] == best[a + 1][b]:
            a += 1
        else:
            b += 1
    return out

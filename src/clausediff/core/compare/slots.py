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
beads; the caller makes links of them. :func:`expected_places` tells where each leftover would
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
    sentences = _Sentences(rules.slot_sentence_budget)
    for (l0, r0), (l1, r1) in itertools.pairwise(bounds):
        span_l, span_r = range(l0[-1] + 1, l1[0]), range(r0[-1] + 1, r1[0])
        left = [i for i in span_l if i in free_left]
        right = [j for j in span_r if j in free_right]
        if not left or not right or len(left) * len(right) > rules.slot_max_pairs:
            continue
        # (clauses face each other only in a narrow slot with no gap: what a gap hides may
        # be the counterpart)
        narrow = max(len(span_l), len(span_r)) <= rules.slot_facing_max and not any(
            u.clause.is_gap for u in (*(lu[i] for i in span_l), *(ru[j] for j in span_r))
        )
        out.extend(_pair_in_order(lu, ru, left, right, scorer, rules, allow, narrow, sentences))
    return out


def expected_places(
    fixed: Sequence[Bead], free: set[int], n_other: int, side: int
) -> dict[int, float]:
    """For each free clause of one side (``side`` 0: left, 1: right), where it would stand
    in the other version had nothing between it and the link before it changed: as far
    past that link's clauses as it stands past them in its own, kept inside its slot
    (``fixed``: the in-order links; ``n_other``: the other version's length)."""
    sides = [(b.left, b.right) if side == 0 else (b.right, b.left) for b in fixed]
    chain = sorted(sides, key=lambda pair: pair[0][0])
    starts = [own[0] for own, _ in chain]
    out = {}
    for k in free:
        p = bisect.bisect_left(starts, k)
        own_lo = chain[p - 1][0][-1] if p else -1
        lo = chain[p - 1][1][-1] if p else -1
        hi = chain[p][1][0] if p < len(chain) else n_other
        out[k] = float(min(max(lo + (k - own_lo), lo + 0.5), hi - 0.5))
    return out


def _score(
    u: Unit,
    v: Unit,
    scorer: Scorer,
    rules: ClauseRules,
    facing: bool,
    allow: Constraints,
    sentences: _Sentences,
) -> float:
    """The pair's similarity if its place and words make it a pair, else -1 (``facing``:
    the two stand at the same place of a slot that holds as many clauses on each side;
    ``sentences``: what the kept-sentence rule has read and may still compare)."""
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
    shorter = min(len(u.words), len(v.words))
    if shorter >= rules.slot_min_words and shared >= rules.slot_containment * shorter:
        return s
    if _sentence_support(u, v, scorer, rules, sentences) >= rules.slot_sentence_support:
        return s
    return -1.0


class _Sentences:
    """The words of the sentences of the units a slot pass has looked at, and how many more
    sentence pairs it may compare (the kept-sentence rule's budget)."""

    def __init__(self, budget: int) -> None:
        self.words: dict[int, list[list[str]]] = {}
        self.budget = budget

    def of(self, u: Unit) -> list[list[str]]:
        key = id(u)  # (not the clause's index: both versions have a clause 5)
        if key not in self.words:
            self.words[key] = [word_keys(x.text) for x in u.clause.sentences]
        return self.words[key]


def _sentence_support(
    u: Unit, v: Unit, scorer: Scorer, rules: ClauseRules, sentences: _Sentences
) -> float:
    """The share of the shorter clause's words that lie in sentences matched one to one
    with sentences of the other (each pair at least ``slot_sentence_match`` similar), when
    two sentences or more are so matched: a clause rewritten around sentences it kept.
    The same whichever clause is on the left."""
    n_a, n_b = len(u.clause.sentences), len(v.clause.sentences)
    if min(n_a, n_b) < 2 or max(n_a, n_b) > rules.slot_sentence_max:
        return 0.0  # (two kept sentences are needed; beyond the cap, not tried)
    if n_a * n_b > sentences.budget:
        return 0.0
    sentences.budget -= n_a * n_b
    a, b = sentences.of(u), sentences.of(v)
    limit = scorer.limits.max_word_pairs
    ja, jb = [" ".join(x) for x in a], [" ".join(y) for y in b]
    # (best first; ties by the two sentences' words, so that either orientation agrees)
    ranked = sorted(
        (-lcs.similarity(x, y, limit), min(ja[m], jb[n]), max(ja[m], jb[n]), m, n)
        for m, x in enumerate(a) for n, y in enumerate(b) if x and y
    )  # fmt: skip
    used_a: set[int] = set()
    used_b: set[int] = set()
    covered_a = covered_b = 0
    for neg_sim, _, _, m, n in ranked:
        if -neg_sim < rules.slot_sentence_match:
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
    if total_a == total_b:
        return min(covered_a, covered_b) / total_a
    return covered_a / total_a if total_a < total_b else covered_b / total_b


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
    narrow: bool,
    sentences: _Sentences,
) -> list[Bead]:
    """The order-preserving pairing of a slot's leftovers with the greatest total score
    (``narrow``: a slot where clauses may face each other)."""
    n, m = len(left), len(right)
    balanced = narrow and n == m
    score = [
        [
            _score(lu[i], ru[j], scorer, rules, balanced and a == b, allow, sentences)
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

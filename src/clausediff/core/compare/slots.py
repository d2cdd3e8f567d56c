"""Clauses left over between two linked neighbours, paired by their place.

Contract: :func:`slot_pass` looks at each slot between consecutive in-order links (and
before the first and after the last) and pairs the clauses left over there, in order, one
partner each, when the clause rules say their place and words are evidence enough: a
similarity of ``slot_threshold``; or the shorter clause's words lying in the longer one
(``slot_containment``: trimmed to a sentence, or expanded); or, standing at the same place
of a slot that holds as many clauses on each side (at most ``slot_facing_max``), a
similarity of ``slot_rewrite_threshold`` (rewritten in place). A heading is never
paired with a body clause. It returns beads; the caller makes links of them.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from clausediff.core.compare.config import ClauseRules
from clausediff.core.compare.constraints import NO_CONSTRAINTS, Constraints
from clausediff.core.compare.units import Bead, Scorer, Unit


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


def _score(
    u: Unit, v: Unit, scorer: Scorer, rules: ClauseRules, facing: bool, allow: Constraints
) -> float:
    """The pair's similarity if its place and words make it a pair, else -1 (``facing``:
    the two stand at the same place of a slot that holds as many clauses on each side)."""
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
    shorter = min(len(u.words), len(v.words))
    if shorter >= rules.slot_min_words and shared >= rules.slot_containment * shorter:
        return s
    return -1.0


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
    score = [
        [
            _score(lu[i], ru[j], scorer, rules, balanced and a == b, allow)
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

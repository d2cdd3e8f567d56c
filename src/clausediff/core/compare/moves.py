"""Moves: clauses linked out of order, found through words rare among the leftovers.

Contract: :func:`rare_word_matches` scores only candidates that share rare words (never all
pairs) and returns one partner each, best first, with symmetric tie-breaks;
:func:`move_pass` links the clauses the anchors and the programme left; :func:`out_of_order`
tells which candidate moves really sit out of order against the fixed links.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from clausediff.core.compare.config import ClauseRules
from clausediff.core.compare.units import Bead, Scorer, Unit


def move_pass(
    lu: list[Unit],
    ru: list[Unit],
    free_left: set[int],
    free_right: set[int],
    scorer: Scorer,
    rules: ClauseRules,
) -> list[Bead]:
    """Link leftover clauses that moved, found through words rare among the leftovers."""
    matches = rare_word_matches(
        lu, ru, sorted(free_left), sorted(free_right), scorer, rules, rules.move_threshold
    )
    return [Bead((i,), (j,), sim) for i, j, sim in matches]


def rare_word_matches(
    lu: Sequence[Unit],
    ru: Sequence[Unit],
    left: Iterable[int],
    right: Iterable[int],
    scorer: Scorer,
    rules: ClauseRules,
    threshold: float,
) -> list[tuple[int, int, float]]:
    """Pairs ``(left, right, similarity)`` of the units at the given positions that score at
    least ``threshold``, one partner each, best first.

    Candidates come from words rare among these units (in at most
    ``rare_word_max_clauses`` of them on each side), never from all pairs: for each right
    unit, the left units sharing the most rare words, ``move_candidates`` of them. A word is
    rare among the units looked at, because that is where the candidates are told apart
    (and counting there costs nothing on a long document whose clauses are nearly all
    linked already).
    """
    left_sets = {i: set(lu[i].words) for i in left}
    right_sets = {j: set(ru[j].words) for j in right}
    if not left_sets or not right_sets:
        return []
    ldf = Counter(itertools.chain.from_iterable(left_sets.values()))
    rdf = Counter(itertools.chain.from_iterable(right_sets.values()))
    cap = rules.rare_word_max_clauses
    rare = {w for w, n in ldf.items() if n <= cap and 0 < rdf.get(w, 0) <= cap}
    index: dict[str, list[int]] = defaultdict(list)
    for i, words in left_sets.items():
        for w in words & rare:
            index[w].append(i)
    candidates: list[tuple[float, str, int, int]] = []
    for j, words in right_sets.items():
        found = Counter(i for w in words & rare for i in index[w])
        # most shared rare words first, then reading order: never the order of a set
        ranked = sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))
        for i, _ in ranked[: rules.move_candidates]:
            s = scorer.sim([lu[i]], [ru[j]])
            if s >= threshold:
                # a symmetric tie-break: the pair's texts, not its positions
                tie = min(lu[i].exact, ru[j].exact) + "\x00" + max(lu[i].exact, ru[j].exact)
                candidates.append((-s, tie, i, j))
    candidates.sort()
    taken_l: set[int] = set()
    taken_r: set[int] = set()
    out = []
    for neg_s, _, i, j in candidates:  # best first, one partner each
        if i not in taken_l and j not in taken_r:
            taken_l.add(i)
            taken_r.add(j)
            out.append((i, j, -neg_s))
    return out


def out_of_order(
    beads: list[Bead], candidates: set[tuple[tuple[int, ...], tuple[int, ...]]]
) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Of the candidate moves, those that really sit out of order against the fixed links."""
    fixed = sorted(
        (b for b in beads if (b.left, b.right) not in candidates), key=lambda b: b.left[0]
    )
    starts = [f.left[0] for f in fixed]
    out = set()
    for b in beads:
        key = (b.left, b.right)
        if key not in candidates:
            continue
        pos = bisect.bisect_left(starts, b.left[0])
        before = fixed[pos - 1].right[-1] if pos else -1
        after = fixed[pos].right[0] if pos < len(fixed) else 1 << 60
        if not before < b.right[0] <= b.right[-1] < after:
            out.add(key)
    return out

"""Moves: clauses linked out of order, among the clauses the earlier passes left.

Contract: :func:`move_pass` links leftovers that moved. While the leftovers make at most
``move_all_pairs_budget`` pairs, every pair is scored in rapidfuzz's C code
(:func:`all_pairs_matches`, words coded as characters); a pair is a move when it reaches
``move_floor`` and beats every other candidate of either clause by ``move_margin`` (in a
text of repeated boilerplate a clause's best chance partner is close to its second best; a
real counterpart stands out). Beyond the budget, and for the fuzzy anchors of large regions,
:func:`rare_word_matches` scores only candidates that share rare words. Both return one
partner each, best first, with symmetric tie-breaks. :func:`out_of_order` tells which
candidate moves really sit out of order against the fixed links.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from clausediff.core.compare.config import ClauseRules
from clausediff.core.compare.units import Bead, Scorer, Unit, WordCodes


def move_pass(
    lu: list[Unit],
    ru: list[Unit],
    free_left: set[int],
    free_right: set[int],
    scorer: Scorer,
    rules: ClauseRules,
) -> list[Bead]:
    """Link leftover clauses that moved; see the module contract."""
    left, right = sorted(free_left), sorted(free_right)
    if len(left) * len(right) <= rules.move_all_pairs_budget:
        matches = all_pairs_matches(lu, ru, left, right, scorer, rules)
    else:
        matches = rare_word_matches(lu, ru, left, right, scorer, rules, rules.move_threshold)
    return [Bead((i,), (j,), sim) for i, j, sim in matches]


def all_pairs_matches(
    lu: Sequence[Unit],
    ru: Sequence[Unit],
    left: list[int],
    right: list[int],
    scorer: Scorer,
    rules: ClauseRules,
) -> list[tuple[int, int, float]]:
    """Moves among all pairs of the given units; see the module contract."""
    left = [i for i in left if lu[i].words]
    right = [j for j in right if ru[j].words]
    if not left or not right:
        return []
    import numpy as np
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    codes = WordCodes()
    queries = [codes.encode(lu[i].words) for i in left]
    choices = [codes.encode(ru[j].words) for j in right]
    # (pairs below the cut-off score 0: the C code stops early on them)
    cut = max(0.0, rules.move_floor - rules.move_margin)
    matrix = process.cdist(
        queries, choices, scorer=Indel.normalized_similarity, score_cutoff=cut,
        dtype=np.float32, workers=-1,
    )  # fmt: skip
    rows, cols = np.nonzero(matrix >= rules.move_floor)
    if not len(rows):
        return []
    # the second best of every row and column, to tell a clear partner from a crowd
    row_top = np.sort(matrix, axis=1)[:, -2:] if matrix.shape[1] > 1 else None
    col_top = np.sort(matrix, axis=0)[-2:, :] if matrix.shape[0] > 1 else None
    candidates: list[tuple[float, str, int, int]] = []
    for a, b in zip(rows.tolist(), cols.tolist(), strict=True):
        value = float(matrix[a, b])
        other_row = (
            0.0
            if row_top is None
            else float(row_top[a, 0] if row_top[a, 1] == value else row_top[a, 1])
        )
        other_col = (
            0.0
            if col_top is None
            else float(col_top[0, b] if col_top[1, b] == value else col_top[1, b])
        )
        if value < max(other_row, other_col) + rules.move_margin:
            continue
        i, j = left[a], right[b]
        s = scorer.sim([lu[i]], [ru[j]])  # (the clause rules: headings, truncated clauses)
        if s < rules.move_floor or not beyond_chapeau(lu[i], ru[j], s, rules):
            continue
        tie = min(lu[i].exact, ru[j].exact) + "\x00" + max(lu[i].exact, ru[j].exact)
        candidates.append((-s, tie, i, j))
    return _one_partner_each(candidates)


def beyond_chapeau(u: Unit, v: Unit, sim: float, rules: ClauseRules) -> bool:
    """Whether a pair is alike beyond the words it shares at its start and end (see
    ``ClauseRules.move_clear``); a pair alike throughout always is."""
    if sim >= rules.move_clear:
        return True
    a, b = u.words, v.words
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    core_a, core_b = a[head : len(a) - tail], b[head : len(b) - tail]
    if not core_a or not core_b:
        return True  # one is the other with words added or taken away at one place
    from rapidfuzz.distance import Indel

    return bool(Indel.normalized_similarity(core_a, core_b) >= rules.move_core_threshold)


def _keys(words: list[str]) -> set[str]:
    """A clause's words, and its pairs of adjacent words (as "a\x00b")."""
    keys = set(words)
    keys.update(a + "\x00" + b for a, b in itertools.pairwise(words))
    return keys


def _one_partner_each(
    candidates: list[tuple[float, str, int, int]],
) -> list[tuple[int, int, float]]:
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

    Candidates come from words and pairs of adjacent words rare among these units (in at
    most ``rare_word_max_clauses`` of them on each side), never from all pairs: for each
    right unit, the left units sharing the most rare keys, ``move_candidates`` of them. (In a
    text of repeated boilerplate few single words are rare, but the pairs of words of a
    clause's own content are.) A key is rare among the units looked at, because that is
    where the candidates are told apart (and counting there costs nothing on a long document
    whose clauses are nearly all linked already).
    """
    left_sets = {i: _keys(lu[i].words) for i in left}
    right_sets = {j: _keys(ru[j].words) for j in right}
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
            if s >= threshold and beyond_chapeau(lu[i], ru[j], s, rules):
                # a symmetric tie-break: the pair's texts, not its positions
                tie = min(lu[i].exact, ru[j].exact) + "\x00" + max(lu[i].exact, ru[j].exact)
                candidates.append((-s, tie, i, j))
    return _one_partner_each(candidates)


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

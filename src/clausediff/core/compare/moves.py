"""Moves: clauses linked out of order, among the clauses the earlier passes left.

Contract: :func:`move_pass` links leftovers that moved. While the leftovers make at most
``move_all_pairs_budget`` pairs, every pair is scored in rapidfuzz's C code
(:class:`AllPairs`, words coded as characters); a pair is a move when it reaches
``move_floor`` and beats every other candidate of either clause by ``move_margin`` (in a
text of repeated boilerplate a clause's best chance partner is close to its second best; a
real counterpart stands out); :meth:`AllPairs.near_matches` takes pairs that are each
other's best partner and stand near each other's expected places, without the margin. Beyond
the budget (no near matches then), and for the fuzzy anchors of large regions,
:func:`rare_word_matches` scores only candidates that share rare words. Both return one
partner each, best first, with symmetric tie-breaks. :func:`out_of_order` tells which
candidate moves really sit out of order against the fixed links.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from clausediff.core.compare.config import ClauseRules
from clausediff.core.compare.constraints import NO_CONSTRAINTS, Constraints
from clausediff.core.compare.lcs import shared_ends
from clausediff.core.compare.units import Bead, Scorer, Unit, WordCodes


def move_pass(
    lu: list[Unit],
    ru: list[Unit],
    free_left: set[int],
    free_right: set[int],
    scorer: Scorer,
    rules: ClauseRules,
    scores: AllPairs | None = None,
    allow: Constraints = NO_CONSTRAINTS,
) -> list[Bead]:
    """Link leftover clauses that moved; see the module contract. ``scores``: all pairs of
    a superset of the leftovers, scored already (the passes share one matrix); never a
    pair ``allow`` forbids."""
    left, right = sorted(free_left), sorted(free_right)
    if scores is None and len(left) * len(right) <= rules.move_all_pairs_budget:
        scores = AllPairs(lu, ru, left, right, rules)
    if scores is not None:
        matches = scores.matches(left, right, scorer, rules, allow)
    else:
        # (no margin can be had without all pairs: only clear moves)
        threshold = max(rules.move_threshold, rules.move_first_floor)
        matches = rare_word_matches(lu, ru, left, right, scorer, rules, threshold, allow)
    return [Bead((i,), (j,), sim) for i, j, sim in matches]


class AllPairs:
    """Every pair of some leftovers scored once in rapidfuzz's C code (``process.cdist``
    over words coded as characters). Only the pairs that reach ``move_floor - move_margin``
    are kept (a few in a hundred, on repetitive texts), as three parallel arrays: the
    matrix is scored a block of rows at a time, so it is never held whole."""

    #: Rows scored at once: a block of the matrix, not all of it, is ever in memory.
    _ROWS = 256

    def __init__(
        self, lu: Sequence[Unit], ru: Sequence[Unit], left: list[int], right: list[int],
        rules: ClauseRules,
    ) -> None:  # fmt: skip
        import numpy as np
        from rapidfuzz import process
        from rapidfuzz.distance import Indel

        self.lu, self.ru = lu, ru
        self.left = [i for i in left if lu[i].words]
        self.right = [j for j in right if ru[j].words]
        self.row_of = {i: n for n, i in enumerate(self.left)}
        self.col_of = {j: n for n, j in enumerate(self.right)}
        codes = WordCodes()
        queries = [codes.encode(lu[i].words) for i in self.left]
        choices = [codes.encode(ru[j].words) for j in self.right]
        # (pairs below the cut count as 0 when the best two of a row or column are found)
        cut = max(0.0, min(rules.move_floor - rules.move_margin, rules.near_floor))
        rows, cols, values = [], [], []
        for first in range(0, len(queries) if choices else 0, self._ROWS):
            block = process.cdist(
                queries[first : first + self._ROWS], choices,
                scorer=Indel.normalized_similarity, score_cutoff=cut,
                dtype=np.float32, workers=-1,
            )  # fmt: skip
            r, c = np.nonzero(block)  # (row-major: the order the pairs are read in)
            rows.append(r.astype(np.int32) + first)
            cols.append(c.astype(np.int32))
            values.append(block[r, c])
        empty = [np.zeros(0, dtype=np.int32)]
        self.rows = np.concatenate(rows or empty)
        self.cols = np.concatenate(cols or empty)
        self.values = np.concatenate(values or [np.zeros(0, dtype=np.float32)])

    def _among(self, left: list[int], right: list[int]) -> _Kept | None:
        """The kept pairs among these units (``None`` when one side has none scored)."""
        import numpy as np

        rows = [self.row_of[i] for i in left if i in self.row_of]
        cols = [self.col_of[j] for j in right if j in self.col_of]
        if not rows or not cols:
            return None
        in_rows = np.zeros(len(self.left), dtype=bool)
        in_rows[rows] = True
        in_cols = np.zeros(len(self.right), dtype=bool)
        in_cols[cols] = True
        keep = in_rows[self.rows] & in_cols[self.cols]
        return _Kept(
            self.rows[keep], self.cols[keep], self.values[keep], len(self.left), len(self.right)
        )

    def matches(
        self,
        left: list[int],
        right: list[int],
        scorer: Scorer,
        rules: ClauseRules,
        allow: Constraints = NO_CONSTRAINTS,
    ) -> list[tuple[int, int, float]]:
        """Moves among these units (all scored already); see the module contract."""
        import numpy as np

        kept = self._among(left, right)
        if kept is None or not np.any(kept.values >= rules.move_floor):
            return []
        pr, pc, pv = kept.rows, kept.cols, kept.values
        row_best, row_second, col_best, col_second = kept.best_two()
        lu, ru = self.lu, self.ru
        candidates: list[tuple[float, str, int, int]] = []
        hits = np.nonzero(pv >= rules.move_floor)[0]
        for a, b, value in zip(
            pr[hits].tolist(), pc[hits].tolist(), pv[hits].tolist(), strict=True
        ):
            best_r, second_r = float(row_best[a]), float(row_second[a])
            best_c, second_c = float(col_best[b]), float(col_second[b])
            other = max(second_r if best_r == value else best_r,
                        second_c if best_c == value else best_c)  # fmt: skip
            if value < other + rules.move_margin:
                continue
            found = _candidate(lu[self.left[a]], ru[self.right[b]], rules.move_floor, scorer,
                               rules, allow)  # fmt: skip
            if found is not None:
                candidates.append(found)
        return _one_partner_each(candidates)

    def near_matches(
        self,
        left: list[int],
        right: list[int],
        expected: tuple[dict[int, float], dict[int, float]],
        scorer: Scorer,
        rules: ClauseRules,
        allow: Constraints = NO_CONSTRAINTS,
    ) -> list[tuple[int, int, float]]:
        """Pairs that are each other's best partner among these units, scored above every
        other candidate of either, and that stand near: each within ``near_window`` clauses
        of where the other would stand in its version (``expected``: for the left units,
        their expected places in the right version, and for the right units in the left;
        :func:`~clausediff.core.compare.slots.expected_places`)."""
        import numpy as np

        kept = self._among(left, right)
        if kept is None:
            return []
        pr, pc, pv = kept.rows, kept.cols, kept.values
        row_best, row_second, col_best, col_second = kept.best_two()
        # (each other's strict best: at most one pair a row, found without a Python loop)
        clear = (
            (pv >= rules.near_floor)
            & (pv == row_best[pr])
            & (pv == col_best[pc])
            & (pv > np.maximum(row_second[pr], col_second[pc]))
        )
        hits = np.nonzero(clear)[0]
        lu, ru = self.lu, self.ru
        where_right, where_left = expected
        window = rules.near_window
        candidates: list[tuple[float, str, int, int]] = []
        for a, b in zip(pr[hits].tolist(), pc[hits].tolist(), strict=True):
            i, j = self.left[a], self.right[b]
            if i not in where_right or j not in where_left:
                continue
            if abs(j - where_right[i]) > window or abs(i - where_left[j]) > window:
                continue
            found = _candidate(lu[i], ru[j], rules.near_floor, scorer, rules, allow)
            if found is None:
                continue
            if scorer.shared(lu[i], ru[j]) < (1 if lu[i].heading else rules.slot_min_shared):
                continue  # (two short lines alike through one common word)
            candidates.append(found)
        return _one_partner_each(candidates)


def _candidate(
    u: Unit, v: Unit, floor: float, scorer: Scorer, rules: ClauseRules, allow: Constraints
) -> tuple[float, str, int, int] | None:
    """A pair as a candidate move (``(-similarity, tie-break, left, right)``), or ``None``
    where a heading would move to a body clause, ``allow`` forbids it, it is less than
    ``floor`` similar under the clause rules, or alike only in its opening and ending."""
    if u.heading != v.heading or not allow.allows((u.index,), (v.index,)):
        return None  # a heading moves only to a heading
    s = scorer.sim([u], [v])  # (the clause rules: headings, truncated clauses)
    if s < floor or not beyond_chapeau(u, v, s, rules):
        return None
    # a symmetric tie-break: the pair's texts, not its positions
    tie = min(u.exact, v.exact) + "\x00" + max(u.exact, v.exact)
    return (-s, tie, u.index, v.index)


class _Kept(NamedTuple):
    """Scored pairs as parallel arrays (row, column, value), of a matrix of this shape."""

    rows: Any
    cols: Any
    values: Any
    n_rows: int
    n_cols: int

    def best_two(self) -> tuple[Any, Any, Any, Any]:
        """The best and second-best value of every row, then of every column (a pair not
        kept scores 0): a clear partner stands out from a crowd."""
        row_best, row_second = _best_two(self.rows, self.values, self.n_rows)
        col_best, col_second = _best_two(self.cols, self.values, self.n_cols)
        return row_best, row_second, col_best, col_second


def _best_two(keys: Any, values: Any, n: int) -> tuple[Any, Any]:
    """The best and second-best value for each of ``n`` keys over parallel arrays (0 where a
    key has fewer values; the second equals the best when two values tie for it)."""
    import numpy as np

    best = np.zeros(n, dtype=values.dtype)
    second = np.zeros(n, dtype=values.dtype)
    if not len(keys):
        return best, second
    order = np.lexsort((-values, keys))  # by key, best value first
    k, v = keys[order], values[order]
    first = np.ones(len(k), dtype=bool)
    first[1:] = k[1:] != k[:-1]
    best[k[first]] = v[first]
    after = np.zeros(len(k), dtype=bool)  # the value just after each key's best
    after[1:] = first[:-1] & ~first[1:]
    second[k[after]] = v[after]
    return best, second


def beyond_chapeau(u: Unit, v: Unit, sim: float, rules: ClauseRules) -> bool:
    """Whether a pair is alike beyond the words it shares at its start and end (see
    ``ClauseRules.move_clear``); a pair alike throughout always is."""
    if sim >= rules.move_clear:
        return True
    a, b = u.words, v.words
    head, tail = shared_ends(a, b)
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
    allow: Constraints = NO_CONSTRAINTS,
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
    # (The keys of the right side are made twice, counted and then searched, and those of
    # the left are let go once indexed: among thousands of leftovers the key sets are most
    # of the pass's memory.)
    right = list(right)
    left_sets = {i: _keys(lu[i].words) for i in left}
    if not left_sets or not right:
        return []
    ldf = Counter(itertools.chain.from_iterable(left_sets.values()))
    rdf: Counter[str] = Counter()
    for j in right:
        rdf.update(_keys(ru[j].words))
    cap = rules.rare_word_max_clauses
    rare = {w for w, n in ldf.items() if n <= cap and 0 < rdf.get(w, 0) <= cap}
    del ldf, rdf
    index: dict[str, list[int]] = defaultdict(list)
    for i, words in left_sets.items():
        for w in words & rare:
            index[w].append(i)
    del left_sets
    candidates: list[tuple[float, str, int, int]] = []
    for j in right:
        found = Counter(i for w in _keys(ru[j].words) & rare for i in index[w])
        # most shared rare words first, then reading order: never the order of a set
        ranked = sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))
        for i, _ in ranked[: rules.move_candidates]:
            s = scorer.sim([lu[i]], [ru[j]])
            if (
                s >= threshold
                and beyond_chapeau(lu[i], ru[j], s, rules)
                and allow.allows((lu[i].index,), (ru[j].index,))
            ):
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

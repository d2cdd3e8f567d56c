"""Clauses left unlinked: unknown when they face a gap, else deleted or added.

Contract: :func:`resolve_leftovers` adds one one-sided link for every clause no link holds,
so that the links partition both versions. A clause is unknown when a gap of the other
version lies opposite it (between the links around it, or where the other text is cut off),
or when it is cut off by a gap of its own with unlinked clauses opposite.
"""

from __future__ import annotations

import bisect

from clausediff.core.compare.links import ClauseLink, LinkKind
from clausediff.core.model import Clause, Document


def resolve_leftovers(left: Document, right: Document, links: list[ClauseLink]) -> list[ClauseLink]:
    """Unlinked clauses: unknown when they face a gap, else deleted or added.

    A clause faces a gap when a gap clause of the other version lies between the links
    around it, or when the other version's text is cut off there. A clause of its own
    that is cut off by a gap, with unlinked clauses opposite, is unknown too: the words
    that would identify its counterpart are missing.
    """
    used = ({i for lk in links for i in lk.left}, {j for lk in links for j in lk.right})
    out = list(links)
    if not left.has_gaps and not right.has_gaps:  # nothing can face a gap
        for side, kind in ((0, LinkKind.DELETED), (1, LinkKind.ADDED)):
            doc = left if side == 0 else right
            out += [
                _one_sided(side, c.index, kind, None)
                for c in doc.clauses
                if c.index not in used[side]
            ]
        return out
    frame = [lk for lk in links if lk.kind is not LinkKind.MOVED and lk.left and lk.right]
    docs = (left, right)
    for side in (0, 1):
        doc, other = docs[side], docs[1 - side]
        opposite = Opposite(side, frame, len(other.clauses))
        for c in doc.clauses:
            if c.index in used[side]:
                continue
            if c.is_gap:
                out.append(_one_sided(side, c.index, LinkKind.UNKNOWN, None))
                continue
            lo, hi = opposite(c.index)
            gap = _facing_gap(other, lo, hi)
            if gap is not None:
                out.append(_one_sided(side, c.index, LinkKind.UNKNOWN, (1 - side, gap)))
                continue
            own = (
                _own_gap(doc, c)
                if any(k not in used[1 - side] for k in range(lo + 1, hi))
                else None
            )
            if own is not None:
                out.append(_one_sided(side, c.index, LinkKind.UNKNOWN, (side, own)))
            else:
                kind = LinkKind.DELETED if side == 0 else LinkKind.ADDED
                out.append(_one_sided(side, c.index, kind, None))
    return out


class Opposite:
    """The open interval of the other version between the links around a clause.

    ``lo`` is the furthest clause of the other version linked to one of ours before the
    clause, ``hi`` the nearest linked to one of ours after it. Prefix maxima and suffix
    minima over the links sorted by their ends make each question a binary search.
    """

    def __init__(self, side: int, frame: list[ClauseLink], n_other: int) -> None:
        spans = [
            (min(lk.left), max(lk.left), min(lk.right), max(lk.right))
            if side == 0
            else (min(lk.right), max(lk.right), min(lk.left), max(lk.left))
            for lk in frame
        ]
        by_end = sorted(spans, key=lambda s: s[1])
        self._ends = [s[1] for s in by_end]
        self._prefix_max: list[int] = []
        running = -1
        for s in by_end:
            running = max(running, s[3])
            self._prefix_max.append(running)
        by_start = sorted(spans, key=lambda s: s[0])
        self._starts = [s[0] for s in by_start]
        self._suffix_min = [n_other] * (len(by_start) + 1)
        for k in range(len(by_start) - 1, -1, -1):
            self._suffix_min[k] = min(self._suffix_min[k + 1], by_start[k][2])

    def __call__(self, index: int) -> tuple[int, int]:
        k = bisect.bisect_left(self._ends, index)  # links ending before ``index``
        lo = self._prefix_max[k - 1] if k else -1
        k = bisect.bisect_right(self._starts, index)  # links starting after ``index``
        return lo, self._suffix_min[k]


def _facing_gap(other: Document, lo: int, hi: int) -> int | None:
    for k in range(lo + 1, hi):
        if other.clauses[k].is_gap:
            return k
    if 0 <= lo < len(other.clauses) and other.clauses[lo].ends_in_gap:
        return _next_gap(other, lo)
    if 0 <= hi < len(other.clauses) and other.clauses[hi].starts_in_gap:
        return _prev_gap(other, hi)
    return None


def _own_gap(doc: Document, clause: Clause) -> int | None:
    if clause.ends_in_gap:
        return _next_gap(doc, clause.index)
    if clause.starts_in_gap:
        return _prev_gap(doc, clause.index)
    return None


def _one_sided(side: int, index: int, kind: LinkKind, gap: tuple[int, int] | None) -> ClauseLink:
    if side == 0:
        return ClauseLink((index,), (), kind, 0.0, (), gap)
    return ClauseLink((), (index,), kind, 0.0, (), gap)


def _next_gap(doc: Document, index: int) -> int | None:
    for c in doc.clauses[index + 1 :]:
        if c.is_gap:
            return c.index
    return None


def _prev_gap(doc: Document, index: int) -> int | None:
    for c in reversed(doc.clauses[:index]):
        if c.is_gap:
            return c.index
    return None

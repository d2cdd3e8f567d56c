"""The values the comparison produces: clause links, word changes and sentence links.

Contract: plain immutable values (enums and named tuples, one frozen data class), with no
algorithm behind them, so that every stage of :mod:`clausediff.core.compare`, the stores and
the renderers can import them without importing each other. :class:`Alignment` answers
questions about its links (which link holds a clause, the texts of a side) and nothing else.
"""

from __future__ import annotations

import enum
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from clausediff.core.model import Document, Span


class OpKind(enum.Enum):
    EQUAL = "equal"
    REPLACE = "replace"
    DELETE = "delete"
    INSERT = "insert"


class WordOp(NamedTuple):
    """One step of a word diff: ``left`` and ``right`` are spans of the two texts."""

    kind: OpKind
    left: Span
    right: Span

    def texts(self, left_text: str, right_text: str) -> tuple[str, str]:
        return (
            left_text[self.left.start : self.left.end],
            right_text[self.right.start : self.right.end],
        )


class SentenceLinkKind(enum.Enum):
    UNCHANGED = "unchanged"
    MODIFIED = "modified"
    MOVED = "moved"


class SentenceRef(NamedTuple):
    """Sentence ``sentence`` of clause ``clause`` (indices)."""

    clause: int
    sentence: int


class SentenceLink(NamedTuple):
    """Where a sentence (or part of it) came from.

    (Named tuples rather than data classes: an alignment of long documents holds tens of
    thousands of these, and a tuple is several times quicker to make.)
    """

    left: SentenceRef
    right: SentenceRef
    kind: SentenceLinkKind
    score: float
    left_part: Span
    right_part: Span
    shared_words: int


class LinkKind(enum.Enum):
    UNCHANGED = "unchanged"
    MODIFIED = "modified"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"
    RESTRUCTURED = "restructured"
    ADDED = "added"
    DELETED = "deleted"
    UNKNOWN = "unknown"

    @property
    def is_change(self) -> bool:
        return self is not LinkKind.UNCHANGED

    def mirrored(self) -> LinkKind:
        return _MIRROR.get(self, self)


_MIRROR = {
    LinkKind.SPLIT: LinkKind.MERGED,
    LinkKind.MERGED: LinkKind.SPLIT,
    LinkKind.ADDED: LinkKind.DELETED,
    LinkKind.DELETED: LinkKind.ADDED,
}

_MIRRORED_DETAIL = {"trimmed": "expanded", "expanded": "trimmed"}

#: Separator placed between the texts of a multi-clause side before diffing.
SIDE_JOINER = "\n"


class ClauseLink(NamedTuple):
    """What became of some clauses: ``left``/``right`` are clause indices, in order.

    ``ops`` are word changes between the joined texts of both sides (clause texts joined
    with :data:`SIDE_JOINER`). For an unknown clause, ``gap`` is ``(side, index)`` of the
    gap clause that hides its counterpart (``None`` for a gap clause itself). (A named
    tuple: a long document makes tens of thousands, and a tuple is quick to make.)
    """

    left: tuple[int, ...]
    right: tuple[int, ...]
    kind: LinkKind
    score: float
    ops: tuple[WordOp, ...] = ()
    gap: tuple[int, int] | None = None
    #: how a changed clause changed, where one word says it: ``"trimmed"`` (the newer text
    #: keeps part of the older one), ``"expanded"`` (the older text lies within the newer
    #: one), ``"rewritten"`` (few words kept), ``"typography"`` (the same words, set with
    #: other quotation marks, dashes or spacing: no word changed, so no ``ops``), or ``""``
    detail: str = ""
    #: the link was made by hand (a user's correction), not found by the engine
    manual: bool = False

    def mirrored(self) -> ClauseLink:
        swap = {OpKind.DELETE: OpKind.INSERT, OpKind.INSERT: OpKind.DELETE}
        ops = tuple(WordOp(swap.get(o.kind, o.kind), o.right, o.left) for o in self.ops)
        gap = None if self.gap is None else (1 - self.gap[0], self.gap[1])
        detail = _MIRRORED_DETAIL.get(self.detail, self.detail)
        kind = self.kind.mirrored()
        return ClauseLink(self.right, self.left, kind, self.score, ops, gap, detail, self.manual)


@dataclass(frozen=True)
class Alignment:
    """The clause links (and sentence links) between two versions, in reading order."""

    left: Document
    right: Document
    links: tuple[ClauseLink, ...]
    sentence_links: tuple[SentenceLink, ...] = ()
    _by_left: dict[int, int] = field(default_factory=dict, repr=False, compare=False)
    _by_right: dict[int, int] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for n, link in enumerate(self.links):
            for i in link.left:
                self._by_left[i] = n
            for j in link.right:
                self._by_right[j] = n

    def link_of_left(self, index: int) -> ClauseLink:
        return self.links[self._by_left[index]]

    def link_of_right(self, index: int) -> ClauseLink:
        return self.links[self._by_right[index]]

    def link_index_of(self, side: int, clause_index: int) -> int:
        return (self._by_left if side == 0 else self._by_right)[clause_index]

    def stayed_before(self, link: ClauseLink) -> int:
        """The number of the link of the nearest older clause before ``link``'s that did not
        move (-1 if none): where a moved clause's "moved away" place is shown."""
        for i in range(link.left[0] - 1, -1, -1) if link.left else ():
            k = self._by_left[i]
            if self.links[k].kind is not LinkKind.MOVED:
                return k
        return -1

    def counts(self) -> dict[LinkKind, int]:
        counts = Counter(link.kind for link in self.links)
        return {k: counts.get(k, 0) for k in LinkKind}

    def only_letter_case(self, link: ClauseLink) -> bool:
        """Whether a changed link's two sides differ in nothing but letter case (and white
        space): "Work Programme" set as "WORK PROGRAMME" in a new version's title."""
        if not (link.left and link.right and link.ops):
            return False
        left, right = self.side_text(link, 0), self.side_text(link, 1)
        # (white space folded, nothing else: a change of quotation marks as well is more
        # than letter case; unequal when case-folded in nearly every change: that test first)
        a, b = " ".join(left.split()), " ".join(right.split())
        return a.casefold() == b.casefold() and a != b

    def lead_text(self, link: ClauseLink) -> str:
        """The text a link is known by: its (first) newer clause, else its older one; a
        gap's note for a gap."""
        clause = (
            self.right.clauses[link.right[0]] if link.right else self.left.clauses[link.left[0]]
        )
        return (clause.gap_note if clause.is_gap else clause.text) or ""

    def side_text(self, link: ClauseLink, side: int) -> str:
        doc = self.left if side == 0 else self.right
        idx = link.left if side == 0 else link.right
        if len(idx) == 1:
            return doc.clauses[idx[0]].text
        return SIDE_JOINER.join(doc.clauses[i].text for i in idx)

"""The document model: a decision text, its clauses and their sentences.

Contract: values only. A :class:`Document` holds its metadata, its source text exactly as read
and its clauses; a :class:`Clause` holds its label, kind and comparison text with a map back to
source offsets. Offsets are Python code points, half-open. Nothing here reads files, and
nothing here knows how a clause is drawn.
"""

from __future__ import annotations

import bisect
import enum
import functools
from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING


class ClauseKind(enum.Enum):
    """What part of a decision a clause is."""

    HEADING = "heading"
    PREAMBLE = "preamble"
    INTRODUCER = "introducer"
    OPERATIVE = "operative"
    GAP = "gap"


class EmphasisStyle(enum.Enum):
    ITALIC = "italic"
    BOLD = "bold"


class Span(tuple[int, int]):
    """A half-open range ``[start, end)`` of code points.

    An immutable pair (a tuple underneath: an alignment of long documents makes hundreds of
    thousands of spans, and a tuple is the quickest value to make). ``len`` is the number
    of code points covered; ``in`` asks whether an offset lies inside.
    """

    __slots__ = ()

    def __new__(cls, start: int, end: int) -> Span:
        if not 0 <= start <= end:
            raise ValueError(f"invalid span [{start}, {end})")
        return tuple.__new__(cls, (start, end))

    if TYPE_CHECKING:

        @property
        def start(self) -> int: ...

        @property
        def end(self) -> int: ...

    else:
        start = property(itemgetter(0), doc="First offset inside the span.")
        end = property(itemgetter(1), doc="First offset after the span.")

    def __len__(self) -> int:
        return self[1] - self[0]

    def __contains__(self, pos: object) -> bool:
        return isinstance(pos, int) and self[0] <= pos < self[1]

    def __repr__(self) -> str:
        return f"Span({self[0]}, {self[1]})"

    def __getnewargs__(self) -> tuple[int, int]:  # (copy and pickle call __new__ with these)
        return (self[0], self[1])


#: Makes a span of a ``(start, end)`` pair without checking it: for offsets the engine
#: computed itself, in its busiest loops.
unchecked_span = functools.partial(tuple.__new__, Span)


@dataclass(frozen=True, slots=True)
class Emphasis:
    """Formatting from the source (``*inter alia*``) over a span of the clause text."""

    span: Span
    style: EmphasisStyle


_AFTER_ALL = float("inf")  # (sorts after any offset in a piece tuple)


@dataclass(frozen=True, slots=True)
class SourceMap:
    """Maps offsets in a clause's text back to offsets in the document source.

    A clause text is the concatenation of source slices (labels and emphasis markers are
    left out, nothing is ever added), so the map is a sorted list of pieces
    ``(text_start, source_start, length)``.
    """

    pieces: tuple[tuple[int, int, int], ...]

    def to_source(self, pos: int) -> int:
        """Source offset of the text character at ``pos`` (or of the end, for ``pos == len``)."""
        if not self.pieces:
            return 0
        # the last piece starting at or before ``pos`` (pieces sort by their text start)
        i = max(0, bisect.bisect_right(self.pieces, (pos, _AFTER_ALL, _AFTER_ALL)) - 1)
        t0, s0, n = self.pieces[i]
        if pos > t0 + n and i == len(self.pieces) - 1:
            raise ValueError(f"offset {pos} is beyond the clause text")
        return s0 + (pos - t0)

    def to_source_end(self, pos: int) -> int:
        """Source offset just after text character ``pos - 1`` (for half-open ends)."""
        if pos == 0 or not self.pieces:
            return self.to_source(pos)
        return self.to_source(pos - 1) + 1


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a clause: ``span`` is in clause-text coordinates."""

    id: str
    index: int
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Clause:
    """One clause of a decision.

    ``text`` is the clause's exact wording without its number label and without Markdown
    emphasis markers; ``span`` is the whole block in the source, label included. ``gap_note``
    is the note of a ``[[GAP: …]]`` marker (gap clauses only). ``ends_in_gap`` and
    ``starts_in_gap`` say that the source is cut off at the clause's end or start.
    ``reader_label`` is how a reader names the clause within its document ("op. ¶1",
    "recital 2", "¶1.2"): it depends on the whole document, so the segmenter sets it once
    (:mod:`clausediff.core.text.names`); :meth:`display_label` reads it.
    ``brackets`` are the square-bracketed spans of the text (text not yet agreed in a
    negotiating draft), as ``(start, end, depth)``: brackets included, depth 1 outermost,
    in order of their starts (:mod:`clausediff.core.text.brackets`).
    """

    id: str
    index: int
    label: str
    kind: ClauseKind
    text: str
    span: Span
    source_map: SourceMap
    emphasis: tuple[Emphasis, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    gap_note: str | None = None
    ends_in_gap: bool = False
    starts_in_gap: bool = False
    reader_label: str = ""
    brackets: tuple[tuple[int, int, int], ...] = ()

    @property
    def is_gap(self) -> bool:
        return self.kind is ClauseKind.GAP

    def source_span(self, text_span: Span) -> Span:
        """The source range of a range of this clause's text."""
        pieces = self.source_map.pieces
        if len(pieces) == 1:  # the commonest map: one stretch of the source, shifted
            t0, s0, n = pieces[0]
            if t0 <= text_span.start and text_span.end <= t0 + n:
                return Span(s0 + text_span.start - t0, s0 + text_span.end - t0)
        if not len(text_span):
            at = self.source_map.to_source(text_span.start)
            return Span(at, at)
        return Span(
            self.source_map.to_source(text_span.start),
            self.source_map.to_source_end(text_span.end),
        )

    @property
    def position(self) -> int:
        """The clause's place in its document, counting every clause from 1."""
        return self.index + 1

    def display_label(self) -> str:
        """The clause's name as a reader uses it ("op. ¶1", "recital 2", "(a)"); a clause
        made outside the segmenter falls back on its own label or its position ("¶7")."""
        return self.reader_label or self.label or f"¶{self.index + 1}"


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """Metadata of a decision text."""

    symbols: tuple[str, ...] = ()
    title: str = ""
    short_title: str = ""
    body: str = ""
    date: str = ""
    complete: bool = True
    sources: tuple[str, ...] = ()
    notes: str = ""
    sha256: str = ""
    path: str = ""
    encoding: str = "utf-8"
    bundled: bool = False
    #: how the text was read: "text", "markdown", "pdf", "docx" or "html"
    format: str = "text"
    #: header lines recognised as metadata, not clauses ("WORLD TRADE ORGANIZATION", …)
    header: tuple[str, ...] = ()
    #: footnotes of the source, kept apart from the clauses
    footnotes: tuple[str, ...] = ()
    #: the row of the local library that holds this document (0: not in the library)
    library_id: int = 0

    @property
    def symbol(self) -> str:
        return " / ".join(self.symbols) if self.symbols else ""

    @property
    def label(self) -> str:
        """A short human name: '2013 Bali Decision', a symbol, or the file name (also of a
        document in the library, whose path is "library:<id>:<file name>")."""
        if self.short_title:
            return self.short_title
        if self.symbols:
            return self.symbols[0]
        name = self.path.replace("\\", "/").rsplit("/", 1)[-1]
        if self.library_id and name.startswith(f"library:{self.library_id}:"):
            name = name.split(":", 2)[2]
        return name or "Untitled"


@dataclass(frozen=True, slots=True)
class Document:
    """A decision text: metadata, the source exactly as read, and its clauses in order."""

    info: DocumentInfo
    source: str
    clauses: tuple[Clause, ...] = field(default=())
    _has_gaps: bool = field(default=False, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_has_gaps", any(c.is_gap for c in self.clauses))

    def labels(self, indices: tuple[int, ...], joiner: str = ", ") -> str:
        """The labels of some clauses, as a reader names them ("op. ¶1, op. ¶2"); "—" for
        none."""
        return joiner.join(self.clauses[i].display_label() for i in indices) or "—"

    def clause(self, clause_id: str) -> Clause:
        for c in self.clauses:
            if c.id == clause_id:
                return c
        raise KeyError(clause_id)

    @property
    def has_gaps(self) -> bool:
        return self._has_gaps

    @property
    def is_complete(self) -> bool:
        """The whole text: declared complete, and no gap marked in it (else an excerpt)."""
        return self.info.complete and not self._has_gaps


def leading_words(text: str, n: int = 8) -> str:
    """The first ``n`` words of ``text`` on one line, with "…" when there are more."""
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")

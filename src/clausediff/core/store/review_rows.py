"""The rows of a review file, each value checked: what a note, a version and a correction
may hold (:class:`ReviewLimits`), and the checks every value passes on reading and on
writing alike, so that a file ClauseDiff writes always opens again.

May import the errors and the checks of :mod:`clausediff.core.store.values`; nothing else of
the project.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from clausediff.core.errors import ClauseDiffError
from clausediff.core.read.files import MAX_FILE_BYTES
from clausediff.core.store.sqlite import Guard
from clausediff.core.store.values import BadValue, number, sha256, shown, text

STATUSES = ("none", "agreed", "to discuss", "red line")
#: what a correction says of its clauses: paired by hand, or kept apart
CORRECTION_KINDS = ("pair", "apart")
_STAMP = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")
NUMBER = re.compile(r"[0-9]{1,9}")
#: the clauses of one side of a correction: ``index:SHA-256 of its text``, comma-separated
_CLAUSE_REF = re.compile(r"([0-9]{1,9}):([0-9a-f]{64})")


class ReviewError(ClauseDiffError):
    """A review file could not be opened, read or written."""


@dataclass(frozen=True, slots=True)
class ReviewLimits:
    """What a review file may hold (documented in the README's limits table)."""

    max_file_bytes: int = MAX_FILE_BYTES
    max_versions: int = 1_000
    max_notes: int = 100_000
    #: a note's own text
    max_note_chars: int = 100_000
    #: the text of the clause a note was written on (kept to place the note again)
    max_clause_chars: int = 1_000_000
    #: a label, a date, an author, the symbols of a version, a key or value of ``meta``
    max_short_chars: int = 1_000
    #: SQLite's own bound on one value read or written (a clause of 1,000,000 characters
    #: of up to four bytes each, and the rest of its row)
    max_value_bytes: int = 8 * 1024 * 1024
    #: SQLite virtual machine steps one connection may take (reading 100,000 notes takes
    #: a few million)
    max_steps: int = 50_000_000
    #: corrections of the engine's pairing (clauses paired by hand or kept apart)
    max_corrections: int = 10_000
    #: clauses on one side of a correction
    max_correction_clauses: int = 100

    @property
    def guard(self) -> Guard:
        return Guard(max_value_bytes=self.max_value_bytes, max_steps=self.max_steps)


DEFAULT_LIMITS = ReviewLimits()

#: ``(position, sha256, symbols joined by newlines, label, date)``
VersionRow = tuple[int, str, str, str, str]
#: the values of :data:`NOTE_COLUMNS`, in order
NoteRow = tuple[int, str, str, int, str, str, str, str, str, str, str]
#: the values of :data:`CORRECTION_COLUMNS`, in order (each side's clauses as written)
CorrectionRow = tuple[int, str, str, str, str, str, str, str, str, str, str, str]


# ----------------------------------------------------------------------------- values


def version_row(
    row: Sequence[object], limits: ReviewLimits = DEFAULT_LIMITS, *, what: str = ""
) -> VersionRow:
    """A row of ``versions`` checked (raises :class:`BadValue`; see :func:`checked`);
    ``what`` names the version in a message (its place by default)."""
    position = number(row[0], "a version's position", 2**31)
    what = what or f"version {position + 1}"
    return (
        position,
        sha256(row[1], f"{what}'s SHA-256"),
        text(row[2], f"{what}'s symbols", limits.max_short_chars),
        text(row[3], f"{what}'s label", limits.max_short_chars),
        text(row[4], f"{what}'s date", limits.max_short_chars),
    )


def note_row(
    row: Sequence[object], limits: ReviewLimits = DEFAULT_LIMITS, *, what: str = ""
) -> NoteRow:
    """A row of ``notes`` checked (raises :class:`BadValue`; see :func:`checked`);
    ``what`` names the note in a message (its number by default)."""
    note_id = number(row[0], "a note's number", 2**62)
    what = what or f"note {note_id}"
    status = text(row[6], f"{what}'s status", limits.max_short_chars)
    if status not in STATUSES:
        raise BadValue(f"{what}'s status {shown(status)} is not one ClauseDiff writes")
    return (
        note_id,
        sha256(row[1], f"{what}'s version SHA-256"),
        text(row[2], f"{what}'s version label", limits.max_short_chars),
        number(row[3], f"{what}'s clause number", 2**31),
        text(row[4], f"{what}'s clause label", limits.max_short_chars),
        text(row[5], f"{what}'s clause text", limits.max_clause_chars),
        status,
        text(row[7], f"{what}'s text", limits.max_note_chars),
        text(row[8], f"{what}'s author", limits.max_short_chars),
        stamp(row[9], f"{what}'s date"),
        stamp(row[10], f"{what}'s date of change"),
    )


def correction_row(
    row: Sequence[object], limits: ReviewLimits = DEFAULT_LIMITS, *, what: str = ""
) -> CorrectionRow:
    """A row of ``corrections`` checked (raises :class:`BadValue`; see :func:`checked`)."""
    correction_id = number(row[0], "a correction's number", 2**62)
    what = what or f"correction {correction_id}"
    kind = text(row[1], f"{what}'s kind", limits.max_short_chars)
    if kind not in CORRECTION_KINDS:
        raise BadValue(f"{what}'s kind {shown(kind)} is not one ClauseDiff writes")
    sides = []
    for first, side in ((2, "older"), (6, "newer")):
        most = limits.max_correction_clauses * 75  # (an index, a colon, 64 digits, a comma)
        clauses = text(row[first + 2], f"{what}'s {side} clauses", most)
        labels = text(row[first + 3], f"{what}'s {side} labels", limits.max_short_chars)
        refs = clause_refs(clauses, f"{what}'s {side} clauses", limits)
        if len(labels.split("\n")) != len(refs):
            raise BadValue(f"{what}'s {side} labels do not name its clauses")
        sides += [
            sha256(row[first], f"{what}'s {side} version SHA-256"),
            text(row[first + 1], f"{what}'s {side} version label", limits.max_short_chars),
            clauses,
            labels,
        ]
    return (
        correction_id,
        kind,
        *sides,
        text(row[10], f"{what}'s author", limits.max_short_chars),
        stamp(row[11], f"{what}'s date"),
    )  # type: ignore[return-value]


def clause_refs(value: str, what: str, limits: ReviewLimits) -> tuple[tuple[int, str], ...]:
    """The clauses of one side of a correction, ``(index, SHA-256 of its text)`` each, in
    order, from ``index:sha256,index:sha256`` (raises :class:`BadValue`)."""
    parts = value.split(",")
    if len(parts) > limits.max_correction_clauses:
        raise BadValue(f"{what} are more than {limits.max_correction_clauses:,}")
    out = []
    for part in parts:
        found = _CLAUSE_REF.fullmatch(part)
        if found is None:
            raise BadValue(f"{what} {shown(value)} are not clauses as ClauseDiff writes them")
        out.append((int(found[1]), found[2]))
    indices = [i for i, _ in out]
    if indices != sorted(set(indices)):
        raise BadValue(f"{what} are not in order, each once")
    return tuple(out)


def stamp(value: object, what: str) -> str:
    if not isinstance(value, str) or not _STAMP.fullmatch(value):
        raise BadValue(f"{what} is {shown(value)}, not a date and time")
    return value


@contextlib.contextmanager
def checked(what: str) -> Iterator[None]:
    """Values about to be written, checked by the same rules as those read: a value that
    fails is refused with ``what`` (the change was not saved) and the reason."""
    try:
        yield
    except BadValue as bad:
        raise ReviewError(f"{what}: {bad}.") from None

"""What a row of the local library may hold (:class:`LibraryLimits`), and the details of a
document a user may correct in it, checked as typed (:func:`details_from_input`).

May import the errors, the model's reading limit and the SQLite helper; nothing else of the
project.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from clausediff.core.errors import LibraryError, printable
from clausediff.core.read.files import MAX_FILE_BYTES
from clausediff.core.store.sqlite import Guard


@dataclass(frozen=True, slots=True)
class LibraryLimits:
    """What one row of the library may hold (documented in the README's limits table)."""

    #: a document's text, and its metadata and its formatting (JSON), each (in bytes)
    max_value_bytes: int = MAX_FILE_BYTES
    #: its symbols, title, date, body, format, file name, time of import, each footnote,
    #: header line and source (in characters)
    max_field_chars: int = 100_000
    #: how many symbols, sources, header lines or footnotes
    max_items: int = 10_000
    #: SQLite virtual machine steps one connection may take
    max_steps: int = 50_000_000
    #: what a user may type as a document's details: a symbol, the title (in characters),
    #: and how many symbols
    max_symbol_chars: int = 200
    max_title_chars: int = 1_000
    max_symbols: int = 20

    def guard(self, *, write: bool = False) -> Guard:
        # a row written holds the three large values and the rest: SQLite bounds the row too
        size = self.max_value_bytes * (3 if write else 1) + (2**20 if write else 0)
        return Guard(max_value_bytes=size, max_steps=self.max_steps)


DEFAULT_LIMITS = LibraryLimits()


@dataclass(frozen=True, slots=True)
class Details:
    """The details of a document a user may correct: its symbols, title and ISO date."""

    symbols: tuple[str, ...]
    title: str
    date: str


#: Between symbols typed on one line: a comma, a semicolon, or a slash with spaces around
#: it ("WT/MIN(13)/32 / WT/L/907", as the window shows them).
_SYMBOL_SEPARATOR_RE = re.compile(r"\s*[,;]\s*|\s+/\s+|\n")
_ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def details_from_input(
    symbols: str, title: str, date: str, limits: LibraryLimits = DEFAULT_LIMITS
) -> Details:
    """The details a user typed, checked: symbols separated by commas (or " / "), a title
    on one line, a date as YYYY-MM-DD or none. Raises :class:`LibraryError` saying what is
    wrong; white space at the ends is dropped and a symbol given twice is kept once."""
    parts: list[str] = []
    for part in _SYMBOL_SEPARATOR_RE.split(symbols.strip()):
        part = part.strip()
        if not part:
            continue
        if len(part) > limits.max_symbol_chars:
            raise LibraryError(f"A symbol may have at most {limits.max_symbol_chars:,} characters.")
        if part not in parts:
            parts.append(part)
    if len(parts) > limits.max_symbols:
        raise LibraryError(f"A document may have at most {limits.max_symbols} symbols.")
    title = title.strip()
    if len(title) > limits.max_title_chars:
        raise LibraryError(f"A title may have at most {limits.max_title_chars:,} characters.")
    for value, what in [*((p, "a symbol") for p in parts), (title, "the title")]:
        if printable(value) != value:
            raise LibraryError(
                f"{what.capitalize()} may not hold line breaks or control characters "
                f"({printable(value)})."
            )
    date = date.strip()
    if date:
        try:
            if not _ISO_DATE_RE.fullmatch(date):
                raise ValueError
            datetime.date.fromisoformat(date)
        except ValueError:
            raise LibraryError(
                f"The date {printable(date)!r} is not a date as YYYY-MM-DD (2015-12-19), nor empty."
            ) from None
    return Details(tuple(parts), title, date)

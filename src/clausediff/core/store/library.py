"""The local library: imported documents kept between sessions, in one SQLite file.

Contract: :class:`Library` stores what a reader extracted from an imported file (its text,
emphasis, footnotes and metadata) with the file's SHA-256, lists it, rebuilds its
:class:`Document`, and removes it. Every failure is a :class:`LibraryError` with a message
for the user; the bundled decisions never depend on the library.

- The file lives in the user's data directory (``platformdirs``), or where the caller says.
- Every change is one transaction; SQLite's journal keeps the file whole if the process
  dies half-way.
- A file that is not a database, or a damaged one, is set aside (renamed, never deleted)
  and a new library is started; :attr:`Library.set_aside` says where the old one went.
- A read-only directory or a full disk makes imports fail with a clear message; the library
  can still be read.
- Importing a file whose SHA-256 is already there replaces that entry (re-import).
- Every row is untrusted when it is read: each value is checked for its type and size
  (:class:`LibraryLimits`; a document's text, metadata and formatting at most
  :data:`~clausediff.core.read.files.MAX_FILE_BYTES` each, the size limit of files, which
  SQLite enforces before a value is loaded). A row that fails is left out of the listing
  with a message saying which and why (:attr:`Listing.problems`); the others are listed.
  What :meth:`Library.add` keeps meets the same limits, so every import can be read back.
- A document's symbols, title and date can be corrected (:meth:`Library.set_details`, from
  :func:`details_from_input`, which refuses what a user mistyped with a message saying
  what is wrong); nothing else of the row changes, so its text and SHA-256 stay.
- A document keeps its file's name as its source, never the folder it was imported from
  (an export names the file, not the path; rows kept before are read so too).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from clausediff.core.errors import ClauseDiffError, LibraryError
from clausediff.core.model import Document, DocumentInfo, EmphasisStyle
from clausediff.core.read.files import document_from_text
from clausediff.core.store.library_rows import (
    DEFAULT_LIMITS,
    Details,
    LibraryLimits,
)
from clausediff.core.store.sqlite import connection
from clausediff.core.store.values import BadValue, flag, kind, number, sha256, text, texts

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    symbols TEXT NOT NULL,
    title TEXT NOT NULL,
    date TEXT NOT NULL,
    body TEXT NOT NULL,
    format TEXT NOT NULL,
    file_name TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    info TEXT NOT NULL,
    emphasis TEXT NOT NULL,
    text TEXT NOT NULL
);
"""


_T = TypeVar("_T", dict[str, object], list[object])
_ENTRY_COLUMNS = "sha256, symbols, title, date, body, format, file_name, imported_at, info"


def default_path() -> Path:
    from platformdirs import user_data_path

    return Path(user_data_path("ClauseDiff", appauthor=False)) / "library.sqlite3"


@dataclass(frozen=True, slots=True)
class Entry:
    """One imported document, as listed."""

    id: int
    sha256: str
    symbols: tuple[str, ...]
    title: str
    date: str
    body: str
    format: str
    file_name: str
    imported_at: str
    complete: bool


@dataclass(frozen=True, slots=True)
class Listing:
    """The library's rows as listed: those that could be read, and a message for each of
    the others ("Library entry lib:3 cannot be read: …; it is not listed.")."""

    entries: tuple[Entry, ...]
    problems: tuple[str, ...] = ()


def _file_source(source: str, file_name: str) -> str:
    """A source that is the local path of the imported file, as the file's name."""
    local = ("/" in source or "\\" in source) and "://" not in source
    return file_name if file_name and local and source.endswith(file_name) else source


class Library:
    """The imported documents; see the module contract."""

    def __init__(self, path: Path | None = None, limits: LibraryLimits = DEFAULT_LIMITS) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.limits = limits
        self.set_aside: Path | None = None
        self._ensure()

    # ------------------------------------------------------------------ connection

    def _connect(
        self, write: bool = False
    ) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        return connection(
            self.path,
            error=LibraryError,
            describe=self._describe,
            write=write,
            limits=self.limits.guard(write=write),
        )

    def _describe(self, problem: str, exc: Exception) -> str:
        path = self.path
        return {
            "open": f"The library at {path} cannot be opened ({exc}).",
            "read-only": f"The library at {path} is read-only; the document was not kept.",
            "full": f"There is no room left to save the library at {path}; the document was "
            "not kept.",
            "locked": f"The library at {path} is in use by another ClauseDiff; try again.",
            "damaged": f"The library at {path} is damaged ({exc}).",
            "slow": f"The library at {path} took too long to read; it may be damaged.",
        }.get(problem, f"The library at {path} could not be used ({exc}).")

    def _ensure(self) -> None:
        if not self.path.exists():
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise LibraryError(
                    f"The library folder {self.path.parent} cannot be made "
                    f"({exc.strerror or exc}); imported documents will not be kept."
                ) from None
        try:
            self._check_or_create()
        except LibraryError:
            if not self.path.exists() or self.path.stat().st_size == 0:
                raise
            self._set_aside()
            self._check_or_create()

    def _check_or_create(self) -> None:
        with self._connect() as conn:
            try:
                status = conn.execute("PRAGMA quick_check").fetchone()
            except sqlite3.DatabaseError as exc:
                raise LibraryError(f"The library is not a database ({exc}).") from None
            if status is None or status[0] != "ok":
                raise LibraryError(f"The library failed its integrity check ({status}).")
            try:
                with conn:
                    conn.executescript(_SCHEMA)
                    conn.execute(
                        "INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),)
                    )
            except sqlite3.OperationalError as exc:
                if "readonly" not in str(exc).lower() and "read-only" not in str(exc).lower():
                    raise
                # a read-only library can still be listed if its tables are there
            version = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            value = version[0] if version else None
            if not isinstance(value, str) or not value.isdecimal() or len(value) > 9:
                raise LibraryError(f"The library at {self.path} does not say its format.")
            if int(value) > SCHEMA_VERSION:
                raise LibraryError(
                    f"The library at {self.path} was written by a newer ClauseDiff "
                    f"(schema {value})."
                )

    def _set_aside(self) -> None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        try:
            self.path.rename(target)
        except OSError as exc:
            raise LibraryError(
                f"The library at {self.path} is damaged and cannot be set aside "
                f"({exc.strerror or exc})."
            ) from None
        self.set_aside = target

    # ------------------------------------------------------------------ use

    def entries(self) -> list[Entry]:
        """The rows that can be read (see :meth:`listing` for the others)."""
        return list(self.listing().entries)

    def listing(self) -> Listing:
        """Every row, each read and checked apart: a bad one never stops the others."""
        entries: list[Entry] = []
        problems: list[str] = []
        with self._connect() as conn:
            ids = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id")]
            for entry_id in ids:
                try:
                    row = conn.execute(
                        f"SELECT {_ENTRY_COLUMNS} FROM documents WHERE id = ?", (entry_id,)
                    ).fetchone()
                    entries.append(self._entry(entry_id, row))
                except (BadValue, sqlite3.DataError, UnicodeDecodeError) as exc:
                    problems.append(
                        f"Library entry lib:{entry_id} cannot be read: {self._reason(exc)}; "
                        "it is not listed."
                    )
        entries.sort(key=lambda e: (e.date, e.id))
        return Listing(tuple(entries), tuple(problems))

    def _reason(self, exc: Exception) -> str:
        """Why a row cannot be read, in a user's words."""
        if isinstance(exc, sqlite3.DataError):
            limit = self.limits.max_value_bytes / 2**20
            return f"it holds a value larger than the library keeps ({limit:,.0f} MB)"
        if isinstance(exc, UnicodeDecodeError):
            return "it holds text that is not UTF-8"
        return str(exc)

    def _entry(self, entry_id: int, row: Sequence[object]) -> Entry:
        short, items = self.limits.max_field_chars, self.limits.max_items
        info = self._json(row[8], "its metadata", dict)
        complete = info.get("complete", True)
        return Entry(
            id=entry_id,
            sha256=sha256(row[0], "its SHA-256"),
            symbols=texts(self._json(row[1], "its symbols", list), "a symbol", short, items),
            title=text(row[2], "its title", short),
            date=text(row[3], "its date", short),
            body=text(row[4], "its body", short),
            format=text(row[5], "its format", short),
            file_name=text(row[6], "its file name", short),
            imported_at=text(row[7], "its time of import", short),
            complete=flag(complete, "its metadata's 'complete'"),
        )

    def _json(self, value: object, what: str, shape: type[_T]) -> _T:
        raw = text(value, what, self.limits.max_value_bytes)
        try:
            parsed = json.loads(raw)
        except (ValueError, RecursionError):
            raise BadValue(f"{what} is not valid JSON") from None
        if not isinstance(parsed, shape):
            raise BadValue(f"{what} is {kind(parsed)}, not {kind(shape())}")
        return parsed

    def add(self, doc: Document) -> tuple[int, bool]:
        """Keep ``doc``; returns its id and whether it replaced an earlier import."""
        info = doc.info
        emphasis = [
            (c.source_span(e.span).start, c.source_span(e.span).end, e.style.value)
            for c in doc.clauses
            for e in c.emphasis
        ]
        stored = {
            "symbols": list(info.symbols),
            "title": info.title,
            "short_title": info.short_title,
            "body": info.body,
            "date": info.date,
            "complete": doc.is_complete,
            "sources": list(info.sources) or ([Path(info.path).name] if info.path else []),
            "notes": info.notes,
            "encoding": info.encoding,
            "format": info.format,
            "header": list(info.header),
            "footnotes": list(info.footnotes),
            "file_sha256": info.sha256,
        }
        values = (
            info.sha256,
            json.dumps(list(info.symbols)),
            info.title,
            info.date,
            info.body,
            info.format,
            Path(info.path).name if info.path else "",
            time.strftime("%Y-%m-%d %H:%M:%S"),
            json.dumps(stored),
            json.dumps(emphasis),
            doc.source,
        )
        self._check_keepable(info.label, values)
        with self._connect(write=True) as conn:
            existing = conn.execute(
                "SELECT id FROM documents WHERE sha256 = ?", (info.sha256,)
            ).fetchone()
            if existing:
                conn.execute(
                    "UPDATE documents SET sha256=?, symbols=?, title=?, date=?, body=?, format=?,"
                    " file_name=?, imported_at=?, info=?, emphasis=?, text=? WHERE id=?",
                    (*values, existing[0]),
                )
                return int(existing[0]), True
            cur = conn.execute(
                "INSERT INTO documents (sha256, symbols, title, date, body, format, file_name,"
                " imported_at, info, emphasis, text) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                values,
            )
            return int(cur.lastrowid or 0), False

    def _check_keepable(
        self, label: str, values: Sequence[str], refusal: str = "cannot be kept in the library"
    ) -> None:
        """A row is kept only if it will be read back: the checks of reading, beforehand."""
        try:
            for value, what in ((values[8], "metadata"), (values[9], "formatting"),
                                (values[10], "text")):  # fmt: skip
                size = len(value.encode("utf-8", "surrogatepass"))
                if size > self.limits.max_value_bytes:
                    raise BadValue(
                        f"its {what} is {size / 2**20:,.1f} MB, and the library keeps at most "
                        f"{self.limits.max_value_bytes / 2**20:,.0f} MB"
                    )
            self._entry(0, values[:9])
            self._document_values(0, (values[8], values[9], values[10], values[6], values[0]))
        except BadValue as exc:
            tail = ". It can still be opened." if refusal.startswith("cannot be kept") else "."
            raise LibraryError(f"{label} {refusal}: {exc}{tail}") from None

    def set_details(self, entry_id: int, details: Details) -> Document:
        """Correct the symbols, title and date of row ``entry_id`` (one transaction; the rest
        of the row as it was) and return its document as now kept."""
        with self._connect(write=True) as conn:
            row = conn.execute(
                f"SELECT {_ENTRY_COLUMNS}, emphasis, text FROM documents WHERE id = ?",
                (entry_id,),
            ).fetchone()
            if row is None:
                raise LibraryError(f"The library has no document {entry_id}.")
            try:
                stored = self._json(row[8], "its metadata", dict)
                stored.update(symbols=list(details.symbols), title=details.title)
                stored.update(date=details.date)
                values = (
                    row[0],
                    json.dumps(list(details.symbols)),
                    details.title,
                    details.date,
                    *row[4:8],
                    json.dumps(stored),
                    row[9],
                    row[10],
                )
                self._check_keepable(f"lib:{entry_id}", values, "keeps its details as they were")
            except BadValue as exc:
                raise LibraryError(
                    f"Library entry lib:{entry_id} cannot be changed: {exc}."
                ) from None
            conn.execute(
                "UPDATE documents SET symbols=?, title=?, date=?, info=? WHERE id=?",
                (values[1], values[2], values[3], values[8], entry_id),
            )
        return self.load(entry_id)

    def remove(self, entry_id: int) -> bool:
        with self._connect(write=True) as conn:
            cur = conn.execute("DELETE FROM documents WHERE id = ?", (entry_id,))
            return cur.rowcount > 0

    def load(self, entry_id: int) -> Document:
        """The document of row ``entry_id``, its every value checked."""
        try:
            with self._connect() as conn:
                try:
                    row = conn.execute(
                        "SELECT info, emphasis, text, file_name, sha256 FROM documents"
                        " WHERE id = ?",
                        (entry_id,),
                    ).fetchone()
                except sqlite3.DataError as exc:  # (too large: refused before it was loaded)
                    raise BadValue(self._reason(exc)) from None
            if row is None:
                raise LibraryError(f"The library has no document {entry_id}.")
            text_, info, emphasis = self._document_values(entry_id, row)
        except (BadValue, sqlite3.DataError, UnicodeDecodeError) as exc:
            reason = self._reason(exc)
            message = f"Library entry lib:{entry_id} cannot be opened: {reason}."
            raise LibraryError(message) from None
        return document_from_text(text_, info, emphasis=emphasis)

    def _document_values(
        self, entry_id: int, row: Sequence[object]
    ) -> tuple[str, DocumentInfo, list[tuple[int, int, EmphasisStyle]]]:
        short, items = self.limits.max_field_chars, self.limits.max_items
        stored = self._json(row[0], "its metadata", dict)
        source = text(row[2], "its text", self.limits.max_value_bytes)

        def field(key: str, default: str = "") -> str:
            return text(stored.get(key, default), f"its metadata's {key!r}", short)

        def fields(key: str) -> tuple[str, ...]:
            return texts(stored.get(key, []), f"its metadata's {key!r}", short, items)

        file_name = text(row[3], "its file name", short)
        info = DocumentInfo(
            symbols=fields("symbols"),
            title=field("title"),
            short_title=field("short_title"),
            body=field("body"),
            date=field("date"),
            complete=flag(stored.get("complete", True), "its metadata's 'complete'"),
            sources=tuple(_file_source(s, file_name) for s in fields("sources")),
            notes=field("notes"),
            sha256=sha256(row[4], "its SHA-256"),
            path=f"library:{entry_id}:{file_name}",
            encoding=field("encoding", "utf-8"),
            format=field("format", "text"),
            header=fields("header"),
            footnotes=fields("footnotes"),
            library_id=entry_id,
        )
        return source, info, self._emphasis(row[1], len(source))

    def _emphasis(self, value: object, length: int) -> list[tuple[int, int, EmphasisStyle]]:
        spans = self._json(value, "its formatting", list)
        styles = {s.value: s for s in EmphasisStyle}
        out = []
        for span in spans:
            if not isinstance(span, list) or len(span) != 3 or span[2] not in styles:
                raise BadValue("its formatting is not a list of spans and styles")
            start = number(span[0], "a formatted span's start", length + 1)
            end = number(span[1], "a formatted span's end", length + 1)
            if end < start:
                raise BadValue("a formatted span ends before it starts")
            out.append((start, end, styles[span[2]]))
        return out

    def readable(self) -> tuple[list[Document], list[str]]:
        """The documents that can be read, and a message for each row that cannot."""
        listing = self.listing()
        docs, problems = [], list(listing.problems)
        for entry in listing.entries:
            try:
                docs.append(self.load(entry.id))
            except ClauseDiffError as exc:
                problems.append(str(exc))
        return docs, problems

    def find(self, name: str) -> Document | None:
        """The newest import of a symbol (a complete text before an excerpt), or None."""
        key = name.strip().casefold()
        matches = [e for e in self.entries() if key in {s.casefold() for s in e.symbols}]
        if not matches:
            return None
        best = max(matches, key=lambda e: (e.complete, e.imported_at, e.id))
        return self.load(best.id)


def with_library_id(doc: Document, entry_id: int) -> Document:
    return replace(doc, info=replace(doc.info, library_id=entry_id))


def open_library(path: Path | None = None) -> Library:
    """The user's library; ``CLAUSEDIFF_LIBRARY`` names another file (tests, portable use)."""
    import os

    env = os.environ.get("CLAUSEDIFF_LIBRARY")
    return Library(path if path is not None else (Path(env) if env else None))

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
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from dataclasses import dataclass, replace
from pathlib import Path

from clausediff.core.errors import LibraryError
from clausediff.core.model import Document, DocumentInfo, EmphasisStyle
from clausediff.core.read.files import document_from_text
from clausediff.core.store.sqlite import connection

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


class Library:
    """The imported documents; see the module contract."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.set_aside: Path | None = None
        self._ensure()

    # ------------------------------------------------------------------ connection

    def _connect(
        self, write: bool = False
    ) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        return connection(self.path, error=LibraryError, describe=self._describe, write=write)

    def _describe(self, problem: str, exc: Exception) -> str:
        path = self.path
        return {
            "open": f"The library at {path} cannot be opened ({exc}).",
            "read-only": f"The library at {path} is read-only; the document was not kept.",
            "full": f"There is no room left to save the library at {path}; the document was "
            "not kept.",
            "locked": f"The library at {path} is in use by another ClauseDiff; try again.",
            "damaged": f"The library at {path} is damaged ({exc}).",
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
            if version is None or int(version[0]) > SCHEMA_VERSION:
                raise LibraryError(
                    f"The library at {self.path} was written by a newer ClauseDiff "
                    f"(schema {version[0] if version else '?'})."
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
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT id, sha256, symbols, title, date, body, format, file_name, imported_at,"
                " info FROM documents ORDER BY date, id"
            ).fetchall()
        out = []
        for row in rows:
            info = json.loads(row[9])
            out.append(
                Entry(
                    id=row[0],
                    sha256=row[1],
                    symbols=tuple(json.loads(row[2])),
                    title=row[3],
                    date=row[4],
                    body=row[5],
                    format=row[6],
                    file_name=row[7],
                    imported_at=row[8],
                    complete=bool(info.get("complete", True)),
                )
            )
        return out

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
            "sources": list(info.sources) or [info.path],
            "notes": info.notes,
            "encoding": info.encoding,
            "format": info.format,
            "header": list(info.header),
            "footnotes": list(info.footnotes),
            "file_sha256": info.sha256,
        }
        with self._connect(write=True) as conn:
            existing = conn.execute(
                "SELECT id FROM documents WHERE sha256 = ?", (info.sha256,)
            ).fetchone()
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

    def remove(self, entry_id: int) -> bool:
        with self._connect(write=True) as conn:
            cur = conn.execute("DELETE FROM documents WHERE id = ?", (entry_id,))
            return cur.rowcount > 0

    def load(self, entry_id: int) -> Document:
        with self._connect() as conn:
            row = conn.execute(
                "SELECT info, emphasis, text, file_name, sha256 FROM documents WHERE id = ?",
                (entry_id,),
            ).fetchone()
        if row is None:
            raise LibraryError(f"The library has no document {entry_id}.")
        try:
            stored = json.loads(row[0])
            emphasis = [(a, b, EmphasisStyle(s)) for a, b, s in json.loads(row[1])]
        except (ValueError, TypeError, KeyError):
            raise LibraryError(f"Library entry {entry_id} is damaged.") from None
        info = DocumentInfo(
            symbols=tuple(stored.get("symbols", ())),
            title=stored.get("title", ""),
            short_title=stored.get("short_title", ""),
            body=stored.get("body", ""),
            date=stored.get("date", ""),
            complete=bool(stored.get("complete", True)),
            sources=tuple(stored.get("sources", ())),
            notes=stored.get("notes", ""),
            sha256=row[4],
            path=f"library:{entry_id}:{row[3]}",
            encoding=stored.get("encoding", "utf-8"),
            format=stored.get("format", "text"),
            header=tuple(stored.get("header", ())),
            footnotes=tuple(stored.get("footnotes", ())),
            library_id=entry_id,
        )
        return document_from_text(str(row[2]), info, emphasis=emphasis)

    def documents(self) -> list[Document]:
        return [self.load(e.id) for e in self.entries()]

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

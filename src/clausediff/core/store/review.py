"""Review sessions: the versions under review and the notes on their clauses, in one file.

Contract: a :class:`Review` is one SQLite file (``.cdreview``). Every change is committed
in its own transaction the moment it is made, with ``synchronous=FULL`` and a rollback
journal: when a call returns, the note is on disk, and a crash or a power cut at any moment
leaves the file as it was before or after the change, never in between. There is no unsaved
state. The journal is a rollback journal (not WAL) so that the ``.cdreview`` file alone
carries everything and can be handed to a colleague.

The file records the versions reviewed (symbols, SHA-256, label, date) and the notes. A note
is anchored to a clause of one version: the version's SHA-256, the clause's index, label
and exact text at the time. :mod:`clausediff.core.store.placement` places notes on a
lineage: a note belongs to the clause family of its anchor clause, so when a newer version
is added it follows its clause; a note whose version is absent is placed by its text, or
else **orphaned**, shown with its original text, and never dropped.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from clausediff.core.errors import ClauseDiffError
from clausediff.core.model import Document
from clausediff.core.store.sqlite import backup, connection

STATUSES = ("none", "agreed", "to discuss", "red line")
SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS versions (
    position INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL,
    symbols TEXT NOT NULL,
    label TEXT NOT NULL,
    date TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS notes (
    id INTEGER PRIMARY KEY,
    version_sha256 TEXT NOT NULL,
    version_label TEXT NOT NULL,
    clause_index INTEGER NOT NULL,
    clause_label TEXT NOT NULL,
    clause_text TEXT NOT NULL,
    status TEXT NOT NULL,
    text TEXT NOT NULL,
    author TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
"""


class ReviewError(ClauseDiffError):
    """A review file could not be opened, read or written."""


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    version_sha256: str
    version_label: str
    clause_index: int
    clause_label: str
    clause_text: str
    status: str
    text: str
    author: str
    created: str
    updated: str


@dataclass(frozen=True, slots=True)
class ReviewVersion:
    sha256: str
    symbols: tuple[str, ...]
    label: str
    date: str


@dataclass(frozen=True, slots=True)
class PlacedNote:
    """A note on a lineage: its family, or ``family`` None when it is orphaned."""

    note: Note
    family: str | None
    version: int | None  # the lineage version the note is placed on
    clause: int | None  # that version's clause index
    reanchored: bool = False  # placed by text, its own version being absent

    @property
    def orphaned(self) -> bool:
        return self.family is None


class Review:
    """One review file; see the module contract."""

    def __init__(self, path: Path, *, create: bool = False) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise ReviewError(f"There is no review file {self.path}.")
        with self._connect(write=True) as conn:
            conn.executescript(_SCHEMA)
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('created', ?)", (_now(),))
            row = conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        if row is None or int(row[0]) > SCHEMA_VERSION:
            raise ReviewError(f"{self.path.name} was written by a newer ClauseDiff.")

    def _connect(
        self, write: bool = False
    ) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        return connection(
            self.path,
            error=ReviewError,
            describe=self._describe,
            write=write,
            timeout=10,
            pragmas=("journal_mode=DELETE", "synchronous=FULL"),
        )

    def _describe(self, problem: str, exc: Exception) -> str:
        name = self.path.name
        return {
            "open": f"{name} is not a review file ({exc}).",
            "read-only": f"{name} is read-only; the change was not saved.",
            "full": f"The disk is full; the change to {name} was not saved.",
            "damaged": f"{name} is damaged or not a review file ({exc}).",
        }.get(problem, f"{name} could not be used ({exc}).")

    def save_copy(self, target: Path) -> Review:
        """A consistent copy of this review at ``target`` (notes being written included)."""
        backup(self.path, Path(target), error=ReviewError, describe=self._describe)
        return Review(Path(target))

    # ------------------------------------------------------------------ versions

    def set_versions(self, docs: Sequence[Document]) -> None:
        with self._connect(write=True) as conn:
            conn.execute("DELETE FROM versions")
            conn.executemany(
                "INSERT INTO versions VALUES (?,?,?,?,?)",
                [
                    (n, d.info.sha256, "\n".join(d.info.symbols), d.info.label, d.info.date)
                    for n, d in enumerate(docs)
                ],
            )

    def add_version(self, doc: Document) -> None:
        """Cover one more version, keeping those the review covers already."""
        with self._connect(write=True) as conn:
            (count,) = conn.execute("SELECT COUNT(*) FROM versions").fetchone()
            conn.execute(
                "INSERT INTO versions VALUES (?,?,?,?,?)",
                (
                    count,
                    doc.info.sha256,
                    "\n".join(doc.info.symbols),
                    doc.info.label,
                    doc.info.date,
                ),
            )

    def versions(self) -> list[ReviewVersion]:
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT sha256, symbols, label, date FROM versions ORDER BY position"
            ).fetchall()
        return [
            ReviewVersion(r[0], tuple(s for s in r[1].split("\n") if s), r[2], r[3]) for r in rows
        ]

    def missing(self, available: Sequence[Document]) -> list[ReviewVersion]:
        """The reviewed versions of which no text is available here (by SHA-256)."""
        have = {d.info.sha256 for d in available}
        return [v for v in self.versions() if v.sha256 not in have]

    # ------------------------------------------------------------------ notes

    def add_note(
        self,
        doc: Document,
        clause_index: int,
        text: str,
        *,
        status: str = "none",
        author: str = "",
    ) -> Note:
        if status not in STATUSES:
            raise ReviewError(f"Unknown status {status!r}; use one of {', '.join(STATUSES)}.")
        clause = doc.clauses[clause_index]
        now = _now()
        with self._connect(write=True) as conn:
            cur = conn.execute(
                "INSERT INTO notes (version_sha256, version_label, clause_index, clause_label,"
                " clause_text, status, text, author, created, updated)"
                " VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    doc.info.sha256,
                    doc.info.label,
                    clause_index,
                    clause.display_label(),
                    clause.gap_note if clause.is_gap else clause.text,
                    status,
                    text,
                    author,
                    now,
                    now,
                ),
            )
            note_id = int(cur.lastrowid or 0)
        return self.note(note_id)

    def update_note(
        self, note_id: int, *, text: str | None = None, status: str | None = None
    ) -> Note:
        if status is not None and status not in STATUSES:
            raise ReviewError(f"Unknown status {status!r}; use one of {', '.join(STATUSES)}.")
        with self._connect(write=True) as conn:
            if text is not None:
                conn.execute(
                    "UPDATE notes SET text=?, updated=? WHERE id=?", (text, _now(), note_id)
                )
            if status is not None:
                conn.execute(
                    "UPDATE notes SET status=?, updated=? WHERE id=?", (status, _now(), note_id)
                )
        return self.note(note_id)

    def delete_note(self, note_id: int) -> None:
        with self._connect(write=True) as conn:
            conn.execute("DELETE FROM notes WHERE id=?", (note_id,))

    def note(self, note_id: int) -> Note:
        with self._connect() as conn:
            row = conn.execute(
                f"SELECT {_NOTE_COLUMNS} FROM notes WHERE id=?", (note_id,)
            ).fetchone()
        if row is None:
            raise ReviewError(f"The review has no note {note_id}.")
        return Note(*row)

    def notes(self) -> list[Note]:
        with self._connect() as conn:
            rows = conn.execute(f"SELECT {_NOTE_COLUMNS} FROM notes ORDER BY id").fetchall()
        return [Note(*r) for r in rows]


_NOTE_COLUMNS = (
    "id, version_sha256, version_label, clause_index, clause_label, clause_text, status, text,"
    " author, created, updated"
)


def _now() -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S")

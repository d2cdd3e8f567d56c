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

The file also records a user's **corrections** of the engine's pairing (clauses paired by
hand, or kept apart), each with who made it and when, against a stable identity of every
clause it names: the version's SHA-256, the clause's index and the SHA-256 of its exact
text (:class:`ClauseRef`), never a fuzzy re-anchoring. Which of them apply to a comparison
is :mod:`clausediff.core.store.corrections`' question. A file of format 1 (before
corrections) opens as one with none and is written in the current format at its first
change.

A review file is handed from one delegation to another: every one is untrusted.
:mod:`clausediff.core.store.review_file` checks a file before anything in it is used and
reads it without running anything it holds; opening never writes. A file that holds more
than ClauseDiff's schema (a trigger, a view, another table) is rewritten clean from its
validated rows before the first change (:attr:`Review.cleaned` then says what was dropped),
and every write checks the schema again inside its own transaction. A note adds its
version to the versions the review covers; no version it names is ever dropped.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from clausediff.core.model import Document
from clausediff.core.store import review_file as rf
from clausediff.core.store import values
from clausediff.core.store.review_file import (
    CORRECTION_COLUMNS,
    NOTE_COLUMNS,
    SCHEMA_VERSION,
    Contents,
    fingerprint_ok,
    inspect,
    write_clean,
)
from clausediff.core.store.review_rows import (
    CORRECTION_KINDS,
    DEFAULT_LIMITS,
    STATUSES,
    ReviewError,
    ReviewLimits,
    VersionRow,
    checked,
    clause_refs,
    correction_row,
    note_row,
    version_row,
)
from clausediff.core.store.review_values import (
    ClauseRef,
    Correction,
    Note,
    PlacedNote,
    ReviewVersion,
    text_sha256,
)
from clausediff.core.store.sqlite import connection

__all__ = [
    "CORRECTION_KINDS",
    "STATUSES",
    "ClauseRef",
    "Correction",
    "Note",
    "PlacedNote",
    "Review",
    "ReviewError",
    "ReviewLimits",
    "ReviewVersion",
    "text_sha256",
]

_T = TypeVar("_T")


class Review:
    """One review file; see the module contract."""

    def __init__(
        self, path: Path, *, create: bool = False, limits: ReviewLimits = DEFAULT_LIMITS
    ) -> None:
        self.path = Path(path)
        self.limits = limits
        #: what the file held beyond ClauseDiff's schema (never run; removed before the
        #: first change is written, when :attr:`cleaned` says so)
        self.extras: tuple[str, ...] = ()
        self.cleaned: tuple[str, ...] = ()
        self._outdated = False  # (an older format: rewritten in this one before a change)
        if create and (not self.path.exists() or _empty_file(self.path)):
            meta = (("schema", str(SCHEMA_VERSION)), ("created", _now()))
            write_clean(self.path, Contents(meta=meta, versions=(), notes=()), limits)
        contents = inspect(self.path, limits)
        self.extras, self._outdated = contents.extras, contents.outdated
        #: the rows last read, with the file's state then: a file no one has written
        #: since is not read and checked again (the window asks for the corrections at
        #: every comparison, and a review may hold 100,000 notes)
        self._read: tuple[tuple[int, int, int, bytes], Contents] | None = None

    def _state(self) -> tuple[int, int, int, bytes] | None:
        """The file's inode, size, modification time and SQLite change counter (header
        bytes 24-27, which every committed transaction changes), or None if unreadable."""
        try:  # (never blocks: a file replaced by a pipe is not waited on, only not cached)
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            return None
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                return None
            if not hasattr(os, "pread"):
                return None  # (no change counter to read: no caching)
            counter = os.pread(fd, 4, 24)
        except OSError:
            return None
        finally:
            os.close(fd)
        return (st.st_ino, st.st_size, st.st_mtime_ns, counter)

    def _contents(self) -> Contents:
        seen = self._state()
        if seen is not None and self._read is not None and self._read[0] == seen:
            return self._read[1]
        contents = inspect(self.path, self.limits, integrity=False)
        self._read = None if seen is None else (seen, contents)
        return contents

    def _write(self, change: Callable[[sqlite3.Connection], _T]) -> _T:
        """Apply ``change`` in one transaction, on a file that holds nothing but
        ClauseDiff's schema (a file that holds more is first rewritten clean)."""
        for _attempt in range(2):
            if self.extras or self._outdated:
                self._rebuild()
            self._check_room()
            self._read = None  # (what is written is read afresh)
            with self._connect_write() as conn:
                if fingerprint_ok(conn):  # (inside the transaction: nothing can slip in)
                    return change(conn)
            self.extras = inspect(self.path, self.limits).extras or ("changes on disk",)
        raise ReviewError(f"{self.path.name} changed while it was being written; try again.")

    def _rebuild(self) -> None:
        contents = inspect(self.path, self.limits)
        if not os.access(self.path, os.W_OK):
            raise ReviewError(f"{self.path.name} is read-only; the change was not saved.")
        write_clean(self.path, contents, self.limits)
        self.cleaned, self.extras, self._outdated = contents.extras, (), False

    def _check_room(self) -> None:
        try:
            size = self.path.stat().st_size
        except OSError:
            return  # (the connection says what is wrong)
        if size >= self.limits.max_file_bytes:
            raise ReviewError(
                f"{self.path.name} holds as much as a review file may "
                f"({self.limits.max_file_bytes / 2**20:,.0f} MB); the change was not saved."
            )

    def _connect_write(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        return connection(
            self.path.absolute().as_uri() + "?mode=rw",
            uri=True,
            error=ReviewError,
            describe=lambda problem, exc: rf.describe(self.path.name, problem, exc),
            write=True,
            immediate=True,
            timeout=10,
            limits=self.limits.guard,
            pragmas=("journal_mode=DELETE", "synchronous=FULL"),
        )

    def save_copy(self, target: Path) -> Review:
        """A clean copy of this review at ``target`` (notes being written included)."""
        write_clean(Path(target), inspect(self.path, self.limits), self.limits)
        return Review(Path(target), limits=self.limits)

    # ------------------------------------------------------------------ versions

    def set_versions(self, docs: Sequence[Document]) -> None:
        if len(docs) > self.limits.max_versions:
            raise ReviewError(
                f"A review covers at most {self.limits.max_versions:,} versions; "
                "the change was not saved."
            )
        rows = [self._version_row(n, d) for n, d in enumerate(docs)]

        def change(conn: sqlite3.Connection) -> None:
            conn.execute("DELETE FROM versions")
            conn.executemany("INSERT INTO versions VALUES (?,?,?,?,?)", rows)

        self._write(change)

    def _version_row(self, position: int, doc: Document) -> VersionRow:
        short = self.limits.max_short_chars
        info = doc.info
        with checked(f"{info.label[:60]} cannot be recorded in {self.path.name}"):
            return version_row(
                (
                    position,
                    info.sha256,
                    "\n".join(info.symbols)[:short],
                    info.label[:short],
                    info.date[:short],
                ),
                self.limits,
                what="the version",
            )

    def _ensure_version(self, conn: sqlite3.Connection, doc: Document) -> None:
        """Record ``doc`` among the versions if it is not there yet (by SHA-256)."""
        found = conn.execute(
            "SELECT 1 FROM versions NOT INDEXED WHERE sha256 = ? LIMIT 1", (doc.info.sha256,)
        ).fetchone()
        if found is not None:
            return
        (last, count) = conn.execute("SELECT MAX(position), COUNT(*) FROM versions").fetchone()
        if count >= self.limits.max_versions:
            raise ReviewError(
                f"{self.path.name} covers {count:,} versions, as many as a review file may; "
                "the change was not saved."
            )
        position = 0 if last is None else int(last) + 1
        conn.execute("INSERT INTO versions VALUES (?,?,?,?,?)", self._version_row(position, doc))

    def versions(self) -> list[ReviewVersion]:
        return [
            ReviewVersion(sha, tuple(s for s in symbols.split("\n") if s), label, date)
            for _, sha, symbols, label, date in self._contents().versions
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
        """A note on a clause of ``doc``; ``doc`` joins the review's versions if it is not
        among them (the versions the review covers already all stay)."""
        self._check_status(status)
        if not 0 <= clause_index < len(doc.clauses):
            raise ReviewError(f"{doc.info.label} has no clause {clause_index + 1}.")
        clause = doc.clauses[clause_index]
        short = self.limits.max_short_chars
        now = _now()
        with checked("The note was not saved"):
            row = note_row(
                (
                    1,
                    doc.info.sha256,
                    doc.info.label[:short],
                    clause_index,
                    clause.display_label()[:short],
                    clause.gap_note if clause.is_gap else clause.text,
                    status,
                    text,
                    author,
                    now,
                    now,
                ),
                self.limits,
                what="the note",
            )

        def change(conn: sqlite3.Connection) -> int:
            (count,) = conn.execute("SELECT COUNT(*) FROM notes").fetchone()
            if count >= self.limits.max_notes:
                raise ReviewError(
                    f"{self.path.name} holds {count:,} notes, as many as a review file may; "
                    "the note was not saved."
                )
            self._ensure_version(conn, doc)
            cur = conn.execute(
                f"INSERT INTO notes ({NOTE_COLUMNS}) VALUES (NULL,?,?,?,?,?,?,?,?,?,?)", row[1:]
            )
            return int(cur.lastrowid or 0)

        return self.note(self._write(change))

    def update_note(
        self, note_id: int, *, text: str | None = None, status: str | None = None
    ) -> Note:
        if status is not None:
            self._check_status(status)
        if text is not None:
            with checked("The note was not saved"):
                values.text(text, "the note's text", self.limits.max_note_chars)

        def change(conn: sqlite3.Connection) -> None:
            if text is not None:
                conn.execute(
                    "UPDATE notes SET text=?, updated=? WHERE id=?", (text, _now(), note_id)
                )
            if status is not None:
                conn.execute(
                    "UPDATE notes SET status=?, updated=? WHERE id=?", (status, _now(), note_id)
                )

        self._write(change)
        return self.note(note_id)

    def delete_note(self, note_id: int) -> None:
        self._write(lambda conn: conn.execute("DELETE FROM notes WHERE id=?", (note_id,)))

    def note(self, note_id: int) -> Note:
        found = [n for n in self.notes() if n.id == note_id]
        if not found:
            raise ReviewError(f"The review has no note {note_id}.")
        return found[0]

    def notes(self) -> list[Note]:
        return [Note(*row) for row in self._contents().notes]

    # ------------------------------------------------------------------ corrections

    def add_correction(
        self,
        kind: str,
        left: Document,
        left_clauses: Sequence[int],
        right: Document,
        right_clauses: Sequence[int],
        *,
        author: str = "",
        replacing: Sequence[int] = (),
    ) -> Correction:
        """Record that these clauses are paired by hand (``kind`` "pair") or kept apart
        ("apart"); both versions join the review's versions. ``replacing``: corrections it
        supersedes, deleted in the same transaction."""
        if kind not in CORRECTION_KINDS:
            raise ReviewError(f"Unknown correction {kind!r}; use one of {CORRECTION_KINDS}.")
        short = self.limits.max_short_chars
        sides: list[object] = []
        for doc, indices in ((left, left_clauses), (right, right_clauses)):
            indices = sorted(set(indices))
            if not indices or not all(0 <= i < len(doc.clauses) for i in indices):
                raise ReviewError(f"{doc.info.label} has no such clause; nothing was saved.")
            if any(doc.clauses[i].is_gap for i in indices):
                raise ReviewError("A gap in the text cannot be paired; nothing was saved.")
            refs = ",".join(f"{i}:{text_sha256(doc.clauses[i].text)}" for i in indices)
            labels = "\n".join(doc.clauses[i].display_label()[:60] for i in indices)
            sides += [doc.info.sha256, doc.info.label[:short], refs, labels]
        with checked("The correction was not saved"):
            row = correction_row((1, kind, *sides, author[:short], _now()), self.limits)

        def change(conn: sqlite3.Connection) -> int:
            for old in replacing:
                conn.execute("DELETE FROM corrections WHERE id=?", (old,))
            (count,) = conn.execute("SELECT COUNT(*) FROM corrections").fetchone()
            if count >= self.limits.max_corrections:
                raise ReviewError(
                    f"{self.path.name} holds {count:,} corrections, as many as a review "
                    "file may; the correction was not saved."
                )
            self._ensure_version(conn, left)
            self._ensure_version(conn, right)
            cur = conn.execute(
                f"INSERT INTO corrections ({CORRECTION_COLUMNS}) "
                "VALUES (NULL,?,?,?,?,?,?,?,?,?,?,?)",
                row[1:],
            )
            return int(cur.lastrowid or 0)

        new_id = self._write(change)
        return next(c for c in self.corrections() if c.id == new_id)

    def delete_corrections(self, ids: Sequence[int]) -> None:
        def change(conn: sqlite3.Connection) -> None:
            conn.executemany("DELETE FROM corrections WHERE id=?", [(i,) for i in ids])

        self._write(change)

    def restore_corrections(self, corrections: Sequence[Correction], *, removing: int = 0) -> None:
        """Put deleted corrections back as they were (an undo), deleting ``removing``
        (the correction that replaced them) in the same transaction."""
        rows = []
        for c in corrections:
            with checked("The correction was not restored"):
                rows.append(correction_row(_row_of(c), self.limits))

        def change(conn: sqlite3.Connection) -> None:
            if removing:
                conn.execute("DELETE FROM corrections WHERE id=?", (removing,))
            conn.executemany(
                f"INSERT OR REPLACE INTO corrections ({CORRECTION_COLUMNS}) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )

        self._write(change)

    def corrections(self) -> list[Correction]:
        out = []
        for row in self._contents().corrections:
            (cid, kind, lsha, llabel, lrefs, llabels, rsha, rlabel, rrefs, rlabels) = row[:10]
            sides = []
            for refs, labels in ((lrefs, llabels), (rrefs, rlabels)):
                found = clause_refs(refs, "", self.limits)
                names = labels.split("\n")
                sides.append(
                    tuple(ClauseRef(i, h, n) for (i, h), n in zip(found, names, strict=True))
                )
            out.append(
                Correction(cid, kind, lsha, llabel, sides[0], rsha, rlabel, sides[1], *row[10:])
            )
        return out

    @staticmethod
    def _check_status(status: str) -> None:
        if status not in STATUSES:
            raise ReviewError(f"Unknown status {status!r}; use one of {', '.join(STATUSES)}.")


def _empty_file(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size == 0
    except OSError:
        return False


def _now() -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S")


def _row_of(c: Correction) -> tuple[object, ...]:
    sides: list[object] = []
    for sha, label, refs in (
        (c.left_sha256, c.left_label, c.left),
        (c.right_sha256, c.right_label, c.right),
    ):
        sides += [
            sha,
            label,
            ",".join(f"{r.index}:{r.text_sha256}" for r in refs),
            "\n".join(r.label for r in refs),
        ]
    return (c.id, c.kind, *sides, c.author, c.created)

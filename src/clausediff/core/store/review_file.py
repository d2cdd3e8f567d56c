"""What a review file must hold, checked before anything in it is used; and writing a clean one.

Contract: a review file is handed from one delegation to another, so it is untrusted input.
:func:`inspect` reads one without writing to it and without running anything it holds, and
returns its validated :class:`Contents`, or raises a :class:`ReviewError` that says which of
three things is wrong: the file is **not a review file** (not SQLite, or SQLite without a
review's tables), it was **made by a newer ClauseDiff** (a higher format version), or it is
**damaged** (a table laid out otherwise than ClauseDiff writes it, a value of the wrong type,
length or range, an SQLite integrity check that fails, a query that runs past its budget).

- The file is opened read-only (``immutable`` when it is in WAL mode, so that nothing is
  made beside it) under a :class:`~clausediff.core.store.sqlite.Guard`; only the four
  tables are read, by table scan (``NOT INDEXED``), and only after their ``CREATE TABLE``
  statements are found to be exactly ClauseDiff's. Views are never read; triggers never
  fire, since nothing is written to a file that holds one.
- Anything beyond the expected schema (a trigger, a view, an index, another table, WAL
  mode) is listed in :attr:`Contents.extras`; such a file is never written as it is:
  :func:`write_clean` writes validated contents into a fresh file beside it and moves that
  over it atomically (the caller does so before its first change).
- Every value is checked against :class:`ReviewLimits`, on reading and on writing alike, so
  that a file ClauseDiff writes always opens again (the checks of each row are in
  :mod:`clausediff.core.store.review_rows`).

May import the errors, the SQLite helper and the row checks; nothing else of the project.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from clausediff.core.store.review_rows import (
    DEFAULT_LIMITS,
    NUMBER,
    CorrectionRow,
    NoteRow,
    ReviewError,
    ReviewLimits,
    VersionRow,
    correction_row,
    note_row,
    version_row,
)
from clausediff.core.store.sqlite import connection, guard, problem_of
from clausediff.core.store.values import BadValue, printable, shown, text

#: format 2 added the table of corrections; a format 1 file opens as one with none, and is
#: written in format 2 at its first change
SCHEMA_VERSION = 2
SCHEMA = """
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
CREATE TABLE IF NOT EXISTS corrections (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    left_sha256 TEXT NOT NULL,
    left_label TEXT NOT NULL,
    left_clauses TEXT NOT NULL,
    left_labels TEXT NOT NULL,
    right_sha256 TEXT NOT NULL,
    right_label TEXT NOT NULL,
    right_clauses TEXT NOT NULL,
    right_labels TEXT NOT NULL,
    author TEXT NOT NULL,
    created TEXT NOT NULL
);
"""
TABLES = ("meta", "versions", "notes", "corrections")
#: the tables a file of an older format may lack (it then holds none of their rows)
_LATER_TABLES = ("corrections",)
VERSION_COLUMNS = "position, sha256, symbols, label, date"
NOTE_COLUMNS = (
    "id, version_sha256, version_label, clause_index, clause_label, clause_text, status, text,"
    " author, created, updated"
)
CORRECTION_COLUMNS = (
    "id, kind, left_sha256, left_label, left_clauses, left_labels, right_sha256, right_label,"
    " right_clauses, right_labels, author, created"
)
_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True, slots=True)
class Contents:
    """The validated rows of a review file, and what it holds beyond ClauseDiff's schema."""

    meta: tuple[tuple[str, str], ...]
    versions: tuple[VersionRow, ...]
    notes: tuple[NoteRow, ...]
    #: ``"trigger 'wipe'"``, ``"view 'v'"``, ``"WAL mode"``, …: never run, never kept
    extras: tuple[str, ...] = ()
    corrections: tuple[CorrectionRow, ...] = ()
    #: the file is of an older format (written in the current one at its first change)
    outdated: bool = False


# ----------------------------------------------------------------------------- reading


def inspect(
    path: Path, limits: ReviewLimits = DEFAULT_LIMITS, *, integrity: bool = True
) -> Contents:
    """The validated contents of the review file ``path``; see the module contract.

    ``integrity``: run SQLite's own check of the file's structure too (on opening).
    """
    path = Path(path)
    name = printable(path.name)
    wal = _check_file(path, name, limits)
    try:
        with _reading(path, wal, name, limits) as conn:
            return _contents(conn, name, limits, wal=wal, integrity=integrity)
    except BadValue as bad:
        raise ReviewError(f"{name} is damaged: {bad}.") from None
    except UnicodeDecodeError:
        raise ReviewError(f"{name} is damaged: it holds text that is not UTF-8.") from None


def _check_file(path: Path, name: str, limits: ReviewLimits) -> bool:
    """Refuse what is not a regular file of a sensible size starting like SQLite; returns
    whether it is in WAL mode."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise ReviewError(f"There is no review file {path}.") from None
    except IsADirectoryError:
        raise ReviewError(f"{name} is a folder, not a review file.") from None
    except OSError as exc:
        raise ReviewError(f"{name} cannot be opened ({exc.strerror or exc}).") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ReviewError(f"{name} is a folder, not a review file.")
        if not stat.S_ISREG(info.st_mode):
            raise ReviewError(f"{name} is not a review file (it is not a regular file).")
        if info.st_size > limits.max_file_bytes:
            raise ReviewError(
                f"{name} is not a review file: it is {info.st_size / 2**20:,.1f} MB, and a "
                f"review file is at most {limits.max_file_bytes / 2**20:,.0f} MB."
            )
        header = os.read(fd, 100)
    except OSError as exc:
        raise ReviewError(f"{name} cannot be read ({exc.strerror or exc}).") from None
    finally:
        os.close(fd)
    if not header:
        raise ReviewError(f"{name} is not a review file: it is empty.")
    if len(header) < 100 or not header.startswith(_MAGIC):
        raise ReviewError(f"{name} is not a review file (a review is an SQLite file).")
    return header[18] == 2 or header[19] == 2


@contextlib.contextmanager
def _reading(
    path: Path, wal: bool, name: str, limits: ReviewLimits
) -> Iterator[sqlite3.Connection]:
    """A read-only, guarded connection; a journal left by a crash is rolled back first."""
    journal = path.with_name(path.name + "-journal")
    if not wal and journal.exists():
        _roll_back(path, name, limits)
    target = path.absolute().as_uri() + ("?mode=ro&immutable=1" if wal else "?mode=ro")
    try:
        conn = sqlite3.connect(target, uri=True, timeout=10, isolation_level=None)
    except sqlite3.Error as exc:
        raise ReviewError(describe(name, "open", exc)) from None
    try:
        guard(conn, limits.guard)
        conn.execute("PRAGMA query_only=ON")
        conn.text_factory = _strict_text
        yield conn
    except sqlite3.Error as exc:
        raise ReviewError(describe(name, problem_of(exc), exc)) from None
    finally:
        conn.close()


def _roll_back(path: Path, name: str, limits: ReviewLimits) -> None:
    """Let SQLite roll back the journal a process that died while writing left beside the
    file (a read-only connection cannot); nothing of the file's schema is run."""
    with connection(
        path.absolute().as_uri() + "?mode=rw",
        uri=True,
        error=ReviewError,
        describe=lambda problem, exc: describe(name, problem, exc),
        limits=limits.guard,
        timeout=10,
    ) as conn:
        conn.execute("PRAGMA schema_version").fetchone()


def _strict_text(data: bytes) -> str:
    return data.decode("utf-8")


def describe(name: str, problem: str, exc: Exception) -> str:
    """The message for an SQLite problem with the review file called ``name``."""
    return {
        "open": f"{name} cannot be opened as a review file ({exc}).",
        "read-only": f"{name} is read-only; the change was not saved.",
        "full": f"The disk is full; the change to {name} was not saved.",
        "locked": f"{name} is in use by another program; try again.",
        "damaged": f"{name} is damaged or not a review file ({exc}).",
        "slow": f"{name} is damaged: reading it took too long, and was stopped.",
    }.get(problem, f"{name} could not be used ({exc}).")


def _contents(
    conn: sqlite3.Connection, name: str, limits: ReviewLimits, *, wal: bool, integrity: bool
) -> Contents:
    objects = _objects(conn)
    by_name = {(o[0], o[1]): o for o in objects}
    tables = {o[1]: o for o in objects if o[1] in TABLES}
    if not tables:
        raise ReviewError(f"{name} is not a review file (it holds no notes or versions).")
    version = _format_version(conn, tables.get("meta"))
    if version > SCHEMA_VERSION:
        raise ReviewError(
            f"{name} was made by a newer ClauseDiff (review format {version}; this one reads "
            f"format {SCHEMA_VERSION}). Update ClauseDiff to open it."
        )
    if "versions" not in tables and "notes" not in tables:
        raise ReviewError(f"{name} is not a review file (it holds no notes or versions).")
    expected = expected_objects()
    for table in TABLES:
        if table in _LATER_TABLES and ("table", table) not in by_name:
            continue  # (an older format, or a file that lost it: none of its rows)
        if by_name.get(("table", table)) not in expected:
            raise BadValue(f"its table {table!r} is not laid out as ClauseDiff writes it")
    if integrity:
        _integrity(conn)
    extras = tuple(_extra(o) for o in objects if o not in expected)
    if wal:
        extras += ("WAL mode",)
    later = all(("table", t) in by_name for t in _LATER_TABLES)
    return Contents(
        meta=_meta(conn, limits),
        versions=tuple(_read_versions(conn, limits)),
        notes=tuple(_read_notes(conn, limits)),
        extras=extras,
        corrections=tuple(_read_corrections(conn, limits)) if later else (),
        outdated=version < SCHEMA_VERSION or not later,
    )


#: ``(type, name, tbl_name, sql with its white space folded)``
SchemaObject = tuple[str, str, str, str | None]


def _objects(conn: sqlite3.Connection) -> list[SchemaObject]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    out: list[SchemaObject] = []
    for kind, obj, table, sql in rows:
        if not all(isinstance(v, str) for v in (kind, obj, table)) or not (
            sql is None or isinstance(sql, str)
        ):
            raise BadValue("its list of tables is not readable")
        out.append((kind, obj, table, " ".join(sql.split()) if sql is not None else None))
    return sorted(out)


@functools.cache
def expected_objects() -> frozenset[SchemaObject]:
    """The objects a review file holds: its four tables and the index of ``meta``'s key."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(SCHEMA)
        return frozenset(_objects(conn))
    finally:
        conn.close()


def fingerprint_ok(conn: sqlite3.Connection) -> bool:
    """Whether the file behind ``conn`` holds exactly ClauseDiff's schema (to be asked inside
    the write transaction: nothing can be added between the question and the write)."""
    try:
        return set(_objects(conn)) == expected_objects()
    except BadValue:
        return False


def _extra(obj: SchemaObject) -> str:
    kind, name = obj[0], obj[1]
    return f"{kind} {printable(name[:60])!r}"


def _format_version(conn: sqlite3.Connection, meta: SchemaObject | None) -> int:
    if meta is None or meta[0] != "table" or not (meta[3] or "").startswith("CREATE TABLE "):
        raise BadValue("it has no table of its format version")
    try:
        rows = conn.execute(
            "SELECT value FROM meta NOT INDEXED WHERE key = 'schema' LIMIT 2"
        ).fetchall()
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise
        raise BadValue("its table of its format version is not readable") from None
    if len(rows) != 1:
        raise BadValue("it does not say which format version it is")
    value = rows[0][0]
    if not isinstance(value, str) or not NUMBER.fullmatch(value):
        raise BadValue(f"its format version {shown(value)} is not a number")
    found = int(value)
    if found < 1:
        raise BadValue(f"its format version {found} is not one ClauseDiff ever wrote")
    return found


def _integrity(conn: sqlite3.Connection) -> None:
    rows = conn.execute("PRAGMA quick_check(5)").fetchall()
    if [tuple(r) for r in rows] != [("ok",)]:
        found = "; ".join(str(r[0])[:120] for r in rows)
        raise BadValue(f"SQLite's check of the file found: {found}")


def _meta(conn: sqlite3.Connection, limits: ReviewLimits) -> tuple[tuple[str, str], ...]:
    rows = conn.execute("SELECT key, value FROM meta NOT INDEXED ORDER BY rowid").fetchmany(
        limits.max_versions + 1
    )
    if len(rows) > limits.max_versions:
        raise BadValue(f"it holds more than {limits.max_versions:,} settings")
    return tuple(
        (
            text(k, "a setting's name", limits.max_short_chars),
            text(v, f"the setting {printable(str(k)[:40])!r}", limits.max_short_chars),
        )
        for k, v in rows
    )


def _read_versions(conn: sqlite3.Connection, limits: ReviewLimits) -> list[VersionRow]:
    rows = conn.execute(
        f"SELECT {VERSION_COLUMNS} FROM versions NOT INDEXED ORDER BY position"
    ).fetchmany(limits.max_versions + 1)
    if len(rows) > limits.max_versions:
        raise BadValue(f"it covers more than {limits.max_versions:,} versions")
    return [version_row(r, limits) for r in rows]


def _read_notes(conn: sqlite3.Connection, limits: ReviewLimits) -> list[NoteRow]:
    rows = conn.execute(f"SELECT {NOTE_COLUMNS} FROM notes NOT INDEXED ORDER BY id").fetchmany(
        limits.max_notes + 1
    )
    if len(rows) > limits.max_notes:
        raise BadValue(f"it holds more than {limits.max_notes:,} notes")
    return [note_row(r, limits) for r in rows]


def _read_corrections(conn: sqlite3.Connection, limits: ReviewLimits) -> list[CorrectionRow]:
    rows = conn.execute(
        f"SELECT {CORRECTION_COLUMNS} FROM corrections NOT INDEXED ORDER BY id"
    ).fetchmany(limits.max_corrections + 1)
    if len(rows) > limits.max_corrections:
        raise BadValue(f"it holds more than {limits.max_corrections:,} corrections")
    return [correction_row(r, limits) for r in rows]


# ----------------------------------------------------------------------------- writing


def write_clean(target: Path, contents: Contents, limits: ReviewLimits = DEFAULT_LIMITS) -> None:
    """Write ``contents`` (validated) into a fresh review file and move it over ``target``
    in one step: ``target`` is then either as it was or the clean file, never in between."""
    target = Path(target)
    name = printable(target.name)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise ReviewError(_os_message(name, exc)) from None
    tmp = Path(tmp_name)
    try:
        with connection(
            tmp,
            error=ReviewError,
            describe=lambda problem, exc: describe(name, problem, exc),
            write=True,
            limits=limits.guard,
            pragmas=("journal_mode=DELETE", "synchronous=FULL"),
        ) as conn:
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            meta = [(k, str(SCHEMA_VERSION) if k == "schema" else v) for k, v in contents.meta]
            conn.executemany("INSERT INTO meta VALUES (?, ?)", meta)
            conn.executemany("INSERT INTO versions VALUES (?,?,?,?,?)", contents.versions)
            conn.executemany(
                f"INSERT INTO notes ({NOTE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                contents.notes,
            )
            conn.executemany(
                f"INSERT INTO corrections ({CORRECTION_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                contents.corrections,
            )
        _replace(tmp, target, name)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _replace(tmp: Path, target: Path, name: str) -> None:
    try:
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        with contextlib.suppress(FileNotFoundError):
            tmp.chmod(stat.S_IMODE(target.stat().st_mode))
        # a journal beside the old file is not the new one's: it must never be played on it
        with contextlib.suppress(FileNotFoundError):
            target.with_name(target.name + "-journal").unlink()
        tmp.replace(target)
        if hasattr(os, "O_DIRECTORY"):
            dfd = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)
    except OSError as exc:
        raise ReviewError(_os_message(name, exc)) from None


def _os_message(name: str, exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    return f"{name} could not be written ({reason}); the change was not saved."

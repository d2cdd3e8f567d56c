"""One way to open the project's SQLite files (the library, review files) and to turn
SQLite's errors into messages a user can act on.

Contract: :func:`connection` yields a connection, inside one transaction when ``write``
(committed on success, rolled back on any error), and always closes it. Every SQLite error
becomes the store's own :class:`ClauseDiffError` subclass, with the words of the store's
``describe`` for the problem found: ``"open"`` (the file cannot be opened), ``"read-only"``,
``"full"`` (no room left), ``"locked"`` (in use elsewhere), ``"damaged"``, ``"slow"`` (a
statement ran past its :class:`Guard`'s budget and was stopped) or ``"other"``.

Every file is untrusted (a review file comes from someone else; a library row may have been
written by anything): a :class:`Guard` bounds what SQLite may do on one. Functions in the
file's schema (views, triggers, defaults, indexes) are limited to the innocuous ones
(``trusted_schema=OFF``), cells are checked as they are read (``cell_size_check``), no
database can be attached, no string or blob longer than ``max_value_bytes`` is read or
written (SQLite refuses it before it is loaded), and a connection is stopped after
``max_steps`` steps of SQLite's virtual machine, so that no query can hang.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from clausediff.core.errors import ClauseDiffError

#: ``describe(problem, error)``: the message for one of the problems named above.
Describe = Callable[[str, Exception], str]

#: How often (in virtual machine steps) the step budget is looked at.
_STEP_CHECK = 10_000


@dataclass(frozen=True, slots=True)
class Guard:
    """Bounds on what SQLite may do on one connection to a file that may be hostile."""

    #: the longest string or blob read or written (and the largest row written), in bytes
    max_value_bytes: int
    #: virtual machine steps one connection may take before its statement is interrupted
    max_steps: int = 50_000_000


def guard(conn: sqlite3.Connection, limits: Guard) -> None:
    """Apply ``limits`` to a connection just opened (before its schema is read)."""
    conn.execute("PRAGMA trusted_schema=OFF")
    conn.execute("PRAGMA cell_size_check=ON")
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, limits.max_value_bytes)
    conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
    steps = [0]
    budget = limits.max_steps // _STEP_CHECK

    def spent() -> bool:
        steps[0] += 1
        return steps[0] > budget

    conn.set_progress_handler(spent, _STEP_CHECK)


def problem_of(exc: sqlite3.Error) -> str:
    """Which of the named problems an SQLite error is."""
    if not isinstance(exc, sqlite3.OperationalError):
        return "damaged" if isinstance(exc, sqlite3.DatabaseError) else "other"
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        return "read-only"
    if "full" in text or "disk i/o" in text:
        return "full"
    if "locked" in text or "busy" in text:
        return "locked"
    if "interrupted" in text:
        return "slow"
    if "malformed" in text or "not a database" in text:
        return "damaged"
    return "other"


@contextlib.contextmanager
def connection(
    path: Path | str,
    *,
    error: type[ClauseDiffError],
    describe: Describe,
    write: bool = False,
    timeout: float = 5.0,
    pragmas: Sequence[str] = (),
    limits: Guard | None = None,
    uri: bool = False,
    immediate: bool = False,
) -> Iterator[sqlite3.Connection]:
    """A connection to ``path`` (an SQLite URI when ``uri``); see the module contract.

    ``immediate``: the write transaction takes the file's write lock before anything is
    read, so that what the caller checks first cannot change before it writes.
    """
    try:
        conn = sqlite3.connect(path, timeout=timeout, isolation_level="DEFERRED", uri=uri)
    except sqlite3.Error as exc:
        raise error(describe("open", exc)) from None
    try:
        try:
            if limits is not None:
                guard(conn, limits)
            for pragma in pragmas:
                conn.execute(f"PRAGMA {pragma}")
        except sqlite3.Error as exc:
            raise error(describe("open", exc)) from None
        if write:
            with conn:  # one transaction: committed, or rolled back on any error
                if immediate:
                    conn.execute("BEGIN IMMEDIATE")
                yield conn
        else:
            yield conn
    except sqlite3.Error as exc:
        raise error(describe(problem_of(exc), exc)) from None
    finally:
        conn.close()

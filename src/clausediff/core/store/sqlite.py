"""One way to open the project's SQLite files (the library, review files) and to turn
SQLite's errors into messages a user can act on.

Contract: :func:`connection` yields a connection, inside one transaction when ``write``
(committed on success, rolled back on any error), and always closes it. Every SQLite error
becomes the store's own :class:`ClauseDiffError` subclass, with the words of the store's
``describe`` for the problem found: ``"open"`` (the file cannot be opened), ``"read-only"``,
``"full"`` (no room left), ``"locked"`` (in use elsewhere), ``"damaged"`` or ``"other"``.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from clausediff.core.errors import ClauseDiffError

#: ``describe(problem, error)``: the message for one of the problems named above.
Describe = Callable[[str, Exception], str]


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
    return "other"


@contextlib.contextmanager
def connection(
    path: Path,
    *,
    error: type[ClauseDiffError],
    describe: Describe,
    write: bool = False,
    timeout: float = 5.0,
    pragmas: Sequence[str] = (),
) -> Iterator[sqlite3.Connection]:
    """A connection to ``path``; see the module contract."""
    try:
        conn = sqlite3.connect(path, timeout=timeout, isolation_level="DEFERRED")
        for pragma in pragmas:
            conn.execute(f"PRAGMA {pragma}")
    except sqlite3.Error as exc:
        raise error(describe("open", exc)) from None
    try:
        if write:
            with conn:  # one transaction: committed, or rolled back on any error
                yield conn
        else:
            yield conn
    except sqlite3.Error as exc:
        raise error(describe(problem_of(exc), exc)) from None
    finally:
        conn.close()


def backup(source: Path, target: Path, *, error: type[ClauseDiffError], describe: Describe) -> None:
    """A consistent copy of ``source`` at ``target`` (even while ``source`` is being written)."""
    with (
        connection(source, error=error, describe=describe) as src,
        connection(target, error=error, describe=describe, write=True) as dst,
    ):
        src.backup(dst)

"""The guard on every SQLite connection to a file that may be hostile: a query that would
run forever is stopped, a value beyond the length limit is refused before it is loaded,
and functions a file's schema may call are the innocuous ones only."""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest

from clausediff.core.errors import ClauseDiffError
from clausediff.core.store.sqlite import Guard, connection

FOREVER = "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) SELECT count(*) FROM r"


def _say(problem: str, exc: Exception) -> str:
    return f"{problem}: {exc}"


def test_a_query_that_would_run_forever_is_stopped(tmp_path: Path) -> None:
    started = time.monotonic()
    with (
        pytest.raises(ClauseDiffError, match=r"^slow: interrupted$"),
        connection(
            tmp_path / "x.sqlite3",
            error=ClauseDiffError,
            describe=_say,
            limits=Guard(max_value_bytes=1000, max_steps=2_000_000),
        ) as conn,
    ):
        conn.execute(FOREVER).fetchone()
    assert time.monotonic() - started < 5


def test_a_value_beyond_the_limit_is_refused_and_schema_functions_are_innocuous(
    tmp_path: Path,
) -> None:
    path = tmp_path / "x.sqlite3"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE t (a TEXT)")
        conn.execute("INSERT INTO t VALUES (hex(zeroblob(5000)))")
        # a view calling a function the program defines (Python registers none innocuous)
        conn.execute("CREATE VIEW v AS SELECT program_function() AS x")
        conn.commit()
    guard = Guard(max_value_bytes=1000)
    with connection(path, error=ClauseDiffError, describe=_say, limits=guard) as conn:
        assert conn.execute("SELECT count(*) FROM t").fetchone() == (1,)
    with (
        pytest.raises(ClauseDiffError, match="too big"),
        connection(path, error=ClauseDiffError, describe=_say, limits=guard) as conn,
    ):
        conn.execute("SELECT a FROM t").fetchone()
    with (
        pytest.raises(ClauseDiffError, match=r"unsafe use of program_function\(\)"),
        connection(path, error=ClauseDiffError, describe=_say, limits=guard) as conn,
    ):
        conn.create_function("program_function", 0, lambda: 1)
        conn.execute("SELECT x FROM v").fetchone()
    with connection(path, error=ClauseDiffError, describe=_say) as conn:  # (unguarded: runs)
        conn.create_function("program_function", 0, lambda: 1)
        assert conn.execute("SELECT x FROM v").fetchone() == (1,)

"""'clausediff note' on review files from someone else: nothing in one runs or hangs, a bad
one gets one line and exit status 2, and every version a review names is kept."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from clausediff.core.read.bundled import load_bundled
from clausediff.core.read.files import load_file
from clausediff.core.store.review import Review
from support.official import build_docx

RECURSIVE = (
    "SELECT count(*) FROM (WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r)"
    " SELECT i FROM r)"
)


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clausediff", *args],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip


def _received(path: Path) -> None:
    """A colleague's review of 2011 -> 2013 with two notes, as ClauseDiff writes it."""
    d2011, d2013 = load_bundled("WT/L/843"), load_bundled("WT/L/907")
    review = Review(path, create=True)
    review.set_versions([d2011, d2013])
    review.add_note(d2011, 3, "Keep WT/L/274", status="agreed")
    review.add_note(d2013, 5, "Scope?", status="to discuss")


def _sql(path: Path, script: str) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.executescript(script)
        conn.commit()


def test_a_trigger_in_a_received_review_never_fires(tmp_path: Path) -> None:
    path = tmp_path / "received.cdreview"
    _received(path)
    _sql(
        path,
        """CREATE TRIGGER wipe AFTER INSERT ON notes BEGIN DELETE FROM notes; END;
           CREATE TRIGGER mark AFTER INSERT ON notes BEGIN UPDATE notes SET text = 'pwned'; END;
        """,
    )
    result = cli("note", str(path), "WT/L/907", "c5", "Session number", "--status", "agreed")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Note 3 on 2013 Bali Decision")
    assert "held parts ClauseDiff does not write (trigger 'mark', trigger 'wipe')" in (
        result.stderr
    )
    assert [n.text for n in Review(path).notes()] == ["Keep WT/L/274", "Scope?", "Session number"]


def test_a_recursive_query_in_a_received_review_never_hangs(tmp_path: Path) -> None:
    path = tmp_path / "hang.cdreview"
    _received(path)
    _sql(
        path,
        f"""CREATE TRIGGER hang BEFORE INSERT ON notes BEGIN {RECURSIVE}; END;
            CREATE VIEW forever AS {RECURSIVE};
        """,
    )
    started = time.monotonic()
    result = cli("note", str(path), "WT/L/907", "c5", "Still here")  # (timeout: 60 s)
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 30
    assert len(Review(path).notes()) == 3
    # the same file with the notes table replaced by the recursive view: refused at once
    _sql(path, f"DROP TABLE notes; CREATE VIEW notes AS {RECURSIVE};")
    refused = cli("note", str(path), "WT/L/907", "c5", "Again")
    assert refused.returncode == 2
    assert refused.stderr == (
        "clausediff: hang.cdreview is damaged: its table 'notes' is not laid out as "
        "ClauseDiff writes it.\n"
    )


@pytest.mark.parametrize(
    ("script", "said"),
    [
        ("UPDATE meta SET value = 'abc' WHERE key = 'schema'",
         "r.cdreview is damaged: its format version 'abc' is not a number."),
        ("DROP TABLE versions; CREATE TABLE versions (position INTEGER PRIMARY KEY,"
         " sha256 TEXT, symbols TEXT, label TEXT, date TEXT);"
         " INSERT INTO versions VALUES (0, NULL, NULL, NULL, NULL)",
         "r.cdreview is damaged: its table 'versions' is not laid out as ClauseDiff writes it."),
        ("UPDATE meta SET value = '3' WHERE key = 'schema'",
         "r.cdreview was made by a newer ClauseDiff (review format 3; this one reads format 2)."
         " Update ClauseDiff to open it."),
    ],
)  # fmt: skip
def test_a_bad_review_is_one_line_and_status_2(tmp_path: Path, script: str, said: str) -> None:
    path = tmp_path / "r.cdreview"
    _received(path)
    _sql(path, script)
    before = path.read_bytes()
    result = cli("note", str(path), "WT/L/907", "c5", "A note")
    assert result.returncode == 2
    assert result.stderr == f"clausediff: {said}\n"
    assert path.read_bytes() == before


def test_three_notes_on_versions_of_three_origins_keep_all_three(tmp_path: Path) -> None:
    """A draft opened from its path, an imported text of a bundled symbol (reached as
    lib:1; the symbol names the bundled text) and a bundled text."""
    env = {**os.environ, "CLAUSEDIFF_LIBRARY": str(tmp_path / "library.sqlite3")}
    draft = tmp_path / "draft.txt"
    draft.write_text(load_bundled("WT/L/907").source.replace("shall", "may"), encoding="utf-8")
    imported = build_docx(tmp_path / "WT-MIN-13-32.docx")
    assert cli("import", str(imported), env=env).returncode == 0
    review = tmp_path / "three.cdreview"
    for version, clause in ((str(draft), "c3"), ("lib:1", "c2"), ("WT/L/843", "c4")):
        result = cli("note", str(review), version, clause, f"On {version}", env=env)
        assert result.returncode == 0, result.stderr
    shas = [v.sha256 for v in Review(review).versions()]
    assert shas == [
        load_file(draft).info.sha256,
        load_file(imported).info.sha256,
        load_bundled("WT/L/843").info.sha256,
    ]
    assert len(set(shas)) == 3 and len(Review(review).notes()) == 3
    # the warning names the one version not given, and only that one
    out = tmp_path / "out.csv"
    export = cli(
        "export", "WT/L/843", "lib:1", "-f", "csv", "-o", str(out), "--review", str(review),
        env=env,
    )  # fmt: skip
    assert export.returncode == 0, export.stderr
    warning = next(line for line in export.stderr.splitlines() if "also covers" in line)
    assert "draft.txt" in warning and "WT/L/843" not in warning and "WT/MIN" not in warning

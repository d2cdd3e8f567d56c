"""Corrections of the engine's pairing in a review file: stored with who, when and the
identity of every clause; checked row by row like the rest of a file from someone else;
and a file written before corrections existed still opens and gains them."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from clausediff.core.read.bundled import load_bundled
from clausediff.core.store.review import Review, ReviewError, text_sha256

D2011, D2013 = load_bundled("WT/L/843"), load_bundled("WT/L/907")

#: a review file as ClauseDiff 1 wrote it (format 1: no table of corrections)
FORMAT_1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE versions (
    position INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL,
    symbols TEXT NOT NULL,
    label TEXT NOT NULL,
    date TEXT NOT NULL
);
CREATE TABLE notes (
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
INSERT INTO meta VALUES ('schema', '1');
"""


def _sql(path: Path, script: str, *params: object) -> None:
    with closing(sqlite3.connect(path)) as conn:
        if params:
            conn.execute(script, params)
        else:
            conn.executescript(script)
        conn.commit()


def test_a_correction_records_who_when_and_each_clause_by_position_and_text(
    tmp_path: Path,
) -> None:
    review = Review(tmp_path / "r.cdreview", create=True)
    made = review.add_correction("pair", D2011, [6], D2013, [9, 8], author="Ana")
    (found,) = Review(review.path).corrections()
    assert found == made
    assert (found.kind, found.author, found.left_sha256, found.right_sha256) == (
        "pair",
        "Ana",
        D2011.info.sha256,
        D2013.info.sha256,
    )
    assert [(r.index, r.label) for r in found.right] == [(8, "op. ¶3"), (9, "op. ¶4")]
    assert found.left[0].text_sha256 == text_sha256(D2011.clauses[6].text)
    assert {v.sha256 for v in review.versions()} == {D2011.info.sha256, D2013.info.sha256}
    review.delete_corrections([found.id])
    assert review.corrections() == []
    review.restore_corrections([found])
    assert review.corrections() == [found]
    gap = next(c.index for c in D2011.clauses if c.is_gap)
    with pytest.raises(ReviewError, match="gap"):
        review.add_correction("pair", D2011, [gap], D2013, [0])
    with pytest.raises(ReviewError, match="no such clause"):
        review.add_correction("apart", D2011, [99], D2013, [0])


def test_a_review_of_format_1_opens_and_is_written_in_format_2_at_its_first_change(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.cdreview"
    _sql(path, FORMAT_1)
    _sql(
        path,
        "INSERT INTO notes VALUES (1, ?, '2011', 3, '¶4', 'Recalling', 'agreed', 'Keep',"
        " 'Bo', '2012-01-01 10:00:00', '2012-01-01 10:00:00')",
        D2011.info.sha256,
    )
    before = path.read_bytes()
    review = Review(path)
    assert review.corrections() == [] and [n.text for n in review.notes()] == ["Keep"]
    assert path.read_bytes() == before  # opening never writes
    review.add_correction("apart", D2011, [3], D2013, [4])
    again = Review(path)
    assert [n.text for n in again.notes()] == ["Keep"] and len(again.corrections()) == 1
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone() == ("2",)


@pytest.mark.parametrize(
    ("script", "message"),
    [
        ("UPDATE corrections SET kind = 'maybe'",
         r"correction 1's kind 'maybe' is not one ClauseDiff writes"),
        ("UPDATE corrections SET left_sha256 = 'abc'",
         r"correction 1's older version SHA-256 is 'abc', not a SHA-256"),
        ("UPDATE corrections SET right_clauses = '9'",
         r"correction 1's newer clauses '9' are not clauses as ClauseDiff writes them"),
        ("UPDATE corrections SET right_clauses = right_clauses || ',' || right_clauses,"
         " right_labels = right_labels || char(10) || right_labels",
         r"correction 1's newer clauses are not in order, each once"),
        ("UPDATE corrections SET left_labels = left_labels || char(10) || 'x'",
         r"correction 1's older labels do not name its clauses"),
        ("UPDATE corrections SET author = x'00'",
         r"correction 1's author is binary data, not text"),
        ("UPDATE corrections SET created = 'yesterday'",
         r"correction 1's date is 'yesterday', not a date and time"),
        ("UPDATE corrections SET id = -1",
         r"a correction's number -1 is out of range"),
        ("ALTER TABLE corrections ADD COLUMN extra TEXT",
         r"its table 'corrections' is not laid out as ClauseDiff writes it"),
    ],
)  # fmt: skip
def test_a_damaged_correction_gets_one_clear_message(
    tmp_path: Path, script: str, message: str
) -> None:
    path = tmp_path / "r.cdreview"
    Review(path, create=True).add_correction("pair", D2011, [6], D2013, [9])
    _sql(path, script)
    with pytest.raises(ReviewError, match=r"^r\.cdreview is damaged: " + message + r"\.$"):
        Review(path)

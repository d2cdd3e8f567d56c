"""Review files from someone else: nothing in one is ever run, a file that is not what
ClauseDiff writes gets one clear message, and a file is never written as it came."""

from __future__ import annotations

import hashlib
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest

from clausediff.core.model import Document
from clausediff.core.read.bundled import load_bundled
from clausediff.core.store.library import Library
from clausediff.core.store.review import Review, ReviewError

RECURSIVE = (
    "SELECT count(*) FROM (WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r)"
    " SELECT i FROM r)"
)


def _clause(doc: Document, start: str) -> int:
    return next(c.index for c in doc.clauses if c.text.startswith(start))


def _received(path: Path) -> tuple[Document, Document]:
    """A colleague's review of 2011 -> 2013 with two notes, as ClauseDiff writes it."""
    d2011, d2013 = load_bundled("WT/L/843"), load_bundled("WT/L/907")
    review = Review(path, create=True)
    review.set_versions([d2011, d2013])
    review.add_note(d2011, _clause(d2011, "Recalling"), "Keep WT/L/274", status="agreed")
    review.add_note(d2013, _clause(d2013, "To continue"), "Scope?", status="to discuss")
    return d2011, d2013


def _sql(path: Path, script: str) -> None:
    """What a hostile sender does to the file with any SQLite tool."""
    with closing(sqlite3.connect(path)) as conn:
        conn.executescript(script)
        conn.commit()


def _rows(path: Path, table: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()


def _objects(path: Path) -> list[tuple[str, str]]:
    with closing(sqlite3.connect(path)) as conn:
        return sorted(conn.execute("SELECT type, name FROM sqlite_master").fetchall())


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_triggers_in_a_received_review_never_fire_and_its_notes_survive(tmp_path: Path) -> None:
    path = tmp_path / "received.cdreview"
    d2011, d2013 = _received(path)
    before_notes, before_versions = _rows(path, "notes"), _rows(path, "versions")
    _sql(
        path,
        """
        CREATE TABLE loot (what TEXT);
        CREATE TRIGGER wipe AFTER INSERT ON notes BEGIN DELETE FROM notes; END;
        CREATE TRIGGER mark BEFORE INSERT ON notes BEGIN INSERT INTO meta VALUES ('pwned', 'y');
            END;
        CREATE TRIGGER steal AFTER UPDATE ON notes BEGIN INSERT INTO loot SELECT text FROM notes;
            END;
        CREATE TRIGGER keep BEFORE DELETE ON notes BEGIN SELECT RAISE(ABORT, 'no'); END;
        CREATE VIEW everything AS SELECT * FROM notes;
        """,
    )
    digest = _digest(path)
    review = Review(path)
    assert set(review.extras) >= {"trigger 'wipe'", "trigger 'mark'", "view 'everything'"}
    assert [n.text for n in review.notes()] == ["Keep WT/L/274", "Scope?"]
    assert _digest(path) == digest  # opening and reading write nothing

    note = review.add_note(d2013, _clause(d2013, "Recalling"), "Session number", status="agreed")
    assert "trigger 'wipe'" in review.cleaned
    assert _rows(path, "notes")[:2] == before_notes  # the trigger never fired
    assert [n.text for n in Review(path).notes()] == ["Keep WT/L/274", "Scope?", "Session number"]
    assert ("pwned", "y") not in _rows(path, "meta")
    assert _rows(path, "versions") == before_versions  # 2013 was there already
    # the file is ClauseDiff's own now: its four tables and the index of meta's key
    assert _objects(path) == [
        ("index", "sqlite_autoindex_meta_1"),
        ("table", "corrections"),
        ("table", "meta"),
        ("table", "notes"),
        ("table", "versions"),
    ]
    review.update_note(note.id, text="Session number checked")
    review.delete_note(before_notes[0][0])  # type: ignore[arg-type]
    assert [n.text for n in review.notes()] == ["Scope?", "Session number checked"]
    assert d2011.info.sha256 in {v.sha256 for v in review.versions()}


def test_a_recursive_query_in_a_received_review_never_runs(tmp_path: Path) -> None:
    path = tmp_path / "hang.cdreview"
    _, d2013 = _received(path)
    _sql(
        path,
        f"""
        CREATE TRIGGER hang BEFORE INSERT ON notes BEGIN {RECURSIVE}; END;
        CREATE VIEW forever AS {RECURSIVE};
        CREATE INDEX slow ON notes(length(text));
        """,
    )
    started = time.monotonic()
    review = Review(path)
    review.add_note(d2013, 0, "Heading")
    assert len(review.notes()) == 3
    assert time.monotonic() - started < 10


def test_a_recursive_view_in_place_of_a_table_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "view.cdreview"
    _received(path)
    _sql(path, f"DROP TABLE notes; CREATE VIEW notes AS {RECURSIVE};")
    started = time.monotonic()
    with pytest.raises(ReviewError, match=r"view.cdreview is damaged: its table 'notes' is not"):
        Review(path)
    assert time.monotonic() - started < 5


@pytest.mark.parametrize(
    ("script", "message"),
    [
        ("UPDATE meta SET value = 'abc' WHERE key = 'schema'",
         r"is damaged: its format version 'abc' is not a number\.$"),
        ("DELETE FROM meta WHERE key = 'schema'",
         r"is damaged: it does not say which format version it is\.$"),
        ("UPDATE meta SET value = '3' WHERE key = 'schema'",
         r"was made by a newer ClauseDiff \(review format 3; this one reads format 2\)\."),
        ("UPDATE meta SET value = '0' WHERE key = 'schema'",
         r"is damaged: its format version 0 is not one ClauseDiff ever wrote\.$"),
        ("UPDATE notes SET status = 'sure' WHERE id = 1",
         r"is damaged: note 1's status 'sure' is not one ClauseDiff writes\.$"),
        ("UPDATE notes SET clause_index = -3 WHERE id = 2",
         r"is damaged: note 2's clause number -3 is out of range\.$"),
        ("UPDATE notes SET text = x'00ff' WHERE id = 2",
         r"is damaged: note 2's text is binary data, not text\.$"),
        ("UPDATE notes SET author = CAST(x'ff41' AS TEXT) WHERE id = 2",
         r"is damaged: it holds text that is not UTF-8\.$"),
        ("UPDATE versions SET sha256 = 'abc' WHERE position = 0",
         r"is damaged: version 1's SHA-256 is 'abc', not a SHA-256\.$"),
        ("UPDATE notes SET created = 42 WHERE id = 1",
         r"is damaged: note 1's date is '42', not a date and time\.$"),
        ("ALTER TABLE versions ADD COLUMN extra TEXT",
         r"is damaged: its table 'versions' is not laid out as ClauseDiff writes it\.$"),
        ("DROP TABLE versions; CREATE TABLE versions (position INTEGER PRIMARY KEY,"
         " sha256 TEXT, symbols TEXT, label TEXT, date TEXT);"
         " INSERT INTO versions VALUES (0, NULL, NULL, NULL, NULL)",
         r"is damaged: its table 'versions' is not laid out as ClauseDiff writes it\.$"),
    ],
)  # fmt: skip
def test_a_damaged_or_newer_review_gets_one_clear_message(
    tmp_path: Path, script: str, message: str
) -> None:
    path = tmp_path / "r.cdreview"
    _received(path)
    _sql(path, script)
    digest = _digest(path)
    with pytest.raises(ReviewError, match=r"^r\.cdreview " + message) as caught:
        Review(path)
    assert "\n" not in str(caught.value)
    assert _digest(path) == digest  # a refused file is left as it came


def test_null_in_the_versions_table_behind_the_schema_is_damaged(tmp_path: Path) -> None:
    """The schema says NOT NULL, the rows hold NULL (the table was declared otherwise while
    they were written, and the declaration put back)."""
    path = tmp_path / "nulls.cdreview"
    _received(path)
    with closing(sqlite3.connect(path)) as conn:
        (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name='versions'").fetchone()
        conn.execute("PRAGMA writable_schema=ON")
        loose = sql.replace(" NOT NULL", "")
        conn.execute("UPDATE sqlite_master SET sql=? WHERE name='versions'", (loose,))
        conn.commit()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE versions SET label = NULL WHERE position = 1")
        conn.execute("PRAGMA writable_schema=ON")
        conn.execute("UPDATE sqlite_master SET sql=? WHERE name='versions'", (sql,))
        conn.commit()
    with pytest.raises(ReviewError, match=r"^nulls.cdreview is damaged: .*NULL.*label"):
        Review(path)


def test_files_that_are_not_reviews_say_so(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite3"
    Library(library)
    with pytest.raises(ReviewError, match=r"library.sqlite3 is not a review file \(it holds no"):
        Review(library)
    junk = tmp_path / "junk.cdreview"
    junk.write_bytes(b"SQLite format 2\x00" + bytes(200))
    with pytest.raises(ReviewError, match=r"junk.cdreview is not a review file \(a review is"):
        Review(junk)
    empty = tmp_path / "empty.cdreview"
    empty.write_bytes(b"")
    with pytest.raises(ReviewError, match=r"empty\.cdreview is not a review file: it is empty"):
        Review(empty)
    with pytest.raises(ReviewError, match="is a folder, not a review file"):
        Review(tmp_path)
    big = tmp_path / "big.cdreview"
    with big.open("wb") as fh:
        fh.truncate(60 * 2**20)  # (sparse: nothing is written)
    with pytest.raises(ReviewError, match=r"it is 60.0 MB, and a review file is at most 50 MB"):
        Review(big)


def test_a_review_damaged_inside_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "torn.cdreview"
    _received(path)
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 2 + 8 : page * 2 + 400] = bytes(range(256)) + bytes(136)  # a b-tree page torn
    path.write_bytes(bytes(data))
    with pytest.raises(ReviewError, match=r"torn.cdreview is damaged"):
        Review(path).notes()


def test_notes_and_texts_beyond_the_limits_are_refused_on_writing(tmp_path: Path) -> None:
    path = tmp_path / "r.cdreview"
    _, d2013 = _received(path)
    review = Review(path)
    with pytest.raises(ReviewError, match=r"not saved: the note's text is longer than 100,000"):
        review.add_note(d2013, 0, "x" * 100_001)
    with pytest.raises(ReviewError, match=r"the note's author is longer than 1,000 characters"):
        review.add_note(d2013, 0, "ok", author="a" * 1001)
    with pytest.raises(ReviewError, match="Unknown status"):
        review.add_note(d2013, 0, "ok", status="maybe")
    with pytest.raises(ReviewError, match=r"has no clause 1000"):
        review.add_note(d2013, 999, "ok")
    assert len(review.notes()) == 2  # nothing half-written


def test_a_copy_of_a_received_review_is_clean(tmp_path: Path) -> None:
    path = tmp_path / "received.cdreview"
    _received(path)
    _sql(path, "CREATE TRIGGER wipe AFTER INSERT ON notes BEGIN DELETE FROM notes; END;")
    copy = Review(path).save_copy(tmp_path / "mine.cdreview")
    assert copy.extras == () and [n.text for n in copy.notes()] == ["Keep WT/L/274", "Scope?"]
    assert ("trigger", "wipe") not in _objects(copy.path)
    assert ("trigger", "wipe") in _objects(path)  # (the received file is left as it came)


def test_a_journal_left_by_a_crash_is_rolled_back_before_the_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "crashed.cdreview"
    _received(path)
    journal = path.with_name(path.name + "-journal")
    # a process died half-way through a change: its journal holds the pages as they were
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("PRAGMA cache_size=1")  # (the changed pages reach the file)
        conn.execute("BEGIN")
        conn.execute("UPDATE notes SET text = 'half-written' || zeroblob(5000)")
        conn.execute("INSERT INTO notes SELECT NULL, version_sha256, version_label, clause_index,"
                     " clause_label, clause_text, status, text, author, created, updated"
                     " FROM notes")  # fmt: skip
        half, saved = path.read_bytes(), journal.read_bytes()
        conn.execute("ROLLBACK")
    path.write_bytes(half)  # as the dying process left them: the file half-changed,
    journal.write_bytes(saved)  # its journal holding the pages as they were
    assert b"half-written" in half
    assert [n.text for n in Review(path).notes()] == ["Keep WT/L/274", "Scope?"]

"""The local library: kept across restarts, re-import and removal, and its failures
(damaged file, read-only, full disk) never costing the bundled texts."""

from __future__ import annotations

import re
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest

from clausediff.core.errors import LibraryError
from clausediff.core.read.bundled import bundled_entries, load_bundled
from clausediff.core.read.files import MAX_FILE_BYTES, load_file
from clausediff.core.store.library import Library, LibraryLimits
from clausediff.session.versions import resolve_version
from support.official import build_docx


@pytest.fixture
def docx_2013(tmp_path: Path) -> Path:
    return build_docx(tmp_path / "WT-MIN-13-32.docx")


def test_an_import_survives_a_restart_word_for_word(tmp_path: Path, docx_2013: Path) -> None:
    path = tmp_path / "library.sqlite3"
    doc = load_file(docx_2013)
    entry_id, replaced = Library(path).add(doc)
    assert not replaced
    again = Library(path)  # a new session
    (entry,) = again.entries()
    assert entry.id == entry_id and entry.symbols == ("WT/MIN(13)/32", "WT/L/907")
    assert entry.date == "2013-12-07" and entry.format == "docx"
    back = again.load(entry_id)
    assert [c.text for c in back.clauses] == [c.text for c in doc.clauses]
    assert [c.emphasis for c in back.clauses] == [c.emphasis for c in doc.clauses]
    assert back.info.header == doc.info.header
    assert back.info.library_id == entry_id


def test_re_import_replaces_and_remove_removes(tmp_path: Path, docx_2013: Path) -> None:
    library = Library(tmp_path / "library.sqlite3")
    first, _ = library.add(load_file(docx_2013))
    second, replaced = library.add(load_file(docx_2013))
    assert (second, replaced) == (first, True)
    assert len(library.entries()) == 1
    assert library.remove(first) is True
    assert library.entries() == []
    assert library.remove(first) is False


def test_a_damaged_library_is_set_aside_and_the_bundled_texts_remain(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"this is not a database, it was damaged by a crash" * 100)
    library = Library(path)
    assert library.set_aside is not None and library.set_aside.exists()
    assert library.set_aside.read_bytes().startswith(b"this is not a database")  # kept
    assert library.entries() == []  # a new, working library
    assert len([load_bundled(e.file) for e in bundled_entries()]) == 4
    assert resolve_version("WT/L/843", library).info.bundled


def test_a_truncated_database_is_set_aside_too(tmp_path: Path, docx_2013: Path) -> None:
    path = tmp_path / "library.sqlite3"
    Library(path).add(load_file(docx_2013))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    library = Library(path)
    assert library.set_aside is not None
    library.add(load_file(docx_2013))
    assert len(library.entries()) == 1


class _FailingConnection:
    def __init__(self, real: sqlite3.Connection, message: str) -> None:
        self.real, self.message = real, message

    def execute(self, sql: str, *args: object) -> object:
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            raise sqlite3.OperationalError(self.message)
        return self.real.execute(sql, *args)

    def __enter__(self) -> _FailingConnection:
        self.real.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.real.__exit__(*exc)  # type: ignore[arg-type]

    def close(self) -> None:
        self.real.close()

    def __getattr__(self, name: str) -> object:  # (limits, progress handler: the real one's)
        return getattr(self.real, name)


@pytest.mark.parametrize(
    ("sqlite_message", "user_message"),
    [
        ("attempt to write a readonly database", "is read-only"),
        ("database or disk is full", "no room left"),
    ],
)
def test_read_only_or_full_gives_a_clear_message_and_keeps_what_was_there(
    tmp_path: Path,
    docx_2013: Path,
    monkeypatch: pytest.MonkeyPatch,
    sqlite_message: str,
    user_message: str,
) -> None:
    path = tmp_path / "library.sqlite3"
    library = Library(path)
    kept, _ = library.add(load_file(docx_2013))
    real_connect = sqlite3.connect
    monkeypatch.setattr(
        sqlite3,
        "connect",
        lambda *a, **k: _FailingConnection(real_connect(*a, **k), sqlite_message),
    )
    with pytest.raises(LibraryError, match=user_message):
        library.add(load_file(load_bundled_path(tmp_path)))
    monkeypatch.undo()
    assert [e.id for e in Library(path).entries()] == [kept]


def load_bundled_path(tmp_path: Path) -> Path:
    path = tmp_path / "1998.txt"
    path.write_text(load_bundled("WT/MIN(98)/DEC/2").source, encoding="utf-8")
    return path


def test_a_library_in_a_folder_that_cannot_exist(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(LibraryError, match="cannot be made"):
        Library(blocker / "library.sqlite3")


# ------------------------------------------------------------------ untrusted rows


def _two_imports(tmp_path: Path, docx_2013: Path) -> tuple[Path, int, int]:
    path = tmp_path / "library.sqlite3"
    library = Library(path)
    declaration, _ = library.add(load_file(load_bundled_path(tmp_path)))
    bali, _ = library.add(load_file(docx_2013))
    return path, declaration, bali


def _spoil(path: Path, sql: str, *params: object) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(sql, params)
        conn.commit()


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("info", "{not json", "its metadata is not valid JSON"),
        ("info", "[1, 2]", "its metadata is a list, not a table of values"),
        ("info", '{"complete": "yes"}', "its metadata's 'complete' is text, not true or false"),
        ("symbols", '{"WT/L/907": 1}', "its symbols is a table of values, not a list"),
        ("symbols", "[7]", "a symbol is a number, not text"),
        ("sha256", "abc", "its SHA-256 is 'abc', not a SHA-256"),
        ("title", None, "its title is missing (NULL), not text"),
        ("title", b"\x00\xff", "its title is binary data, not text"),
    ],
)
def test_a_malformed_row_is_named_and_the_others_are_listed(
    tmp_path: Path, docx_2013: Path, column: str, value: object, reason: str
) -> None:
    path, declaration, bali = _two_imports(tmp_path, docx_2013)
    with closing(sqlite3.connect(path)) as conn:  # (NOT NULL allows no NULL: loosen it)
        conn.execute("PRAGMA writable_schema=ON")
        conn.execute("UPDATE sqlite_master SET sql = replace(sql, 'NOT NULL', '')")
        conn.commit()
    _spoil(path, f"UPDATE documents SET {column} = ? WHERE id = ?", value, bali)
    library = Library(path)
    listing = library.listing()
    assert [e.id for e in listing.entries] == [declaration]
    assert listing.problems == (
        f"Library entry lib:{bali} cannot be read: {reason}; it is not listed.",
    )
    docs, problems = library.readable()
    assert [d.info.library_id for d in docs] == [declaration]
    assert problems == list(listing.problems)


@pytest.mark.parametrize(
    ("emphasis", "reason"),
    [
        ('[[5, 2, "italic"]]', "a formatted span ends before it starts"),
        ('[[0, 99999999, "italic"]]', "a formatted span's end 99999999 is out of range"),
        ('[[0, 4, "blink"]]', "its formatting is not a list of spans and styles"),
        ("[[0, 4]]", "its formatting is not a list of spans and styles"),
    ],
)
def test_a_row_with_malformed_formatting_cannot_be_opened(
    tmp_path: Path, docx_2013: Path, emphasis: str, reason: str
) -> None:
    path, declaration, bali = _two_imports(tmp_path, docx_2013)
    _spoil(path, "UPDATE documents SET emphasis = ? WHERE id = ?", emphasis, bali)
    library = Library(path)
    with pytest.raises(LibraryError, match=re.escape(f"lib:{bali} cannot be opened: {reason}.")):
        library.load(bali)
    docs, problems = library.readable()
    assert [d.info.library_id for d in docs] == [declaration] and len(problems) == 1


@pytest.mark.parametrize("column", ["info", "text", "title"])
def test_an_oversized_row_is_refused_before_it_is_read(
    tmp_path: Path, docx_2013: Path, column: str
) -> None:
    """A value of 50 MB and one byte (the file size limit) is refused by SQLite before it
    is loaded: quickly, and the other rows still listed and opened."""
    path, declaration, bali = _two_imports(tmp_path, docx_2013)
    half = (MAX_FILE_BYTES + 2) // 2  # hex() doubles it: MAX_FILE_BYTES + 1 or more
    filler = f"hex(zeroblob({half}))"
    value = f"'{{\"title\": \"' || {filler} || '\"}}'" if column == "info" else filler
    _spoil(path, f"UPDATE documents SET {column} = {value} WHERE id = ?", bali)
    started = time.monotonic()
    library = Library(path)
    docs, problems = library.readable()
    assert time.monotonic() - started < 5
    assert [d.info.library_id for d in docs] == [declaration]
    (problem,) = problems
    assert problem.startswith(f"Library entry lib:{bali} cannot be ")
    assert "larger than the library keeps (50 MB)" in problem


def test_a_document_the_library_could_not_read_back_is_not_kept(tmp_path: Path) -> None:
    library = Library(tmp_path / "library.sqlite3", LibraryLimits(max_value_bytes=2000))
    big = load_bundled("WT/MIN(13)/32")
    with pytest.raises(LibraryError, match=r"cannot be kept in the library: its text is 0.0 MB"):
        library.add(big)
    assert library.entries() == []


def test_a_library_that_does_not_say_its_format_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    Library(path)
    _spoil(path, "UPDATE meta SET value = 'abc' WHERE key = 'schema'")
    library = Library(path)
    assert library.set_aside is not None and library.entries() == []

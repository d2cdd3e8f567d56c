"""The local library: kept across restarts, re-import and removal, and its failures
(damaged file, read-only, full disk) never costing the bundled texts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from clausediff.core.errors import LibraryError
from clausediff.core.read.bundled import bundled_entries, load_bundled
from clausediff.core.read.files import load_file
from clausediff.core.store.library import Library
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

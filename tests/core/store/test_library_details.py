"""Correcting an imported document's symbols, title and date: checked, kept, nothing lost."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from clausediff.core.errors import LibraryError
from clausediff.core.read.bundled import load_bundled
from clausediff.core.read.files import load_file
from clausediff.core.store.library import Library
from clausediff.core.store.library_rows import details_from_input
from clausediff.core.store.review import Review


@pytest.fixture
def imported(tmp_path: Path) -> tuple[Library, int, Path]:
    """The 2011 decision's wording, imported from a text file the user named by its date."""
    doc = load_bundled("WT/L/843")
    path = tmp_path / "drafts" / "2011-12-17_notes.txt"
    path.parent.mkdir()
    path.write_text("\n\n".join(c.text for c in doc.clauses if not c.is_gap), encoding="utf-8")
    library = Library(tmp_path / "library.sqlite3")
    entry_id, _ = library.add(load_file(path))
    return library, entry_id, path


def test_details_are_stored_and_read_back_in_a_new_session(
    imported: tuple[Library, int, Path],
) -> None:
    library, entry_id, _ = imported
    before = library.load(entry_id)
    assert before.info.symbols == () and before.info.label == "2011-12-17_notes.txt"
    details = details_from_input(
        " WT/L/843 ,WT/MIN(11)/W/2 ", "Work Programme on Electronic Commerce", "2011-12-17"
    )
    changed = library.set_details(entry_id, details)
    assert changed.info.symbols == ("WT/L/843", "WT/MIN(11)/W/2")
    assert changed.info.label == "WT/L/843"
    again = Library(library.path).load(entry_id)  # a new session
    assert again.info.symbols == ("WT/L/843", "WT/MIN(11)/W/2")
    assert again.info.title == "Work Programme on Electronic Commerce"
    assert again.info.date == "2011-12-17"
    (entry,) = Library(library.path).entries()
    assert (entry.symbols, entry.title) == (details.symbols, details.title)
    # nothing else changed: the text, its clauses, its SHA-256 (reviews find it by that)
    assert again.source == before.source and again.info.sha256 == before.info.sha256
    assert [c.text for c in again.clauses] == [c.text for c in before.clauses]
    assert (again.info.header, again.info.format, again.info.encoding) == (
        before.info.header,
        before.info.format,
        before.info.encoding,
    )


def test_a_note_made_before_a_rename_stays_with_the_document(
    imported: tuple[Library, int, Path], tmp_path: Path
) -> None:
    library, entry_id, _ = imported
    doc = library.load(entry_id)
    review = Review(tmp_path / "r.cdreview", create=True)
    review.set_versions([doc])
    recital = next(c.index for c in doc.clauses if c.text.startswith("Recalling"))
    review.add_note(doc, recital, "Check the session number")
    renamed = library.set_details(entry_id, details_from_input("WT/L/843", "", "2011-12-17"))
    assert renamed.info.sha256 == doc.info.sha256
    assert [n.text for n in review.notes()] == ["Check the session number"]


@pytest.mark.parametrize(
    ("symbols", "title", "date", "message"),
    [
        ("WT/L/843", "", "17 December 2011", "is not a date as YYYY-MM-DD"),
        ("WT/L/843", "", "2011-02-30", "is not a date as YYYY-MM-DD"),
        ("WT/L/843", "Work\nProgramme", "", "The title may not hold line breaks"),
        ("WT/L/\u202e843", "", "", "A symbol may not hold"),
        ("W" * 201, "", "", "A symbol may have at most 200 characters"),
        ("", "T" * 1001, "", "A title may have at most 1,000 characters"),
        (",".join(f"WT/L/{n}" for n in range(21)), "", "", "at most 20 symbols"),
    ],
)
def test_mistyped_details_are_refused_with_a_message_and_nothing_changes(
    imported: tuple[Library, int, Path], symbols: str, title: str, date: str, message: str
) -> None:
    library, entry_id, _ = imported
    before = library.load(entry_id).info
    with pytest.raises(LibraryError, match=message):
        library.set_details(entry_id, details_from_input(symbols, title, date))
    assert library.load(entry_id).info == before


def test_a_row_that_is_not_what_clausediff_writes_is_not_changed(
    imported: tuple[Library, int, Path],
) -> None:
    library, entry_id, _ = imported
    with closing(sqlite3.connect(library.path)) as conn, conn:
        conn.execute("UPDATE documents SET info = ? WHERE id = ?", ("[1, 2]", entry_id))
    with pytest.raises(LibraryError, match=r"lib:\d+ cannot be changed: its metadata is a list"):
        library.set_details(entry_id, details_from_input("WT/L/843", "", ""))
    with closing(sqlite3.connect(library.path)) as conn:
        (info,) = conn.execute("SELECT info FROM documents WHERE id = ?", (entry_id,)).fetchone()
    assert json.loads(info) == [1, 2]  # as it was: nothing written


def test_an_import_names_its_file_as_source_not_its_folder(
    imported: tuple[Library, int, Path],
) -> None:
    library, entry_id, path = imported
    info = library.load(entry_id).info
    assert info.sources == ("2011-12-17_notes.txt",)
    assert str(path.parent) not in json.dumps([info.sources, info.path, info.label])
    # a row kept before (its source the whole path) is read so too
    with closing(sqlite3.connect(library.path)) as conn, conn:
        (raw,) = conn.execute("SELECT info FROM documents WHERE id = ?", (entry_id,)).fetchone()
        stored = json.loads(raw)
        stored["sources"] = [str(path), "https://docs.wto.org/WT/L/843"]
        conn.execute("UPDATE documents SET info = ? WHERE id = ?", (json.dumps(stored), entry_id))
    sources = library.load(entry_id).info.sources
    assert sources == ("2011-12-17_notes.txt", "https://docs.wto.org/WT/L/843")


def test_a_missing_entry_cannot_be_changed(imported: tuple[Library, int, Path]) -> None:
    library, entry_id, _ = imported
    with pytest.raises(LibraryError, match="has no document"):
        library.set_details(entry_id + 1, details_from_input("WT/L/843", "", ""))

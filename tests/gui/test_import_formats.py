"""Importing official renderings: a PDF made with Qt, and Word files through the window."""

from __future__ import annotations

from pathlib import Path

import pytest

from clausediff.core.model import ClauseKind
from clausediff.core.read.bundled import load_bundled
from clausediff.core.read.files import load_file
from clausediff.core.store.library import Library
from clausediff.gui.main_window import MainWindow
from clausediff.session.versions import preferred
from support.official import HEADER_LINES, build_docx, build_pdf


def _operative(doc):  # type: ignore[no-untyped-def]
    return [c.text for c in doc.clauses if c.kind is ClauseKind.OPERATIVE]


@pytest.mark.parametrize("padding", [0, 1], ids=["one page", "running headers"])
def test_pdf_round_trip_of_the_2013_decision(qapp, tmp_path: Path, padding: int) -> None:  # type: ignore[no-untyped-def]
    path = build_pdf(tmp_path / "WT-MIN-13-32.pdf", pages_of_padding=padding)
    imported = load_file(path)
    bundled = load_bundled("WT/MIN(13)/32")
    assert _operative(imported) == _operative(bundled)  # word for word
    assert imported.info.symbols == ("WT/MIN(13)/32", "WT/L/907")
    assert imported.info.date == "2013-12-07"
    assert imported.info.format == "pdf"
    texts = [c.text for c in imported.clauses]
    for line in HEADER_LINES:
        assert line not in texts
    assert not any("WT/L/907" in t and len(t) < 40 for t in texts)  # no running header
    assert not any(t.strip("- ").isdigit() for t in texts)  # no page number


def test_pdf_and_word_are_recognised_as_the_same_document(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = load_file(build_pdf(tmp_path / "a.pdf"))
    word = load_file(build_docx(tmp_path / "a.docx"))
    assert pdf.info.symbols == word.info.symbols == ("WT/MIN(13)/32", "WT/L/907")
    assert [c.text for c in pdf.clauses] == [c.text for c in word.clauses]


def _window(qtbot, settings, store: Library) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(settings, synchronous=True, store=store)
    win.messages.suppress = True
    qtbot.addWidget(win)
    win.load_library()
    return win


def test_import_keeps_the_document_for_the_next_session(qtbot, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = Library(tmp_path / "library.sqlite3")
    win = _window(qtbot, settings, store)
    before = len(win.library.documents)
    assert win.documents.import_path(build_docx(tmp_path / "WT-MIN-13-32.docx"))
    assert len(win.library.documents) == before + 1
    row = next(n for n, d in enumerate(win.library.documents) if d.info.library_id)
    label = win.library.data(win.library.index(row))
    assert "WT/MIN(13)/32" in label and "[imported docx]" in label
    win.close()
    # a new session on the same library lists it beside the bundled texts
    again = _window(qtbot, settings, Library(tmp_path / "library.sqlite3"))
    assert len(again.library.documents) == before + 1
    # and it can be removed
    again.library_dock.view.setCurrentIndex(again.library.index(row))
    again.remove_selected_from_library()
    assert len(again.library.documents) == before
    assert Library(tmp_path / "library.sqlite3").entries() == []


def test_a_complete_import_is_offered_in_place_of_the_bundled_excerpt(
    qtbot, settings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    full = tmp_path / "WT-L-843.txt"
    bundled = load_bundled("WT/L/843")
    # a "complete" 2011 text: the excerpt with its gaps filled by placeholder sentences
    text = bundled.source
    import re

    text = re.sub(r"\[\[GAP:[^\]]*\]\]", "The Council shall report on this matter.", text)
    full.write_text("WORLD TRADE ORGANIZATION\n\nWT/L/843\n\n19 December 2011\n\n" + text)
    store = Library(tmp_path / "library.sqlite3")
    store.add(load_file(full))
    win = _window(qtbot, settings, store)
    rows = [n for n, d in enumerate(win.library.documents) if "WT/L/843" in d.info.symbols]
    assert len(rows) == 2  # both stay available
    shown = preferred(win.library.documents, "WT/L/843")
    assert win.library.documents[shown].info.library_id  # the complete, imported one
    assert shown in win.library.checked
    assert not (set(rows) - {shown}) & win.library.checked


def test_an_unreadable_import_shows_one_error_and_changes_nothing(
    qtbot, settings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    store = Library(tmp_path / "library.sqlite3")
    win = _window(qtbot, settings, store)
    before = list(win.library.documents)
    bad = tmp_path / "draft.docx"
    bad.write_bytes(b"not a zip")
    assert not win.documents.import_path(bad)
    assert "not a Word document" in win.messages.last_error
    assert win.library.documents == before
    assert store.entries() == []


def test_the_window_starts_on_the_bundled_texts_beside_a_damaged_library(
    qtbot, settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from clausediff.gui.app import start_window

    damaged = tmp_path / "library.sqlite3"
    damaged.write_bytes(b"\x00garbage" * 500)
    monkeypatch.setenv("CLAUSEDIFF_LIBRARY", str(damaged))
    _app, win = start_window([], settings)
    win.messages.suppress = True
    qtbot.addWidget(win)
    try:
        assert "set aside" in win.library_problem
        symbols = {s for d in win.library.documents for s in d.info.symbols}
        assert {"WT/MIN(98)/DEC/2", "WT/L/274", "WT/L/843", "WT/MIN(13)/32"} <= symbols
        qtbot.waitUntil(lambda: win.compare_alignment is not None, timeout=10000)
    finally:
        win.comparer.cancel()
        win.comparer.wait()
        win.close()

"""An imported document named by its file, its details corrected in the window and kept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from clausediff.core.read.bundled import load_bundled
from clausediff.core.store.library import Library
from clausediff.gui.details_dialog import DetailsDialog
from clausediff.gui.main_window import MainWindow


def _window(qtbot, settings, store: Library) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(settings, synchronous=True, store=store)
    win.messages.suppress = True
    qtbot.addWidget(win)
    win.load_library()
    win.resize(1400, 900)
    return win


def _typing(monkeypatch: pytest.MonkeyPatch, *entries: tuple[str, str, str]) -> list[str]:
    """Make the dialog take each (symbols, title, date) in turn, pressing OK after each;
    returns what it said under its fields each time."""
    said: list[str] = []

    def exec_(dialog: DetailsDialog) -> int:
        for symbols, title, date in entries:
            dialog.symbols.setText(symbols)
            dialog.title.setText(title)
            dialog.date.setText(date)
            dialog.accept()
            said.append(dialog.problem.text() if dialog.problem.isVisibleTo(dialog) else "")
            if dialog.result() == QDialog.DialogCode.Accepted:
                return int(QDialog.DialogCode.Accepted)
        return int(QDialog.DialogCode.Rejected)

    exec_fn: Callable[[DetailsDialog], int] = exec_
    monkeypatch.setattr(DetailsDialog, "exec", exec_fn)
    return said


@pytest.fixture
def imported_file(tmp_path: Path) -> Path:
    """The 2013 decision's wording in a file named as the WTO names its documents."""
    doc = load_bundled("WT/MIN(13)/32")
    path = tmp_path / "2015-12-19_WT-L-977.txt"
    path.write_text("\n\n".join(c.text for c in doc.clauses), encoding="utf-8")
    return path


def test_details_are_corrected_shown_and_kept(  # type: ignore[no-untyped-def]
    qtbot, settings, tmp_path: Path, imported_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Library(tmp_path / "library.sqlite3")
    win = _window(qtbot, settings, store)
    assert win.documents.import_path(imported_file)
    row = next(n for n, d in enumerate(win.library.documents) if d.info.library_id)
    shown = win.library.data(win.library.index(row))
    assert shown.startswith("WT/L/977  [imported text]\n2015-12-19")  # from its file's name
    assert "library:" not in shown
    before = win.library.documents[row]
    win.set_pair(
        next(n for n, d in enumerate(win.library.documents) if d.info.symbols == ("WT/L/843",)), row
    )
    header = win.findChild(QLabel, "compareHeaderRight")
    assert header is not None and header.text().count("WT/L/977") == 1  # (named once)

    said = _typing(
        monkeypatch,
        ("WT/L/977, WT/MIN(15)/DEC", "Work Programme on Electronic Commerce", "19 Dec 2015"),
        ("WT/L/977, WT/MIN(15)/DEC", "Work Programme on Electronic Commerce", "2015-12-19"),
    )
    win.library_dock.view.setCurrentIndex(win.library.index(row))
    win.actions_by_id["actionEditDetails"].trigger()
    # the mistyped date was refused with a message, and the dialog stayed open for the fix
    assert (
        said[0].startswith("The date '19 Dec 2015' is not a date as YYYY-MM-DD") and said[1] == ""
    )
    row = next(n for n, d in enumerate(win.library.documents) if d.info.library_id)
    after = win.library.documents[row]
    assert after.info.symbols == ("WT/L/977", "WT/MIN(15)/DEC")
    assert after.info.title == "Work Programme on Electronic Commerce"
    assert row in win.library.checked
    # shown everywhere the document is named: the list, the compare header, the window title
    assert "Work Programme on Electronic Commerce" in win.library.data(win.library.index(row))
    assert "WT/MIN(15)/DEC" in header.text()
    assert win.windowTitle() == "WT/L/843 → WT/MIN(15)/DEC — ClauseDiff"
    assert win.compare_alignment is not None and win.compare_alignment.right is after
    # nothing lost: the same text and the same SHA-256 (reviews find the document by it)
    assert after.source == before.source and after.info.sha256 == before.info.sha256
    win.close()
    # kept in the library: a new session reads the corrected details
    again = Library(tmp_path / "library.sqlite3").load(after.info.library_id)
    assert (again.info.symbols, again.info.title, again.info.date) == (
        after.info.symbols,
        after.info.title,
        "2015-12-19",
    )


def test_a_bundled_text_is_not_renamed(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    said = _typing(monkeypatch, ("X/1", "", ""))
    window.library_dock.view.setCurrentIndex(window.library.index(0))
    before = list(window.library.documents)
    window.actions_by_id["actionEditDetails"].trigger()
    assert said == []  # no dialog
    assert window.library.documents == before


def test_cancelling_changes_nothing(  # type: ignore[no-untyped-def]
    qtbot, settings, tmp_path: Path, imported_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Library(tmp_path / "library.sqlite3")
    win = _window(qtbot, settings, store)
    assert win.documents.import_path(imported_file)
    row = next(n for n, d in enumerate(win.library.documents) if d.info.library_id)
    before = store.entries()
    said = _typing(monkeypatch, ("WT/L/977", "", "not a date"))  # refused, then cancelled
    win.library_dock.view.setCurrentIndex(win.library.index(row))
    win.actions_by_id["actionEditDetails"].trigger()
    assert said and said[0].startswith("The date 'not a date'")
    assert store.entries() == before
    assert win.library.documents[row].info.symbols == ("WT/L/977",)
    assert win.library.data(win.library.index(row), Qt.ItemDataRole.DisplayRole).startswith(
        "WT/L/977"
    )
    win.close()

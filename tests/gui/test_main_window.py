"""The desktop application, driven offscreen with pytest-qt."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QImage

from clausediff.core.compare.links import LinkKind
from clausediff.core.render.palette import LIGHT
from clausediff.gui.delegates import CompareDelegate
from clausediff.gui.main_window import MainWindow
from clausediff.session import settings as keys


def _row_texts(win: MainWindow) -> list[str]:
    m = win.compare_page.model
    return [m.data(m.index(r)) for r in range(m.rowCount())]


def test_starts_on_the_bundled_2011_to_2013_comparison(window: MainWindow) -> None:
    al = window.compare_alignment
    assert al is not None
    assert al.left.info.symbols == ("WT/L/843",)
    assert al.right.info.symbols == ("WT/MIN(13)/32", "WT/L/907")
    assert window.compare_page.model.rowCount() == len(al.links)
    assert any(t.startswith("modified") and "Recalling" in t for t in _row_texts(window))
    assert "2011 Decision" in window.compare_page.header_left.text()
    assert "excerpt" in window.compare_page.header_left.text()
    assert "modified" in window.status.counts.text()


def _recital_row(win: MainWindow) -> int:
    return next(i for i, t in enumerate(_row_texts(win)) if "Recalling" in t)


def test_recital_row_shows_seventh_deleted_and_eighth_inserted(window: MainWindow) -> None:
    delegate = window.compare_page.delegate
    assert isinstance(delegate, CompareDelegate)
    al = window.compare_alignment
    assert al is not None
    row = _recital_row(window)
    model = window.compare_page.model
    info, index = model.row_info(row), model.index(row)
    left = delegate.cell_html(info, index, 0, LIGHT)
    right = delegate.cell_html(info, index, 1, LIGHT)
    assert "line-through" in left.split("Seventh")[0].rsplit("<span", 1)[1]
    assert "Eighth" not in left
    assert "underline" in right.split("Eighth")[0].rsplit("<span", 1)[1]
    assert "Seventh" not in right


def test_review_and_moratorium_rows_are_unknown(window: MainWindow) -> None:
    al = window.compare_alignment
    assert al is not None
    m = window.compare_page.model
    rows = {al.side_text(m.link(r), 1): r for r in range(m.rowCount())}
    review = next(r for t, r in rows.items() if "periodic reviews" in t)
    moratorium = next(r for t, r in rows.items() if "customs duties" in t)
    for row in (review, moratorium):
        assert m.link(row).kind is LinkKind.UNKNOWN
        assert m.data(m.index(row)).startswith("unknown")
        assert "missing from the other version" in m.data(m.index(row), Qt.ItemDataRole.ToolTipRole)


def test_next_change_moves_to_the_next_changed_row_and_wraps(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    changed = window.compare_page.model.changed_rows()
    assert len(changed) >= 3
    window.compare_page.view.setFocus()
    window.compare_page.select_row(changed[0])
    qtbot.keyClick(window.compare_page.view, Qt.Key.Key_F7)
    assert window.compare_page.current_row() == changed[1]
    window.next_change()
    assert window.compare_page.current_row() == changed[2]
    window.compare_page.select_row(changed[-1])
    window.next_change()
    assert window.compare_page.current_row() == changed[0], "wraps at the end"
    window.prev_change()
    assert window.compare_page.current_row() == changed[-1], "wraps at the start"
    unchanged = [r for r in range(window.compare_page.model.rowCount()) if r not in changed]
    al = window.compare_alignment
    assert al is not None  # the rows skipped are exactly the alignment's unchanged links
    assert len(unchanged) == al.counts()[LinkKind.UNCHANGED] >= 1


def test_hide_unchanged_keeps_only_changes(window: MainWindow) -> None:
    total = window.compare_page.model.rowCount()
    window.actions_by_id["actionHideUnchanged"].setChecked(True)
    assert window.compare_page.model.rowCount() == total - 1
    assert all(
        window.compare_page.model.link(r).kind.is_change
        for r in range(window.compare_page.model.rowCount())
    )
    assert window.settings.get(keys.HIDE_UNCHANGED) is True


def test_opening_a_text_file_adds_a_version(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "draft-2015.txt"
    bali = window.library.documents[-1].source.replace("**", "")
    path.write_text(
        bali.replace("hold in 2015", "hold in 2017").replace("shall take", "may take"),
        encoding="utf-8",
    )
    before = len(window.library.documents)
    assert window.documents.open_path(path)
    assert len(window.library.documents) == before + 1
    al = window.compare_alignment
    assert al is not None and al.right.info.path == str(path)
    changes = [
        (op.texts(al.side_text(lk, 0), al.side_text(lk, 1)))
        for lk in al.links
        for op in lk.ops
        if op.kind.value != "equal"
    ]
    assert ("2015", "2017") in changes and ("shall", "may") in changes
    assert window.settings.get(keys.RECENT_FILES)[0] == str(path)


def test_an_unreadable_file_shows_an_error_and_changes_nothing(
    window: MainWindow, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02\x03binary")
    before_docs = list(window.library.documents)
    before_alignment = window.compare_alignment
    assert not window.documents.open_path(bad)
    assert "NUL" in window.messages.last_error
    assert window.library.documents == before_docs
    assert window.compare_alignment is before_alignment


def test_find_highlights_hits_across_versions(window: MainWindow) -> None:
    window.find_bar.open_bar()
    window.find_bar.edit.setText("Eighth")
    hits = window.compare_page.find_rows("Eighth")
    assert hits == [_recital_row(window)]
    assert window.compare_page.current_row() == hits[0]
    assert window.compare_page.delegate.find == "Eighth"


def test_document_text_is_never_markup(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(
        'Decides:\n\nTo act <img src="http://127.0.0.1:9/x"> & <script>x</script>.',
        encoding="utf-8",
    )
    assert window.documents.open_path(path)
    al = window.compare_alignment
    assert al is not None
    model, delegate = window.compare_page.model, window.compare_page.delegate
    html = "".join(
        delegate.cell_html(model.row_info(r), model.index(r), 1, LIGHT)
        for r in range(model.rowCount())
    )
    assert "&lt;img src=" in html and "<img" not in html and "<script" not in html
    assert "&amp;" in html


_MODELS = {
    "compare": lambda w: w.compare_page.model,
    "changes": lambda w: w.changes_dock.model,
    "library": lambda w: w.library,
    "lineage": lambda w: w.lineage_page.model,
    "notes": lambda w: w.notes_dock.model,
}


@pytest.mark.parametrize("name", list(_MODELS))
def test_every_model_passes_the_model_tester(  # type: ignore[no-untyped-def]
    window: MainWindow, tmp_path, qtmodeltester, name: str
) -> None:
    """Qt's model rules, checked on the model now and on every change that follows: filters,
    a review with notes, a removed library row. (One model a test: the tester follows one.)"""
    model = _MODELS[name](window)
    qtmodeltester.check(model, force_py=True)
    window.actions_by_id["actionHideUnchanged"].setChecked(True)
    window.lineage_page.changed_only.setChecked(True)
    assert window.lineage_page.model.rowCount() > 0
    window.reviews.new_review(tmp_path / "tester")
    window.reviews.add_note(0, "first", status="agreed")
    window.reviews.add_note(1, "second", status="red line")
    window.notes_dock.model.set_filter("agreed")
    assert window.notes_dock.model.rowCount() == 1
    window.library.remove_document(1)
    qtmodeltester.check(model, force_py=True)


def test_lineage_view_shows_families_in_date_order(window: MainWindow) -> None:
    lineage = window.lineage
    assert lineage is not None
    assert [d.info.date for d in lineage.versions] == ["1998-05-20", "2011-12-17", "2013-12-07"]
    m = window.lineage_page.model
    assert m.columnCount() == 3
    moratorium = next(
        r for r in range(m.rowCount()) if "customs duties" in (m.data(m.index(r, 2)) or "")
    )
    assert "customs duties" in m.data(m.index(moratorium, 0))
    assert m.data(m.index(moratorium, 1)) == ""
    window.lineage_page.view.selectRow(moratorium)
    assert "not in this version" in window.lineage_page.history.toPlainText()


def test_stale_results_are_dropped(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    comparer = window.comparer
    first = comparer.token
    docs = tuple(window.library.documents[:2])
    comparer.synchronous = False
    with qtbot.waitSignal(comparer.finished, timeout=20000) as blocker:
        comparer.submit(docs)
        comparer.submit(tuple(window.library.documents[2:4]))
    lineage = blocker.args[0]
    assert lineage.versions[0] is window.library.documents[2]
    assert comparer.token == first + 2


@pytest.mark.parametrize("key", ["actionNextChange", "actionPrevChange", "actionFind"])
def test_actions_have_names_and_shortcuts(window: MainWindow, key: str) -> None:
    action = window.actions_by_id[key]
    assert action.shortcuts()
    for shortcut in action.shortcuts():  # no other action of the window answers to it
        clashes = [a for a in window.findChildren(QAction) if shortcut in a.shortcuts()]
        assert clashes == [action], shortcut.toString()


def test_screenshot_command_writes_a_non_blank_png(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "shot.png"
    result = subprocess.run(
        [sys.executable, "-m", "clausediff", "--screenshot", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={
            **__import__("os").environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(tmp_path),
        },
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 900)
    colours = {image.pixel(x, y) for x in range(0, 1400, 37) for y in range(0, 900, 29)}
    assert len(colours) > 20, "the screenshot is blank"


def test_a_screenshot_of_thousands_of_rows_shows_rows_and_leaves_the_settings_alone(
    tmp_path: Path,
) -> None:
    import os
    import subprocess
    import sys

    older = [f"{i}. The Members shall review item {i} of the work programme." for i in range(2500)]
    newer = [t.replace("shall", "may") if i % 9 == 0 else t for i, t in enumerate(older)]
    (tmp_path / "a.txt").write_text("\n\n".join(older), encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n\n".join(newer), encoding="utf-8")
    saved = tmp_path / "ClauseDiff" / "ClauseDiff.conf"  # where the window keeps its settings
    saved.parent.mkdir()
    saved.write_text(  # (the size, and the folder the export dialog last used)
        f"[General]\ngeometry=@ByteArray(kept)\n\n[folders]\nexport={tmp_path}\n",
        encoding="utf-8",
    )
    before = saved.read_bytes()
    out = tmp_path / "shot.png"
    result = subprocess.run(
        [sys.executable, "-m", "clausediff", "--screenshot", str(out), "a.txt", "b.txt"],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        cwd=tmp_path,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(tmp_path),
            "XDG_DATA_HOME": str(tmp_path / "data"),
        },
    )
    assert result.returncode == 0, result.stderr
    assert saved.read_bytes() == before
    assert sorted(p.name for p in saved.parent.iterdir()) == ["ClauseDiff.conf"]
    image = QImage(str(out))
    # the compare view's text column: dark text pixels in many of its rows, not a blank view
    dark_lines = {
        y
        for y in range(150, 850)
        for x in range(360, 700, 3)
        if QColor(image.pixel(x, y)).lightness() < 100
    }
    assert len(dark_lines) > 100, "the compare view was captured before its rows were painted"


def test_find_works_in_the_lineage_too(window: MainWindow) -> None:
    window.tabs.setCurrentIndex(1)
    window.find_bar.open_bar()
    window.find_bar.edit.setText("customs duties")
    rows = window.lineage_page.find_rows("customs duties")
    assert rows, "the moratorium family is found"
    assert window.lineage_page.view.currentIndex().row() == rows[0]
    assert "in the lineage" in window.find_bar.status.text()
    fam = window.lineage.families[window.lineage_page.model.family_number(rows[0])]
    texts = [window.lineage.versions[v].clauses[i].text for v, idx in fam.members for i in idx]
    # the 1998 Declaration's moratorium sentence and the 2013 clause are in that family
    assert any(t.startswith("That Members will maintain") for t in texts)


def test_the_version_choosers_follow_a_removed_document(window: MainWindow) -> None:
    """Removing a library row relists the choosers; each keeps the document it showed."""
    docs = window.library.documents
    left_doc = docs[window.left_combo.currentIndex()]
    right_doc = docs[window.right_combo.currentIndex()]
    gone = next(n for n, d in enumerate(docs) if d is not left_doc and d is not right_doc)
    window.library.remove_document(gone)
    assert window.left_combo.count() == len(window.library.documents)
    assert window.library.documents[window.left_combo.currentIndex()] is left_doc
    assert window.library.documents[window.right_combo.currentIndex()] is right_doc


def test_text_from_a_document_is_never_markup_in_a_tooltip(window: MainWindow) -> None:
    al = window.compare_alignment
    assert al is not None
    m = window.compare_page.model
    row = next(r for r in range(m.rowCount()) if m.link(r).kind is LinkKind.UNKNOWN)
    tip = m.data(m.index(row), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("<qt>") and "<br/>" not in tip.split("</qt>")[0][:4]
    # a title with markup in it is shown as written
    from clausediff.core.render.html import tooltip_html

    assert tooltip_html('<img src="http://127.0.0.1:9/x">') == (
        "<qt>&lt;img src=&quot;http://127.0.0.1:9/x&quot;&gt;</qt>"
    )

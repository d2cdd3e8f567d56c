"""Copy a compare row (Ctrl+C and the row's context menu)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from clausediff.gui.main_window import MainWindow
from gui.test_moved import _moved_window


def _recital(window: MainWindow) -> int:
    model = window.compare_page.model
    return next(
        r
        for r in range(model.rowCount())
        if model.link(r).left and "Recalling" in model.alignment.side_text(model.link(r), 1)  # type: ignore[union-attr]
    )


def test_ctrl_c_copies_the_selected_row_as_text_and_redline(window: MainWindow) -> None:
    row = _recital(window)
    window.compare_page.select_row(row)
    window.actions_by_id["actionCopy"].trigger()
    data = QApplication.clipboard().mimeData()
    al = window.compare_page.model.alignment
    assert al is not None
    lk = window.compare_page.model.link(row)
    assert data.text().splitlines()[2] == f"{al.right.info.label}: {al.side_text(lk, 1)}"


def test_the_row_menu_offers_copy_and_the_moves_jump_only_where_there_is_one(
    window: MainWindow,
) -> None:
    view = window.compare_page.view
    row = _recital(window)
    window.compare_page.select_row(row)
    view.viewport().repaint()
    window.compare_page.select_row(0)
    menu = window.rows.build(row)
    names = [a.objectName() for a in menu.actions() if a.objectName()]
    assert names[0] == "actionCopy" and "actionAddNote" in names
    assert "actionGoToCounterpart" not in names  # the recital did not move
    assert window.compare_page.current_row() == row  # the menu's row is selected first
    marker, link = _moved_window(window)  # a text with a moved clause
    for r in (marker, link):
        assert "actionGoToCounterpart" in [a.objectName() for a in window.rows.build(r).actions()]

"""Light and dark themes: chosen, persisted, and drawn with matching colours."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from clausediff.core.render.palette import DARK, LIGHT
from clausediff.gui.delegates import is_dark
from clausediff.gui.main_window import MainWindow


def _base_is_dark(win: MainWindow) -> bool:
    return is_dark(win.compare_page.view.palette())


def test_dark_theme_is_applied_persisted_and_drawn_dark(
    window: MainWindow, settings, qtbot
) -> None:  # type: ignore[no-untyped-def]
    try:
        window.theme_actions["dark"].trigger()
        qtbot.waitUntil(lambda: _base_is_dark(window))
        assert settings.value("view/theme") == "dark"
        # every cell is drawn again, with the dark redline colours
        row = next(
            r
            for r in range(window.compare_page.model.rowCount())
            if "Recalling" in window.compare_page.model.data(window.compare_page.model.index(r))
        )
        model = window.compare_page.model
        doc = window.compare_page.delegate.cell(
            model.row_info(row), model.index(row), 1, 400, DARK if _base_is_dark(window) else LIGHT
        )
        assert DARK.inserted_fg.lower() in doc.toHtml().lower()
        window.theme_actions["light"].trigger()
        qtbot.waitUntil(lambda: not _base_is_dark(window))
        assert settings.value("view/theme") == "light"
    finally:
        window.theme_actions["system"].trigger()
    assert settings.value("view/theme") == "system"


def test_theme_choice_survives_a_restart(qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    settings.setValue("view/theme", "dark")
    win = MainWindow(settings, synchronous=True)
    qtbot.addWidget(win)
    try:
        assert win.theme_actions["dark"].isChecked()
        assert QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
    finally:
        win.set_theme("system")


def _blueness(colour: str) -> int:
    """Blue over red: high for the insertions' blue, low (negative) for the deletions' orange."""
    c = QColor(colour)
    return c.blue() - c.red()


def test_a_selected_row_keeps_the_insertions_and_deletions_cues(window: MainWindow) -> None:
    for palette in (LIGHT, DARK):  # the selection is a neutral, neither blue nor orange
        assert abs(_blueness(palette.selected_bg)) <= 12
        assert _blueness(palette.inserted_bg) >= 30 and _blueness(palette.deleted_bg) <= -30
    page = window.compare_page
    row = next(r for r in range(page.model.rowCount()) if page.model.link(r).ops)
    page.select_row(row)
    page.view.viewport().repaint()
    shot = page.view.viewport().grab().toImage()
    rect = page.view.visualRect(page.model.index(row))
    colours = {
        QColor(shot.pixel(x, y)).name().upper()
        for x in range(rect.left() + 130, rect.right() - 20, 7)
        for y in range(rect.top() + 4, min(rect.bottom(), shot.height() - 1), 5)
    }
    assert LIGHT.selected_bg.upper() in colours  # the selected row's ground
    assert LIGHT.inserted_bg.upper() in colours  # and its insertions, still blue behind
    assert LIGHT.deleted_bg.upper() in colours  # and its deletions, still orange behind

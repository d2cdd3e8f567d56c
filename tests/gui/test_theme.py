"""Light and dark themes: chosen, persisted, and drawn with matching colours."""

from __future__ import annotations

from PySide6.QtGui import QPalette
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

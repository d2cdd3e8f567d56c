"""Light and dark themes: chosen, persisted, and drawn with matching colours."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

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
        win.view.set_theme("system")


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


def _box_pixels(win: MainWindow) -> tuple[int, int]:
    """In the library list, at an unticked version's check box: how many pixels of its
    outline stand out from the list's ground, and of how many."""
    view = win.library_dock.view
    model = win.library
    model.setData(model.index(0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(model.index(0))
    box = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view)
    image = view.viewport().grab().toImage()
    ground = view.palette().color(QPalette.ColorRole.Base).lightness()
    outline = [
        QColor(image.pixel(x, y))
        for x in range(box.left(), box.right() + 1)
        for y in (box.top(), box.bottom())
    ] + [
        QColor(image.pixel(x, y))
        for y in range(box.top(), box.bottom() + 1)
        for x in (box.left(), box.right())
    ]
    return sum(abs(c.lightness() - ground) > 50 for c in outline), len(outline)


def test_an_unticked_library_check_box_has_a_visible_box_in_both_themes(
    window: MainWindow, qtbot
) -> None:  # type: ignore[no-untyped-def]
    try:
        for theme in ("dark", "light"):
            window.theme_actions[theme].trigger()
            qtbot.waitUntil(lambda t=theme: _base_is_dark(window) is (t == "dark"))
            standing_out, total = _box_pixels(window)
            assert standing_out >= total * 0.6, (theme, standing_out, total)
    finally:
        window.theme_actions["system"].trigger()

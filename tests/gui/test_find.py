"""Find in the window: "n of m", next and previous (buttons, F3, Shift+F3), Esc closes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from clausediff.gui.main_window import LINEAGE_TAB, MainWindow


def _hits(window: MainWindow, text: str) -> list[int]:
    return window.compare_page.find_rows(text)


def test_the_bar_says_which_hit_is_selected_and_steps_both_ways(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.find_bar.open_bar()
    qtbot.keyClicks(window.find_bar.edit, "General Council")
    hits = _hits(window, "General Council")
    assert len(hits) >= 3  # 2011 and 2013 instruct the General Council more than once
    assert window.compare_page.current_row() == hits[0]
    assert window.find_bar.position.text() == f"1 of {len(hits)}"
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert window.compare_page.current_row() == hits[1]
    assert window.find_bar.position.text() == f"2 of {len(hits)}"
    window.actions_by_id["actionFindNext"].trigger()  # F3
    assert window.compare_page.current_row() == hits[2]
    window.actions_by_id["actionFindPrevious"].trigger()  # Shift+F3
    assert window.compare_page.current_row() == hits[1]
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.compare_page.current_row() == hits[0]
    previous = window.find_bar.findChild(QPushButton, "findPrevious")
    previous.click()  # from the first hit, back to the last
    assert window.compare_page.current_row() == hits[-1]
    assert window.find_bar.position.text() == f"{len(hits)} of {len(hits)}"


def test_f3_and_shift_f3_are_the_only_actions_on_their_keys(window: MainWindow) -> None:
    keys = {
        s.toString()
        for name in ("actionFindNext", "actionFindPrevious")
        for s in window.actions_by_id[name].shortcuts()
    }
    assert keys == {"F3", "Shift+F3"}


def test_esc_in_the_bar_closes_it_and_clears_the_highlights(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    window.find_bar.open_bar()
    qtbot.keyClicks(window.find_bar.edit, "moratorium")
    assert window.compare_page.delegate.find == "moratorium"
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert window.find_bar.isHidden()
    assert window.compare_page.delegate.find == ""


def test_f3_without_a_text_opens_the_bar(window: MainWindow) -> None:
    assert window.find_bar.isHidden()
    window.actions_by_id["actionFindNext"].trigger()
    assert window.find_bar.isVisible()


def test_the_lineage_button_shows_the_lineage_tab(window: MainWindow) -> None:
    assert window.tabs.currentIndex() != LINEAGE_TAB
    window.library_dock.lineageRequested.emit()
    assert window.tabs.currentIndex() == LINEAGE_TAB


def test_the_first_window_fits_the_screen_with_its_frame(window: MainWindow) -> None:
    window.fit_screen()
    free = window.screen().availableGeometry()
    assert window.width() <= 1400 and window.height() <= 900
    assert window.width() + 16 <= free.width() and window.height() + 48 <= free.height()
    assert free.contains(window.pos())

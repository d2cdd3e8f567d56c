"""The compare view paints at once, measures only the rows in sight, and never clips a row."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QStyleOptionViewItem

from clausediff.core.model import DocumentInfo
from clausediff.core.read.files import document_from_text
from clausediff.gui.main_window import MainWindow

ROWS = 3000


def _versions() -> tuple[str, str]:
    """Two long drafts in one boilerplate: every seventh paragraph reworded, every 500th
    much longer (a row taller than the view)."""
    older, newer = [], []
    for i in range(1, ROWS + 1):
        text = (
            f"{i}. The Members shall review item {i} of the work programme on electronic "
            "commerce and report to the General Council at its next regular meeting."
        )
        if i % 500 == 0:
            text += " The review shall cover every aspect of the item concerned." * 40
        older.append(text)
        newer.append(text.replace("shall review", "should review") if i % 7 == 0 else text)
    return "\n\n".join(older) + "\n", "\n\n".join(newer) + "\n"


@pytest.fixture
def big(qtbot, tmp_path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "clausediff.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings, synchronous=True)
    win.messages.suppress = True
    qtbot.addWidget(win)
    older, newer = _versions()
    win.set_versions(
        [
            document_from_text(older, DocumentInfo(title="Draft 1", date="2026-01-10")),
            document_from_text(newer, DocumentInfo(title="Draft 2", date="2026-02-10")),
        ]
    )
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.compare_page.view.viewport().repaint()
    yield win
    win.close()


def _exact_height(win: MainWindow, row: int) -> int:
    view = win.compare_page.view
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(win.compare_page.model.index(row))
    return view.itemDelegate().sizeHint(option, win.compare_page.model.index(row)).height()


def _rows_in_sight(win: MainWindow) -> list[int]:
    view = win.compare_page.view
    model = win.compare_page.model
    return [
        r
        for r in range(model.rowCount())
        if view.visualRect(model.index(r)).intersects(view.viewport().rect())
    ]


def test_the_first_paint_draws_rows_having_measured_only_those_in_sight(big: MainWindow) -> None:
    view = big.compare_page.view
    assert big.compare_page.model.rowCount() == ROWS
    assert view.indexAt(QPoint(1, 1)).row() == 0  # a row is where the paint drew
    assert 0 < view.measured_rows() < 40  # not 3,000 rich-text layouts before a paint


def test_every_row_in_sight_has_its_exact_height(big: MainWindow) -> None:
    view = big.compare_page.view
    for step in (0, 40, 1200, 2999):
        big.compare_page.select_row(step)
        view.viewport().repaint()
        sight = _rows_in_sight(big)
        assert step in sight
        for row in sight:
            rect = view.visualRect(big.compare_page.model.index(row))
            assert rect.height() == _exact_height(big, row), f"row {row} is clipped or padded"


def test_a_row_taller_than_the_view_shows_its_top(big: MainWindow) -> None:
    view = big.compare_page.view
    tall = 499  # paragraph 500 is forty sentences longer
    big.compare_page.select_row(tall)
    rect = view.visualRect(big.compare_page.model.index(tall))
    assert rect.height() > view.viewport().height()
    assert rect.top() == 0


def test_what_the_reader_sees_stays_put_while_rows_above_are_measured(big: MainWindow) -> None:
    view = big.compare_page.view
    model = big.compare_page.model
    view.estimator = lambda _width: [30] * model.rowCount()  # every guess far too low
    view.doItemsLayout()
    big.compare_page.select_row(1500)
    view.scrollTo(model.index(1500), QAbstractItemView.ScrollHint.PositionAtTop)
    view.viewport().repaint()
    before = view.visualRect(model.index(1500)).top()
    # up a little: rows above, never measured, come into sight and are measured
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() - 150)
    view.viewport().repaint()
    assert view.visualRect(model.index(1500)).top() == before + 150
    assert view.visualRect(model.index(1499)).height() == _exact_height(big, 1499) > 30


def test_keys_move_the_selection_row_by_row_page_by_page_and_to_the_end(
    big: MainWindow, qtbot
) -> None:  # type: ignore[no-untyped-def]
    view = big.compare_page.view
    view.setFocus()
    big.compare_page.select_row(10)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert big.compare_page.current_row() == 11
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert big.compare_page.current_row() == 10
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert 12 <= big.compare_page.current_row() <= 10 + view.viewport().height() // 40
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert big.compare_page.current_row() == ROWS - 1
    assert ROWS - 1 in _rows_in_sight(big)


def test_a_click_selects_the_row_under_the_pointer(big: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = big.compare_page.view
    model = big.compare_page.model
    big.compare_page.select_row(2000)
    view.viewport().repaint()
    target = _rows_in_sight(big)[1]
    rect = view.visualRect(model.index(target))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert big.compare_page.current_row() == target
    assert view.selectionModel().isSelected(model.index(target))

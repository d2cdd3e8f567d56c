"""No gutter word or lineage header is cut off at any text size the View menu offers."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyleOptionViewItem

from clausediff.core.compare.links import LinkKind
from clausediff.core.render.palette import LIGHT
from clausediff.core.render.wording import LETTER_CASE_ONLY
from clausediff.gui.delegates import PAD
from clausediff.gui.main_window import MainWindow

_WRAP = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)


def _each_size(window: MainWindow) -> list[float]:
    """Steps down with Smaller text as far as it goes; the sizes Larger text then steps
    through are visited one by one by the caller (see :func:`_zoom_in`)."""
    a = window.actions_by_id["actionZoomOut"]
    size = -1.0
    while size != window.compare_page.delegate.font.pointSizeF():
        size = window.compare_page.delegate.font.pointSizeF()
        a.trigger()
    return [size]


def _zoom_in(window: MainWindow) -> bool:
    before = window.compare_page.delegate.font.pointSizeF()
    window.actions_by_id["actionZoomIn"].trigger()
    return window.compare_page.delegate.font.pointSizeF() != before


def _gutter_problems(window: MainWindow) -> list[str]:
    page = window.compare_page
    delegate, model = page.delegate, page.model
    size = delegate.font.pointSizeF()
    problems = []
    for row in range(model.rowCount()):
        info = model.row_info(row)
        height = delegate.sizeHint(QStyleOptionViewItem(), model.index(row)).height()
        lines = delegate.gutter_lines(info, row, LIGHT)
        if info.link.kind is LinkKind.MODIFIED:  # as a change of letter case only would show
            case = delegate.gutter_lines(dataclasses.replace(info, case_only=True), row, LIGHT)
            assert any(line.text == LETTER_CASE_ONLY for line in case)
            lines += [line for line in case if line.text == LETTER_CASE_ONLY]
        for line in lines:
            fm = QFontMetrics(line.font)
            rect = line.rect.toRect()
            wrapped = fm.boundingRect(rect.x(), rect.y(), rect.width(), 10000, _WRAP, line.text)
            where = f"{size}pt row {row}: {line.text!r}"
            if line.rect.right() > delegate.gutter:
                problems.append(f"{where} runs past the gutter")
            if wrapped.height() > line.rect.height() + 1:
                problems.append(f"{where} is cut at the bottom")
            if line.rect.bottom() > height - PAD + 1:
                problems.append(f"{where} is below the row")
            one_line = line.text in (LETTER_CASE_ONLY, info.link.kind.value) or line.badge
            if one_line and fm.horizontalAdvance(line.text) > line.rect.width():
                problems.append(f"{where} is cut at the right")
    return problems


def test_the_gutter_words_fit_at_every_text_size(window: MainWindow) -> None:
    """The defect seen: "letter case only" read "letter case on" after Ctrl++."""
    sizes = _each_size(window)
    problems = _gutter_problems(window)
    while _zoom_in(window):
        sizes.append(window.compare_page.delegate.font.pointSizeF())
        problems += _gutter_problems(window)
    assert len(sizes) >= 15 and sizes[0] < 11 < sizes[-1], sizes
    assert not problems, "\n".join(problems[:20])


def _header_problems(window: MainWindow) -> list[str]:
    page = window.lineage_page
    view, model = page.view, page.model
    size = window.compare_page.delegate.font.pointSizeF()
    problems = []
    for orientation, header in (
        (Qt.Orientation.Horizontal, view.horizontalHeader()),
        (Qt.Orientation.Vertical, view.verticalHeader()),
    ):
        fm = QFontMetrics(header.font())
        if orientation is Qt.Orientation.Horizontal:
            sections = range(model.columnCount())
        else:  # the rows in sight (those out of sight are fitted as they come into it)
            bottom = view.rowAt(view.viewport().height() - 1)
            sections = range(max(0, view.rowAt(0)), model.rowCount() if bottom < 0 else bottom)
        for section in sections:
            lines = str(model.headerData(section, orientation)).split("\n")
            wide = max(fm.horizontalAdvance(line) for line in lines)
            tall = (len(lines) - 1) * fm.lineSpacing() + fm.height()
            if orientation is Qt.Orientation.Horizontal:
                room_w, room_h = header.sectionSize(section), header.height()
            else:
                room_w, room_h = header.width(), header.sectionSize(section)
            if wide > room_w or tall > room_h:
                problems.append(f"{size}pt {lines!r}: {wide}x{tall} in {room_w}x{room_h}")
    return problems


def test_the_lineage_headers_fit_at_every_text_size(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The defect seen: a lineage header cut off ("'T/MIN(98)/DEC/2 · 1998-05-2")."""
    window.resize(1366, 768)
    window.tabs.setCurrentWidget(window.lineage_page)
    _each_size(window)
    qtbot.wait(20)
    problems = _header_problems(window)
    while _zoom_in(window):
        qtbot.wait(20)
        problems += _header_problems(window)
    assert not problems, "\n".join(problems[:20])

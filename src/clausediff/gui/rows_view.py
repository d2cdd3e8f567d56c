"""A list view of many rows of different heights that paints before it has measured them all.

:class:`RowsView` is a :class:`QListView` whose layout is its own. ``QListView`` measures every
row (the delegate's ``sizeHint``) before it paints any, even in its batched mode: at 20,000
compare rows that is 20 to 30 seconds of a blank view, since each row's size is two laid-out
rich-text cells. This view starts from an *estimate* of every row's height (one call of the
``estimator`` for all rows: pure Python, no Qt call per row), measures exactly only the rows
it paints or scrolls to, and keeps the row the reader is looking at in place when the
measured heights differ from the estimates. Rows are never clipped: a row is painted only
after it has been measured.

Everything else is the list view's: the model, the selection model, the delegate, keyboard
and mouse handling (through :meth:`indexAt`, :meth:`visualRect`, :meth:`moveCursor` and
:meth:`setSelection`, which this class provides), tooltips, and the accessibility of a list.

The model must announce row changes with a reset (the compare model does); the view then
lays out again from estimates. So does a change of width or of font (:meth:`doItemsLayout`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
)
from PySide6.QtGui import QPainter, QPaintEvent, QRegion, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QStyleOptionViewItem, QWidget

Index = QModelIndex | QPersistentModelIndex
Estimator = Callable[[int], list[int]]  # viewport width → a height for every row


class RowsView(QListView):
    """Rows laid out from estimated heights, measured when painted (see the module)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.estimator: Estimator | None = None
        self._heights: list[int] = []
        self._exact = bytearray()  # 1 where the height is measured, not estimated
        self._tops: list[int] = [0]  # running sums of the heights: row r spans tops[r:r+2]
        self._stale_tops = False
        self._width = -1
        self.setUniformItemSizes(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    # ------------------------------------------------------------------ layout

    def measured_rows(self) -> int:
        """How many rows have been measured exactly so far."""
        return sum(self._exact)

    def doItemsLayout(self) -> None:
        """Every row from its estimate again (new rows, width or font); the top row stays."""
        top_row = self._row_at_offset(self.verticalOffset()) if self._heights else -1
        model = self.model()
        n = model.rowCount() if model is not None else 0
        width = self.viewport().width()
        heights = self.estimator(width) if self.estimator is not None else [24] * n
        if len(heights) != n:  # (an estimator that does not know the model: plain rows)
            heights = [24] * n
        gap = 2 * self.spacing()
        self._heights = [max(1, h) + gap for h in heights]
        self._exact = bytearray(n)
        self._width = width
        self._stale_tops = True
        self._update_scroll_range()
        if 0 <= top_row < n:
            self._set_offset(self._tops[top_row])
        QAbstractItemView.doItemsLayout(self)

    def _ensure_layout(self) -> None:
        model = self.model()
        n = model.rowCount() if model is not None else 0
        if n != len(self._heights) or self.viewport().width() != self._width:
            self.doItemsLayout()

    def _tops_now(self) -> list[int]:
        if self._stale_tops:
            self._tops = [0, *accumulate(self._heights)]
            self._stale_tops = False
        return self._tops

    def _row_at_offset(self, y: int) -> int:
        """The row at content height ``y`` (clamped to the rows there are), or -1 if none."""
        tops = self._tops_now()
        if len(tops) < 2:
            return -1
        return min(len(tops) - 2, max(0, bisect_right(tops, y) - 1))

    def _measure(self, row: int) -> bool:
        """Measure ``row`` exactly; True if its height was not what the layout had."""
        if self._exact[row]:
            return False
        self._exact[row] = 1
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        gap = self.spacing()
        option.rect = QRect(0, 0, self.viewport().width() - 2 * gap, self._heights[row])
        index = self.model().index(row, 0)
        height = max(1, self.itemDelegate().sizeHint(option, index).height()) + 2 * gap
        if height == self._heights[row]:
            return False
        self._heights[row] = height
        self._stale_tops = True
        return True

    def _measure_view(self) -> bool:
        """Measure the rows in sight, keeping in place the first one already measured.

        True if the layout changed (what was in sight has moved)."""
        n = len(self._heights)
        if not n:
            return False
        offset = self.verticalOffset()
        bottom = offset + self.viewport().height()
        tops = self._tops_now()
        first = self._row_at_offset(offset)
        # the anchor: the first row in sight whose height is known (else the first in sight)
        anchor = first
        row = first
        while row < n and tops[row] < bottom:
            if self._exact[row]:
                anchor = row
                break
            row += 1
        anchor_y = tops[anchor] - offset  # where the anchor is on the screen now
        changed = False
        row = first
        y = tops[first]
        while row < n and y < bottom:
            changed |= self._measure(row)
            y += self._heights[row]
            row += 1
        if row < n:  # one row beyond, so that a step down does not move what is in sight
            changed |= self._measure(row)
        if changed:
            self._update_scroll_range()
            self._set_offset(self._tops_now()[anchor] - anchor_y)
        return changed

    def _update_scroll_range(self) -> None:
        total = self._tops_now()[-1]
        page = self.viewport().height()
        bar = self.verticalScrollBar()
        bar.blockSignals(True)
        bar.setRange(0, max(0, total - page))
        bar.setPageStep(page)
        bar.setSingleStep(max(12, self.fontMetrics().lineSpacing() * 2))
        bar.blockSignals(False)

    def _set_offset(self, value: int) -> None:
        bar = self.verticalScrollBar()
        bar.blockSignals(True)  # (no scrollContentsBy: the caller repaints)
        bar.setValue(max(bar.minimum(), min(bar.maximum(), value)))
        bar.blockSignals(False)

    def updateGeometries(self) -> None:
        self._update_scroll_range()
        QAbstractItemView.updateGeometries(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.doItemsLayout()
        else:
            self._update_scroll_range()

    def scrollContentsBy(self, _dx: int, _dy: int) -> None:
        self.viewport().update()

    # ------------------------------------------------------------------ geometry

    def verticalOffset(self) -> int:
        return self.verticalScrollBar().value()

    def horizontalOffset(self) -> int:
        return 0

    def isIndexHidden(self, index: Index) -> bool:
        return False

    def visualRect(self, index: Index) -> QRect:
        self._ensure_layout()
        if not index.isValid() or not 0 <= index.row() < len(self._heights):
            return QRect()
        top = self._tops_now()[index.row()] - self.verticalOffset()
        return QRect(0, top, self.viewport().width(), self._heights[index.row()])

    def indexAt(self, point: QPoint) -> QModelIndex:
        self._ensure_layout()
        tops = self._tops_now()
        y = point.y() + self.verticalOffset()
        if not self._heights or point.y() < 0 or y >= tops[-1]:
            return QModelIndex()
        return self.model().index(bisect_right(tops, y) - 1, 0)

    def scrollTo(
        self,
        index: Index,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        """Bring ``index`` into sight; a row taller than the view shows its top."""
        self._ensure_layout()
        if not index.isValid() or not 0 <= index.row() < len(self._heights):
            return
        row = index.row()
        if self._measure(row):
            self._update_scroll_range()
        top, height = self._tops_now()[row], self._heights[row]
        page, now = self.viewport().height(), self.verticalOffset()
        fits = height <= page
        hints = QAbstractItemView.ScrollHint
        if hint == hints.PositionAtTop or not fits:
            value = top
        elif hint == hints.PositionAtBottom:
            value = top + height - page
        elif hint == hints.PositionAtCenter:
            value = top - (page - height) // 2
        elif top < now:
            value = top
        elif top + height > now + page:
            value = top + height - page
        else:
            return
        self._set_offset(value)
        self.viewport().update()

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, _modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        self._ensure_layout()
        n = len(self._heights)
        if not n:
            return QModelIndex()
        row = self.currentIndex().row()
        actions = QAbstractItemView.CursorAction
        page = self.viewport().height()
        tops = self._tops_now()
        if row < 0:
            row = 0
        elif cursorAction in (actions.MoveUp, actions.MovePrevious):
            row -= 1
        elif cursorAction in (actions.MoveDown, actions.MoveNext):
            row += 1
        elif cursorAction == actions.MovePageUp:
            row = min(row - 1, self._row_at_offset(tops[row] - page))
        elif cursorAction == actions.MovePageDown:
            row = max(row + 1, self._row_at_offset(tops[row] + page))
        elif cursorAction == actions.MoveHome:
            row = 0
        elif cursorAction == actions.MoveEnd:
            row = n - 1
        return self.model().index(min(n - 1, max(0, row)), 0)

    def setSelection(self, rect: QRect, command: QItemSelectionModel.SelectionFlag) -> None:
        first = self.indexAt(rect.normalized().topLeft())
        last = self.indexAt(rect.normalized().bottomLeft())
        if not first.isValid():
            return
        selection = QItemSelection(first, last if last.isValid() else first)
        self.selectionModel().select(selection, command)

    def visualRegionForSelection(self, selection: QItemSelection) -> QRegion:
        region = QRegion()
        for index in selection.indexes():
            rect = self.visualRect(index)
            if rect.intersects(self.viewport().rect()):
                region += rect
        return region

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:
        self._ensure_layout()
        if self._measure_view() and event.rect() != self.viewport().rect():
            self.viewport().update()  # rows moved outside the area being painted now
        n = len(self._heights)
        if not n:
            return
        painter = QPainter(self.viewport())
        try:
            offset = self.verticalOffset()
            width = self.viewport().width()
            area = event.rect()
            tops = self._tops_now()
            model, selection = self.model(), self.selectionModel()
            current = self.currentIndex()
            delegate = self.itemDelegate()
            base = QStyleOptionViewItem()
            self.initViewItemOption(base)
            gap = self.spacing()  # (around every row, as in a list view)
            row = self._row_at_offset(offset + area.top())
            while row < n and tops[row] - offset <= area.bottom():
                index = model.index(row, 0)
                option = QStyleOptionViewItem(base)
                option.rect = QRect(
                    gap, tops[row] - offset + gap, width - 2 * gap, self._heights[row] - 2 * gap
                )
                if selection is not None and selection.isSelected(index):
                    option.state |= QStyle.StateFlag.State_Selected
                if index == current and self.hasFocus():
                    option.state |= QStyle.StateFlag.State_HasFocus
                delegate.paint(painter, option, index)
                row += 1
        finally:
            painter.end()

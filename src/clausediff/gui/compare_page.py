"""The compare tab: two versions side by side, clause by clause.

:class:`ComparePage` emits ``currentLinkChanged(link_number)`` when the selected row moves
and ``status(message)`` for a word in the status bar; it listens to nothing, and is given
its comparison, notes, find text, font and the kinds of change F7 steps through by the
window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from clausediff.core.compare.links import LinkKind
from clausediff.core.render import wording
from clausediff.core.store.review import PlacedNote
from clausediff.gui.delegates import PAD, CompareDelegate
from clausediff.gui.models import CompareModel
from clausediff.gui.overview import OverviewStrip
from clausediff.gui.rows_view import RowsView
from clausediff.session.comparison import Comparison
from clausediff.session.finding import matching_links, next_hit, previous_hit


class ComparePage(QWidget):
    currentLinkChanged = Signal(int)
    status = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparePage")
        self.comparison: Comparison | None = None
        #: the kinds of change F7 steps through (those the change list shows); empty: all
        self.change_kinds: frozenset[LinkKind] = frozenset()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header_left = QLabel()
        self.header_left.setObjectName("compareHeaderLeft")
        self.header_right = QLabel()
        self.header_right.setObjectName("compareHeaderRight")
        heads = self.heads = QHBoxLayout()
        heads.setSpacing(24)
        for lab in (self.header_left, self.header_right):
            lab.setTextFormat(Qt.TextFormat.PlainText)
            lab.setWordWrap(True)  # a long title wraps rather than running into the other
            lab.setMinimumWidth(60)
            lab.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            f = lab.font()
            f.setBold(True)
            lab.setFont(f)
            heads.addWidget(lab, 1)
        layout.addLayout(heads)
        row = QHBoxLayout()
        row.setSpacing(0)
        self.model = CompareModel(self)
        self.view = RowsView()  # (paints at once, measures rows as they come into sight)
        self.view.setObjectName("compareView")
        self.view.setModel(self.model)
        self.delegate = CompareDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.estimator = self._estimate_heights
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setMouseTracking(True)
        self.view.doubleClicked.connect(self._jump_from_row)
        self.view.viewport().installEventFilter(self)
        self.view.selectionModel().currentChanged.connect(self._row_selected)
        row.addWidget(self.view, 1)
        self.overview = OverviewStrip(self.model)
        self.overview.rowClicked.connect(self.select_row)
        row.addWidget(self.overview)
        layout.addLayout(row, 1)
        self._place_headers()

    def _place_headers(self) -> None:
        """The versions' titles above their columns (the gutter widens at larger sizes)."""
        self.heads.setContentsMargins(self.delegate.gutter + 8, 6, 24, 6)

    def _estimate_heights(self, width: int) -> list[int]:
        """Every row's height, guessed from its texts' lengths (the view measures later)."""
        metrics = QFontMetrics(self.delegate.font)
        column = self.delegate.columns(width)
        per_line = max(8, int(column / max(1.0, metrics.averageCharWidth() * 1.1)))
        line = metrics.lineSpacing()
        low = self.delegate.least_height()
        return [
            max(low, -(-max(left, right, 1) // per_line) * line + 2 * PAD + 1)
            for left, right in self.model.text_lengths()
        ]

    # ------------------------------------------------------------------ what is shown

    def set_titles(self, left: str, right: str) -> None:
        self.header_left.setText(left)
        self.header_right.setText(right)

    def set_comparison(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.delegate.clear_cache()
        self.model.notes_by_link = comparison.notes_by_link
        self.model.set_alignment(comparison.alignment, comparison.annotations)
        self.overview.update()

    def set_notes(self, by_link: dict[int, list[PlacedNote]]) -> None:
        """The open review's notes on the links shown: the rows are laid out again."""
        if self.comparison is not None:
            self.comparison.notes_by_link = by_link
        self.model.notes_by_link = by_link
        self.delegate.clear_cache()
        self.relayout()

    def set_find(self, text: str) -> None:
        if text != self.delegate.find:  # new highlights: lay the rows out again
            self.delegate.set_find(text)
            self.view.doItemsLayout()

    def set_font(self, font: QFont) -> None:
        self.delegate.set_font(font)
        self._place_headers()
        self.relayout()

    def relayout(self) -> None:
        self.view.doItemsLayout()
        self.view.viewport().update()

    def repaint_all(self) -> None:
        """The palette changed (light ↔ dark): every cell is drawn again."""
        self.delegate.clear_cache()
        self.relayout()
        self.overview.update()

    def counts_text(self) -> str:
        al = self.model.alignment
        return wording.counts_text(al) if al is not None else ""

    # ------------------------------------------------------------------ navigation

    def current_row(self) -> int:
        return self.view.currentIndex().row()

    def select_row(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        index = self.model.index(row)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def select_link(self, link_number: int) -> None:
        row = self.model.row_of_link(link_number)
        if row >= 0:
            self.select_row(row)

    def step_change(self, step: int, *, flagged: bool = False) -> None:
        """To the next (``step`` > 0) or previous change of the kinds the change list
        shows (``flagged``: flagged changes of those kinds), wrapping at either end."""
        rows = self.model.changed_rows(self.change_kinds)
        if flagged:
            stops = set(self.model.flagged_rows())
            rows = [r for r in rows if r in stops]
        if rows:
            stop = next_hit if step > 0 else previous_hit
            self.select_row(stop(rows, self.current_row()))

    def set_change_kinds(self, kinds: frozenset[LinkKind]) -> None:
        """The kinds of change F7 steps through (empty: every change)."""
        self.change_kinds = kinds

    def go_to_counterpart(self) -> bool:
        """From a moved clause to where it stood, and back. False when there is none."""
        other = self.model.counterpart_row(self.current_row())
        if other < 0:
            self.status.emit(wording.NOT_LINKED_NOTE)
            return False
        self.select_row(other)
        return True

    def find_rows(self, text: str) -> list[int]:
        """The rows whose older or newer text holds ``text``."""
        if self.model.alignment is None:
            return []
        links = [self.model.link(r) for r in range(self.model.rowCount())]
        return matching_links(self.model.alignment, links, text)

    def _row_selected(self, current: QModelIndex, _prev: QModelIndex) -> None:
        if current.isValid():
            self.currentLinkChanged.emit(self.model.link_number(current.row()))

    def _jump_from_row(self, index: QModelIndex) -> None:
        """Double-click on a moved clause (or its marker): go to its other place."""
        if index.isValid():
            self.select_row(index.row())
            self.go_to_counterpart()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # one click on the gutter of a moved clause jumps to its other place
        if (
            watched is self.view.viewport()
            and event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            pos = event.position().toPoint()
            index = self.view.indexAt(pos)
            if (
                index.isValid()
                and pos.x() - self.view.visualRect(index).left() < self.delegate.gutter
                and self.model.counterpart_row(index.row()) >= 0
            ):
                self.select_row(index.row())
                self.go_to_counterpart()
                return True
        return super().eventFilter(watched, event)

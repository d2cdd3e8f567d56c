"""The overview strip beside the scrollbar: one mark per change, coloured by kind.

Signals: ``rowClicked(row)`` when the user clicks a place in the strip. Listens to its
model's ``modelReset``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from clausediff.core.render.palette import KIND_COLOURS
from clausediff.gui.models import CompareModel


class OverviewStrip(QWidget):
    """Signals: ``rowClicked(row)`` when the user clicks a place in the strip."""

    rowClicked = Signal(int)

    def __init__(self, model: CompareModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setObjectName("overviewStrip")
        self.setAccessibleName("Overview of changes")
        self.setFixedWidth(16)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Every change in the comparison; click to jump")
        model.modelReset.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(16, 200)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), self.palette().color(self.backgroundRole()).darker(104))
            n = self.model.rowCount()
            h = self.height()
            for row in range(n):
                kind = self.model.link(row).kind
                if not kind.is_change:
                    continue
                y = int(row * h / n)
                painter.fillRect(
                    2, y, self.width() - 4, max(3, int(h / n)), QColor(KIND_COLOURS[kind])
                )
        finally:
            painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        n = self.model.rowCount()
        if n:
            row = min(n - 1, max(0, int(event.position().y() * n / max(1, self.height()))))
            self.rowClicked.emit(row)

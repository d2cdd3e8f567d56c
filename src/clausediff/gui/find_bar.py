"""The find bar under both views.

Emits ``searched(text)`` as the text changes, ``nextRequested()`` on Return and
``closed()`` when it is closed (its text cleared). Listens to nothing; the window says how
many rows and families matched (:meth:`FindBar.show_counts`).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


class FindBar(QWidget):
    searched = Signal(str)
    nextRequested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.addWidget(QLabel("Find:"))
        self.edit = QLineEdit()
        self.edit.setObjectName("findEdit")
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self.searched)
        self.edit.returnPressed.connect(self.nextRequested)
        lay.addWidget(self.edit, 1)
        self.status = QLabel()
        self.status.setObjectName("findStatus")
        lay.addWidget(self.status)
        close = QPushButton("Close")
        close.setObjectName("findClose")
        close.clicked.connect(self.close_bar)
        lay.addWidget(close)
        self.hide()

    def text(self) -> str:
        return self.edit.text()

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.edit.clear()
        self.hide()
        self.closed.emit()

    def show_counts(self, rows: int, families: int) -> None:
        self.status.setText(
            f"{_count(rows, 'row', 'rows')} compared · "
            f"{_count(families, 'family', 'families')} in the lineage"
            if self.edit.text()
            else ""
        )

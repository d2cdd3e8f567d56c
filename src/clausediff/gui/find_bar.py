"""The find bar under both views.

Emits ``searched(text)`` as the text changes, ``nextRequested()`` on Return (and its Next
button), ``previousRequested()`` on Shift+Return (and its Previous button) and ``closed()``
when it is closed (its text cleared; Esc in the bar closes it too). Listens to nothing; the
window says how many rows and families matched and which hit is selected
(:meth:`FindBar.show_counts`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


class FindBar(QWidget):
    searched = Signal(str)
    nextRequested = Signal()
    previousRequested = Signal()
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
        self.edit.installEventFilter(self)  # Esc and Shift+Return
        self.edit.returnPressed.connect(self.nextRequested)
        lay.addWidget(self.edit, 1)
        self.position = QLabel()
        self.position.setObjectName("findPosition")
        self.position.setMinimumWidth(self.position.fontMetrics().horizontalAdvance("888 of 888"))
        lay.addWidget(self.position)
        for name, text, tip, signal in (
            ("findPrevious", "Previous", "Previous hit (Shift+F3)", self.previousRequested),
            ("findNext", "Next", "Next hit (F3)", self.nextRequested),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setToolTip(tip)
            button.clicked.connect(signal)
            lay.addWidget(button)
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and isinstance(event, QKeyEvent):
            key = event.key()
            if event.type() == QEvent.Type.ShortcutOverride and key == Qt.Key.Key_Escape:
                event.accept()  # Esc is the bar's here, not the window's "Cancel comparison"
                return True
            if event.type() == QEvent.Type.KeyPress:
                if key == Qt.Key.Key_Escape:
                    self.close_bar()
                    return True
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and shift:
                    self.previousRequested.emit()
                    return True
        return super().eventFilter(watched, event)

    def show_position(self, text: str) -> None:
        """Which hit is selected ("3 of 12") in the view shown."""
        self.position.setText(text if self.edit.text() else "")

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.edit.clear()
        self.position.clear()
        self.hide()
        self.closed.emit()

    def show_counts(self, rows: int, families: int) -> None:
        self.status.setText(
            f"{_count(rows, 'row', 'rows')} compared · "
            f"{_count(families, 'family', 'families')} in the lineage"
            if self.edit.text()
            else ""
        )

"""Telling the user something: information, errors and yes-or-no questions.

One object per window. Messages are plain text (a file name or a clause is never read as
markup). Tests (and the headless screenshot) set ``suppress`` to keep dialogs from blocking;
the last message of each kind is kept for them to read.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


class Messenger:
    def __init__(self, parent: QWidget) -> None:
        self.parent = parent
        self.suppress = False
        self.last_info = ""
        self.last_error = ""

    def inform(self, title: str, message: str) -> None:
        """Information that need not stop the user's work (a window left open)."""
        self.last_info = message
        if self.suppress:
            return
        box = QMessageBox(
            QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.Ok, self.parent
        )
        box.setObjectName("infoDialog")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setModal(False)
        box.show()

    def error(self, title: str, message: str) -> None:
        """Something failed: say what, and wait until the user has read it."""
        self.last_error = message
        if self.suppress:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self.parent
        )
        box.setObjectName("errorDialog")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    def ask(self, title: str, question: str, *, default: bool = True) -> bool:
        """A yes-or-no question (``default`` when dialogs are suppressed)."""
        if self.suppress:
            return default
        answer = QMessageBox.question(self.parent, title, question)
        return answer == QMessageBox.StandardButton.Yes

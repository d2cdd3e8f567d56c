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
        box = self._box(QMessageBox.Icon.Information, title, message, "infoDialog")
        box.setModal(False)
        box.show()

    def error(self, title: str, message: str) -> None:
        """Something failed: say what, and wait until the user has read it."""
        self.last_error = message
        if self.suppress:
            return
        self._box(QMessageBox.Icon.Warning, title, message, "errorDialog").exec()

    def _box(self, icon: QMessageBox.Icon, title: str, message: str, name: str) -> QMessageBox:
        box = QMessageBox(icon, title, message, QMessageBox.StandardButton.Ok, self.parent)
        box.setObjectName(name)
        box.setTextFormat(Qt.TextFormat.PlainText)  # (a file name is never read as markup)
        return box

    def ask(self, title: str, question: str, *, default: bool = True) -> bool:
        """A yes-or-no question (``default`` when dialogs are suppressed)."""
        if self.suppress:
            return default
        answer = QMessageBox.question(self.parent, title, question)
        return answer == QMessageBox.StandardButton.Yes

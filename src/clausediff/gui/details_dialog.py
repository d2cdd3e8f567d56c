"""The dialog that corrects an imported document's symbols, title and date.

:class:`DetailsDialog` shows the three fields and checks them when OK is pressed, through
:func:`clausediff.core.store.library_rows.details_from_input`: what cannot be kept is said under
the fields and the dialog stays open; nothing is stored from here. It emits nothing; the
caller reads :attr:`DetailsDialog.details` once the dialog was accepted.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from clausediff.core.errors import LibraryError
from clausediff.core.model import DocumentInfo
from clausediff.core.store.library_rows import Details, details_from_input


class DetailsDialog(QDialog):
    """Symbols (separated by commas), title and date (YYYY-MM-DD) of one document."""

    def __init__(self, info: DocumentInfo, file_name: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsDialog")
        self.setWindowTitle("Document details")
        self.details: Details | None = None
        form = QFormLayout(self)
        about = QLabel(file_name)
        about.setTextFormat(Qt.TextFormat.PlainText)
        about.setWordWrap(True)
        form.addRow("File:", about)
        self.symbols = QLineEdit(", ".join(info.symbols))
        self.symbols.setObjectName("detailsSymbols")
        self.symbols.setAccessibleName("Document symbols")
        self.symbols.setPlaceholderText("WT/L/977, WT/MIN(15)/DEC")
        form.addRow("&Symbols:", self.symbols)
        self.title = QLineEdit(info.title)
        self.title.setObjectName("detailsTitle")
        self.title.setAccessibleName("Document title")
        form.addRow("&Title:", self.title)
        self.date = QLineEdit(info.date)
        self.date.setObjectName("detailsDate")
        self.date.setAccessibleName("Document date")
        self.date.setPlaceholderText("YYYY-MM-DD")
        form.addRow("&Date:", self.date)
        self.problem = QLabel("")
        self.problem.setObjectName("detailsProblem")
        self.problem.setAccessibleName("Why the details cannot be kept")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.hide()
        form.addRow(self.problem)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form.addRow(box)
        self.resize(520, 0)

    def accept(self) -> None:
        """Close only on details that can be kept; else say what is wrong and stay."""
        try:
            self.details = details_from_input(
                self.symbols.text(), self.title.text(), self.date.text()
            )
        except LibraryError as exc:
            self.details = None
            self.problem.setText(str(exc))
            self.problem.show()
            return
        self.problem.hide()
        super().accept()

"""The notes of a review: a model, the notes panel with its status filter, its dock, and
the note dialog.

:class:`NotesPanel` emits ``addRequested``, ``editRequested(note_id)``,
``deleteRequested(note_id)`` and ``noteActivated(placed_note)`` (to show its clause); it
listens to its filter and its list. The window fills its model with the placed notes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clausediff.core.render.html import tooltip_html
from clausediff.core.render.palette import status_colour
from clausediff.core.store.review import STATUSES, PlacedNote

Index = QModelIndex | QPersistentModelIndex
NoteRole = Qt.ItemDataRole.UserRole + 20
FILTERS = ("all", *STATUSES[1:], "none", "orphaned")


class NotesModel(QAbstractListModel):
    """The placed notes of the open review, filtered by status."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.notes: list[PlacedNote] = []
        self.filter = "all"
        self._rows: list[int] = []

    def set_notes(self, notes: list[PlacedNote]) -> None:
        self.beginResetModel()
        self.notes = list(notes)
        self._refilter()
        self.endResetModel()

    def set_filter(self, name: str) -> None:
        self.beginResetModel()
        self.filter = name if name in FILTERS else "all"
        self._refilter()
        self.endResetModel()

    def _refilter(self) -> None:
        def keep(p: PlacedNote) -> bool:
            if self.filter == "all":
                return True
            if self.filter == "orphaned":
                return p.orphaned
            return p.note.status == self.filter

        self._rows = [n for n, p in enumerate(self.notes) if keep(p)]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def placed(self, row: int) -> PlacedNote:
        return self.notes[self._rows[row]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        p = self.placed(index.row())
        n = p.note
        where = f"{n.version_label} {n.clause_label}"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            flag = "  [orphaned]" if p.orphaned else ("  [moved by text]" if p.reanchored else "")
            who = " · ".join(x for x in (n.author, n.updated) if x)
            status = n.status.upper() if n.status != "none" else "note"
            return f"{status} · {where}{flag}\n{n.text}\n{who}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_html(
                f"On {where}: “{n.clause_text}”\nWritten {n.created}, last changed {n.updated}"
            )
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(status_colour(n.status))
        if role == NoteRole:
            return p
        return None


class NotesPanel(QWidget):
    """The notes panel: a status filter, the notes, and buttons to add, edit and delete.

    Signals: ``addRequested``, ``editRequested(note_id)``, ``deleteRequested(note_id)``,
    ``noteActivated(placed_note)`` (to show its clause).
    """

    addRequested = Signal()
    editRequested = Signal(int)
    deleteRequested = Signal(int)
    noteActivated = Signal(object)

    def __init__(self, model: NotesModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self.model = model
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel("No review open")
        self.title.setObjectName("reviewTitle")
        self.title.setWordWrap(True)
        lay.addWidget(self.title)
        top.addWidget(QLabel("Show:"))
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("noteStatusFilter")
        for name in FILTERS:
            self.status_filter.addItem(name, name)
        self.status_filter.currentIndexChanged.connect(
            lambda _i: model.set_filter(self.status_filter.currentData())
        )
        top.addWidget(self.status_filter, 1)
        lay.addLayout(top)
        self.view = QListView()
        self.view.setObjectName("notesView")
        self.view.setModel(model)
        self.view.setWordWrap(True)
        self.view.setSpacing(2)
        self.view.activated.connect(lambda ix: self.noteActivated.emit(model.placed(ix.row())))
        self.view.doubleClicked.connect(lambda ix: self._edit(ix))
        lay.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("Add…")
        self.add_button.setObjectName("addNoteButton")
        self.add_button.clicked.connect(self.addRequested)
        self.edit_button = QPushButton("Edit…")
        self.edit_button.setObjectName("editNoteButton")
        self.edit_button.clicked.connect(lambda: self._edit(self.view.currentIndex()))
        self.delete_button = QPushButton("Delete")
        self.delete_button.setObjectName("deleteNoteButton")
        self.delete_button.clicked.connect(self._delete)
        for b in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        lay.addLayout(buttons)

    def _edit(self, index: QModelIndex) -> None:
        if index.isValid():
            self.editRequested.emit(self.model.placed(index.row()).note.id)

    def _delete(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.deleteRequested.emit(self.model.placed(index.row()).note.id)


class NotesDock(QDockWidget):
    """The notes panel in its dock (the window tabs it with the change list)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Notes", parent)
        self.setObjectName("notesDock")
        self.model = NotesModel(self)
        self.panel = NotesPanel(self.model)
        self.setWidget(self.panel)


class NoteDialog(QDialog):
    """Status, text and author of a note."""

    def __init__(
        self,
        where: str,
        *,
        text: str = "",
        status: str = "none",
        author: str = "",
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle("Note")
        form = QFormLayout(self)
        about = QLabel(where)
        about.setTextFormat(Qt.TextFormat.PlainText)
        about.setWordWrap(True)
        form.addRow("Clause:", about)
        self.status = QComboBox()
        self.status.setObjectName("noteStatus")
        for s in STATUSES:
            self.status.addItem(s, s)
        self.status.setCurrentIndex(max(0, STATUSES.index(status) if status in STATUSES else 0))
        form.addRow("Status:", self.status)
        self.text = QPlainTextEdit(text)
        self.text.setObjectName("noteText")
        self.text.setAccessibleName("Note text")
        form.addRow("Note:", self.text)
        self.author = QLineEdit(author)
        self.author.setObjectName("noteAuthor")
        form.addRow("Author:", self.author)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form.addRow(box)
        self.resize(480, 320)

    def values(self) -> tuple[str, str, str]:
        return self.status.currentData(), self.text.toPlainText(), self.author.text().strip()

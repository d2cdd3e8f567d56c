"""The library panel: the versions on offer, checkable for the lineage.

Emits ``compareRequested(row)`` (compare the selected version with the next) and
``lineageRequested()`` (the lineage of the checked versions). Listens to nothing; its model
is filled by the window and :class:`clausediff.gui.documents.Documents`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QListView, QPushButton, QVBoxLayout, QWidget

from clausediff.gui.models import LibraryModel


class LibraryDock(QDockWidget):
    compareRequested = Signal(int)
    lineageRequested = Signal()

    def __init__(self, model: LibraryModel, remove: QAction, parent: QWidget | None = None) -> None:
        super().__init__("Library", parent)
        self.setObjectName("libraryDock")
        self.model = model
        w = QWidget()
        lay = QVBoxLayout(w)
        self.view = QListView()
        self.view.setObjectName("libraryView")
        self.view.setModel(model)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        # Del acts on the library list only, never on a text field
        remove.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.view.addAction(remove)
        self.view.setSpacing(3)
        self.view.setWordWrap(True)
        lay.addWidget(self.view, 1)
        compare = QPushButton("Compare selected with next")
        compare.setObjectName("compareSelectedButton")
        compare.clicked.connect(self._compare_selected)
        lay.addWidget(compare)
        lineage = QPushButton("Lineage of checked versions")
        lineage.setObjectName("lineageButton")
        lineage.clicked.connect(self.lineageRequested)
        lay.addWidget(lineage)
        self.setWidget(w)

    def selected_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def _compare_selected(self) -> None:
        row = self.selected_row()
        if 0 <= row < len(self.model.documents) - 1:
            self.compareRequested.emit(row)

"""What can be done with one row of the compare view: copy it, and its context menu (copy,
the moved clause's other place, a note, pairing by hand, the next and previous change)."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QTabWidget

from clausediff.gui.compare_page import ComparePage
from clausediff.session.copying import copy_link


class RowActions:
    """The compare rows' copy and context menu (the Copy action calls ``rows.copy_row``)."""

    def __init__(
        self,
        window: QMainWindow,
        page: ComparePage,
        tabs: QTabWidget,
        actions_by_id: dict[str, QAction],
    ) -> None:
        self.window, self.page, self.tabs, self.actions_by_id = window, page, tabs, actions_by_id
        self.menu: QMenu | None = None  # the context menu, once shown

    def copy_row(self) -> None:
        """The selected compare row to the clipboard, as plain text."""
        page = self.page
        row = page.current_row()
        al = page.model.alignment
        if al is None or row < 0 or self.tabs.currentWidget() is not page:
            return
        copied = copy_link(al, page.model.link(row))
        # (plain text only: a QMimeData handed to the clipboard crashed the interpreter at exit)
        QApplication.clipboard().setText(copied.text)
        self.window.statusBar().showMessage("Copied the row", 3000)

    def popup(self, pos: QPoint) -> None:
        """The context menu, on the row under the pointer."""
        index = self.page.view.indexAt(pos)
        if index.isValid():
            self.menu = self.build(index.row())
            self.menu.popup(self.page.view.viewport().mapToGlobal(pos))

    def build(self, row: int) -> QMenu:
        """The menu of one compare row (selected first): copy, its moves' jump, a note."""
        page = self.page
        page.select_row(row)
        menu = QMenu(self.window)
        a = self.actions_by_id
        menu.addAction(a["actionCopy"])
        if page.model.counterpart_row(row) >= 0:
            menu.addAction(a["actionGoToCounterpart"])
        menu.addAction(a["actionAddNote"])
        menu.addSeparator()
        for key in ("actionMarkPair", "actionPairThese", "actionUnpair"):
            menu.addAction(a[key])
        menu.addSeparator()
        menu.addAction(a["actionNextChange"])
        menu.addAction(a["actionPrevChange"])
        return menu

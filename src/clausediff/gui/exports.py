"""Export and print from the window: what is shown (the lineage when its tab is shown, else
the comparison), with the review's notes if the user wants them.

:class:`Exporter` emits ``status(message, msecs)``; it listens to nothing. The formats and
their writing are the session's (:mod:`clausediff.session.exporting`); the PDF and the
printed pages are drawn here, by Qt (:mod:`clausediff.gui.printing`), the print preview on
the pages of the PDF. The export dialog writes the format of the filter chosen, the file
named with its suffix; a typed suffix that names another format is asked about
(:meth:`Exporter.settle`). The paper of every format is the one set in the settings, else
the system locale's (Letter in the United States and Canada, A4 elsewhere); File › Page size
sets it (:meth:`Exporter.set_page_size`), its ticked entry showing the paper in use.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from clausediff.core.compare.lineage import Lineage
from clausediff.core.errors import ClauseDiffError
from clausediff.core.store.review import PlacedNote, Review
from clausediff.gui import dialogs
from clausediff.gui.flow_paint import write_png
from clausediff.gui.messages import Messenger
from clausediff.gui.printing import export_pdf, locale_page_size, page_layout, render
from clausediff.gui.settings import Settings
from clausediff.session import exporting, reviewing
from clausediff.session import settings as keys

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


def write_pdf(
    lineage: Lineage, path: Path, notes: Sequence[PlacedNote] | None, page_size: str
) -> None:
    """The session's PDF writer: Qt draws the pages."""
    export_pdf(lineage, path, notes, page_size=page_size)


def write_pdf_headless(
    lineage: Lineage, path: Path, notes: Sequence[PlacedNote] | None, page_size: str
) -> None:
    """The PDF writer of the command line: Qt draws the pages offscreen, no window needed."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(["clausediff"])
    write_pdf(lineage, path, notes, page_size)


#: The actions of File › Page size, by the paper each sets (:mod:`clausediff.gui.actions`).
PAPER_ACTIONS = {"a4": "actionPaperA4", "letter": "actionPaperLetter"}
PAPER_NAMES = {"a4": "A4", "letter": "Letter"}


class Exporter(QObject):
    status = Signal(str, int)

    def __init__(
        self,
        shown: Callable[[], Lineage | None],
        review: Callable[[], Review | None],
        settings: Settings,
        messages: Messenger,
        parent: QWidget,
        actions: Mapping[str, QAction] | None = None,
    ) -> None:
        super().__init__(parent)
        self.shown, self.review = shown, review
        self.settings, self.messages = settings, messages
        self.dialog_parent = parent
        self.preview: QDialog | None = None
        #: the entries of File › Page size, by paper (none: no menu to keep ticked)
        self.paper_actions = {
            size: actions[name]
            for size, name in PAPER_ACTIONS.items()
            if actions and name in actions
        }
        self._tick_paper()

    def page_size(self) -> str:
        """The paper of every export and of printing: the one set, else the locale's."""
        if self.settings.store.contains(keys.PAGE_SIZE.key):
            return self.settings.get(keys.PAGE_SIZE)
        return locale_page_size()

    def set_page_size(self, size: str) -> None:
        """Export and print on ``size`` ("a4" or "letter") from now on, and at the next
        start. Choosing the paper already in use stores nothing: the locale's stays the
        default until another is chosen."""
        if size == self.page_size():
            self._tick_paper()
            return
        self.settings.set(keys.PAGE_SIZE, size)
        self._tick_paper()
        self.status.emit(f"Exports and printing on {PAPER_NAMES[size]} paper", 4000)

    def use_a4(self) -> None:
        """File › Page size › A4."""
        self.set_page_size("a4")

    def use_letter(self) -> None:
        """File › Page size › Letter."""
        self.set_page_size("letter")

    def _tick_paper(self) -> None:
        """Tick the entry of the paper in use (ticking acts on nothing: the entries act
        when chosen)."""
        size = self.page_size()
        for paper, action in self.paper_actions.items():
            action.setChecked(paper == size)

    def export_to(self, path: Path, fmt: str, *, with_notes: bool = True) -> bool:
        lineage = self.shown()
        if lineage is None:
            self.status.emit("Nothing to export yet", 4000)
            return False
        try:
            review = self.review() if with_notes else None
            notes = reviewing.notes_for_export(review, lineage)
            exporting.export(
                lineage,
                Path(path),
                fmt,
                notes,
                pdf=write_pdf,
                page_size=self.page_size(),
                png=write_png,
            )
        except ClauseDiffError as exc:
            self.messages.error("The export could not be written", str(exc))
            return False
        self.status.emit(f"Exported {Path(path).name}", 5000)
        return True

    def export_dialog(self) -> None:
        typed, chosen = dialogs.save_file(
            self.dialog_parent,
            self.settings,
            "export",
            "Export",
            "clausediff-export.html",
            ";;".join(exporting.FORMATS.values()),
        )
        if not typed:
            return
        target = self.settle(exporting.target_of(Path(typed), chosen))
        if target is None:
            return
        if target.path != Path(typed) and target.path.exists():  # (the dialog asked of the other)
            question = f"{target.path.name} already exists. Replace it?"
            if not self.messages.ask("Export", question, default=False):
                return
        with_notes = self.review() is not None and self.messages.ask(
            "Export", "Include the review's notes in the export?"
        )
        self.export_to(target.path, target.fmt, with_notes=with_notes)

    def settle(self, target: exporting.Target) -> exporting.Target | None:
        """The target meant when the typed suffix names another format than the filter:
        the user chooses (the typed suffix when dialogs are suppressed); ``None`` to
        cancel. Whatever is chosen, the file's suffix is its format's."""
        typed = target.typed
        if typed is None:
            return target
        if self.messages.suppress:
            return typed
        names = exporting.FORMAT_NAMES
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Export",
            f"{typed.path.name} is named as {names[typed.fmt]}, but the type chosen is "
            f"{names[target.fmt]}. Which should be written?",
            QMessageBox.StandardButton.Cancel,
            self.dialog_parent,
        )
        box.setObjectName("exportFormatQuestion")
        box.setTextFormat(Qt.TextFormat.PlainText)  # (a file name is never read as markup)
        as_typed, as_chosen = (
            box.addButton(
                f"{names[t.fmt][0].upper()}{names[t.fmt][1:]}: {t.path.name}",
                QMessageBox.ButtonRole.AcceptRole,
            )
            for t in (typed, target)
        )
        box.setDefaultButton(as_typed)
        box.exec()
        clicked = box.clickedButton()
        return typed if clicked is as_typed else target if clicked is as_chosen else None

    def printer(self) -> QPrinter:
        """A printer on the pages of the PDF (its paper, orientation and margins)."""
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(self.page_size()))
        return printer

    def print_preview(self) -> QDialog | None:
        """File › Print: a preview of the pages (those of the PDF), printed from there."""
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        lineage = self.shown()
        if lineage is None:
            self.status.emit("Nothing to print yet", 4000)
            return None
        printer = self.printer()
        dialog = QPrintPreviewDialog(printer, self.dialog_parent)
        dialog.setObjectName("printPreview")
        notes = reviewing.notes_for_export(self.review(), lineage)
        dialog.paintRequested.connect(lambda p: render(p, lineage, notes))
        self._printer = printer  # (kept alive as long as the preview)
        self.preview = dialog
        if self.messages.suppress:
            dialog.show()  # tests look at it without blocking
        else:
            dialog.exec()
        return dialog

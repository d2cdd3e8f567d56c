"""Export and print from the window: what is shown (the lineage when its tab is shown, else
the comparison), with the review's notes if the user wants them.

:class:`Exporter` emits ``status(message, msecs)``; it listens to nothing. The formats and
their writing are the session's (:mod:`clausediff.session.exporting`); the PDF and the
printed pages are drawn here, by Qt (:mod:`clausediff.gui.printing`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from clausediff.core.compare.lineage import Lineage
from clausediff.core.errors import ClauseDiffError
from clausediff.core.store.review import PlacedNote, Review
from clausediff.gui.flow_paint import write_png
from clausediff.gui.messages import Messenger
from clausediff.gui.printing import export_pdf, render
from clausediff.gui.settings import Settings
from clausediff.session import exporting, reviewing
from clausediff.session import settings as keys


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


class Exporter(QObject):
    status = Signal(str, int)

    def __init__(
        self,
        shown: Callable[[], Lineage | None],
        review: Callable[[], Review | None],
        settings: Settings,
        messages: Messenger,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.shown, self.review = shown, review
        self.settings, self.messages = settings, messages
        self.dialog_parent = parent
        self.preview: QDialog | None = None

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
                page_size=self.settings.get(keys.PAGE_SIZE),
                png=write_png,
            )
        except ClauseDiffError as exc:
            self.messages.error("The export could not be written", str(exc))
            return False
        self.status.emit(f"Exported {Path(path).name}", 5000)
        return True

    def export_dialog(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self.dialog_parent,
            "Export",
            "clausediff-export.html",
            ";;".join(exporting.FORMATS.values()),
        )
        if path:
            fmt = exporting.format_of(Path(path), chosen)
            with_notes = self.review() is not None and self.messages.ask(
                "Export", "Include the review's notes in the export?"
            )
            self.export_to(Path(path), fmt, with_notes=with_notes)

    def print_preview(self) -> QDialog | None:
        """File › Print: a preview of the pages, printed from there."""
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        lineage = self.shown()
        if lineage is None:
            self.status.emit("Nothing to print yet", 4000)
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
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

"""Opening, importing, renaming and removing documents, and the recent files.

:class:`Documents` reads files off the UI thread (:class:`clausediff.gui.worker.Loader`);
a file that cannot be read gives one clear message and changes nothing. The open and
import dialogs each start in the folder they last used (:mod:`clausediff.gui.dialogs`).
An imported document's symbols, title and date are corrected in :class:`DetailsDialog` and
kept in the library (:meth:`Documents.edit_details`). It emits ``opened(row)`` when a
document joined the library panel (at that row), and ``status(message, msecs)`` for the
status bar; it listens to its loader's ``loaded``, ``failed`` and ``busy_changed``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from clausediff.core.compare.lineage import date_order
from clausediff.core.errors import ClauseDiffError
from clausediff.core.model import Document
from clausediff.core.store.library import Library
from clausediff.gui import dialogs
from clausediff.gui.details_dialog import DetailsDialog
from clausediff.gui.messages import Messenger
from clausediff.gui.models import LibraryModel
from clausediff.gui.settings import Settings
from clausediff.gui.worker import Loader
from clausediff.session import settings as keys

OPEN_FILTER = (
    "Decision texts (*.pdf *.docx *.html *.htm *.xhtml *.txt *.text *.md *.markdown);;"
    "PDF (*.pdf);;Word (*.docx);;Web pages (*.html *.htm *.xhtml);;"
    "Text and Markdown (*.txt *.text *.md *.markdown);;All files (*)"
)


class Documents(QObject):
    opened = Signal(int)
    status = Signal(str, int)
    busy = Signal(bool)

    def __init__(
        self,
        library: LibraryModel,
        store: Library | None,
        settings: Settings,
        messages: Messenger,
        recent_menu: QMenu,
        parent: QWidget,
        *,
        synchronous: bool = False,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.store = store  # the local library of imported documents (None: not kept)
        self.settings = settings
        self.messages = messages
        self.recent_menu = recent_menu
        self.dialog_parent = parent
        self.loader = Loader(self, synchronous=synchronous)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_failed)
        self.loader.busy_changed.connect(self.busy)
        self._opened = False
        self.refresh_recent()

    def open_dialog(self) -> None:
        paths = dialogs.open_files(
            self.dialog_parent, self.settings, "open", "Open decision texts", OPEN_FILTER
        )
        for p in paths:
            self.open_path(Path(p))

    def import_dialog(self) -> None:
        paths = dialogs.open_files(
            self.dialog_parent, self.settings, "import", "Import into the library", OPEN_FILTER
        )
        for p in paths:
            self.import_path(Path(p))

    def open_path(self, path: Path) -> bool:
        """Read a file in the background; it joins the library panel for this session.

        Returns whether the file was read when the loader is synchronous (tests), else True
        once the file is queued.
        """
        self._opened = False
        self.loader.load(Path(path))
        return self._opened if self.loader.synchronous else True

    def import_path(self, path: Path) -> bool:
        """Like :meth:`open_path`, and keep the document in the local library."""
        if self.store is None:
            return self.open_path(path)
        self._opened = False
        self.loader.load(Path(path), self.store)
        return self._opened if self.loader.synchronous else True

    def remove(self, row: int) -> None:
        """Remove the imported document at ``row`` from the library (bundled ones stay)."""
        if not 0 <= row < len(self.library.documents):
            return
        doc = self.library.documents[row]
        if not doc.info.library_id or self.store is None:
            self.status.emit("Only an imported document can be removed", 4000)
            return
        try:
            self.store.remove(doc.info.library_id)
        except ClauseDiffError as exc:
            self.messages.error("The document could not be removed", str(exc))
            return
        self.library.remove_document(row)
        self.status.emit(f"Removed {doc.info.label} from the library", 5000)

    def edit_details(self, row: int) -> tuple[Document, Document] | None:
        """Correct the symbols, title and date of the imported document at ``row`` in a
        dialog and keep them in the library; returns the document before and after, or
        None when nothing changed (cancelled, bundled, or not kept)."""
        if not 0 <= row < len(self.library.documents):
            return None
        doc = self.library.documents[row]
        if not doc.info.library_id or self.store is None:
            self.status.emit("Only an imported document's details can be changed", 4000)
            return None
        file_name = doc.info.path.split(":", 2)[-1]
        dialog = DetailsDialog(doc.info, file_name, self.dialog_parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        details = dialog.details
        dialog.deleteLater()
        if not accepted or details is None:
            return None
        try:
            changed = self.store.set_details(doc.info.library_id, details)
        except ClauseDiffError as exc:
            self.messages.error("The details could not be kept", str(exc))
            return None
        docs = [changed if d is doc else d for d in self.library.documents]
        checked = [d for n, d in enumerate(docs) if n in self.library.checked]
        ordered = date_order(docs)
        self.library.set_documents(
            ordered, {n for n, d in enumerate(ordered) if any(d is c for c in checked)}
        )
        self.status.emit(f"{changed.info.label}: details kept in the library", 5000)
        return doc, changed

    def _on_loaded(self, path: Path, doc: Document) -> None:
        self._opened = True
        same = [
            n
            for n, d in enumerate(self.library.documents)
            if doc.info.library_id and d.info.library_id == doc.info.library_id
        ]
        if same:  # a re-import replaces its earlier entry
            self.library.remove_document(same[0])
        row = self.library.add_document(doc)
        self.library.checked.add(row)
        if doc.info.notes and not doc.info.bundled:
            self.status.emit(doc.info.notes, 15000)
            self.messages.inform(f"{path.name}", doc.info.notes)
        self.remember(path)
        self.opened.emit(row)
        self.status.emit(
            f"Opened {path.name} ({len(doc.clauses)} clauses, {doc.info.encoding})", 5000
        )

    def _on_failed(self, path: Path, message: str) -> None:
        self._opened = False
        self.messages.error(f"ClauseDiff cannot open {path.name}", message)

    def remember(self, path: Path) -> None:
        recent = keys.remembered(self.settings.get(keys.RECENT_FILES), str(path))
        self.settings.set(keys.RECENT_FILES, recent)
        self.refresh_recent()

    def refresh_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.get(keys.RECENT_FILES)
        for p in recent:
            act = self.recent_menu.addAction(p)
            act.triggered.connect(lambda _=False, path=p: self.open_path(Path(path)))
        self.recent_menu.setEnabled(bool(recent))

    def wait(self, msecs: int = 10000) -> None:
        """Let a file being read finish (nothing is ever half-added)."""
        self.loader.wait(msecs)

"""Reviews in the window: review files, notes added, edited and deleted, and where they land.

:class:`Reviews` emits ``placed(placement)`` whenever the notes on what is shown may have
changed (a review opened, a note written, a new comparison or lineage), ``opened(rows)``
when a review was opened (the library rows of its versions, for the window to show), and
``status(message, msecs)``. It listens to the notes panel's ``addRequested``,
``editRequested``, ``deleteRequested`` (connected by the window) and reads the pages'
comparison and lineage when it places notes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from clausediff.core.errors import ClauseDiffError
from clausediff.core.model import Document
from clausediff.core.store.review import Review
from clausediff.gui import dialogs
from clausediff.gui.compare_page import ComparePage
from clausediff.gui.lineage_page import LineagePage
from clausediff.gui.messages import Messenger
from clausediff.gui.models import LibraryModel
from clausediff.gui.notes import NoteDialog, NotesPanel
from clausediff.gui.settings import Settings
from clausediff.session import reviewing
from clausediff.session import settings as keys


class Reviews(QObject):
    placed = Signal(object)
    opened = Signal(list)
    status = Signal(str, int)

    def __init__(
        self,
        compare: ComparePage,
        lineage: LineagePage,
        library: LibraryModel,
        panel: NotesPanel,
        settings: Settings,
        messages: Messenger,
        recent_menu: QMenu,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.review: Review | None = None
        self.compare, self.lineage, self.library = compare, lineage, library
        self.panel, self.settings, self.messages = panel, settings, messages
        self.recent_menu = recent_menu
        self.dialog_parent = parent
        self.placement = reviewing.Placement()
        self.refresh_recent()

    # ------------------------------------------------------------------ review files

    def _versions(self) -> list[Document]:
        """The versions a new review covers: the lineage's, else the compared pair."""
        if self.lineage.lineage is not None:
            return list(self.lineage.lineage.versions)
        if self.compare.comparison is not None:
            return list(self.compare.comparison.versions)
        return []

    def new_review(self, path: Path) -> bool:
        try:
            review = reviewing.new_review(path, self._versions())
        except (ClauseDiffError, OSError) as exc:
            self.messages.error("The review could not be made", str(exc))
            return False
        self._set_review(review)
        return True

    def open_review(self, path: Path) -> bool:
        """Open a review; say which of its versions are not available here."""
        try:
            review = Review(Path(path))
            missing = review.missing(self.library.documents)
            versions = review.versions()
        except ClauseDiffError as exc:
            self.messages.error(f"ClauseDiff cannot open {Path(path).name}", str(exc))
            return False
        self._set_review(review)
        have = {d.info.sha256: n for n, d in enumerate(self.library.documents)}
        told = [reviewing.extras_message(review)]
        if missing:
            told.append(reviewing.missing_message(missing))
        if any(told):
            title = "Versions missing" if missing else "Parts not used"
            self.messages.inform(title, "\n\n".join(t for t in told if t))
        self.opened.emit([have[v.sha256] for v in versions if v.sha256 in have])
        return True

    def save_review_as(self, path: Path) -> bool:
        if self.review is None:
            return False
        try:
            self._set_review(self.review.save_copy(reviewing.review_path(path)))
        except (ClauseDiffError, OSError) as exc:
            self.messages.error("The review could not be saved", str(exc))
            return False
        return True

    def new_review_dialog(self) -> None:
        path, _ = dialogs.save_file(
            self.dialog_parent,
            self.settings,
            "review",
            "New review",
            "review" + reviewing.SUFFIX,
            reviewing.FILE_FILTER,
        )
        if not path:
            return
        target = reviewing.review_path(Path(path))
        # the dialog asked about the name as typed; the review file takes the suffix
        if target != Path(path) and target.exists():
            question = f"{target.name} exists. Replace it with a new, empty review?"
            if not self.messages.ask("New review", question, default=False):
                return
        self.new_review(Path(path))

    def open_review_dialog(self) -> None:
        path = dialogs.open_file(
            self.dialog_parent, self.settings, "review", "Open review", reviewing.FILE_FILTER
        )
        if path:
            self.open_review(Path(path))

    def save_review_as_dialog(self) -> None:
        if self.review is None:
            self.status.emit("No review is open", 4000)
            return
        path, _ = dialogs.save_file(
            self.dialog_parent, self.settings, "review", "Save review as", "", reviewing.FILE_FILTER
        )
        if path:
            self.save_review_as(Path(path))

    def _set_review(self, review: Review) -> None:
        self.review = review
        recent = keys.remembered(self.settings.get(keys.RECENT_REVIEWS), str(review.path))
        self.settings.set(keys.RECENT_REVIEWS, recent)
        self.refresh_recent()
        self.panel.title.setText(f"Review: {review.path.name}\nNotes are saved as you go.")
        self.dialog_parent.setWindowTitle(f"ClauseDiff — {review.path.name}")
        self.place()

    def refresh_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        recent = self.settings.get(keys.RECENT_REVIEWS)
        for p in recent:
            act = menu.addAction(p)
            act.triggered.connect(lambda _=False, path=p: self.open_review(Path(path)))
        menu.setEnabled(bool(recent))

    # ------------------------------------------------------------------ notes

    def _anchor(self, row: int) -> tuple[Document, int] | None:
        model = self.compare.model
        if model.alignment is None or not 0 <= row < model.rowCount():
            return None
        return reviewing.anchor(model.alignment, model.link(row), marker=model.is_marker(row))

    def add_note(self, row: int, text: str, *, status: str = "none", author: str = "") -> bool:
        """A note on the clause of compare row ``row`` (a new review is asked for if none)."""
        if self.review is None and not self._new_review_prompt():
            return False
        anchor = self._anchor(row)
        if anchor is None or self.review is None:
            return False
        doc, index = anchor
        review, before = self.review, self.review.cleaned
        try:
            review.add_note(doc, index, text, status=status, author=author)
        except ClauseDiffError as exc:
            self.messages.error("The note could not be saved", str(exc))
            return False
        self._tell_cleaned(review, before)
        self.place()
        return True

    def _tell_cleaned(self, review: Review, before: tuple[str, ...]) -> None:
        """Say so when a change rewrote a received file without the parts it held."""
        if review.cleaned != before:
            self.status.emit(reviewing.cleaned_message(review), 10000)

    def _new_review_prompt(self) -> bool:
        """No review is open: ask for a file to keep the notes in."""
        if self.messages.suppress:
            return False
        self.new_review_dialog()
        return self.review is not None

    def add_note_dialog(self) -> None:
        row = self.compare.current_row()
        anchor = self._anchor(row)
        if anchor is None:
            self.status.emit("Select a clause in the comparison first", 4000)
            return
        doc, index = anchor
        clause = doc.clauses[index]
        where = f"{doc.info.label} {clause.display_label()}: {clause.text[:160]}"
        author = self.settings.get(keys.AUTHOR)
        dialog = NoteDialog(where, author=author, parent=self.dialog_parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        status, text, author = dialog.values()
        self.settings.set(keys.AUTHOR, author)
        self.add_note(row, text, status=status, author=author)

    def edit_note_dialog(self, note_id: int) -> None:
        if self.review is None:
            return
        try:
            note = self.review.note(note_id)
        except ClauseDiffError as exc:
            self.messages.error("The note could not be read", str(exc))
            return
        dialog = NoteDialog(
            f"{note.version_label} {note.clause_label}: {note.clause_text[:160]}",
            text=note.text,
            status=note.status,
            author=note.author,
            parent=self.dialog_parent,
        )
        dialog.author.setReadOnly(True)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            status, text, _ = dialog.values()
            self.update_note(note_id, text=text, status=status)

    def update_note(
        self, note_id: int, *, text: str | None = None, status: str | None = None
    ) -> None:
        if self.review is None:
            return
        review, before = self.review, self.review.cleaned
        try:
            review.update_note(note_id, text=text, status=status)
        except ClauseDiffError as exc:
            self.messages.error("The note could not be saved", str(exc))
        self._tell_cleaned(review, before)
        self.place()

    def delete_note(self, note_id: int) -> None:
        if self.review is None or not self.messages.ask("Delete note", "Delete this note?"):
            return
        review, before = self.review, self.review.cleaned
        try:
            review.delete_note(note_id)
        except ClauseDiffError as exc:
            self.messages.error("The note could not be deleted", str(exc))
        self._tell_cleaned(review, before)
        self.place()

    def place(self) -> None:
        """Put the review's notes on the comparison, the lineage and the panel."""
        notes = []
        if self.review is not None:
            try:
                notes = self.review.notes()
            except ClauseDiffError as exc:
                self.messages.error("The review could not be read", str(exc))
        if not notes and not self.placement.notes:
            return  # nothing to show, nothing to clear: leave large views alone
        comparison = self.compare.comparison.lineage if self.compare.comparison else None
        self.placement = reviewing.place(notes, comparison, self.lineage.lineage)
        self.placed.emit(self.placement)

"""Correcting the pairing in the window: "Pair with…", "Pair these", "Unpair", undo, and the
list of corrections.

:class:`Pairing` carries out the Edit menu's and the row menu's pairing actions on the
compare view: "Pair with…" remembers the row under the pointer, "Pair these" pairs that
row's clauses with the current row's (the older side of one with the newer side of the
other), "Unpair" keeps the current row's two sides apart, and "Undo pairing" (Ctrl+Z)
takes back the last correction, restoring what it replaced. Each correction is stored in
the open review at once (a review is asked for when none is open; see
:mod:`clausediff.session.pairing`) and the comparison is asked for again through the
``recompute`` callable, which runs in the background worker with :meth:`corrections`.
It emits ``status(message, msecs)`` and listens to the comparer's ``finished`` to select
the link just made and to say when corrections no longer apply; :meth:`list_dialog` shows
every correction of the pair shown, with who made it and when, and those that no longer
apply.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from clausediff.core.errors import ClauseDiffError
from clausediff.core.store.review import Correction
from clausediff.gui.compare_page import ComparePage
from clausediff.gui.messages import Messenger
from clausediff.gui.review_controller import Reviews
from clausediff.gui.settings import Settings
from clausediff.session import pairing
from clausediff.session import settings as keys
from clausediff.session.comparison import Comparison


class Pairing(QObject):
    status = Signal(str, int)

    def __init__(
        self,
        page: ComparePage,
        reviews: Reviews,
        settings: Settings,
        messages: Messenger,
        recompute: Callable[[], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.page, self.reviews, self.settings, self.messages = page, reviews, settings, messages
        self.recompute = recompute
        self.dialog_parent = parent
        #: the clauses "Pair with…" remembered: (older side, newer side) of that row
        self.marked: tuple[tuple[int, ...], tuple[int, ...]] | None = None
        #: the corrections made in this session, each with the pair of versions it was
        #: made on (their SHA-256s), last on top
        self.undo_stack: list[tuple[pairing.Change, tuple[str, str]]] = []
        self._focus: tuple[int, int] | None = None  # (side, clause) to select once compared
        self._review: object = None

    def corrections(self) -> tuple[Correction, ...]:
        """The open review's corrections (none without a review)."""
        review = self.reviews.review
        if review is not self._review:  # another review: its own history of changes
            self._review, self.undo_stack, self.marked = review, [], None
        if review is None:
            return ()
        try:
            return tuple(review.corrections())
        except ClauseDiffError as exc:
            self.messages.error("The review's corrections could not be read", str(exc))
            return ()

    # ------------------------------------------------------------------ actions

    def _current(self) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
        model = self.page.model
        row = self.page.current_row()
        if model.alignment is None or not 0 <= row < model.rowCount():
            return None
        lk = model.link(row)
        if model.is_marker(row):  # where a moved clause stood: its older clause
            return lk.left, ()
        return lk.left, lk.right

    def mark(self) -> None:
        """Remember the current row's clauses, to pair with another row's ("Pair with…")."""
        current = self._current()
        al = self.page.model.alignment
        if current is None or al is None:
            self.status.emit("Select a clause in the comparison first", 4000)
            return
        self.marked = current
        left, right = current
        what = al.left.labels(left) if left else al.right.labels(right)
        self.status.emit(
            f"{what} is chosen: select the clause to pair it with, then choose Pair these", 10000
        )

    def pair_these(self) -> None:
        """Pair the chosen row's clauses with the current row's, older with newer."""
        current, al = self._current(), self.page.model.alignment
        if self.marked is None or current is None or al is None:
            self.status.emit("Choose a clause with Pair with… first, then the other one", 6000)
            return
        (ml, mr), (cl, cr) = self.marked, current
        # the older clauses of one row and the newer clauses of the other
        left, right = (ml, cr) if ml and cr else (cl, mr)
        if not left or not right:
            self.status.emit("Pair an older clause with a newer one", 6000)
            return
        if any(al.left.clauses[i].is_gap for i in left) or any(
            al.right.clauses[j].is_gap for j in right
        ):
            self.status.emit("A gap in the text cannot be paired", 6000)
            return
        self.marked = None
        self._focus = (0, left[0])  # (before: a synchronous comparison is done at once)
        self._correct(lambda review, author: pairing.pair_these(review, al, left, right, author))

    def unpair(self) -> None:
        """Keep the current row's two sides apart from now on."""
        model, row, al = self.page.model, self.page.current_row(), self.page.model.alignment
        if al is None or not 0 <= row < model.rowCount():
            self.status.emit("Select a row in the comparison first", 4000)
            return
        lk = model.link(row)
        if not (lk.left and lk.right):
            self.status.emit("This row pairs nothing: there is nothing to unpair", 4000)
            return
        self._focus = (0, lk.left[0])
        self._correct(lambda review, author: pairing.unpair(review, al, lk, author))

    def undo(self) -> None:
        """Take back the last correction; the comparison shows the engine's answer again."""
        review = self.reviews.review
        if not self.undo_stack or review is None or review is not self._review:
            self.status.emit("No pairing to undo", 4000)
            return
        change, made_on = self.undo_stack.pop()
        try:
            pairing.undo(review, change)
        except ClauseDiffError as exc:
            self.messages.error("The correction could not be undone", str(exc))
            return
        if made_on == self._shown_pair():  # (else its clause is not in the rows shown)
            self._focus = (0, change.added.left[0].index)
            self.status.emit("Pairing undone", 4000)
        else:
            self.status.emit("Pairing undone (it was made on another pair of versions)", 6000)
        self.recompute()

    def _shown_pair(self) -> tuple[str, str]:
        comparison = self.page.comparison
        if comparison is None:
            return ("", "")
        al = comparison.alignment
        return (al.left.info.sha256, al.right.info.sha256)

    def _correct(self, make: Callable[..., pairing.Change]) -> None:
        if self.reviews.review is None:
            if self.messages.suppress:
                self.status.emit("Open or start a review to keep corrections in", 6000)
                return
            self.reviews.new_review_dialog()
        review = self.reviews.review
        if review is None:
            return
        self.corrections()  # (the review's history of changes starts here)
        try:
            change = make(review, self.settings.get(keys.AUTHOR))
        except ClauseDiffError as exc:
            self.messages.error("The correction could not be saved", str(exc))
            return
        self.undo_stack.append((change, self._shown_pair()))
        self.recompute()

    # ------------------------------------------------------------------ results

    def on_compared(self, comparison: Comparison, _seconds: float = 0.0) -> None:
        """Select the link just corrected; say when corrections no longer apply."""
        al = comparison.alignment
        if self._focus is not None:
            side, index = self._focus
            self._focus = None
            if 0 <= index < len((al.left if side == 0 else al.right).clauses):
                self.page.select_link(al.link_index_of(side, index))
        if comparison.stale:
            n = len(comparison.stale)
            self.status.emit(
                f"{n} correction{'s' if n > 1 else ''} of the pairing no longer appl"
                f"{'y' if n > 1 else 'ies'}: Edit › Corrections of the pairing… lists "
                f"{'them' if n > 1 else 'it'}",
                10000,
            )

    def lines(self) -> list[str]:
        comparison = self.page.comparison
        if comparison is None:
            return []
        first = comparison.corrected[0] if comparison.corrected else None
        return pairing.correction_lines(first, comparison.stale)

    def list_dialog(self) -> QDialog:
        """The corrections of the pair shown, and those that no longer apply (shown)."""
        dialog = QDialog(self.dialog_parent)
        dialog.setObjectName("correctionsDialog")
        dialog.setWindowTitle("Corrections of the pairing")
        layout = QVBoxLayout(dialog)
        lines = self.lines()
        intro = QLabel(
            "Clauses paired by hand or kept apart in this review (undo the last with Ctrl+Z):"
            if lines
            else "No clause of these versions is paired by hand or kept apart."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        listing = QListWidget(dialog)
        listing.setObjectName("correctionsList")
        listing.setAccessibleName("Corrections of the pairing")
        listing.addItems(lines)
        listing.setWordWrap(True)
        layout.addWidget(listing)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.resize(640, 320)
        if not self.messages.suppress:
            dialog.open()
        return dialog

"""The main window: it composes the panels and docks and wires their signals.

The window owns what is compared (the two versions chosen, the versions checked for the
lineage) and hands each result to the panels: :class:`ComparePage` (the comparison),
:class:`LineagePage` (the lineage), :class:`ChangesDock` (the list of changes of the tab
shown: it is told which tab shows, so a new tab only adds its list there),
:class:`LibraryDock` (the versions on offer), the notes panel and the legend. The work
itself belongs to the parts it holds: :class:`Documents` (opening and importing),
:class:`Reviews` (review files and notes), :class:`Exporter` (export and print), the
comparers (background work), and below them the Qt-free session (:mod:`clausediff.session`).

It listens to the comparers' ``finished``/``failed``/``cancelled``, the pages'
``currentLinkChanged``/``currentFamilyChanged`` and ``status``, the change list's
``linkChosen``/``familyChosen``/``kindsChanged``, the tabs' ``currentChanged``, the find bar's
``searched``/``nextRequested``/``closed``, the library's ``compareRequested`` and
``lineageRequested``, the documents' ``opened``, the reviews' ``placed`` and ``opened``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clausediff.core.compare.lineage import Lineage, date_order
from clausediff.core.compare.links import Alignment
from clausediff.core.model import Document
from clausediff.core.render.html import tooltip_html
from clausediff.core.store.library import Library
from clausediff.core.store.review import PlacedNote, Review
from clausediff.gui import about, menus
from clausediff.gui.actions import build_actions
from clausediff.gui.changes_dock import ChangesDock
from clausediff.gui.compare_page import ComparePage
from clausediff.gui.documents import Documents
from clausediff.gui.exports import Exporter
from clausediff.gui.find_bar import FindBar
from clausediff.gui.finding import Finder
from clausediff.gui.legend import LegendDock
from clausediff.gui.library_dock import LibraryDock
from clausediff.gui.lineage_page import LineagePage
from clausediff.gui.messages import Messenger
from clausediff.gui.models import LibraryModel
from clausediff.gui.names import name_widgets
from clausediff.gui.notes import NotesDock
from clausediff.gui.pairing import Pairing
from clausediff.gui.review_controller import Reviews
from clausediff.gui.row_actions import RowActions
from clausediff.gui.settings import Settings
from clausediff.gui.status import StatusArea
from clausediff.gui.summary_page import SummaryPage, add_flag_filter
from clausediff.gui.view_settings import ViewSettings
from clausediff.gui.worker import Comparer
from clausediff.session import settings as keys
from clausediff.session import versions
from clausediff.session.comparison import Comparison
from clausediff.session.reviewing import Placement

COMPARE_TAB, LINEAGE_TAB, SUMMARY_TAB = 0, 1, 2


class MainWindow(QMainWindow):
    def __init__(
        self, settings: QSettings, *, synchronous: bool = False, store: Library | None = None
    ) -> None:
        super().__init__()
        self.settings = Settings(settings)
        self.messages = Messenger(self)
        self.library_problem = ""  # why imported documents could not be listed, if so
        self.setObjectName("mainWindow")
        self.setWindowTitle("ClauseDiff")
        self.setAcceptDrops(True)
        self.actions_by_id = build_actions(self)
        self.library = LibraryModel(self)
        self.comparer = Comparer(self, synchronous=synchronous)
        self.lineage_comparer = Comparer(self, synchronous=synchronous)

        self.compare_page = ComparePage()
        self.lineage_page = LineagePage()
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("viewTabs")
        self.tabs.addTab(self.compare_page, "Compare")
        self.tabs.addTab(self.lineage_page, "Lineage")
        self.summary_page = SummaryPage()
        self.tabs.addTab(self.summary_page, "Summary")
        self.find_bar = FindBar()
        self.finder = Finder(self.find_bar, self.tabs, self.compare_page, self.lineage_page)
        self.rows = RowActions(self, self.compare_page, self.tabs, self.actions_by_id)
        central = QWidget()
        central.setObjectName("centralArea")
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.tabs, 1)
        outer.addWidget(self.find_bar)  # one find bar for both views
        self.setCentralWidget(central)

        remove = self.actions_by_id["actionRemoveFromLibrary"]
        self.removeAction(remove)  # (it acts on the library list only)
        self.library_dock = LibraryDock(self.library, remove, self)
        edit = self.actions_by_id["actionEditDetails"]
        self.removeAction(edit)  # (so does this)
        edit.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.library_dock.view.addAction(edit)
        self.changes_dock = ChangesDock(self)  # (its list follows the tab shown)
        self.changes_dock.add_panel(self.compare_page, self.changes_dock.compare_panel)
        self.changes_dock.add_panel(self.lineage_page, self.changes_dock.lineage_panel)
        self.flag_filter = add_flag_filter(self.changes_dock)
        self.flag_filter.flagged_only.setDefaultAction(self.actions_by_id["actionFlaggedOnly"])
        self.notes_dock = NotesDock(self)
        self.legend_dock = LegendDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.changes_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.notes_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.legend_dock)
        self.tabifyDockWidget(self.changes_dock, self.notes_dock)
        self.tabifyDockWidget(self.notes_dock, self.legend_dock)
        self.changes_dock.raise_()
        self.resizeDocks(
            [self.library_dock, self.changes_dock], [230, 250], Qt.Orientation.Horizontal
        )
        self.view = ViewSettings(self.settings, self.compare_page, self.lineage_page)
        bars = menus.build(self, self.actions_by_id, self.view.set_theme)
        self.left_combo, self.right_combo = bars.left_combo, bars.right_combo
        self.theme_actions = self.view.theme_actions = bars.theme_actions
        self.status = StatusArea(self.statusBar())

        self.documents = Documents(
            self.library, store, self.settings, self.messages, bars.recent_files, self,
            synchronous=synchronous,
        )  # fmt: skip
        self.reviews = Reviews(
            self.compare_page, self.lineage_page, self.library, self.notes_dock.panel,
            self.settings, self.messages, bars.recent_reviews, self,
        )  # fmt: skip
        self.pairing = Pairing(
            self.compare_page, self.reviews, self.settings, self.messages, self.recompute, self
        )
        self.exporter = Exporter(
            self.shown_lineage, lambda: self.reviews.review, self.settings, self.messages, self,
            self.actions_by_id,
        )  # fmt: skip
        self._wire()
        self._debounce = QTimer(self, singleShot=True, interval=120)
        self._debounce.timeout.connect(self.compare_now)
        for combo in (self.left_combo, self.right_combo):
            combo.currentIndexChanged.connect(lambda _i: self._debounce.start())
        self._apply_settings()
        name_widgets(self)

    def _wire(self) -> None:
        show = self.status.show
        self.status.cancelRequested.connect(self.cancel_comparison)
        self._told_flags_problem = ""
        self.comparer.finished.connect(self._on_compared)
        self.comparer.failed.connect(self._on_failed)
        self.comparer.cancelled.connect(lambda: self.status.set_busy(False, "Comparison cancelled"))
        self.lineage_comparer.finished.connect(self._on_lineage)
        self.lineage_comparer.failed.connect(self._on_failed)
        self.compare_page.currentLinkChanged.connect(self.changes_dock.follow)
        self.compare_page.status.connect(lambda m: show(m, 3000))
        self.changes_dock.linkChosen.connect(self.compare_page.select_link)
        self.changes_dock.familyChosen.connect(self.lineage_page.select_family)
        self.changes_dock.kindsChanged.connect(self.compare_page.set_change_kinds)
        self.lineage_page.currentFamilyChanged.connect(self.changes_dock.follow_family)
        self.flag_filter.changed.connect(self.changes_dock.model.set_flag_filter)
        self.summary_page.linkChosen.connect(self._show_link)
        self.find_bar.searched.connect(self.finder.search)
        self.find_bar.nextRequested.connect(self.finder.find_next)
        self.find_bar.previousRequested.connect(self.finder.find_previous)
        self.compare_page.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.compare_page.view.customContextMenuRequested.connect(self.rows.popup)
        self.find_bar.closed.connect(self.compare_page.view.setFocus)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.library_dock.compareRequested.connect(lambda row: self.set_pair(row, row + 1))
        self.library_dock.lineageRequested.connect(self.show_lineage)
        lib = self.library
        for changed in (lib.modelReset, lib.rowsInserted, lib.rowsRemoved):
            changed.connect(self._refill_combos)
        self.documents.opened.connect(self._on_opened)
        self.documents.status.connect(show)
        self.documents.busy.connect(self._on_reading)
        panel = self.notes_dock.panel
        panel.addRequested.connect(self.reviews.add_note_dialog)
        panel.editRequested.connect(self.reviews.edit_note_dialog)
        panel.deleteRequested.connect(self.reviews.delete_note)
        panel.noteActivated.connect(self._show_note)
        self.reviews.placed.connect(self._on_placed)
        self.reviews.opened.connect(self._on_review_opened)
        self.reviews.status.connect(show)
        self.exporter.status.connect(show)
        self.pairing.status.connect(show)
        self.comparer.finished.connect(self.pairing.on_compared)
        self.reviews.opened.connect(lambda _rows: self.recompute())  # (with its corrections)

    # ------------------------------------------------------------------ what is shown

    @property
    def comparison(self) -> Comparison | None:
        return self.compare_page.comparison

    @property
    def compare_alignment(self) -> Alignment | None:
        return self.compare_page.model.alignment

    @property
    def lineage(self) -> Lineage | None:
        return self.lineage_page.lineage

    @property
    def review(self) -> Review | None:
        return self.reviews.review

    def shown_lineage(self) -> Lineage | None:
        """What to export or print: the lineage when its tab is shown, else the comparison."""
        if self.tabs.currentIndex() == LINEAGE_TAB and self.lineage is not None:
            return self.lineage
        return self.comparison.lineage if self.comparison is not None else None

    def load_library(self) -> None:
        """The bundled and imported decisions; the manifest's lineage versions checked."""
        offer = versions.on_offer(self.documents.store)
        self.library_problem = offer.problem or self.library_problem
        self.library.set_documents(list(offer.documents), set(offer.checked))

    def set_versions(self, docs: list[Document]) -> None:
        """Show these versions: the last two in the compare view, all in the lineage."""
        self.library.set_documents(date_order(docs), set(range(len(docs))))
        self.set_pair(len(docs) - 2, len(docs) - 1)

    def set_pair(self, left: int, right: int) -> None:
        for combo, row in ((self.left_combo, left), (self.right_combo, right)):
            with QSignalBlocker(combo):
                combo.setCurrentIndex(row)
        self.compare_now()

    def swap_versions(self) -> None:
        self.set_pair(self.right_combo.currentIndex(), self.left_combo.currentIndex())

    def _refill_combos(self, *_: object) -> None:  # (each keeps the document it showed)
        docs = self.library.documents
        for combo in (self.left_combo, self.right_combo):
            shown = combo.currentData(Qt.ItemDataRole.UserRole)
            combo.blockSignals(True)
            combo.clear()
            for doc in docs:
                combo.addItem(versions.choice(doc), doc)
                tip = tooltip_html(versions.title(doc))
                combo.setItemData(combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(next((n for n, d in enumerate(docs) if d is shown), -1))
            combo.blockSignals(False)

    def _on_opened(self, row: int) -> None:
        right = self.right_combo.currentIndex()
        self.set_pair(right if right >= 0 else 0, row)

    def remove_selected_from_library(self) -> None:  # (Del, on the library list)
        self.documents.remove(self.library_dock.selected_row())

    def edit_selected_details(self) -> None:  # (F2, on the library list)
        """Correct a document's details; the versions shown are shown again, renamed."""
        shown = [
            c.currentData(Qt.ItemDataRole.UserRole) for c in (self.left_combo, self.right_combo)
        ]
        changed = self.documents.edit_details(self.library_dock.selected_row())
        if changed is None:
            return
        old, new = changed
        docs = self.library.documents
        rows = [next((n for n, d in enumerate(docs) if d is (new if s is old else s)), -1)
                for s in shown]  # fmt: skip
        if any(s is old for s in shown):
            self.set_pair(*rows)
        if self.lineage is not None and any(d is old for d in self.lineage.versions):
            self.run_lineage()

    # ------------------------------------------------------------------ comparing

    def compare_now(self) -> None:
        li, ri = self.left_combo.currentIndex(), self.right_combo.currentIndex()
        docs = self.library.documents
        if not (0 <= li < len(docs) and 0 <= ri < len(docs)):
            return
        self.compare_page.set_titles(versions.title(docs[li]), versions.title(docs[ri]))
        left, right = (
            d.info.symbols[-1] if d.info.symbols else d.info.label for d in (docs[li], docs[ri])
        )
        self.setWindowTitle(f"{left} → {right} — ClauseDiff")  # (WT/L/907, not WT/MIN(13)/32)
        self.status.set_busy(True, "Comparing…")
        self.settings.set(keys.LAST_PAIR, (docs[li].info.sha256, docs[ri].info.sha256))
        self.comparer.submit((docs[li], docs[ri]), corrections=self.pairing.corrections())

    def recompute(self) -> None:
        """The comparison again (and the lineage shown), with the review's corrections."""
        self.compare_now()
        if self.lineage_page.lineage is not None:
            self.run_lineage()

    def show_lineage(self) -> None:
        """The lineage of the checked versions, on its tab ("Lineage of checked versions")."""
        self.tabs.setCurrentIndex(LINEAGE_TAB)
        self.run_lineage()

    def run_lineage(self) -> None:
        docs = date_order(self.library.checked_documents())
        if len(docs) >= 2:
            self.lineage_comparer.submit(
                tuple(docs),
                corrections=self.pairing.corrections(),
                flow=True,
                series=True,
                annotate=False,
            )

    def cancel_comparison(self) -> None:
        if self.comparer.busy:
            self.comparer.cancel()

    def _on_reading(self, busy: bool) -> None:
        if busy or not self.comparer.busy:
            self.status.set_busy(busy, "Reading…" if busy else "", cancellable=False)

    def _on_compared(self, comparison: Comparison, seconds: float) -> None:
        self.compare_page.set_comparison(comparison)
        self.changes_dock.set_comparison(comparison)
        self.summary_page.set_comparison(comparison)
        self.reviews.place()
        self.status.set_busy(False, f"Compared in {seconds * 1000:.0f} ms")
        self.status.set_counts(self.compare_page.counts_text())
        problem = comparison.annotations.flags_problem
        if problem and problem != self._told_flags_problem:  # (said once, not at every pair)
            self._told_flags_problem = problem
            self.messages.inform("Flag rules", problem)

    def _on_lineage(self, comparison: Comparison, _seconds: float) -> None:
        self.lineage_page.set_lineage(comparison.lineage, comparison.flow, comparison.series)
        self.summary_page.set_series(comparison.series)
        self.changes_dock.set_lineage(comparison.lineage)
        self.reviews.place()

    def _on_failed(self, message: str) -> None:
        self.status.set_busy(False)
        self.messages.error("The comparison failed", message)

    # ------------------------------------------------------------------ navigation and find

    def next_change(self) -> None:
        """The next change in the view shown (F7): a row of the comparison, of the kinds
        the change list shows (flagged ones only, if so chosen); a family that changed in
        the lineage."""
        self._step_change(+1)

    def prev_change(self) -> None:
        self._step_change(-1)

    def _step_change(self, step: int) -> None:
        page = self.tabs.currentWidget()
        if page is self.lineage_page:
            self.lineage_page.step_change(step)
        elif page is self.compare_page:
            flagged = self.actions_by_id["actionFlaggedOnly"].isChecked()
            self.compare_page.step_change(step, flagged=flagged)

    def set_flagged_only(self, on: bool) -> None:
        """F7 and Shift+F7 stop at flagged changes only (or at every change)."""
        words = "flagged changes only" if on else "every change"
        self.statusBar().showMessage(f"F7 steps through {words}", 3000)

    def _show_link(self, link_number: int) -> None:
        """From the Summary tab to a link's row in the comparison."""
        self.tabs.setCurrentIndex(COMPARE_TAB)
        self.compare_page.select_link(link_number)
        self.compare_page.view.setFocus()

    def _on_tab_changed(self, _index: int) -> None:
        self.changes_dock.show_for(self.tabs.currentWidget())
        if self.find_bar.text():  # go to the first hit in the view now shown
            self.finder.search(self.find_bar.text())

    # ------------------------------------------------------------------ reviews

    def _on_placed(self, placement: Placement) -> None:
        self.notes_dock.model.set_notes(placement.notes)
        if self.lineage is not None:
            self.lineage_page.set_notes(placement.by_family)
        if self.comparison is not None:
            self.compare_page.set_notes(placement.by_link)

    def _on_review_opened(self, rows: list[int]) -> None:
        if rows:
            self.library.set_documents(self.library.documents, set(rows))
            if len(rows) >= 2:
                self.set_pair(rows[-2], rows[-1])
            self.run_lineage()

    def _show_note(self, placed: PlacedNote) -> None:
        if placed.orphaned:
            return
        for n, found in self.compare_page.model.notes_by_link.items():
            if placed in found:
                self.tabs.setCurrentIndex(COMPARE_TAB)
                self.compare_page.select_link(n)
                return

    # ------------------------------------------------------------------ view settings

    def _apply_settings(self) -> None:
        self.view.apply(self.actions_by_id)
        geometry = self.settings.get(keys.GEOMETRY)
        if not (geometry and self.restoreGeometry(geometry)) or not self._fits_screen():
            self.fit_screen()

    # the room a window manager's frame takes around the window: title bar and borders
    _FRAME = (16, 48)

    def _fits_screen(self) -> bool:
        screen = self.screen().availableGeometry()
        return (
            self.width() + self._FRAME[0] <= screen.width()
            and self.height() + self._FRAME[1] <= screen.height()
        )

    def fit_screen(self) -> None:
        """At most 1400 x 900, within the screen's free area with its frame (a 1366 x 768
        laptop too: nothing essential below the screen's edge), centred on it."""
        screen = self.screen().availableGeometry()
        width = min(1400, screen.width() - self._FRAME[0])
        height = min(900, screen.height() - self._FRAME[1])
        self.resize(width, height)
        self.move(
            screen.left() + (screen.width() - width - self._FRAME[0]) // 2,
            screen.top() + (screen.height() - height - self._FRAME[1]) // 2,
        )

    def changeEvent(self, event: QEvent) -> None:
        # the system (or the user) switched between light and dark: redraw every cell
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.compare_page.repaint_all()
            self.lineage_page.repaint_all()
        super().changeEvent(event)

    # ------------------------------------------------------------------ the window itself

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        # a dropped file is imported: recognised, and kept for the next time
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.documents.import_path(Path(url.toLocalFile()))
        event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set(keys.GEOMETRY, bytes(self.saveGeometry().data()))
        self.comparer.cancel()
        self.lineage_comparer.cancel()
        self.documents.wait(10000)  # (a file being read finishes; nothing is half-added)
        super().closeEvent(event)

    def show_about(self) -> None:
        about.show(self)

"""The main window: library, compare view, lineage view, change list, find, status."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QKeySequence,
    QMouseEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from clausediff import __version__
from clausediff.core.compare.lineage import Lineage, date_order
from clausediff.core.compare.links import Alignment
from clausediff.core.errors import ClauseDiffError
from clausediff.core.model import Document
from clausediff.core.read.bundled import bundled_entries
from clausediff.core.render.export import export_csv, export_docx, export_html
from clausediff.core.store.library import Library as LibraryStore
from clausediff.core.store.placement import attach_notes, link_notes, notes_by_family
from clausediff.core.store.review import PlacedNote, Review
from clausediff.gui.delegates import GUTTER, CompareDelegate, LineageDelegate
from clausediff.gui.models import (
    KIND_TEXT,
    ChangeListModel,
    CompareModel,
    LibraryModel,
    LineageModel,
    LinkAnnotations,
)
from clausediff.gui.notes import NoteDialog, NotesModel, NotesPanel
from clausediff.gui.overview import OverviewStrip
from clausediff.gui.printing import export_pdf, render
from clausediff.gui.theme import apply_theme
from clausediff.gui.worker import Comparer, Loader

#: The accessible name of every main widget, by its stable object name (the developer docs
#: list them; tests check that every named widget has one).
ACCESSIBLE_NAMES = {
    "mainWindow": "ClauseDiff",
    "viewTabs": "Views",
    "comparePage": "Compare two versions",
    "compareHeaderLeft": "Older version",
    "compareHeaderRight": "Newer version",
    "compareView": "Comparison, clause by clause",
    "overviewStrip": "Overview of changes",
    "findBar": "Find bar",
    "centralArea": "Views and find bar",
    "findEdit": "Find text in all versions",
    "findStatus": "Rows found",
    "findClose": "Close the find bar",
    "lineagePage": "Lineage of clause families",
    "lineageChangedOnly": "Only families that changed",
    "lineageView": "Clause families across versions",
    "familyHistory": "History of the selected clause family",
    "libraryDock": "Library",
    "libraryView": "Versions in the library",
    "compareSelectedButton": "Compare the selected version with the next",
    "lineageButton": "Lineage of the checked versions",
    "changesDock": "Changes",
    "changeList": "List of changes",
    "mainToolbar": "Main toolbar",
    "leftVersionCombo": "Older version",
    "rightVersionCombo": "Newer version",
    "statusBar": "Status",
    "kindCounts": "Number of changes of each kind",
    "comparisonProgress": "Comparison in progress",
    "cancelButton": "Cancel the comparison",
    "recentMenu": "Open recent",
    "themeMenu": "Theme",
    "fileMenu": "File",
    "viewMenu": "View",
    "goMenu": "Go",
    "helpMenu": "Help",
    "notesDock": "Notes",
    "notesPanel": "Notes of the review",
    "reviewTitle": "The open review",
    "noteStatusFilter": "Show notes with this status",
    "notesView": "Notes",
    "addNoteButton": "Add a note to the selected clause",
    "editNoteButton": "Edit the selected note",
    "deleteNoteButton": "Delete the selected note",
    "recentReviewsMenu": "Recent reviews",
}

REVIEW_SUFFIX = ".cdreview"
REVIEW_FILTER = "ClauseDiff reviews (*.cdreview);;All files (*)"
OPEN_FILTER = (
    "Decision texts (*.pdf *.docx *.html *.htm *.xhtml *.txt *.text *.md *.markdown);;"
    "PDF (*.pdf);;Word (*.docx);;Web pages (*.html *.htm *.xhtml);;"
    "Text and Markdown (*.txt *.text *.md *.markdown);;All files (*)"
)
MAX_RECENT = 8


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    shortcuts: tuple[str, ...]
    handler: str
    tip: str = ""
    checkable: bool = False


ACTIONS = (
    ActionSpec(
        "actionOpen", "&Open…", ("Ctrl+O",), "open_dialog", "Open a decision for this session"
    ),
    ActionSpec(
        "actionImport",
        "&Import into library…",
        ("Ctrl+I",),
        "import_dialog",
        "Read PDF, Word, web page or text files and keep them in the library",
    ),
    ActionSpec(
        "actionRemoveFromLibrary",
        "&Remove from library",
        ("Del",),
        "remove_selected_from_library",
        "Remove the selected imported document from the library",
    ),
    ActionSpec(
        "actionNewReview",
        "&New review…",
        ("Ctrl+Shift+N",),
        "new_review_dialog",
        "Start a review of the versions shown: notes are saved as you type them",
    ),
    ActionSpec(
        "actionOpenReview",
        "Open re&view…",
        ("Ctrl+Shift+O",),
        "open_review_dialog",
        "Open a review file (.cdreview)",
    ),
    ActionSpec(
        "actionSaveReviewAs",
        "Save review &as…",
        ("Ctrl+Shift+S",),
        "save_review_as_dialog",
        "Save the review under another name",
    ),
    ActionSpec(
        "actionAddNote",
        "Add &note…",
        ("Ctrl+M",),
        "add_note_dialog",
        "Add a note to the selected clause",
    ),
    ActionSpec(
        "actionExport",
        "&Export…",
        ("Ctrl+E",),
        "export_dialog",
        "Export the comparison or lineage as HTML, PDF, Word or CSV",
    ),
    ActionSpec(
        "actionPrint",
        "&Print…",
        ("Ctrl+P",),
        "print_preview",
        "Print the comparison or lineage, with a preview",
    ),
    ActionSpec("actionQuit", "&Quit", ("Ctrl+Q",), "close"),
    ActionSpec(
        "actionNextChange",
        "&Next change",
        ("F7", "Alt+Down"),
        "next_change",
        "Go to the next change (F7)",
    ),
    ActionSpec(
        "actionPrevChange",
        "&Previous change",
        ("Shift+F7", "Alt+Up"),
        "prev_change",
        "Go to the previous change (Shift+F7)",
    ),
    ActionSpec(
        "actionGoToCounterpart",
        "&Go to other place of moved clause",
        ("Ctrl+J",),
        "go_to_counterpart",
        "From a moved clause to where it stood, and back (Ctrl+J)",
    ),
    ActionSpec("actionFind", "&Find…", ("Ctrl+F",), "show_find", "Find in all versions"),
    ActionSpec(
        "actionHideUnchanged",
        "&Hide unchanged rows",
        ("Ctrl+H",),
        "set_hide_unchanged",
        "Show only the rows that changed",
        checkable=True,
    ),
    ActionSpec("actionWrap", "&Wrap long clauses", (), "set_wrap", checkable=True),
    ActionSpec(
        "actionSwap", "S&wap versions", ("Ctrl+Shift+W",), "swap_versions", "Swap the two versions"
    ),
    ActionSpec("actionZoomIn", "&Larger text", ("Ctrl++", "Ctrl+="), "zoom_in"),
    ActionSpec("actionZoomOut", "&Smaller text", ("Ctrl+-",), "zoom_out"),
    ActionSpec("actionCancel", "&Cancel comparison", ("Esc",), "cancel_comparison"),
    ActionSpec("actionAbout", "&About ClauseDiff", (), "show_about"),
)


class MainWindow(QMainWindow):
    def __init__(
        self,
        settings: QSettings,
        *,
        synchronous: bool = False,
        store: LibraryStore | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.store = store  # the local library of imported documents (None: not kept)
        self.library_problem = ""  # why imported documents could not be listed, if so
        self.review: Review | None = None
        self.compare_lineage: Lineage | None = None
        self.placed_notes: list[PlacedNote] = []
        self.last_info = ""
        self.last_error = ""
        self.setObjectName("mainWindow")
        self.setWindowTitle("ClauseDiff")
        self.setAcceptDrops(True)
        self.compare_alignment: Alignment | None = None
        self.lineage: Lineage | None = None
        self.actions_by_id: dict[str, QAction] = {}

        self.library = LibraryModel(self)
        self.compare_model = CompareModel(self)
        self.change_model = ChangeListModel(self)
        self.lineage_model = LineageModel(self)
        self.comparer = Comparer(self, synchronous=synchronous)
        self.loader = Loader(self, synchronous=synchronous)
        self._opened = False
        self.lineage_comparer = Comparer(self, synchronous=synchronous)

        self._build_actions()
        self._build_central()
        self._build_docks()
        self._build_toolbar_and_menus()
        self._build_status()
        self.comparer.finished.connect(self._on_compared)
        self.comparer.failed.connect(self._on_failed)
        self.comparer.cancelled.connect(lambda: self._set_busy(False, "Comparison cancelled"))
        self.lineage_comparer.finished.connect(self._on_lineage)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_load_failed)
        self.loader.busy_changed.connect(self._on_loading)
        self.lineage_comparer.failed.connect(self._on_failed)
        self._debounce = QTimer(self, singleShot=True, interval=120)
        self._debounce.timeout.connect(self.compare_now)
        self._apply_settings()
        for widget in self.findChildren(QWidget):
            name = ACCESSIBLE_NAMES.get(widget.objectName())
            if name and not widget.accessibleName():
                widget.setAccessibleName(name)
        self.setAccessibleName(ACCESSIBLE_NAMES["mainWindow"])

    # ------------------------------------------------------------------ construction

    def _build_actions(self) -> None:
        for spec in ACTIONS:
            action = QAction(spec.text, self)
            action.setObjectName(spec.id)
            action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
            action.setToolTip(spec.tip or spec.text.replace("&", ""))
            action.setCheckable(spec.checkable)
            handler: Callable[..., Any] = getattr(self, spec.handler)
            if spec.checkable:
                action.toggled.connect(handler)
            else:
                action.triggered.connect(lambda _=False, h=handler: h())
            self.addAction(action)
            self.actions_by_id[spec.id] = action

    def _build_central(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("viewTabs")
        self.tabs.setAccessibleName("Views")

        compare = QWidget()
        compare.setObjectName("comparePage")
        layout = QVBoxLayout(compare)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header_left = QLabel()
        self.header_left.setObjectName("compareHeaderLeft")
        self.header_right = QLabel()
        self.header_right.setObjectName("compareHeaderRight")
        heads = QHBoxLayout()
        heads.setContentsMargins(126, 6, 24, 6)
        heads.setSpacing(24)
        for lab in (self.header_left, self.header_right):
            lab.setTextFormat(Qt.TextFormat.PlainText)
            lab.setWordWrap(True)  # a long title wraps rather than running into the other
            lab.setMinimumWidth(60)
            lab.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            f = lab.font()
            f.setBold(True)
            lab.setFont(f)
            heads.addWidget(lab, 1)
        layout.addLayout(heads)
        row = QHBoxLayout()
        row.setSpacing(0)
        self.compare_view = QListView()
        self.compare_view.setObjectName("compareView")
        self.compare_view.setAccessibleName("Comparison, clause by clause")
        self.compare_view.setModel(self.compare_model)
        self.compare_delegate = CompareDelegate(self.compare_view)
        self.compare_view.setItemDelegate(self.compare_delegate)
        self.compare_view.setUniformItemSizes(False)
        self.compare_view.setLayoutMode(QListView.LayoutMode.Batched)
        self.compare_view.setBatchSize(40)
        self.compare_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.compare_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.compare_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.compare_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.compare_view.setMouseTracking(True)
        self.compare_view.doubleClicked.connect(self._jump_from_row)
        self.compare_view.viewport().installEventFilter(self)
        row.addWidget(self.compare_view, 1)
        self.overview = OverviewStrip(self.compare_model)
        self.overview.rowClicked.connect(self.select_row)
        row.addWidget(self.overview)
        layout.addLayout(row, 1)
        self.tabs.addTab(compare, "Compare")

        lineage = QWidget()
        lineage.setObjectName("lineagePage")
        lay = QVBoxLayout(lineage)
        self.changed_only = QCheckBox("Only families that changed")
        self.changed_only.setObjectName("lineageChangedOnly")
        self.changed_only.toggled.connect(self.lineage_model.set_changed_only)
        lay.addWidget(self.changed_only)
        split = QSplitter(Qt.Orientation.Vertical)
        self.lineage_view = QTableView()
        self.lineage_view.setObjectName("lineageView")
        self.lineage_view.setAccessibleName("Clause families across versions")
        self.lineage_view.setModel(self.lineage_model)
        self.lineage_delegate = LineageDelegate(self.lineage_view)
        self.lineage_view.setItemDelegate(self.lineage_delegate)
        self.lineage_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lineage_view.setWordWrap(True)
        self.lineage_view.horizontalHeader().setStretchLastSection(False)
        self.lineage_view.horizontalHeader().setSectionResizeMode(
            self.lineage_view.horizontalHeader().ResizeMode.Stretch
        )
        # Row heights are fitted to their contents only for the rows in sight (a table of
        # thousands of families would otherwise lay out every cell before showing one).
        self.lineage_view.verticalHeader().setSectionResizeMode(
            self.lineage_view.verticalHeader().ResizeMode.Interactive
        )
        self._fitted_rows: set[int] = set()
        self._fit_timer = QTimer(self, singleShot=True, interval=0)
        self._fit_timer.timeout.connect(self._fit_visible_lineage_rows)
        self.lineage_view.verticalScrollBar().valueChanged.connect(
            lambda _v: self._fit_timer.start()
        )
        self.lineage_view.horizontalHeader().sectionResized.connect(
            lambda *_: self._refit_lineage_rows()
        )
        self.lineage_model.modelReset.connect(self._refit_lineage_rows)
        self.tabs.currentChanged.connect(lambda _i: self._fit_timer.start())
        self.lineage_view.selectionModel().currentRowChanged.connect(self._show_history)
        split.addWidget(self.lineage_view)
        self.history = QTextBrowser()
        self.history.setObjectName("familyHistory")
        self.history.setAccessibleName("History of the selected clause family")
        self.history.setOpenLinks(False)
        split.addWidget(self.history)
        split.setSizes([500, 200])
        lay.addWidget(split, 1)
        self.tabs.addTab(lineage, "Lineage")
        # the find bar serves both views: rows of the comparison, families of the lineage
        central = QWidget()
        central.setObjectName("centralArea")
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.tabs, 1)
        self.find_bar = self._build_find_bar()
        outer.addWidget(self.find_bar)
        self.setCentralWidget(central)
        self.tabs.currentChanged.connect(self._on_tab_changed)

    def _build_find_bar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("findBar")
        lay = QHBoxLayout(bar)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.addWidget(QLabel("Find:"))
        self.find_edit = QLineEdit()
        self.find_edit.setObjectName("findEdit")
        self.find_edit.setAccessibleName("Find text in all versions")
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.textChanged.connect(self._on_find_changed)
        self.find_edit.returnPressed.connect(self.find_next)
        lay.addWidget(self.find_edit, 1)
        self.find_status = QLabel()
        self.find_status.setObjectName("findStatus")
        lay.addWidget(self.find_status)
        close = QPushButton("Close")
        close.setObjectName("findClose")
        close.clicked.connect(self.hide_find)
        lay.addWidget(close)
        bar.hide()
        return bar

    def _build_docks(self) -> None:
        lib = QDockWidget("Library", self)
        lib.setObjectName("libraryDock")
        w = QWidget()
        lay = QVBoxLayout(w)
        self.library_view = QListView()
        self.library_view.setObjectName("libraryView")
        self.library_view.setAccessibleName("Versions in the library")
        self.library_view.setModel(self.library)
        self.library_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        remove = self.actions_by_id["actionRemoveFromLibrary"]
        self.removeAction(remove)  # Del acts on the library list only, never on a text field
        remove.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.library_view.addAction(remove)
        self.library_view.setSpacing(3)
        self.library_view.setWordWrap(True)
        lay.addWidget(self.library_view, 1)
        cmp_btn = QPushButton("Compare selected with next")
        cmp_btn.setObjectName("compareSelectedButton")
        cmp_btn.clicked.connect(self._compare_selected)
        lay.addWidget(cmp_btn)
        lin_btn = QPushButton("Lineage of checked versions")
        lin_btn.setObjectName("lineageButton")
        lin_btn.clicked.connect(self.run_lineage)
        lay.addWidget(lin_btn)
        lib.setWidget(w)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, lib)

        changes = QDockWidget("Changes", self)
        changes.setObjectName("changesDock")
        self.change_view = QListView()
        self.change_view.setObjectName("changeList")
        self.change_view.setAccessibleName("List of changes")
        self.change_view.setModel(self.change_model)
        self.change_view.setSpacing(2)
        self.change_view.setWordWrap(True)
        # thousands of changes are laid out a batch at a time, never all before a paint
        self.change_view.setLayoutMode(QListView.LayoutMode.Batched)
        self.change_view.setBatchSize(50)
        self.change_view.selectionModel().currentChanged.connect(self._change_selected)
        changes.setWidget(self.change_view)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, changes)
        notes = QDockWidget("Notes", self)
        notes.setObjectName("notesDock")
        self.notes_model = NotesModel(self)
        self.notes_panel = NotesPanel(self.notes_model)
        self.notes_panel.addRequested.connect(self.add_note_dialog)
        self.notes_panel.editRequested.connect(self.edit_note_dialog)
        self.notes_panel.deleteRequested.connect(self.delete_note)
        self.notes_panel.noteActivated.connect(self._show_note)
        notes.setWidget(self.notes_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, notes)
        self.tabifyDockWidget(changes, notes)
        changes.raise_()
        self.compare_view.selectionModel().currentChanged.connect(self._row_selected)
        self.resizeDocks([lib, changes], [230, 250], Qt.Orientation.Horizontal)

    def _build_toolbar_and_menus(self) -> None:
        tb = QToolBar("Compare", self)
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        a = self.actions_by_id
        tb.addAction(a["actionOpen"])
        tb.addSeparator()
        self.left_combo = QComboBox()
        self.left_combo.setObjectName("leftVersionCombo")
        self.left_combo.setAccessibleName("Older version")
        self.right_combo = QComboBox()
        self.right_combo.setObjectName("rightVersionCombo")
        self.right_combo.setAccessibleName("Newer version")
        for combo in (self.left_combo, self.right_combo):
            combo.setMinimumContentsLength(24)
            combo.currentIndexChanged.connect(lambda _i: self._debounce.start())
        tb.addWidget(self.left_combo)
        tb.addWidget(QLabel("  →  "))
        tb.addWidget(self.right_combo)
        tb.addAction(a["actionSwap"])
        tb.addSeparator()
        tb.addAction(a["actionPrevChange"])
        tb.addAction(a["actionNextChange"])
        tb.addAction(a["actionHideUnchanged"])
        tb.addAction(a["actionFind"])
        tb.addSeparator()
        tb.addAction(a["actionAddNote"])
        self.addToolBar(tb)

        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        file_menu.setObjectName("fileMenu")
        file_menu.menuAction().setObjectName("fileMenuAction")
        file_menu.addAction(a["actionOpen"])
        file_menu.addAction(a["actionImport"])
        file_menu.addSeparator()
        for key in ("actionNewReview", "actionOpenReview", "actionSaveReviewAs"):
            file_menu.addAction(a[key])
        self.recent_reviews_menu = file_menu.addMenu("Recent re&views")
        self.recent_reviews_menu.setObjectName("recentReviewsMenu")
        self.recent_reviews_menu.menuAction().setObjectName("recentReviewsMenuAction")
        file_menu.addSeparator()
        file_menu.addAction(a["actionExport"])
        file_menu.addAction(a["actionPrint"])
        self.recent_menu = file_menu.addMenu("Open &recent")
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.menuAction().setObjectName("recentMenuAction")
        file_menu.addSeparator()
        file_menu.addAction(a["actionQuit"])
        view = menu.addMenu("&View")
        view.setObjectName("viewMenu")
        view.menuAction().setObjectName("viewMenuAction")
        for key in ("actionHideUnchanged", "actionWrap", "actionZoomIn", "actionZoomOut"):
            view.addAction(a[key])
        view.addSeparator()
        panels = (
            (self.findChild(QDockWidget, "libraryDock"), "actionShowLibrary"),
            (self.findChild(QDockWidget, "changesDock"), "actionShowChanges"),
            (self.findChild(QDockWidget, "notesDock"), "actionShowNotes"),
            (tb, "actionShowToolbar"),
        )
        for panel, name in panels:
            toggle = panel.toggleViewAction()  # a closed panel can always be brought back
            toggle.setObjectName(name)
            view.addAction(toggle)
        view.addSeparator()
        theme_menu = view.addMenu("&Theme")
        theme_menu.setObjectName("themeMenu")
        theme_menu.menuAction().setObjectName("themeMenuAction")
        group = QActionGroup(self)
        group.setExclusive(True)
        self.theme_actions: dict[str, QAction] = {}
        for theme, text in (
            ("system", "Follow the &system"),
            ("light", "&Light"),
            ("dark", "&Dark"),
        ):
            action = QAction(text, self, checkable=True)
            action.setObjectName(f"actionTheme{theme.capitalize()}")
            action.triggered.connect(lambda _=False, t=theme: self.set_theme(t))
            group.addAction(action)
            theme_menu.addAction(action)
            self.theme_actions[theme] = action
        nav = menu.addMenu("&Go")
        nav.setObjectName("goMenu")
        nav.menuAction().setObjectName("goMenuAction")
        for key in (
            "actionNextChange",
            "actionPrevChange",
            "actionGoToCounterpart",
            "actionAddNote",
            "actionFind",
            "actionSwap",
        ):
            nav.addAction(a[key])
        help_menu = menu.addMenu("&Help")
        help_menu.setObjectName("helpMenu")
        help_menu.menuAction().setObjectName("helpMenuAction")
        help_menu.addAction(a["actionAbout"])
        self._refresh_recent()
        self._refresh_recent_reviews()
        self.library.modelReset.connect(self._refill_combos)
        self.library.rowsInserted.connect(self._refill_combos)

    def _refill_combos(self, *_: object) -> None:
        for combo in (self.left_combo, self.right_combo):
            current = combo.currentIndex()
            combo.blockSignals(True)
            combo.clear()
            for doc in self.library.documents:
                info = doc.info
                combo.addItem(f"{info.label} · {info.date or info.symbol or 'no date'}")
                combo.setItemData(combo.count() - 1, self._title(doc), Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(current if 0 <= current < combo.count() else -1)
            combo.blockSignals(False)

    def _build_status(self) -> None:
        sb = self.statusBar()
        sb.setObjectName("statusBar")
        self.counts_label = QLabel()
        self.counts_label.setObjectName("kindCounts")
        sb.addPermanentWidget(self.counts_label, 1)
        self.progress = QProgressBar()
        self.progress.setObjectName("comparisonProgress")
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        sb.addPermanentWidget(self.progress)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancel_comparison)
        self.cancel_button.hide()
        sb.addPermanentWidget(self.cancel_button)

    # ------------------------------------------------------------------ settings

    def _apply_settings(self) -> None:
        size = float(self.settings.value("view/fontSize", 11.0))
        self._set_font_size(size)
        hide = self.settings.value("view/hideUnchanged", False, type=bool)
        self.actions_by_id["actionHideUnchanged"].setChecked(bool(hide))
        wrap = self.settings.value("view/wrap", True, type=bool)
        self.actions_by_id["actionWrap"].setChecked(bool(wrap))
        theme = str(self.settings.value("view/theme", "system"))
        if theme in self.theme_actions and theme != "system":
            self.set_theme(theme)  # (following the system needs nothing done at start)
        else:
            self.theme_actions["system"].setChecked(True)
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)

    def _set_font_size(self, size: float) -> None:
        size = min(28.0, max(7.0, size))
        self.settings.setValue("view/fontSize", size)
        font = QFont(self.font())
        font.setPointSizeF(size)
        self.compare_delegate.set_font(font)
        self.lineage_delegate.set_font(font)
        self._relayout()

    def _relayout(self) -> None:
        self.compare_view.doItemsLayout()
        self.compare_view.viewport().update()
        self._refit_lineage_rows()

    def _refit_lineage_rows(self) -> None:
        self._fitted_rows.clear()
        self._fit_timer.start()

    def _fit_visible_lineage_rows(self) -> None:
        view = self.lineage_view
        rows = self.lineage_model.rowCount()
        if not rows:
            return
        for _ in range(4):  # fitting rows moves the others; a few passes settle it
            top = max(0, view.rowAt(0))
            bottom = view.rowAt(view.viewport().height())
            bottom = rows - 1 if bottom < 0 else bottom
            todo = [r for r in range(top, min(rows, bottom + 3)) if r not in self._fitted_rows]
            if not todo:
                return
            for r in todo:
                view.resizeRowToContents(r)
                self._fitted_rows.add(r)

    def zoom_in(self) -> None:
        self._set_font_size(self.compare_delegate.font.pointSizeF() + 1)

    def zoom_out(self) -> None:
        self._set_font_size(self.compare_delegate.font.pointSizeF() - 1)

    def set_theme(self, theme: str) -> None:
        """Light, dark, or following the system; kept in the settings."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme = apply_theme(app, theme)
        self.settings.setValue("view/theme", theme)
        self.theme_actions[theme].setChecked(True)

    def changeEvent(self, event: QEvent) -> None:
        # the system (or the user) switched between light and dark: redraw every cell
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.compare_delegate.clear_cache()
            self.lineage_delegate.clear_cache()
            self._relayout()
            self.overview.update()
        super().changeEvent(event)

    def set_hide_unchanged(self, hide: bool) -> None:
        self.settings.setValue("view/hideUnchanged", hide)
        self.compare_model.set_hide_unchanged(hide)
        self._update_counts()

    def set_wrap(self, wrap: bool) -> None:
        # Rows always wrap so both sides stay aligned; the setting is kept for the
        # lineage table, where unwrapped cells are elided.
        self.settings.setValue("view/wrap", wrap)
        self.lineage_view.setWordWrap(wrap)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.comparer.cancel()
        self.lineage_comparer.cancel()
        self.loader.wait(10000)  # (a file being read finishes; nothing is half-added)
        super().closeEvent(event)

    # ------------------------------------------------------------------ library

    def load_bundled_library(self) -> None:
        """The bundled decisions and the imported ones, in date order.

        The mission's three versions are checked; where the library holds a complete text
        of a symbol bundled only as an excerpt, the complete text is checked instead, and
        both stay listed.
        """
        from clausediff.core.read.bundled import load_bundled

        docs = [load_bundled(e.file) for e in bundled_entries()]
        imported: list[Document] = []
        if self.store is not None:
            try:
                imported = self.store.documents()
            except ClauseDiffError as exc:
                self.library_problem = f"{exc} Imported documents are not listed."
        docs = date_order(docs + imported)
        wanted = ("WT/MIN(98)/DEC/2", "WT/L/843", "WT/MIN(13)/32")
        self.library.set_documents(docs, {_preferred(docs, s) for s in wanted} - {-1})

    def preferred_row(self, symbol: str) -> int:
        """The library row to show for ``symbol`` (see :func:`_preferred`)."""
        return _preferred(self.library.documents, symbol)

    def set_versions(self, docs: list[Document]) -> None:
        """Show these versions: the last two in the compare view, all in the lineage."""
        self.library.set_documents(date_order(docs), set(range(len(docs))))
        self.set_pair(len(docs) - 2, len(docs) - 1)

    def set_pair(self, left: int, right: int) -> None:
        self.left_combo.blockSignals(True)
        self.right_combo.blockSignals(True)
        self.left_combo.setCurrentIndex(left)
        self.right_combo.setCurrentIndex(right)
        self.left_combo.blockSignals(False)
        self.right_combo.blockSignals(False)
        self.compare_now()

    def swap_versions(self) -> None:
        self.set_pair(self.right_combo.currentIndex(), self.left_combo.currentIndex())

    def _compare_selected(self) -> None:
        row = self.library_view.currentIndex().row()
        if 0 <= row < len(self.library.documents) - 1:
            self.set_pair(row, row + 1)

    def open_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Open decision texts", "", OPEN_FILTER)
        for p in paths:
            self.open_path(Path(p))

    def import_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Import into the library", "", OPEN_FILTER)
        for p in paths:
            self.import_path(Path(p))

    def open_path(self, path: Path) -> bool:
        """Read a file in the background; it joins the library panel for this session.

        A file that cannot be read gives one clear message and changes nothing. Returns
        whether the file was read when the loader is synchronous (tests), else True once
        the file is queued.
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

    def remove_selected_from_library(self) -> None:
        index = self.library_view.currentIndex()
        if not index.isValid():
            return
        doc = self.library.documents[index.row()]
        if not doc.info.library_id or self.store is None:
            self.statusBar().showMessage("Only an imported document can be removed", 4000)
            return
        try:
            self.store.remove(doc.info.library_id)
        except ClauseDiffError as exc:
            self._error("The document could not be removed", str(exc))
            return
        self.library.remove_document(index.row())
        self.statusBar().showMessage(f"Removed {doc.info.label} from the library", 5000)

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
            self.statusBar().showMessage(doc.info.notes, 15000)
            self._inform(f"{path.name}", doc.info.notes)
        self._remember(path)
        self.set_pair(
            self.right_combo.currentIndex() if self.right_combo.currentIndex() >= 0 else 0, row
        )
        self.statusBar().showMessage(
            f"Opened {path.name} ({len(doc.clauses)} clauses, {doc.info.encoding})", 5000
        )

    def _on_load_failed(self, path: Path, message: str) -> None:
        self._opened = False
        self._error(f"ClauseDiff cannot open {path.name}", message)

    def _on_loading(self, busy: bool) -> None:
        if busy:
            self.statusBar().showMessage("Reading…")
        self.progress.setVisible(busy or self.comparer.busy)

    def _inform(self, title: str, message: str) -> None:
        self.last_info = message
        if getattr(self, "suppress_dialogs", False):
            return
        box = QMessageBox(
            QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.Ok, self
        )
        box.setObjectName("infoDialog")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setModal(False)
        box.show()

    def _error(self, title: str, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self
        )
        box.setObjectName("errorDialog")
        box.setTextFormat(Qt.TextFormat.PlainText)
        self.last_error = message
        if getattr(self, "suppress_dialogs", False):
            return
        box.exec()

    def _remember(self, path: Path) -> None:
        recent = [p for p in self.settings.value("files/recent", [], type=list) if p != str(path)]
        recent.insert(0, str(path))
        self.settings.setValue("files/recent", recent[:MAX_RECENT])
        self._refresh_recent()

    def _refresh_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.value("files/recent", [], type=list)
        for p in recent:
            act = self.recent_menu.addAction(p)
            act.triggered.connect(lambda _=False, path=p: self.open_path(Path(path)))
        self.recent_menu.setEnabled(bool(recent))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        # a dropped file is imported: recognised, and kept for the next time
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.import_path(Path(url.toLocalFile()))
        event.acceptProposedAction()

    # ------------------------------------------------------------------ comparing

    def compare_now(self) -> None:
        li, ri = self.left_combo.currentIndex(), self.right_combo.currentIndex()
        docs = self.library.documents
        if not (0 <= li < len(docs) and 0 <= ri < len(docs)):
            return
        self.header_left.setText(self._title(docs[li]))
        self.header_right.setText(self._title(docs[ri]))
        self._set_busy(True, "Comparing…")
        self.comparer.submit((docs[li], docs[ri]))

    def run_lineage(self) -> None:
        docs = date_order(self.library.checked_documents())
        if len(docs) >= 2:
            self.lineage_comparer.submit(tuple(docs))

    @staticmethod
    def _title(doc: Document) -> str:
        info = doc.info
        excerpt = "" if doc.is_complete else " — excerpt"
        return f"{info.label}   {info.symbol}   {info.date}{excerpt}".strip()

    def cancel_comparison(self) -> None:
        if self.comparer.busy:
            self.comparer.cancel()

    def _set_busy(self, busy: bool, message: str = "") -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if message:
            self.statusBar().showMessage(message, 0 if busy else 4000)

    def _on_compared(self, lineage: Lineage, seconds: float) -> None:
        self.compare_lineage = lineage
        self.compare_alignment = lineage.pairs[0]
        self._place_notes()
        self.compare_delegate.clear_cache()
        annotations = LinkAnnotations(self.compare_alignment)  # (once for both models)
        self.compare_model.set_alignment(self.compare_alignment, annotations)
        self.change_model.set_alignment(self.compare_alignment, annotations)
        self._set_busy(False, f"Compared in {seconds * 1000:.0f} ms")
        self._update_counts()
        self.overview.update()

    def _on_lineage(self, lineage: Lineage, _seconds: float) -> None:
        self.lineage = lineage
        self._place_notes(lineage_only=True)
        self.lineage_delegate.clear_cache()
        self.lineage_model.set_lineage(lineage)

    def _on_failed(self, message: str) -> None:
        self._set_busy(False)
        self._error("The comparison failed", message)

    def _update_counts(self) -> None:
        al = self.compare_alignment
        if al is None:
            self.counts_label.setText("")
            return
        counts = al.counts()
        parts = [f"{n} {KIND_TEXT[k]}" for k, n in counts.items() if n]
        self.counts_label.setText("  ·  ".join(parts))

    # ------------------------------------------------------------------ navigation

    def current_row(self) -> int:
        return self.compare_view.currentIndex().row()

    def select_row(self, row: int) -> None:
        if not 0 <= row < self.compare_model.rowCount():
            return
        index = self.compare_model.index(row)
        self.compare_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.compare_view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def next_change(self) -> None:
        self._step_change(+1)

    def prev_change(self) -> None:
        self._step_change(-1)

    def _step_change(self, step: int) -> None:
        rows = self.compare_model.changed_rows()
        if not rows:
            return
        cur = self.current_row()
        if step > 0:
            after = [r for r in rows if r > cur]
            self.select_row(after[0] if after else rows[0])  # wraps at the end
        else:
            before = [r for r in rows if r < cur] if cur >= 0 else []
            self.select_row(before[-1] if before else rows[-1])

    def _row_selected(self, current: QModelIndex, _prev: QModelIndex) -> None:
        if not current.isValid():
            return
        link_no = self.compare_model.link_number(current.row())
        row = self.change_model.row_of_link(link_no)
        if row >= 0 and self.change_view.currentIndex().row() != row:
            self.change_view.blockSignals(True)
            self.change_view.setCurrentIndex(self.change_model.index(row))
            self.change_view.blockSignals(False)

    def _change_selected(self, current: QModelIndex, _prev: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self.compare_model.row_of_link(self.change_model.link_number(current.row()))
        if row < 0 and self.compare_model.hide_unchanged is False:
            return
        self.select_row(row)

    def _jump_from_row(self, index: QModelIndex) -> None:
        """Double-click on a moved clause (or its marker): go to its other place."""
        if index.isValid():
            self.select_row(index.row())
            self.go_to_counterpart()

    def go_to_counterpart(self) -> bool:
        """From a moved clause to where it stood, and back. False when there is none."""
        other = self.compare_model.counterpart_row(self.current_row())
        if other < 0:
            self.statusBar().showMessage("Only a moved clause has another place to go to", 3000)
            return False
        self.select_row(other)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # one click on the gutter of a moved clause jumps to its other place
        if (
            watched is self.compare_view.viewport()
            and event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            pos = event.position().toPoint()
            index = self.compare_view.indexAt(pos)
            if (
                index.isValid()
                and pos.x() - self.compare_view.visualRect(index).left() < GUTTER
                and self.compare_model.counterpart_row(index.row()) >= 0
            ):
                self.select_row(index.row())
                self.go_to_counterpart()
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ find

    def show_find(self) -> None:
        self.find_bar.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def hide_find(self) -> None:
        self.find_edit.clear()
        self.find_bar.hide()
        self.compare_view.setFocus()

    def _on_tab_changed(self, _index: int) -> None:
        if self.find_edit.text():  # go to the first hit in the view now shown
            self._on_find_changed(self.find_edit.text())

    def _on_find_changed(self, text: str) -> None:
        if text != self.compare_delegate.find:  # new highlights: lay the rows out again
            self.compare_delegate.set_find(text)
            self.lineage_delegate.set_find(text)
            self.compare_view.doItemsLayout()
            self._refit_lineage_rows()
            self.lineage_view.viewport().update()
        rows = self.find_rows(text)
        families = self.find_families(text)

        def count(n: int, one: str, many: str) -> str:
            return f"{n} {one if n == 1 else many}"

        self.find_status.setText(
            f"{count(len(rows), 'row', 'rows')} compared · "
            f"{count(len(families), 'family', 'families')} in the lineage"
            if text
            else ""
        )
        if self.tabs.currentIndex() == 1:
            if families:
                self.lineage_view.selectRow(families[0])
        elif rows:
            self.select_row(rows[0])

    def find_rows(self, text: str) -> list[int]:
        al = self.compare_alignment
        if not text or al is None:
            return []
        needle = text.casefold()
        out = []
        for row in range(self.compare_model.rowCount()):
            lk = self.compare_model.link(row)
            hay = al.side_text(lk, 0) + "\n" + al.side_text(lk, 1)
            if needle in hay.casefold():
                out.append(row)
        return out

    def find_families(self, text: str) -> list[int]:
        """Rows of the lineage table whose family has ``text`` in any version."""
        lineage = self.lineage
        if not text or lineage is None:
            return []
        needle = text.casefold()
        out = []
        for row in range(self.lineage_model.rowCount()):
            fam = lineage.families[self.lineage_model.family_number(row)]
            hay = "\n".join(
                lineage.versions[v].clauses[i].text for v, idx in fam.members for i in idx
            )
            if needle in hay.casefold():
                out.append(row)
        return out

    def find_next(self) -> None:
        text = self.find_edit.text()
        lineage_tab = self.tabs.currentIndex() == 1
        hits = self.find_families(text) if lineage_tab else self.find_rows(text)
        if not hits:
            return
        cur = self.lineage_view.currentIndex().row() if lineage_tab else self.current_row()
        after = [r for r in hits if r > cur]
        target = after[0] if after else hits[0]  # wraps at the end
        if lineage_tab:
            self.lineage_view.selectRow(target)
        else:
            self.select_row(target)

    # ------------------------------------------------------------------ lineage

    def _show_history(self, current: QModelIndex, _prev: QModelIndex) -> None:
        import html

        lineage = self.lineage
        if lineage is None or not current.isValid():
            self.history.clear()
            return
        fam = lineage.families[self.lineage_model.family_number(current.row())]
        parts = [f"<h3>Family {html.escape(fam.id)}</h3>"]
        for v, doc in enumerate(lineage.versions):
            members = fam.in_version(v)
            parts.append(
                f"<p><b>{html.escape(doc.info.label)}</b> ({html.escape(doc.info.date)})<br/>"
            )
            if members:
                parts.append("<br/>".join(html.escape(doc.clauses[i].text) for i in members))
            else:
                parts.append("<i>not in this version</i>")
            parts.append("</p>")
        notes = self.lineage_model.notes_by_family.get(fam.id, [])
        if notes:
            parts.append("<h4>Notes</h4>")
            for placed in notes:
                n = placed.note
                status = "" if n.status == "none" else f"<b>{html.escape(n.status)}</b> — "
                who = html.escape(", ".join(x for x in (n.author, n.updated) if x))
                parts.append(
                    f"<p>{status}{html.escape(n.text)} <i>({html.escape(n.version_label)} "
                    f"{html.escape(n.clause_label)}{'; ' + who if who else ''})</i></p>"
                )
        self.history.setHtml("".join(parts))

    # ------------------------------------------------------------------ reviews

    def _review_docs(self) -> list[Document]:
        """The versions a new review covers: the lineage's, else the compared pair."""
        if self.lineage is not None:
            return list(self.lineage.versions)
        if self.compare_alignment is not None:
            return [self.compare_alignment.left, self.compare_alignment.right]
        return []

    def new_review(self, path: Path) -> bool:
        path = Path(path)
        if path.suffix != REVIEW_SUFFIX:
            path = path.with_name(path.name + REVIEW_SUFFIX)
        try:
            if path.exists():
                path.unlink()
            review = Review(path, create=True)
            review.set_versions(self._review_docs())
        except (ClauseDiffError, OSError) as exc:
            self._error("The review could not be made", str(exc))
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
            self._error(f"ClauseDiff cannot open {Path(path).name}", str(exc))
            return False
        self._set_review(review)
        have = {d.info.sha256: n for n, d in enumerate(self.library.documents)}
        rows = [have[v.sha256] for v in versions if v.sha256 in have]
        if missing:
            names = "\n".join(
                f"• {v.label} {' / '.join(v.symbols)} {v.date} (SHA-256 {v.sha256[:12]}…)"
                for v in missing
            )
            self._inform(
                "Versions missing",
                f"This review covers versions that are not in your library:\n{names}\n\n"
                "Import them to see their notes in place; the notes are kept either way.",
            )
        if rows:
            self.library.set_documents(self.library.documents, set(rows))
            if len(rows) >= 2:
                self.set_pair(rows[-2], rows[-1])
            self.run_lineage()
        return True

    def _set_review(self, review: Review) -> None:
        self.review = review
        self._remember_review(review.path)
        self.notes_panel.title.setText(f"Review: {review.path.name}\nNotes are saved as you go.")
        self.setWindowTitle(f"ClauseDiff — {review.path.name}")
        self._place_notes()

    def save_review_as(self, path: Path) -> bool:
        if self.review is None:
            return False
        import sqlite3

        path = Path(path)
        if path.suffix != REVIEW_SUFFIX:
            path = path.with_name(path.name + REVIEW_SUFFIX)
        try:
            src = sqlite3.connect(self.review.path)
            dst = sqlite3.connect(path)
            with dst:
                src.backup(dst)  # a consistent copy, even while notes are being written
            src.close()
            dst.close()
            self._set_review(Review(path))
        except (sqlite3.Error, ClauseDiffError, OSError) as exc:
            self._error("The review could not be saved", str(exc))
            return False
        return True

    def new_review_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "New review", "review" + REVIEW_SUFFIX, REVIEW_FILTER
        )
        if path:
            self.new_review(Path(path))

    def open_review_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open review", "", REVIEW_FILTER)
        if path:
            self.open_review(Path(path))

    def save_review_as_dialog(self) -> None:
        if self.review is None:
            self.statusBar().showMessage("No review is open", 4000)
            return
        path, _ = QFileDialog.getSaveFileName(self, "Save review as", "", REVIEW_FILTER)
        if path:
            self.save_review_as(Path(path))

    def _remember_review(self, path: Path) -> None:
        recent = [
            p for p in self.settings.value("files/recentReviews", [], type=list) if p != str(path)
        ]
        recent.insert(0, str(path))
        self.settings.setValue("files/recentReviews", recent[:MAX_RECENT])
        self._refresh_recent_reviews()

    def _refresh_recent_reviews(self) -> None:
        menu = self.recent_reviews_menu
        menu.clear()
        recent = self.settings.value("files/recentReviews", [], type=list)
        for p in recent:
            act = menu.addAction(p)
            act.triggered.connect(lambda _=False, path=p: self.open_review(Path(path)))
        menu.setEnabled(bool(recent))

    def _anchor(self, row: int) -> tuple[Document, int] | None:
        """The clause a note on compare row ``row`` is anchored to: the newer side's first
        clause, else the older side's."""
        al = self.compare_alignment
        if al is None or not 0 <= row < self.compare_model.rowCount():
            return None
        lk = self.compare_model.link(row)
        if self.compare_model.is_marker(row) or not lk.right:
            return (al.left, lk.left[0]) if lk.left else None
        return al.right, lk.right[0]

    def add_note(self, row: int, text: str, *, status: str = "none", author: str = "") -> bool:
        if self.review is None and not self.new_review_prompt():
            return False
        anchor = self._anchor(row)
        if anchor is None or self.review is None:
            return False
        doc, index = anchor
        try:
            self.review.add_note(doc, index, text, status=status, author=author)
        except ClauseDiffError as exc:
            self._error("The note could not be saved", str(exc))
            return False
        self._place_notes()
        return True

    def new_review_prompt(self) -> bool:
        """No review is open: ask for a file to keep the notes in."""
        if getattr(self, "suppress_dialogs", False):
            return False
        self.new_review_dialog()
        return self.review is not None

    def add_note_dialog(self) -> None:
        row = self.current_row()
        anchor = self._anchor(row)
        if anchor is None:
            self.statusBar().showMessage("Select a clause in the comparison first", 4000)
            return
        doc, index = anchor
        clause = doc.clauses[index]
        where = f"{doc.info.label} {clause.display_label()}: {clause.text[:160]}"
        dialog = NoteDialog(
            where, author=str(self.settings.value("review/author", "")), parent=self
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        status, text, author = dialog.values()
        self.settings.setValue("review/author", author)
        self.add_note(row, text, status=status, author=author)

    def edit_note_dialog(self, note_id: int) -> None:
        if self.review is None:
            return
        note = self.review.note(note_id)
        dialog = NoteDialog(
            f"{note.version_label} {note.clause_label}: {note.clause_text[:160]}",
            text=note.text,
            status=note.status,
            author=note.author,
            parent=self,
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
        try:
            self.review.update_note(note_id, text=text, status=status)
        except ClauseDiffError as exc:
            self._error("The note could not be saved", str(exc))
        self._place_notes()

    def delete_note(self, note_id: int) -> None:
        if self.review is None:
            return
        if not getattr(self, "suppress_dialogs", False):
            answer = QMessageBox.question(self, "Delete note", "Delete this note?")
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            self.review.delete_note(note_id)
        except ClauseDiffError as exc:
            self._error("The note could not be deleted", str(exc))
        self._place_notes()

    def _place_notes(self, *, lineage_only: bool = False) -> None:
        """Put the review's notes on the comparison and the lineage (and the panel)."""
        notes = []
        if self.review is not None:
            try:
                notes = self.review.notes()
            except ClauseDiffError as exc:
                self._error("The review could not be read", str(exc))
        had_notes = bool(self.placed_notes or self.lineage_model.notes_by_family)
        if not notes and not had_notes:
            return  # nothing to show, nothing to clear: leave large views alone
        basis = self.lineage or self.compare_lineage
        self.placed_notes = attach_notes(notes, basis) if basis is not None else []
        self.notes_model.set_notes(self.placed_notes)
        if self.lineage is not None:
            lineage_notes = attach_notes(notes, self.lineage)
            before = self.lineage_model.notes_by_family
            self.lineage_model.notes_by_family = notes_by_family(lineage_notes)
            changed = [
                row
                for row in range(self.lineage_model.rowCount())
                if len(before.get(fam := self.lineage.families[
                    self.lineage_model.family_number(row)].id, ()))
                != len(self.lineage_model.notes_by_family.get(fam, ()))
            ]  # fmt: skip
            if changed:  # only the rows whose count changed are redrawn
                self.lineage_model.headerDataChanged.emit(
                    Qt.Orientation.Vertical, min(changed), max(changed)
                )
        if lineage_only or self.compare_lineage is None or self.compare_alignment is None:
            return
        by_family = notes_by_family(attach_notes(notes, self.compare_lineage))
        self.compare_model.notes_by_link = {
            n: found
            for n, lk in enumerate(self.compare_alignment.links)
            if (found := link_notes(self.compare_lineage, 0, lk, by_family))
        }
        self.compare_delegate.clear_cache()
        self.compare_view.doItemsLayout()
        self.compare_view.viewport().update()

    def _show_note(self, placed: PlacedNote) -> None:
        al = self.compare_alignment
        if al is None or placed.orphaned or self.compare_lineage is None:
            return
        for n in range(len(al.links)):
            if placed in self.compare_model.notes_by_link.get(n, []):
                self.tabs.setCurrentIndex(0)
                self.select_row(self.compare_model.row_of_link(n))
                return

    # ------------------------------------------------------------------ export and print

    def _export_lineage(self) -> Lineage | None:
        """What to export: the lineage when its tab is shown, else the comparison."""
        if self.tabs.currentIndex() == 1 and self.lineage is not None:
            return self.lineage
        return self.compare_lineage

    def export_to(self, path: Path, fmt: str, *, with_notes: bool = True) -> bool:
        lineage = self._export_lineage()
        if lineage is None:
            self.statusBar().showMessage("Nothing to export yet", 4000)
            return False
        notes = attach_notes(self.review.notes(), lineage) if with_notes and self.review else None
        try:
            if fmt == "html":
                Path(path).write_text(export_html(lineage, notes), encoding="utf-8")
            elif fmt == "csv":
                Path(path).write_text(export_csv(lineage, notes), encoding="utf-8-sig", newline="")
            elif fmt == "docx":
                export_docx(lineage, Path(path), notes)
            elif fmt == "pdf":
                export_pdf(lineage, Path(path), notes,
                           page_size=str(self.settings.value("print/pageSize", "a4")))  # fmt: skip
            else:
                raise ValueError(fmt)
        except (OSError, ClauseDiffError) as exc:
            self._error(
                "The export could not be written", getattr(exc, "strerror", None) or str(exc)
            )
            return False
        self.statusBar().showMessage(f"Exported {Path(path).name}", 5000)
        return True

    def export_dialog(self) -> None:
        filters = {
            "Web page (*.html)": "html",
            "PDF (*.pdf)": "pdf",
            "Word redline (*.docx)": "docx",
            "Lineage table (*.csv)": "csv",
        }
        path, chosen = QFileDialog.getSaveFileName(
            self, "Export", "clausediff-export.html", ";;".join(filters)
        )
        if path:
            fmt = filters.get(chosen) or Path(path).suffix.lstrip(".").lower()
            with_notes = self.review is not None and (
                QMessageBox.question(self, "Export", "Include the review's notes in the export?")
                == QMessageBox.StandardButton.Yes
            )
            self.export_to(Path(path), fmt, with_notes=with_notes)

    def print_preview(self) -> QDialog | None:
        """File › Print: a preview of the pages, printed from there."""
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        lineage = self._export_lineage()
        if lineage is None:
            self.statusBar().showMessage("Nothing to print yet", 4000)
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setObjectName("printPreview")
        notes = attach_notes(self.review.notes(), lineage) if self.review else None
        dialog.paintRequested.connect(lambda p: render(p, lineage, notes))
        self._printer = printer
        if getattr(self, "suppress_dialogs", False):
            dialog.show()  # tests look at it without blocking
        else:
            dialog.exec()
        return dialog

    # ------------------------------------------------------------------ about

    def show_about(self) -> None:
        lines = [f"ClauseDiff {__version__}", "", "Bundled decision texts:"]
        for e in bundled_entries():
            status = "complete" if e.info.complete else "excerpt"
            lines.append(
                f"• {e.info.symbol} ({e.info.date}), {e.info.title}: {status}. "
                f"Source: {', '.join(e.info.sources)}"
            )
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "About ClauseDiff",
            "\n".join(lines),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("aboutDialog")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()


def _preferred(docs: list[Document], symbol: str) -> int:
    """The row of ``symbol`` to show: a complete text, else the bundled one, else any
    (-1 if there is none)."""
    rows = [n for n, d in enumerate(docs) if symbol in d.info.symbols]
    complete = [n for n in rows if docs[n].is_complete]
    bundled = [n for n in rows if docs[n].info.bundled]
    return (complete or bundled or rows or [-1])[0]

"""The toolbar and the menus: where each action of :mod:`clausediff.gui.actions` is shown.

:func:`build` places the actions (the same objects everywhere, so a shortcut works wherever
it is shown), the two version choosers and the theme choice, and returns the parts the
window keeps. Every closed panel can be brought back from the View menu; File › Page size
offers the paper of the exports and printing, one of A4 and Letter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QComboBox, QDockWidget, QLabel, QMainWindow, QMenu, QToolBar

from clausediff.session.settings import THEMES

_THEME_WORDS = {"system": "Follow the &system", "light": "&Light", "dark": "&Dark"}


@dataclass(frozen=True, slots=True)
class Bars:
    left_combo: QComboBox
    right_combo: QComboBox
    recent_files: QMenu
    recent_reviews: QMenu
    theme_actions: dict[str, QAction]


def _menu(parent: QMenu | None, owner: QMainWindow, title: str, name: str) -> QMenu:
    menu = owner.menuBar().addMenu(title) if parent is None else parent.addMenu(title)
    menu.setObjectName(name)
    menu.menuAction().setObjectName(name + "Action")
    return menu


def build(window: QMainWindow, a: dict[str, QAction], set_theme: Callable[[str], None]) -> Bars:
    """The toolbar and menus of ``window`` (its docks must be there already)."""
    tb = QToolBar("Compare", window)
    tb.setObjectName("mainToolbar")
    tb.setMovable(False)
    tb.addAction(a["actionOpen"])
    tb.addSeparator()
    left, right = QComboBox(), QComboBox()
    left.setObjectName("leftVersionCombo")
    right.setObjectName("rightVersionCombo")
    for combo in (left, right):
        combo.setMinimumContentsLength(24)
    tb.addWidget(left)
    tb.addWidget(QLabel("  →  "))
    tb.addWidget(right)
    tb.addAction(a["actionSwap"])
    tb.addSeparator()
    for key in ("actionPrevChange", "actionNextChange", "actionHideUnchanged", "actionFind"):
        tb.addAction(a[key])
    tb.addSeparator()
    tb.addAction(a["actionAddNote"])
    window.addToolBar(tb)

    file_menu = _menu(None, window, "&File", "fileMenu")
    file_menu.addAction(a["actionOpen"])
    file_menu.addAction(a["actionImport"])
    file_menu.addSeparator()
    for key in ("actionNewReview", "actionOpenReview", "actionSaveReviewAs"):
        file_menu.addAction(a[key])
    recent_reviews = _menu(file_menu, window, "Recent re&views", "recentReviewsMenu")
    file_menu.addSeparator()
    file_menu.addAction(a["actionExport"])
    file_menu.addAction(a["actionPrint"])
    paper = _menu(file_menu, window, "Page si&ze", "pageSizeMenu")
    paper_group = QActionGroup(window)
    paper_group.setExclusive(True)
    for key in ("actionPaperA4", "actionPaperLetter"):
        paper_group.addAction(a[key])
        paper.addAction(a[key])
    recent_files = _menu(file_menu, window, "Open &recent", "recentMenu")
    file_menu.addSeparator()
    file_menu.addAction(a["actionQuit"])

    edit = _menu(None, window, "&Edit", "editMenu")
    edit.addAction(a["actionCopy"])
    edit.addSeparator()
    for key in ("actionMarkPair", "actionPairThese", "actionUnpair", "actionUndoPairing"):
        edit.addAction(a[key])
    edit.addAction(a["actionListCorrections"])

    view = _menu(None, window, "&View", "viewMenu")
    for key in ("actionHideUnchanged", "actionWrap", "actionZoomIn", "actionZoomOut"):
        view.addAction(a[key])
    view.addSeparator()
    panels = (
        (window.findChild(QDockWidget, "libraryDock"), "actionShowLibrary"),
        (window.findChild(QDockWidget, "changesDock"), "actionShowChanges"),
        (window.findChild(QDockWidget, "notesDock"), "actionShowNotes"),
        (window.findChild(QDockWidget, "legendDock"), "actionShowLegend"),
        (tb, "actionShowToolbar"),
    )
    for panel, name in panels:
        assert panel is not None, name
        toggle = panel.toggleViewAction()  # a closed panel can always be brought back
        toggle.setObjectName(name)
        view.addAction(toggle)
    view.addSeparator()
    theme_menu = _menu(view, window, "&Theme", "themeMenu")
    group = QActionGroup(window)
    group.setExclusive(True)
    themes: dict[str, QAction] = {}
    for theme in THEMES:
        action = QAction(_THEME_WORDS[theme], window, checkable=True)
        action.setObjectName(f"actionTheme{theme.capitalize()}")
        action.triggered.connect(lambda _=False, t=theme: set_theme(t))
        group.addAction(action)
        theme_menu.addAction(action)
        themes[theme] = action

    nav = _menu(None, window, "&Go", "goMenu")
    for key in (
        "actionNextChange",
        "actionPrevChange",
        "actionFlaggedOnly",
        "actionGoToCounterpart",
        "actionAddNote",
        "actionFind",
        "actionFindNext",
        "actionFindPrevious",
        "actionSwap",
    ):
        nav.addAction(a[key])
    help_menu = _menu(None, window, "&Help", "helpMenu")
    help_menu.addAction(a["actionAbout"])
    return Bars(left, right, recent_files, recent_reviews, themes)

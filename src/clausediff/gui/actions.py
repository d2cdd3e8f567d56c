"""Every command of the window, declared once: its object name, words, shortcuts, tip and
the method of the window (or of one of its parts) that carries it out.

:func:`build_actions` makes the ``QAction`` of each and connects it; menus, the toolbar
and the panels then place the same action objects, so a shortcut works wherever it is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True, slots=True)
class ActionSpec:
    id: str
    text: str
    shortcuts: tuple[str, ...]
    #: the method of the window, or of a part of it (``"reviews.add_note_dialog"``)
    handler: str
    tip: str = ""
    checkable: bool = False
    #: one entry of an exclusive choice (a ``QActionGroup`` the menus make): ticked, and
    #: acting when the user chooses it, not when the window ticks it to show the setting
    choice: bool = False


ACTIONS = (
    ActionSpec(
        "actionOpen",
        "&Open…",
        ("Ctrl+O",),
        "documents.open_dialog",
        "Open a decision for this session",
    ),
    ActionSpec(
        "actionImport",
        "&Import into library…",
        ("Ctrl+I",),
        "documents.import_dialog",
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
        "actionEditDetails",
        "&Edit details…",
        ("F2",),
        "edit_selected_details",
        "Correct the symbols, title and date of the selected imported document",
    ),
    ActionSpec(
        "actionNewReview",
        "&New review…",
        ("Ctrl+Shift+N",),
        "reviews.new_review_dialog",
        "Start a review of the versions shown: notes are saved as you type them",
    ),
    ActionSpec(
        "actionOpenReview",
        "Open re&view…",
        ("Ctrl+Shift+O",),
        "reviews.open_review_dialog",
        "Open a review file (.cdreview)",
    ),
    ActionSpec(
        "actionSaveReviewAs",
        "Save review &as…",
        ("Ctrl+Shift+S",),
        "reviews.save_review_as_dialog",
        "Save the review under another name",
    ),
    ActionSpec(
        "actionAddNote",
        "Add &note…",
        ("Ctrl+M",),
        "reviews.add_note_dialog",
        "Add a note to the selected clause",
    ),
    ActionSpec(
        "actionMarkPair",
        "Pair &with…",
        (),
        "pairing.mark",
        "Choose this clause, then the one to pair it with, and Pair these",
    ),
    ActionSpec(
        "actionPairThese",
        "&Pair these",
        (),
        "pairing.pair_these",
        "Pair the chosen clause with this one by hand; the review remembers it",
    ),
    ActionSpec(
        "actionUnpair",
        "&Unpair",
        (),
        "pairing.unpair",
        "Keep this row's two clauses apart from now on; the review remembers it",
    ),
    ActionSpec(
        "actionUndoPairing",
        "&Undo pairing",
        ("Ctrl+Z",),
        "pairing.undo",
        "Take back the last Pair these or Unpair (Ctrl+Z)",
    ),
    ActionSpec(
        "actionListCorrections",
        "&Corrections of the pairing…",
        (),
        "pairing.list_dialog",
        "The clauses paired by hand or kept apart, and those that no longer apply",
    ),
    ActionSpec(
        "actionExport",
        "&Export…",
        ("Ctrl+E",),
        "exporter.export_dialog",
        "Export the comparison or lineage as HTML, PDF, Word or CSV",
    ),
    ActionSpec(
        "actionPrint",
        "&Print…",
        ("Ctrl+P",),
        "exporter.print_preview",
        "Print the comparison or lineage, with a preview",
    ),
    ActionSpec(
        "actionPaperA4",
        "&A4",
        (),
        "exporter.use_a4",
        "Export and print on A4 paper (PDF, Word, printing)",
        choice=True,
    ),
    ActionSpec(
        "actionPaperLetter",
        "&Letter",
        (),
        "exporter.use_letter",
        "Export and print on US Letter paper (PDF, Word, printing)",
        choice=True,
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
        "actionFlaggedOnly",
        "F7: &flagged changes only",
        ("Ctrl+Shift+F7",),
        "set_flagged_only",
        "F7 and Shift+F7 step through flagged changes only (Ctrl+Shift+F7)",
        checkable=True,
    ),
    ActionSpec(
        "actionGoToCounterpart",
        "&Go to other place of moved clause",
        ("Ctrl+J",),
        "compare_page.go_to_counterpart",
        "From a moved clause to where it stood, and back (Ctrl+J)",
    ),
    ActionSpec("actionFind", "&Find…", ("Ctrl+F",), "find_bar.open_bar", "Find in all versions"),
    ActionSpec(
        "actionCopy",
        "&Copy row",
        ("Ctrl+C",),
        "rows.copy_row",
        "Copy the selected row: its texts, and the redline for a word processor (Ctrl+C)",
    ),
    ActionSpec("actionFindNext", "Find &next", ("F3",), "finder.find_next", "The next hit (F3)"),
    ActionSpec(
        "actionFindPrevious",
        "Find pre&vious",
        ("Shift+F3",),
        "finder.find_previous",
        "The previous hit",
    ),
    ActionSpec(
        "actionHideUnchanged",
        "&Hide unchanged rows",
        ("Ctrl+H",),
        "view.set_hide_unchanged",
        "Show only the rows that changed",
        checkable=True,
    ),
    ActionSpec("actionWrap", "&Wrap long clauses", (), "view.set_wrap", checkable=True),
    ActionSpec(
        "actionSwap", "S&wap versions", ("Ctrl+Shift+W",), "swap_versions", "Swap the two versions"
    ),
    ActionSpec("actionZoomIn", "&Larger text", ("Ctrl++", "Ctrl+="), "view.zoom_in"),
    ActionSpec("actionZoomOut", "&Smaller text", ("Ctrl+-",), "view.zoom_out"),
    ActionSpec("actionCancel", "&Cancel comparison", ("Esc",), "cancel_comparison"),
    ActionSpec("actionAbout", "&About ClauseDiff", (), "show_about"),
)


def handler(owner: object, name: str) -> Callable[..., Any]:
    """The method a handler's name (``"method"`` or ``"part.method"``) names on ``owner``,
    looked up when the action is triggered (the parts are built after the actions)."""
    target: Any = owner
    for part in name.split("."):
        target = getattr(target, part)
    method: Callable[..., Any] = target
    return method


def build_actions(owner: QWidget) -> dict[str, QAction]:
    """The actions of :data:`ACTIONS`, added to ``owner`` and connected to its methods."""
    out: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(spec.text, owner)
        action.setObjectName(spec.id)
        action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        action.setToolTip(spec.tip or spec.text.replace("&", ""))
        action.setCheckable(spec.checkable or spec.choice)
        if spec.checkable:
            action.toggled.connect(lambda on, name=spec.handler: handler(owner, name)(on))
        else:
            action.triggered.connect(lambda _=False, name=spec.handler: handler(owner, name)())
        owner.addAction(action)
        out[spec.id] = action
    return out

"""The stable object names of the window's widgets and the names screen readers say.

``docs/DEVELOPERS.md`` lists them (a test keeps the list exact); the window gives every
widget named here its accessible name once it is built.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

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
    "findPosition": "Which hit is selected",
    "findPrevious": "Previous hit",
    "findNext": "Next hit",
    "findClose": "Close the find bar",
    "lineagePage": "Lineage of clause families",
    "lineageChangedOnly": "Only families that changed",
    "lineageShadeOrigins": "Shade the newest version by where each phrase came from",
    "lineageOriginLegend": "Key to the shading by where each phrase came from",
    "lineageView": "Clause families across versions",
    "lineageViews": "Clause families as a table or a flow picture",
    "flowView": "Flow picture",
    "flowCanvas": "Flow of clause families",
    "familyHistory": "History of the selected clause family",
    "libraryDock": "Library",
    "libraryView": "Versions in the library",
    "compareSelectedButton": "Compare the selected version with the next",
    "lineageButton": "Lineage of the checked versions",
    "changesDock": "Changes",
    "changeList": "List of changes",
    "compareChanges": "Changes of the comparison",
    "changeKindFilter": "List the changes of this kind",
    "changeFilterNote": "Which changes are listed",
    "familyChangeList": "Clause families that changed",
    "changesNothing": "Nothing to list",
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
    "editMenu": "Edit",
    "viewMenu": "View",
    "goMenu": "Go",
    "helpMenu": "Help",
    "notesDock": "Notes",
    "legendDock": "Legend",
    "legendPanel": "What the marks mean",
    "legendScroll": "Legend",
    "notesPanel": "Notes of the review",
    "reviewTitle": "The open review",
    "noteStatusFilter": "Show notes with this status",
    "notesView": "Notes",
    "addNoteButton": "Add a note to the selected clause",
    "editNoteButton": "Edit the selected note",
    "deleteNoteButton": "Delete the selected note",
    "recentReviewsMenu": "Recent reviews",
    "pageSizeMenu": "Page size",
    "summaryPage": "Summary of the comparison",
    "summaryView": "Brief: the flagged changes",
    "changesBox": "Changes and their flag filter",
    "flagFilterBar": "Filter the changes by flag",
    "flagCategoryCombo": "Show changes flagged in this category",
    "flagSeverityCombo": "Show flags of this severity or graver",
    "flaggedOnlyButton": "F7 steps through flagged changes only",
}


def name_widgets(root: QWidget) -> None:
    """Give ``root`` and every named widget under it its accessible name (unless set)."""
    for widget in [root, *root.findChildren(QWidget)]:
        name = ACCESSIBLE_NAMES.get(widget.objectName())
        if name and not widget.accessibleName():
            widget.setAccessibleName(name)

"""The side panel "Changes": the list of what changed in the view shown.

It holds one list per tab and shows the one of the tab shown (:meth:`ChangesDock.show_for`):
the comparison's changes, filtered by kind with their counts, for the compare tab; the
families that changed for the lineage tab; a line saying there is nothing to list for a
tab without a list of its own. A new tab gets its list with :meth:`ChangesDock.add_panel`.

Emits ``linkChosen(link_number)`` when the user picks a change of the comparison,
``familyChosen(family_number)`` when they pick a family, and ``kindsChanged(kinds)`` (a
frozenset of :class:`LinkKind`, empty for every kind) when they choose which kinds to list.
Follows the views through :meth:`follow` and :meth:`follow_family`.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QListView,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clausediff.core.compare.lineage import Lineage
from clausediff.core.compare.links import LinkKind
from clausediff.core.render.wording import KIND_TEXT
from clausediff.gui.lineage_models import FamilyChangesModel
from clausediff.gui.models import ChangeListModel
from clausediff.gui.rows_view import RowsView
from clausediff.session.comparison import Comparison

NOTHING_TO_LIST = "Nothing to list for this view."


def _plural(n: int) -> str:
    return f"{n} change" + ("" if n == 1 else "s")


class ChangesDock(QDockWidget):
    linkChosen = Signal(int)
    familyChosen = Signal(int)
    kindsChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Changes", parent)
        self.setObjectName("changesDock")
        self.stack = QStackedWidget()
        self._panels: dict[QWidget, QWidget] = {}

        compare = QWidget()
        compare.setObjectName("compareChanges")
        lay = QVBoxLayout(compare)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("changeKindFilter")
        self.kind_filter.setToolTip("List only the changes of one kind; F7 steps through them")
        self.kind_filter.currentIndexChanged.connect(self._kind_chosen)
        lay.addWidget(self.kind_filter)
        self.filter_note = QLabel()
        self.filter_note.setObjectName("changeFilterNote")
        self.filter_note.setWordWrap(True)
        self.filter_note.hide()
        lay.addWidget(self.filter_note)
        self.model = ChangeListModel(self)
        self.view = RowsView()  # thousands of changes: measured as they come into sight
        self.view.setObjectName("changeList")
        self.view.setModel(self.model)
        self.view.setSpacing(2)
        self.view.setWordWrap(True)
        self.view.estimator = lambda _width: (
            [2 * self.view.fontMetrics().lineSpacing() + 2] * self.model.rowCount()
        )
        self.view.selectionModel().currentChanged.connect(self._chosen)
        lay.addWidget(self.view, 1)
        self.stack.addWidget(compare)
        self.compare_panel = compare

        self.family_model = FamilyChangesModel(self)
        self.family_view = QListView()
        self.family_view.setObjectName("familyChangeList")
        self.family_view.setModel(self.family_model)
        self.family_view.setSpacing(2)
        self.family_view.setWordWrap(True)
        self.family_view.selectionModel().currentChanged.connect(self._family_chosen)
        self.stack.addWidget(self.family_view)
        self.lineage_panel: QWidget = self.family_view

        self.nothing = QLabel(NOTHING_TO_LIST)
        self.nothing.setObjectName("changesNothing")
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.nothing.setMargin(8)
        self.stack.addWidget(self.nothing)
        self.setWidget(self.stack)

    # ------------------------------------------------------------------ which list shows

    def add_panel(self, tab: QWidget, panel: QWidget) -> None:
        """Show ``panel`` here while ``tab`` is the tab shown."""
        if self.stack.indexOf(panel) < 0:
            self.stack.addWidget(panel)
        self._panels[tab] = panel

    def show_for(self, tab: QWidget | None) -> None:
        """The list of ``tab``, or the line saying there is none."""
        self.stack.setCurrentWidget(self._panels.get(tab, self.nothing) if tab else self.nothing)

    def shown_panel(self) -> QWidget | None:
        return self.stack.currentWidget()

    # ------------------------------------------------------------------ the comparison

    def set_comparison(self, comparison: Comparison) -> None:
        self.model.set_alignment(comparison.alignment, comparison.annotations)
        self._fill_filter()

    def _fill_filter(self) -> None:
        """Every change, then each kind present, with its count; the kind chosen stays
        chosen while the comparison has changes of that kind."""
        counts = self.model.counts()
        chosen = self.kind_filter.currentData()
        self.kind_filter.blockSignals(True)
        self.kind_filter.clear()
        self.kind_filter.addItem(f"Every change ({sum(counts.values())})", "")
        for kind, n in counts.items():
            self.kind_filter.addItem(f"{KIND_TEXT[kind]} ({n})", kind.value)
        at = self.kind_filter.findData(chosen) if chosen else 0
        self.kind_filter.setCurrentIndex(max(0, at))
        self.kind_filter.blockSignals(False)
        self._kind_chosen(self.kind_filter.currentIndex())

    def _kind_chosen(self, _index: int) -> None:
        value = self.kind_filter.currentData()
        kinds = frozenset({LinkKind(value)}) if value else frozenset()
        if kinds != self.model.kinds:
            self.model.set_kinds(kinds)
        if kinds:
            n = self.model.rowCount()
            self.filter_note.setText(
                f"Listing {_plural(n)} of {sum(self.model.counts().values())}: "
                f"F7 and Shift+F7 step through {KIND_TEXT[LinkKind(value)]} only."
            )
        self.filter_note.setVisible(bool(kinds))
        self.kindsChanged.emit(kinds)

    def follow(self, link_number: int) -> None:
        """Select the change of ``link_number`` (if it is one) without emitting."""
        row = self.model.row_of_link(link_number)
        if row >= 0 and self.view.currentIndex().row() != row:
            self.view.blockSignals(True)
            self.view.setCurrentIndex(self.model.index(row))
            self.view.blockSignals(False)
            self.view.scrollTo(self.model.index(row))

    def _chosen(self, current: QModelIndex, _prev: QModelIndex) -> None:
        if current.isValid():
            self.linkChosen.emit(self.model.link_number(current.row()))

    # ------------------------------------------------------------------ the lineage

    def set_lineage(self, lineage: Lineage) -> None:
        self.family_model.set_lineage(lineage)

    def follow_family(self, family_number: int) -> None:
        """Select the family ``family_number`` (if it changed) without emitting."""
        row = self.family_model.row_of_family(family_number)
        if row >= 0 and self.family_view.currentIndex().row() != row:
            view = self.family_view
            view.selectionModel().blockSignals(True)
            view.setCurrentIndex(self.family_model.index(row))
            view.selectionModel().blockSignals(False)
            view.scrollTo(self.family_model.index(row))

    def _family_chosen(self, current: QModelIndex, _prev: QModelIndex) -> None:
        if current.isValid():
            self.familyChosen.emit(self.family_model.family_number(current.row()))

"""Item models of the lineage: families × versions for the table, and the families that
changed for the side panel; thin adapters over :class:`~clausediff.core.compare.lineage.Lineage`."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, Qt

from clausediff.core.compare.lineage import Family, Lineage, family_name
from clausediff.core.render.html import tooltip_html
from clausediff.gui.models import CellRole, FamilyRole, Index, KindRole
from clausediff.session.families import changes_text


@dataclass(frozen=True, slots=True)
class LineageCell:
    """A lineage cell for a painter (handed out through :data:`CellRole`)."""

    lineage: Lineage
    family: Family
    number: int  # the family's number in the lineage
    version: int


class FamilyChangesModel(QAbstractListModel):
    """The lineage's families that changed: the family's name, then what happened to it at
    each step (:func:`clausediff.session.families.changes_text`)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.lineage: Lineage | None = None
        self._families: list[int] = []
        self._lines: list[list[str]] = []

    def set_lineage(self, lineage: Lineage | None) -> None:
        self.beginResetModel()
        self.lineage = lineage
        self._families, self._lines = [], []
        for n, fam in enumerate(lineage.families if lineage else ()):
            assert lineage is not None
            lines = changes_text(lineage, fam)
            if lines:
                self._families.append(n)
                self._lines.append(lines)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._families)

    def family_number(self, row: int) -> int:
        return self._families[row]

    def row_of_family(self, number: int) -> int:
        return self._families.index(number) if number in self._families else -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.lineage is None or index.row() >= len(self._families):
            return None
        fam = self.lineage.families[self._families[index.row()]]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return "\n".join((family_name(self.lineage, fam), *self._lines[index.row()]))
        if role == FamilyRole:
            return fam
        return None


class LineageModel(QAbstractTableModel):
    """Clause families × versions, in date order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.lineage: Lineage | None = None
        self._rows: list[int] = []
        self.changed_only = False
        self.notes_by_family: dict[str | None, list[Any]] = {}

    def set_lineage(self, lineage: Lineage | None) -> None:
        self.beginResetModel()
        self.lineage = lineage
        self._refilter()
        self.endResetModel()

    def set_changed_only(self, flag: bool) -> None:
        self.beginResetModel()
        self.changed_only = flag
        self._refilter()
        self.endResetModel()

    def _refilter(self) -> None:
        if self.lineage is None:
            self._rows = []
            return
        self._rows = [
            n
            for n, f in enumerate(self.lineage.families)
            if not self.changed_only or self.family_changed(n)
        ]

    def family_changed(self, n: int) -> bool:
        assert self.lineage is not None
        fam = self.lineage.families[n]
        for v in range(1, len(self.lineage.versions)):
            for j in fam.in_version(v):
                if self.lineage.pairs[v - 1].link_of_right(j).kind.is_change:
                    return True
            for i in fam.in_version(v - 1):
                if self.lineage.pairs[v - 1].link_of_left(i).kind.is_change:
                    return True
        return False

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.lineage is None:
            return 0
        return len(self.lineage.versions)

    def family_number(self, row: int) -> int:
        return self._rows[row]

    def row_of_family(self, family_number: int) -> int:
        """The row of a family, -1 when it is not shown."""
        return self._rows.index(family_number) if family_number in self._rows else -1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        shown = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        if self.lineage is None or role not in shown:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.lineage.versions):
                info = self.lineage.versions[section].info
                # (a line each, so that none is cut off: the page keeps its sections as
                # wide as their widest line)
                text = "\n".join((info.label, *(info.symbols or (info.symbol,)), info.date))
                return tooltip_html(text) if role == Qt.ItemDataRole.ToolTipRole else text
            return None
        if 0 <= section < len(self._rows):
            fam = self.lineage.families[self._rows[section]]
            count = len(self.notes_by_family.get(fam.id, ()))
            if role == Qt.ItemDataRole.ToolTipRole:  # the whole name, and the versions it spans
                spans = ", ".join(self.lineage.versions[v].info.label for v in fam.versions)
                notes = f"\n{count} note{'s' if count > 1 else ''}" if count else ""
                return tooltip_html(f"{family_name(self.lineage, fam)}\nIn: {spans}{notes}")
            # (the first words on lines of their own: a narrow row header, wider columns)
            label, _, lead = family_name(self.lineage, fam, joiner="\n").partition("\n")
            name = "\n".join((label, *textwrap.wrap(lead, 22)))
            return f"{name}\n✎{count}" if count else name
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.lineage is None or index.row() >= len(self._rows):
            return None
        fam = self.lineage.families[self._rows[index.row()]]
        v = index.column()
        if v >= len(self.lineage.versions):
            return None
        doc = self.lineage.versions[v]
        members = fam.in_version(v)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if not members:
                return ""
            return "\n".join(
                f"{doc.clauses[i].display_label()} {doc.clauses[i].text}" for i in members
            )
        if role == FamilyRole:
            return fam
        if role == CellRole:
            return LineageCell(self.lineage, fam, self._rows[index.row()], v)
        if role == KindRole:
            if not members or v == 0:
                return None
            return self.lineage.pairs[v - 1].link_of_right(members[0]).kind.value
        return None

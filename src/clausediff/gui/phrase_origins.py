"""The lineage view's shading by where each phrase came from: its model, delegate and legend.

:class:`OriginLineageModel` is the lineage model that, while shading is on, names in the
newest column's tooltip and accessible text the version that introduced each phrase;
:class:`OriginDelegate` paints that column's cells with each phrase on the ground of its
version (overlined where it may be older); :class:`OriginLegend` is the key. They emit
nothing; the lineage page gives them its :class:`~clausediff.session.history.PhraseOrigins`
and switches shading on and off.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QWidget

from clausediff.core.render.html import origin_cell_html, origin_legend_html, tooltip_html
from clausediff.core.render.palette import DARK, LIGHT, Palette
from clausediff.gui.delegates import LineageDelegate, is_dark, make_document
from clausediff.gui.lineage_models import LineageCell, LineageModel
from clausediff.gui.models import CellRole
from clausediff.session.history import PhraseOrigins

Index = QModelIndex | QPersistentModelIndex


class OriginLineageModel(LineageModel):
    """The lineage model; with ``origins`` set, the newest column says where its phrases
    came from (tooltip, and the text a screen reader reads after the clause)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.origins: PhraseOrigins | None = None

    def set_origins(self, origins: PhraseOrigins | None) -> None:
        self.origins = origins
        if self.rowCount() and self.columnCount():
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(0, last), self.index(self.rowCount() - 1, last))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = super().data(index, role)
        origins = self.origins
        if (
            origins is None
            or not index.isValid()
            or index.column() != origins.newest
            or role not in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole)
        ):
            return value
        cell: LineageCell | None = super().data(index, CellRole)
        if cell is None or origins.lineage is not cell.lineage:
            return value
        lines = origins.lines(cell.family)
        if not lines:
            return value
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_html("\n".join(lines))
        return "\n".join([value or "", *lines]).strip()


class OriginDelegate(LineageDelegate):
    """The lineage delegate; with ``origins`` set, the newest column is shaded by origin."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.origins: PhraseOrigins | None = None

    def set_origins(self, origins: PhraseOrigins | None) -> None:
        self.origins = origins
        self.clear_cache()

    def cell(self, cell: LineageCell, width: int, palette: Palette) -> QTextDocument:
        origins = self.origins
        if origins is None or cell.version != origins.newest or origins.lineage is not cell.lineage:
            return super().cell(cell, width, palette)
        clauses = origins.clauses(cell.family)
        if not clauses:
            return super().cell(cell, width, palette)

        def build() -> QTextDocument:
            body = origin_cell_html(clauses, palette, self.find)
            return make_document(self.font, body, palette, width, 4)

        # (a key of its own: ~number never meets the plain cells' numbers)
        return self._cached((~cell.number, cell.version, width, palette.dark), build)


class OriginLegend(QLabel):
    """The key to the shading: each version's ground and words, and the overline; drawn
    again when the theme changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lineageOriginLegend")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self._origins: PhraseOrigins | None = None

    def show_legend(self, origins: PhraseOrigins) -> None:
        self._origins = origins
        legend = origins.legend()
        self.setText(origin_legend_html(legend, DARK if is_dark(self.palette()) else LIGHT))
        self.setAccessibleName(
            "Shading key: " + "; ".join(text for _, text in legend)
            + "; overlined: possibly earlier, an older text has a gap there"
        )  # fmt: skip

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._origins is not None:
            self.show_legend(self._origins)

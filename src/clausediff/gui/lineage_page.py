"""The lineage tab: clause families across versions, and the history of the one selected.

:class:`LineagePage` emits ``currentFamilyChanged(family_number)`` when the selected family
changes; it listens to its table's selection (the history follows it) and scrolling (rows
are fitted to their contents only in sight), and is given its lineage (with, for a series of
three or more versions, the draft that made each change: the history lists a family's), notes,
find text and font by the window.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QSplitter,
    QStyle,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from clausediff.core.compare.lineage import Lineage
from clausediff.core.render.brief import family_series_html
from clausediff.core.render.flow import FlowLayout
from clausediff.core.render.html import history_html, origin_sentences_html
from clausediff.core.render.palette import DARK, LIGHT
from clausediff.core.store.review import PlacedNote
from clausediff.gui.delegates import is_dark
from clausediff.gui.flow_view import FlowView
from clausediff.gui.phrase_origins import OriginDelegate, OriginLegend, OriginLineageModel
from clausediff.session.finding import matching_families, next_hit, previous_hit
from clausediff.session.history import PhraseOrigins
from clausediff.session.series import SeriesAttribution


class LineagePage(QWidget):
    currentFamilyChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lineagePage")
        self.lineage: Lineage | None = None
        self.series: SeriesAttribution | None = None
        self.model = OriginLineageModel(self)
        self.origins: PhraseOrigins | None = None
        lay = QVBoxLayout(self)
        self.changed_only = QCheckBox("Only families that changed")
        self.changed_only.setObjectName("lineageChangedOnly")
        self.changed_only.toggled.connect(self.model.set_changed_only)
        lay.addWidget(self.changed_only)
        self.shade_origins = QCheckBox("Where each phrase came from")
        self.shade_origins.setObjectName("lineageShadeOrigins")
        self.shade_origins.setToolTip(
            "Shade the newest version's phrases by the version that introduced each"
        )
        self.shade_origins.toggled.connect(self._shade)
        lay.addWidget(self.shade_origins)
        self.legend = OriginLegend()
        self.legend.hide()
        lay.addWidget(self.legend)
        split = QSplitter(Qt.Orientation.Vertical)
        self.view = QTableView()
        self.view.setObjectName("lineageView")
        self.view.setModel(self.model)
        self.delegate = OriginDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(header.ResizeMode.Stretch)
        # Row heights are fitted to their contents only for the rows in sight (a table of
        # thousands of families would otherwise lay out every cell before showing one).
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(rows.ResizeMode.Interactive)
        self._fitted_rows: set[int] = set()
        self._fit_timer = QTimer(self, singleShot=True, interval=0)
        self._fit_timer.timeout.connect(self._fit_visible_rows)
        self.view.verticalScrollBar().valueChanged.connect(lambda _v: self._fit_timer.start())
        header.sectionResized.connect(lambda *_: self.refit())
        self.model.modelReset.connect(self.refit)
        self.model.modelReset.connect(self._widen_columns)
        self.view.selectionModel().currentRowChanged.connect(self._show_history)
        # the table and, beside it, the same families as a flow picture (one selection)
        self.views = QTabWidget()
        self.views.setObjectName("lineageViews")
        self.views.addTab(self.view, "Table")
        self.flow = FlowView()
        self.views.addTab(self.flow, "Flow")
        self.flow.familyChosen.connect(self.select_family_id)
        split.addWidget(self.views)
        self.history = QTextBrowser()
        self.history.setObjectName("familyHistory")
        self.history.setOpenLinks(False)
        split.addWidget(self.history)
        split.setSizes([500, 200])
        lay.addWidget(split, 1)

    def set_lineage(
        self,
        lineage: Lineage,
        flow: FlowLayout | None = None,
        series: SeriesAttribution | None = None,
    ) -> None:
        """Show a lineage (``flow``: its flow picture laid out already, off this thread;
        ``series``: the draft that made each change, worked out there too)."""
        self.lineage = lineage
        self.series = series
        self.origins = PhraseOrigins(lineage)  # (worked out as the rows come into sight)
        self.delegate.clear_cache()
        self.model.set_lineage(lineage)
        self.flow.set_lineage(lineage, flow)
        self._shade(self.shade_origins.isChecked())

    def _shade(self, on: bool) -> None:
        """Shade the newest column by where each phrase came from, or stop."""
        origins = self.origins if on else None
        self.delegate.set_origins(origins)
        self.model.set_origins(origins)
        self.legend.setVisible(origins is not None)
        if origins is not None:
            self.legend.show_legend(origins)
        self.refit()
        self.view.viewport().update()

    def set_notes(self, by_family: dict[str | None, list[PlacedNote]]) -> None:
        """The open review's notes by family; only the rows whose count changed redraw."""
        before = self.model.notes_by_family
        self.model.notes_by_family = by_family
        if self.lineage is None:
            return
        changed = []
        for row in range(self.model.rowCount()):
            fam = self.lineage.families[self.model.family_number(row)].id
            if len(before.get(fam, ())) != len(by_family.get(fam, ())):
                changed.append(row)
        if changed:
            self.model.headerDataChanged.emit(Qt.Orientation.Vertical, min(changed), max(changed))

    def set_find(self, text: str) -> None:
        if text != self.delegate.find:
            self.delegate.set_find(text)
            self.refit()
            self.view.viewport().update()

    def set_font(self, font: QFont) -> None:
        """The cells' font; the headers follow it, a little smaller."""
        self.delegate.set_font(font)
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        for header in (self.view.horizontalHeader(), self.view.verticalHeader()):
            header.setFont(small)
        self._widen_columns()
        self.refit()

    def _widen_columns(self) -> None:
        """No version's column narrower than its header's widest line (a narrow window
        scrolls sideways rather than cut a symbol or a date)."""
        header = self.view.horizontalHeader()
        fm = QFontMetrics(header.font())
        margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        widest = max(
            (
                fm.horizontalAdvance(line)
                for v in range(self.model.columnCount())
                for line in str(self.model.headerData(v, Qt.Orientation.Horizontal)).split("\n")
            ),
            default=0,
        )
        header.setMinimumSectionSize(max(120, widest + margin + 8))

    def repaint_all(self) -> None:
        self.delegate.clear_cache()
        self.refit()

    def set_wrap(self, wrap: bool) -> None:
        self.view.setWordWrap(wrap)

    def find_rows(self, text: str) -> list[int]:
        """Rows of the table whose family has ``text`` in any version."""
        if self.lineage is None:
            return []
        families = [self.model.family_number(r) for r in range(self.model.rowCount())]
        return matching_families(self.lineage, families, text)

    def current_row(self) -> int:
        return self.view.currentIndex().row()

    def select_row(self, row: int) -> None:
        self.view.selectRow(row)

    def select_family_id(self, family_id: str) -> None:
        """Select a family's row by its id (the flow picture's click), shown again if the
        table hid it, and so its history."""
        if self.lineage is None:
            return
        number = next(n for n, f in enumerate(self.lineage.families) if f.id == family_id)
        self.select_family(number)

    def select_family(self, family_number: int) -> None:
        """Select the row of a family; "Only families that changed" is let go of when it
        hides that family."""
        row = self.model.row_of_family(family_number)
        if row < 0 and self.changed_only.isChecked():
            self.changed_only.setChecked(False)
            row = self.model.row_of_family(family_number)
        if row >= 0:
            self.select_row(row)
            self.view.scrollTo(self.model.index(row, 0))

    def step_change(self, step: int) -> None:
        """To the next (``step`` > 0) or previous family that changed, wrapping."""
        rows = [
            r
            for r in range(self.model.rowCount())
            if self.model.family_changed(self.model.family_number(r))
        ]
        if rows:
            stop = next_hit if step > 0 else previous_hit
            self.select_row(stop(rows, self.current_row()))

    def refit(self) -> None:
        self._fitted_rows.clear()
        self._fit_timer.start()

    def _fit_visible_rows(self) -> None:
        view = self.view
        rows = self.model.rowCount()
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

    def _show_history(self, current: QModelIndex, _prev: QModelIndex) -> None:
        if self.lineage is None or not current.isValid():
            self.history.clear()
            return
        number = self.model.family_number(current.row())
        fam = self.lineage.families[number]
        self.currentFamilyChanged.emit(number)
        self.flow.select_family(fam.id)
        notes = self.model.notes_by_family.get(fam.id, [])
        palette = DARK if is_dark(self.palette()) else LIGHT
        origins = origin_sentences_html(self.origins.sentences(fam)) if self.origins else ""
        made = self.series
        drafts = family_series_html(made.brief, made.of_family(fam.id)) if made else ""
        self.history.setHtml(drafts + origins + history_html(self.lineage, fam, notes, palette))

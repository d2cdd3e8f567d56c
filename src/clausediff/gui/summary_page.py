"""The Summary tab (the brief of the comparison) and the change list's flag filter.

:class:`SummaryPage` shows the brief of the current comparison
(:func:`clausediff.session.summary.brief_of`, drawn by :mod:`clausediff.core.render.brief`)
and emits ``linkChosen(link_number)`` when a flagged change's clause is clicked; it is given
its comparison by the window, and the lineage's series attribution (the newest of three or
more versions against the first, each change with the draft that made it) when the lineage
job has worked it out: that section follows the brief, when the lineage ends on the newer
version compared, and says where it comes from. :class:`FlagFilterBar` (above the change
list, put there by :func:`add_flag_filter`) emits ``changed(category, severity)`` when the
user picks a flag category or a least severity ("" for any, "any" for any flag).
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clausediff.core.compare.flag_rules import Category, Severity
from clausediff.core.compare.lineage import draft_revision
from clausediff.core.render.brief import SEVERITY_SIGN, brief_css, brief_html
from clausediff.core.render.palette import DARK, LIGHT
from clausediff.gui.changes_dock import ChangesDock
from clausediff.gui.delegates import is_dark
from clausediff.session.comparison import Comparison
from clausediff.session.series import SeriesAttribution
from clausediff.session.summary import brief_of

#: Under the series' title: where it was worked out.
SERIES_SOURCE = (
    "From the lineage of the checked versions (Lineage tab), worked out when it was last shown."
)
#: Said under the brief of two drafts when no series has been worked out.
SERIES_HINT = (
    "To see which draft made each change, check three or more drafts in the library and "
    "show their lineage (Lineage of checked versions)."
)


class SummaryPage(QWidget):
    linkChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = QTextBrowser()
        self.view.setObjectName("summaryView")
        self.view.setOpenLinks(False)  # (a click goes to the row; nothing is ever fetched)
        self.view.setOpenExternalLinks(False)
        self.view.anchorClicked.connect(self._clicked)
        layout.addWidget(self.view)
        self.html = ""
        self.comparison: Comparison | None = None
        self.series: SeriesAttribution | None = None

    def set_comparison(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self._show()

    def set_series(self, series: SeriesAttribution | None) -> None:
        """The lineage's series attribution (None: the lineage has fewer than three
        versions), shown under the brief."""
        self.series = series
        self._show()

    def _show(self) -> None:
        if self.comparison is None:
            return
        palette = DARK if is_dark(self.palette()) else LIGHT
        series = self.series.brief if self.series is not None else None
        if series is not None and series.newest is not self.comparison.versions[-1]:
            series = None  # (the lineage shown ends on another version)
        body = brief_html(
            brief_of(self.comparison),
            palette,
            links=True,
            series=series,
            series_source=SERIES_SOURCE,
        )
        drafts = all(draft_revision(d) for d in self.comparison.versions)
        hint = f"<p><i>{SERIES_HINT}</i></p>" if series is None and drafts else ""
        self.html = (
            f"<html><head><style>{brief_css(palette)} a{{color:{palette.text}}}</style></head>"
            f"<body>{body}<p><i>Click a clause of the brief to see it in the comparison.</i></p>"
            f"{hint}</body></html>"
        )
        self.view.setHtml(self.html)

    def _clicked(self, url: QUrl) -> None:
        fragment = url.fragment()
        if fragment.startswith("link-") and fragment[5:].isdigit():
            self.linkChosen.emit(int(fragment[5:]))


class FlagFilterBar(QWidget):
    changed = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flagFilterBar")
        # (two lines: the panel stays narrow enough for a 1366-pixel screen beside the text)
        lines = QVBoxLayout(self)
        lines.setContentsMargins(4, 2, 4, 2)
        lines.setSpacing(2)
        row = QHBoxLayout()
        lines.addLayout(row)
        row.addWidget(QLabel("Flags:"))
        self.category = QComboBox()
        self.category.setObjectName("flagCategoryCombo")
        self.category.setToolTip("Show only the changes flagged in this category")
        self.category.addItem("all changes", "")
        self.category.addItem("any flag", "any")
        for c in Category:
            self.category.addItem(c.value, c.value)
        self.severity = QComboBox()
        self.severity.setObjectName("flagSeverityCombo")
        self.severity.setToolTip("Show only the flags of this severity or graver")
        self.severity.addItem("any severity", "")
        for s in Severity:
            self.severity.addItem(f"{SEVERITY_SIGN[s]} {s.value}+", s.value)
        for combo in (self.category, self.severity):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(5)
            combo.currentIndexChanged.connect(self._emit)
            row.addWidget(combo, 1)
        self.flagged_only = QToolButton()  # (given the window's action by add_flag_filter)
        self.flagged_only.setObjectName("flaggedOnlyButton")
        lines.addWidget(self.flagged_only)

    def _emit(self, _index: int) -> None:
        self.changed.emit(self.category.currentData(), self.severity.currentData())


def add_flag_filter(dock: ChangesDock) -> FlagFilterBar:
    """Put a flag filter bar under the kind filter of the change list (the comparison's
    panel of the Changes dock: the lineage's panel has no flags) and return it."""
    bar = FlagFilterBar()
    layout = dock.compare_panel.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.insertWidget(1, bar)
    return bar

"""The legend: what the marks of the compare and lineage views look like, and what they mean.

Each sample is painted by the code that paints the rows: the struck-through and underlined
words are the HTML of :func:`clausediff.core.render.html.runs_html`, the hatching is
:func:`clausediff.gui.delegates.paint_missing`, a kind's bar and name are the gutter's
(:func:`clausediff.gui.delegates.kind_ink`); the colours follow the theme shown. Every
sample is named in words beside it: colour is never the only cue.

:class:`LegendDock` emits nothing and listens to nothing; the View menu shows and hides it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from clausediff.core.compare.links import LinkKind
from clausediff.core.render import wording
from clausediff.core.render.html import plain_html, runs_html
from clausediff.core.render.palette import DARK, KIND_COLOURS, LIGHT, Palette
from clausediff.core.render.redline import Mark, Run
from clausediff.gui.delegates import is_dark, kind_ink, make_document, paint_missing

#: The width of a sample (a kind's bar and name, a few marked words).
SAMPLE_WIDTH = 96
#: The kinds the legend shows, in the order a reader meets them.
KINDS = (
    LinkKind.MODIFIED,
    LinkKind.MOVED,
    LinkKind.SPLIT,
    LinkKind.MERGED,
    LinkKind.RESTRUCTURED,
    LinkKind.ADDED,
    LinkKind.DELETED,
    LinkKind.UNKNOWN,
    LinkKind.UNCHANGED,
)


class Sample(QWidget):
    """One sample: ``"struck"`` (deleted words), ``"underlined"`` (inserted words),
    ``"found"``, ``"gap"``, ``"moved away"`` or a kind's value."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what = what
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def palette_shown(self) -> Palette:
        return DARK if is_dark(self.palette()) else LIGHT

    def html(self, palette: Palette) -> str:
        """The sample's text as the rows' renderer writes it."""
        if self.what == "struck":
            return runs_html([Run("shall", Mark.DELETED)], palette)
        if self.what == "underlined":
            return runs_html([Run("may", Mark.INSERTED)], palette)
        if self.what == "found":
            return runs_html([Run("moratorium", Mark.SAME)], palette, find="moratorium")
        if self.what == "gap":
            return plain_html("not available", palette, italic=True)
        if self.what == "moved away":
            return plain_html("the older text", palette, muted=True)
        return ""

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().lineSpacing() + 10
        body = self.html(self.palette_shown())
        if body:  # (as tall as its text, laid out as the sample paints it)
            doc = make_document(self.font(), body, self.palette_shown(), SAMPLE_WIDTH - 8, 0)
            line = max(line, int(doc.size().height()) + 8)
        return QSize(SAMPLE_WIDTH, line)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette_shown()
        painter = QPainter(self)
        try:
            rect = QRectF(self.rect())
            if self.what == "gap":
                paint_missing(painter, rect, palette)
            if self.what in [k.value for k in LinkKind] or self.what == "moved away":
                kind = LinkKind.MOVED if self.what == "moved away" else LinkKind(self.what)
                painter.fillRect(QRectF(0, 0, 5, rect.height()), QColor(KIND_COLOURS[kind]))
                bold = QFont(self.font())
                bold.setBold(True)
                painter.setFont(bold)
                painter.setPen(kind_ink(kind, palette))
                painter.drawText(
                    rect.adjusted(12, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, self.what
                )
                return
            doc = make_document(self.font(), self.html(palette), palette, SAMPLE_WIDTH - 8, 0)
            painter.translate(6, (rect.height() - doc.size().height()) / 2)
            doc.drawContents(painter)
        finally:
            painter.end()


class LegendDock(QDockWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Legend", parent)
        self.setObjectName("legendDock")
        body = QWidget()
        body.setObjectName("legendPanel")
        grid = QGridLayout(body)
        grid.setContentsMargins(6, 6, 6, 6)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        self.samples: list[Sample] = []
        entries: list[tuple[str, str]] = [
            ("struck", wording.LEGEND_DELETED),
            ("underlined", wording.LEGEND_INSERTED),
            ("gap", wording.LEGEND_GAP),
            ("found", wording.LEGEND_FOUND),
            *((k.value, wording.KIND_MEANING[k]) for k in KINDS),
            ("moved away", wording.LEGEND_MOVED_AWAY),
        ]
        for row, (what, meaning) in enumerate(entries):
            sample = Sample(what)
            sample.setAccessibleName(f"{what}: {meaning}")
            self.samples.append(sample)
            text = QLabel(meaning)
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.PlainText)
            grid.addWidget(sample, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, row, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(len(entries), 1)
        scroll = QScrollArea()
        scroll.setObjectName("legendScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.setWidget(scroll)

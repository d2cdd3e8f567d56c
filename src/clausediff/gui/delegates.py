"""Painting clause rows: a gutter with labels and kind, and both versions side by side.

A row's height is the taller of its two sides, so both sides always stay row-aligned; long
clauses wrap. Layouts are cached per row and width, and made only for rows Qt asks about.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPen,
    QTextDocument,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from clausediff.core.compare.links import SIDE_JOINER, ClauseLink, LinkKind
from clausediff.core.render.redline import side_runs
from clausediff.gui.models import KIND_TEXT, CompareModel, LineageModel, short_moves
from clausediff.gui.richtext import DARK, LIGHT, Palette, plain_html, runs_html

GUTTER = 118
#: Laid-out cells kept per view: a few screens' worth around wherever the user has been.
CACHE_SIZE = 4000
_LayoutCache = OrderedDict[tuple[int, int, int, bool], QTextDocument]
PAD = 8
KIND_COLOURS = {
    # Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
    LinkKind.UNCHANGED: "#9AA0A6",
    LinkKind.MODIFIED: "#0072B2",
    LinkKind.MOVED: "#CC79A7",
    LinkKind.SPLIT: "#009E73",
    LinkKind.MERGED: "#009E73",
    LinkKind.RESTRUCTURED: "#56B4E9",
    LinkKind.ADDED: "#0B4F8A",
    LinkKind.DELETED: "#D55E00",
    LinkKind.UNKNOWN: "#7F7F7F",
}


def make_document(
    font: QFont, body: str, palette: Palette, width: int, margin: int
) -> QTextDocument:
    """A laid-out rich-text cell; ``body`` must already be escaped."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setDocumentMargin(margin)
    doc.setDefaultStyleSheet(f"body {{ color: {palette.text}; }}")
    doc.setHtml(f"<body>{body}</body>")
    doc.setTextWidth(max(40, width))
    return doc


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


class _LayoutDelegate(QStyledItemDelegate):
    """What both views' delegates share: the font, the find text, and a bounded cache of
    laid-out cells, dropped whenever what they show changes."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.find = ""
        self.font = QFont()
        self._cache: _LayoutCache = _LayoutCache()

    def clear_cache(self) -> None:
        self._cache.clear()

    def set_find(self, text: str) -> None:
        self.find = text
        self._cache.clear()

    def set_font(self, font: QFont) -> None:
        self.font = QFont(font)
        self._cache.clear()

    @staticmethod
    def _palette(option: QStyleOptionViewItem) -> Palette:
        return DARK if is_dark(option.palette) else LIGHT

    def _cached(
        self, key: tuple[int, int, int, bool], build: Callable[[], QTextDocument]
    ) -> QTextDocument:
        """The laid-out cell for ``key``, built on first use; least recently used go first."""
        doc = self._cache.get(key)
        if doc is not None:
            self._cache.move_to_end(key)
            return doc
        doc = self._cache[key] = build()
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return doc


class CompareDelegate(_LayoutDelegate):
    def _doc(
        self, model: CompareModel, row: int, side: int, width: int, palette: Palette
    ) -> QTextDocument:
        def build() -> QTextDocument:
            assert model.alignment is not None
            al, lk = model.alignment, model.link(row)
            if model.is_marker(row):
                body = self._marker_html(al, lk, side, palette, model.counterpart_row(row) > row)
            else:
                body = self._html(al, lk, side, palette)
            return make_document(self.font, body, palette, width, 0)

        # (the palette is in the key: a theme switch makes new cells)
        return self._cached((model.row_key(row), side, width, palette is DARK), build)

    def _html(self, al: Any, lk: ClauseLink, side: int, palette: Palette) -> str:
        indices = lk.left if side == 0 else lk.right
        doc = al.left if side == 0 else al.right
        if not indices:
            if lk.kind is LinkKind.UNKNOWN:
                return plain_html(
                    "Unknown: the counterpart may lie in text missing from this version.",
                    palette,
                    italic=True,
                )
            return ""
        if len(indices) == 1 and doc.clauses[indices[0]].is_gap:
            note = doc.clauses[indices[0]].gap_note or ""
            return plain_html(
                f"Text not available in this version — {note}", palette, italic=True, find=self.find
            )
        return runs_html(side_runs(al, lk, side), palette, self.find)

    def _marker_html(
        self, al: Any, lk: ClauseLink, side: int, palette: Palette, below: bool
    ) -> str:
        """Where a moved clause stood: its older text, muted, and where it went."""
        if side == 0:
            text = SIDE_JOINER.join(al.left.clauses[i].text for i in lk.left)
            return plain_html(text, palette, muted=True, find=self.find)
        where = "below" if below else "above"
        return plain_html(f"Moved to {al.right.labels(lk.right)}, {where}.", palette, italic=True)

    @staticmethod
    def _draw_notes_badge(
        painter: QPainter, gutter: QRectF, notes: list[Any], y: float, font: QFont
    ) -> None:
        """A note marker in the gutter: the status word in its colour, and the count."""
        from clausediff.gui.notes import STATUS_COLOURS

        order = ("red line", "to discuss", "agreed", "none")
        status = min((p.note.status for p in notes), key=order.index)
        colour = QColor(STATUS_COLOURS.get(status, "#9AA0A6"))
        label = ("✎ " + (status if status != "none" else "note")) + (
            f" +{len(notes) - 1}" if len(notes) > 1 else ""
        )
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        fm = QFontMetrics(bold)
        box = QRectF(gutter.left() + 10, gutter.top() + y, fm.horizontalAdvance(label) + 8,
                     fm.height() + 2)  # fmt: skip
        painter.setPen(QPen(colour, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(box, 3, 3)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)

    def _small_font(self) -> tuple[QFont, int]:
        small = QFont(self.font)
        small.setPointSizeF(max(7.0, self.font.pointSizeF() * 0.85))
        return small, QFontMetrics(small).lineSpacing()

    def _gutter_labels(self, model: CompareModel, row: int) -> str:
        al, lk = model.alignment, model.link(row)
        assert al is not None
        if model.is_marker(row):
            return f"{al.left.labels(lk.left)} → (moved)"
        return f"{al.left.labels(lk.left)} → {al.right.labels(lk.right)}"

    @staticmethod
    def _labels_height(labels: str, font: QFont) -> int:
        flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
        return QFontMetrics(font).boundingRect(0, 0, GUTTER - 16, 1000, flags, labels).height()

    def _gutter_height(self, model: CompareModel, row: int) -> int:
        small, step = self._small_font()
        has_notes = bool(model.notes_by_link.get(model.link_number(row)))
        return (
            self._labels_height(self._gutter_labels(model, row), small)
            + (4 if has_notes else 2) * step
            + self._moves_height(model, row, small)
        )

    @staticmethod
    def _moves_text(model: CompareModel, row: int) -> str:
        """The row's sentence moves as gutter lines ("a sentence from ¶7")."""
        if model.is_marker(row):
            return ""
        return "\n".join(short_moves(model.sentence_moves.get(model.link_number(row), [])))

    def _moves_height(self, model: CompareModel, row: int, small: QFont) -> int:
        text = self._moves_text(model, row)
        return self._labels_height(text, small) + 4 if text else 0

    def _columns(self, rect_width: int) -> tuple[int, int]:
        text_w = max(80, (rect_width - GUTTER - 4 * PAD) // 2)
        return text_w, text_w

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        model = index.model()
        assert isinstance(model, CompareModel)
        width = option.rect.width() if option.rect.width() > 0 else 1000
        view = self.parent()
        if view is not None and hasattr(view, "viewport"):
            width = view.viewport().width()
        lw, rw = self._columns(width)
        palette = self._palette(option)
        h = max(
            self._doc(model, index.row(), 0, lw, palette).size().height(),
            self._doc(model, index.row(), 1, rw, palette).size().height(),
            self._gutter_height(model, index.row()),
        )
        return QSize(max(200, width - 2), int(h) + 2 * PAD + 1)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        model = index.model()
        assert isinstance(model, CompareModel) and model.alignment is not None
        al = model.alignment
        lk = model.link(index.row())
        marker = model.is_marker(index.row())
        palette = self._palette(option)
        rect = option.rect
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        base = option.palette.color(QPalette.ColorRole.Base)
        painter.fillRect(
            rect,
            option.palette.color(QPalette.ColorRole.Highlight).lighter(
                170 if not is_dark(option.palette) else 60
            )
            if selected
            else base,
        )
        lw, rw = self._columns(rect.width())
        gutter = QRectF(rect.left(), rect.top(), GUTTER, rect.height())
        colour = QColor(KIND_COLOURS[lk.kind])
        painter.fillRect(QRectF(gutter.left(), gutter.top(), 5, gutter.height()), colour)
        # gutter: labels, kind, and the score or the jump to a moved clause's other place
        small, step = self._small_font()
        painter.setFont(small)
        painter.setPen(QColor(palette.muted))
        labels = self._gutter_labels(model, index.row())
        box = gutter.adjusted(12, PAD, -4, 0)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        painter.drawText(box, flags, labels)
        y = PAD + self._labels_height(labels, small)
        bold = QFont(small)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(colour if lk.kind is not LinkKind.UNCHANGED else QColor(palette.muted))
        painter.drawText(
            gutter.adjusted(12, y, -4, 0),
            Qt.AlignmentFlag.AlignLeft,
            "moved away" if marker else KIND_TEXT[lk.kind],
        )
        y += step
        if lk.kind is LinkKind.MOVED:
            other = model.counterpart_row(index.row())
            arrow = "↓" if other > index.row() else "↑"
            target = al.right.labels(lk.right) if marker else al.left.labels(lk.left)
            link_font = QFont(small)
            link_font.setUnderline(True)
            painter.setFont(link_font)
            painter.setPen(colour)
            painter.drawText(
                gutter.adjusted(12, y, -4, 0),
                Qt.AlignmentFlag.AlignLeft,
                f"{'to' if marker else 'from'} {target} {arrow}",
            )
        elif lk.kind is not LinkKind.UNCHANGED and lk.kind not in (
            LinkKind.ADDED,
            LinkKind.DELETED,
            LinkKind.UNKNOWN,
        ):
            painter.setFont(small)
            painter.setPen(QColor(palette.muted))
            painter.drawText(
                gutter.adjusted(12, y, -4, 0),
                Qt.AlignmentFlag.AlignLeft,
                "letter case only"
                if model.link_number(index.row()) in model.annotations.case_only
                else f"{lk.score:.2f}",
            )
        notes = model.notes_by_link.get(model.link_number(index.row()), [])
        if notes and not marker:
            self._draw_notes_badge(painter, gutter, notes, y + step, small)
        moves = self._moves_text(model, index.row())
        if moves:  # sentences that came from or went to a clause this one is not linked to
            italic = QFont(small)
            italic.setItalic(True)
            painter.setFont(italic)
            painter.setPen(QColor(KIND_COLOURS[LinkKind.MOVED]))
            top = y + step + (2 * step if notes else 0) + 2
            painter.drawText(gutter.adjusted(12, top, -4, 0), flags, moves)
        # the two sides
        x_left = rect.left() + GUTTER + PAD
        x_right = x_left + lw + 2 * PAD
        for side, x, w in ((0, x_left, lw), (1, x_right, rw)):
            cell = QRectF(x - PAD / 2, rect.top() + 2, w + PAD, rect.height() - 4)
            indices = lk.left if side == 0 else lk.right
            if marker and side == 1:
                indices = ()
            doc_side = al.left if side == 0 else al.right
            gap = bool(indices) and len(indices) == 1 and doc_side.clauses[indices[0]].is_gap
            if gap or (not indices and lk.kind is LinkKind.UNKNOWN):
                brush = QBrush(QColor(palette.muted), Qt.BrushStyle.BDiagPattern)
                painter.fillRect(
                    cell,
                    QColor(palette.muted).lighter(190)
                    if not is_dark(option.palette)
                    else QColor("#2a2a2a"),
                )
                painter.fillRect(cell, brush)
            elif not indices:
                painter.fillRect(cell, option.palette.color(QPalette.ColorRole.AlternateBase))
            doc = self._doc(model, index.row(), side, w, palette)
            painter.save()
            painter.translate(x, rect.top() + PAD)
            doc.drawContents(painter, QRectF(0, 0, w, rect.height()))
            painter.restore()
        # separators
        painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        mid = x_right - PAD
        painter.drawLine(int(mid), rect.top(), int(mid), rect.bottom())
        painter.restore()


class LineageDelegate(_LayoutDelegate):
    """A lineage cell: the clause, with its changes against the previous version."""

    def _doc(
        self, model: LineageModel, row: int, col: int, width: int, palette: Palette
    ) -> QTextDocument:
        fam_no = model.family_number(row)
        return self._cached(
            (fam_no, col, width, palette is DARK),
            lambda: self._build(model, fam_no, col, width, palette),
        )

    def _build(
        self, model: LineageModel, fam_no: int, col: int, width: int, palette: Palette
    ) -> QTextDocument:
        lineage = model.lineage
        assert lineage is not None
        members = lineage.families[fam_no].in_version(col)
        parts = []
        for i in members:
            clause = lineage.versions[col].clauses[i]
            if col > 0:
                al = lineage.pairs[col - 1]
                lk = al.link_of_right(i)
                body = (
                    runs_html(side_runs(al, lk, 1), palette, self.find)
                    if lk.ops or lk.kind is LinkKind.ADDED
                    else plain_html(clause.text, palette, find=self.find)
                )
            else:
                body = plain_html(clause.text, palette, find=self.find)
            label = f"<b>{clause.display_label()}</b> " if clause.label else ""
            parts.append(label + body)
        if not members:
            hidden = any(c.is_gap for c in lineage.versions[col].clauses)
            parts.append(
                plain_html(
                    "not in this version" + (" (or in its missing text)" if hidden else ""),
                    palette,
                    italic=True,
                )
            )
        return make_document(self.font, "<br/><br/>".join(parts), palette, width, 4)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        model = index.model()
        assert isinstance(model, LineageModel)
        width = max(120, option.rect.width() or 300)
        palette = self._palette(option)
        doc = self._doc(model, index.row(), index.column(), width, palette)
        return QSize(width, int(doc.size().height()) + 4)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        model = index.model()
        assert isinstance(model, LineageModel)
        palette = self._palette(option)
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(
                option.rect,
                option.palette.color(QPalette.ColorRole.Highlight).lighter(
                    170 if not is_dark(option.palette) else 60
                ),
            )
        doc = self._doc(model, index.row(), index.column(), option.rect.width(), palette)
        painter.translate(option.rect.topLeft())
        doc.drawContents(painter, QRectF(0, 0, option.rect.width(), option.rect.height()))
        painter.restore()

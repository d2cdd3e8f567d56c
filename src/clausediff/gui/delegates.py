"""Painting clause rows: a gutter with labels and kind, and both versions side by side;
and the cells of the lineage table.

The delegates read what they paint through the models' roles (:data:`RowInfoRole`,
:data:`CellRole`), take their HTML from :mod:`clausediff.core.render.html`, their colours
from :mod:`clausediff.core.render.palette` and their words from
:mod:`clausediff.core.render.wording`. A row's height is the taller of its two sides, so
both sides always stay row-aligned; long clauses wrap. Layouts are cached per row and width,
and made only for rows Qt asks about.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRectF, QSize, Qt
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

from clausediff.core.compare.links import LinkKind
from clausediff.core.render import wording
from clausediff.core.render.html import is_gap_side, lineage_cell_html, marker_html, side_html
from clausediff.core.render.palette import DARK, KIND_COLOURS, LIGHT, Palette, status_colour
from clausediff.core.store.review import PlacedNote
from clausediff.gui.models import CellRole, LineageCell, RowInfo, RowInfoRole

Index = QModelIndex | QPersistentModelIndex
GUTTER = 118
#: Laid-out cells kept per view: a few screens' worth around wherever the user has been.
CACHE_SIZE = 4000
_LayoutCache = OrderedDict[tuple[int, int, int, bool], QTextDocument]
PAD = 8
#: The order in which a row's notes name their status in the gutter (the gravest first).
_STATUS_ORDER = ("red line", "to discuss", "agreed", "none")


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


def _selected_fill(option: QStyleOptionViewItem) -> QColor:
    return QColor((DARK if is_dark(option.palette) else LIGHT).selected_bg)


def _frame_selected(painter: QPainter, option: QStyleOptionViewItem) -> None:
    """The frame around a selected row (its ground alone is too faint a cue)."""
    colour = QColor((DARK if is_dark(option.palette) else LIGHT).selected_frame)
    painter.save()
    painter.setPen(QPen(colour, 2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
    painter.restore()


class _LayoutDelegate(QStyledItemDelegate):
    """What both views' delegates share: the font, the find text, and a bounded cache of
    laid-out cells, dropped whenever what they show changes."""

    def __init__(self, parent: QObject | None = None) -> None:
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
    def palette_for(option: QStyleOptionViewItem) -> Palette:
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
    """A compare row: the gutter (labels, kind, score or jump, notes, travelled sentences)
    and the two versions' cells."""

    def cell(
        self, row: RowInfo, index: Index, side: int, width: int, palette: Palette
    ) -> QTextDocument:
        """The laid-out cell of one side of the row at ``index``."""

        def build() -> QTextDocument:
            body = self.cell_html(row, index, side, palette)
            return make_document(self.font, body, palette, width, 0)

        # (the palette is in the key: a theme switch makes new cells)
        return self._cached((row.key, side, width, palette.dark), build)

    def cell_html(self, row: RowInfo, index: Index, side: int, palette: Palette) -> str:
        """The HTML of one side of the row at ``index`` (with the find text marked)."""
        if row.marker:
            below = row.counterpart > index.row()
            return marker_html(row.alignment, row.link, side, palette, below, self.find)
        return side_html(row.alignment, row.link, side, palette, self.find)

    def _small_font(self) -> tuple[QFont, int]:
        small = QFont(self.font)
        small.setPointSizeF(max(7.0, self.font.pointSizeF() * 0.85))
        return small, QFontMetrics(small).lineSpacing()

    @staticmethod
    def _gutter_labels(row: RowInfo) -> str:
        al, lk = row.alignment, row.link
        if row.marker:
            return wording.marker_labels(al, lk)
        return f"{al.left.labels(lk.left)} → {al.right.labels(lk.right)}"

    @staticmethod
    def _labels_height(labels: str, font: QFont) -> int:
        flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
        return QFontMetrics(font).boundingRect(0, 0, GUTTER - 16, 1000, flags, labels).height()

    @staticmethod
    def moves_text(row: RowInfo) -> str:
        """The row's travelled sentences as gutter lines ("a sentence from ¶7")."""
        return "\n".join(wording.short_moves(list(row.moves)))

    def gutter_height(self, row: RowInfo) -> int:
        """The height the gutter needs: labels, kind, score or notes, travelled sentences."""
        small, step = self._small_font()
        moves = self.moves_text(row)
        return (
            self._labels_height(self._gutter_labels(row), small)
            + ((4 if row.notes else 2) + row.link.manual) * step
            + (self._labels_height(moves, small) + 4 if moves else 0)
        )

    @staticmethod
    def columns(rect_width: int) -> int:
        """The width of each version's column in a row ``rect_width`` wide."""
        return max(80, (rect_width - GUTTER - 4 * PAD) // 2)

    def least_height(self) -> int:
        """The height of a row with the least in its gutter (labels, kind and score)."""
        _, step = self._small_font()
        return 4 * step + 2 * PAD + 1

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        row: RowInfo | None = index.data(RowInfoRole)
        if row is None:
            return QSize(200, 20)
        width = option.rect.width() if option.rect.width() > 0 else 1000
        view = self.parent()
        viewport = getattr(view, "viewport", None)
        if callable(viewport):
            width = viewport().width()
        w = self.columns(width)
        palette = self.palette_for(option)
        h = max(
            self.cell(row, index, 0, w, palette).size().height(),
            self.cell(row, index, 1, w, palette).size().height(),
            self.gutter_height(row),
        )
        return QSize(max(200, width - 2), int(h) + 2 * PAD + 1)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row: RowInfo | None = index.data(RowInfoRole)
        if row is None:
            return
        palette = self.palette_for(option)
        rect = option.rect
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        base = option.palette.color(QPalette.ColorRole.Base)
        painter.fillRect(rect, _selected_fill(option) if selected else base)
        w = self.columns(rect.width())
        gutter = QRectF(rect.left(), rect.top(), GUTTER, rect.height())
        self._paint_gutter(painter, gutter, row, index.row(), palette)
        x_left = rect.left() + GUTTER + PAD
        x_right = x_left + w + 2 * PAD
        for side, x in ((0, x_left), (1, x_right)):
            cell = QRectF(x - PAD / 2, rect.top() + 2, w + PAD, rect.height() - 4)
            self._paint_background(painter, option, cell, row, side, palette)
            doc = self.cell(row, index, side, w, palette)
            painter.save()
            painter.translate(x, rect.top() + PAD)
            doc.drawContents(painter, QRectF(0, 0, w, rect.height()))
            painter.restore()
        painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        mid = x_right - PAD
        painter.drawLine(int(mid), rect.top(), int(mid), rect.bottom())
        if selected:
            _frame_selected(painter, option)
        painter.restore()

    def _paint_gutter(
        self, painter: QPainter, gutter: QRectF, row: RowInfo, row_number: int, palette: Palette
    ) -> None:
        """Labels, kind, and the score or the jump to a moved clause's other place."""
        al, lk = row.alignment, row.link
        colour = QColor(KIND_COLOURS[lk.kind])
        painter.fillRect(QRectF(gutter.left(), gutter.top(), 5, gutter.height()), colour)
        small, step = self._small_font()
        painter.setFont(small)
        painter.setPen(QColor(palette.muted))
        labels = self._gutter_labels(row)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        painter.drawText(gutter.adjusted(12, PAD, -4, 0), flags, labels)
        y = PAD + self._labels_height(labels, small)
        bold = QFont(small)
        bold.setBold(True)
        painter.setFont(bold)
        # (on a dark ground the kind's colour is lightened to stay readable as text)
        ink = colour.lighter(165) if palette.dark else colour
        painter.setPen(ink if lk.kind is not LinkKind.UNCHANGED else QColor(palette.muted))
        kind = wording.MOVED_AWAY if row.marker else wording.KIND_TEXT[lk.kind]
        painter.drawText(gutter.adjusted(12, y, -4, 0), Qt.AlignmentFlag.AlignLeft, kind)
        y += step
        if lk.manual and not row.marker:  # a user's correction, not the engine's answer
            painter.drawText(
                gutter.adjusted(12, y, -4, 0), Qt.AlignmentFlag.AlignLeft, wording.PAIRED_BY_HAND
            )
            y += step
        if lk.kind is LinkKind.MOVED:
            target = al.right.labels(lk.right) if row.marker else al.left.labels(lk.left)
            link_font = QFont(small)
            link_font.setUnderline(True)
            painter.setFont(link_font)
            painter.setPen(ink)
            jump = wording.moved_jump(row.marker, target, row.counterpart > row_number)
            painter.drawText(gutter.adjusted(12, y, -4, 0), Qt.AlignmentFlag.AlignLeft, jump)
        elif lk.kind.is_change and lk.left and lk.right:
            painter.setFont(small)
            painter.setPen(QColor(palette.muted))
            if row.case_only:
                score = wording.LETTER_CASE_ONLY
            elif lk.detail == "typography":  # (the same words: no score to give)
                score = wording.detail_text(lk.detail)
            else:
                score = f"{lk.score:.2f} {wording.detail_text(lk.detail)}"
            painter.drawText(gutter.adjusted(12, y, -4, 0), Qt.AlignmentFlag.AlignLeft, score)
        if row.notes:
            self._draw_notes_badge(painter, gutter, row.notes, y + step, small)
        moves = self.moves_text(row)
        if moves:  # sentences that came from or went to a clause this one is not linked to
            italic = QFont(small)
            italic.setItalic(True)
            painter.setFont(italic)
            painter.setPen(QColor(palette.travelled))
            top = y + step + (2 * step if row.notes else 0) + 2
            painter.drawText(gutter.adjusted(12, top, -4, 0), flags, moves)

    @staticmethod
    def _paint_background(
        painter: QPainter,
        option: QStyleOptionViewItem,
        cell: QRectF,
        row: RowInfo,
        side: int,
        palette: Palette,
    ) -> None:
        """Hatched where text is missing (a gap, an unknown side); shaded where a side is
        empty."""
        lk = row.link
        indices = () if row.marker and side == 1 else (lk.left if side == 0 else lk.right)
        doc = row.alignment.left if side == 0 else row.alignment.right
        if (indices and is_gap_side(doc, indices)) or (not indices and lk.kind is LinkKind.UNKNOWN):
            painter.fillRect(cell, QColor(palette.gap_bg))
            painter.fillRect(cell, QBrush(QColor(palette.muted), Qt.BrushStyle.BDiagPattern))
        elif not indices:
            painter.fillRect(cell, option.palette.color(QPalette.ColorRole.AlternateBase))

    @staticmethod
    def _draw_notes_badge(
        painter: QPainter, gutter: QRectF, notes: Sequence[PlacedNote], y: float, font: QFont
    ) -> None:
        """A note marker in the gutter: the status word in its colour, and the count."""
        status = min((p.note.status for p in notes), key=_STATUS_ORDER.index)
        colour = QColor(status_colour(status))
        label = ("✎ " + (status if status != "none" else "note")) + (
            f" +{len(notes) - 1}" if len(notes) > 1 else ""
        )
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        fm = QFontMetrics(bold)
        width = fm.horizontalAdvance(label) + 8
        box = QRectF(gutter.left() + 10, gutter.top() + y, width, fm.height() + 2)
        painter.setPen(QPen(colour, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(box, 3, 3)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)


class LineageDelegate(_LayoutDelegate):
    """A lineage cell: the clause, with its changes against the previous version."""

    def cell(self, cell: LineageCell, width: int, palette: Palette) -> QTextDocument:
        def build() -> QTextDocument:
            body = lineage_cell_html(cell.lineage, cell.family, cell.version, palette, self.find)
            return make_document(self.font, body, palette, width, 4)

        return self._cached((cell.number, cell.version, width, palette.dark), build)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        cell: LineageCell | None = index.data(CellRole)
        width = max(120, option.rect.width() or 300)
        if cell is None:
            return QSize(width, 20)
        doc = self.cell(cell, width, self.palette_for(option))
        return QSize(width, int(doc.size().height()) + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        cell: LineageCell | None = index.data(CellRole)
        if cell is None:
            return
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, _selected_fill(option))
        doc = self.cell(cell, option.rect.width(), self.palette_for(option))
        painter.translate(option.rect.topLeft())
        doc.drawContents(painter, QRectF(0, 0, option.rect.width(), option.rect.height()))
        painter.restore()
        if option.state & QStyle.StateFlag.State_Selected:
            _frame_selected(painter, option)

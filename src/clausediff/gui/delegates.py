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
from collections.abc import Callable
from dataclasses import dataclass

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

from clausediff.core.compare.brackets import link_bracket_state
from clausediff.core.compare.links import LinkKind
from clausediff.core.render import wording
from clausediff.core.render.brief import chips
from clausediff.core.render.html import is_gap_side, lineage_cell_html, marker_html, side_html
from clausediff.core.render.palette import DARK, KIND_COLOURS, LIGHT, Palette, status_colour
from clausediff.gui.lineage_models import LineageCell
from clausediff.gui.models import CellRole, RowInfo, RowInfoRole

Index = QModelIndex | QPersistentModelIndex
GUTTER = 118
#: Laid-out cells kept per view: a few screens' worth around wherever the user has been.
CACHE_SIZE = 4000
_LayoutCache = OrderedDict[tuple[int, int, int, bool], QTextDocument]
PAD = 8
#: Where the gutter's text starts (after the kind's bar) and the room kept at its right.
_TEXT_LEFT, _TEXT_RIGHT = 12, 4
#: The words the gutter shows on a line of their own: kinds (bold), scores and details.
_BOLD_WORDS = (*wording.KIND_TEXT.values(), wording.MOVED_AWAY)
_SCORE_WORDS = (
    wording.LETTER_CASE_ONLY,
    wording.detail_text("typography"),
    *(f"0.00 {d}" for d in ("trimmed", "expanded", "rewritten")),
)
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


def paint_missing(painter: QPainter, rect: QRectF, palette: Palette) -> None:
    """The hatching of a cell whose text a version does not hold (a gap, an unknown side)."""
    painter.fillRect(rect, QColor(palette.gap_bg))
    painter.fillRect(rect, QBrush(QColor(palette.muted), Qt.BrushStyle.BDiagPattern))


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21; text wants 4.5)."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


#: The grounds text is written on, light and dark (the views' base colour).
_GROUNDS = {False: QColor("#ffffff"), True: QColor("#1f1f1f")}


def kind_ink(kind: LinkKind, palette: Palette) -> QColor:
    """A kind's name as the gutter writes it: in the kind's colour, darkened on the light
    ground and lightened on the dark one until it reads as text (the pink of "moved" and
    the sky blue of "restructured" are too pale on white); unchanged in the muted grey."""
    if kind is LinkKind.UNCHANGED:
        return QColor(palette.muted)
    colour = QColor(KIND_COLOURS[kind])
    ground = _GROUNDS[palette.dark]
    for _ in range(12):
        if contrast(colour, ground) >= 4.5:
            break
        colour = colour.lighter(115) if palette.dark else colour.darker(115)
    return colour


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


@dataclass(frozen=True, slots=True)
class GutterLine:
    """A piece of a row's gutter: its text, font, colour, and where it is drawn."""

    text: str
    font: QFont
    pen: QColor
    rect: QRectF  # from the gutter's top left
    badge: bool = False  # a note's status, drawn in a box


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

    @property
    def gutter(self) -> int:
        """The gutter's width at this font: :data:`GUTTER`, or more where a kind or a score
        would not fit on its line at a larger size ("letter case only" is never cut)."""
        small, _ = self._small_font()
        bold = QFont(small)
        bold.setBold(True)
        widest = max(
            max(QFontMetrics(bold).horizontalAdvance(w) for w in _BOLD_WORDS),
            max(QFontMetrics(small).horizontalAdvance(w) for w in _SCORE_WORDS),
        )
        return max(GUTTER, widest + _TEXT_LEFT + _TEXT_RIGHT + 2)

    @staticmethod
    def _gutter_labels(row: RowInfo) -> str:
        al, lk = row.alignment, row.link
        if row.marker:
            return wording.marker_labels(al, lk)
        return f"{al.left.labels(lk.left)} → {al.right.labels(lk.right)}"

    def _text_height(self, text: str, font: QFont) -> int:
        flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
        width = self.gutter - _TEXT_LEFT - _TEXT_RIGHT
        return QFontMetrics(font).boundingRect(0, 0, width, 10000, flags, text).height()

    @staticmethod
    def moves_text(row: RowInfo) -> str:
        """The row's travelled sentences as gutter lines ("a sentence from ¶7")."""
        return "\n".join(wording.short_moves(list(row.moves)))

    def gutter_lines(self, row: RowInfo, row_number: int, palette: Palette) -> list[GutterLine]:
        """What the gutter of a row shows, top to bottom, each piece in the rectangle it is
        drawn in (from the gutter's top left): labels, kind, the score or the jump to a
        moved clause's other place, the notes badge, travelled sentences, flag chips (each
        framed, as a badge). Every piece wraps
        within the gutter's width, and its rectangle is as tall as its wrapped text."""
        al, lk = row.alignment, row.link
        small, step = self._small_font()
        bold = QFont(small)
        bold.setBold(True)
        width = self.gutter - _TEXT_LEFT - _TEXT_RIGHT
        ink = kind_ink(lk.kind, palette)
        muted = QColor(palette.muted)
        lines: list[GutterLine] = []
        y = float(PAD)

        def add(text: str, font: QFont, pen: QColor, *, badge: bool = False) -> None:
            nonlocal y
            height = self._text_height(text, font) + (2 if badge else 0)
            lines.append(GutterLine(text, font, pen, QRectF(_TEXT_LEFT, y, width, height), badge))
            y += height

        add(self._gutter_labels(row), small, muted)
        kind = wording.MOVED_AWAY if row.marker else wording.KIND_TEXT[lk.kind]
        add(kind, bold, ink)
        if lk.manual and not row.marker:  # a user's correction, not the engine's answer
            add(wording.PAIRED_BY_HAND, bold, ink)
        if lk.kind is LinkKind.MOVED:
            target = al.right.labels(lk.right) if row.marker else al.left.labels(lk.left)
            link_font = QFont(small)
            link_font.setUnderline(True)
            add(
                wording.moved_jump(row.marker, target, row.counterpart > row_number), link_font, ink
            )
        elif lk.kind.is_change and lk.left and lk.right:
            if row.case_only:
                score = wording.LETTER_CASE_ONLY
            elif lk.detail == "typography":  # (the same words: no score to give)
                score = wording.detail_text(lk.detail)
            else:
                score = f"{lk.score:.2f} {wording.detail_text(lk.detail)}"
            add(score, small, muted)
        else:
            y += step
        state = link_bracket_state(al, lk) if not row.marker else ""
        if state:  # (a draft's brackets: "partly bracketed", or "agreed" once lifted)
            add(state, small, muted)
        if row.notes:
            status = min((p.note.status for p in row.notes), key=_STATUS_ORDER.index)
            label = ("✎ " + (status if status != "none" else "note")) + (
                f" +{len(row.notes) - 1}" if len(row.notes) > 1 else ""
            )
            y += step // 2
            add(label, bold, QColor(status_colour(status)), badge=True)
        moves = self.moves_text(row)
        if moves:  # sentences that came from or went to a clause this one is not linked to
            italic = QFont(small)
            italic.setItalic(True)
            y += 2
            add(moves, italic, QColor(palette.travelled))
        for chip in chips(row.flags):  # the substantive-change flags, gravest first
            y += 3
            add(chip, small, QColor(palette.text), badge=True)
        return lines

    def gutter_height(self, row: RowInfo) -> int:
        """The height the gutter needs: labels, kind, score or notes, travelled sentences,
        flag chips."""
        lines = self.gutter_lines(row, 0, LIGHT)
        return int(lines[-1].rect.bottom()) if lines else 0

    def columns(self, rect_width: int) -> int:
        """The width of each version's column in a row ``rect_width`` wide."""
        return max(80, (rect_width - self.gutter - 4 * PAD) // 2)

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
        gutter = QRectF(rect.left(), rect.top(), self.gutter, rect.height())
        self._paint_gutter(painter, gutter, row, index.row(), palette)
        x_left = rect.left() + self.gutter + PAD
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
        """The kind's bar, then :meth:`gutter_lines` each in its rectangle."""
        colour = QColor(KIND_COLOURS[row.link.kind])
        painter.fillRect(QRectF(gutter.left(), gutter.top(), 5, gutter.height()), colour)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        for line in self.gutter_lines(row, row_number, palette):
            rect = line.rect.translated(gutter.topLeft())
            painter.setFont(line.font)
            if line.badge:  # a note: the status word in its colour, in a box
                fm = QFontMetrics(line.font)
                box = QRectF(
                    rect.left() - 2, rect.top(), fm.horizontalAdvance(line.text) + 8, rect.height()
                )
                painter.setPen(QPen(line.pen, 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(box, 3, 3)
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, line.text)
            else:
                painter.setPen(line.pen)
                painter.drawText(rect, flags, line.text)

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
            paint_missing(painter, cell, palette)
        elif not indices:
            painter.fillRect(cell, option.palette.color(QPalette.ColorRole.AlternateBase))


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

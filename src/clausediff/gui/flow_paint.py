"""The flow picture drawn by Qt: on screen, and as PNG for the export.

Both draw the same :class:`FlowLayout` (:mod:`clausediff.core.render.flow`) with the same ink
and legend as the SVG (:mod:`clausediff.core.render.flow_svg`). Needs a QGuiApplication
(the command line makes one offscreen); emits and listens to nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QTextDocument,
)

from clausediff.core.compare.lineage import Lineage
from clausediff.core.compare.links import LinkKind
from clausediff.core.render.flow import BlockKind, End, FlowLayout, FlowRibbon, layout_flow
from clausediff.core.render.flow_svg import LEGEND_NOTE, SWATCH, FlowInk, flow_ink, legend_places
from clausediff.core.render.palette import PRINT, Palette
from clausediff.core.store.review import PlacedNote


def ribbon_path(r: FlowRibbon) -> QPainterPath:
    xm = (r.x0 + r.x1) / 2
    path = QPainterPath(QPointF(r.x0, r.top0))
    path.cubicTo(QPointF(xm, r.top0), QPointF(xm, r.top1), QPointF(r.x1, r.top1))
    path.lineTo(QPointF(r.x1, r.bottom1))
    path.cubicTo(QPointF(xm, r.bottom1), QPointF(xm, r.bottom0), QPointF(r.x0, r.bottom0))
    path.closeSubpath()
    return path


def _hatch(ink: FlowInk) -> QBrush:
    return QBrush(QColor(ink.hatch), Qt.BrushStyle.BDiagPattern)


def paint_flow(
    painter: QPainter,
    layout: FlowLayout,
    palette: Palette,
    *,
    selected: str = "",
    focused: int = -1,
    font: QFont | None = None,
    exposed: QRectF | None = None,
) -> None:
    """Draw the picture at the painter's origin; ``selected`` family framed, block number
    ``focused`` (keyboard focus) outlined; only what meets ``exposed``, when given (a long
    lineage's picture is tens of thousands of pixels tall, and a window repaints a screenful)."""
    ink = flow_ink(palette)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(QRectF(0, 0, layout.width, layout.height), QColor(ink.background))
    base = QFont(font) if font is not None else QFont()
    base.setPixelSize(12)
    bold = QFont(base)
    bold.setBold(True)
    italic = QFont(base)
    italic.setItalic(True)
    fm = QFontMetricsF(base)
    painter.setFont(bold)
    painter.setPen(QColor(ink.text))
    for c in layout.columns:
        painter.drawText(QPointF(c.x, layout.body_top - 24), c.title)
    painter.setFont(base)
    painter.setPen(QColor(ink.muted))
    for c in layout.columns:
        painter.drawText(QPointF(c.x, layout.body_top - 9), c.subtitle)
    for r in layout.ribbons:
        if exposed is not None and not exposed.intersects(
            QRectF(
                r.x0,
                min(r.top0, r.top1),
                r.x1 - r.x0,
                max(r.bottom0, r.bottom1) - min(r.top0, r.top1),
            )
        ):
            continue
        path = ribbon_path(r)
        if r.uncertain:
            painter.fillPath(path, _hatch(ink))
            pen = QPen(QColor(ink.hatch), 1, Qt.PenStyle.DashLine)
            painter.strokePath(path, pen)
        else:
            colour, alpha = ink.ribbon(r.kind)
            fill = QColor(colour)
            fill.setAlphaF(alpha)
            painter.fillPath(path, fill)
            if r.kind is not LinkKind.UNCHANGED:
                painter.strokePath(path, QPen(QColor(colour), 1))
        if selected and r.family == selected:
            painter.strokePath(path, QPen(QColor(ink.selected), 2))
    for n, b in enumerate(layout.blocks):
        rect = QRectF(b.box.x, b.box.y, b.box.w, b.box.h)
        if exposed is not None and not exposed.intersects(rect.adjusted(-5, -5, 5, 5)):
            continue
        if b.kind is BlockKind.CLAUSE:
            painter.setPen(QPen(QColor(ink.block_edge), 1))
            painter.setBrush(QColor(ink.block))
            painter.drawRoundedRect(rect, 2, 2)
        elif b.kind is BlockKind.GAP:
            painter.fillRect(rect, QColor(ink.gap))
            painter.fillRect(rect, _hatch(ink))
            painter.setPen(QPen(QColor(ink.hatch), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
        else:
            painter.fillRect(rect, _hatch(ink))
            painter.setPen(QPen(QColor(ink.hatch), 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
        if b.start is End.NEW:
            painter.fillRect(QRectF(b.box.x, b.box.y, 4, b.box.h), QColor(ink.new_bar))
        if b.end is End.DROPPED:
            painter.fillRect(
                QRectF(b.box.x + b.box.w - 4, b.box.y, 4, b.box.h), QColor(ink.dropped_bar)
            )
        if b.family and b.family == selected:
            painter.setPen(QPen(QColor(ink.selected), 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(-1.5, -1.5, 1.5, 1.5))
        if n == focused:
            painter.setPen(QPen(QColor(ink.selected), 1.5, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(-4, -4, 4, 4))
        text_rect = rect.adjusted(7, 0, -7, 0)
        text_rect.setHeight(min(rect.height(), 28))
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.setPen(QColor(ink.text))
        if b.kind is BlockKind.CLAUSE:
            shift = QFontMetricsF(bold).horizontalAdvance(b.label + "  ")
            lines = int((rect.height() - 6) // fm.lineSpacing())
            if lines > 1:  # a tall block: its lead words wrapped over the lines it holds
                top = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                label = QRectF(rect.x() + 7, rect.y() + 4, shift, fm.lineSpacing())
                words = QRectF(rect.x() + 7 + shift, rect.y() + 4, text_rect.width() - shift,
                               lines * fm.lineSpacing())  # fmt: skip
                painter.setFont(bold)
                painter.drawText(label, top, b.label)
                painter.setFont(base)
                painter.drawText(words, top | Qt.TextFlag.TextWordWrap, b.words)
            else:
                painter.setFont(bold)
                painter.drawText(text_rect, flags, b.label)
                painter.setFont(base)
                words = text_rect.adjusted(shift, 0, 0, 0)
                elided = fm.elidedText(b.words, Qt.TextElideMode.ElideRight, words.width())
                painter.drawText(words, flags, elided)
        else:
            painter.setFont(italic)
            caption = (
                b.label if b.kind is BlockKind.GAP else f"{b.family}: may be in the missing text"
            )
            painter.fillRect(
                QRectF(text_rect.x() - 2, text_rect.center().y() - 7,
                       min(text_rect.width(), fm.horizontalAdvance(caption) + 4), 14),
                QColor(ink.background),
            )  # fmt: skip
            elided = fm.elidedText(caption, Qt.TextElideMode.ElideRight, text_rect.width())
            painter.drawText(text_rect, flags, elided)
    painter.setFont(QFont(bold))
    for m in layout.marks:
        w = QFontMetricsF(bold).horizontalAdvance(m.text) + 8
        box = QRectF(m.x - w / 2, m.y - 9, w, 18)
        painter.setPen(QPen(QColor(ink.text), 1))
        painter.setBrush(QColor(ink.background))
        painter.drawRoundedRect(box, 4, 4)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, m.text)
    _legend(painter, layout, ink, base)


def _legend(painter: QPainter, layout: FlowLayout, ink: FlowInk, font: QFont) -> None:
    painter.setFont(font)
    painter.setPen(QColor(ink.muted))
    painter.drawText(QPointF(14, layout.legend_top + 12), LEGEND_NOTE)
    w, h = SWATCH
    for key, words, x, y in legend_places(layout):
        box = QRectF(x, y, w, h)
        if key in ("unchanged", "changed"):
            colour, alpha = ink.ribbon(
                LinkKind.UNCHANGED if key == "unchanged" else LinkKind.MODIFIED
            )
            fill = QColor(colour)
            fill.setAlphaF(alpha)
            painter.fillRect(box, fill)
            if key == "changed":
                painter.setPen(QPen(QColor(colour), 1))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(box)
        elif key in ("gap", "uncertain"):
            if key == "gap":
                painter.fillRect(box, QColor(ink.gap))
            painter.fillRect(box, _hatch(ink))
            style = Qt.PenStyle.SolidLine if key == "gap" else Qt.PenStyle.DashLine
            painter.setPen(QPen(QColor(ink.hatch), 1, style))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(box)
        else:
            painter.setPen(QPen(QColor(ink.block_edge), 1))
            painter.setBrush(QColor(ink.block))
            painter.drawRect(box)
            bar_x = x if key == "new" else x + w - 4
            painter.fillRect(QRectF(bar_x, y, 4, h),
                             QColor(ink.new_bar if key == "new" else ink.dropped_bar))  # fmt: skip
        painter.setPen(QColor(ink.muted))
        painter.drawText(QPointF(x + w + 6, y + 10), words)


#: The most pixels a flow image holds (about 160 MB at four bytes a pixel): a lineage of
#: thousands of clauses is drawn at a smaller scale rather than asking for gigabytes.
MAX_IMAGE_PIXELS = 40_000_000


def flow_image(layout: FlowLayout, palette: Palette, scale: float = 2.0) -> QImage:
    """The picture drawn at ``scale`` (less, where that would pass
    :data:`MAX_IMAGE_PIXELS`)."""
    area = max(1.0, layout.width * layout.height)
    scale = min(scale, (MAX_IMAGE_PIXELS / area) ** 0.5)
    image = QImage(
        int(layout.width * scale), int(layout.height * scale), QImage.Format.Format_ARGB32
    )
    image.setDevicePixelRatio(scale)
    painter = QPainter(image)
    try:
        paint_flow(painter, layout, palette)
    finally:
        painter.end()
    return image


#: The inline picture of the HTML lineage export (:func:`flow_section_html`).
_INLINE_SVG = re.compile(r'<div class="flow">(<svg .*?</svg>)</div>', re.DOTALL)
_FLOW_IMAGE = "clausediff-flow.png"


def flow_as_image(
    doc: QTextDocument, html: str, width: float, lineage: Lineage | None, dpi: float = 96.0
) -> str:
    """The HTML export for Qt's rich text: its inline flow picture (which Qt would show as
    loose words) drawn by Qt from the same lineage, given to ``doc`` as an image resource,
    as wide as the page (``width`` in pixels of a device of ``dpi``; Qt sizes an image in
    pixels of 96 to the inch)."""
    found = _INLINE_SVG.search(html)
    if found is None or lineage is None:
        return _INLINE_SVG.sub("", html)
    layout = layout_flow(lineage)
    doc.addResource(
        QTextDocument.ResourceType.ImageResource, QUrl(_FLOW_IMAGE), flow_image(layout, PRINT, 3)
    )
    shown = width * 96.0 / dpi
    high = shown * layout.height / layout.width
    img = f'<img src="{_FLOW_IMAGE}" width="{shown:.0f}" height="{high:.0f}"/>'
    return html[: found.start()] + img + html[found.end() :]


def write_png(
    lineage: Lineage, path: Path, notes: Sequence[PlacedNote] | None = None, theme: str = ""
) -> None:
    """The session's PNG writer: the picture on paper colours (``theme`` "dark": the dark
    palette); the notes are not part of the picture."""
    from clausediff.core.render.palette import DARK

    del notes
    image = flow_image(layout_flow(lineage), DARK if theme == "dark" else PRINT)
    if not image.save(str(path), "PNG"):  # type: ignore[call-overload]  # (the stubs want bytes, PySide6 a str)
        raise OSError(f"{path.name} could not be written")


def write_png_headless(
    lineage: Lineage, path: Path, notes: Sequence[PlacedNote] | None = None, theme: str = ""
) -> None:
    """The PNG writer of the command line: drawn offscreen, no window needed."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(["clausediff"])
    write_png(lineage, path, notes, theme)

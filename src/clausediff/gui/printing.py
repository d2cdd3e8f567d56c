"""PDF export and printing, drawn by Qt from the HTML export.

Both lay out the same document (:func:`clausediff.core.render.export.export_html`, whose clause
text is escaped and which refers to nothing outside itself) on pages of the chosen size,
with a header naming the versions (symbols and dates) and "Page n of m" at the foot.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from clausediff.core.compare.lineage import Lineage
from clausediff.core.render.export import export_html
from clausediff.core.store.review import PlacedNote
from clausediff.gui.flow_paint import flow_as_image

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


def header_text(lineage: Lineage) -> str:
    return "  →  ".join(
        f"{d.info.symbol or d.info.label} ({d.info.date or 'no date'})" for d in lineage.versions
    )


def _document(
    html: str, width: float, device: QPagedPaintDevice, lineage: Lineage | None = None
) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)  # measure fonts at the device's resolution
    font = QFont()
    font.setPointSizeF(9.5)
    # no ligatures: the text layer then holds "fi" as two letters, as the clause does
    # (a "ﬁ" glyph reads back as U+FB01, and "confidential" is not found in it)
    for tag in ("liga", "clig"):
        font.setFeature(QFont.Tag(tag), 0)
    doc.setDefaultFont(font)
    # (Qt's rich text draws no inline SVG: the picture goes in as an image Qt drew)
    html = flow_as_image(doc, html, width, lineage, device.logicalDpiX())
    doc.setHtml(html)  # escaped clause text; no external references to load
    doc.setTextWidth(width)
    return doc


def render(
    device: QPagedPaintDevice,
    lineage: Lineage,
    notes: Sequence[PlacedNote] | None = None,
) -> int:
    """Draw the export on ``device`` (a QPdfWriter or a QPrinter); returns the page count."""
    painter = QPainter(device)
    try:
        rect = device.pageLayout().paintRectPixels(device.logicalDpiY())
        width, height = float(rect.width()), float(rect.height())
        small = QFont()
        small.setPointSizeF(8)
        fm = QFontMetricsF(small, device)
        band = fm.lineSpacing() * 2.2
        body = QRectF(0, band, width, height - 2 * band)
        doc = _document(export_html(lineage, notes), width, device, lineage)
        doc.setPageSize(QSizeF(width, body.height()))
        pages = doc.pageCount()
        top = header_text(lineage)
        for page in range(pages):
            if page:
                device.newPage()
            painter.setFont(small)
            painter.setPen(Qt.GlobalColor.darkGray)
            painter.drawText(
                QRectF(0, 0, width, band), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                fm.elidedText(top, Qt.TextElideMode.ElideRight, width),
            )  # fmt: skip
            painter.drawText(
                QRectF(0, height - band, width, band),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                f"Page {page + 1} of {pages}",
            )
            painter.save()
            painter.translate(0, band - page * body.height())
            clip = QRectF(0, page * body.height(), width, body.height())
            doc.drawContents(painter, clip)
            painter.restore()
        return pages
    finally:
        painter.end()


def export_pdf(
    lineage: Lineage,
    path: Path,
    notes: Sequence[PlacedNote] | None = None,
    *,
    page_size: str = "a4",
) -> int:
    """Write the export as a PDF of A4 or Letter pages; returns the page count."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(PAGE_SIZES.get(page_size.lower(), QPageSize.PageSizeId.A4)))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(header_text(lineage))
    writer.setCreator("ClauseDiff")
    return render(writer, lineage, notes)

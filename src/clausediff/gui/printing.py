"""PDF export and printing, drawn by Qt from the HTML export.

Both lay out the same document (:func:`clausediff.core.render.export.export_html`, whose clause
text is escaped and which refers to nothing outside itself) on pages of the chosen size,
with a header naming the versions (symbols and dates) and "Page n of m" at the foot.

One code path for both: :func:`render` lays the document out once at :data:`LAYOUT_DPI` on
the device's page layout, whatever the device (a :class:`QPdfWriter`, the printer of the
print preview), cuts it into pages (:func:`paginate`) and draws each page scaled to the
device, so the preview shows the pages of the PDF, line for line. The cuts fall between
rows of a table; a row that does not fit on the rest of a page is moved whole to the next,
unless that would leave more than a third of the page empty: then it is cut between two
lines of text, as is a row taller than a page. A heading stays with what follows it, a
version's source line with its version, a clause's notes with the clause; a table that runs
on to the next page repeats its heading row there.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QLocale, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

from clausediff.core.compare.lineage import Lineage
from clausediff.core.render.export import export_html
from clausediff.core.store.review import PlacedNote
from clausediff.gui.flow_paint import flow_as_image
from clausediff.session.exporting import DEFAULT_PAGE_SIZE, page_size_for

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
#: The page margins, in millimetres.
MARGIN_MM = 15.0
#: The resolution the pages are laid out at, whatever the device draws them at.
LAYOUT_DPI = 300
#: A row that does not fit on the rest of a page goes whole to the next page if that leaves
#: at most this share of the page empty; with more room left, it starts where it stands and
#: is cut between two lines (a row of up to a third of a page is never cut).
KEEP_ROOM = 1 / 3
#: How far below a cut between two rows a page still draws: the rule under its last row.
RULE = LAYOUT_DPI / 96 * 1.5


def page_layout(page_size: str = DEFAULT_PAGE_SIZE) -> QPageLayout:
    """The pages of the PDF and of printing: A4 or Letter, portrait, 15 mm margins."""
    size = QPageSize(PAGE_SIZES.get(page_size.lower(), QPageSize.PageSizeId.A4))
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter)


def locale_page_size(locale: QLocale | None = None) -> str:
    """The paper of the system's locale (or ``locale``): ``"letter"`` or ``"a4"``."""
    locale = locale if locale is not None else QLocale()  # (the system's, unless set)
    return page_size_for(QLocale.territoryToCode(locale.territory()))


def header_text(lineage: Lineage) -> str:
    return "  →  ".join(
        f"{d.info.symbol or d.info.label} ({d.info.date or 'no date'})" for d in lineage.versions
    )


@dataclass(frozen=True, slots=True)
class Page:
    """A page: the stretch ``top``–``bottom`` of the laid-out document, under the heading
    row (``head_top``–``head_bottom``) of a table that runs on from the page before, if any.
    Lengths are pixels at :data:`LAYOUT_DPI`."""

    top: float
    bottom: float
    head_top: float = 0.0
    head_bottom: float = 0.0
    #: drawn below ``bottom`` as well: the rule under the page's last row
    edge: float = 0.0

    @property
    def head_height(self) -> float:
        return self.head_bottom - self.head_top


@dataclass(frozen=True, slots=True)
class _Unit:
    """What a page may not cut through when it fits: a block outside tables or a table row."""

    top: float  # (of its text)
    bottom: float
    glued: bool  # stays on the page of the unit before it
    table: int  # the table it is a row of (-1: none)
    row: int


def _document(
    html: str, width: float, device: QPagedPaintDevice, lineage: Lineage | None = None
) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)  # measure fonts at the layout's resolution
    font = QFont()
    font.setPointSizeF(9.5)
    # no ligatures: the text layer then holds "fi" as two letters, as the clause does
    # (a "ﬁ" glyph reads back as U+FB01, and "confidential" is not found in it)
    for tag in ("liga", "clig"):
        font.setFeature(QFont.Tag(tag), 0)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)  # (the page has its margins)
    # (Qt's rich text draws no inline SVG: the flow picture goes in as an image Qt drew)
    html = flow_as_image(doc, html, width, lineage, device.logicalDpiX())
    doc.setHtml(html)  # escaped clause text; no external references to load
    doc.setTextWidth(width)  # one long page: the cuts are made by paginate()
    return doc


def _blocks(doc: QTextDocument) -> list[QTextBlock]:
    out, block = [], doc.begin()
    while block.isValid():
        out.append(block)
        block = block.next()
    return out


def _units(
    doc: QTextDocument,
) -> tuple[list[_Unit], list[tuple[float, float]], list[float]]:
    """The units of the laid-out document in order, every line of text (top, bottom), and
    the places a page must end (under a block asking for a page break after it: the brief's
    page)."""
    layout = doc.documentLayout()
    tables: list[QTextTable] = []
    rows: dict[tuple[int, int], list[float]] = {}  # (table, row) -> [top, bottom, glued]
    order: list[tuple[int, int]] = []
    units: list[_Unit] = []
    lines: list[tuple[float, float]] = []
    after_heading = False
    forced: list[float] = []
    always_after = QTextFormat.PageBreakFlag.PageBreak_AlwaysAfter
    for block in _blocks(doc):
        rect = layout.blockBoundingRect(block)
        if block.blockFormat().pageBreakPolicy() & always_after:
            forced.append(rect.bottom())
        text_layout = block.layout()
        for n in range(text_layout.lineCount()):
            line = text_layout.lineAt(n).rect().translated(rect.topLeft())
            lines.append((line.top(), line.bottom()))
        table = QTextCursor(block).currentTable()
        if table is None:
            if not block.text().strip():
                continue  # an empty block between tables stays with what follows
            units.append(_Unit(rect.top(), rect.bottom(), after_heading, -1, -1))
            after_heading = block.blockFormat().headingLevel() > 0
            continue
        t = next((k for k, known in enumerate(tables) if known == table), -1)
        if t < 0:
            tables.append(table)
            t = len(tables) - 1
        cell = table.cellAt(QTextCursor(block))
        key = (t, cell.row())
        if key not in rows:
            # the heading row stays with what is above it (a heading), the first row with it
            rows[key] = [rect.top(), rect.bottom(), float(after_heading or cell.row() == 1)]
            order.append(key)
            after_heading = False
        rows[key][0] = min(rows[key][0], rect.top())
        rows[key][1] = max(rows[key][1], rect.bottom())
        if cell.columnSpan() > 1 and cell.row() > 0:
            rows[key][2] = 1.0  # a row with a wide cell (a source, notes): with the row above
    for key in order:
        top, bottom, glued = rows[key]
        units.append(_Unit(top, bottom, bool(glued), *key))
    units.sort(key=lambda u: u.top)
    return units, lines, forced


def paginate(doc: QTextDocument, height: float) -> list[Page]:
    """The pages of a laid-out document whose page body is ``height`` high."""
    end = doc.documentLayout().documentSize().height()
    units, lines, forced = _units(doc)
    lines.sort()
    tops = [top for top, _ in lines]
    # where a page may end: between two units, halfway across the space between them
    cuts = [
        (a.bottom + b.top) / 2
        for a, b in itertools.pairwise(units)
        if not b.glued and b.top >= a.bottom
    ]
    heads: dict[int, tuple[float, float, float]] = {}  # a table's heading row, and its end
    for k, u in enumerate(units):
        if u.table >= 0 and u.row == 0:
            above = units[k - 1].bottom if k else 0.0
            below = units[k + 1].top if k + 1 < len(units) else u.bottom
            last = max(v.bottom for v in units if v.table == u.table)
            heads[u.table] = ((above + u.top) / 2, (u.bottom + below) / 2, last)

    def line_cut(low: float, high: float) -> float:
        """The lowest place in ``low``–``high`` that crosses no line of text (else ``low``)."""
        near = lines[bisect.bisect_left(tops, low - height) : bisect.bisect_right(tops, high)]
        for y in sorted({b for _, b in near if low < b <= high}, reverse=True):
            if not any(top + 0.5 < y < bottom - 0.5 for top, bottom in near):
                return y
        return low

    pages: list[Page] = []
    top, head = 0.0, (0.0, 0.0)
    while True:
        limit = top + height - (head[1] - head[0])
        asked = [f for f in forced if top < f <= limit and f < end]
        if asked:  # a page that must end here (what follows starts a page)
            pages.append(Page(top, asked[0], *head))
            top, head = asked[0], (0.0, 0.0)
            continue
        if end <= limit:
            pages.append(Page(top, end, *head))
            return pages
        # the last place between two units on this page: the unit after it does not fit
        at = bisect.bisect_right(cuts, limit) - 1
        last = cuts[at] if at >= 0 and cuts[at] > top else top
        cut = last
        if limit - last > KEEP_ROOM * height:  # too much room left: cut inside that unit
            cut = line_cut(last, limit)
        if cut <= top:  # (a line taller than a page)
            cut = limit
        pages.append(Page(top, cut, *head, edge=RULE if cut == last else 0.0))
        top = cut
        head = next(((t, b) for t, b, last in heads.values() if b < cut < last), (0.0, 0.0))


def render(
    device: QPagedPaintDevice,
    lineage: Lineage,
    notes: Sequence[PlacedNote] | None = None,
) -> int:
    """Draw the export on ``device`` (a QPdfWriter or a QPrinter) on its page layout;
    returns the page count. The same pages on every device (see the module contract)."""
    buffer = QBuffer()
    measure = QPdfWriter(buffer)  # never painted on: its fonts measure the text
    measure.setResolution(LAYOUT_DPI)
    measure.setPageLayout(device.pageLayout())
    rect = device.pageLayout().paintRectPixels(LAYOUT_DPI)
    width, height = float(rect.width()), float(rect.height())
    small = QFont()
    small.setPointSizeF(8)
    fm = QFontMetricsF(small, measure)
    band = fm.lineSpacing() * 2.2
    doc = _document(export_html(lineage, notes), width, measure, lineage)
    pages = paginate(doc, height - 2 * band)
    top = header_text(lineage)
    painter = QPainter(device)
    try:
        painter.scale(device.logicalDpiX() / LAYOUT_DPI, device.logicalDpiY() / LAYOUT_DPI)
        for n, page in enumerate(pages):
            if n:
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
                f"Page {n + 1} of {len(pages)}",
            )
            y = band
            if page.head_height:
                _draw(painter, doc, page.head_top, page.head_bottom, y, width)
                y += page.head_height
            _draw(painter, doc, page.top, page.bottom + page.edge, y, width)
        return len(pages)
    finally:
        painter.end()


def _draw(
    painter: QPainter, doc: QTextDocument, top: float, bottom: float, at: float, width: float
) -> None:
    """The stretch ``top``–``bottom`` of ``doc``, drawn from ``at`` down."""
    painter.save()
    painter.translate(0, at - top)
    doc.drawContents(painter, QRectF(0, top, width, bottom - top))
    painter.restore()


def export_pdf(
    lineage: Lineage,
    path: Path,
    notes: Sequence[PlacedNote] | None = None,
    *,
    page_size: str = DEFAULT_PAGE_SIZE,
) -> int:
    """Write the export as a PDF of A4 or Letter pages; returns the page count."""
    writer = QPdfWriter(str(path))
    writer.setPageLayout(page_layout(page_size))
    writer.setResolution(LAYOUT_DPI)
    writer.setTitle(header_text(lineage))
    writer.setCreator("ClauseDiff")
    return render(writer, lineage, notes)

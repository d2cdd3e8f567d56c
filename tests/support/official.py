"""Official-looking renderings of the bundled 2013 decision, built by the tests themselves.

Each carries a WTO-style header block (organisation, symbols, date, job number, body and
session lines, "Original: English") above the decision text, as the WTO's documents do.
"""

from __future__ import annotations

import re
from pathlib import Path

from clausediff.core.read.bundled import load_bundled

HEADER_LEFT = ["WORLD TRADE", "ORGANIZATION"]
HEADER_RIGHT = ["WT/MIN(13)/32", "WT/L/907", "11 December 2013", "(13-6733)"]
SESSION = ["Ministerial Conference", "Ninth Session", "Bali, 3-6 December 2013"]
ORIGINAL = "Original: English"
HEADER_LINES = [*HEADER_LEFT, *HEADER_RIGHT, *SESSION, ORIGINAL]


def decision_paragraphs() -> list[str]:
    """The 2013 decision after its session heading, paragraph by paragraph, as plain text."""
    doc = load_bundled("WT/MIN(13)/32")
    return [c.text for c in doc.clauses[1:]]


def _runs(text: str) -> list[tuple[str, bool]]:
    """(text, italic) runs: the bundled file marks *inter alia* in Markdown."""
    doc = load_bundled("WT/MIN(13)/32")
    clause = next(c for c in doc.clauses if c.text == text)
    out, pos = [], 0
    for e in clause.emphasis:
        out.append((text[pos : e.span.start], False))
        out.append((text[e.span.start : e.span.end], True))
        pos = e.span.end
    out.append((text[pos:], False))
    return [(t, i) for t, i in out if t]


def build_docx(path: Path, *, extra: list[str] | None = None) -> Path:
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.text = HEADER_LEFT[0]
    left.add_paragraph(HEADER_LEFT[1])
    right.text = HEADER_RIGHT[0]
    for line in HEADER_RIGHT[1:]:
        right.add_paragraph(line)
    for line in SESSION:
        document.add_paragraph(line)
    document.add_paragraph(ORIGINAL)
    for text in decision_paragraphs():
        para = document.add_paragraph()
        for run_text, italic in _runs(text):
            run = para.add_run(run_text)
            run.italic = italic
    for text in extra or []:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def words(text: str) -> list[str]:
    return re.findall(r"\S+", text)


def build_pdf(path: Path, *, pages_of_padding: int = 0) -> Path:
    """The same rendering as a PDF, made with Qt's QPdfWriter (needs a QApplication).

    Lines are laid out with QTextLayout and each is drawn on exactly one page, as a word
    processor does. With ``pages_of_padding``, the text is set large enough to run over
    several pages, each with a running header (the symbols) and a page number.
    """
    from PySide6.QtCore import QMarginsF, QPointF
    from PySide6.QtGui import (
        QFont,
        QFontMetricsF,
        QPageLayout,
        QPageSize,
        QPainter,
        QPdfWriter,
        QTextCharFormat,
        QTextLayout,
    )

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(20, 25, 20, 25), QPageLayout.Unit.Millimeter)
    writer.setResolution(96)
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    width, height = float(rect.width()), float(rect.height())
    font = QFont("DejaVu Sans")
    font.setPointSizeF(20 if pages_of_padding else 10.5)
    bold = QFont(font)
    bold.setBold(True)
    small = QFont(font)
    small.setPointSizeF(8)
    step = QFontMetricsF(font).lineSpacing()
    painter = QPainter(writer)
    page = [1]
    top = 3 * step if pages_of_padding else 0.0
    bottom = height - (3 * step if pages_of_padding else 0.0)
    y = [top]

    def furniture() -> None:
        if not pages_of_padding:
            return
        painter.setFont(small)
        running = "WT/MIN(13)/32 • WT/L/907"
        fm = QFontMetricsF(small)
        painter.drawText(QPointF(width - fm.horizontalAdvance(running), fm.ascent()), running)
        number = f"- {page[0]} -"
        painter.drawText(
            QPointF((width - fm.horizontalAdvance(number)) / 2, height - fm.descent()), number
        )

    def new_page() -> None:
        writer.newPage()
        page[0] += 1
        y[0] = top
        furniture()

    def line_at(text: str, f: QFont, right: bool = False, dy: float = 0.0) -> None:
        painter.setFont(f)
        fm = QFontMetricsF(f)
        x = width - fm.horizontalAdvance(text) if right else 0.0
        painter.drawText(QPointF(x, y[0] + dy + fm.ascent()), text)

    def paragraph(runs: list[tuple[str, bool]], f: QFont) -> None:
        text = "".join(t for t, _ in runs)
        layout = QTextLayout(text, f)
        formats, pos = [], 0
        for t, italic in runs:
            if italic:
                fmt = QTextCharFormat()
                fmt.setFontItalic(True)
                r = QTextLayout.FormatRange()
                r.start, r.length, r.format = pos, len(t), fmt
                formats.append(r)
            pos += len(t)
        layout.setFormats(formats)
        layout.beginLayout()
        lines = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            lines.append(line)
        layout.endLayout()
        for line in lines:
            if y[0] + line.height() > bottom:
                new_page()
            line.draw(painter, QPointF(0, y[0] - line.y()))
            y[0] += line.height()
        y[0] += step  # the space after a paragraph: a blank line

    furniture()
    # the header block: two columns, then the session lines, then "Original"
    for k in range(max(len(HEADER_LEFT), len(HEADER_RIGHT))):
        if k < len(HEADER_LEFT):
            line_at(HEADER_LEFT[k], bold)
        if k < len(HEADER_RIGHT):
            line_at(HEADER_RIGHT[k], bold if k < 2 else font, right=True)
        y[0] += step
    y[0] += step
    for line in SESSION:
        line_at(line, font)
        y[0] += step
    y[0] += step
    line_at(ORIGINAL, font, right=True)
    y[0] += 2 * step
    for text in decision_paragraphs():
        paragraph(_runs(text), font)
    painter.end()
    return path

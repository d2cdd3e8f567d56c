"""Official-looking renderings of the bundled 2013 decision, built by the tests themselves.

Each carries a WTO-style header block (organisation, symbols, date, job number, body and
session lines, "Original: English") above the decision text, as the WTO's documents do.
"""

from __future__ import annotations

import re
from pathlib import Path

from clausediff.core.documents import load_bundled

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

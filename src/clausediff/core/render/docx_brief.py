"""The brief in a Word file: a section of its own, outside the tracked text.

Contract: :func:`add_brief` appends to a python-docx document, on a new page, the brief of
an alignment (:mod:`clausediff.core.render.brief`): a heading, the versions, the counts and a
table of the flagged changes (severity, kind, clause, what changed, before → after), as plain
paragraphs and cells, never tracked changes: accepting or rejecting the redline's changes
leaves it alone. Text goes through :func:`~clausediff.core.render.wordml.word_safe`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clausediff.core.compare.flags import alignment_flags
from clausediff.core.compare.links import Alignment
from clausediff.core.render.brief import SEVERITY_SIGN, build_brief, counts_line, snippet
from clausediff.core.render.wording import provenance_line
from clausediff.core.render.wordml import word_safe

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

#: The heading that opens the brief's section.
BRIEF_HEADING = "Brief: the flagged changes"


def add_brief(document: WordDocument, al: Alignment) -> None:
    """Append the brief of ``al`` on a page of its own; see the module contract."""
    brief = build_brief(al, alignment_flags(al))
    heading = document.add_heading(BRIEF_HEADING, level=1)
    heading.paragraph_format.page_break_before = True
    old, new = brief.versions
    document.add_paragraph(word_safe(f"Older: {provenance_line(old)}"))
    document.add_paragraph(word_safe(f"Newer: {provenance_line(new)}"))
    document.add_paragraph(
        word_safe(
            f"Clauses: {counts_line(brief)}. Flagged changes: {len(brief.items)}"
            + (f" ({brief.unflagged} other changed links carry no flag)" if brief.unflagged else "")
            + ". Every change, flagged or not, is in the text before this section. This "
            "section is not part of either version."
        )
    )
    if not brief.items:
        document.add_paragraph("No change was flagged.")
        return
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, words in zip(
        table.rows[0].cells,
        ("Severity", "Kind", "Clause", "What changed", "Before → after"),
        strict=True,
    ):
        cell.text = words
    for item in brief.items:
        f = item.flag
        where = f" ({f.where})" if f.where else ""
        cells = table.add_row().cells
        values = (
            f"{SEVERITY_SIGN[f.severity]} {f.severity.value}",
            f.category.value,
            item.label,
            f.text + where,
            f"{snippet(f.before)} → {snippet(f.after)}",
        )
        for cell, value in zip(cells, values, strict=True):
            cell.text = word_safe(value)

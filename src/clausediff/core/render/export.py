"""Exports of a comparison (two versions) or a lineage (several): HTML and CSV here; the Word
redline in :mod:`clausediff.core.render.docx_redline`, the Word report in
:mod:`clausediff.core.render.docx_report`.

Contract: every function takes a :class:`Lineage` (two versions make a comparison) and,
optionally, notes placed on it (:func:`clausediff.core.store.review.attach_notes`), and writes
text exactly as the versions hold it. Clause text is always escaped: a clause that reads
``<img src="http://…">`` or ``&amp;`` exports as those characters, never as markup, and
nothing in an export refers to anything outside it.

- :func:`export_html`: one self-contained page (inline style, no scripts, no external
  references), printable, with a legend and the provenance of every version.
- :func:`export_csv`: the lineage table, one family a row, one version a column; every cell
  holds the exact text, but that a cell a spreadsheet would run as a formula opens with a
  single quote (:func:`spreadsheet_cell`).

The PDF export and printing are drawn by Qt from the HTML (:mod:`clausediff.gui.printing`).
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Sequence

from clausediff import __version__
from clausediff.core.compare.lineage import Lineage
from clausediff.core.model import Document
from clausediff.core.render import wording
from clausediff.core.render.brief import brief_css, brief_page_html
from clausediff.core.render.flow_svg import flow_section_html
from clausediff.core.render.html import (
    lineage_cell_html,
    notes_html,
    plain_html,
    runs_html,
    side_html,
)
from clausediff.core.render.palette import PRINT, Palette
from clausediff.core.render.redline import Mark, Run
from clausediff.core.render.wording import sentence_moves, short_moves
from clausediff.core.store.placement import link_notes, notes_by_family
from clausediff.core.store.review import PlacedNote

#: The formats: HTML, PDF (drawn by Qt from the HTML), the Word redline (the document, with
#: tracked changes), the Word report (the findings, a paragraph a link) and the CSV table.
FORMATS = ("html", "pdf", "docx", "docx-report", "csv", "svg", "png")

#: The opening characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(text: str) -> str:
    """A CSV cell a spreadsheet reads as text: a cell opening with ``=``, ``+``, ``-``, ``@``,
    a tab or a carriage return gets a single quote before it (the one change to the exact
    text, so that no cell is run as a formula); any other cell is as it was."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


# --------------------------------------------------------------------------- HTML


def _css(p: Palette) -> str:
    return f"""
body {{ font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 10pt;
       color: {p.text}; margin: 1.5em; line-height: 1.4; }}
h1 {{ font-size: 16pt; margin-bottom: 0.2em; }}
h2 {{ font-size: 13pt; margin-top: 1.6em; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 1px solid {p.rule}; padding: 6px 8px; vertical-align: top; text-align: left; }}
th {{ background: {p.header_bg}; }}
td.kind {{ white-space: nowrap; font-size: 9pt; color: {p.muted}; }}
td.labels {{ font-size: 9pt; color: {p.muted}; }}
del {{ color: {p.deleted_fg}; background: {p.deleted_bg}; text-decoration: line-through; }}
ins {{ color: {p.inserted_fg}; background: {p.inserted_bg}; text-decoration: underline; }}
.gap {{ color: {p.gap_fg}; font-style: italic; background: {p.gap_bg}; }}
.unknown {{ color: {p.gap_fg}; font-style: italic; }}
.travelled {{ color: {p.travelled}; font-style: italic; white-space: normal; }}
.note {{ font-size: 9.5pt; margin-top: 4px; }}
.legend span {{ margin-right: 1.5em; }}
.provenance td {{ font-size: 9.5pt; }}
.flow svg {{ max-width: 100%; height: auto; }}
@media print {{ body {{ margin: 0; }} tr {{ page-break-inside: avoid; }} }}
"""


def _provenance_html(lineage: Lineage) -> str:
    rows = []
    for v, doc in enumerate(lineage.versions):
        info = doc.info
        complete = "complete" if doc.is_complete else "excerpt (gaps marked)"
        sources = ", ".join(info.sources) or info.path or "—"
        rows.append(
            "<tr>"
            + "".join(
                f"<td>{html.escape(str(x))}</td>"
                for x in (
                    f"v{v}",
                    info.label,
                    info.symbol or "—",
                    info.date or "—",
                    info.body or "—",
                    complete,
                    sources,
                    info.sha256[:12] + "…" if info.sha256 else "—",
                )
            )
            + "</tr>"
        )
    head = "".join(
        f'<th width="{w}%">{h}</th>'
        for h, w in (
            ("", 4), ("Version", 13), ("Symbol", 15), ("Date", 10), ("Body", 20), ("Text", 10),
            ("Source", 16), ("SHA-256", 12),
        )
    )  # fmt: skip
    return f'<table class="provenance"><tr>{head}</tr>{"".join(rows)}</table>'


def export_html(
    lineage: Lineage, notes: Sequence[PlacedNote] | None = None, *, title: str = ""
) -> str:
    """The comparison (two versions) or the lineage (more) as one self-contained page."""
    by_family = notes_by_family(notes)
    versions = lineage.versions
    heading = title or (
        f"{versions[0].info.label} → {versions[-1].info.label}"
        if len(versions) == 2
        else "Lineage: " + " → ".join(d.info.label for d in versions)
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8"/>',
        f"<title>{html.escape(heading)}</title>",
        f"<style>{_css(PRINT)}{brief_css(PRINT)}</style></head><body>",
        brief_page_html(lineage.pairs[0]) if len(versions) == 2 else "",  # (the first page)
        f"<h1>{html.escape(heading)}</h1>",
        '<p class="legend">Legend: '
        + runs_html([Run("struck through", Mark.DELETED)], PRINT)
        + " deleted &#160;·&#160; "
        + runs_html([Run("underlined", Mark.INSERTED)], PRINT)
        + " inserted &#160;·&#160; "
        + plain_html("grey italics", PRINT, italic=True, css_class="gap")
        + " text not available in that version</p>",
        "<h2>Versions</h2>",
        _provenance_html(lineage),
    ]
    if len(versions) == 2:
        parts.append(_compare_html(lineage, by_family, notes is not None))
    else:
        parts.append(flow_section_html(lineage))  # (the shape first, then the table)
        parts.append(_lineage_html(lineage, by_family, notes is not None))
    orphans = by_family.get(None, [])
    if orphans:
        parts.append("<h2>Orphaned notes</h2><p>Their clauses can no longer be found.</p>")
        for p in orphans:
            parts.append(
                f"<p><b>{html.escape(p.note.version_label)} {html.escape(p.note.clause_label)}"
                f"</b>: “{html.escape(p.note.clause_text)}”</p>{notes_html([p], PRINT)}"
            )
    parts.append(
        f'<p style="font-size:8pt;color:{PRINT.muted}">'
        f"Made with ClauseDiff {html.escape(__version__)}.</p></body></html>"
    )
    return "\n".join(parts) + "\n"


def _compare_html(
    lineage: Lineage, by_family: dict[str | None, list[PlacedNote]], with_notes: bool
) -> str:
    al = lineage.pairs[0]
    head = (
        '<tr><th width="13%">Clauses</th><th width="11%">Change</th>'
        f'<th width="38%">{html.escape(al.left.info.label)}</th>'
        f'<th width="38%">{html.escape(al.right.info.label)}</th></tr>'
    )
    rows = []
    moves = sentence_moves(al)
    for n, lk in enumerate(al.links):
        notes = link_notes(lineage, 0, lk, by_family) if with_notes else []
        travelled = "".join(
            f'<br/><span class="travelled" style="color:{PRINT.travelled}">'
            f"<i>{html.escape(line)}</i></span>"
            for line in short_moves(moves.get(n, []))
        )
        rows.append(
            "<tr>"
            f'<td class="labels">{_labels_html(al.left, lk.left)}<br/>→ '
            f"{_labels_html(al.right, lk.right)}</td>"
            f'<td class="kind">{wording.KIND_TEXT[lk.kind]}'
            + (f" {lk.score:.2f}" if lk.kind.is_change and lk.left and lk.right else "")
            + (f"<br/>{wording.detail_text(lk.detail)}" if lk.detail else "")
            + (f"<br/>{wording.LETTER_CASE_ONLY}" if al.only_letter_case(lk) else "")
            + travelled
            + "</td>"
            f"<td>{side_html(al, lk, 0, PRINT)}</td><td>{side_html(al, lk, 1, PRINT)}</td></tr>"
        )
        if notes:  # the notes on a row of their own, under the clause they are about
            rows.append(
                '<tr><td class="kind">notes</td>'
                f'<td colspan="3">{notes_html(notes, PRINT)}</td></tr>'
            )
    return f"<h2>Clause by clause</h2><table>{head}{''.join(rows)}</table>"


def _labels_html(doc: Document, indices: tuple[int, ...]) -> str:
    """Clause labels that wrap between labels, never inside one ("op.&nbsp;¶1, op.&nbsp;¶2")."""
    return (
        ",<br/>".join(
            html.escape(doc.clauses[i].display_label()).replace(" ", "&nbsp;") for i in indices
        )
        or "—"
    )


def _lineage_html(
    lineage: Lineage, by_family: dict[str | None, list[PlacedNote]], with_notes: bool
) -> str:
    head = (
        "<tr><th>Family</th>"
        + "".join(
            f"<th>{html.escape(d.info.label)}<br/>{html.escape(d.info.date)}</th>"
            for d in lineage.versions
        )
        + ("<th>Notes</th>" if with_notes else "")
        + "</tr>"
    )
    rows = []
    for fam in lineage.families:
        cells = "".join(
            f"<td>{lineage_cell_html(lineage, fam, v, PRINT)}</td>"
            for v in range(len(lineage.versions))
        )
        notes = notes_html(by_family.get(fam.id, []), PRINT) if with_notes else ""
        rows.append(
            f'<tr><td class="kind">{html.escape(fam.id)}</td>{cells}'
            + (f"<td>{notes}</td>" if with_notes else "")
            + "</tr>"
        )
    return f"<h2>Clause families</h2><table>{head}{''.join(rows)}</table>"


# --------------------------------------------------------------------------- CSV


def export_csv(lineage: Lineage, notes: Sequence[PlacedNote] | None = None) -> str:
    """The lineage table: a family a row; per version its labels, text and change kind."""
    by_family = notes_by_family(notes)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")

    def write(row: list[str]) -> None:
        writer.writerow([spreadsheet_cell(cell) for cell in row])

    header = ["family"]
    for d in lineage.versions:
        name = f"{d.info.label} ({d.info.date})" if d.info.date else d.info.label
        header += [f"{name} labels", f"{name} text", f"{name} change"]
    if notes is not None:
        header += ["notes"]
    write(header)
    for fam in lineage.families:
        members = dict(fam.members)
        row = [fam.id]
        for v, doc in enumerate(lineage.versions):
            idx = members.get(v, ())
            row.append(doc.labels(idx) if idx else "")
            row.append("\n".join(doc.clauses[i].text for i in idx))
            if v == 0 or not idx:
                row.append("" if idx or v == 0 else "absent")
            else:
                row.append(lineage.pairs[v - 1].link_of_right(idx[0]).kind.value)
        if notes is not None:
            row.append(
                "\n".join(f"[{p.note.status}] {p.note.text}" for p in by_family.get(fam.id, []))
            )
        write(row)
    for p in by_family.get(None, []) if notes is not None else []:
        write(
            ["(orphaned)", p.note.clause_label, p.note.clause_text, ""]
            + [""] * (3 * len(lineage.versions) - 3)
            + [f"[{p.note.status}] {p.note.text}"]
        )
    return buf.getvalue()

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
- :func:`export_csv`: the lineage table, one family a row (its id, which notes and the JSON
  use, and its name as a reader says it), one version a column; every cell holds the exact
  text, but that a cell a spreadsheet would run as a formula opens with a single quote
  (:func:`spreadsheet_cell`).

The PDF export and printing are drawn by Qt from the HTML (:mod:`clausediff.gui.printing`).
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Sequence

from clausediff import __version__
from clausediff.core.compare.lineage import Family, Lineage, family_name
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


#: The widths of the clause table's columns, in per cent: the change (the clauses' labels
#: and what became of them), then the two versions, side by side, evenly.
COMPARE_WIDTHS = (16, 42, 42)
#: The widths of the versions table's columns, in per cent (a version's source and SHA-256
#: stand on a line of their own below it, across the table).
PROVENANCE_WIDTHS = (17, 21, 12, 34, 16)


def lineage_widths(versions: int, with_notes: bool) -> tuple[int, ...]:
    """The widths of the lineage table's columns, in per cent: the family (its name: label
    and first words), the versions (evenly), the notes if any."""
    family, notes = 16, 16 if with_notes else 0
    each = (100 - family - notes) // versions
    return (family, *([each] * versions), *((notes,) if with_notes else ()))


def _css(p: Palette) -> str:
    return f"""
body {{ font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 9pt;
       color: {p.text}; line-height: 125%; }}
h1 {{ font-size: 16pt; margin-bottom: 0.2em; }}
h2 {{ font-size: 13pt; margin-top: 1.6em; page-break-after: avoid; break-after: avoid; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
th, td {{ border: 1px solid {p.rule}; padding: 4px 6px; vertical-align: top; text-align: left;
         overflow-wrap: break-word; }}
th {{ background: {p.header_bg}; }}
tr {{ page-break-inside: avoid; break-inside: avoid; }}
td.kind {{ font-size: 8.5pt; color: {p.muted}; }}
td.kind .labels {{ color: {p.text}; }}
del {{ color: {p.deleted_fg}; background: {p.deleted_bg}; text-decoration: line-through; }}
ins {{ color: {p.inserted_fg}; background: {p.inserted_bg}; text-decoration: underline; }}
.gap {{ color: {p.gap_fg}; font-style: italic; background: {p.gap_bg}; }}
.unknown {{ color: {p.gap_fg}; font-style: italic; }}
.travelled {{ color: {p.travelled}; font-style: italic; white-space: normal; }}
.note {{ font-size: 9.5pt; margin-top: 4px; }}
.legend span {{ margin-right: 1.5em; }}
.provenance td {{ font-size: 9.5pt; }}
.flow svg {{ max-width: 100%; height: auto; }}
.provenance td.date {{ white-space: nowrap; }}
.provenance td.source {{ font-size: 8.5pt; color: {p.muted}; border-top: none; }}
"""


def _columns(widths: Sequence[int]) -> str:
    """A table's column widths for a browser (``table-layout: fixed`` keeps them); Qt's
    rich text, which draws the PDF, reads the ``width`` of the heading cells instead."""
    return "<colgroup>" + "".join(f'<col style="width:{w}%"/>' for w in widths) + "</colgroup>"


def _provenance_html(lineage: Lineage) -> str:
    """The versions: a row each (label, symbol, date, body, complete or an excerpt), and
    under it a line with its sources (file names, never a local folder) and SHA-256."""
    rows = []
    for doc in lineage.versions:
        info = doc.info
        complete = "complete" if doc.is_complete else "excerpt (gaps marked)"
        cells = (info.label, info.symbol or "—", info.date or "—", info.body or "—", complete)
        rows.append(
            "<tr>"
            + "".join(
                ('<td class="date">' if n == 2 else "<td>") + f"{html.escape(x)}</td>"
                for n, x in enumerate(cells)
            )
            + "</tr>"
        )
        source = wording.sources_text(doc, "—")
        digest = f" &#160;·&#160; SHA-256 {info.sha256[:12]}…" if info.sha256 else ""
        rows.append(
            f'<tr><td class="source" colspan="{len(cells)}">Source: {html.escape(source)}'
            f"{digest}</td></tr>"
        )
    head = "".join(
        f'<th width="{w}%">{h}</th>'
        for h, w in zip(
            ("Version", "Symbol", "Date", "Body", "Text"), PROVENANCE_WIDTHS, strict=True
        )
    )
    return (
        f'<table class="provenance" width="100%">{_columns(PROVENANCE_WIDTHS)}'
        f"<tr>{head}</tr>{''.join(rows)}</table>"
    )


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
    names = ("Change", html.escape(al.left.info.label), html.escape(al.right.info.label))
    head = (
        "<tr>"
        + "".join(f'<th width="{w}%">{n}</th>' for n, w in zip(names, COMPARE_WIDTHS, strict=True))
        + "</tr>"
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
            f'<td class="kind"><span class="labels">{_labels_html(al.left, lk.left)} → '
            f"{_labels_html(al.right, lk.right)}</span><br/>"
            f"{wording.KIND_TEXT[lk.kind]}"
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
                f'<td colspan="2">{notes_html(notes, PRINT)}</td></tr>'
            )
    return (
        f'<h2>Clause by clause</h2><table class="compare" width="100%">'
        f"{_columns(COMPARE_WIDTHS)}{head}{''.join(rows)}</table>"
    )


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
    widths = lineage_widths(len(lineage.versions), with_notes)
    head = (
        f'<tr><th width="{widths[0]}%">Family</th>'
        + "".join(
            f'<th width="{w}%">{html.escape(d.info.label)}<br/>{html.escape(d.info.date)}</th>'
            for d, w in zip(lineage.versions, widths[1:], strict=False)
        )
        + (f'<th width="{widths[-1]}%">Notes</th>' if with_notes else "")
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
            f'<tr><td class="kind">{_family_html(lineage, fam)}</td>{cells}'
            + (f"<td>{notes}</td>" if with_notes else "")
            + "</tr>"
        )
    return (
        f'<h2>Clause families</h2><table class="lineage" width="100%">{_columns(widths)}'
        f"{head}{''.join(rows)}</table>"
    )


def _family_html(lineage: Lineage, family: Family) -> str:
    """A family's name in its cell: the labels on a line, the first words below."""
    label, _, lead = family_name(lineage, family, joiner="\n").partition("\n")
    words = f"<br/>{html.escape(lead)}" if lead else ""
    return f'<span class="labels">{html.escape(label)}</span>{words}'


# --------------------------------------------------------------------------- CSV


def export_csv(lineage: Lineage, notes: Sequence[PlacedNote] | None = None) -> str:
    """The lineage table: a family a row, its id ("f1") and its name ("op. ¶6 “Decides to
    instruct …”"); per version its labels, text and change kind."""
    by_family = notes_by_family(notes)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")

    def write(row: list[str]) -> None:
        writer.writerow([spreadsheet_cell(cell) for cell in row])

    header = ["family", "name"]
    for d in lineage.versions:
        name = f"{d.info.label} ({d.info.date})" if d.info.date else d.info.label
        header += [f"{name} labels", f"{name} text", f"{name} change"]
    if notes is not None:
        header += ["notes"]
    write(header)
    for fam in lineage.families:
        members = dict(fam.members)
        row = [fam.id, family_name(lineage, fam)]
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
            ["(orphaned)", "", p.note.clause_label, p.note.clause_text, ""]
            + [""] * (3 * len(lineage.versions) - 3)
            + [f"[{p.note.status}] {p.note.text}"]
        )
    return buf.getvalue()

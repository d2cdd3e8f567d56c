"""Exports of a comparison (two versions) or a lineage (several): HTML, Word redline, CSV.

Contract: every function takes a :class:`Lineage` (two versions make a comparison) and,
optionally, notes placed on it (:func:`clausediff.core.store.review.attach_notes`), and writes
text exactly as the versions hold it. Clause text is always escaped: a clause that reads
``<img src="http://…">`` or ``&amp;`` exports as those characters, never as markup, and
nothing in an export refers to anything outside it.

- :func:`export_html`: one self-contained page (inline style, no scripts, no external
  references), printable, with a legend and the provenance of every version.
- :func:`export_docx`: a Word redline in the legal convention, with real tracked changes
  (``w:ins``/``w:del``) so that Word shows them as revisions (struck-through deletions,
  underlined insertions), and notes as Word comments.
- :func:`export_csv`: the lineage table, one family a row, one version a column.

The PDF export and printing are drawn by Qt from the HTML (:mod:`clausediff.gui.printing`).
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from clausediff import __version__
from clausediff.core.compare.lineage import Lineage
from clausediff.core.compare.links import Alignment, ClauseLink, LinkKind, OpKind
from clausediff.core.model import Document
from clausediff.core.render import wording
from clausediff.core.render.html import (
    is_gap_side,
    lineage_cell_html,
    notes_html,
    plain_html,
    runs_html,
    side_html,
)
from clausediff.core.render.palette import PRINT, Palette
from clausediff.core.render.redline import Mark, Run, side_runs
from clausediff.core.render.wording import sentence_moves, short_moves
from clausediff.core.store.placement import link_notes, notes_by_family
from clausediff.core.store.review import PlacedNote

FORMATS = ("html", "pdf", "docx", "csv")


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a unified redline: unchanged, deleted (old text) or inserted (new).

    ``side`` and ``start`` say where ``text`` stands in that side's text (0: old, 1: new),
    so that formatting from the source can be found for it.
    """

    mark: Mark
    text: str
    side: int = 1
    start: int = 0


def unified(al: Alignment, lk: ClauseLink) -> list[Segment]:
    """The link as one redline: old and new text interleaved in the order of the changes."""
    left, right = al.side_text(lk, 0), al.side_text(lk, 1)
    if lk.kind is LinkKind.DELETED:
        return [Segment(Mark.DELETED, left, 0)]
    if lk.kind is LinkKind.ADDED:
        return [Segment(Mark.INSERTED, right, 1)]
    if not lk.right:  # an unknown clause of the older version
        return [Segment(Mark.SAME, left, 0)] if left else []
    if not lk.ops:
        return [Segment(Mark.SAME, right, 1)] if right else []
    out: list[Segment] = []
    for op in lk.ops:
        old, new = op.texts(left, right)
        if op.kind is OpKind.EQUAL:
            out.append(Segment(Mark.SAME, new, 1, op.right.start))
        else:
            if old:
                out.append(Segment(Mark.DELETED, old, 0, op.left.start))
            if new:
                out.append(Segment(Mark.INSERTED, new, 1, op.right.start))
    return [s for s in out if s.text]


def italic_pieces(al: Alignment, lk: ClauseLink, seg: Segment) -> list[tuple[str, bool]]:
    """``seg`` cut where the source's italics begin and end: (text, italic) pieces."""
    mask: list[bool] = []
    for run in side_runs(al, lk, seg.side):
        mask.extend([run.italic] * len(run.text))
    flags = mask[seg.start : seg.start + len(seg.text)]
    if len(flags) != len(seg.text) or not any(flags):
        return [(seg.text, False)]
    pieces, begin = [], 0
    for k in range(1, len(seg.text) + 1):
        if k == len(seg.text) or flags[k] != flags[begin]:
            pieces.append((seg.text[begin:k], flags[begin]))
            begin = k
    return pieces


def _gap_or_text(doc: Document, indices: tuple[int, ...]) -> str | None:
    if is_gap_side(doc, indices):
        return wording.gap_text(doc.clauses[indices[0]].gap_note)
    return None


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
del {{ color: {p.deleted_fg}; background: {p.deleted_bg}; text-decoration: line-through; }}
ins {{ color: {p.inserted_fg}; background: {p.inserted_bg}; text-decoration: underline; }}
.gap {{ color: {p.gap_fg}; font-style: italic; background: {p.gap_bg}; }}
.unknown {{ color: {p.gap_fg}; font-style: italic; }}
.travelled {{ color: {p.travelled}; font-style: italic; white-space: normal; }}
.note {{ font-size: 9.5pt; margin-top: 4px; }}
.legend span {{ margin-right: 1.5em; }}
.provenance td {{ font-size: 9.5pt; }}
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
        f"<style>{_css(PRINT)}</style></head><body>",
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
        '<tr><th width="10%">Clauses</th><th width="10%">Change</th>'
        f'<th width="40%">{html.escape(al.left.info.label)}</th>'
        f'<th width="40%">{html.escape(al.right.info.label)}</th></tr>'
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
            f'<td class="kind">{html.escape(al.left.labels(lk.left))} → '
            f"{html.escape(al.right.labels(lk.right))}</td>"
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
    header = ["family"]
    for d in lineage.versions:
        name = f"{d.info.label} ({d.info.date})" if d.info.date else d.info.label
        header += [f"{name} labels", f"{name} text", f"{name} change"]
    if notes is not None:
        header += ["notes"]
    writer.writerow(header)
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
        writer.writerow(row)
    for p in by_family.get(None, []) if notes is not None else []:
        writer.writerow(
            ["(orphaned)", p.note.clause_label, p.note.clause_text, ""]
            + [""] * (3 * len(lineage.versions) - 3)
            + [f"[{p.note.status}] {p.note.text}"]
        )
    return buf.getvalue()


# --------------------------------------------------------------------------- Word

_WORD_UNSAFE = {
    **dict.fromkeys((*range(0, 9), 11, 12, *range(14, 32)), "�"),
    ord("\f"): "\n",
    ord("\v"): "\n",
}


def export_docx(
    lineage: Lineage,
    path: Path,
    notes: Sequence[PlacedNote] | None = None,
    *,
    author: str = "ClauseDiff",
) -> None:
    """A Word redline of each consecutive pair, with tracked changes and comments."""
    import docx
    from docx.enum.text import WD_COLOR_INDEX
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def word(text: str) -> str:
        # A form feed or vertical tab (a page or line break in the source) is a break in
        # Word; other control characters, which no Word file may hold, show as U+FFFD.
        return text.translate(_WORD_UNSAFE)

    document = docx.Document()
    by_family = notes_by_family(notes)
    versions = lineage.versions
    document.add_heading(" → ".join(d.info.label for d in versions) + " — redline", level=1)
    for d in versions:
        info = d.info
        complete = "complete" if d.is_complete else "excerpt"
        document.add_paragraph(
            f"{info.label}: {info.symbol or '—'}, {info.date or 'no date'}, {complete}"
            + (f". Source: {', '.join(info.sources)}" if info.sources else ""),
            style="List Bullet",
        )
    document.add_paragraph(
        "Deletions are struck through and insertions underlined, as tracked changes "
        "(Review › Track Changes shows them as revisions)."
    )
    revision = [0]
    stamp = "2000-01-01T00:00:00Z"

    def tracked(paragraph: object, tag: str, text: str, italic: bool = False) -> None:
        revision[0] += 1
        wrapper = OxmlElement(f"w:{tag}")
        wrapper.set(qn("w:id"), str(revision[0]))
        wrapper.set(qn("w:author"), author)
        wrapper.set(qn("w:date"), stamp)
        run = OxmlElement("w:r")
        if italic:
            props = OxmlElement("w:rPr")
            props.append(OxmlElement("w:i"))
            run.append(props)
        t = OxmlElement("w:delText" if tag == "del" else "w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = word(text)
        run.append(t)
        wrapper.append(run)
        paragraph._p.append(wrapper)  # type: ignore[attr-defined]

    for pair, al in enumerate(lineage.pairs):
        document.add_heading(f"{al.left.info.label} → {al.right.info.label}", level=2)
        moves = sentence_moves(al)
        for number, lk in enumerate(al.links):
            labels = f"{al.left.labels(lk.left)} → {al.right.labels(lk.right)}"
            travelled = "".join(f"; {line}" for line in short_moves(moves.get(number, [])))
            if al.only_letter_case(lk):
                travelled = f"; {wording.LETTER_CASE_ONLY}" + travelled
            para = document.add_paragraph()
            lead = para.add_run(f"[{labels}, {wording.kind_text(lk)}{travelled}] ")
            lead.font.size = docx.shared.Pt(8)
            lead.font.highlight_color = WD_COLOR_INDEX.GRAY_25 if lk.kind.is_change else None
            gap_l = _gap_or_text(al.left, lk.left)
            gap_r = _gap_or_text(al.right, lk.right)
            if lk.kind is LinkKind.UNKNOWN or gap_l or gap_r:
                note = gap_l or gap_r or ""
                text = al.side_text(lk, 1) or al.side_text(lk, 0)
                if not (gap_l or gap_r):
                    para.add_run(word(text))
                    para.add_run(f" [{wording.UNKNOWN_LINK}]").italic = True
                else:
                    para.add_run(f"[{note}]").italic = True
            else:
                for seg in unified(al, lk):
                    for text, italic in italic_pieces(al, lk, seg):
                        if seg.mark is Mark.DELETED:
                            tracked(para, "del", text, italic)
                        elif seg.mark is Mark.INSERTED:
                            tracked(para, "ins", text, italic)
                        else:
                            para.add_run(word(text)).italic = italic or None
            for placed in link_notes(lineage, pair, lk, by_family) if notes is not None else []:
                n = placed.note
                body = (f"[{n.status}] " if n.status != "none" else "") + n.text
                document.add_comment(
                    [lead], text=body, author=n.author or author, initials=(n.author or "CD")[:2]
                )
    orphans = by_family.get(None, []) if notes is not None else []
    if orphans:
        document.add_heading("Orphaned notes", level=2)
        for p in orphans:
            para = document.add_paragraph(
                f"{p.note.version_label} {p.note.clause_label}: “{p.note.clause_text}” — "
                f"[{p.note.status}] {p.note.text}"
            )
    document.save(str(path))

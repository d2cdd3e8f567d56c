"""The one HTML renderer: clause cells for the window, the exports and printing.

Contract: functions from the comparison's values and a :class:`Palette` to HTML fragments.
Every piece of document text goes through :func:`escape` first: a clause that reads
``<img src=…>``, ``<script>`` or ``&amp;`` shows those characters, never markup, and nothing
refers to anything outside the fragment. Deletions are ``<del>`` and insertions ``<ins><u>``
with inline styles as well (Qt's rich text, which draws the window and the PDF, knows
inline styles but not ``del``/``ins``), so the marks are the same on screen, on paper and
in a browser. Bracketed text (not yet agreed in a draft) keeps its brackets and is set on a
tinted ground with a dotted underline. Words come from :mod:`clausediff.core.render.wording`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import replace

from clausediff.core.compare.history import PhraseSpan
from clausediff.core.compare.lineage import Family, Lineage, family_name
from clausediff.core.compare.links import Alignment, ClauseLink, LinkKind
from clausediff.core.model import Clause, Document
from clausediff.core.render import wording
from clausediff.core.render.palette import Palette, origin_tint, status_colour
from clausediff.core.render.redline import Mark, Run, clause_runs, side_runs
from clausediff.core.render.tracked import link_pieces
from clausediff.core.store.review import PlacedNote


def escape(text: str) -> str:
    """``text`` as HTML character data, line breaks kept."""
    return html.escape(text).replace("\n", "<br/>")


def tooltip_html(text: str) -> str:
    """Plain text as a Qt tooltip: escaped, so that text from a document (a gap's note, a
    quoted sentence, a title) is shown as written and never read as markup."""
    return f"<qt>{escape(text)}</qt>"


def _finder(find: str) -> re.Pattern[str] | None:
    return re.compile(re.escape(find), re.IGNORECASE) if find else None


def _with_hits(text: str, pattern: re.Pattern[str] | None, palette: Palette) -> str:
    if pattern is None:
        return escape(text)
    out, pos = [], 0
    for m in pattern.finditer(text):
        out.append(escape(text[pos : m.start()]))
        out.append(f'<span style="background-color:{palette.find_bg}">{escape(m.group())}</span>')
        pos = m.end()
    out.append(escape(text[pos:]))
    return "".join(out)


#: A dotted underline, for Qt's rich text and for a browser.
_DOTTED = "text-underline-style:dotted;text-decoration-line:underline;text-decoration-style:dotted"


def runs_html(runs: Sequence[Run], palette: Palette, find: str = "") -> str:
    """One side's runs; ``find`` is highlighted wherever it occurs (case-insensitive)."""
    parts: list[str] = []
    pattern = _finder(find)
    for run in runs:
        if run.clause_break:
            parts.append("<br/>")
            continue
        styles = []
        if run.mark is Mark.DELETED:
            styles.append(
                f"color:{palette.deleted_fg};background-color:{palette.deleted_bg};"
                "text-decoration:line-through"
            )
        elif run.mark is Mark.INSERTED:
            styles.append(
                f"color:{palette.inserted_fg};background-color:{palette.inserted_bg};"
                "text-decoration:underline"
            )
        if run.bracketed:  # (a ground and a dotted line, seen in grey as in colour; an
            # insertion keeps its solid underline)
            if run.mark is Mark.SAME:
                styles.append(f"background-color:{palette.bracket_bg}")
                styles.append(_DOTTED)
            elif run.mark is Mark.DELETED:  # (struck through as well: Qt's dotted line only)
                styles.append("text-underline-style:dotted")
        if run.italic:
            styles.append("font-style:italic")
        if run.bold:
            styles.append("font-weight:600")
        body = _with_hits(run.text, pattern, palette)
        if styles:
            body = f'<span style="{";".join(styles)}">{body}</span>'
        if run.mark is Mark.DELETED:
            body = f"<del>{body}</del>"
        elif run.mark is Mark.INSERTED:
            body = f"<ins><u>{body}</u></ins>"
        parts.append(body)
    return "".join(parts)


def plain_html(
    text: str,
    palette: Palette,
    *,
    italic: bool = False,
    muted: bool = False,
    find: str = "",
    css_class: str = "",
) -> str:
    """``text`` escaped, with find hits; italic notes and muted text in grey."""
    body = _with_hits(text, _finder(find), palette)
    cls = f' class="{css_class}"' if css_class else ""
    if italic:
        return f'<span{cls} style="color:{palette.gap_fg};font-style:italic">{body}</span>'
    if muted:
        return f'<span{cls} style="color:{palette.muted}">{body}</span>'
    return f"<span{cls}>{body}</span>" if cls else body


def is_gap_side(doc: Document, indices: tuple[int, ...]) -> bool:
    return len(indices) == 1 and doc.clauses[indices[0]].is_gap


def side_html(al: Alignment, lk: ClauseLink, side: int, palette: Palette, find: str = "") -> str:
    """One side of a link: its redline, a gap's note, or why an unknown side is empty."""
    doc = al.left if side == 0 else al.right
    indices = lk.left if side == 0 else lk.right
    if not indices:
        if lk.kind is LinkKind.UNKNOWN:
            return plain_html(wording.UNKNOWN_HERE, palette, italic=True, css_class="unknown")
        return ""
    if is_gap_side(doc, indices):
        note = doc.clauses[indices[0]].gap_note
        return plain_html(wording.gap_text(note), palette, italic=True, find=find, css_class="gap")
    return runs_html(side_runs(al, lk, side), palette, find)


def marker_html(
    al: Alignment, lk: ClauseLink, side: int, palette: Palette, below: bool, find: str = ""
) -> str:
    """A "moved away" row: the older text, muted, and where the clause went."""
    if side == 0:
        return plain_html(al.side_text(lk, 0), palette, muted=True, find=find)
    return plain_html(wording.moved_to(al.right.labels(lk.right), below), palette, italic=True)


def lineage_cell_html(
    lineage: Lineage, family: Family, version: int, palette: Palette, find: str = ""
) -> str:
    """A family's clauses in one version, with their changes against the version before."""
    doc = lineage.versions[version]
    members = family.in_version(version)
    if not members:
        hidden = any(c.is_gap for c in doc.clauses)
        return plain_html(wording.not_in_version(hidden), palette, italic=True, css_class="gap")
    parts = []
    for i in members:
        clause = doc.clauses[i]
        if version > 0:
            al = lineage.pairs[version - 1]
            lk = al.link_of_right(i)
            if lk.left and lk.right and lk.kind is not LinkKind.UNKNOWN:
                runs = redline_runs(al, lk, i)
            else:  # added, or opposite a gap: nothing older to strike through
                runs = clause_runs(al, lk, 1, i)
        else:
            al = lineage.pairs[0]
            runs = [replace(r, mark=Mark.SAME) for r in clause_runs(al, al.link_of_left(i), 0, i)]
        label = f"<b>{escape(clause.display_label())}</b> " if clause.label else ""
        parts.append(label + runs_html(runs, palette, find))
    return "<br/><br/>".join(parts)


def redline_runs(al: Alignment, lk: ClauseLink, clause: int) -> list[Run]:
    """One newer clause of a link as one redline: the older words struck through where
    they were, the newer ones underlined (the link's exact pieces, :func:`link_pieces`).
    A split's newer side holds several clauses: only the pieces of ``clause`` are kept; a
    merge's older paragraph break is a line break in the deletion."""
    pieces: list[list[Run]] = [[]]
    for p in link_pieces(al, lk):
        if p.joiner and p.mark is not Mark.DELETED:  # a break between newer clauses
            pieces.append([])
        elif p.joiner:
            pieces[-1].append(Run(p.text, p.mark, clause_break=True))
        else:
            pieces[-1].append(Run(p.text, p.mark, p.italic, p.bold))
    return pieces[lk.right.index(clause)] if len(pieces) == len(lk.right) else pieces[0]


def notes_html(notes: Sequence[PlacedNote], palette: Palette) -> str:
    """Notes as blocks, each with its status (in words and colour) and who wrote it."""
    out = []
    for p in notes:
        n = p.note
        status = "" if n.status == "none" else f"<b>{escape(n.status)}</b> — "
        who = ", ".join(x for x in (n.author, n.updated) if x)
        out.append(
            f'<div class="note" style="border-left:3px solid {status_colour(n.status)};'
            f'padding-left:6px">{status}{escape(n.text)}'
            + (f' <span style="color:{palette.muted}">({escape(who)})</span>' if who else "")
            + "</div>"
        )
    return "".join(out)


def history_html(
    lineage: Lineage, family: Family, notes: Sequence[PlacedNote], palette: Palette
) -> str:
    """A family's text in every version, then its notes (the lineage's history panel)."""
    parts = [f"<h3>{escape(family_name(lineage, family))}</h3>"]
    for v, doc in enumerate(lineage.versions):
        members = family.in_version(v)
        parts.append(f"<p><b>{escape(doc.info.label)}</b> ({escape(doc.info.date)})<br/>")
        if members:
            parts.append("<br/>".join(escape(doc.clauses[i].text) for i in members))
        else:
            parts.append(f"<i>{escape(wording.not_in_version(False))}</i>")
        parts.append("</p>")
    if notes:
        parts.append("<h4>Notes</h4>")
        for placed in notes:
            n = placed.note
            status = "" if n.status == "none" else f"<b>{escape(n.status)}</b> — "
            who = escape(", ".join(x for x in (n.author, n.updated) if x))
            parts.append(
                f"<p>{status}{escape(n.text)} <i>({escape(n.version_label)} "
                f"{escape(n.clause_label)}{'; ' + who if who else ''})</i></p>"
            )
    return "".join(parts)


def origin_cell_html(
    clauses: Sequence[tuple[Clause, Sequence[PhraseSpan]]], palette: Palette, find: str = ""
) -> str:
    """A family's newest clauses, each phrase on the ground of the version that introduced
    it (:func:`~clausediff.core.render.palette.origin_tint`), overlined where it may be
    older (an older text has a gap there). The words are said in the tooltip and to a
    screen reader; the text is the clause's, unchanged."""
    parts = []
    for clause, spans in clauses:
        label = f"<b>{escape(clause.display_label())}</b> " if clause.label else ""
        body = []
        for s in spans:
            style = f"background-color:{origin_tint(palette, s.since)}"
            if not s.certain:
                style += ";text-decoration:overline"
            text = _with_hits(clause.text[s.start : s.end], _finder(find), palette)
            body.append(f'<span style="{style}">{text}</span>')
        parts.append(label + "".join(body))
    return "<br/><br/>".join(parts)


def origin_legend_html(legend: Sequence[tuple[int, str]], palette: Palette) -> str:
    """The key to the shading: a swatch and the words for each version, and the overline."""
    items = [
        f'<span style="color:{palette.text};background-color:{origin_tint(palette, v)}">'
        f"&nbsp;{escape(text)}&nbsp;</span>"
        for v, text in legend
    ]
    items.append(
        '<span style="text-decoration:overline">&nbsp;possibly earlier&nbsp;</span> '
        "(an older text has a gap there)"
    )
    return "Where each phrase of the newest version came from: " + " &nbsp; ".join(items)


def origin_sentences_html(sentences: Sequence[tuple[str, str]]) -> str:
    """The history panel's account of where the newest clauses' phrases came from."""
    if not sentences:
        return ""
    rows = "".join(f"<p><b>{escape(label)}</b>: {escape(text)}</p>" for label, text in sentences)
    return f"<h4>Where each phrase came from</h4>{rows}"

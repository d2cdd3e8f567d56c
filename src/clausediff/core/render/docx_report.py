"""The Word report: a comparison written about the texts, a paragraph a clause link, each opening
with what ClauseDiff found ("[¶4 → ¶5, modified] "), for those who want the findings in Word.

Contract: :func:`export_docx_report` writes, for each consecutive pair, one paragraph per
link: a grey label (labels, kind, travelled sentences), then the link's exact redline
(:func:`clausediff.core.render.tracked.link_pieces`) as tracked changes, a gap's or unknown
side's note in italics; a review's notes are comments on the label. It is a report, not
the document: accepting its changes does not give a version back (that is
:func:`clausediff.core.render.docx_redline.export_docx`). Text goes through
:mod:`clausediff.core.render.wordml`, so every character a reader accepts can be written.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import quoteattr

from clausediff.core.compare.lineage import Lineage
from clausediff.core.compare.links import LinkKind
from clausediff.core.model import Document
from clausediff.core.render import wording
from clausediff.core.render.docx_brief import add_brief
from clausediff.core.render.html import is_gap_side
from clausediff.core.render.redline import Mark
from clausediff.core.render.tracked import link_pieces
from clausediff.core.render.wording import sentence_moves, short_moves
from clausediff.core.render.wordml import (
    W_NS,
    add_orphaned_notes,
    change_stamp,
    new_document,
    rpr_xml,
    runs_xml,
    word_safe,
)
from clausediff.core.store.placement import link_notes, notes_by_family
from clausediff.core.store.review import PlacedNote


def _gap_text(doc: Document, indices: tuple[int, ...]) -> str | None:
    if is_gap_side(doc, indices):
        return wording.gap_text(doc.clauses[indices[0]].gap_note)
    return None


def export_docx_report(
    lineage: Lineage,
    path: Path,
    notes: Sequence[PlacedNote] | None = None,
    *,
    author: str = "ClauseDiff",
    page_size: str = "a4",
) -> None:
    """The Word report of each consecutive pair; see the module contract."""
    import docx
    from docx.enum.text import WD_COLOR_INDEX
    from docx.oxml import parse_xml

    document = new_document(page_size)
    by_family = notes_by_family(notes)
    versions = lineage.versions
    document.add_heading(
        word_safe(" → ".join(d.info.label for d in versions) + " — comparison report"), level=1
    )
    for d in versions:
        document.add_paragraph(word_safe(wording.provenance_line(d)), style="List Bullet")
    document.add_paragraph(
        "A report: each paragraph opens with what ClauseDiff found of a clause, then its "
        "changes, deletions struck through and insertions underlined as tracked changes. "
        "Accepting or rejecting them does not give a version back; the Word redline does."
    )
    ids = itertools.count(1)
    attrs = f" w:author={quoteattr(word_safe(author))} w:date={quoteattr(change_stamp())}"

    def tracked(tag: str, run: str) -> str:
        return f'<w:{tag} w:id="{next(ids)}"{attrs}>{run}</w:{tag}>'

    for pair, al in enumerate(lineage.pairs):
        document.add_heading(word_safe(f"{al.left.info.label} → {al.right.info.label}"), level=2)
        moves = sentence_moves(al)
        for number, lk in enumerate(al.links):
            labels = f"{al.left.labels(lk.left)} → {al.right.labels(lk.right)}"
            travelled = "".join(f"; {line}" for line in short_moves(moves.get(number, [])))
            if al.only_letter_case(lk):
                travelled = f"; {wording.LETTER_CASE_ONLY}" + travelled
            para = document.add_paragraph()
            lead = para.add_run(word_safe(f"[{labels}, {wording.kind_text(lk)}{travelled}] "))
            lead.font.size = docx.shared.Pt(8)
            lead.font.highlight_color = WD_COLOR_INDEX.GRAY_25 if lk.kind.is_change else None
            gap = _gap_text(al.left, lk.left) or _gap_text(al.right, lk.right)
            xml: list[str] = []
            if gap:
                xml.append(runs_xml(f"[{gap}]", rpr_xml(True, False)))
            elif lk.kind is LinkKind.UNKNOWN:
                xml.append(runs_xml(al.side_text(lk, 1) or al.side_text(lk, 0)))
                xml.append(runs_xml(f" [{wording.UNKNOWN_LINK}]", rpr_xml(True, False)))
            else:
                for piece in link_pieces(al, lk):
                    rpr = rpr_xml(piece.italic, piece.bold)
                    if piece.mark is Mark.DELETED:
                        xml.append(tracked("del", runs_xml(piece.text, rpr, deleted=True)))
                    elif piece.mark is Mark.INSERTED:
                        xml.append(tracked("ins", runs_xml(piece.text, rpr)))
                    else:
                        xml.append(runs_xml(piece.text, rpr))
            for run in parse_xml(f'<w:p xmlns:w="{W_NS}">{"".join(xml)}</w:p>'):
                para._p.append(run)
            for placed in link_notes(lineage, pair, lk, by_family) if notes is not None else []:
                n = placed.note
                body = (f"[{n.status}] " if n.status != "none" else "") + n.text
                document.add_comment(
                    [lead],
                    text=word_safe(body),
                    author=word_safe(n.author or author),
                    initials=word_safe((n.author or "CD")[:2]),
                )
    add_orphaned_notes(document, by_family.get(None, []) if notes is not None else [])
    if len(lineage.pairs) == 1:
        add_brief(document, lineage.pairs[0])
    document.save(str(path))

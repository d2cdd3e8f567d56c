"""The Word redline: the newer version as a Word document, with the changes from the older one
as tracked changes, so that Accept All gives the newer text and Reject All the older.

Contract: :func:`export_docx` writes, for each consecutive pair of versions, a body that is
the text itself, one paragraph a clause (:func:`clausediff.core.render.tracked.paragraph_text`:
its number as the source writes it, then its text), in the newer version's order:

- changed words are ``w:del``/``w:ins`` (:func:`clausediff.core.render.tracked.link_pieces`:
  white space and punctuation where each text has them), a change of italics or bold alone a
  ``w:rPrChange``;
- a deleted clause is a deleted paragraph at its place, its paragraph mark deleted too
  (``w:pPr/w:rPr/w:del``): Reject All gives it back as its own paragraph, Accept All leaves
  no empty one; an added clause is the same with ``w:ins``;
- a split's new paragraph breaks are inserted paragraph marks, a merge's old ones deleted;
- a moved clause is Word's move: its older paragraph as ``w:moveFrom`` where it stood (after
  the clause that preceded it, as the window shows it) and its newer one as ``w:moveTo``
  (words changed on the way as ``w:del`` there and ``w:ins`` here).

What ClauseDiff says of a link (its kind, score, labels, sentences that travelled, the notes
of a review) is a Word comment anchored on its paragraphs, never text of a paragraph. After
the text, on a page of its own, comes a section about the redline (the versions' provenance,
counts, orphaned notes) that is plainly not part of it. Word holds one line break, so a line
feed, carriage return or vertical tab inside a clause all come back as a line break
(:mod:`clausediff.core.render.wordml`). The pages are A4 or Letter (``page_size``), as
every export's. The XML is written as strings and parsed once per pair: linear in the
length of the texts.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import quoteattr

from clausediff import __version__
from clausediff.core.compare.lineage import Lineage
from clausediff.core.compare.links import Alignment, ClauseLink, LinkKind
from clausediff.core.render import wording
from clausediff.core.render.docx_brief import add_brief
from clausediff.core.render.redline import Mark
from clausediff.core.render.tracked import Piece, link_pieces, written_label
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

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

#: The heading of the section after the text (not part of either version).
ABOUT_HEADING = "About this redline"

# A stream of a link's pieces is drawn in one of three roles: the link in place (both
# texts), or a moved clause's older place (moveFrom) or newer place (moveTo).
_BOTH, _FROM, _TO = "both", "from", "to"


class _Writer:
    """The XML of one pair's body, with revision and comment numbering."""

    def __init__(self, document: WordDocument, author: str, stamp: str, ids: Iterator[int]) -> None:
        self.document, self.author, self.stamp, self.ids = document, author, stamp, ids
        self.attrs = f" w:author={quoteattr(word_safe(author))} w:date={quoteattr(stamp)}"

    def revision(self, tag: str, inner: str = "", **extra: str) -> str:
        more = "".join(f" w:{k}={quoteattr(v)}" for k, v in extra.items())
        head = f'<w:{tag} w:id="{next(self.ids)}"{self.attrs}{more}'
        return f"{head}>{inner}</w:{tag}>" if inner else f"{head}/>"

    def comment(self, text: str, author: str = "", initials: str = "") -> int:
        c = self.document.comments.add_comment(
            text=word_safe(text), author=word_safe(author or self.author),
            initials=word_safe(initials or (author or self.author)[:2]),
        )  # fmt: skip
        return c.comment_id

    # -- pieces to runs and paragraphs

    def run(self, piece: Piece, role: str) -> str:
        change = ""
        if role == _BOTH and (piece.italic, piece.bold) != (piece.was_italic, piece.was_bold):
            old = rpr_xml(piece.was_italic, piece.was_bold) or "<w:rPr/>"
            change = self.revision("rPrChange", old)
        rpr = rpr_xml(piece.italic, piece.bold, change)
        if piece.mark is Mark.DELETED:
            return self.revision("del", runs_xml(piece.text, rpr, deleted=True))
        if piece.mark is Mark.INSERTED:
            return self.revision("ins", runs_xml(piece.text, rpr))
        if role == _FROM:
            return self.revision("moveFrom", runs_xml(piece.text, rpr))
        if role == _TO:
            return self.revision("moveTo", runs_xml(piece.text, rpr))
        return runs_xml(piece.text, rpr)

    def mark_tag(self, mark: Mark, role: str) -> str:
        """The revision a paragraph mark carries ("" for none)."""
        if mark is Mark.DELETED:
            return "del"
        if mark is Mark.INSERTED:
            return "ins"
        return {_FROM: "moveFrom", _TO: "moveTo"}.get(role, "")

    def paragraphs(
        self,
        stream: Sequence[Piece],
        role: str,
        final: Mark,
        comments: Sequence[int] = (),
        move: str = "",
    ) -> list[str]:
        """The paragraphs of a stream: a joiner piece ends one, ``final`` is the last one's
        mark; ``comments`` are anchored on all of them, ``move`` names a move range."""
        paras: list[tuple[list[str], str]] = []
        runs: list[str] = []
        for piece in stream:
            if not piece.joiner:
                runs.append(self.run(piece, role))
                continue
            for _ in piece.text:  # (two joiners in a row: an empty clause between)
                paras.append((runs, self.mark_tag(piece.mark, role)))
                runs = []
        last = self.mark_tag(final, role)
        paras.append((runs, last))
        if comments:
            paras[0][0].insert(0, "".join(f'<w:commentRangeStart w:id="{c}"/>' for c in comments))
            refs = "".join(
                f'<w:commentRangeEnd w:id="{c}"/>'
                + self.wrapped(last, f'<w:r><w:commentReference w:id="{c}"/></w:r>')
                for c in comments
            )
            paras[-1][0].append(refs)
        if move:
            kind = "moveFrom" if role == _FROM else "moveTo"
            range_id = next(self.ids)
            paras[0][0].insert(
                0,
                f'<w:{kind}RangeStart w:id="{range_id}"{self.attrs} w:name={quoteattr(move)}/>',
            )
            paras[-1][0].append(f'<w:{kind}RangeEnd w:id="{range_id}"/>')
        out = []
        for inner, tag in paras:
            ppr = f"<w:pPr><w:rPr>{self.revision(tag)}</w:rPr></w:pPr>" if tag else ""
            out.append(f"<w:p>{ppr}{''.join(inner)}</w:p>")
        return out

    def wrapped(self, tag: str, run: str) -> str:
        return self.revision(tag, run) if tag else run


def _labelled(al: Alignment, lk: ClauseLink, pieces: list[Piece], role: str) -> list[Piece]:
    """The pieces with each paragraph's number (as the source writes it) where it opens."""

    def label(side: int, at: int) -> str:
        doc, idx = (al.left, lk.left) if side == 0 else (al.right, lk.right)
        if at >= len(idx):
            return ""
        return written_label(doc, doc.clauses[idx[at]])

    def opening(old: str, new: str) -> list[Piece]:
        if old == new:
            return [Piece(Mark.SAME, old)] if old else []
        return [Piece(m, t) for m, t in ((Mark.DELETED, old), (Mark.INSERTED, new)) if t]

    at_old = at_new = 0
    old0 = label(0, 0) if role != _TO else ""
    new0 = label(1, 0) if role != _FROM else ""
    if role == _FROM:
        out = [Piece(Mark.SAME, old0)] if old0 else []
    elif role == _TO:
        out = [Piece(Mark.SAME, new0)] if new0 else []
    else:
        out = opening(old0, new0)
    for piece in pieces:
        if role == _FROM and piece.mark is Mark.INSERTED:
            continue
        if role == _TO and piece.mark is Mark.DELETED:
            continue
        out.append(piece)
        if not piece.joiner:
            continue
        for _ in piece.text:
            if piece.mark is Mark.SAME:
                at_old, at_new = at_old + 1, at_new + 1
                lo, ln = label(0, at_old), label(1, at_new)
                if role == _FROM:
                    out.extend(opening(lo, lo))
                elif role == _TO:
                    out.extend(opening(ln, ln))
                else:
                    out.extend(opening(lo, ln))
            elif piece.mark is Mark.DELETED:
                at_old += 1
                out.extend(opening(label(0, at_old), ""))
            else:
                at_new += 1
                out.extend(opening("", label(1, at_new)))
    return out


def _final(lk: ClauseLink) -> Mark:
    if lk.left and lk.right:
        return Mark.SAME
    return Mark.INSERTED if lk.right else Mark.DELETED


def _link_comment(al: Alignment, lk: ClauseLink, travelled: list[str]) -> str:
    labels = f"{al.left.labels(lk.left)} → {al.right.labels(lk.right)}"
    if lk.kind is LinkKind.UNKNOWN:
        text = f"{labels}: {wording.UNKNOWN_LINK}"
    else:
        score = f" {lk.score:.2f}" if lk.left and lk.right and lk.kind.is_change else ""
        text = f"{labels}: {wording.kind_text(lk)}{score}"
    if al.only_letter_case(lk):
        text += f"; {wording.LETTER_CASE_ONLY}"
    return text + "".join(f"\n{line}" for line in travelled)


def _note_comment(writer: _Writer, placed: PlacedNote) -> int:
    n = placed.note
    body = (f"[{n.status}] " if n.status != "none" else "") + n.text
    return writer.comment(body, n.author, (n.author or "")[:2])


def _order(al: Alignment) -> list[tuple[int, str]]:
    """The body's items: ``(link number, role)`` in the newer text's order, each moved
    clause's older place after the link of the older clause before it that did not move."""
    after: dict[int, list[int]] = {}
    for n, lk in enumerate(al.links):
        if lk.kind is not LinkKind.MOVED or not (lk.left and lk.right):
            continue
        after.setdefault(al.stayed_before(lk), []).append(n)
    for numbers in after.values():
        numbers.sort(key=lambda n: al.links[n].left[0])
    items = [(n, _FROM) for n in after.get(-1, ())]
    for n, lk in enumerate(al.links):
        moved = lk.kind is LinkKind.MOVED and bool(lk.left and lk.right)
        items.append((n, _TO if moved else _BOTH))
        items.extend((m, _FROM) for m in after.get(n, ()))
    return items


def pair_body_xml(
    lineage: Lineage,
    pair: int,
    writer: _Writer,
    notes: dict[str | None, list[PlacedNote]] | None,
) -> list[str]:
    """The paragraphs (XML) of pair ``pair``'s redline."""
    al = lineage.pairs[pair]
    moves = sentence_moves(al)
    items = _order(al)
    where = {item: k for k, item in enumerate(items)}
    out: list[str] = []
    for n, role in items:
        lk = al.links[n]
        pieces = _labelled(al, lk, link_pieces(al, lk), role)
        comments: list[int] = []
        if role == _FROM:
            below = where[n, _TO] > where[n, _FROM]
            comments.append(writer.comment(wording.moved_to(al.right.labels(lk.right), below)))
            out.extend(writer.paragraphs(pieces, _FROM, Mark.SAME, comments, f"move{n}"))
            continue
        if lk.kind.is_change:
            travelled = short_moves(moves.get(n, []))
            comments.append(writer.comment(_link_comment(al, lk, travelled)))
        for placed in link_notes(lineage, pair, lk, notes) if notes is not None else []:
            comments.append(_note_comment(writer, placed))
        if role == _TO:
            out.extend(writer.paragraphs(pieces, _TO, Mark.SAME, comments, f"move{n}"))
        else:
            out.extend(writer.paragraphs(pieces, _BOTH, _final(lk), comments))
    return out


def export_docx(
    lineage: Lineage,
    path: Path,
    notes: Sequence[PlacedNote] | None = None,
    *,
    author: str = "ClauseDiff",
    page_size: str = "a4",
) -> None:
    """The Word redline of each consecutive pair; see the module contract."""
    from docx.oxml import parse_xml

    document = new_document(page_size)
    versions = lineage.versions
    document.core_properties.title = word_safe(
        " → ".join(d.info.label for d in versions) + " — redline"
    )
    document.core_properties.author = word_safe(author)
    by_family = notes_by_family(notes) if notes is not None else None
    writer = _Writer(document, author, change_stamp(), itertools.count(1))
    body = document.element.body
    end = body.sectPr
    for pair, al in enumerate(lineage.pairs):
        if len(lineage.pairs) > 1:  # which pair follows: a heading outside the tracked text
            heading = document.add_heading(
                word_safe(f"{al.left.info.label} → {al.right.info.label}"), level=1
            )
            heading.paragraph_format.page_break_before = pair > 0
        xml = "".join(pair_body_xml(lineage, pair, writer, by_family))
        for p in parse_xml(f'<w:body xmlns:w="{W_NS}">{xml}</w:body>'):
            if end is not None:
                end.addprevious(p)
            else:
                body.append(p)
    _about(document, lineage, by_family)
    if len(lineage.pairs) == 1:  # (after the text and the page about it, never inside)
        add_brief(document, lineage.pairs[0])
    document.save(str(path))


def _about(
    document: WordDocument, lineage: Lineage, notes: dict[str | None, list[PlacedNote]] | None
) -> None:
    """The section after the text: what the file is, the versions, the counts."""
    versions = lineage.versions
    heading = document.add_heading(ABOUT_HEADING, level=1)
    heading.paragraph_format.page_break_before = True
    old, new = versions[0].info.label, versions[-1].info.label
    document.add_paragraph(
        word_safe(
            f"The text before this page is {new}, with the changes from {old} as tracked "
            "changes: Review › Accept All Changes gives the newer text, Reject All Changes "
            "the older, paragraph for paragraph. What ClauseDiff found of each changed "
            "clause (its kind, similarity and sentences that travelled) and the review's "
            "notes are comments on the clause. This page is not part of either text."
            if len(versions) == 2
            else "Each pair of consecutive versions above is the newer text with the changes "
            "from the older as tracked changes; what ClauseDiff found of each changed clause "
            "is a comment on it. This page is not part of any of the texts."
        )
    )
    for d in versions:
        line = wording.provenance_line(d, excerpt="excerpt (gaps marked)", sha256=True)
        document.add_paragraph(word_safe(line), style="List Bullet")
    for al in lineage.pairs:
        document.add_paragraph(
            word_safe(
                f"{al.left.info.label} → {al.right.info.label}: " + wording.counts_text(al, ", ")
            )
        )
    add_orphaned_notes(document, notes.get(None, []) if notes is not None else [])
    document.add_paragraph(word_safe(f"Made with ClauseDiff {__version__}."))

"""A link as one exact redline: the pieces of both texts interleaved, as tracked changes hold
them.

Contract: :func:`link_pieces` takes a clause link and returns :class:`Piece` values, each
unchanged (in both texts), deleted (older text only) or inserted (newer text only), such
that the unchanged and deleted pieces, in order, rebuild the older side's text exactly and
the unchanged and inserted pieces the newer side's, character for character: white space,
punctuation, quotation marks and letter case included. (The word diff's "equal" words are
equal once normalised, and its white space is the newer text's; wherever the two texts
differ, here, a piece says so.) A piece carries the source's emphasis, and an unchanged
piece the older emphasis too, so that a change of italics alone can be a formatting
change. The joiner between two clauses of a side (a split's or merge's paragraph break) is
a piece of its own with ``joiner`` set. Linear in the length of the texts. Drawing is the
caller's job (:mod:`clausediff.core.render.docx_redline`).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from rapidfuzz.distance import Indel

from clausediff.core.compare.lcs import shared_ends
from clausediff.core.compare.links import SIDE_JOINER, Alignment, ClauseLink, OpKind, WordOp
from clausediff.core.model import Clause, Document, EmphasisStyle, Span
from clausediff.core.render.redline import Mark
from clausediff.core.text.normalize import TOKEN_RE

_ITALIC, _BOLD, _JOINER = 1, 2, 4
_TOKEN = re.compile(r"\s+|\S+")


@dataclass(frozen=True, slots=True)
class Piece:
    mark: Mark
    text: str
    italic: bool = False
    bold: bool = False
    #: the older text's emphasis of an unchanged piece (else the same as the piece's)
    was_italic: bool = False
    was_bold: bool = False
    #: the piece is the break between two clauses of a side (a paragraph mark)
    joiner: bool = False


class _Side:
    """One side's joined text and, per character, its emphasis and joiner flags."""

    def __init__(self, doc: Document, indices: tuple[int, ...]) -> None:
        self.text = SIDE_JOINER.join(doc.clauses[i].text for i in indices)
        flags = bytearray(len(self.text))
        offset = 0
        for n, i in enumerate(indices):
            clause = doc.clauses[i]
            for e in clause.emphasis:
                bit = _ITALIC if e.style is EmphasisStyle.ITALIC else _BOLD
                for k in range(offset + e.span.start, offset + e.span.end):
                    flags[k] |= bit
            offset += len(clause.text)
            if n < len(indices) - 1:
                for k in range(offset, offset + len(SIDE_JOINER)):
                    flags[k] |= _JOINER
                offset += len(SIDE_JOINER)
        self.flags = bytes(flags)


def link_pieces(al: Alignment, lk: ClauseLink) -> list[Piece]:
    """The link as exact pieces; see the module contract."""
    old, new = _Side(al.left, lk.left), _Side(al.right, lk.right)
    out: list[Piece] = []
    if not lk.right or not lk.left:
        side, mark = (old, Mark.DELETED) if not lk.right else (new, Mark.INSERTED)
        _one_sided(out, side, mark, 0, len(side.text))
        return out
    ops = lk.ops
    if not _covers(lk, len(old.text), len(new.text)):
        ops = ()
    if not ops:  # unchanged, a change of typography only, or ops that do not cover
        ops = (WordOp(OpKind.EQUAL, Span(0, len(old.text)), Span(0, len(new.text))),)
    # The words the diff calls equal are anchors, paired one to one; what lies between two
    # anchors (white space, changed words) is laid out by :func:`_between`, so that a space
    # the diff put on the wrong side of a word is not shown as changed.
    at_l = at_r = 0
    for op in ops:
        if op.kind is not OpKind.EQUAL:
            continue
        ta = [m.span() for m in TOKEN_RE.finditer(old.text, op.left.start, op.left.end)]
        tb = [m.span() for m in TOKEN_RE.finditer(new.text, op.right.start, op.right.end)]
        if len(ta) != len(tb):  # (tokens that do not pair: the stretch as a whole)
            _between(out, old, new, at_l, op.left.start, at_r, op.right.start)
            _equal(out, old, new, op.left.start, op.left.end, op.right.start, op.right.end)
            at_l, at_r = op.left.end, op.right.end
            continue
        for (a0, a1), (b0, b1) in zip(ta, tb, strict=True):
            _between(out, old, new, at_l, a0, at_r, b0)
            if old.text[a0:a1] == new.text[b0:b1]:
                _same(out, old, new, a0, b0, a1 - a0)
            else:  # the same word in other letter case or typography
                _one_sided(out, old, Mark.DELETED, a0, a1)
                _one_sided(out, new, Mark.INSERTED, b0, b1)
            at_l, at_r = a1, b1
    _between(out, old, new, at_l, len(old.text), at_r, len(new.text))
    return _coalesced(out)


def _coalesced(pieces: list[Piece]) -> list[Piece]:
    """Neighbouring pieces alike in all but their text as one (joiners stay apart)."""
    out: list[Piece] = []
    texts: list[str] = []
    for p in pieces:
        if out and not p.joiner and not out[-1].joiner and _alike(out[-1], p):
            texts.append(p.text)
            continue
        if texts:
            out[-1] = replace(out[-1], text="".join(texts))
        out.append(p)
        texts = [p.text]
    if texts:
        out[-1] = replace(out[-1], text="".join(texts))
    return out


def _alike(a: Piece, b: Piece) -> bool:
    return (a.mark, a.italic, a.bold, a.was_italic, a.was_bold) == (
        b.mark,
        b.italic,
        b.bold,
        b.was_italic,
        b.was_bold,
    )


def _between(out: list[Piece], old: _Side, new: _Side, l0: int, l1: int, r0: int, r1: int) -> None:
    """What lies between two anchors: the white-space-or-word tokens both open and close
    with unchanged, the rest deleted and inserted ("␣next␣" / "␣": "next␣" deleted)."""
    a, b = old.text[l0:l1], new.text[r0:r1]
    if a == b:
        _same(out, old, new, l0, r0, len(a))
        return
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    head, tail = shared_ends(ta, tb)
    h = sum(len(t) for t in ta[:head])
    t = sum(len(x) for x in ta[len(ta) - tail :])
    _same(out, old, new, l0, r0, h)
    _one_sided(out, old, Mark.DELETED, l0 + h, l1 - t)
    _one_sided(out, new, Mark.INSERTED, r0 + h, r1 - t)
    _same(out, old, new, l1 - t, r1 - t, t)


def _covers(lk: ClauseLink, n_left: int, n_right: int) -> bool:
    at_l = at_r = 0
    for op in lk.ops:
        if op.left.start != at_l or op.right.start != at_r:
            return False
        at_l, at_r = op.left.end, op.right.end
    return at_l == n_left and at_r == n_right


def _one_sided(out: list[Piece], side: _Side, mark: Mark, start: int, end: int) -> None:
    pos = start
    for flag, group in itertools.groupby(side.flags[start:end]):
        n = sum(1 for _ in group)
        italic, bold = bool(flag & _ITALIC), bool(flag & _BOLD)
        out.append(
            Piece(mark, side.text[pos : pos + n], italic, bold, italic, bold, bool(flag & _JOINER))
        )
        pos += n


def _equal(out: list[Piece], old: _Side, new: _Side, l0: int, l1: int, r0: int, r1: int) -> None:
    """Stretches the word diff calls equal: unchanged where the characters are, else the
    differing tokens (white space, quotation marks, letter case) deleted and inserted."""
    a, b = old.text[l0:l1], new.text[r0:r1]
    if a == b:
        _same(out, old, new, l0, r0, len(a))
        return
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    pa, pb = [l0], [r0]
    for t in ta:
        pa.append(pa[-1] + len(t))
    for t in tb:
        pb.append(pb[-1] + len(t))
    for op in Indel.opcodes(ta, tb):
        i1, i2, j1, j2 = op.src_start, op.src_end, op.dest_start, op.dest_end
        if op.tag == "equal":
            _same(out, old, new, pa[i1], pb[j1], pa[i2] - pa[i1])
            continue
        x0, x1, y0, y1 = pa[i1], pa[i2], pb[j1], pb[j2]
        # what the two stretches open and close with stays unchanged ("Decides" / "decides")
        head = 0
        while x0 + head < x1 and y0 + head < y1 and old.text[x0 + head] == new.text[y0 + head]:
            head += 1
        tail = 0
        while (
            x1 - tail > x0 + head
            and y1 - tail > y0 + head
            and old.text[x1 - tail - 1] == new.text[y1 - tail - 1]
        ):
            tail += 1
        _same(out, old, new, x0, y0, head)
        _one_sided(out, old, Mark.DELETED, x0 + head, x1 - tail)
        _one_sided(out, new, Mark.INSERTED, y0 + head, y1 - tail)
        _same(out, old, new, x1 - tail, y1 - tail, tail)


def _same(out: list[Piece], old: _Side, new: _Side, l0: int, r0: int, n: int) -> None:
    """``n`` characters equal in both texts: unchanged pieces, cut where either side's
    emphasis changes; a character that breaks a side's clauses on one side only is deleted
    there and inserted on the other."""
    if n <= 0:
        return
    pairs = zip(old.flags[l0 : l0 + n], new.flags[r0 : r0 + n], strict=True)
    k = 0
    for (f_old, f_new), group in itertools.groupby(pairs):
        m = sum(1 for _ in group)
        text = new.text[r0 + k : r0 + k + m]
        if (f_old & _JOINER) != (f_new & _JOINER):
            _one_sided(out, old, Mark.DELETED, l0 + k, l0 + k + m)
            _one_sided(out, new, Mark.INSERTED, r0 + k, r0 + k + m)
        else:
            out.append(
                Piece(
                    Mark.SAME,
                    text,
                    bool(f_new & _ITALIC),
                    bool(f_new & _BOLD),
                    bool(f_old & _ITALIC),
                    bool(f_old & _BOLD),
                    bool(f_new & _JOINER),
                )
            )
        k += m


def written_label(doc: Document, clause: Clause) -> str:
    """A clause's number as the source writes it before the text, with the white space after
    it ("1. ", "a) ", "3.1 "); where the source's opening is not plain text (Markdown), the
    label and a space; ``""`` for none."""
    if not clause.label:
        return ""
    if clause.text:
        written = doc.source[clause.span.start : clause.source_map.to_source(0)]
        if clause.label in written and not any(c in written for c in "*_#[<`\n\r\f\v"):
            return written
    return f"{clause.label} "


def paragraph_text(doc: Document, clause: Clause) -> str:
    """A clause as a paragraph of a Word file: its number as written, then its text."""
    return written_label(doc, clause) + clause.text

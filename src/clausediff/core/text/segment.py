"""Segmentation of a decision text into clauses and sentences.

Contract: :func:`segment` takes the source text exactly as read and returns the clauses in
order. Every non-blank character of the source lies in exactly one clause span and the
text between spans is white space only, so spans plus separators rebuild the source.
Paragraphs are separated by blank lines (LF, CRLF or CR); inside a paragraph a line that
starts with a number label (``1.``, ``1.1``, ``1.10.1``, ``(a)``, ``(iv)``, ``b)``, ``a.``,
``B.``, ``IV.``, ``2.3 bis``, ``4.Limitations``, ``Article 4``, ``Section 1 –``, ``§ 3``)
starts a new clause. A run-in heading ("8. TERMINATION. This License …") is a heading
clause of its own, before its body. ``[[GAP: note]]`` markers become gap clauses. Each
clause is classified as heading, preamble (opener and recitals), introducer, operative or
gap, following the layout of a ministerial decision: title block, "The Ministerial
Conference,", recitals, "Decides:", operative paragraphs. Labels are kept apart from the
clause text, and so is decoration: a rule (``-----``, ``*****``, ``=====``, ``_____``, ``———``) is
never clause text nor a clause (it lies in the span of the clause before it, or after it),
and the lines of a box under a rule lose their sides (the text is then several slices of
the source, through the clause's :class:`SourceMap`). Wording is never altered: the text
is slices of the source. With ``markdown=True`` emphasis markers become formatting spans.
Square brackets (text not yet agreed in a draft) stay in the text and become each clause's
``brackets`` (:mod:`clausediff.core.text.brackets`); a bracket opening a clause before its
label ("[3. Members …]") leaves the label read as usual ("3") and opens the text.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from clausediff.core import collector
from clausediff.core.model import (
    Clause,
    ClauseKind,
    Emphasis,
    EmphasisStyle,
    Sentence,
    SourceMap,
    Span,
)
from clausediff.core.text.blocks import Piece, iter_blocks, pieces
from clausediff.core.text.brackets import attach_brackets
from clausediff.core.text.kinds import Classifier
from clausediff.core.text.labels import NUMBER_DOT_RE, PARA_LABEL_RE
from clausediff.core.text.markup import strip_emphasis
from clausediff.core.text.names import reader_labels
from clausediff.core.text.sentences import split_sentences
from clausediff.core.text.titles import is_title


def segment(
    source: str,
    *,
    markdown: bool = False,
    emphasis: Sequence[tuple[int, int, EmphasisStyle]] = (),
) -> tuple[Clause, ...]:
    """Split ``source`` into clauses; see the module contract.

    ``emphasis`` is formatting a reader found in the source (italics in a Word file, say),
    as ``(start, end, style)`` source ranges; each clause gets the parts over its text.
    """
    clauses: list[Clause] = []
    classifier = Classifier()
    ranges = sorted(emphasis, key=lambda r: (r[0], r[1]))
    held: list[Piece] = []  # decoration before the first clause
    with collector.paused():  # (tens of thousands of small values, no cycles)
        for block_start, block_end in iter_blocks(source):
            for piece in pieces(source, block_start, block_end):
                if piece.decoration:  # (into the span of the clause before, or after)
                    if clauses:
                        last = clauses[-1]
                        clauses[-1] = replace(last, span=Span(last.span.start, piece.end))
                    else:
                        held.append(piece)
                    continue
                clause = _make_clause(source, piece, len(clauses), classifier, markdown, ranges)
                if held and not clauses:
                    clause = replace(clause, span=Span(held[0].start, clause.span.end))
                clauses.append(clause)
        if held and not clauses:  # nothing but decoration: it is all the text there is
            for piece in held:
                plain = replace(piece, decoration=False)
                clauses.append(
                    _make_clause(source, plain, len(clauses), classifier, markdown, ranges)
                )
    _name(clauses)
    return attach_brackets(clauses)


def _name(clauses: list[Clause]) -> None:
    """Give each clause its reader's label (they depend on the whole document). The clauses
    are new and not yet seen by anyone: set in place, as ``replace`` on 60,000 clauses
    would cost a noticeable part of the segmenting."""
    for clause, name in zip(clauses, reader_labels(clauses), strict=True):
        object.__setattr__(clause, "reader_label", name)


def _clip_emphasis(
    ranges: list[tuple[int, int, EmphasisStyle]], start: int, end: int
) -> tuple[Emphasis, ...]:
    """The parts of source ``ranges`` inside ``[start, end)``, as spans of the text there."""
    out = []
    k = bisect.bisect_left(ranges, (start, -1, EmphasisStyle.BOLD)) - 1
    for a, b, style in ranges[max(0, k) :]:
        if a >= end:
            break
        lo, hi = max(a, start), min(b, end)
        if lo < hi:
            out.append(Emphasis(Span(lo - start, hi - start), style))
    return tuple(out)


def _through_parts(
    pieces: tuple[tuple[int, int, int], ...], base: int, parts: tuple[tuple[int, int], ...]
) -> tuple[tuple[int, int, int], ...]:
    """Text pieces ``(text_start, base + raw_offset, length)`` of a text cut from the
    concatenation of ``parts``, as pieces of the source itself (split where parts meet)."""
    out = []
    for t, s, n in pieces:
        r0, r1 = s - base, s - base + n  # (the range of the concatenation)
        offset = 0
        for a, b in parts:
            lo, hi = max(r0, offset), min(r1, offset + b - a)
            if lo < hi:
                out.append((t + lo - r0, a + lo - offset, hi - lo))
            offset += b - a
    return tuple(out)


def _leading_brackets(raw: str) -> int:
    """1 when a bracket opens ``raw`` (not a gap marker's "[["), else 0."""
    return 1 if raw.startswith("[") and not raw.startswith("[[") else 0


def _make_clause(
    source: str,
    piece: Piece,
    index: int,
    classifier: Classifier,
    markdown: bool,
    ranges: list[tuple[int, int, EmphasisStyle]] | None = None,
) -> Clause:
    cid = f"c{index + 1}"
    span = Span(piece.start, piece.end)
    if piece.gap_note is not None:
        raw = source[piece.start : piece.end]
        return Clause(
            id=cid,
            index=index,
            label="",
            kind=ClauseKind.GAP,
            text=raw,
            span=span,
            source_map=SourceMap(((0, piece.start, len(raw)),)),
            gap_note=piece.gap_note,
            sentences=(Sentence(f"{cid}.s1", 0, raw, Span(0, len(raw))),),
        )
    if piece.parts:
        raw = "".join(source[a:b] for a, b in piece.parts)
    else:
        raw = source[piece.start : piece.end]
    label = ""
    structural = False
    body_offset = 0
    # a bracketed clause may open before its label ("[3. Members shall …]"): the label is
    # read after the brackets, which stay in the text
    lead = _leading_brackets(raw)
    if piece.first_of_block and not piece.starts_in_gap:
        m = PARA_LABEL_RE.match(raw[lead:]) if lead else PARA_LABEL_RE.match(raw)
        if lead and (m is None or m.group("core") is not None or not raw[lead + m.end() :].strip()):
            lead, m = 0, PARA_LABEL_RE.match(raw)
        label_end = lead + m.end() if m else 0
        if m and m.group("core") is not None and not raw[label_end:].strip():
            structural = True  # a bare "Article 4": the heading is all its text
        elif m and raw[label_end:].strip():
            core = m.group("core")
            if core is not None:  # (its separator, a dash or a stop, is left out too)
                label = " ".join(core.split())
                structural = True
            else:
                label = m.group().strip()
            if NUMBER_DOT_RE.fullmatch(label):
                label = label[:-1]
            body_offset = label_end
            while body_offset < len(raw) and raw[body_offset].isspace():
                body_offset += 1
    if not label:
        lead = 0
    body = raw[body_offset:]
    emphasis: tuple[Emphasis, ...] = ()
    if markdown:
        stripped = strip_emphasis(body)
        text = stripped.text
        pieces = tuple((t, piece.start + body_offset + s, n) for t, s, n in stripped.pieces)
        emphasis = stripped.emphasis
    else:
        text = body
        pieces = ((0, piece.start + body_offset, len(body)),)
    if not piece.parts and not markdown and ranges:
        start = piece.start + body_offset
        emphasis = _clip_emphasis(ranges, start, start + len(body))
    if lead:  # (the brackets before the label open the text)
        text = raw[:lead] + text
        pieces = ((0, piece.start, lead), *((t + lead, s, n) for t, s, n in pieces))
        emphasis = tuple(
            Emphasis(Span(e.span.start + lead, e.span.end + lead), e.style) for e in emphasis
        )
    if piece.parts:  # (offsets into ``raw`` so far: map them through the parts)
        pieces = _through_parts(pieces, piece.start, piece.parts)
    if structural and (not label or is_title(text)):
        kind = ClauseKind.HEADING  # "Article 4"; "Section 1 – Definitions.", a stop ending it
    else:
        kind = classifier.classify(text, label, piece)
    sentences = tuple(
        Sentence(f"{cid}.s{i + 1}", i, text[s.start : s.end], s)
        for i, s in enumerate(
            split_sentences(text) if kind is not ClauseKind.HEADING else [Span(0, len(text))]
        )
    )
    return Clause(
        id=cid,
        index=index,
        label=label,
        kind=kind,
        text=text,
        span=span,
        source_map=SourceMap(pieces),
        emphasis=emphasis,
        sentences=sentences,
        ends_in_gap=piece.ends_in_gap,
        starts_in_gap=piece.starts_in_gap,
    )

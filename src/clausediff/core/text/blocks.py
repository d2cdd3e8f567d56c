"""Paragraphs and the pieces a paragraph is cut into: labelled lines, gap markers, run-in
headings, Article/Section titles above their bodies, decoration rules and boxes.

Contract: :func:`iter_blocks` yields the paragraphs of a source (blank lines between them,
LF, CRLF or CR); :func:`pieces` cuts one paragraph into :class:`Piece` values, each a
stretch of the source (or several, for a box's lines without their sides) that becomes one
clause. Decoration is never part of a piece's text. Offsets are into the source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from clausediff.core.text.labels import GAP_RE, LABEL_RE, PARA_LABEL_RE, WEAK_LABEL_RE
from clausediff.core.text.sentences import split_sentences
from clausediff.core.text.titles import is_title
from clausediff.core.text.words import trim, word_count

_ITEM_END = frozenset(".:;!?")


_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")


#: A rule: a line of at least three of - = * _ ~ # + | or of the typographic dashes and
#: horizontal lines (en and em dashes, "―", "─", "━", "═"), spaced or not ("__________",
#: "* * *", "———"), or the empty line of a box ("|      |"). Never clause text.
_RULE_CHARS = "-=*_~#+|\u2012\u2013\u2014\u2015\u2500\u2501\u2550"
_DECORATION_RE = re.compile(rf"(?:[{_RULE_CHARS}][ \t]*){{2,}}[{_RULE_CHARS}]|[|*#][ \t]*[|*#]")


def is_rule(line: str) -> bool:
    """Whether ``line`` (without its line break and outer space) is a rule or a box's
    empty line: decoration, never clause text."""
    return _DECORATION_RE.fullmatch(line) is not None


#: A line of a box, after a rule: "| text |", "* text *", "# text #".
_BOX_SIDE_RE = re.compile(r"(?P<side>[|*#])(?:[ \t]+(?P<inner>\S(?:.*\S)?))?[ \t]*(?P=side)")


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of a block before classification."""

    start: int
    end: int
    gap_note: str | None = None
    ends_in_gap: bool = False
    starts_in_gap: bool = False
    first_of_block: bool = True
    #: a run-in heading split from its body ("8. TERMINATION." of "8. TERMINATION. This …")
    heading: bool = False
    #: a rule or the edge of a box: part of a clause's span, never of its text
    decoration: bool = False
    #: the source ranges whose concatenation is the text (empty: all of ``[start, end)``);
    #: the lines of a box without its sides, and the line breaks between them
    parts: tuple[tuple[int, int], ...] = ()


def iter_blocks(source: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each paragraph: non-blank lines, trimmed of outer space."""
    start: int | None = None
    end = 0
    for m in _LINE_RE.finditer(source):
        if m.start() == m.end():
            break
        content = m.group().rstrip("\r\n")
        stripped = content.strip()
        if stripped:
            lead = len(content) - len(content.lstrip())
            if start is None:
                start = m.start() + lead
            end = m.start() + len(content.rstrip())
        elif start is not None:
            yield start, end
            start = None
    if start is not None:
        yield start, end


def _lines(source: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """``(first, last, eol)`` of each non-blank line inside ``[start, end)``: the offsets of
    its first non-space character, just after its last one, and just after its line break."""
    lines = []
    for m in _LINE_RE.finditer(source, start, end):
        if m.start() == m.end():
            break
        content = m.group().rstrip("\r\n")
        stripped = content.strip()
        if stripped:
            first = m.start() + len(content) - len(content.lstrip())
            lines.append((first, first + len(stripped), m.end()))
    return lines


def _cuts_at(source: str, line_start: int, end: int) -> bool:
    """Whether the line starting at ``line_start`` (inside a block) starts a new clause."""
    window = source[line_start : min(end, line_start + 40)]
    m = LABEL_RE.match(window)
    if m is None and window.startswith("[") and not window.startswith("[["):
        m = LABEL_RE.match(window[1:])  # ("[3. …", "[(b) …": a bracketed item)
    if m is None:
        return False
    weak = WEAK_LABEL_RE.fullmatch(m.group().strip()) or (
        m.group("core") is not None and m.group("strong") is None
    )
    if weak:
        k = line_start - 1
        while k >= 0 and (source[k].isspace() or source[k] == "]"):
            k -= 1  # (a stop inside a closing bracket ends the item too: "… Members.]")
        return k >= 0 and source[k] in _ITEM_END
    return True


#: How far into a clause a run-in heading is looked for.
_RUN_IN_WINDOW = 300


def _run_in_heading(source: str, start: int, end: int) -> int | None:
    """The end of a run-in heading opening ``[start, end)``, if there is one.

    A labelled clause whose first sentence is a short capitalised title ending in a stop,
    on the label's line, and that goes on with a sentence of at least three words: "8.
    TERMINATION. This License …", "Section 1 – Definitions. In this Licence …". (Without
    a label, or a gap marker in the way, there is none.)
    """
    window = source[start : min(end, start + _RUN_IN_WINDOW)]
    m = PARA_LABEL_RE.match(window)
    if m is None or "[[" in window:
        return None
    body = window[m.end() :]
    # (a title is at most eight words and ends in a stop: without a stop in the first
    # eight words there is none, and most clauses are told so without cutting sentences)
    head = body.split(None, 8)[:8]
    if not head or not head[0][0].isupper() or not any(w.endswith(".") for w in head):
        return None
    spans = split_sentences(body)
    if len(spans) < 2:
        return None
    title, rest = body[spans[0].start : spans[0].end], body[spans[1].start : spans[1].end]
    if not title.endswith(".") or not is_title(title) or word_count(rest) < 3:
        return None
    if title.split()[0].endswith(","):  # ("HAIRER, S.P. NORSETT AND ...": names)
        return None
    return start + m.end() + spans[0].end


def pieces(source: str, start: int, end: int) -> Iterator[Piece]:
    """Split a block at labelled lines, at rules and at gap markers."""
    block = source[start:end]
    if "\n" not in block and "\r" not in block and "[[" not in block:
        # one line and no gap marker (the commonest block): one piece, trimmed already
        if _DECORATION_RE.fullmatch(block):
            yield Piece(start, end, decoration=True)
            return
        heading_end = _run_in_heading(source, start, end)
        if heading_end is None:
            yield Piece(start, end)
        else:
            yield Piece(start, heading_end, heading=True)
            yield Piece(*trim(source, heading_end, end), first_of_block=False)
        return
    # runs of text lines, cut at labelled lines; rules between them
    runs: list[list[tuple[int, int, int]]] = []
    ruled = False  # (a rule came before the current run in this block: it may be a box)
    boxes: list[bool] = []
    for line in _lines(source, start, end):
        first, last, _ = line
        if _DECORATION_RE.fullmatch(source, first, last):
            if runs and runs[-1]:
                runs.append([])
                boxes.append(False)
            runs.append([line])  # (a run of one rule: decoration)
            boxes.append(False)
            ruled = True
            continue
        if (
            not runs
            or _is_rule_run(source, runs[-1])
            or (runs[-1] and _cuts_at(source, first, end))
        ):
            runs.append([])
            boxes.append(ruled)
        runs[-1].append(line)
    for run, after_rule in zip(runs, boxes, strict=True):
        if not run:
            continue
        if _is_rule_run(source, run):
            yield Piece(run[0][0], run[0][1], decoration=True)
            continue
        if after_rule and all(_BOX_SIDE_RE.fullmatch(source, f, la) for f, la, _ in run):
            yield from _box(source, run)
            continue
        yield from _text_pieces(source, run[0][0], run[-1][1])


def _is_rule_run(source: str, run: list[tuple[int, int, int]]) -> bool:
    return len(run) == 1 and _DECORATION_RE.fullmatch(source, run[0][0], run[0][1]) is not None


def _box(source: str, run: list[tuple[int, int, int]]) -> Iterator[Piece]:
    """The lines of a box as one clause, without the box's sides: its text is the inner
    part of each line and the line breaks between them (an empty line is decoration)."""
    parts: list[tuple[int, int]] = []
    line_break: tuple[int, int] | None = None
    for first, last, eol in run:
        m = _BOX_SIDE_RE.fullmatch(source, first, last)
        if m is None or m.group("inner") is None:
            continue
        if parts and line_break is not None:
            parts.append(line_break)
        parts.append(m.span("inner"))
        k = last
        while k < eol and source[k] not in "\r\n":
            k += 1
        line_break = (k, eol) if k < eol else None
    if not parts:
        yield Piece(run[0][0], run[-1][1], decoration=True)
    else:
        yield Piece(run[0][0], run[-1][1], parts=tuple(parts))


def _title_lines(source: str, start: int, end: int) -> int | None:
    """The end of an article's or section's heading lines above its body, if any.

    "Article 4" alone on its line and a title on the next ("Definitions"), or "Section 1 –
    Definitions" on one line, with the body on the lines after: the heading is the label
    and the title. (A number label and a title, "1. DEFINITIONS" above its body, are left
    as one clause, as before.)
    """
    window = source[start : min(end, start + _RUN_IN_WINDOW)]
    m = PARA_LABEL_RE.match(window)
    if m is None or m.group("core") is None or m.group("strong") is None:
        return None
    lines = _lines(source, start, min(end, start + _RUN_IN_WINDOW))
    if m.group("strong").strip():  # a dash: the title is on the label's line
        title_line = 0
        title = source[start + m.end() : lines[0][1]]
    else:
        title_line = 1
        if len(lines) < 2:
            return None
        title = source[lines[1][0] : lines[1][1]]
    if len(lines) < title_line + 2 or "[[" in window or not is_title(title):
        return None
    return lines[title_line][1]


def _text_pieces(source: str, a: int, b: int) -> Iterator[Piece]:
    """A run of text lines: a heading split off, then cut at gap markers."""
    first = True
    heading_end = _title_lines(source, a, b)
    if heading_end is None:
        heading_end = _run_in_heading(source, a, b)
    if heading_end is not None:
        yield Piece(a, heading_end, heading=True)
        a, b = trim(source, heading_end, b)
        first = False
    pos = a
    after_gap = False
    for m in GAP_RE.finditer(source, a, b):
        ta, tb = trim(source, pos, m.start())
        if tb > ta:
            yield Piece(
                ta,
                tb,
                ends_in_gap=True,
                starts_in_gap=after_gap,
                first_of_block=first,
            )
            first = False
        yield Piece(
            m.start(),
            m.end(),
            gap_note=m.group(1),
            first_of_block=first,
        )
        first = False
        after_gap = True
        pos = m.end()
    ta, tb = trim(source, pos, b)
    if tb > ta:
        yield Piece(ta, tb, starts_in_gap=after_gap, first_of_block=first)

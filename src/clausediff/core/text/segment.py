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
clause text, and so is decoration: a rule (``-----``, ``*****``, ``=====``, ``_____``) is
never clause text nor a clause (it lies in the span of the clause before it, or after it),
and the lines of a box under a rule lose their sides (the text is then several slices of
the source, through the clause's :class:`SourceMap`). Wording is never altered: the text
is slices of the source. With ``markdown=True`` emphasis markers become formatting spans.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

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
from clausediff.core.text.markup import strip_emphasis

# A gap marker's note holds no "[[" and is at most 500 characters: so a marker opened and
# never closed costs a short look ahead, not a scan to the end of the text for each one.
GAP_RE = re.compile(r"\[\[\s*GAP\s*:\s*((?:(?!\[\[).){0,500}?)\s*\]\]", re.DOTALL | re.IGNORECASE)

_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_LABEL_PATTERN = r"""^(?:
    (?:
        \d{1,N}(?:\.\d{1,3})+\.?            # 1.1  1.2.3  1.10.1  1.1.
      | \d{1,N}\.(?!\d)                      # 1.
      | \d{1,3}(?=\s+[A-Z(])(?!\s+(?i:%s)\b)  # 1 The …  (not "20 May")
      | \((?:[a-z]{1,2}|[ivxlcdm]{1,7}|[A-Z]{1,2}|[IVXLCDM]{1,7}|\d{1,3})\)   # (a) (iv) (A) (1)
      | (?:[a-z]|[ivxlcdm]{1,7})\)           # a)  iv)
      | [IVXLC]{1,7}\.                       # IV.
      | [a-z]\.(?=\s+[^\s\d])                # a.  (not "p. 12"; "e.g." has no space)
      | [A-Z]\.(?=\s+[^\s\d])(?!\s+[^\s,]+,)  # B.  (not "E. HAIRER, S.P.", an initial)
      | (?=[ivx]{2})x{0,3}(?:ix|iv|v?i{0,3})\.  # ii.  xiv.  (lower-case roman, not "civil.")
    )(?:\s+(?:bis|ter|quater|quinquies|sexies))?(?=\s)
  | \d{1,2}\.(?=[A-Z][a-z])                  # 4.Limitations (no space after the number)
  | (?P<core>                                # Article 4  Section 1  § 3  (the label)
        (?:Article|ARTICLE|Section|SECTION)[ \t]+(?:\d{1,3}(?:\.\d{1,3})*[A-Za-z]?|[IVXLC]{1,7})
      | §§?[ \t]*\d{1,3}(?:\.\d{1,3})*[a-z]?
    )
    (?:                                      # then the end of the line, a dash, a stop or
        (?P<strong>[ \t]*[–—-][ \t]+|(?=[ \t]*(?:\r|\n|$)))  # colon, or a capital: never
      | [ \t]*[.:](?=\s)                      # "Article 4 of the Agreement"
      | (?=[ \t]+[\"'“‘(\[]?[A-Z])
    )
)""".replace("%s", _MONTHS)

#: A label on a line inside a paragraph. Numbers stay short, so that a year wrapped to the
#: start of a line ("... 31 December\n2013. The ...") never cuts a paragraph.
LABEL_RE = re.compile(_LABEL_PATTERN.replace("{1,N}", "{1,3}"), re.VERBOSE)
#: A label opening a paragraph: long documents number paragraphs beyond 999.
PARA_LABEL_RE = re.compile(_LABEL_PATTERN.replace("{1,N}", "{1,5}"), re.VERBOSE)

#: A label that is one letter and a stop ("a.", "B.") or a lower-case roman number ("ii.")
#: cuts a paragraph only after a line that ends a sentence or an item: at the start of a
#: wrapped line it is more often an initial ("Lawrence\nE. Rosen") or a word. So does
#: "Article 4" unless a dash or the end of the line follows it (a wrapped line may start
#: "Article 4. The ..." after "in accordance with").
_WEAK_LABEL_RE = re.compile(r"[A-Za-z]\.|[ivx]{2,7}\.")
_ITEM_END = frozenset(".:;!?")
_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
#: A rule: a line of at least three of - = * _ ~ # + | (spaced or not), or the empty line
#: of a box ("|      |"). Never clause text.
_DECORATION_RE = re.compile(r"(?:[-=*_~#+|][ \t]*){2,}[-=*_~#+|]|[|*#][ \t]*[|*#]")
#: A line of a box, after a rule: "| text |", "* text *", "# text #".
_BOX_SIDE_RE = re.compile(r"(?P<side>[|*#])(?:[ \t]+(?P<inner>\S(?:.*\S)?))?[ \t]*(?P=side)")
_WS_RE = re.compile(r"\s+")
_NUMBER_DOT_RE = re.compile(r"\d{1,5}\.")
_LAST_WORD_RE = re.compile(r"(\S+)$")

RECITAL_ADJECTIVES = frozenset(
    {
        "mindful",
        "conscious",
        "convinced",
        "aware",
        "determined",
        "concerned",
        "cognizant",
        "cognisant",
        "desirous",
        "deeply",
        "further",
        "also",
        "guided",
        "pursuant",
    }
)
_SENT_END_RE = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z])")
ABBREVIATIONS = frozenset(
    {
        "i.e",
        "e.g",
        "no",
        "nos",
        "para",
        "paras",
        "art",
        "arts",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "cf",
        "vs",
        "op",
        "cit",
        "ibid",
        "fig",
        "vol",
        "ch",
        "sec",
        "p",
        "pp",
        "ref",
        "rev",
        "corr",
        "add",
        "doc",
        "approx",
        "incl",
        "inc",
        "ltd",
        "co",
        "u.s",
        "u.k",
        "u.n",
        "h.e",
        "viz",
        "al",
        "ann",
        "chap",
        "sect",
        "subpara",
        "subparas",
    }
)


@dataclass(frozen=True, slots=True)
class _Piece:
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


def _trim(source: str, a: int, b: int) -> tuple[int, int]:
    while a < b and source[a].isspace():
        a += 1
    while b > a and source[b - 1].isspace():
        b -= 1
    return a, b


def _cuts_at(source: str, line_start: int, end: int) -> bool:
    """Whether the line starting at ``line_start`` (inside a block) starts a new clause."""
    m = LABEL_RE.match(source[line_start : min(end, line_start + 40)])
    if m is None:
        return False
    weak = _WEAK_LABEL_RE.fullmatch(m.group().strip()) or (
        m.group("core") is not None and m.group("strong") is None
    )
    if weak:
        k = line_start - 1
        while k >= 0 and source[k].isspace():
            k -= 1
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
    spans = split_sentences(body)
    if len(spans) < 2:
        return None
    title, rest = body[spans[0].start : spans[0].end], body[spans[1].start : spans[1].end]
    if not title.endswith(".") or not _is_title(title) or _word_count(rest) < 3:
        return None
    if title.split()[0].endswith(","):  # ("HAIRER, S.P. NORSETT AND ...": names)
        return None
    return start + m.end() + spans[0].end


def _pieces(source: str, start: int, end: int) -> Iterator[_Piece]:
    """Split a block at labelled lines, at rules and at gap markers."""
    block = source[start:end]
    if "\n" not in block and "\r" not in block and "[[" not in block:
        # one line and no gap marker (the commonest block): one piece, trimmed already
        if _DECORATION_RE.fullmatch(block):
            yield _Piece(start, end, decoration=True)
            return
        heading_end = _run_in_heading(source, start, end)
        if heading_end is None:
            yield _Piece(start, end)
        else:
            yield _Piece(start, heading_end, heading=True)
            yield _Piece(*_trim(source, heading_end, end), first_of_block=False)
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
            yield _Piece(run[0][0], run[0][1], decoration=True)
            continue
        if after_rule and all(_BOX_SIDE_RE.fullmatch(source, f, la) for f, la, _ in run):
            yield from _box(source, run)
            continue
        yield from _text_pieces(source, run[0][0], run[-1][1])


def _is_rule_run(source: str, run: list[tuple[int, int, int]]) -> bool:
    return len(run) == 1 and _DECORATION_RE.fullmatch(source, run[0][0], run[0][1]) is not None


def _box(source: str, run: list[tuple[int, int, int]]) -> Iterator[_Piece]:
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
        yield _Piece(run[0][0], run[-1][1], decoration=True)
    else:
        yield _Piece(run[0][0], run[-1][1], parts=tuple(parts))


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
    if len(lines) < title_line + 2 or "[[" in window or not _is_title(title):
        return None
    return lines[title_line][1]


def _text_pieces(source: str, a: int, b: int) -> Iterator[_Piece]:
    """A run of text lines: a heading split off, then cut at gap markers."""
    first = True
    heading_end = _title_lines(source, a, b)
    if heading_end is None:
        heading_end = _run_in_heading(source, a, b)
    if heading_end is not None:
        yield _Piece(a, heading_end, heading=True)
        a, b = _trim(source, heading_end, b)
        first = False
    pos = a
    after_gap = False
    for m in GAP_RE.finditer(source, a, b):
        ta, tb = _trim(source, pos, m.start())
        if tb > ta:
            yield _Piece(
                ta,
                tb,
                ends_in_gap=True,
                starts_in_gap=after_gap,
                first_of_block=first,
            )
            first = False
        yield _Piece(
            m.start(),
            m.end(),
            gap_note=m.group(1),
            first_of_block=first,
        )
        first = False
        after_gap = True
        pos = m.end()
    ta, tb = _trim(source, pos, b)
    if tb > ta:
        yield _Piece(ta, tb, starts_in_gap=after_gap, first_of_block=first)


def split_sentences(text: str) -> list[Span]:
    """Sentence spans of ``text``, trimmed; never breaks after an abbreviation or inside a
    number or document symbol (a break needs white space and then an upper-case letter)."""
    spans: list[Span] = []
    pos = 0
    for m in _SENT_END_RE.finditer(text):
        # the word before the stop; a window of the text before it is enough (no
        # abbreviation is that long), and keeps a paragraph of many stops linear
        word_match = _LAST_WORD_RE.search(text[max(pos, m.start() - 64) : m.start()])
        word = word_match.group(1) if word_match else ""
        bare = word.lstrip("(\"'“‘[").lower().rstrip(".")
        if bare in ABBREVIATIONS or (len(bare) == 1 and bare.isalpha()):
            continue
        a, b = _trim(text, pos, m.end())
        if b > a:
            spans.append(Span(a, b))
        pos = m.end()
    a, b = _trim(text, pos, len(text))
    if b > a:
        spans.append(Span(a, b))
    return spans


def _word_count(text: str) -> int:
    return len(_WS_RE.split(text.strip())) if text.strip() else 0


def _first_word(text: str) -> str:
    m = re.match(r"[\"'“‘(]*([A-Za-z][\w-]*)", text)
    return m.group(1) if m else ""


def _is_recital(text: str) -> bool:
    word = _first_word(text)
    if not word or not word[0].isupper():
        return False
    lw = word.lower()
    return (lw.endswith("ing") and len(lw) > 4) or lw in RECITAL_ADJECTIVES


def _is_introducer(text: str) -> bool:
    return text.rstrip().endswith(":") and _word_count(text) <= 8


def _is_opener(text: str) -> bool:
    t = text.rstrip()
    return t.endswith(",") and _word_count(t) <= 8 and not _is_recital(t)


_SMALL_WORD_LEN = 3  # "of", "and", "the": lower case in a title


def _is_title(text: str) -> bool:
    """A short title on one line, capitalised: "Definitions.", "Scope of Application",
    "TERMINATION." (a sentence such as "The Members shall comply." is not one)."""
    t = text.strip()
    if not t or "\n" in t or "\r" in t or len(split_sentences(t)) > 1:
        return False
    words = t.split()
    if len(words) > 8 or not t[0].isupper() or t[-1] in ",;:":
        return False
    return t.upper() == t or all(
        w[0].isupper() or not w.isalpha() or len(w) <= _SMALL_WORD_LEN
        for w in (w.strip("\"'“”‘’().,") for w in words)
        if w
    )


#: A recital is a clause of a sentence; a line of at most this many words, with no stop or
#: comma at its end, is a title even when it opens with "-ing" ("Copying Docutils").
_TITLE_LINE_WORDS = 6


def _is_title_line(text: str) -> bool:
    t = text.strip()
    return bool(t) and t[-1].isalnum() and _word_count(t) <= _TITLE_LINE_WORDS and _is_title(t)


def _looks_like_heading(text: str, label: str) -> bool:
    t = text.strip()
    if not t:
        return False
    if t[-1] in ".,;:" or len(split_sentences(t)) > 1:
        return False
    words = _word_count(t)
    if t.upper() == t and any(ch.isalpha() for ch in t):
        return words <= 30
    return words <= 15 and (not label or words <= 10)


class _Classifier:
    """The layout of a decision, read top to bottom: front matter, preamble, operative part."""

    FRONT, PREAMBLE, OPERATIVE = range(3)

    def __init__(self) -> None:
        self.phase = self.FRONT

    def classify(self, text: str, label: str, piece: _Piece) -> ClauseKind:
        if piece.gap_note is not None:
            return ClauseKind.GAP
        if piece.heading:
            return ClauseKind.HEADING
        if not piece.first_of_block and piece.starts_in_gap:
            return ClauseKind.OPERATIVE if self.phase == self.OPERATIVE else ClauseKind.PREAMBLE
        if _is_introducer(text) and not label:
            self.phase = self.OPERATIVE
            return ClauseKind.INTRODUCER
        if self.phase in (self.FRONT, self.PREAMBLE) and not label:
            if (_is_recital(text) and not _is_title_line(text)) or (
                self.phase == self.FRONT and _is_opener(text)
            ):
                self.phase = self.PREAMBLE
                return ClauseKind.PREAMBLE
            if (
                self.phase == self.PREAMBLE
                and text.rstrip().endswith(",")
                and _first_word(text) not in ("To", "That")
            ):
                return ClauseKind.PREAMBLE
        cut_off = piece.ends_in_gap and _word_count(text) > 6
        if self.phase == self.FRONT and not cut_off and _looks_like_heading(text, label):
            return ClauseKind.HEADING
        if (
            self.phase == self.OPERATIVE
            and _looks_like_heading(text, label)
            and (_word_count(text) <= 10 and text.strip()[:1].isupper())
        ):
            return ClauseKind.HEADING
        self.phase = self.OPERATIVE
        return ClauseKind.OPERATIVE


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
    classifier = _Classifier()
    ranges = sorted(emphasis, key=lambda r: (r[0], r[1]))
    held: list[_Piece] = []  # decoration before the first clause
    with collector.paused():  # (tens of thousands of small values, no cycles)
        for block_start, block_end in iter_blocks(source):
            for piece in _pieces(source, block_start, block_end):
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
    return tuple(clauses)


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


def _make_clause(
    source: str,
    piece: _Piece,
    index: int,
    classifier: _Classifier,
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
    if piece.first_of_block and not piece.starts_in_gap:
        m = PARA_LABEL_RE.match(raw)
        if m and m.group("core") is not None and not raw[m.end() :].strip():
            structural = True  # a bare "Article 4": the heading is all its text
        elif m and raw[m.end() :].strip():
            core = m.group("core")
            if core is not None:  # (its separator, a dash or a stop, is left out too)
                label = " ".join(core.split())
                structural = True
            else:
                label = m.group().strip()
            if _NUMBER_DOT_RE.fullmatch(label):
                label = label[:-1]
            body_offset = m.end()
            while body_offset < len(raw) and raw[body_offset].isspace():
                body_offset += 1
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
    if piece.parts:  # (offsets into ``raw`` so far: map them through the parts)
        pieces = _through_parts(pieces, piece.start, piece.parts)
    elif not markdown and ranges:
        start = piece.start + body_offset
        emphasis = _clip_emphasis(ranges, start, start + len(body))
    if structural and (not label or _is_title(text)):
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

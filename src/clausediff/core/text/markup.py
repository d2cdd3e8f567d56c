"""Markdown emphasis as formatting, not text.

Contract: :func:`strip_emphasis` takes a piece of Markdown-flavoured text and returns the
text without its emphasis markers, the kept pieces (so that offsets map back to the input)
and the emphasis spans over the returned text. Only paired ``*``/``_`` (italic) and
``**``/``__`` (bold) around non-space text count, as CommonMark has it for the simple cases
that occur in decision texts; an unpaired asterisk stays literal text. Nothing is added,
nothing but marker characters is removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clausediff.core.model import Emphasis, EmphasisStyle, Span

_BOLD_RE = re.compile(r"(?<![*_\w])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?![*_\w])", re.DOTALL)
_ITALIC_RE = re.compile(r"(?<![*_\w])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![*_\w])", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Stripped:
    text: str
    pieces: tuple[tuple[int, int, int], ...]  # (text_start, input_start, length)
    emphasis: tuple[Emphasis, ...]


def strip_emphasis(text: str) -> Stripped:
    """Remove paired emphasis markers from ``text``; see the module contract."""
    if "*" not in text and "_" not in text:
        return Stripped(text, ((0, 0, len(text)),) if text else (), ())
    removed = [False] * len(text)
    marks: list[tuple[int, int, EmphasisStyle]] = []  # input offsets of the emphasised run
    masked = text
    for m in _BOLD_RE.finditer(text):
        a, b = m.start(2), m.end(2)
        for i in (*range(m.start(), a), *range(b, m.end())):
            removed[i] = True
        marks.append((a, b, EmphasisStyle.BOLD))
    if marks:
        # Hide bold markers from the italic pass.
        chars = list(text)
        for i, r in enumerate(removed):
            if r:
                chars[i] = " "
        masked = "".join(chars)
    for m in _ITALIC_RE.finditer(masked):
        a, b = m.start(2), m.end(2)
        removed[m.start()] = True
        removed[m.end() - 1] = True
        marks.append((a, b, EmphasisStyle.ITALIC))
    if not marks:
        return Stripped(text, ((0, 0, len(text)),) if text else (), ())

    # Prefix count of kept characters gives the output offset of every input offset.
    out_pos = [0] * (len(text) + 1)
    kept: list[str] = []
    pieces: list[tuple[int, int, int]] = []
    n = 0
    for i, ch in enumerate(text):
        out_pos[i] = n
        if removed[i]:
            continue
        if pieces and pieces[-1][1] + pieces[-1][2] == i:
            t0, s0, ln = pieces[-1]
            pieces[-1] = (t0, s0, ln + 1)
        else:
            pieces.append((n, i, 1))
        kept.append(ch)
        n += 1
    out_pos[len(text)] = n
    emphasis = tuple(
        sorted(
            (Emphasis(Span(out_pos[a], out_pos[b]), style) for a, b, style in marks),
            key=lambda e: (e.span.start, e.span.end),
        )
    )
    return Stripped("".join(kept), tuple(pieces), emphasis)

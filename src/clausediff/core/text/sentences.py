"""Sentences of a clause text, cut where a sentence ends and not at abbreviations,
document symbols, dates or "No."/"para."/"Art.".

Contract: :func:`split_sentences` returns spans of the text that cover it, in order, with
the white space between sentences left out.
"""

from __future__ import annotations

import re

from clausediff.core.model import Span
from clausediff.core.text.words import trim

_LAST_WORD_RE = re.compile(r"(\S+)$")


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
        a, b = trim(text, pos, m.end())
        if b > a:
            spans.append(Span(a, b))
        pos = m.end()
    a, b = trim(text, pos, len(text))
    if b > a:
        spans.append(Span(a, b))
    return spans

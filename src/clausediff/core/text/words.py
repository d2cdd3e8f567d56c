"""Measures of a piece of text the segmenter decides on: white space trimmed, words
counted, the first word, whether a line is set as a title.

Contract: pure functions on strings and offsets; no wording is changed.
"""

from __future__ import annotations

import re

WS_RE = re.compile(r"\s+")


def trim(source: str, a: int, b: int) -> tuple[int, int]:
    while a < b and source[a].isspace():
        a += 1
    while b > a and source[b - 1].isspace():
        b -= 1
    return a, b


def word_count(text: str) -> int:
    return len(WS_RE.split(text.strip())) if text.strip() else 0


def first_word(text: str) -> str:
    m = re.match(r"[\"'“‘(\[]*([A-Za-z][\w-]*)", text)
    return m.group(1) if m else ""

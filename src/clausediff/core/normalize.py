"""Normalisation for comparison, and word tokens that carry their character offsets.

Contract: these functions produce *comparison keys* only. The text a user sees is never
replaced by a key: every :class:`Token` keeps its exact span in the original string, and
callers display the original. Normalising folds Unicode to NFC, curly quotes to straight
ones, dashes to a hyphen, every run of white space (non-breaking spaces included) to one
space and, when asked, case.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00ad": "",
    }
)
_SPACE_RE = re.compile(r"\s+")

# A word: letters/digits joined by inner hyphens, slashes, apostrophes, periods or a
# parenthesised part, so that document symbols ("WT/MIN(13)/32"), "e-commerce",
# "economic/development" and "1.2" are one token each. Anything else that is not
# white space is a one-character punctuation token.
TOKEN_RE = re.compile(r"\w+(?:(?:[-/'’.]\w+)|(?:\(\w+\)))*|[^\w\s]")
_WORD_RE = re.compile(r"\w")


def normalize(text: str, *, casefold: bool = False) -> str:
    """The comparison key of ``text``: NFC, straight quotes, single spaces, trimmed."""
    key = unicodedata.normalize("NFC", text).translate(_QUOTES)
    key = _SPACE_RE.sub(" ", key).strip()
    return key.casefold() if casefold else key


def normalize_token(token: str, *, casefold: bool = False) -> str:
    key = unicodedata.normalize("NFC", token).translate(_QUOTES)
    return key.casefold() if casefold else key


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark with its span ``[start, end)`` in the original text."""

    text: str
    start: int
    end: int
    key: str

    @property
    def is_word(self) -> bool:
        return bool(_WORD_RE.match(self.text))


def tokenize(text: str, *, casefold: bool = False) -> list[Token]:
    """Split ``text`` into word and punctuation tokens, keeping their offsets."""
    return [
        Token(m.group(), m.start(), m.end(), normalize_token(m.group(), casefold=casefold))
        for m in TOKEN_RE.finditer(text)
    ]


def word_keys(text: str) -> list[str]:
    """Case-folded, normalised words of ``text`` without punctuation: the alignment tokens."""
    folded = unicodedata.normalize("NFC", text).translate(_QUOTES).casefold()
    return [m.group() for m in TOKEN_RE.finditer(folded) if _WORD_RE.match(m.group())]

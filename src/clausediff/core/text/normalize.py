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
from array import array
from itertools import accumulate
from typing import NamedTuple

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

# A word: letters/digits joined by inner hyphens, slashes, apostrophes, periods or a
# parenthesised part, so that document symbols ("WT/MIN(13)/32"), "e-commerce",
# "economic/development" and "1.2" are one token each. Anything else that is not
# white space is a one-character punctuation token.
# (the joiners include every quote and dash that folding turns into one, so that a word is
# the same word before and after folding)
_WORD = r"\w+(?:(?:[-/'.\u2018\u2019\u201a\u201b\u2032\u2010-\u2014\u2212]\w+)|(?:\(\w+\)))*"
TOKEN_RE = re.compile(_WORD + r"|[^\w\s]")
_WORD_RE = re.compile(r"\w")
# The word alternative of TOKEN_RE alone: scanning with it finds exactly TOKEN_RE's words.
_WORD_TOKEN_RE = re.compile(_WORD)
# Splitting on a capturing TOKEN_RE gives [space, token, space, token, …, space]: the tokens
# and, by the running sum of the pieces' lengths, their offsets, without a match object each.
_TOKEN_SPLIT_RE = re.compile("(" + TOKEN_RE.pattern + ")")
_WORD_SPLIT_RE = re.compile("(" + _WORD + ")")


# Typewriter quotes and dashes, as plain-text licences and TeX write them.
_TYPEWRITER = {"``": '"', "''": '"', "--": "-"}
_TYPEWRITER_RE = re.compile(r"``|''|-{2,3}")


def normalize(text: str, *, casefold: bool = False) -> str:
    """The comparison key of ``text``: NFC, straight quotes, single spaces, trimmed; the
    typewriter forms of quotes and dashes (``like this'', "--") folded as well."""
    key = text if text.isascii() else unicodedata.normalize("NFC", text).translate(_QUOTES)
    if "``" in key or "''" in key or "--" in key:
        key = _TYPEWRITER_RE.sub(lambda m: _TYPEWRITER[m.group()[:2]], key)
    # (str.split() cuts at exactly the characters ``\s`` matches, and is several times faster
    # than a regular-expression substitution)
    key = " ".join(key.split())
    return key.casefold() if casefold else key


def normalize_token(token: str, *, casefold: bool = False) -> str:
    key = unicodedata.normalize("NFC", token).translate(_QUOTES)
    return key.casefold() if casefold else key


class Token(NamedTuple):
    """A word or punctuation mark with its span ``[start, end)`` in the original text."""

    text: str
    start: int
    end: int
    key: str

    @property
    def is_word(self) -> bool:
        return is_word(self.text)


def is_word(token: str) -> bool:
    """Whether a token (or its key) is a word rather than a punctuation mark."""
    return bool(_WORD_RE.match(token))


def tokenize(text: str, *, casefold: bool = False) -> list[Token]:
    """Split ``text`` into word and punctuation tokens, keeping their offsets."""
    keys, starts, ends = token_table(text, casefold=casefold)
    # (tuple.__new__ skips the named tuple's Python-level constructor: a third faster)
    return [_new(Token, (text[s:e], s, e, k)) for k, s, e in zip(keys, starts, ends, strict=True)]


def token_table(text: str, *, casefold: bool = False) -> tuple[list[str], list[int], list[int]]:
    """The tokens of ``text`` as three parallel lists: keys, start and end offsets.

    The same tokens as :func:`tokenize`, without an object per token: what a word diff of
    two long texts needs.
    """
    if "\u00ad" not in text and (text.isascii() or unicodedata.is_normalized("NFC", text)):
        # Quote folding maps one character to one, so the tokens of the folded text are the
        # keys and lie at the original offsets (the joiners of a word include every
        # character folding changes, so the tokens are the same).
        folded = text if text.isascii() else text.translate(_QUOTES)
        parts = _TOKEN_SPLIT_RE.split(folded)
        bounds = list(accumulate(map(len, parts)))
        keys = parts[1::2]
        if casefold:
            keys = [k.casefold() for k in keys]
        return keys, bounds[0:-1:2], bounds[1::2]
    spans = [m.span() for m in TOKEN_RE.finditer(text)]
    return (
        [normalize_token(text[s:e], casefold=casefold) for s, e in spans],
        [s for s, _ in spans],
        [e for _, e in spans],
    )


_new = tuple.__new__


def word_keys(text: str) -> list[str]:
    """Case-folded, normalised words of ``text`` without punctuation: the alignment tokens."""
    if text.isascii():  # nothing to fold but case (every folded character is non-ASCII)
        return _WORD_TOKEN_RE.findall(text.lower())
    folded = unicodedata.normalize("NFC", text).translate(_QUOTES).casefold()
    return _WORD_TOKEN_RE.findall(folded)


def word_bounds(text: str) -> array[int]:
    """The offsets of the words of ``text``, as :func:`word_keys` finds them (one to one when
    ``text`` is in NFC): word ``k`` is ``[bounds[2 * k], bounds[2 * k + 1])``.

    (A flat array of offsets: the sentence pass keeps these for every sentence it links,
    and a pair object per word takes eight times the memory.)
    """
    return array("i", accumulate(map(len, _WORD_SPLIT_RE.split(text))))

"""The comparison view of a document's clauses, and the similarities the engine scores.

Contract: :func:`units_of` turns a document into :class:`Unit` values (case-folded exact
text for anchoring; word tokens filled in by :func:`find_words` only for clauses no exact
match explains). :class:`Scorer` computes rapidfuzz Indel similarities in ``[0, 1]`` between
groups of units under the clause rules (truncation at gaps, heading against body). A
:class:`Bead` is a candidate link: clause indices of both sides and its score.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from sys import intern
from typing import NamedTuple

from clausediff.core.compare import lcs
from clausediff.core.compare.config import ClauseRules, Limits
from clausediff.core.model import Clause, ClauseKind, Document
from clausediff.core.text.normalize import normalize, word_keys


@dataclass(slots=True)
class Unit:
    """The comparison view of one clause.

    ``exact`` is the clause's normalised, case-folded text: equal keys anchor. ``words``
    (its case-folded word tokens, what similarities are computed on) are found only for
    the clauses that no exact match explains (:func:`find_words`).
    """

    index: int
    clause: Clause
    words: list[str]
    exact: str
    heading: bool
    crc: int = 0  # a checksum of ``exact`` (with the words; tie-breaks in the DP)


_NOT_YET: list[str] = []  # the words of a unit not looked at yet (never filled in)


def units_of(doc: Document) -> list[Unit]:
    units = []
    for c in doc.clauses:
        if c.is_gap:
            # identical gap markers (same note) are the same hole: they may anchor
            units.append(Unit(c.index, c, [], "\x00gap " + normalize(c.gap_note or ""), False))
            continue
        exact = normalize(c.text, casefold=True)
        units.append(Unit(c.index, c, _NOT_YET, exact, c.kind is ClauseKind.HEADING))
    return units


def find_words(units: list[Unit], skip: set[int], keys_of: dict[str, list[str]]) -> None:
    """Fill in the word tokens of every unit but those in ``skip`` (and gaps)."""
    for u in units:
        if u.words is not _NOT_YET or u.index in skip:
            continue
        u.words = keys_for(u.clause.text, keys_of)
        u.crc = zlib.crc32(u.exact.encode("utf-8"))


def keys_for(text: str, keys_of: dict[str, list[str]]) -> list[str]:
    """The word tokens of ``text``, made once per text (``keys_of`` keeps them)."""
    keys = keys_of.get(text)
    if keys is None:
        # (interned: a long text repeats a small vocabulary, one string a word saves most of
        # the memory the word lists take)
        keys = keys_of[text] = [intern(w) for w in word_keys(text)]
    return keys


class Scorer:
    """Similarities between units and groups of units, with the clause rules."""

    def __init__(self, rules: ClauseRules, limits: Limits) -> None:
        self.rules = rules
        self.limits = limits

    def words_of(self, group: Sequence[Unit]) -> list[str]:
        if len(group) == 1:
            return group[0].words
        out: list[str] = []
        for u in group:
            out.extend(u.words)
        return out

    def sim(self, left: Sequence[Unit], right: Sequence[Unit]) -> float:
        a, b = self.words_of(left), self.words_of(right)
        if not a or not b:
            return 0.0
        # A side cut off by a gap is compared with the matching stretch of the other side.
        if left[-1].clause.ends_in_gap and len(b) > len(a):
            b = b[: int(len(a) * self.rules.truncated_slack) + 1]
        elif right[-1].clause.ends_in_gap and len(a) > len(b):
            a = a[: int(len(b) * self.rules.truncated_slack) + 1]
        if left[0].clause.starts_in_gap and len(b) > len(a):
            b = b[-(int(len(a) * self.rules.truncated_slack) + 1) :]
        elif right[0].clause.starts_in_gap and len(a) > len(b):
            a = a[-(int(len(b) * self.rules.truncated_slack) + 1) :]
        s = lcs.similarity(a, b, self.limits.max_word_pairs)
        # (a heading and the paragraph after it, merged into one run-in paragraph, are not
        # a heading against a body)
        if len(left) == len(right) == 1:
            if left[0].heading != right[0].heading:
                s *= self.rules.kind_mismatch_factor
        elif _all_headings(left) != _all_headings(right):
            s *= self.rules.kind_mismatch_factor
        return s

    def shared(self, left: Unit, right: Unit) -> int:
        """How many words two units share in order (their longest common subsequence)."""
        return self.shared_words(left.words, right.words)

    def shared_words(self, a: list[str], b: list[str]) -> int:
        """How many words two word lists share in order."""
        return lcs.shared(a, b, self.limits.max_word_pairs)


def _all_headings(group: Sequence[Unit]) -> bool:
    return all(u.heading for u in group)


class WordCodes(dict[str, str]):
    """Words as one character each, so that rapidfuzz's string functions compare words.

    A word's character is given the first time it is asked for, in order from U+4E00,
    skipping the surrogate block; beyond a million words (a hostile file) characters are
    shared, which can only blur a score, never fail.
    """

    def __missing__(self, word: str) -> str:
        n = 0x4E00 + len(self) % (0x110000 - 0x4E00 - 0x800)
        code = self[word] = chr(n if n < 0xD800 else n + 0x800)
        return code

    def encode(self, words: Sequence[str]) -> str:
        return "".join(self[w] for w in words)


class Bead(NamedTuple):
    left: tuple[int, ...]
    right: tuple[int, ...]
    score: float

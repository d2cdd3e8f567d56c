"""What kind of clause a piece is: heading, preamble (opener and recitals), introducer,
operative or gap, following the layout of a ministerial decision (title block, "The
Ministerial Conference,", recitals, "Decides:", operative paragraphs) and of legal texts.

Contract: a :class:`Classifier` is fed the pieces of one document in order and keeps the
phase it is in; :meth:`Classifier.classify` returns each piece's :class:`ClauseKind`.
"""

from __future__ import annotations

import re

from clausediff.core.model import ClauseKind
from clausediff.core.text.blocks import Piece
from clausediff.core.text.sentences import split_sentences
from clausediff.core.text.titles import is_title
from clausediff.core.text.words import first_word, word_count

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


def _is_recital(text: str) -> bool:
    word = first_word(text)
    if not word or not word[0].isupper():
        return False
    lw = word.lower()
    return (lw.endswith("ing") and len(lw) > 4) or lw in RECITAL_ADJECTIVES


def _is_introducer(text: str) -> bool:
    return text.rstrip().endswith(":") and word_count(text) <= 8


def is_opener(text: str) -> bool:
    """Whether ``text`` reads as a decision's opener ("The Ministerial Conference,")."""
    t = text.rstrip()
    return t.endswith(",") and word_count(t) <= 8 and not _is_recital(t)


#: A recital is a clause of a sentence; a line of at most this many words, with no stop or
#: comma at its end, is a title even when it opens with "-ing" ("Copying Docutils").
_TITLE_LINE_WORDS = 6


def _is_title_line(text: str) -> bool:
    t = text.strip()
    return bool(t) and t[-1].isalnum() and word_count(t) <= _TITLE_LINE_WORDS and is_title(t)


#: A note at the head of a draft ("This revised draft is circulated by the Chair on his own
#: responsibility. Text in square brackets is not agreed."): front matter, not a clause
#: that opens the operative part.
_FRONT_NOTE_RE = re.compile(
    r"\b(?:is|are|has been|have been) (?:circulated|issued)\b"
    r"|\bon (?:his|her|their|its) own responsibility\b"
    r"|\b(?:in|within) square brackets\b",
    re.IGNORECASE,
)


def _is_front_note(text: str) -> bool:
    return word_count(text) <= 60 and _FRONT_NOTE_RE.search(text) is not None


def _looks_like_heading(text: str, label: str) -> bool:
    t = text.strip()
    if not t:
        return False
    if t[-1] in ".,;:" or len(split_sentences(t)) > 1:
        return False
    words = word_count(t)
    if t.upper() == t and any(ch.isalpha() for ch in t):
        return words <= 30
    return words <= 15 and (not label or words <= 10)


class Classifier:
    """The layout of a decision, read top to bottom: front matter, preamble, operative part."""

    FRONT, PREAMBLE, OPERATIVE = range(3)

    def __init__(self) -> None:
        self.phase = self.FRONT

    def classify(self, text: str, label: str, piece: Piece) -> ClauseKind:
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
                self.phase == self.FRONT and is_opener(text)
            ):
                self.phase = self.PREAMBLE
                return ClauseKind.PREAMBLE
            if (
                self.phase == self.PREAMBLE
                and text.rstrip().endswith(",")
                and first_word(text) not in ("To", "That")
            ):
                return ClauseKind.PREAMBLE
        cut_off = piece.ends_in_gap and word_count(text) > 6
        if self.phase == self.FRONT and not cut_off and _looks_like_heading(text, label):
            return ClauseKind.HEADING
        if self.phase == self.FRONT and not label and not cut_off and _is_front_note(text):
            return ClauseKind.HEADING
        if (
            self.phase == self.OPERATIVE
            and _looks_like_heading(text, label)
            and (word_count(text) <= 10 and text.strip()[:1].isupper())
        ):
            return ClauseKind.HEADING
        self.phase = self.OPERATIVE
        return ClauseKind.OPERATIVE

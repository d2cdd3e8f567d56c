"""The values a review hands out: notes, the versions it covers, corrections of the pairing
with the clauses they name, and notes placed on a lineage. Frozen values only; reading and
writing them is :mod:`clausediff.core.store.review`'s.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    version_sha256: str
    version_label: str
    clause_index: int
    clause_label: str
    clause_text: str
    status: str
    text: str
    author: str
    created: str
    updated: str


@dataclass(frozen=True, slots=True)
class ClauseRef:
    """A clause as a correction names it: its index and the SHA-256 of its exact text."""

    index: int
    text_sha256: str
    label: str


@dataclass(frozen=True, slots=True)
class Correction:
    """Clauses of two versions paired by hand (``kind`` "pair") or kept apart ("apart")."""

    id: int
    kind: str
    left_sha256: str
    left_label: str
    left: tuple[ClauseRef, ...]
    right_sha256: str
    right_label: str
    right: tuple[ClauseRef, ...]
    author: str
    created: str

    @property
    def paired(self) -> bool:
        return self.kind == "pair"


def text_sha256(text: str) -> str:
    """The SHA-256 of a clause's exact text, as a correction records it."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class ReviewVersion:
    sha256: str
    symbols: tuple[str, ...]
    label: str
    date: str


@dataclass(frozen=True, slots=True)
class PlacedNote:
    """A note on a lineage: its family, or ``family`` None when it is orphaned."""

    note: Note
    family: str | None
    version: int | None  # the lineage version the note is placed on
    clause: int | None  # that version's clause index
    reanchored: bool = False  # placed by text, its own version being absent

    @property
    def orphaned(self) -> bool:
        return self.family is None

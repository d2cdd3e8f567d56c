"""Which of a review's corrections apply to a comparison, and which no longer do.

Contract: a :class:`~clausediff.core.store.review.Correction` names two versions (by
SHA-256) and clauses of each (index and SHA-256 of the exact text). :func:`constraints_for`
turns the corrections that name a pair of versions (either way round) into the engine's
:class:`~clausediff.core.compare.constraints.Constraints` for that pair, when every clause
they name is still there with the same text; :func:`for_versions` does so for each
consecutive pair of a lineage's versions, so a correction made between 2011 and 2013 still
holds when 2015 is added. Nothing is matched by similarity: a clause whose text changed,
or a version that is not compared, makes its correction **stale**, reported with the
reason in a user's words ("No longer applies: …"), never dropped silently. Where two
corrections conflict (a hand-made pair and a later "keep apart" of the same clauses, in a
file edited by hand), the later one holds and the earlier is reported.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from clausediff.core.compare.constraints import Constraints
from clausediff.core.model import Document
from clausediff.core.store.review import ClauseRef, Correction, text_sha256


@dataclass(frozen=True, slots=True)
class Stale:
    """A correction that no longer applies, and why (one sentence)."""

    correction: Correction
    reason: str

    @property
    def message(self) -> str:
        return f"No longer applies: {describe(self.correction)} — {self.reason}."


@dataclass(frozen=True, slots=True)
class Applied:
    """The corrections of one pair of versions: the engine's constraints, the corrections
    they come from, and those that no longer apply."""

    constraints: Constraints = field(default_factory=Constraints)
    applied: tuple[Correction, ...] = ()
    stale: tuple[Stale, ...] = ()


def describe(c: Correction) -> str:
    """A correction in a user's words: "¶7 of 2011 Decision paired with ¶10 of 2013 …"."""
    left = ", ".join(r.label for r in c.left)
    right = ", ".join(r.label for r in c.right)
    how = "paired by hand with" if c.paired else "kept apart from"
    return f"{left} of {c.left_label} {how} {right} of {c.right_label}"


def _missing(doc: Document, refs: Sequence[ClauseRef]) -> str:
    """Why these clauses are not in ``doc`` as the correction knew them ("" if they are)."""
    for r in refs:
        if r.index >= len(doc.clauses):
            return f"{doc.info.label} has no {r.label} any more"
        clause = doc.clauses[r.index]
        if clause.is_gap:
            return f"{r.label} of {doc.info.label} is now text that is not available (a gap)"
        if text_sha256(clause.text) != r.text_sha256:
            return f"the text of {r.label} of {doc.info.label} has changed"
    return ""


def constraints_for(corrections: Sequence[Correction], left: Document, right: Document) -> Applied:
    """The corrections naming this pair of versions, as the engine's constraints."""
    pair = (left.info.sha256, right.info.sha256)
    must: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    cannot: set[tuple[int, int]] = set()
    pinned_l: set[int] = set()
    pinned_r: set[int] = set()
    applied: list[Correction] = []
    stale: list[Stale] = []
    for c in sorted(corrections, key=lambda c: -c.id):  # the latest first: it holds
        if (c.left_sha256, c.right_sha256) == pair:
            lrefs, rrefs = c.left, c.right
        elif (c.right_sha256, c.left_sha256) == pair:
            lrefs, rrefs = c.right, c.left
        else:
            continue
        why = _missing(left, lrefs) or _missing(right, rrefs)
        if why:
            stale.append(Stale(c, why))
            continue
        a = tuple(r.index for r in lrefs)
        b = tuple(r.index for r in rrefs)
        crossing = {(i, j) for i in a for j in b}
        if c.paired:
            clash = pinned_l & set(a) or pinned_r & set(b) or crossing & cannot
        else:
            clash = crossing & {(i, j) for x, y in must for i in x for j in y}
        if clash:
            stale.append(Stale(c, "a later correction of the same clauses replaces it"))
            continue
        if c.paired:
            must.append((a, b))
            pinned_l.update(a)
            pinned_r.update(b)
        else:
            cannot |= crossing
        applied.append(c)
    return Applied(
        Constraints(tuple(must[::-1]), frozenset(cannot)),
        tuple(applied[::-1]),
        tuple(sorted(stale, key=lambda s: s.correction.id)),
    )


def for_versions(
    corrections: Sequence[Correction], versions: Sequence[Document]
) -> tuple[list[Applied], list[Stale]]:
    """The corrections of each consecutive pair of ``versions`` (in order), and every stale
    one: those whose clauses changed, and those that name a compared version but whose
    pair is not compared side by side (its other version absent, or not next to it)."""
    per_pair = [constraints_for(corrections, a, b) for a, b in itertools.pairwise(versions)]
    stale = [s for p in per_pair for s in p.stale]
    used = {c.id for p in per_pair for c in p.applied} | {s.correction.id for s in stale}
    labels = {d.info.sha256: d.info.label for d in versions}
    for c in corrections:
        if c.id in used or not (c.left_sha256 in labels or c.right_sha256 in labels):
            continue  # (a correction of versions not compared here says nothing of them)
        if c.left_sha256 in labels and c.right_sha256 in labels:
            why = f"{c.left_label} and {c.right_label} are not compared side by side here"
        else:
            absent = c.right_label if c.left_sha256 in labels else c.left_label
            why = f"this text of {absent} is not among the versions compared"
        stale.append(Stale(c, why))
    return per_pair, sorted(stale, key=lambda s: s.correction.id)

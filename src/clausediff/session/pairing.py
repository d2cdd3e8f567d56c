"""Correcting the engine's pairing: "Pair these", "Unpair", and undoing either.

Contract: Qt-free use cases over a :class:`~clausediff.core.store.review.Review`. A
correction is stored the moment it is made (with who and when); a new one replaces the
corrections of the same pair of versions it contradicts (a clause already paired by hand,
a pair kept apart that it now pairs), in the same transaction, and the returned
:class:`Change` holds what is needed to undo it exactly. The comparison is then recomputed
by the caller (:func:`clausediff.session.comparison.compare` with the review's
corrections). :func:`correction_lines` says, for the panel and the commands, which
corrections hold on the pair shown and which no longer apply.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from clausediff.core.compare.links import Alignment, ClauseLink
from clausediff.core.store.corrections import Applied, Stale, describe
from clausediff.core.store.review import Correction, Review


@dataclass(frozen=True, slots=True)
class Change:
    """One correction made, and the ones it replaced (put back by :func:`undo`)."""

    added: Correction
    replaced: tuple[Correction, ...] = ()


def _sides(c: Correction, al: Alignment) -> tuple[set[int], set[int]] | None:
    """A correction's clauses in the alignment's orientation (None: another pair)."""
    pair = (al.left.info.sha256, al.right.info.sha256)
    if (c.left_sha256, c.right_sha256) == pair:
        return {r.index for r in c.left}, {r.index for r in c.right}
    if (c.right_sha256, c.left_sha256) == pair:
        return {r.index for r in c.right}, {r.index for r in c.left}
    return None


def _contradicted(
    review: Review, al: Alignment, paired: bool, left: Sequence[int], right: Sequence[int]
) -> list[Correction]:
    a, b = set(left), set(right)
    crossing = {(i, j) for i in a for j in b}
    out = []
    for c in review.corrections():
        sides = _sides(c, al)
        if sides is None:
            continue
        x, y = sides
        theirs = {(i, j) for i in x for j in y}
        if (paired and c.paired and (a & x or b & y)) or (paired != c.paired and crossing & theirs):
            out.append(c)
        elif not paired and not c.paired and (x, y) == (a, b):
            out.append(c)  # (the same pair kept apart again: one correction)
    return out


def pair_these(
    review: Review, al: Alignment, left: Sequence[int], right: Sequence[int], author: str = ""
) -> Change:
    """Pair these clauses of the alignment's two versions by hand."""
    return _correct(review, al, "pair", left, right, author)


def unpair(review: Review, al: Alignment, link: ClauseLink, author: str = "") -> Change:
    """Keep the clauses of ``link`` apart from now on (a link made by hand included)."""
    return _correct(review, al, "apart", link.left, link.right, author)


def _correct(
    review: Review,
    al: Alignment,
    kind: str,
    left: Sequence[int],
    right: Sequence[int],
    author: str,
) -> Change:
    replaced = _contradicted(review, al, kind == "pair", left, right)
    added = review.add_correction(
        kind, al.left, left, al.right, right, author=author, replacing=[c.id for c in replaced]
    )
    return Change(added, tuple(replaced))


def undo(review: Review, change: Change) -> None:
    """Take back a correction: it is deleted and those it replaced are put back."""
    review.restore_corrections(change.replaced, removing=change.added.id)


def correction_lines(applied: Applied | None, stale: Sequence[Stale]) -> list[str]:
    """The corrections holding on the pair shown (who made each, and when), then those
    that no longer apply, one line each."""
    out = []
    for c in applied.applied if applied is not None else ():
        who = f" by {c.author}" if c.author else ""
        out.append(f"{describe(c)}{who}, {c.created}")
    out += [s.message for s in stale]
    return out

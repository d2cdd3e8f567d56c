"""Reviewing: review files, the clause a note is anchored to, and where notes land.

Contract: Qt-free use cases over :class:`clausediff.core.store.review.Review`. A note on a
row of the comparison is anchored to the newer side's first clause, else the older side's
(a "moved away" row: its older clause). :func:`place` puts a review's notes on the current
comparison and lineage; no note is ever dropped (orphaned notes are listed apart).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from clausediff.core.compare.lineage import Lineage
from clausediff.core.compare.links import Alignment, ClauseLink
from clausediff.core.model import Document
from clausediff.core.store.placement import attach_notes, link_notes, notes_by_family
from clausediff.core.store.review import Note, PlacedNote, Review, ReviewVersion

SUFFIX = ".cdreview"
FILE_FILTER = "ClauseDiff reviews (*.cdreview);;All files (*)"


def review_path(path: Path) -> Path:
    """``path`` with the review suffix (added when missing)."""
    path = Path(path)
    return path if path.suffix == SUFFIX else path.with_name(path.name + SUFFIX)


def new_review(path: Path, versions: Sequence[Document]) -> Review:
    """A new, empty review of ``versions`` at ``path`` (replacing a file there)."""
    path = review_path(path)
    if path.exists():
        path.unlink()
    review = Review(path, create=True)
    review.set_versions(versions)
    return review


def missing_message(missing: Sequence[ReviewVersion]) -> str:
    """What to tell a user whose review covers versions their library does not hold."""
    names = "\n".join(
        f"• {v.label} {' / '.join(v.symbols)} {v.date} (SHA-256 {v.sha256[:12]}…)" for v in missing
    )
    return (
        f"This review covers versions that are not in your library:\n{names}\n\n"
        "Import them to see their notes in place; the notes are kept either way."
    )


def extras_message(review: Review) -> str:
    """What to tell a user whose review file holds more than ClauseDiff writes ("" if not)."""
    if not review.extras:
        return ""
    return (
        f"{review.path.name} holds parts ClauseDiff does not write "
        f"({', '.join(review.extras[:5])}{', …' if len(review.extras) > 5 else ''}). They are "
        "never run; the file is rewritten without them when a note is saved."
    )


def cleaned_message(review: Review) -> str:
    """What to tell a user whose review file was rewritten without those parts."""
    return (
        f"{review.path.name} held parts ClauseDiff does not write "
        f"({', '.join(review.cleaned[:5])}{', …' if len(review.cleaned) > 5 else ''}); it was "
        "rewritten without them before the change was saved, its notes and versions kept."
    )


def anchor(al: Alignment, link: ClauseLink, *, marker: bool = False) -> tuple[Document, int] | None:
    """The clause a note on a row showing ``link`` is anchored to (``marker``: the row is
    where a moved clause stood)."""
    if marker or not link.right:
        return (al.left, link.left[0]) if link.left else None
    return al.right, link.right[0]


@dataclass(slots=True)
class Placement:
    """A review's notes on what is shown: all of them (for the notes panel), by link of the
    comparison, and by family of the lineage."""

    notes: list[PlacedNote] = field(default_factory=list)
    by_link: dict[int, list[PlacedNote]] = field(default_factory=dict)
    by_family: dict[str | None, list[PlacedNote]] = field(default_factory=dict)


def place(notes: Sequence[Note], comparison: Lineage | None, lineage: Lineage | None) -> Placement:
    """Put ``notes`` on the comparison (a two-version lineage) and on the lineage.

    The panel lists them as placed on the lineage when there is one, else on the comparison.
    """
    out = Placement()
    basis = lineage or comparison
    if basis is None:
        return out
    out.notes = attach_notes(notes, basis)
    if lineage is not None:
        out.by_family = notes_by_family(out.notes)  # (placed on the lineage just now)
    if comparison is not None:
        on_comparison = out.notes if basis is comparison else attach_notes(notes, comparison)
        by_family = notes_by_family(on_comparison)
        out.by_link = {
            n: found
            for n, lk in enumerate(comparison.pairs[0].links)
            if (found := link_notes(comparison, 0, lk, by_family))
        }
    return out


def notes_for_export(review: Review | None, lineage: Lineage) -> list[PlacedNote] | None:
    """The review's notes placed on what is exported (None without a review)."""
    return attach_notes(review.notes(), lineage) if review is not None else None

"""Reviewing: where a note on a row is anchored, and where notes land."""

from __future__ import annotations

from pathlib import Path

from clausediff.core.compare.lineage import Lineage
from clausediff.core.compare.links import LinkKind
from clausediff.session import reviewing
from clausediff.session.comparison import Comparison


def test_a_note_is_anchored_to_the_newer_clause_else_the_older(bali: Comparison) -> None:
    al = bali.alignment
    kept = next(lk for lk in al.links if lk.kind is LinkKind.MODIFIED)
    assert reviewing.anchor(al, kept) == (al.right, kept.right[0])
    assert reviewing.anchor(al, kept, marker=True) == (al.left, kept.left[0])
    left_only = next(lk for lk in al.links if lk.left and not lk.right)
    assert reviewing.anchor(al, left_only) == (al.left, left_only.left[0])


def test_notes_land_on_the_comparison_the_lineage_and_the_panel(
    bali: Comparison, lineage3: Lineage, tmp_path: Path
) -> None:
    review = reviewing.new_review(tmp_path / "bali", bali.versions)
    assert review.path.name == "bali.cdreview"
    al = bali.alignment
    recital = next(n for n, lk in enumerate(al.links) if "Recalling" in al.side_text(lk, 1))
    doc, index = reviewing.anchor(al, al.links[recital]) or (None, -1)
    assert doc is not None
    review.add_note(doc, index, "Session number checked", status="agreed")
    placement = reviewing.place(review.notes(), bali.lineage, lineage3)
    assert [p.note.text for p in placement.by_link[recital]] == ["Session number checked"]
    assert list(placement.by_link) == [recital]
    (family,) = [f for f, notes in placement.by_family.items() if notes]
    assert family is not None and lineage3.find_family(2, index) is not None
    assert lineage3.find_family(2, index).id == family  # type: ignore[union-attr]
    assert len(placement.notes) == 1 and not placement.notes[0].orphaned
    # a new review at the same place starts empty
    assert reviewing.new_review(tmp_path / "bali.cdreview", bali.versions).notes() == []


def test_versions_missing_from_the_library_are_named() -> None:
    from clausediff.core.store.review import ReviewVersion

    text = reviewing.missing_message([ReviewVersion("ab" * 32, ("WT/L/1",), "Draft", "2024")])
    assert "Draft WT/L/1 2024" in text and "abababababab…" in text
    assert "the notes are kept either way" in text

"""Correcting the engine's pairing, remembered in the review and carried to newer versions."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from clausediff.core.compare.links import Alignment, LinkKind
from clausediff.core.model import Document, DocumentInfo
from clausediff.core.read.bundled import load_bundled
from clausediff.core.read.files import document_from_text
from clausediff.core.render.wording import PAIRED_BY_HAND, kind_text
from clausediff.core.store.review import Review
from clausediff.session import pairing
from clausediff.session.comparison import compare
from clausediff.session.reviewing import new_review

D2011, D2013 = load_bundled("WT/L/843"), load_bundled("WT/L/907")


def _index(doc: Document, start: str) -> int:
    return next(c.index for c in doc.clauses if not c.is_gap and c.text.startswith(start))


#: 2011 ¶7 and 2013 ¶10 both instruct the General Council; the engine leaves them apart
REINVIGORATE = _index(D2011, "To instruct the General Council to emphasize")
REVIEWS = _index(D2013, "To instruct the General Council to hold periodic reviews")


def _newer() -> Document:
    """A 2015 version made from the 2013 text: its periodic-review clause reworded."""
    text = D2013.source.replace("hold periodic reviews", "hold regular reviews")
    assert text != D2013.source
    info = DocumentInfo(symbols=("WT/MIN(15)/42",), title="Work Programme", date="2015-12-19")
    return document_from_text(text, info)


def _links(al: Alignment) -> list[tuple[tuple[int, ...], tuple[int, ...], LinkKind]]:
    return [(lk.left, lk.right, lk.kind) for lk in al.links]


def test_a_pair_made_by_hand_is_kept_after_reopening_and_adding_a_newer_version(
    tmp_path: Path,
) -> None:
    engine = compare([D2011, D2013]).alignment
    assert engine.link_of_left(REINVIGORATE).right == ()
    assert engine.link_of_right(REVIEWS).left == ()
    review = new_review(tmp_path / "bali", [D2011, D2013])
    change = pairing.pair_these(review, engine, [REINVIGORATE], [REVIEWS], author="Ana")
    assert change.added.paired and change.replaced == ()

    reopened = Review(review.path)
    (stored,) = reopened.corrections()
    assert (stored.author, stored.left_sha256, stored.right_sha256) == (
        "Ana",
        D2011.info.sha256,
        D2013.info.sha256,
    )
    assert [r.label for r in stored.left] == ["op. ¶2"] and [r.label for r in stored.right] == [
        "op. ¶4"
    ]
    assert stored.created  # when

    d2015 = _newer()
    result = compare([D2011, D2013, d2015], corrections=reopened.corrections())
    first = result.lineage.pairs[0]
    link = first.link_of_left(REINVIGORATE)
    assert link.right == (REVIEWS,) and link.manual
    assert kind_text(link).endswith(PAIRED_BY_HAND)
    assert result.stale == ()
    family = result.lineage.family_of(0, REINVIGORATE)
    assert family.in_version(1) == (REVIEWS,)
    assert family.in_version(2), "the family goes on into the newer version"
    lines = pairing.correction_lines(result.corrected[0], result.stale)
    assert lines == [f"op. ¶2 of {D2011.info.label} paired by hand with op. ¶4 of "
                     f"{D2013.info.label} by Ana, {stored.created}"]  # fmt: skip


def test_unpair_splits_a_link_the_engine_made_and_undo_restores_its_answer(
    tmp_path: Path,
) -> None:
    engine = compare([D2011, D2013]).alignment
    recalling = engine.link_of_left(_index(D2011, "Recalling"))
    assert recalling.kind is LinkKind.MODIFIED and recalling.right
    review = new_review(tmp_path / "bali", [D2011, D2013])
    change = pairing.unpair(review, engine, recalling)
    after = compare([D2011, D2013], corrections=review.corrections()).alignment
    left, right = recalling.left[0], recalling.right[0]
    assert right not in after.link_of_left(left).right
    assert left not in after.link_of_right(right).left
    pairing.undo(review, change)
    assert review.corrections() == []
    again = compare([D2011, D2013], corrections=review.corrections()).alignment
    assert _links(again) == _links(engine)


def test_pairing_again_replaces_the_corrections_it_contradicts_and_undo_puts_them_back(
    tmp_path: Path,
) -> None:
    engine = compare([D2011, D2013]).alignment
    review = new_review(tmp_path / "bali", [D2011, D2013])
    first = pairing.pair_these(review, engine, [REINVIGORATE], [REVIEWS])
    other = _index(D2013, "That Members will maintain")
    second = pairing.pair_these(review, engine, [REINVIGORATE], [other])
    assert second.replaced == (first.added,)
    assert [c.id for c in review.corrections()] == [second.added.id]
    link = compare([D2011, D2013], corrections=review.corrections()).alignment.link_of_left(
        REINVIGORATE
    )
    assert link.right == (other,) and link.manual
    pairing.undo(review, second)
    assert review.corrections() == [first.added]


def test_a_correction_that_no_longer_applies_is_reported_not_dropped(tmp_path: Path) -> None:
    engine = compare([D2011, D2013]).alignment
    review = new_review(tmp_path / "bali", [D2011, D2013])
    pairing.pair_these(review, engine, [REINVIGORATE], [REVIEWS], author="Ana")
    corrections = review.corrections()
    # the 2013 text replaced by another reading of it (another SHA-256): not compared
    info = replace(D2013.info, sha256="")  # (made again from the text)
    edited = document_from_text(D2013.source.replace("periodic", "regular"), info)
    result = compare([D2011, edited], corrections=corrections)
    assert not any(lk.manual for lk in result.alignment.links)
    (stale,) = result.stale
    assert stale.message.startswith(
        f"No longer applies: op. ¶2 of {D2011.info.label} paired by hand"
    )
    assert "is not among the versions compared" in stale.message
    # the same versions, not side by side any more (a version between them)
    between = compare([D2011, _newer(), D2013], corrections=corrections)
    assert "not compared side by side" in between.stale[0].message
    # a clause whose recorded text no longer matches
    (c,) = corrections
    forged = replace(c, right=(replace(c.right[0], text_sha256="0" * 64),))
    result = compare([D2011, D2013], corrections=[forged])
    assert f"the text of op. ¶4 of {D2013.info.label} has changed" in result.stale[0].message
    assert not any(lk.manual for lk in result.alignment.links)
    assert len(review.corrections()) == 1  # nothing is dropped from the review

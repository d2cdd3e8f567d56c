"""Sentence provenance: the floor under moved sentence links, on the bundled lineage."""

from __future__ import annotations

import pytest

from clausediff.core.compare.align import align
from clausediff.core.compare.config import AlignConfig, SentenceRules
from clausediff.core.compare.links import Alignment, SentenceLinkKind
from clausediff.core.model import ClauseKind, Document

NO_FLOOR = AlignConfig(sentences=SentenceRules(min_moved_score=0.0))


@pytest.fixture(scope="module")
def a2011_2013(dec2011: Document, dec2013: Document) -> Alignment:
    return align(dec2011, dec2013)


def _operative(doc: Document, n: int) -> int:
    return [c.index for c in doc.clauses if c.kind is ClauseKind.OPERATIVE][n - 1]


def _moved(al: Alignment) -> list[tuple[float, str, str]]:
    out = []
    for sl in al.sentence_links:
        if sl.kind is SentenceLinkKind.MOVED:
            a = al.left.clauses[sl.left.clause].sentences[sl.left.sentence].text
            b = al.right.clauses[sl.right.clause].sentences[sl.right.sentence].text
            out.append((sl.score, a, b))
    return out


def test_chance_moves_below_the_floor_are_not_produced(wp1998: Document, dec2011: Document) -> None:
    # 1999's customs-duties sentence and 2011's reinvigoration sentence share only "of the
    # work programme" and "the General Council": a move at 0.1 without the floor
    unfloored = _moved(align(wp1998, dec2011, NO_FLOOR))
    chance = [
        m
        for m in unfloored
        if m[1].startswith("All aspects of the work programme concerning the imposition")
        and m[2].startswith("To continue the reinvigoration")
    ]
    assert [round(score, 2) for score, _, _ in chance] == [0.1]
    floored = _moved(align(wp1998, dec2011))
    assert floored == [m for m in unfloored if m[0] >= 0.2]
    assert len(floored) < len(unfloored)
    assert all(score >= SentenceRules().min_moved_score for score, _, _ in floored)


def test_travelled_sentences_of_2011_paragraph_2_stay(
    a2011_2013: Alignment, dec2011: Document, dec2013: Document
) -> None:
    p2 = _operative(dec2011, 2)
    moved = sorted(
        (sl.right.clause, round(sl.score, 2))
        for sl in a2011_2013.sentence_links
        if sl.kind is SentenceLinkKind.MOVED and sl.left.clause == p2
    )
    assert moved == [(_operative(dec2013, 1), 0.46), (_operative(dec2013, 3), 0.37)]


def test_sentences_of_linked_clauses_are_not_floored(
    a2011_2013: Alignment, dec2011: Document, dec2013: Document
) -> None:
    # 2011 paragraph 1's long first sentence was spread over 2013 paragraphs 1 to 3: its
    # part in paragraph 2 scores far below the floor, and the clause link backs it
    p1, p2 = _operative(dec2011, 1), _operative(dec2013, 2)
    links = [
        sl
        for sl in a2011_2013.sentence_links
        if (sl.left.clause, sl.left.sentence, sl.right.clause) == (p1, 0, p2)
    ]
    assert {sl.kind for sl in links} == {SentenceLinkKind.MODIFIED}
    assert min(sl.score for sl in links) < SentenceRules().min_moved_score

"""The alignment engine on the bundled decisions, asserted exactly."""

from __future__ import annotations

import pytest

from clausediff.core.compare.align import align
from clausediff.core.compare.lineage import build_lineage
from clausediff.core.compare.links import Alignment, ClauseLink, LinkKind, OpKind, SentenceLinkKind
from clausediff.core.model import ClauseKind, Document
from clausediff.core.read.files import document_from_text


@pytest.fixture(scope="module")
def a2011_2013(dec2011: Document, dec2013: Document) -> Alignment:
    return align(dec2011, dec2013)


def _operative(doc: Document, n: int) -> int:
    """Index of the n-th (1-based) operative clause."""
    return [c.index for c in doc.clauses if c.kind is ClauseKind.OPERATIVE][n - 1]


def _recital(doc: Document) -> int:
    return next(c.index for c in doc.clauses if c.text.startswith("Recalling"))


def _changes(al: Alignment, link: ClauseLink) -> list[tuple[str, str, str]]:
    lt, rt = al.side_text(link, 0), al.side_text(link, 1)
    return [(op.kind.value, *op.texts(lt, rt)) for op in link.ops if op.kind is not OpKind.EQUAL]


def test_recital_is_modified_with_its_word_changes(
    a2011_2013: Alignment, dec2011: Document, dec2013: Document
) -> None:
    link = a2011_2013.link_of_left(_recital(dec2011))
    assert link.kind is LinkKind.MODIFIED
    assert link.right == (_recital(dec2013),)
    assert 0.5 < link.score < 1
    changes = _changes(a2011_2013, link)
    assert ("replace", "Seventh", "Eighth") in changes
    assert ("replace", "WT/L/782", "WT/L/843") in changes
    assert ("replace", "intensively reinvigorate", "continue the reinvigoration of") in changes
    assert ("replace", "2011", "2013") in changes
    assert changes == [
        ("replace", "Seventh", "Eighth"),
        ("replace", "WT/L/782", "WT/L/843"),
        ("replace", "intensively reinvigorate", "continue the reinvigoration of"),
        ("delete", "next", ""),
        ("delete", ", to be held", ""),
        ("replace", "2011", "2013"),
    ]


def test_2011_paragraph_1_is_linked_to_2013_paragraph_1(
    a2011_2013: Alignment, dec2011: Document, dec2013: Document
) -> None:
    link = a2011_2013.link_of_left(_operative(dec2011, 1))
    assert _operative(dec2013, 1) in link.right
    # the paragraph was spread over the first three 2013 paragraphs
    assert link.kind is LinkKind.SPLIT
    assert link.right == tuple(_operative(dec2013, n) for n in (1, 2, 3))


def _sentence_targets(al: Alignment, clause: int, needle: str) -> set[int]:
    """Right clauses that sentence links send the part of ``clause`` containing ``needle``."""
    out = set()
    for sl in al.sentence_links:
        if sl.left.clause != clause:
            continue
        sentence = al.left.clauses[clause].sentences[sl.left.sentence]
        part = sentence.text[sl.left_part.start : sl.left_part.end]
        if needle in sentence.text and (needle in part or part in needle):
            out.add(sl.right.clause)
    return out


def test_sentence_on_small_enterprises_goes_to_2013_paragraph_3(
    a2011_2013: Alignment, dec2011: Document, dec2013: Document
) -> None:
    p1 = _operative(dec2011, 1)
    msme = next(s for s in dec2011.clauses[p1].sentences if "micro, small" in s.text)
    links = [sl for sl in a2011_2013.sentence_links if sl.left == type(sl.left)(p1, msme.index)]
    assert {sl.right.clause for sl in links} == {_operative(dec2013, 3)}
    (best,) = links
    target = dec2013.clauses[best.right.clause].sentences[best.right.sentence]
    assert target.text.startswith("It shall continue to examine opportunities")


def test_adhere_to_basic_principles_part_goes_to_2013_paragraph_2(
    a2011_2013: Alignment, dec2011: Document, dec2013: Document
) -> None:
    p1 = _operative(dec2011, 1)
    targets = _sentence_targets(a2011_2013, p1, "non-discrimination, predictability")
    assert _operative(dec2013, 2) in targets
    link = next(
        sl
        for sl in a2011_2013.sentence_links
        if sl.left.clause == p1
        and sl.right.clause == _operative(dec2013, 2)
        and sl.right.sentence == 0
    )
    part = dec2011.clauses[p1].sentences[0].text[link.left_part.start : link.left_part.end]
    assert part.startswith("basic principles of the WTO")


def test_further_sentence_of_2011_paragraph_2_went_into_2013_paragraph_1(
    a2011_2013: Alignment, dec2011: Document, dec2013: Document
) -> None:
    p2 = _operative(dec2011, 2)
    moved = [
        sl
        for sl in a2011_2013.sentence_links
        if sl.left.clause == p2
        and sl.kind is SentenceLinkKind.MOVED
        and sl.right.clause == _operative(dec2013, 1)
    ]
    assert moved
    target = dec2013.clauses[moved[0].right.clause].sentences[moved[0].right.sentence]
    assert target.text.startswith("Any relevant body of the Work Programme may explore")


def test_review_and_moratorium_are_unknown_not_added(
    a2011_2013: Alignment, dec2011: Document, dec2013: Document
) -> None:
    review, moratorium = _operative(dec2013, 4), _operative(dec2013, 5)
    for index in (review, moratorium):
        link = a2011_2013.link_of_right(index)
        assert link.kind is LinkKind.UNKNOWN
        assert link.left == ()
        assert link.gap is not None
        side, gap = link.gap
        assert side == 0 and dec2011.clauses[gap].is_gap
    # the one clause 2013 added is its session line, which the 2011 excerpt lacks
    added = [lk.right for lk in a2011_2013.links if lk.kind is LinkKind.ADDED]
    assert added == [(0,)] and dec2013.clauses[0].text.startswith("Ministerial Conference")


def test_gap_clauses_are_unknown(a2011_2013: Alignment, dec2011: Document) -> None:
    gaps = [c.index for c in dec2011.clauses if c.is_gap]
    assert len(gaps) == 4
    for index in gaps:
        link = a2011_2013.link_of_left(index)
        assert link.kind is LinkKind.UNKNOWN and link.left == (index,) and link.right == ()


def test_moratorium_sentence_of_1998_is_linked_to_2013_last_clause(
    decl1998: Document, dec2013: Document
) -> None:
    al = align(decl1998, dec2013)
    last = dec2013.clauses[-1].index
    sentence = next(
        s
        for s in decl1998.clauses[_operative(decl1998, 1)].sentences
        if "customs duties on electronic transmissions" in s.text
    )
    links = [
        sl
        for sl in al.sentence_links
        if sl.left.clause == _operative(decl1998, 1) and sl.left.sentence == sentence.index
    ]
    assert [sl.right.clause for sl in links] == [last]
    part = sentence.text[links[0].left_part.start : links[0].left_part.end]
    assert "current practice of not imposing customs duties on electronic transmissions" in part


def test_moratorium_is_one_family_across_the_2011_gap(
    decl1998: Document, dec2011: Document, dec2013: Document
) -> None:
    lineage = build_lineage([decl1998, dec2011, dec2013])
    family = lineage.family_of(2, dec2013.clauses[-1].index)
    assert family.in_version(0) == (_operative(decl1998, 1),)
    assert family.in_version(1) == ()
    # the recital family runs through 2011 into 2013
    recital = lineage.family_of(2, _recital(dec2013))
    assert recital.in_version(1) == (_recital(dec2011),)


def test_text_against_itself_is_all_unchanged(dec2013: Document, wp1998: Document) -> None:
    for doc in (dec2013, wp1998):
        al = align(doc, doc)
        non_gap = [lk for lk in al.links if not any(doc.clauses[i].is_gap for i in lk.left)]
        assert {lk.kind for lk in non_gap} == {LinkKind.UNCHANGED}
        assert all(lk.left == lk.right and not lk.ops for lk in non_gap)


UNRELATED = (
    "The village bakery opens at dawn, and by seven the queue for rye loaves reaches the "
    "corner of the square. Its owner learned the trade from her grandmother, who baked in a "
    "wood-fired oven that still stands in the yard behind the shop. On market days she sells "
    "honey cakes, walnut bread and a sour cherry tart that visitors drive hours to taste."
)


def test_unrelated_texts_produce_no_link(decl1998: Document) -> None:
    prose = document_from_text(UNRELATED)
    al = align(decl1998, prose)
    assert {lk.kind for lk in al.links} <= {LinkKind.ADDED, LinkKind.DELETED}
    assert al.sentence_links == ()


def test_travelled_sentences_are_listed_by_link(
    a2011_2013: Alignment, dec2011: Document, dec2013: Document
) -> None:
    """The sentence that went from 2011 paragraph 2 into 2013 paragraph 1 is listed on both
    links: arrived on the link of 2013 paragraph 1, left from the link of 2011 paragraph 2."""
    from clausediff.core.compare.sentences import moved_sentences

    arrived, went = moved_sentences(a2011_2013)
    p2_2011 = _operative(dec2011, 2)
    p1_2013 = _operative(dec2013, 1)
    into_p1 = arrived[a2011_2013.link_index_of(1, p1_2013)]
    assert any(
        sl.left.clause == p2_2011
        and dec2011.clauses[p2_2011].sentences[sl.left.sentence].text.startswith("Further,")
        for sl in into_p1
    )
    from_p2 = went[a2011_2013.link_index_of(0, p2_2011)]
    assert {sl.right.clause for sl in from_p2} == {p1_2013, _operative(dec2013, 3)}
    # travelled: each goes between two clauses that the clause alignment does not link
    for sl in into_p1 + from_p2:
        assert sl.right.clause not in a2011_2013.link_of_left(sl.left.clause).right


def test_the_2013_title_in_capitals_is_a_letter_case_change(
    a2011_2013: Alignment, dec2011: Document
) -> None:
    """The title set in capitals is a change (every word matters) and is said to be one of
    letter case only; the recital is not."""
    title = a2011_2013.link_of_left(0)
    assert a2011_2013.side_text(title, 1) == "WORK PROGRAMME ON ELECTRONIC COMMERCE"
    assert title.kind is LinkKind.MODIFIED and title.ops
    assert a2011_2013.only_letter_case(title)
    assert not a2011_2013.only_letter_case(a2011_2013.link_of_left(_recital(dec2011)))
    unchanged = next(lk for lk in a2011_2013.links if lk.kind is LinkKind.UNCHANGED)
    assert not a2011_2013.only_letter_case(unchanged)


def test_a_change_of_typography_only_is_said_to_be_one_with_no_word_marked() -> None:
    old = document_from_text(
        'Members shall report to the "General Council" on the progress - as agreed.\n\n'
        "The Council shall meet in July."
    )
    new = document_from_text(
        "Members shall report to the \u201cGeneral Council\u201d on the progress \u2013 as "
        "agreed.\n\nThe Council shall meet in July."
    )
    al = align(old, new)
    lk = al.link_of_left(0)
    assert (lk.kind, lk.score, lk.ops, lk.detail) == (LinkKind.MODIFIED, 1.0, (), "typography")
    assert al.link_of_left(1).kind is LinkKind.UNCHANGED
    assert align(new, old).link_of_left(0).detail == "typography"  # the same both ways
    # a word changed as well: an ordinary change, with the word marked
    edited = document_from_text(new.source.replace("report", "reply"))
    lk = align(old, edited).link_of_left(0)
    assert lk.detail != "typography" and any(op.kind.value != "equal" for op in lk.ops)


def test_typewriter_quotes_and_dashes_are_typography_too() -> None:
    """``Contributor'' and -- in a plain-text licence, set as curly quotes and a dash later."""
    old = document_from_text(
        "``Contributor'' means each entity that creates Modifications -- as defined below."
    )
    new = document_from_text(
        "\u201cContributor\u201d means each entity that creates Modifications \u2014 as "
        "defined below."
    )
    lk = align(old, new).link_of_left(0)
    assert (lk.kind, lk.detail, lk.ops) == (LinkKind.MODIFIED, "typography", ())


def test_a_text_compared_with_itself_is_unchanged_throughout() -> None:
    """Duplicate long clauses with a short one between whose word lies in them: a split and
    a merge outscored the exact pairs, and the alignment was not its own mirror."""
    x = "The Council for Trade in Services shall examine the treatment of electronic supply."
    doc = document_from_text("\n\n".join([x, "electronic", x, "electronic", x]))
    al = align(doc, doc)
    assert [(lk.kind, lk.left, lk.right) for lk in al.links] == [
        (LinkKind.UNCHANGED, (n,), (n,)) for n in range(5)
    ]


def test_letter_case_only_is_said_only_when_nothing_else_changed() -> None:
    old = document_from_text('Work Programme on "Electronic Commerce"')
    cased = document_from_text('WORK PROGRAMME ON "ELECTRONIC COMMERCE"')
    requoted = document_from_text("WORK PROGRAMME ON \u201cELECTRONIC COMMERCE\u201d")
    al = align(old, cased)
    assert al.only_letter_case(al.link_of_left(0))
    al = align(old, requoted)  # the letter case and the quotation marks changed
    assert not al.only_letter_case(al.link_of_left(0))

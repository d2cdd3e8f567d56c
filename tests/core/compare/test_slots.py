"""Clauses paired by their place: trimmed, expanded and rewritten clauses between two linked
neighbours are modified, not deleted + added; unrelated clauses stay apart."""

from __future__ import annotations

from clausediff.core.compare.align import align
from clausediff.core.compare.beads import _parts_ok
from clausediff.core.compare.config import ClauseRules, Limits
from clausediff.core.compare.links import Alignment, ClauseLink, LinkKind
from clausediff.core.compare.slots import _sentence_support, _Sentences
from clausediff.core.compare.units import Scorer, Unit, find_words, units_of
from clausediff.core.model import ClauseKind
from clausediff.core.read.files import document_from_text

BEFORE = (
    "The Ministerial Conference,",
    "Recalling the Work Programme on Electronic Commerce adopted on 25 September 1998;",
    "Taking note of the reports submitted by the General Council and its subsidiary bodies;",
)
AFTER = (
    "Decides as follows:",
    "1. Members shall maintain the current practice of not imposing customs duties on "
    "electronic transmissions until the next session.",
    "2. We instruct the General Council to hold periodic reviews in its sessions of July and "
    "December 2017 based on the reports submitted by the relevant WTO bodies.",
)


def _pair(middle_old: str, middle_new: str) -> Alignment:
    old = "\n\n".join((*BEFORE, middle_old, *AFTER))
    new = "\n\n".join((*BEFORE, middle_new, *AFTER))
    return align(document_from_text(old), document_from_text(new))


def _middle(al: Alignment) -> ClauseLink:
    return al.link_of_left(len(BEFORE))


def test_an_operative_paragraph_trimmed_to_its_first_sentence_is_modified() -> None:
    al = _pair(
        "We agree to continue the work under the Work Programme on Electronic Commerce, based "
        "on the existing mandate and guidelines. The General Council shall report at the next "
        "session on the progress made, including on the development dimension. Members shall "
        "also consider the relationship between the work programme and other agreements.",
        "We agree to continue the work under the Work Programme on Electronic Commerce, based "
        "on the existing mandate.",
    )
    lk = _middle(al)
    assert (lk.kind, lk.detail) == (LinkKind.MODIFIED, "trimmed")
    assert lk.right == (len(BEFORE),) and lk.score < al.links[0].score
    assert not [k for k in al.links if k.kind in (LinkKind.DELETED, LinkKind.ADDED)]
    assert _mirror_detail(al) == "expanded"


def _mirror_detail(al: Alignment) -> str:
    back = align(al.right, al.left)
    return back.link_of_left(len(BEFORE)).detail


def test_a_recital_rewritten_in_its_place_is_modified_and_says_so() -> None:
    al = _pair(
        "Recognizing the importance of electronic commerce for developing country Members and "
        "the need to bridge the digital divide;",
        "Recognizing the challenges faced by developing country Members in electronic "
        "commerce, in particular small enterprises;",
    )
    lk = _middle(al)
    assert lk.kind is LinkKind.MODIFIED and lk.detail == "rewritten"
    assert 0.25 <= lk.score < 0.5


def test_a_different_provision_in_the_same_place_stays_deleted_and_added() -> None:
    al = _pair(
        "Recognizing the importance of electronic commerce for developing country Members;",
        "Noting with concern the situation of the cotton sector in West Africa.",
    )
    kinds = {k.kind for k in al.links if len(BEFORE) in k.left or len(BEFORE) in k.right}
    assert kinds == {LinkKind.DELETED, LinkKind.ADDED}


def test_a_heading_is_never_paired_with_a_body_clause_by_its_place() -> None:
    al = _pair("Electronic commerce", "Members shall report on electronic commerce annually.")
    assert _middle(al).kind is LinkKind.DELETED


def test_the_same_words_appended_to_every_clause_merge_nothing() -> None:
    """Every clause expanded by one suffix: each is its own expanded counterpart (a short
    recital was merged into its neighbour and its own copy shown as added)."""
    clauses = [
        "Welcoming the relevant international standards,",
        "Recalling the Work Programme on Electronic Commerce adopted on 25 September 1998,",
        "Noting the work carried out by the General Council and its subsidiary bodies since "
        "the last session,",
        "Recognizing the importance of electronic commerce for developing country Members,",
        "Members shall maintain the current practice of not imposing customs duties on "
        "electronic transmissions.",
    ]
    suffix = " taking into account the needs of developing and least-developed country Members"
    old = document_from_text("\n\n".join(clauses))
    new = document_from_text("\n\n".join(c[:-1] + suffix + c[-1] for c in clauses))
    al = align(old, new)
    assert [(lk.left, lk.right, lk.kind, lk.detail) for lk in al.links] == [
        ((n,), (n,), LinkKind.MODIFIED, "expanded") for n in range(len(clauses))
    ]


def test_a_provision_rewritten_in_its_place_keeping_its_formula_is_modified() -> None:
    """Alone between its linked neighbours on both sides and opening with the same words,
    a provision rewritten throughout is the same provision (it was deleted + added at
    0.21)."""
    al = _pair(
        "Members shall accord special and differential treatment to developing country "
        "Members, taking into account the needs and interests of small and vulnerable "
        "economies.",
        "Members shall provide information on transparency in regional trade agreements to "
        "the Secretariat in close cooperation with the relevant international organizations.",
    )
    lk = _middle(al)
    assert (lk.kind, lk.detail, lk.right) == (LinkKind.MODIFIED, "rewritten", (len(BEFORE),))
    assert lk.score < 0.25


def test_a_version_line_rewritten_in_its_place_is_modified() -> None:
    """Two headings facing each other that open with the same word (OFL 1.0 → 1.1's version
    line: one word shared)."""
    head = "SIL OPEN FONT LICENSE\n\n{}\n\nPREAMBLE\n\n"
    body = (
        "The goals of the Open Font License (OFL) are to stimulate worldwide development of "
        "cooperative font projects."
    )
    old = document_from_text(head.format("Version 1.0 - 22 November 2005") + body)
    new = document_from_text(head.format("Version 1.1 - 26 February 2007") + body)
    al = align(old, new)
    lk = al.link_of_left(1)
    assert old.clauses[1].kind is new.clauses[1].kind is ClauseKind.HEADING
    assert (lk.kind, lk.right) == (LinkKind.MODIFIED, (1,))


def test_a_clause_rewritten_around_the_sentences_it_kept_is_modified() -> None:
    """OSL 2.0 → 3.0's closing note, its two kept sentences amid much new text: too little
    alike as a whole (under 0.25) for its place to pair it, but the two sentences it kept
    hold most of the old note's words, so the two are one clause."""
    old = (
        "This license is Copyright (C) 2003 Lawrence E. Rosen. All rights reserved. "
        "Permission is hereby granted to copy and distribute this license without "
        "modification. This license may not be modified without the express written "
        "permission of its copyright owner."
    )
    new = (
        "Modification of This License. This License is Copyright (c) 2005 Lawrence Rosen. "
        "Permission is granted to copy, distribute, or communicate this License without "
        "modification. Nothing in this License permits You to modify this License as applied "
        "to the Original Work or to Derivative Works. However, You may modify the text of "
        "this License and copy, distribute or communicate your modified version (the "
        "Modified License) and apply it to other original works of authorship subject to "
        "the following conditions: (i) You may not indicate in any way that your Modified "
        "License is the Open Software License or Academic Free License; (ii) You must change "
        "the name of your Modified License and remove any reference to the Open Software "
        "License from its text; (iii) You must not use the name of Lawrence Rosen or the "
        "Open Source Initiative to endorse it. Any dispute over such a version shall be "
        "settled under the laws of the jurisdiction in which its author resides, and no "
        "part of it may restrict the freedoms that the original grants to every recipient."
    )
    al = _pair(old, new)
    lk = _middle(al)
    assert (lk.kind, lk.right) == (LinkKind.MODIFIED, (len(BEFORE),))
    assert lk.score < ClauseRules().slot_rewrite_threshold


def test_a_kept_stock_sentence_alone_does_not_pair_two_provisions() -> None:
    """A short new provision in the place of a long one, the two sharing only a closing
    formula that is most of the short one's words, with a third clause added beside them
    (so that they do not face each other): one kept sentence is not evidence enough, and
    they stay deleted and added."""
    al = _pair(
        "Members shall notify any export prohibitions or restrictions on foodstuffs to the "
        "Committee on Agriculture at least ninety days before they take effect, with the "
        "reasons for them, the products concerned, their expected duration and the steps "
        "taken to limit their effect on net food-importing developing countries. This "
        "Decision is without prejudice to the rights and obligations of Members.",
        "A register of programmes is established. This Decision is without prejudice to the "
        "rights and obligations of Members.\n\nNoting with concern the situation of the "
        "cotton sector in West Africa;",
    )
    kinds = {k.kind for k in al.links if len(BEFORE) in k.left or len(BEFORE) in k.right}
    assert kinds == {LinkKind.DELETED, LinkKind.ADDED}


def test_a_heading_and_its_paragraph_against_them_run_in_are_not_heading_against_body() -> None:
    """EPL 1.0 → 2.0: "GENERAL" and its paragraph became one paragraph. The pair of them
    against the run-in paragraph is scored as it is, not marked down as a heading against
    a body (it was, by 0.8, and the heading was shown deleted); a heading alone against a
    body still is."""
    body = (
        "If any provision of this Agreement is invalid or unenforceable under applicable "
        "law, it shall not affect the validity or enforceability of the remainder of the "
        "terms of this Agreement."
    )
    old = _units("7. GENERAL", body)
    new = _units("7. GENERAL " + body)
    assert old[0].heading and not old[1].heading and not new[0].heading
    scorer = Scorer(ClauseRules(), Limits())
    assert scorer.sim(old, new) == 1.0
    alone = 2 / (1 + len(new[0].words))  # one word of the heading, all of the paragraph's
    assert scorer.sim(old[:1], new) == alone * ClauseRules().kind_mismatch_factor


def _units(*texts: str) -> list[Unit]:
    units = units_of(document_from_text("\n\n".join(texts)))
    find_words(units, set(), {})
    return units


def test_a_clause_expanded_beside_a_deleted_recital_is_no_merge_of_the_two() -> None:
    """A recital deleted next to a clause that was expanded: the recital's words lie in the
    expanded clause only because the clause itself repeats them, so the two are no parts
    of one merge (they were, at 0.86, in a generated revision); two clauses joined are."""
    clause = (
        "Members shall make every effort to conclude the negotiations on customs duties on "
        "electronic transmissions and take into account the particular needs of small and "
        "vulnerable economies. The Secretariat shall provide technical assistance to Members "
        "on the basis of the existing mandate."
    )
    recital = (
        "Recognizing the importance of customs duties on electronic transmissions for small "
        "and vulnerable economies;"
    )
    expanded = clause + " In doing so, Members shall take into account the needs of Members."
    scorer, rules = Scorer(ClauseRules(), Limits()), ClauseRules()
    assert not _parts_ok(_units(recital, clause), _units(expanded), scorer, rules)
    assert _parts_ok(_units(recital, clause), _units(recital + " " + clause), scorer, rules)


def test_kept_sentences_are_weighed_only_between_clauses_of_a_few_sentences() -> None:
    """The kept-sentence rule compares every sentence of one clause with every sentence of
    the other: beyond ``slot_sentence_max`` sentences (a paragraph without breaks, a hostile
    file) it is not tried."""
    rules = ClauseRules()
    scorer = Scorer(rules, Limits())

    def clause(n: int, word: str) -> str:
        return " ".join(
            f"Members shall report on item {k} of the {word} programme." for k in range(n)
        )

    for n, expected in ((rules.slot_sentence_max, 1.0), (rules.slot_sentence_max + 1, 0.0)):
        u, v = _units(clause(n, "work"))[0], _units(clause(n, "trade"))[0]
        assert _sentence_support(u, v, scorer, rules, _Sentences(10_000)) == expected

"""Clauses paired by their place: trimmed, expanded and rewritten clauses between two linked
neighbours are modified, not deleted + added; unrelated clauses stay apart."""

from __future__ import annotations

from clausediff.core.compare.align import align
from clausediff.core.compare.links import Alignment, ClauseLink, LinkKind
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

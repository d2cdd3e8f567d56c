"""Moves without rare words: an edited clause that moved among boilerplate is found; chance
pairs among look-alike boilerplate are not."""

from __future__ import annotations

from clausediff.core.compare.align import align
from clausediff.core.compare.links import LinkKind
from clausediff.core.read.files import document_from_text

#: A text of repeated chapeaux: every word of the moved clause is found in others.
CLAUSES = [
    "To instruct the General Council to continue its examination of the work programme in "
    "its sessions of July and December.",
    "To instruct the Council for Trade in Services to continue its examination of the work "
    "programme in its sessions of July and December.",
    "To instruct the Council for Trade in Goods to report on progress in its sessions of "
    "July and December.",
    "To instruct the Committee on Trade and Development to report on progress in its "
    "sessions of July and December.",
    "To instruct the Council for TRIPS to continue its examination of the work programme "
    "and to report on progress in its sessions of July.",
    "To instruct the General Council to report on progress in its sessions of July and December.",
]


def _doc(paras: list[str]) -> object:
    return document_from_text("\n\n".join(f"{n + 1}. {p}" for n, p in enumerate(paras)))


def test_an_edited_move_among_boilerplate_is_moved() -> None:
    old = [*CLAUSES]
    moved = old.pop(1)
    edited = moved.replace("continue its examination of", "examine").replace("July and ", "")
    new = [*old[:4], edited, *old[4:]]
    al = align(_doc(CLAUSES), _doc(new))  # type: ignore[arg-type]
    lk = al.link_of_left(1)
    assert lk.kind is LinkKind.MOVED and lk.right == (4,)
    assert not [k for k in al.links if k.kind in (LinkKind.DELETED, LinkKind.ADDED)]


def test_look_alike_boilerplate_deleted_and_added_elsewhere_is_not_a_move() -> None:
    old = [
        *CLAUSES,
        "To instruct the TRIPS Council to undertake an assessment on export competition "
        "and to report to the next session.",
    ]
    new = [
        "To instruct the Dispute Settlement Body to intensify its work on export "
        "competition and to report to the next session.",
        *CLAUSES,
    ]
    al = align(_doc(old), _doc(new))  # type: ignore[arg-type]
    assert al.link_of_left(len(CLAUSES)).kind is LinkKind.DELETED
    assert al.link_of_right(0).kind is LinkKind.ADDED

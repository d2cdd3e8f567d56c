"""Moves without rare words: an edited clause that moved among boilerplate is found; chance
pairs among look-alike boilerplate are not."""

from __future__ import annotations

import json

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from clausediff.core.compare.align import align
from clausediff.core.compare.links import LinkKind
from clausediff.core.compare.moves import _best_two
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


def test_a_clause_moved_a_few_places_is_moved_though_a_look_alike_was_deleted() -> None:
    """An edited clause moved three places down, while a near copy of it far away was
    deleted: no margin tells the two apart (0.94 against 0.91), but the moved clause's
    counterpart stands near its old place and is its best partner both ways; the look-alike
    stays deleted."""
    x = (
        "Members shall give positive consideration to requests from developing country "
        "Members regarding cotton and notify their measures on cotton to the Committee on "
        "Agriculture."
    )
    look_alike = (
        "Members shall give positive consideration to requests from least-developed country "
        "Members regarding cotton and notify their measures on cotton subsidies to the "
        "Committee on Agriculture."
    )
    recitals = [
        f"Recalling paragraph {n} of the Doha Ministerial Declaration on {t};"
        for n, t in [(12, "cotton"), (31, "trade and environment"), (19, "TRIPS"),
                     (44, "special and differential treatment"), (27, "trade facilitation")]
    ]  # fmt: skip
    old = [*CLAUSES[:2], x, *recitals, *CLAUSES[2:], look_alike]
    edited = x[:-1] + " within 90 days."
    new = [*CLAUSES[:2], *recitals[:3], edited, *recitals[3:], *CLAUSES[2:]]
    al = align(_doc(old), _doc(new))  # type: ignore[arg-type]
    assert (al.link_of_left(2).kind, al.link_of_left(2).right) == (LinkKind.MOVED, (5,))
    assert al.link_of_left(len(old) - 1).kind is LinkKind.DELETED


SECTIONS = {
    "Definitions": "In this Agreement, a Member means a Member of the World Trade Organization "
    "and a measure includes any law or regulation.",
    "Scope": "This Agreement applies to measures adopted or maintained by a Member that affect "
    "trade by electronic means.",
    "Transparency": "Each Member shall publish promptly its measures of general application "
    "relating to trade by electronic means.",
    "Patent Claims": "Each Contributor grants a licence under its patent claims to make, use, "
    "sell and import its Contribution.",
    "Customs duties": "No Member shall impose customs duties on electronic transmissions "
    "between a person of one Member and a person of another.",
}


def _sections(order: list[str], renamed: bool = False) -> object:
    parts = []
    for n, title in enumerate(order, 1):
        body = SECTIONS[title]
        if renamed and title == "Patent Claims":
            title = "Patent Claims of a Contributor"
            body = body.replace("sell and import", "sell, offer for sale and import")
        parts.append(f"{n}. {title}\n\n{n}.1 {body}")
    return document_from_text("\n\n".join(parts))


def test_a_renumbered_renamed_section_is_found_where_it_went() -> None:
    old = list(SECTIONS)
    new = [t for t in old if t != "Patent Claims"] + ["Patent Claims"]
    a, b = _sections(old), _sections(new, renamed=True)
    al = align(a, b)  # type: ignore[arg-type]
    heading, body = old.index("Patent Claims") * 2, old.index("Patent Claims") * 2 + 1
    assert [b.clauses[j].label for j in al.link_of_left(heading).right] == ["5"]  # type: ignore[attr-defined]
    assert al.link_of_left(heading).kind is LinkKind.MOVED
    assert al.link_of_left(body).kind is LinkKind.MOVED
    assert [b.clauses[j].label for j in al.link_of_left(body).right] == ["5.1"]  # type: ignore[attr-defined]
    assert not [k for k in al.links if k.kind in (LinkKind.DELETED, LinkKind.ADDED)]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 5), st.sampled_from([0.4, 0.45, 0.5, 0.75, 0.9, 1.0])),
        max_size=30,
    )
)
def test_best_two_of_the_kept_pairs_is_the_best_two_of_the_whole_row(
    pairs: list[tuple[int, float]],
) -> None:
    """The move margin reads each row's best two scores from the kept pairs only; a row of
    the whole matrix, zeros where no pair was kept, gives the same two (ties included)."""
    keys = np.array([k for k, _ in pairs], dtype=np.int32)
    values = np.array([v for _, v in pairs], dtype=np.float32)
    best, second = _best_two(keys, values, 6)
    for key in range(6):
        row = sorted([float(v) for k, v in zip(keys, values, strict=True) if k == key] + [0.0, 0.0])
        assert (float(best[key]), float(second[key])) == (row[-1], row[-2])


def test_the_json_streamed_to_a_file_is_the_json_of_the_value() -> None:
    """``align --json`` writes its records as it makes them: the same text as the value."""
    from clausediff.core.compare.lineage import build_lineage
    from clausediff.core.read.bundled import _load_entry, bundled_entries
    from clausediff.core.render.serialize import json_text, lineage_json

    lineage = build_lineage([_load_entry(e) for e in bundled_entries()])
    assert json_text(lineage_json(lineage, stream=True)) == json_text(lineage_json(lineage))
    assert json.loads(json_text(lineage_json(lineage, stream=True)))["links"]


def test_a_long_clause_moved_past_two_short_ones_is_the_one_that_moved() -> None:
    """The fewest clauses are moves: a long paragraph moved down past two short recitals
    is moved, and the recitals unchanged (the chain of anchors weighed text, and called
    the two recitals moved)."""
    long = (
        "Members shall maintain the current practice of not imposing customs duties on "
        "electronic transmissions until the next session, and shall report to the General "
        "Council on the measures they have taken, with a view to making appropriate "
        "recommendations to the Ministerial Conference."
    )
    short = ["Recalling paragraph 12;", "Noting paragraph 31;"]
    old = [CLAUSES[0], long, *short, CLAUSES[2]]
    new = [CLAUSES[0], *short, long, CLAUSES[2]]
    al = align(_doc(old), _doc(new))  # type: ignore[arg-type]
    assert (al.link_of_left(1).kind, al.link_of_left(1).right) == (LinkKind.MOVED, (3,))
    assert [al.link_of_left(k).kind for k in (2, 3)] == [LinkKind.UNCHANGED] * 2


def test_a_near_move_is_judged_the_same_whichever_version_is_on_the_left() -> None:
    """Where a clause would stand is measured in both versions, so the engine takes the
    same near move, or leaves it, in either orientation (it measured the right version
    only: with 18 clauses added between, and a look-alike deleted far away so that only
    its place could tell, this move was found one way round and not the other)."""
    from clausediff.core.compare.align import _align
    from clausediff.core.compare.config import DEFAULT_CONFIG
    from clausediff.core.compare.constraints import NO_CONSTRAINTS

    x = (
        "Members shall give positive consideration to requests from developing country "
        "Members regarding cotton and notify their measures on cotton to the Committee on "
        "Agriculture."
    )
    look_alike = x.replace("developing country", "least-developed country")
    look_alike = look_alike.replace("on cotton to", "on cotton subsidies to")
    recitals = [f"Recalling paragraph {n} of the Doha Ministerial Declaration;" for n in range(5)]
    seen = []
    for n_notes in (10, 18):
        notes = [f"Noting document WT/L/{900 + k} of {k + 1} March;" for k in range(n_notes)]
        old = [*CLAUSES[:2], x, *recitals, *CLAUSES[2:], look_alike]
        new = [*CLAUSES[:2], *recitals[:3], *notes, x[:-1] + " within 90 days.", *recitals[3:]]
        new += CLAUSES[2:]
        a, b = _doc(old), _doc(new)
        forward = _align(a, b, DEFAULT_CONFIG, NO_CONSTRAINTS, None)  # type: ignore[arg-type]
        backward = _align(b, a, DEFAULT_CONFIG, NO_CONSTRAINTS, None)  # type: ignore[arg-type]
        there = 2 + 3 + n_notes
        ahead = forward.link_of_left(2)
        back = backward.link_of_left(there)
        assert ahead.kind is back.kind
        assert ahead.right == ((there,) if ahead.kind is LinkKind.MOVED else ())
        assert back.right == ((2,) if back.kind is LinkKind.MOVED else ())
        seen.append(ahead.kind)
    assert seen[0] is LinkKind.MOVED  # (ten clauses between: near enough)


def test_kept_clauses_with_new_ones_between_them_all_stay_anchors() -> None:
    """Three recitals inserted after every kept clause: no kept clause has a similar
    neighbour, but each stands next to the one before it in its own version, so every one
    stays an anchor (they were all dropped, and the whole text went to the banded
    programme)."""
    from clausediff.core.compare.chains import exact_anchors
    from clausediff.core.compare.config import ClauseRules, Limits
    from clausediff.core.compare.units import units_of

    kept = [f"Members shall report on programme {k} to the General Council." for k in range(40)]
    old = document_from_text("\n\n".join(kept))
    new_paras = []
    for k, text in enumerate(kept):
        new_paras += [text, *(f"Noting document WT/L/{k * 3 + n} on cotton;" for n in range(3))]
    new = document_from_text("\n\n".join(new_paras))
    anchors, jumps = exact_anchors(units_of(old), units_of(new), ClauseRules(), Limits(), {})
    assert anchors == [(k, 4 * k) for k in range(40)] and not jumps

"""A user's corrections to an alignment: pairs made by hand, pairs kept apart."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from clausediff.core.compare.align import align
from clausediff.core.compare.constraints import Constraints
from clausediff.core.compare.links import Alignment, LinkKind
from clausediff.core.model import Document
from clausediff.core.read.files import document_from_text

CLAUSES = [
    "To instruct the General Council to hold periodic reviews in its sessions of July 2014.",
    "That Members will maintain the current practice of not imposing customs duties.",
    "The Work Programme shall also examine access to electronic commerce by small firms.",
    "Recalling the Work Programme on Electronic Commerce adopted on 25 September 1998,",
    "To reiterate the importance of adhering to basic principles including transparency.",
    "Members shall notify the Committee of any measure by 31 March 1999.",
    "[[GAP: paragraph not in this excerpt]]",
    "Decides:",
    "To continue the reinvigoration of the Work Programme based on its existing mandate.",
]
EDITS = ["shall", "may", "2015", "WT/L/907", "not"]


@st.composite
def _case(draw: st.DrawFn) -> tuple[Document, Document, Constraints]:
    left = draw(st.lists(st.sampled_from(CLAUSES), min_size=1, max_size=8))
    right = []
    for clause in left:
        action = draw(st.sampled_from(["keep", "edit", "drop", "add"]))
        if action == "keep":
            right.append(clause)
        elif action == "edit":
            words = clause.split()
            words[draw(st.integers(0, len(words) - 1))] = draw(st.sampled_from(EDITS))
            right.append(" ".join(words))
        elif action == "add":
            right += [clause, draw(st.sampled_from(CLAUSES))]
    right = draw(st.permutations(right)) if draw(st.booleans()) else right
    right = right or [draw(st.sampled_from(CLAUSES))]
    a = document_from_text("\n\n".join(left))
    b = document_from_text("\n\n".join(right))
    free_l = [c.index for c in a.clauses if not c.is_gap]
    free_r = [c.index for c in b.clauses if not c.is_gap]
    must = []
    for _ in range(draw(st.integers(0, 3))):
        if not free_l or not free_r:
            break
        take_l = draw(st.lists(st.sampled_from(free_l), min_size=1, max_size=2, unique=True))
        take_r = draw(st.lists(st.sampled_from(free_r), min_size=1, max_size=2, unique=True))
        must.append((tuple(take_l), tuple(take_r)))
        free_l = [i for i in free_l if i not in take_l]
        free_r = [j for j in free_r if j not in take_r]
    pinned = {(i, j) for a_, b_ in must for i in a_ for j in b_}
    every = [(i, j) for i in range(len(a.clauses)) for j in range(len(b.clauses))]
    cannot = draw(st.lists(st.sampled_from(every), max_size=6)) if every else []
    return a, b, Constraints(tuple(must), frozenset(p for p in cannot if p not in pinned))


def _check(al: Alignment, cons: Constraints) -> None:
    for side, doc in ((0, al.left), (1, al.right)):
        seen = [i for lk in al.links for i in (lk.left if side == 0 else lk.right)]
        assert sorted(seen) == list(range(len(doc.clauses))), "not a partition"
    made = {(lk.left, lk.right) for lk in al.links if lk.manual}
    assert made == {(tuple(sorted(a)), tuple(sorted(b))) for a, b in cons.must}
    for lk in al.links:
        assert not any((i, j) in cons.cannot for i in lk.left for j in lk.right), lk
        if lk.manual:
            assert lk.kind not in (LinkKind.ADDED, LinkKind.DELETED, LinkKind.UNKNOWN)


_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(_case())
def test_every_constraint_is_honoured_and_the_partition_holds(
    case: tuple[Document, Document, Constraints],
) -> None:
    a, b, cons = case
    note(repr(cons))
    _check(align(a, b, constraints=cons), cons)


@_SETTINGS
@given(_case())
def test_constraints_hold_whichever_version_is_on_the_left(
    case: tuple[Document, Document, Constraints],
) -> None:
    a, b, cons = case
    _check(align(b, a, constraints=cons.mirrored()), cons.mirrored())


def _index(doc: Document, start: str) -> int:
    return next(c.index for c in doc.clauses if not c.is_gap and c.text.startswith(start))


def test_a_pair_made_by_hand_links_clauses_the_engine_leaves_apart(
    dec2011: Document, dec2013: Document
) -> None:
    i = _index(dec2011, "To instruct the General Council to emphasize")
    j = _index(dec2013, "To instruct the General Council to hold periodic reviews")
    before = align(dec2011, dec2013)
    assert before.link_of_left(i).right == () and before.link_of_right(j).left == ()
    after = align(dec2011, dec2013, constraints=Constraints((((i,), (j,)),)))
    link = after.link_of_left(i)
    assert link.right == (j,) and link.manual and link.kind is LinkKind.MODIFIED
    assert link.ops, "the words that changed are shown as for any link"
    assert sum(lk.manual for lk in after.links) == 1
    # everything else is aligned as before
    others = {lk for lk in before.links if i not in lk.left and j not in lk.right}
    assert others <= set(after.links)


def test_kept_apart_splits_a_link_the_engine_made(dec2011: Document, dec2013: Document) -> None:
    i = _index(dec2011, "Recalling the")
    j = _index(dec2013, "Recalling the")
    assert align(dec2011, dec2013).link_of_left(i).right == (j,)
    after = align(dec2011, dec2013, constraints=Constraints(cannot=frozenset({(i, j)})))
    assert j not in after.link_of_left(i).right
    assert not any(lk.manual for lk in after.links)


def test_constraints_that_cannot_be_honoured_are_refused(
    dec2011: Document, dec2013: Document
) -> None:
    with pytest.raises(ValueError, match="one pair"):
        Constraints((((1,), (2,)), ((1,), (3,))))
    with pytest.raises(ValueError, match="kept apart"):
        Constraints((((1,), (2,)),), frozenset({(1, 2)}))
    with pytest.raises(ValueError, match="no clause 100"):
        align(dec2011, dec2013, constraints=Constraints((((99,), (0,)),)))
    gap = next(c.index for c in dec2011.clauses if c.is_gap)
    with pytest.raises(ValueError, match="is a gap"):
        align(dec2011, dec2013, constraints=Constraints((((gap,), (0,)),)))

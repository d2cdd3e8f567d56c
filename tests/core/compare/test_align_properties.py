"""Invariants of the alignment engine, for random revisions of decision-like texts."""

from __future__ import annotations

from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from clausediff.core.compare.align import align
from clausediff.core.compare.config import (
    AlignConfig,
    ClauseRules,
    Limits,
)
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
    "The Council for Trade in Services shall examine the treatment of electronic supply.",
    "[[GAP: paragraph not in this excerpt]]",
    "Decides:",
    "To continue the reinvigoration of the Work Programme based on its existing mandate.",
]
EDITS = ["shall", "may", "2015", "WT/L/907", "substantially", "not"]


@st.composite
def _versions(draw: st.DrawFn) -> tuple[Document, Document]:
    left = draw(st.lists(st.sampled_from(CLAUSES), min_size=1, max_size=9))
    right = []
    for clause in left:
        action = draw(st.sampled_from(["keep", "keep", "edit", "drop", "split", "add"]))
        if action == "keep":
            right.append(clause)
        elif action == "edit":
            words = clause.split()
            k = draw(st.integers(0, len(words) - 1))
            words[k] = draw(st.sampled_from(EDITS))
            right.append(" ".join(words))
        elif action == "split" and " the " in clause:
            a, _, b = clause.partition(" the ")
            right += [a + ".", "The " + b]
        elif action == "add":
            right += [clause, draw(st.sampled_from(CLAUSES))]
    if draw(st.booleans()) and len(right) > 2:
        i, j = draw(st.integers(0, len(right) - 1)), draw(st.integers(0, len(right) - 1))
        right[i], right[j] = right[j], right[i]
    if not right:
        right = [draw(st.sampled_from(CLAUSES))]
    return (document_from_text("\n\n".join(left)), document_from_text("\n\n".join(right)))


_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_partition(al: Alignment) -> None:
    for side, doc in ((0, al.left), (1, al.right)):
        seen = [i for lk in al.links for i in (lk.left if side == 0 else lk.right)]
        assert sorted(seen) == list(range(len(doc.clauses))), "not a partition"
    for lk in al.links:  # a side of several clauses lists them in document order
        assert list(lk.left) == sorted(lk.left) and list(lk.right) == sorted(lk.right)


@_SETTINGS
@given(_versions())
def test_every_clause_lies_in_exactly_one_link(pair: tuple[Document, Document]) -> None:
    _check_partition(align(*pair))


@_SETTINGS
@given(_versions())
def test_each_kind_agrees_with_its_cardinality(pair: tuple[Document, Document]) -> None:
    al = align(*pair)
    for lk in al.links:
        n, m = len(lk.left), len(lk.right)
        expected = {
            LinkKind.UNCHANGED: n == m == 1,
            LinkKind.MODIFIED: n == m == 1,
            LinkKind.MOVED: n == m == 1,
            LinkKind.SPLIT: n == 1 and m >= 2,
            LinkKind.MERGED: n >= 2 and m == 1,
            LinkKind.RESTRUCTURED: n >= 2 and m >= 2,
            LinkKind.ADDED: n == 0 and m == 1,
            LinkKind.DELETED: n == 1 and m == 0,
            LinkKind.UNKNOWN: n + m == 1,
        }[lk.kind]
        assert expected, (lk.kind, n, m)
        if lk.kind is LinkKind.UNCHANGED:
            assert al.side_text(lk, 0).split() == al.side_text(lk, 1).split()


@_SETTINGS
@given(_versions())
def test_word_changes_rebuild_both_sides(pair: tuple[Document, Document]) -> None:
    al = align(*pair)
    for lk in al.links:
        if not lk.ops:
            continue
        lt, rt = al.side_text(lk, 0), al.side_text(lk, 1)
        assert "".join(lt[o.left.start : o.left.end] for o in lk.ops) == lt
        assert "".join(rt[o.right.start : o.right.end] for o in lk.ops) == rt


def _shape(al: Alignment) -> set[tuple[tuple[int, ...], tuple[int, ...], str]]:
    return {(lk.left, lk.right, lk.kind.value) for lk in al.links}


@_SETTINGS
@given(_versions())
def test_alignment_of_b_to_a_mirrors_a_to_b(pair: tuple[Document, Document]) -> None:
    note(f"left={pair[0].source!r}\nright={pair[1].source!r}")
    forward = align(*pair)
    backward = align(pair[1], pair[0])
    mirrored = {(lk.right, lk.left, lk.kind.mirrored().value) for lk in backward.links}
    assert _shape(forward) == mirrored


_TIGHT = AlignConfig(clauses=ClauseRules(dp_max_cells=2), limits=Limits(max_word_pairs=20))


@_SETTINGS
@given(_versions())
def test_the_bounded_paths_keep_every_invariant(pair: tuple[Document, Document]) -> None:
    """With bounds far below these texts, every stretch goes through fuzzy anchors and every
    comparison through the anchored longest common subsequence: the links still partition
    the clauses, word changes still rebuild both sides, and B to A still mirrors A to B."""
    al = align(*pair, _TIGHT)
    _check_partition(al)
    for lk in al.links:
        if lk.ops:
            lt, rt = al.side_text(lk, 0), al.side_text(lk, 1)
            assert "".join(lt[o.left.start : o.left.end] for o in lk.ops) == lt
            assert "".join(rt[o.right.start : o.right.end] for o in lk.ops) == rt
    backward = align(pair[1], pair[0], _TIGHT)
    assert _shape(al) == {(lk.right, lk.left, lk.kind.mirrored().value) for lk in backward.links}

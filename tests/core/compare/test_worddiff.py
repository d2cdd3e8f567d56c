"""Word-level changes: exact rebuild and readability rules."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from clausediff.core.compare.config import WordRules
from clausediff.core.compare.links import OpKind
from clausediff.core.compare.worddiff import common_ends, word_diff
from clausediff.core.text.normalize import tokenize


def _keys(text: str) -> list[str]:
    return [t.key for t in tokenize(text)]


def _changes(a: str, b: str) -> list[tuple[str, str, str]]:
    return [
        (op.kind.value, *op.texts(a, b)) for op in word_diff(a, b) if op.kind is not OpKind.EQUAL
    ]


def test_shall_becoming_may_is_one_replacement() -> None:
    a = "Members shall notify the Committee by 31 March 1999."
    b = "Members may notify the Committee by 30 June 2015."
    assert _changes(a, b) == [
        ("replace", "shall", "may"),
        ("replace", "31 March 1999", "30 June 2015"),
    ]


def test_case_change_is_a_change() -> None:
    assert _changes("the Council shall act", "the Council Shall act") == [
        ("replace", "shall", "Shall")
    ]


def test_document_symbols_are_single_words() -> None:
    a = "as set out in WT/MIN(13)/32 and WT/L/782."
    b = "as set out in WT/MIN(15)/42 and WT/L/782."
    assert _changes(a, b) == [("replace", "WT/MIN(13)/32", "WT/MIN(15)/42")]


def test_lone_unchanged_word_inside_a_rewrite_is_folded() -> None:
    a = "to intensively reinvigorate the development work"
    b = "to continue substantially the invigorating of work"
    changes = _changes(a, b)
    assert changes == [
        (
            "replace",
            "intensively reinvigorate the development",
            "continue substantially the invigorating of",
        ),
    ]


def test_changes_never_carry_outer_white_space() -> None:
    a = "at its next session,  to be held in 2011,"
    b = "at its session in 2013,"
    changes = _changes(a, b)
    assert changes == [
        ("delete", "next", ""),
        ("delete", ",  to be held", ""),
        ("replace", "2011", "2013"),
    ]
    for _, left, right in changes:
        assert left == left.strip() and right == right.strip()


_TOKENS = st.sampled_from(
    ["shall", "may", "the", "Council", "WT/L/274", ",", ".", "(a)", "“x”", "é", "2011", "2013"]
)
_SPACE = st.sampled_from([" ", "  ", "\n", "", "\u00a0"])


@st.composite
def _text(draw: st.DrawFn) -> str:
    return "".join(w + s for w, s in draw(st.lists(st.tuples(_TOKENS, _SPACE), max_size=25)))


@settings(max_examples=400, deadline=None)
@given(_text(), _text())
def test_word_changes_rebuild_both_texts(a: str, b: str) -> None:
    ops = word_diff(a, b)
    assert "".join(a[o.left.start : o.left.end] for o in ops) == a
    assert "".join(b[o.right.start : o.right.end] for o in ops) == b
    for o in ops:
        if o.kind is OpKind.EQUAL:
            # unchanged means the same words; white space is only normalised
            assert _keys(a[o.left.start : o.left.end]) == _keys(b[o.right.start : o.right.end])
        if o.kind is OpKind.INSERT:
            assert o.left.start == o.left.end
        if o.kind is OpKind.DELETE:
            assert o.right.start == o.right.end


@settings(max_examples=1000, deadline=None)
@given(_text(), _text(), st.integers(0, 200), st.integers(0, 200))
def test_shared_ends_change_nothing_in_the_diff(a: str, middle: str, cut: int, keep: int) -> None:
    """Taking the head and tail both texts share as one token each gives the very changes
    tokenising everything gives (a revision keeps most of its text: that is the case)."""
    cut, keep = min(cut, len(a)), min(keep, len(a) - min(cut, len(a)))
    b = a[:cut] + middle + a[len(a) - keep :]
    ends = common_ends(a, b)
    assert word_diff(a, b) == word_diff(a, b, WordRules(trim_common_ends=False))
    head, tail = ends
    assert a[:head] == b[:head] and (not head or a[head - 1].isspace())
    assert a[len(a) - tail :] == b[len(b) - tail :] and (not tail or a[len(a) - tail].isspace())


GENESIS = (
    "In the beginning God created the heaven and the earth. And the earth was without form, "
    "and void; and darkness was upon the face of the deep. And the Spirit of God moved upon "
    "the face of the waters."
)
SECOND_VERSE = (
    "And the earth was without form, and void; and darkness was upon the face of the deep. "
)


def _ops(a: str, b: str) -> list[tuple[str, str, str]]:
    return [(op.kind.value, *op.texts(a, b)) for op in word_diff(a, b)]


def test_a_deleted_sentence_is_shown_as_that_sentence() -> None:
    shorter = GENESIS.replace(SECOND_VERSE, "")
    # the longest common subsequence alone cuts it as "earth was … deep. And the"
    first = "In the beginning God created the heaven and the earth. "
    third = "And the Spirit of God moved upon the face of the waters."
    assert _ops(GENESIS, shorter) == [
        ("equal", first, first),
        ("delete", SECOND_VERSE, ""),
        ("equal", third, third),
    ]
    # and an inserted one likewise, whatever the trimming of shared ends
    inserted = [(k, right, left) for k, left, right in _ops(GENESIS, shorter)]
    inserted[1] = ("insert", "", SECOND_VERSE)
    assert _ops(shorter, GENESIS) == inserted
    assert word_diff(shorter, GENESIS) == word_diff(
        shorter, GENESIS, WordRules(trim_common_ends=False)
    )


def test_whole_sentences_take_the_space_after_them() -> None:
    a = (
        "Members shall notify the Committee. The Council may review WT/L/274 by 31 March, "
        "1999. It shall report to the General Council."
    )
    b = "Members shall notify the Committee. It shall report to the General Council."
    assert _changes(a, b) == [
        ("delete", "The Council may review WT/L/274 by 31 March, 1999. ", ""),
    ]
    # two sentences in a row are one change, "para." and "e.g." ending neither
    c = (
        "Members shall notify the Committee. See para. 2 of the Decision. It lists, e.g. "
        "Tariffs, quotas. It shall report to the General Council."
    )
    assert _changes(c, b) == [
        ("delete", "See para. 2 of the Decision. It lists, e.g. Tariffs, quotas. ", ""),
    ]


def test_a_deletion_that_is_not_whole_sentences_keeps_its_bounds() -> None:
    a = "The Council shall review the programme. The review shall be annual."
    b = "The Council shall review. The review shall be annual."
    # "the programme" is part of a sentence: no white space joins the change
    assert _changes(a, b) == [("delete", "the programme", "")]
    # the last sentence has no white space after it, and keeps its bounds
    assert _changes(a, "The Council shall review the programme.") == [
        ("delete", "The review shall be annual.", "")
    ]


_SENTENCES = st.sampled_from(
    [
        "And the earth was void.",
        "And the Council shall act.",
        "The Council shall act.",
        "See para. 2.",
        "It shall.",
        "And the",
        "the Council",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_SENTENCES, max_size=8), st.lists(_SENTENCES, max_size=8), _SPACE)
def test_sliding_onto_sentences_keeps_the_diff_exact(
    a_parts: list[str], b_parts: list[str], space: str
) -> None:
    a, b = (space or " ").join(a_parts), (space or " ").join(b_parts)
    ops = word_diff(a, b)
    assert "".join(a[o.left.start : o.left.end] for o in ops) == a
    assert "".join(b[o.right.start : o.right.end] for o in ops) == b
    for o in ops:
        if o.kind is OpKind.EQUAL:
            assert _keys(a[o.left.start : o.left.end]) == _keys(b[o.right.start : o.right.end])
    assert ops == word_diff(a, b, WordRules(trim_common_ends=False))

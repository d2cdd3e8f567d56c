"""Rules that keep the engine right on long documents and stable between runs."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clausediff.core.compare.align import align
from clausediff.core.compare.chains import heaviest_chain
from clausediff.core.compare.config import (
    AlignConfig,
    ClauseRules,
)
from clausediff.core.compare.gaps import Opposite
from clausediff.core.compare.links import ClauseLink, LinkKind
from clausediff.core.read.files import document_from_text
from clausediff.core.text.normalize import (
    TOKEN_RE,
    normalize_token,
    token_table,
    tokenize,
    word_bounds,
    word_keys,
)


def test_paragraph_numbers_beyond_999_are_labels() -> None:
    doc = document_from_text("999. Penultimate clause.\n\n1000. Next clause.\n\n12345. Far on.")
    assert [(c.label, c.text) for c in doc.clauses] == [
        ("999", "Penultimate clause."),
        ("1000", "Next clause."),
        ("12345", "Far on."),
    ]


def test_a_year_wrapped_to_the_start_of_a_line_does_not_cut_a_paragraph() -> None:
    doc = document_from_text(
        "4. Members shall report by 31 December\n2013. The Council shall review the reports."
    )
    assert len(doc.clauses) == 1
    assert doc.clauses[0].label == "4"
    assert doc.clauses[0].text.startswith("Members shall report by 31 December\n2013. The")


_TEXT = st.text(
    alphabet=st.sampled_from(list("abcXYZ019 -/'.()’“”–\u00e9\u0301\u05d0\u00df\u00ad,;")),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.booleans())
def test_fast_word_keys_agree_with_tokens(text: str, casefold: bool) -> None:
    """The alignment's word keys are the keys of the word tokens the diffs are built on."""
    tokens = tokenize(text, casefold=casefold)
    for t in tokens:
        assert text[t.start : t.end] == t.text
    if "\u00ad" not in text and "\u0301" not in text:
        # (soft hyphens and decomposed accents are folded before words are found)
        assert word_keys(text) == [t.key.casefold() for t in tokens if t.is_word]


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.booleans())
def test_token_table_is_a_plain_scan_for_tokens(text: str, casefold: bool) -> None:
    """The split-based token table finds exactly the tokens a match-by-match scan finds."""
    spans = [m.span() for m in TOKEN_RE.finditer(text)]
    keys, starts, ends = token_table(text, casefold=casefold)
    assert list(zip(starts, ends, strict=True)) == spans
    assert keys == [normalize_token(text[a:b], casefold=casefold) for a, b in spans]
    if "\u00ad" not in text and "\u0301" not in text:
        assert len(word_bounds(text)) // 2 == len(word_keys(text))
    bounds = word_bounds(text)
    for a, b in zip(bounds[0:-1:2], bounds[1::2], strict=True):
        assert text[a:b] and not text[a:b].isspace()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), max_size=12), st.integers(0, 30))
def test_opposite_interval_matches_a_linear_scan(steps: list[tuple[int, int]], probe: int) -> None:
    # an order-preserving frame of links built from steps (gaps before each link)
    frame, i, j = [], 0, 0
    for di, dj in steps:
        i, j = i + di, j + dj
        frame.append(ClauseLink((i,), (j,), LinkKind.MODIFIED, 0.9))
        i, j = i + 1, j + 1
    n_other = j + 2
    for side in (0, 1):
        lo, hi = -1, n_other
        for lk in frame:
            mine, theirs = (lk.left, lk.right) if side == 0 else (lk.right, lk.left)
            if max(mine) < probe:
                lo = max(lo, max(theirs))
            elif min(mine) > probe:
                hi = min(hi, min(theirs))
        assert Opposite(side, frame, n_other)(probe) == (lo, hi)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(0, 40), unique=True, max_size=30),
    st.lists(st.floats(1, 50), min_size=30, max_size=30),
)
def test_heaviest_chain_matches_a_quadratic_search(rights: list[int], weights: list[float]) -> None:
    """Anchors: the chain taken in runs is the heaviest chain of single pairs."""
    pairs = list(enumerate(rights))
    w = weights[: len(pairs)]
    best: list[tuple[float, list[tuple[int, int]]]] = []
    for k, (i, j) in enumerate(pairs):
        before = [best[p] for p in range(k) if pairs[p][1] < j]
        value, chain = max(before, key=lambda b: b[0], default=(0.0, []))
        best.append((value + w[k], [*chain, (i, j)]))
    expected = max(best, key=lambda b: b[0], default=(0.0, []))
    got = heaviest_chain(pairs, w)
    assert sum(w[i] for i, _ in got) == pytest.approx(expected[0])
    assert all(a[0] < b[0] and a[1] < b[1] for a, b in itertools.pairwise(got))


def test_a_paragraph_of_unclosed_gap_markers_is_text() -> None:
    """An opened gap marker that never closes is text, and looking for its end stops at
    the next marker (before, 32,000 of them took two minutes to read)."""
    doc = document_from_text("[[GAP: x " * 100_000)
    assert len(doc.clauses) == 1
    assert not doc.clauses[0].is_gap
    assert doc.clauses[0].text == ("[[GAP: x " * 100_000).strip()


def test_a_paragraph_of_abbreviations_is_one_sentence() -> None:
    """Stops after abbreviations do not end a sentence, and checking each one looks only at
    the word before it (before, 32,000 of them took a minute and a half)."""
    text = "See e.g. Members e.g. " * 50_000
    doc = document_from_text(text)
    assert len(doc.clauses) == 1
    assert len(doc.clauses[0].sentences) == 1


def _decision(rng: random.Random, n: int, words: tuple[str, ...] = ()) -> list[str]:
    words = words or ("members", "council", "trade", "review", "data", "services", "access")
    return [
        f"To instruct the General Council to {' '.join(rng.choice(words) for _ in range(14))} "
        f"(WT/L/{900 + k})."
        for k in range(n)
    ]


def test_a_version_rewritten_throughout_is_aligned_through_fuzzy_anchors() -> None:
    """No clause left word for word the same, so no exact anchor: the region is cut at
    near-certain pairs, and what lies between (a split, a merge) is aligned in full."""
    rng = random.Random(11)
    left = _decision(rng, 60)
    right = []
    for k, text in enumerate(left):
        words = text.split()
        words[5] = "revised"
        if k == 20:  # split in two
            right += [" ".join(words[:10]) + ".", " ".join(words[10:])]
        elif k == 41:  # merged with the next
            continue
        elif k == 42:
            right.append(" ".join(left[41].split()[:-1]) + " and " + " ".join(words))
        else:
            right.append(" ".join(words))
    a = document_from_text("\n\n".join(left))
    b = document_from_text("\n\n".join(right))
    small = AlignConfig(clauses=ClauseRules(dp_max_cells=100))  # 60 x 61 clauses: the fuzzy path
    al = align(a, b, small)
    assert al.link_of_left(20).kind is LinkKind.SPLIT
    assert al.link_of_left(20).right == (20, 21)
    assert al.link_of_left(41).kind is LinkKind.MERGED
    assert al.link_of_left(41).left == (41, 42)
    for k in (*range(20), *range(21, 41), *range(43, 60)):
        link = al.link_of_left(k)
        assert link.kind is LinkKind.MODIFIED
        assert link.right == (k + (1 if 20 < k < 41 else 0),)
    assert al.links == align(a, b).links  # the same as the full programme here


def test_unrelated_long_versions_link_nothing() -> None:
    """Two long versions about different things (only the boilerplate opener in common):
    the large region is found unrelated without running the programme over it."""
    rng = random.Random(12)
    other = ("goods", "tariffs", "fisheries", "subsidies", "agriculture", "quotas", "origin")
    a = document_from_text("\n\n".join(_decision(rng, 80)))
    b = document_from_text("\n\n".join(_decision(rng, 80, other)).replace("WT/L/", "WT/MIN/"))
    al = align(a, b, AlignConfig(clauses=ClauseRules(dp_max_cells=100)))
    assert {lk.kind for lk in al.links} == {LinkKind.ADDED, LinkKind.DELETED}


def test_a_chance_copy_in_a_version_rewritten_throughout_does_not_cut_it() -> None:
    """No clause kept word for word but one new clause that copies an old clause far from
    it: that lone exact match is no anchor (nothing around it agrees), so it does not cut
    the versions into stretches that do not face each other; every rewritten clause is
    linked in its place, and the copy is a move."""
    rng = random.Random(13)
    vocabulary = (
        "members", "council", "trade", "review", "data", "services", "access", "goods",
        "tariffs", "fisheries", "subsidies", "agriculture", "quotas", "origin", "customs",
        "duties", "transmissions", "electronic", "commerce", "development", "capacity",
        "assistance", "moratorium", "session", "report", "periodic", "reviews", "proposals",
        "mandate", "guidelines",
    )  # fmt: skip
    left = _decision(rng, 60, vocabulary)
    right = []
    for k, text in enumerate(left):
        words = text.split()
        words[5] = "revised"
        right.append(left[50] if k == 5 else " ".join(words))
    del right[50]
    a = document_from_text("\n\n".join(left))
    b = document_from_text("\n\n".join(right))
    al = align(a, b, AlignConfig(clauses=ClauseRules(dp_max_cells=100)))
    for k in (*range(5), *range(6, 50), *range(51, 60)):
        link = al.link_of_left(k)
        assert (link.kind, link.right) == (LinkKind.MODIFIED, (k - (k > 50),)), k
    assert (al.link_of_left(50).kind, al.link_of_left(50).right) == (LinkKind.MOVED, (5,))
    assert al.link_of_left(5).kind is LinkKind.DELETED

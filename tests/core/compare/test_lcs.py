"""Comparisons of very long texts stay bounded and stay right."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Indel, LCSseq

from clausediff.core.compare import lcs
from clausediff.core.compare.align import align
from clausediff.core.compare.config import (
    AlignConfig,
    Limits,
)
from clausediff.core.compare.links import LinkKind, OpKind
from clausediff.core.model import Document
from clausediff.core.read.files import document_from_text

_WORDS = st.lists(
    st.sampled_from(["shall", "may", "the", "Council", "2011", "2013", ","]), max_size=60
)


def _edit(rng: random.Random, words: list[str], edits: int) -> list[str]:
    out = list(words)
    for _ in range(edits):
        k = rng.randrange(len(out) + 1)
        action = rng.random()
        if action < 0.4 and out:
            out[min(k, len(out) - 1)] = rng.choice(["changed", "new", "shall"])
        elif action < 0.7:
            out.insert(k, rng.choice(["inserted", "may"]))
        elif out:
            del out[min(k, len(out) - 1)]
    return out


def _check_cover(a: list[str], b: list[str], ops: lcs.Opcodes) -> int:
    """The steps cover both lists in order; equal steps join equal tokens. Tokens shared."""
    i = j = 0
    shared = 0
    for tag, i1, i2, j1, j2 in ops:
        assert (i1, j1) == (i, j)
        assert tag in {"equal", "replace", "delete", "insert"}
        if tag == "equal":
            assert a[i1:i2] == b[j1:j2]
            shared += i2 - i1
        i, j = i2, j2
    assert (i, j) == (len(a), len(b))
    return shared


@settings(max_examples=300, deadline=None)
@given(_WORDS, _WORDS, st.integers(0, 50))
def test_bounded_steps_cover_both_lists_and_never_overstate(
    a: list[str], b: list[str], max_pairs: int
) -> None:
    ops = lcs.opcodes(a, b, max_pairs)
    shared = _check_cover(a, b, ops)
    exact = int(LCSseq.similarity(a, b))
    assert shared <= exact
    assert lcs.shared(a, b, max_pairs) == (exact if len(a) * len(b) <= max_pairs else shared)
    if len(a) * len(b) <= max_pairs:
        assert ops == Indel.opcodes(a, b).as_list()


def test_an_edited_long_text_is_compared_almost_exactly() -> None:
    rng = random.Random(5)
    vocabulary = [f"w{k}" for k in range(3000)]
    a = [rng.choice(vocabulary) for _ in range(20_000)]
    b = _edit(rng, a, 400)
    exact = int(LCSseq.similarity(a, b))
    bounded = lcs.shared(a, b, max_pairs=1_000_000)  # 400 times fewer pairs than exact
    assert exact - 5 <= bounded <= exact
    assert lcs.similarity(a, [f"x{k}" for k in range(20_000)], max_pairs=1_000_000) == 0.0


def test_one_enormous_paragraph_against_its_edited_copy() -> None:
    """A 100,000-word paragraph (a PDF without paragraph breaks, say) is compared through
    the bounded path: linked as modified, every changed word shown, both texts rebuilt."""
    rng = random.Random(9)
    vocabulary = [f"member{k}" for k in range(4000)]
    words = [rng.choice(vocabulary) for _ in range(100_000)]
    edited = list(words)
    for k in rng.sample(range(len(words)), 200):
        edited[k] = "shall"
    left = document_from_text(" ".join(words))
    right = document_from_text(" ".join(edited))
    al = align(left, right)
    (link,) = al.links
    assert link.kind is LinkKind.MODIFIED
    lt, rt = al.side_text(link, 0), al.side_text(link, 1)
    assert "".join(lt[o.left.start : o.left.end] for o in link.ops) == lt
    assert "".join(rt[o.right.start : o.right.end] for o in link.ops) == rt
    inserted = [op.texts(lt, rt)[1] for op in link.ops if op.kind is not OpKind.EQUAL]
    changed = sum(text.split().count("shall") for text in inserted)
    assert changed == sum(1 for a, b in zip(words, edited, strict=True) if a != b)


def test_the_bundled_recital_survives_the_bounded_path(
    dec2011: Document, dec2013: Document
) -> None:
    """With a bound far below the recital's size (its changed middle is some 60 by 60
    tokens) the comparison takes the anchored path and still finds exactly its changes."""
    tight = AlignConfig(limits=Limits(max_word_pairs=100))
    al = align(dec2011, dec2013, tight)
    recital = next(c.index for c in dec2011.clauses if c.text.startswith("Recalling"))
    link = al.link_of_left(recital)
    lt, rt = al.side_text(link, 0), al.side_text(link, 1)
    changes = [op.texts(lt, rt) for op in link.ops if op.kind is not OpKind.EQUAL]
    assert changes == [
        ("Seventh", "Eighth"),
        ("WT/L/782", "WT/L/843"),
        ("intensively reinvigorate", "continue the reinvigoration of"),
        ("next", ""),
        (", to be held", ""),
        ("2011", "2013"),
    ]

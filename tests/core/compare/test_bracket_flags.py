"""Bracket events feed the substantive-change flags (category bracket), on the constructed
series of drafts (tests/data/drafts/) and the bundled decisions."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from clausediff.core.compare.align import align
from clausediff.core.compare.brackets import BracketEventKind, link_bracket_events
from clausediff.core.compare.flag_rules import Category, Flag, default_rules
from clausediff.core.compare.flags import alignment_flags
from clausediff.core.compare.links import Alignment
from clausediff.core.model import ClauseKind, Document
from clausediff.core.read.bundled import load_bundled
from clausediff.core.read.files import load_file

DRAFTS = Path(__file__).parents[2] / "data" / "drafts"
FILES = ("JOB-GC-318.txt", "JOB-GC-318-Rev.1.txt", "JOB-GC-318-Rev.2.txt")


@pytest.fixture(scope="module")
def pairs() -> list[Alignment]:
    docs = [load_file(DRAFTS / name) for name in FILES]
    return [align(a, b) for a, b in itertools.pairwise(docs)]


def _bracket_flags(al: Alignment) -> dict[int, list[Flag]]:
    flags = alignment_flags(al)
    return {
        n: [f for f in fl if f.category is Category.BRACKET] for n, fl in enumerate(flags) if fl
    }


def _clause_of(al: Alignment, n: int) -> tuple[Document, ClauseKind]:
    lk = al.links[n]
    if lk.right:
        return al.right, al.right.clauses[lk.right[0]].kind
    return al.left, al.left.clauses[lk.left[0]].kind


def test_each_bracket_event_gives_its_flag_pointing_at_it(pairs: list[Alignment]) -> None:
    rules = default_rules()
    kinds_seen = set()
    for al in pairs:
        found = _bracket_flags(al)
        for n, events in link_bracket_events(al):
            flags = found[n]
            assert len(flags) == len(events)
            lk = al.links[n]
            left = al.side_text(lk, 0) if lk.left else ""
            right = al.side_text(lk, 1) if lk.right else ""
            _doc, kind = _clause_of(al, n)
            for e, f in zip(events, flags, strict=True):
                key = "lifted_changed" if e.changed else e.kind.value
                kinds_seen.add(key)
                assert f.rule == f"bracket:{key}"
                assert f.severity is rules.brackets[key].severity(kind is ClauseKind.OPERATIVE)
                # (the flag points at the event: its bracketed texts, where they stand)
                assert (f.left, f.right) == (e.left, e.right)
                assert f.before == (left[e.left.start : e.left.end] if e.left else "")
                assert f.after == (right[e.right.start : e.right.end] if e.right else "")
    assert kinds_seen == {k.value for k in BracketEventKind} | {"lifted_changed"}


def test_the_sentences_and_severities_of_draft_and_revisions(pairs: list[Alignment]) -> None:
    first, second = ([(f.severity.value, f.text, f.before, f.after) for fl in
                      _bracket_flags(al).values() for f in fl] for al in pairs)  # fmt: skip
    # Draft -> Rev.1: lifted in an operative paragraph (high), in a recital (medium)
    assert (
        "high",
        "The bracket around “continue to” was lifted: the text is agreed",
        "[continue to]",
        "continue to",
    ) in first
    assert (
        "medium",
        "The bracket around “developing and least-developed” was lifted: the text is agreed",
        "[developing and least-developed]",
        "developing and least-developed",
    ) in first
    assert (
        "high",
        "New brackets around “on the progress of the Work Programme”: the text is not agreed",
        "",
        "[on the progress of the Work Programme]",
    ) in first
    texts = [t for _, t, _, _ in first]
    assert "The bracketed text “, including through the Enhanced Integrated Framework” was " \
        "dropped" in texts  # fmt: skip
    assert any(t.startswith("A new alternative, “Alt 3” (3 of 3): “Members will") for t in texts)
    # Rev.1 -> Rev.2: alternatives settled (medium), a word changed inside (low)
    by_text = {t: s for s, t, _, _ in second}
    assert (
        by_text[
            "The alternatives were settled on alternative 1 of 2: “Council for Trade in Services”"
        ]
        == "medium"
    )
    assert (
        by_text[
            "Words changed inside the brackets: “endeavour to” became “make every effort to”; "
            "still not agreed"
        ]
        == "low"
    )
    assert (
        by_text[
            "The bracket around “in its sessions of June and December 2027” was lifted, with "
            "words changed inside it: the text is agreed"
        ]
        == "high"
    )
    assert sum(t.startswith("The alternatives were settled") for t in by_text) == 3


def test_a_long_bracketed_text_is_cut_in_the_sentence_not_in_the_flag(
    pairs: list[Alignment],
) -> None:
    dropped = next(
        f
        for fl in _bracket_flags(pairs[1]).values()
        for f in fl
        if f.rule == "bracket:dropped" and "Secretariat" in f.before
    )
    assert dropped.text.endswith("…” was dropped")
    assert dropped.before.startswith("[The Secretariat shall prepare a factual paper")
    assert dropped.before.endswith("before the next review.]")


def test_the_bundled_decisions_raise_no_bracket_flag() -> None:
    docs = [load_bundled(s) for s in ("WT/MIN(98)/DEC/2", "WT/L/274", "WT/L/843", "WT/L/907")]
    for a, b in itertools.pairwise(docs):
        flags = alignment_flags(align(a, b))
        assert not [f for fl in flags for f in fl if f.category is Category.BRACKET]


def test_the_words_of_alternatives_let_go_raise_no_flags_of_their_own() -> None:
    """Rev.2 settles ¶3 on Alt 1: the flag of the settlement stands for the words of Alt 2
    and Alt 3 let go ("will", "not", a deadline), which raise none one by one; they are still
    marked in the comparison."""
    from clausediff.core.compare.brackets import BracketEventKind, bracket_events
    from clausediff.core.read.files import load_file

    rev1, rev2 = (load_file(DRAFTS / f"JOB-GC-318-Rev.{n}.txt") for n in (1, 2))
    al = align(rev1, rev2)
    flags = alignment_flags(al)
    n, link = next(
        (n, lk)
        for n, lk in enumerate(al.links)
        if any(e.kind is BracketEventKind.ALTERNATIVE_CHOSEN and e.label == "Alt 1"
               for e in bracket_events(al, lk))
    )  # fmt: skip
    event = next(
        e for e in bracket_events(al, link) if e.kind is BracketEventKind.ALTERNATIVE_CHOSEN
    )
    assert event.group is not None and event.left is not None
    assert any(f.category is Category.BRACKET for f in flags[n])
    for f in flags[n]:
        if f.left is not None and f.right is None and f.category is not Category.BRACKET:
            inside_group = event.group.start <= f.left.start and f.left.end <= event.group.end
            assert not inside_group or event.left.start <= f.left.start < event.left.end, f
    old_text = al.side_text(link, 0)
    assert "until 31 March 2028" in old_text[event.group.start : event.group.end]
    deleted = "".join(
        old_text[op.left.start : op.left.end] for op in link.ops if op.kind.value != "equal"
    )
    assert "2028" in deleted  # (still marked as a change)

"""Bracket events between drafts, against the constructed series and its expected events
(tests/data/drafts/expected_events.json, written before the code)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest

from clausediff.core.compare.align import align
from clausediff.core.compare.brackets import BracketEventKind, bracket_events, link_bracket_events
from clausediff.core.compare.lineage import date_order, draft_revision
from clausediff.core.compare.links import LinkKind, OpKind
from clausediff.core.model import Document
from clausediff.core.read.files import document_from_text, load_file

DRAFTS = Path(__file__).parents[2] / "data" / "drafts"
FILES = ("JOB-GC-318.txt", "JOB-GC-318-Rev.1.txt", "JOB-GC-318-Rev.2.txt")


@pytest.fixture(scope="module")
def series() -> list[Document]:
    return [load_file(DRAFTS / name) for name in FILES]


def _found(left: Document, right: Document) -> list[dict[str, Any]]:
    al = align(left, right)
    out = []
    for lk in al.links:
        for e in bracket_events(al, lk):
            c = right.clauses[lk.right[0]] if lk.right else left.clauses[lk.left[0]]
            row: dict[str, Any] = {
                "clause": c.label or c.text.lstrip("[").split()[0],
                "event": e.kind.value,
                "text": e.text,
            }
            if e.changed:
                row["changed"] = True
            if e.was:
                row["was"] = e.was
            if e.kind in (BracketEventKind.ALTERNATIVE_CHOSEN, BracketEventKind.ALTERNATIVE_ADDED):
                row.update(label=e.label, alternative=e.alternative, of=e.of)
            out.append(row)
    return out


def test_every_bracket_event_of_the_series_as_expected(series: list[Document]) -> None:
    expected = json.loads((DRAFTS / "expected_events.json").read_text(encoding="utf-8"))
    for pair, (left, right) in zip(expected["pairs"], itertools.pairwise(series), strict=True):
        assert (left.info.symbol, right.info.symbol) == (pair["from"], pair["to"])
        assert _found(left, right) == pair["events"], pair["to"]


def test_a_lifted_bracket_is_a_change_the_word_diff_shows_and_pairs_as_before(
    series: list[Document],
) -> None:
    al = align(series[0], series[1])
    lk = next(lk for lk in al.links if lk.left and series[0].clauses[lk.left[0]].label == "1")
    assert lk.kind is LinkKind.MODIFIED and lk.score == 1.0  # (the same words: paired as ever)
    left = al.side_text(lk, 0)
    deleted = [left[o.left.start : o.left.end] for o in lk.ops if o.kind is OpKind.DELETE]
    assert deleted == ["[", "]"]
    (event,) = bracket_events(al, lk)
    assert event.kind is BracketEventKind.LIFTED and event.left is not None
    assert left[event.left.start : event.left.end] == "[continue to]"


def test_a_new_bracket_in_an_otherwise_unchanged_clause(series: list[Document]) -> None:
    al = align(series[0], series[1])
    found = dict(link_bracket_events(al))
    (n,) = [
        n for n, lk in enumerate(al.links) if lk.left and series[0].clauses[lk.left[0]].label == "7"
    ]
    (event,) = found[n]
    assert event.kind is BracketEventKind.ADDED and event.right is not None
    right = al.side_text(al.links[n], 1)
    assert right[event.right.start : event.right.end] == "[on the progress of the Work Programme]"


def test_an_unbalanced_bracket_is_noted_and_the_comparison_still_made() -> None:
    old = document_from_text(
        "1. Members shall [endeavour to provide assistance.\n\n2. The Council shall [meet]."
    )
    new = document_from_text("1. Members shall provide assistance.\n\n2. The Council shall meet.")
    assert "opened and never closed" in old.info.notes
    al = align(old, new)
    assert [lk.kind for lk in al.links] == [LinkKind.MODIFIED, LinkKind.MODIFIED]
    assert [e.kind for _, evs in link_bracket_events(al) for e in evs] == [BracketEventKind.LIFTED]


def test_no_events_without_brackets(dec2011: Document, dec2013: Document) -> None:
    assert link_bracket_events(align(dec2011, dec2013)) == []


def test_drafts_are_ordered_by_revision_then_date(series: list[Document]) -> None:
    assert [(r.series, r.number) for r in map(draft_revision, series) if r] == [
        ("JOB/GC/318", 0),
        ("JOB/GC/318", 1),
        ("JOB/GC/318", 2),
    ]
    assert date_order(series[::-1]) == series
    assert [d.info.symbol for d in series] == ["JOB/GC/318", "JOB/GC/318/Rev.1", "JOB/GC/318/Rev.2"]


def test_adopted_decisions_are_no_drafts(dec2011: Document, dec2013: Document) -> None:
    assert draft_revision(dec2011) is None and draft_revision(dec2013) is None
    assert date_order([dec2013, dec2011]) == [dec2011, dec2013]

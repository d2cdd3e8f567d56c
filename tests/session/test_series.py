"""One draft against all earlier ones for the window: a comparison asked for its series
carries the drafts that made each change of the constructed series (tests/data/drafts/),
and the family each change is in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clausediff.core.compare.flag_rules import Category
from clausediff.core.model import Document
from clausediff.core.read.files import load_file
from clausediff.core.render.brief import brief_json
from clausediff.session.comparison import compare
from clausediff.session.summary import brief_of_series

DRAFTS = Path(__file__).parents[1] / "data" / "drafts"
FILES = ("JOB-GC-318.txt", "JOB-GC-318-Rev.1.txt", "JOB-GC-318-Rev.2.txt")


@pytest.fixture(scope="module")
def drafts() -> list[Document]:
    return [load_file(DRAFTS / name) for name in FILES]


def test_the_lineage_of_the_series_carries_the_draft_of_each_change(
    drafts: list[Document],
) -> None:
    series = compare(drafts, series=True).series
    assert series is not None
    # the same as ``clausediff summary`` prints
    _brief, printed = brief_of_series(drafts)
    assert brief_json(_brief, series.brief)["series"] == brief_json(_brief, printed)["series"]
    expected = json.loads((DRAFTS / "expected_events.json").read_text(encoding="utf-8"))
    names = {1: "Rev.1", 2: "Rev.2"}
    bracket_texts = {
        e["text"]: names[v] for v, pair in enumerate(expected["pairs"], 1) for e in pair["events"]
    }
    found = {i.flag.text: by for i, by in series.brief.items if i.flag.category is Category.BRACKET}
    assert found["The bracket around “2027” was lifted: the text is agreed"] == ("Rev.2",)
    assert found["The bracket around “periodic” was lifted: the text is agreed"] == ("Rev.1",)
    quoted = [t for t in bracket_texts if f"“{t}”" in " ".join(found)]
    assert quoted and all(
        by == (bracket_texts[t],) for t in quoted for text, by in found.items() if f"“{t}”" in text
    )


def test_each_change_is_in_the_family_of_its_clause(drafts: list[Document]) -> None:
    comparison = compare(drafts, series=True)
    series, lineage = comparison.series, comparison.lineage
    assert series is not None
    newest = len(lineage.versions) - 1
    placed = sorted(k for ks in series.by_family.values() for k in ks)
    assert placed == list(range(len(series.brief.items)))  # each change in one family
    for fam in lineage.families:
        for item, _by in series.of_family(fam.id):
            members = fam.in_version(newest)
            if members:
                labels = [lineage.versions[newest].clauses[i].display_label() for i in members]
                assert any(item.label.startswith(label) for label in labels), item.label
            else:  # a clause the newest draft dropped
                assert item.label.endswith("of JOB/GC/318"), item.label
    (para2,) = [
        f
        for f in lineage.families
        if f.in_version(newest)
        and lineage.versions[newest].clauses[f.in_version(newest)[0]].display_label() == "¶2"
    ]
    made = {i.flag.text: by for i, by in series.of_family(para2.id)}
    assert made["The bracket around “periodic” was lifted: the text is agreed"] == ("Rev.1",)
    assert made["The date added: “June”"] == ("Rev.2",)


def test_two_versions_or_a_comparison_not_asked_have_no_series(drafts: list[Document]) -> None:
    assert compare(drafts[1:], series=True).series is None
    assert compare(drafts).series is None

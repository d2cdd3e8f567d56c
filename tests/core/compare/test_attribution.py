"""One draft against all earlier ones: each flagged change of the newest draft of the
constructed series (tests/data/drafts/) is attributed to the draft whose revision made it,
as its expected events (written before the code) say."""

from __future__ import annotations

import json
from pathlib import Path

from clausediff.core.compare.align import align
from clausediff.core.compare.attribution import attribute_flags
from clausediff.core.compare.brackets import bracket_events
from clausediff.core.compare.flag_rules import Category
from clausediff.core.compare.flags import alignment_flags
from clausediff.core.compare.lineage import build_lineage
from clausediff.core.read.files import load_file

DRAFTS = Path(__file__).parents[2] / "data" / "drafts"
FILES = ("JOB-GC-318.txt", "JOB-GC-318-Rev.1.txt", "JOB-GC-318-Rev.2.txt")


def test_each_bracket_event_since_the_first_draft_is_the_revision_that_made_it() -> None:
    docs = [load_file(DRAFTS / name) for name in FILES]
    expected = json.loads((DRAFTS / "expected_events.json").read_text(encoding="utf-8"))
    made_by = {
        (e["event"], e["text"]): version
        for version, pair in enumerate(expected["pairs"], 1)
        for e in pair["events"]
    }
    lineage = build_lineage(docs)
    direct = align(docs[0], docs[2])
    flags = alignment_flags(direct)
    found = []
    for n, (fl, made) in enumerate(
        zip(flags, attribute_flags(lineage, direct, flags), strict=True)
    ):
        events = iter(bracket_events(direct, direct.links[n]))
        for f, versions in zip(fl, made, strict=True):
            if f.category is Category.BRACKET:
                e = next(events)
                found.append(((e.kind.value, e.text), versions))
    assert len(found) == 13
    for key, versions in found:
        assert versions == (made_by[key],), key


def test_word_changes_since_the_first_draft_are_dated_by_the_draft_that_made_them() -> None:
    docs = [load_file(DRAFTS / name) for name in FILES]
    lineage = build_lineage(docs)
    direct = align(docs[0], docs[2])
    flags = alignment_flags(direct)
    words = {
        (f.before, f.after): versions
        for fl, made in zip(flags, attribute_flags(lineage, direct, flags), strict=True)
        for f, versions in zip(fl, made, strict=True)
        if f.category is not Category.BRACKET
    }
    # "July" became "June" in Rev.2; Alt 2's "until 31 March 2028" went when Rev.2 chose
    # Alt 1: the alternative chosen says so, its words let go raise no flags of their own
    assert words[("", "June")] == words[("July", "")] == (2,)
    assert ("until 31 March 2028", "") not in words
    assert words[("", "every")] == (2,)

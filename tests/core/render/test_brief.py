"""The brief: ordered by severity, escaped in HTML, and in Word a section outside the
tracked text."""

from __future__ import annotations

from pathlib import Path

import docx

from clausediff.core.compare.align import align
from clausediff.core.compare.flags import alignment_flags
from clausediff.core.compare.lineage import build_lineage
from clausediff.core.model import Document
from clausediff.core.read.files import document_from_text
from clausediff.core.render.brief import brief_html, brief_text, build_brief
from clausediff.core.render.docx_brief import BRIEF_HEADING
from clausediff.core.render.docx_redline import ABOUT_HEADING, export_docx


def test_items_are_ordered_by_severity_then_place(dec2011: Document, dec2013: Document) -> None:
    al = align(dec2011, dec2013)
    brief = build_brief(al, alignment_flags(al))
    ranks = [(i.flag.severity.rank, i.link) for i in brief.items]
    assert ranks == sorted(ranks)
    assert brief.items[0].label == "recital 1"
    assert len(brief.items) == sum(len(f) for f in alignment_flags(al))
    text = brief_text(brief)
    assert text.index("▲ HIGH") < text.index("● MEDIUM") < text.index("○ LOW")


def test_clause_text_in_the_brief_is_escaped() -> None:
    old = document_from_text("The Council,\n\nDecides:\n\n1. Members shall notify <b>us</b>.")
    new = document_from_text("The Council,\n\nDecides:\n\n1. Members may notify <b>us</b>.")
    al = align(old, new)
    html = brief_html(build_brief(al, alignment_flags(al)))
    assert "<b>us" not in html and "“shall”" in html


def test_word_redline_carries_the_brief_after_the_text(
    dec2011: Document, dec2013: Document, tmp_path: Path
) -> None:
    path = tmp_path / "bali.docx"
    export_docx(build_lineage([dec2011, dec2013]), path)
    word = docx.Document(str(path))
    texts = [p.text for p in word.paragraphs]
    assert texts.index(ABOUT_HEADING) < texts.index(BRIEF_HEADING)
    table = word.tables[-1]
    assert [c.text for c in table.rows[0].cells][:2] == ["Severity", "Kind"]
    assert [c.text for c in table.rows[1].cells][:3] == ["▲ high", "time", "recital 1"]
    # nothing after the text is a tracked change
    body = word.element.body.xml
    after = body[body.index(BRIEF_HEADING) :]
    assert "<w:ins " not in after and "<w:del " not in after


def test_the_brief_of_each_draft_counts_its_bracket_events_as_expected() -> None:
    import itertools
    import json
    from collections import Counter

    from clausediff.core.read.files import load_file
    from clausediff.core.render.brief import brackets_line, brief_json

    drafts = Path(__file__).parents[2] / "data" / "drafts"
    docs = [load_file(drafts / n) for n in ("JOB-GC-318.txt", "JOB-GC-318-Rev.1.txt",
                                             "JOB-GC-318-Rev.2.txt")]  # fmt: skip
    expected = json.loads((drafts / "expected_events.json").read_text(encoding="utf-8"))
    briefs = []
    for pair, (a, b) in zip(expected["pairs"], itertools.pairwise(docs), strict=True):
        al = align(a, b)
        brief = build_brief(al, alignment_flags(al))
        assert brief_json(brief)["brackets"] == dict(Counter(e["event"] for e in pair["events"]))
        briefs.append(brief)
    first, second = briefs
    assert brackets_line(first) == (
        "3 brackets lifted, 1 new, 1 alternative added, 1 bracketed passage dropped"
    )
    assert brackets_line(second) == (
        "3 brackets lifted, 3 alternatives settled, 1 bracketed passage dropped, "
        "words changed inside 1 bracket"
    )
    assert "3 brackets lifted, 1 new, 1 alternative added" in brief_text(first).splitlines()[6]
    assert "<b>3 brackets lifted, 3 alternatives settled" in brief_html(second)


def test_a_brief_without_brackets_says_nothing_of_them(
    dec2011: Document, dec2013: Document
) -> None:
    from clausediff.core.render.brief import brief_json

    al = align(dec2011, dec2013)
    brief = build_brief(al, alignment_flags(al))
    assert brief.brackets == () and brief_json(brief)["brackets"] == {}
    assert "bracket" not in brief_text(brief)

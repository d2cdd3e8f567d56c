"""Square brackets as structure of the document model: spans, depth, alternatives, state,
and the reader's note on unbalanced brackets."""

from __future__ import annotations

from pathlib import Path

from clausediff.core.model import ClauseKind
from clausediff.core.read.files import document_from_text, load_file
from clausediff.core.text.brackets import BracketState, alternatives, bracket_state
from clausediff.core.text.segment import segment

DRAFTS = Path(__file__).parents[2] / "data" / "drafts"


def _spans(text: str, brackets: tuple[tuple[int, int, int], ...]) -> list[tuple[str, int]]:
    return [(text[a:b], d) for a, b, d in brackets]


def test_nested_brackets_have_their_depth_and_stay_in_the_text() -> None:
    (c,) = segment("Members shall hold reviews [in July and December [2027]] each year.")
    assert c.text == "Members shall hold reviews [in July and December [2027]] each year."
    assert _spans(c.text, c.brackets) == [("[in July and December [2027]]", 1), ("[2027]", 2)]


def test_a_bracket_across_two_sentences_is_one_span_and_the_sentences_stay_two() -> None:
    (c,) = segment(
        "4. [The Secretariat shall prepare a paper. The paper shall be circulated to Members.]"
    )
    assert c.label == "4"
    assert [s.text for s in c.sentences] == [
        "[The Secretariat shall prepare a paper.",
        "The paper shall be circulated to Members.]",
    ]
    assert _spans(c.text, c.brackets) == [(c.text, 1)]
    assert bracket_state(c) == BracketState.FULLY


def test_a_bracket_before_the_label_leaves_the_label_read_and_opens_the_text() -> None:
    source = (
        "Decides:\n\n[3. Members shall act. The Council shall review.]\n\n4. Members shall report."
    )
    clauses = segment(source)
    assert [(c.label, c.text) for c in clauses] == [
        ("", "Decides:"),
        ("3", "[Members shall act. The Council shall review.]"),
        ("4", "Members shall report."),
    ]
    third = clauses[1]
    # (the text is slices of the source: the bracket and the body, the label left out)
    assert [source[s : s + n] for _, s, n in third.source_map.pieces] == [
        "[",
        "Members shall act. The Council shall review.]",
    ]
    assert third.kind is ClauseKind.OPERATIVE
    assert bracket_state(third) == BracketState.FULLY


def test_a_bracketed_item_line_starts_a_clause_and_a_bracket_may_span_clauses() -> None:
    clauses = segment("5. Members shall:\n(a) [notify their measures;\n(b) review them.]")
    assert [(c.label, c.text) for c in clauses] == [
        ("5", "Members shall:"),
        ("(a)", "[notify their measures;"),
        ("(b)", "review them.]"),
    ]
    assert _spans(clauses[1].text, clauses[1].brackets) == [("[notify their measures;", 1)]
    assert _spans(clauses[2].text, clauses[2].brackets) == [("review them.]", 1)]
    assert not clauses[0].brackets


def test_a_bracketed_recital_is_a_recital() -> None:
    clauses = segment(
        "The General Council,\n\n[Recognizing the importance of electronic commerce;]\n\n"
        "Decides as follows:\n\n1. Members shall act."
    )
    assert [c.kind for c in clauses] == [
        ClauseKind.PREAMBLE,
        ClauseKind.PREAMBLE,
        ClauseKind.INTRODUCER,
        ClauseKind.OPERATIVE,
    ]


def test_a_gap_marker_is_no_bracket() -> None:
    doc = document_from_text("1. Members shall [act] now.\n\n[[GAP: rest not in this excerpt]]")
    first, gap = doc.clauses
    assert _spans(first.text, first.brackets) == [("[act]", 1)]
    assert gap.is_gap and not gap.brackets
    assert doc.info.notes == ""


def test_unbalanced_brackets_are_a_note_with_their_place_never_an_error() -> None:
    doc = document_from_text(
        "1. Members shall [act.\n\n2. The Council shall review ] the matter.\n\n"
        "3. Members shall [report in [2027] to the Council."
    )
    # the first "[" is closed by the "]" of paragraph 2 (a bracket may span paragraphs);
    # the "[" of paragraph 3 never is
    assert _spans(doc.clauses[2].text, doc.clauses[2].brackets) == [("[2027]", 1)]
    assert doc.info.notes == (
        "1 unbalanced square bracket: paragraph 3, “Members shall [report in [2027]” "
        "(opened and never closed)."
    )
    stray = document_from_text("The Council shall ] review the matter.")
    assert "¶1, “The Council shall ] review the matter.” (closes no bracket)" in stray.info.notes
    assert not stray.clauses[0].brackets


def test_alternatives_labelled_side_by_side_and_cut_by_a_slash() -> None:
    doc = load_file(DRAFTS / "JOB-GC-318.txt")
    by_label = {c.label: c for c in doc.clauses if c.label}
    for label, expected in {
        "1": [
            [
                ("", "in particular its development dimension"),
                ("", "with a view to identifying the trade-related aspects of the digital economy"),
            ]
        ],
        "3": [
            [
                (
                    "Alt 1",
                    "Members will maintain the current practice of not imposing customs "
                    "duties on electronic transmissions until the Fifteenth Session of the "
                    "Ministerial Conference.",
                ),
                (
                    "Alt 2",
                    "Members will maintain the current practice of not imposing customs "
                    "duties on electronic transmissions until 31 March 2028, on which date the "
                    "practice shall expire.",
                ),
            ]
        ],
        "5": [[("", "Council for Trade in Services"), ("", "Council for Trade in Goods")]],
        "2": [],
        "6": [],
    }.items():
        c = by_label[label]
        groups = alternatives(c.text, c.brackets)
        found = [
            [(a.label, c.text[a.span.start : a.span.end]) for a in g.alternatives] for g in groups
        ]
        assert found == expected, label


def test_the_state_of_a_clause_agreed_partly_or_fully_bracketed() -> None:
    doc = load_file(DRAFTS / "JOB-GC-318.txt")
    states = {c.label or c.text.split()[0]: bracket_state(c) for c in doc.clauses}
    assert states["[Recognizing"] == BracketState.FULLY
    assert states["3"] == BracketState.PARTLY  # (two alternatives: neither holds it all)
    assert states["4"] == BracketState.FULLY
    assert states["1"] == states["6"] == BracketState.PARTLY
    assert states["7"] == states["Recalling"] == BracketState.AGREED


def test_the_bundled_decisions_hold_no_brackets(dec2011, dec2013, decl1998, wp1998) -> None:  # type: ignore[no-untyped-def]
    for doc in (decl1998, wp1998, dec2011, dec2013):
        assert not any(c.brackets for c in doc.clauses)
        assert "unbalanced" not in doc.info.notes

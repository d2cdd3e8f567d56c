"""Segmentation rules, sentence splitting and the source-exactness property."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from clausediff.core.model import Clause, ClauseKind, Span
from clausediff.core.read.files import document_from_text
from clausediff.core.text.segment import segment
from clausediff.core.text.sentences import split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_sentences_do_not_break_at_abbreviations_or_symbols() -> None:
    text = (
        "Members shall, inter alia, report (i.e. in writing) on e.g. tariffs under Art. 3 "
        "and para. 4 of document No. WT/MIN(13)/32. The Council will review WT/L/274 by "
        "31 March, 1999. Further issues may arise."
    )
    assert _sentences(text) == [
        "Members shall, inter alia, report (i.e. in writing) on e.g. tariffs under Art. 3 "
        "and para. 4 of document No. WT/MIN(13)/32.",
        "The Council will review WT/L/274 by 31 March, 1999.",
        "Further issues may arise.",
    ]


def test_labels_are_captured_and_left_out_of_the_text() -> None:
    source = (
        "1. First clause.\n\n1.2 Second clause.\n\n(a) Third.\n\n(iv) Fourth.\n\n2.3 bis Fifth."
    )
    clauses = segment(source)
    assert [(c.label, c.text) for c in clauses] == [
        ("1", "First clause."),
        ("1.2", "Second clause."),
        ("(a)", "Third."),
        ("(iv)", "Fourth."),
        ("2.3 bis", "Fifth."),
    ]
    assert all(c.kind is ClauseKind.OPERATIVE for c in clauses)


def test_labelled_lines_inside_a_paragraph_become_clauses() -> None:
    source = "Decides:\n\n1. The Council shall:\n(a) meet annually;\n(b) report to Members."
    clauses = segment(source)
    assert [(c.kind.value, c.label, c.text) for c in clauses] == [
        ("introducer", "", "Decides:"),
        ("operative", "1", "The Council shall:"),
        ("operative", "(a)", "meet annually;"),
        ("operative", "(b)", "report to Members."),
    ]


def test_legal_list_labels_are_captured() -> None:
    source = (
        "a. the Licensee may copy the Work;\n\nd. the Licensee may not sell it.\n\n"
        "A. Scope of the Licence\n\nB. The Work is licensed, not sold.\n\n"
        "b) any derivative work;\n\n1.10.1 The notice shall be kept.\n\n"
        "4.Limitations on copyright\n\nIV. Final provisions"
    )
    assert [(c.label, c.text) for c in segment(source)] == [
        ("a.", "the Licensee may copy the Work;"),
        ("d.", "the Licensee may not sell it."),
        ("A.", "Scope of the Licence"),
        ("B.", "The Work is licensed, not sold."),
        ("b)", "any derivative work;"),
        ("1.10.1", "The notice shall be kept."),
        ("4", "Limitations on copyright"),
        ("IV.", "Final provisions"),
    ]


def test_lower_case_roman_items_with_a_stop() -> None:
    # CC0 1.0, paragraph 1: "i." to "vii." under a sentence ending in a colon
    source = (
        "Copyright and Related Rights include, but are not limited to, the following:\n"
        "  i. the right to reproduce, adapt, distribute, perform, display,\n"
        "     communicate, and translate a Work;\n"
        " ii. moral rights retained by the original author(s) and/or performer(s);\n"
        "iii. publicity and privacy rights pertaining to a person's image or\n"
        "     likeness depicted in a Work;\n"
        " vi. database rights;\n"
        "vii. other similar, equivalent or corresponding rights."
    )
    assert [c.label for c in segment(source)] == ["", "i.", "ii.", "iii.", "vi.", "vii."]
    # a word of roman letters is not a number ("civil." has a c and an l; "ill." too)
    for text in ("The dispute was\ncivil. The parties settled.", "civil. The parties settled."):
        (clause,) = segment(text)
        assert clause.label == ""


def test_an_initial_before_a_name_is_not_a_label() -> None:
    source = "E. HAIRER, S.P. NORSETT AND G. WANNER, SOLVING ORDINARY DIFFERENTIAL EQUATIONS I."
    (clause,) = segment(source)
    assert (clause.label, clause.text) == ("", source)


def test_letter_labels_inside_a_paragraph_cut_only_after_an_item() -> None:
    items = segment("The Licensee shall:\na. keep the notice;\nb. not sell the Work.")
    assert [(c.label, c.text) for c in items] == [
        ("", "The Licensee shall:"),
        ("a.", "keep the notice;"),
        ("b.", "not sell the Work."),
    ]
    # an initial at the start of a wrapped line is not a label, nor "I." after "by"
    for source in (
        "This License is Copyright (C) 2003 Lawrence\nE. Rosen. All rights reserved.",
        "The Declaration was signed by\nI. Smith for the Secretariat.",
    ):
        (clause,) = segment(source)
        assert (clause.label, clause.text) == ("", source)


def test_article_section_and_paragraph_sign_labels() -> None:
    source = (
        "Article 4\nDefinitions\n\nSection 1 – Definitions.\n\n§ 3 Scope of Application\n\n"
        "Article XXIV: Territorial Application\n\nARTICLE 7\nThe Members shall comply.\n\n"
        "Section 2.1 The Licensee may copy the Work."
    )
    assert [(c.kind.value, c.label, c.text) for c in segment(source)] == [
        ("heading", "Article 4", "Definitions"),
        ("heading", "Section 1", "Definitions."),
        ("heading", "§ 3", "Scope of Application"),
        ("heading", "Article XXIV", "Territorial Application"),
        ("operative", "ARTICLE 7", "The Members shall comply."),
        ("operative", "Section 2.1", "The Licensee may copy the Work."),
    ]


def test_an_article_line_inside_a_paragraph_starts_a_clause() -> None:
    source = "PART I\nArticle 4\nDefinitions\n1. In this Agreement, Work means the Work."
    assert [(c.kind.value, c.label, c.text) for c in segment(source)] == [
        ("heading", "", "PART I"),
        ("heading", "Article 4", "Definitions"),
        ("operative", "1", "In this Agreement, Work means the Work."),
    ]
    # a bare "Article 4" paragraph is a heading, after recitals too; its text is all there is
    source = "The Parties,\n\nRecognizing the need for rules,\n\nArticle 4\n\nThe Members agree."
    assert [(c.kind.value, c.label, c.text) for c in segment(source)] == [
        ("preamble", "", "The Parties,"),
        ("preamble", "", "Recognizing the need for rules,"),
        ("heading", "", "Article 4"),
        ("operative", "", "The Members agree."),
    ]


def test_a_run_in_heading_is_split_from_its_body() -> None:
    source = (
        "7. Acceptance. By copying the Work You accept this License.\n\n"
        "8. TERMINATION. This License and the rights granted hereunder will terminate "
        "automatically if You fail to comply with its terms.\n"
        "Section 9 – Governing Law. This License is governed by the laws of Ruritania."
    )
    clauses = segment(source)
    assert [(c.kind.value, c.label, c.text) for c in clauses] == [
        ("heading", "7", "Acceptance."),
        ("operative", "", "By copying the Work You accept this License."),
        ("heading", "8", "TERMINATION."),
        (
            "operative",
            "",
            "This License and the rights granted hereunder will terminate automatically if "
            "You fail to comply with its terms.",
        ),
        ("heading", "Section 9", "Governing Law."),
        ("operative", "", "This License is governed by the laws of Ruritania."),
    ]
    # the heading's span holds its label; the body's span starts at its first word
    assert source[clauses[2].span.start : clauses[2].span.end] == "8. TERMINATION."
    assert source[clauses[3].span.start :].startswith("This License and the rights")


def test_an_article_title_above_its_body_is_a_heading() -> None:
    source = (
        "ARTICLE IV\nSTRUCTURE OF THE WTO\n1. There shall be a Ministerial Conference.\n\n"
        "Article 2\nDefinitions\nFor the purposes of this Agreement:\n(a) Work means the work."
        "\n\nSection 3 – Grant of Licence\nThe Licensor grants You a licence to\ncopy the Work."
    )
    assert [(c.kind.value, c.label, c.text) for c in segment(source)] == [
        ("heading", "ARTICLE IV", "STRUCTURE OF THE WTO"),
        ("operative", "1", "There shall be a Ministerial Conference."),
        ("heading", "Article 2", "Definitions"),
        ("introducer", "", "For the purposes of this Agreement:"),
        ("operative", "(a)", "Work means the work."),
        ("heading", "Section 3", "Grant of Licence"),
        ("operative", "", "The Licensor grants You a licence to\ncopy the Work."),
    ]
    # a body on the article's next line stays its text; "1. DEFINITIONS" keeps its body
    (article,) = segment("Article 3\nThe Members shall ensure that\nthe rules apply.")
    assert (article.label, article.text) == (
        "Article 3",
        "The Members shall ensure that\nthe rules apply.",
    )
    (numbered,) = segment("1. DEFINITIONS\n“Contribution” means:")
    assert (numbered.label, numbered.text) == ("1", "DEFINITIONS\n“Contribution” means:")


def test_a_first_sentence_that_is_not_a_title_stays_with_its_body() -> None:
    for source in (
        "1. The Council shall meet. It shall report to Members.",
        "1.1 The General Council shall establish a work programme. The work programme will "
        "involve the relevant bodies.",
        "2. DEFINITIONS. See below.",  # (no body of three words)
        "TERMINATION. This License will terminate automatically.",  # (no label)
    ):
        (clause,) = segment(source)
        assert clause.kind is ClauseKind.OPERATIVE and source.endswith(clause.text)


def _exact(source: str, clause: Clause) -> bool:
    return all(source[clause.source_map.to_source(k)] == ch for k, ch in enumerate(clause.text))


def test_rules_are_left_out_of_clauses() -> None:
    source = (
        "LICENCE AGREEMENT\n=================\n\n"
        "1. The Licensee may copy the Work.\n-----\n2. The Licensee may not sell it.\n\n"
        "*****\n\n3. This Licence is governed by the laws of Ruritania.\n__________"
    )
    clauses = segment(source)
    assert [(c.kind.value, c.label, c.text) for c in clauses] == [
        ("heading", "", "LICENCE AGREEMENT"),
        ("operative", "1", "The Licensee may copy the Work."),
        ("operative", "2", "The Licensee may not sell it."),
        ("operative", "3", "This Licence is governed by the laws of Ruritania."),
    ]
    # each rule lies in the span of the clause before it (or after it, at the start), so
    # that spans and the white space between them still rebuild the source
    assert source[clauses[0].span.start : clauses[0].span.end].endswith("=================")
    assert source[clauses[2].span.start : clauses[2].span.end].endswith("*****")
    assert source[clauses[3].span.end - 10 : clauses[3].span.end] == "__________"
    assert all(_exact(source, c) for c in clauses)
    (first,) = segment("-----\nThe Work is licensed, not sold.")
    assert (first.span, first.text) == (Span(0, 37), "The Work is licensed, not sold.")


def test_an_underlined_title_is_a_heading() -> None:
    # the Docutils licence: a title between rules, one opening with "-ing", is no recital
    source = (
        "==================\n Copying Docutils\n==================\n\n"
        "Public Domain Dedication\n========================\n\n"
        "The persons who have associated their work with this project dedicate it."
    )
    assert [(c.kind.value, c.text) for c in segment(source)] == [
        ("heading", "Copying Docutils"),
        ("heading", "Public Domain Dedication"),
        ("operative", "The persons who have associated their work with this project dedicate it."),
    ]
    recital = segment("Noting the work of the Council\n\nDecides:")[0]
    assert recital.kind is ClauseKind.PREAMBLE


def test_a_box_is_its_text_without_its_sides() -> None:
    source = (
        "+--------------------------------+\n"
        "|  IMPORTANT: READ CAREFULLY     |\n"
        "|                                |\n"
        "|  By using the Work you accept  |\n"
        "|  this Licence.                 |\n"
        "+--------------------------------+\n\n"
        "1. The Licensee may copy the Work."
    )
    clauses = segment(source)
    assert [(c.kind.value, c.label, c.text) for c in clauses] == [
        ("heading", "", "IMPORTANT: READ CAREFULLY"),
        ("operative", "", "By using the Work you accept\nthis Licence."),
        ("operative", "1", "The Licensee may copy the Work."),
    ]
    box = clauses[1]
    assert all(_exact(source, c) for c in clauses)
    assert len(box.source_map.pieces) == 3  # (two inner parts and the line break between)
    stars = segment("**********\n* NOTICE *\n**********\n\nThe Work is licensed.")
    assert [c.text for c in stars] == ["NOTICE", "The Work is licensed."]
    # without a rule above them, bars are text ("| a | b |" may be a table)
    (table,) = segment("| a | b |\n| c | d |")
    assert table.text == "| a | b |\n| c | d |"


def test_a_text_of_rules_only_keeps_them() -> None:
    assert [c.text for c in segment("-----\n\n=====")] == ["-----", "====="]


def test_references_to_articles_are_not_labels() -> None:
    for source in (
        "Article 4 of the Agreement shall apply.",
        "Section 3 applies to all Members.",
        "The Members shall act in accordance with\nArticle 4. The review shall be annual.",
        "§ 3 of the Act applies.",
    ):
        (clause,) = segment(source)
        assert (clause.label, clause.text) == ("", source)


def test_abbreviations_dates_and_years_are_not_labels() -> None:
    for source in (
        "e.g. the Council shall meet annually.",
        "p. 12 of the report is cited in WT/L/274.",
        "para. 2 of the Decision applies.",
        "The Council will review WT/L/274 by 31 March,\n1999. The review shall be annual.",
        "The Work Programme shall report by 31 December\n2011. It shall continue.",
    ):
        (clause,) = segment(source)
        assert (clause.label, clause.text) == ("", source)


def test_a_date_is_not_a_label() -> None:
    (clause,) = segment("20 May 1998 is the date of the Declaration on electronic commerce.")
    assert clause.label == ""


def test_crlf_and_cr_line_ends_separate_paragraphs() -> None:
    for eol in ("\r\n", "\r"):
        source = eol.join(
            ["Title", "", "The Ministerial Conference,", "", "Decides:", "", "To act."]
        )
        clauses = segment(source)
        assert [c.kind.value for c in clauses] == ["heading", "preamble", "introducer", "operative"]
        assert clauses[-1].text == "To act."


def test_markdown_emphasis_is_formatting_only_in_markdown() -> None:
    src = "Members will examine, *inter alia*, **software** and 2 * 3 items."
    md = document_from_text(src, markdown=True).clauses[0]
    assert md.text == "Members will examine, inter alia, software and 2 * 3 items."
    assert [(md.text[e.span.start : e.span.end], e.style.value) for e in md.emphasis] == [
        ("inter alia", "italic"),
        ("software", "bold"),
    ]
    plain = document_from_text(src, markdown=False).clauses[0]
    assert plain.text == src
    # every text offset maps back to the same character in the source
    for k, ch in enumerate(md.text):
        assert src[md.source_map.to_source(k)] == ch


def test_gap_ending_a_paragraph_is_its_own_clause() -> None:
    clauses = segment("To instruct the Council to act. Further, it may [[GAP: rest missing]]")
    assert [c.kind.value for c in clauses] == ["operative", "gap"]
    assert clauses[0].ends_in_gap and clauses[0].text.endswith("it may")
    assert clauses[1].gap_note == "rest missing"


_WORDS = st.sampled_from(
    [
        "Members",
        "shall",
        "may",
        "the",
        "Council",
        "WT/L/274",
        "1.",
        "(a)",
        "Decides:",
        "*inter",
        "alia*",
        "**Bold**",
        "[[GAP: x]]",
        "i.e.",
        "No.",
        "31",
        "March,",
        "1999.",
        "Recalling",
        "To",
        "That",
        "é",
        "\u00a0",
        "“quoted”",
    ]
)
_SEPS = st.sampled_from([" ", "  ", "\n", "\r\n", "\n\n", "\r\n\r\n", "\r\r", "\t", " \n \n"])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(_WORDS, _SEPS), min_size=0, max_size=60))
    lead = draw(st.sampled_from(["", "\n\n", "  "]))
    return lead + "".join(w + s for w, s in parts)


@settings(max_examples=300, deadline=None)
@given(_texts(), st.booleans())
def test_segmentation_loses_and_duplicates_nothing(source: str, markdown: bool) -> None:
    clauses = segment(source, markdown=markdown)
    pos = 0
    for c in clauses:
        assert c.span.start >= pos, "clauses overlap or are out of order"
        assert source[pos : c.span.start].strip() == "", "non-space text fell between clauses"
        pos = c.span.end
        # the clause text is made of source characters only, in order
        for k, ch in enumerate(c.text):
            assert source[c.source_map.to_source(k)] == ch
        for s in c.sentences:
            assert c.text[s.span.start : s.span.end] == s.text
    assert source[pos:].strip() == ""


_LEGAL_WORDS = st.sampled_from(
    [
        "Members",
        "shall",
        "The",
        "Licence",
        "a.",
        "B.",
        "b)",
        "1.10.1",
        "4.Limitations",
        "Article",
        "Section",
        "§",
        "4",
        "–",
        "IV.",
        "8.",
        "TERMINATION.",
        "Definitions.",
        "e.g.",
        "WT/L/274",
        "2011.",
        "-----",
        "*****",
        "=====",
        "__________",
        "+----+",
        "|",
        "*",
        "[[GAP: x]]",
        "**Bold**",
    ]
)
_LEGAL_SEPS = st.sampled_from([" ", "\n", "\r\n", "\n\n", " \n", "\t"])


@st.composite
def _legal_texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(_LEGAL_WORDS, _LEGAL_SEPS), min_size=0, max_size=50))
    return "".join(w + s for w, s in parts)


@settings(max_examples=400, deadline=None)
@given(_legal_texts(), st.booleans())
def test_labels_headings_and_rules_lose_and_duplicate_nothing(source: str, markdown: bool) -> None:
    clauses = segment(source, markdown=markdown)
    pos = 0
    for c in clauses:
        assert c.span.start >= pos and c.span.end > c.span.start
        assert source[pos : c.span.start].strip() == ""
        pos = c.span.end
        assert c.text.strip()
        for k, ch in enumerate(c.text):
            at = c.source_map.to_source(k)
            assert c.span.start <= at < c.span.end and source[at] == ch
        for s in c.sentences:
            assert c.text[s.span.start : s.span.end] == s.text
    assert source[pos:].strip() == ""
    # a line that is a rule is never clause text, unless there is nothing else
    if any(ch.isalnum() for ch in source):
        in_text = {c.source_map.to_source(k) for c in clauses for k in range(len(c.text))}
        offset = 0
        for line in source.splitlines(keepends=True):
            if line.strip() in ("-----", "*****", "=====", "__________", "+----+"):
                assert not in_text & set(range(offset, offset + len(line)))
            offset += len(line)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=300))
def test_segmentation_of_arbitrary_text_rebuilds_the_source(source: str) -> None:
    clauses = segment(source)
    rebuilt = []
    pos = 0
    for c in clauses:
        rebuilt.append(source[pos : c.span.start])
        assert rebuilt[-1].strip() == ""
        rebuilt.append(source[c.span.start : c.span.end])
        pos = c.span.end
    rebuilt.append(source[pos:])
    assert "".join(rebuilt) == source


def test_a_chairs_note_at_the_head_of_a_draft_is_front_matter() -> None:
    from pathlib import Path

    from clausediff.core.read.files import load_file

    drafts = Path(__file__).parents[2] / "data" / "drafts"
    for name in ("JOB-GC-318-Rev.1.txt", "JOB-GC-318-Rev.2.txt"):
        doc = load_file(drafts / name)
        note = next(c for c in doc.clauses if c.text.startswith("This revised draft"))
        assert note.kind is ClauseKind.HEADING, name
        kinds = [(c.display_label(), c.kind) for c in doc.clauses[note.index + 1 :][:3]]
        assert kinds == [
            ("opener", ClauseKind.PREAMBLE),
            ("recital 1", ClauseKind.PREAMBLE),
            ("recital 2", ClauseKind.PREAMBLE),
        ], name

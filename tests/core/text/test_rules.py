"""Rule lines are formatting, never clauses: a closing "__________", "* * *", a line of em
dashes, in a text, a Word file, a PDF's page or a web page."""

from __future__ import annotations

from pathlib import Path

import pytest

from clausediff.core.read.files import document_from_text, load_file
from clausediff.core.read.pdf import assemble
from support.hostile import docx_package, text_pdf

RULES = ["__________", "* * *", "——————", "– – –", "═══════", "- - - - -", "***"]
TEXT = "Decides:\n\n1. Members shall notify the Committee.\n\n{rule}\n"


@pytest.mark.parametrize("rule", RULES)
def test_a_closing_rule_is_not_a_clause(rule: str) -> None:
    doc = document_from_text(TEXT.format(rule=rule))
    assert [(c.kind.value, c.text) for c in doc.clauses] == [
        ("introducer", "Decides:"),
        ("operative", "Members shall notify the Committee."),
    ]
    assert doc.clauses[-1].span.end == len(doc.source.rstrip())  # (in the span, not the text)


@pytest.mark.parametrize("line", ["—", "– –", "1. — —", "—— see above"])
def test_dashes_with_words_or_fewer_than_three_stay_text(line: str) -> None:
    doc = document_from_text(f"Decides:\n\n{line}\n")
    assert len(doc.clauses) == 2


def test_a_rule_in_a_word_file_is_not_a_clause(tmp_path: Path) -> None:
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paras = "".join(
        f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>"
        for t in ("Decides:", "1. Members shall notify.", "——————")
    )
    path = tmp_path / "d.docx"
    path.write_bytes(docx_package(f"<w:document {ns}><w:body>{paras}</w:body></w:document>"))
    assert [c.text for c in load_file(path).clauses] == ["Decides:", "Members shall notify."]


def test_a_rule_under_the_last_line_of_a_pdf_is_a_paragraph_of_its_own(tmp_path: Path) -> None:
    page = "Decides:\n\n1. Members shall notify the Committee.\n__________\n"
    assert assemble([page]) == (
        "Decides:\n\n1. Members shall notify the Committee.\n\n__________\n"
    )
    path = tmp_path / "d.pdf"
    path.write_bytes(text_pdf([["Decides:", "", "1. Members shall notify.", "__________"]]))
    assert [c.text for c in load_file(path).clauses] == ["Decides:", "Members shall notify."]


def test_a_rule_in_a_web_page_is_not_a_clause(tmp_path: Path) -> None:
    path = tmp_path / "d.html"
    path.write_text("<p>Decides:</p><p>1. Members shall notify.</p><p>* * *</p><p>———</p>")
    assert [c.text for c in load_file(path).clauses] == ["Decides:", "Members shall notify."]

"""Importing Word files: the round trip of the 2013 decision, numbering, tracked changes,
footnotes, and the header block taken as metadata."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from clausediff.core.model import ClauseKind, EmphasisStyle
from clausediff.core.read.bundled import load_bundled
from clausediff.core.read.docx import read_docx
from clausediff.core.read.files import load_file
from support.hostile import W_NS, docx_package
from support.official import HEADER_LINES, build_docx


def _operative(doc):  # type: ignore[no-untyped-def]
    return [c.text for c in doc.clauses if c.kind is ClauseKind.OPERATIVE]


def test_round_trip_of_the_2013_decision(tmp_path: Path) -> None:
    imported = load_file(build_docx(tmp_path / "WT-MIN-13-32.docx"))
    bundled = load_bundled("WT/MIN(13)/32")
    assert _operative(imported) == _operative(bundled)  # word for word
    assert len(_operative(imported)) == 5
    assert imported.info.symbols == ("WT/MIN(13)/32", "WT/L/907")
    assert imported.info.date == "2013-12-07"  # the decision's date, from its title line
    assert imported.info.body == "Ministerial Conference, Ninth Session, Bali, 3-6 December 2013"
    assert imported.info.title == "WORK PROGRAMME ON ELECTRONIC COMMERCE"
    assert imported.info.format == "docx"
    # no header line becomes a clause; each is kept as metadata
    texts = {c.text for c in imported.clauses}
    assert not texts & set(HEADER_LINES)
    assert list(imported.info.header) == [
        "WORLD TRADE", "ORGANIZATION", "WT/MIN(13)/32", "WT/L/907", "11 December 2013",
        "(13-6733)", "Ministerial Conference", "Ninth Session", "Bali, 3-6 December 2013",
        "Original: English",
    ]  # fmt: skip
    # italics come through as formatting
    clause = next(c for c in imported.clauses if "inter alia" in c.text)
    (emphasis,) = clause.emphasis
    assert clause.text[emphasis.span.start : emphasis.span.end] == "inter alia"
    assert emphasis.style is EmphasisStyle.ITALIC


def _numbered_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Decides as follows:")
    for text in ("Members shall notify the Committee.", "The Council shall review it."):
        document.add_paragraph(text, style="List Number")
    document.save(str(path))
    return path


def test_automatic_numbering_becomes_labels(tmp_path: Path) -> None:
    doc = load_file(_numbered_docx(tmp_path / "numbered.docx"))
    assert [(c.label, c.text) for c in doc.clauses[1:]] == [
        ("1", "Members shall notify the Committee."),
        ("2", "The Council shall review it."),
    ]


def _package(document_xml: str, extra: dict[str, str] | None = None) -> bytes:
    return docx_package(document_xml, extra={k: v.encode() for k, v in (extra or {}).items()})


def _body(paragraphs: str) -> str:
    return f'<?xml version="1.0"?><w:document {W_NS}><w:body>{paragraphs}</w:body></w:document>'


TRACKED = _body(
    "<w:p><w:r><w:t xml:space='preserve'>Members </w:t></w:r>"
    "<w:del w:id='1' w:author='A'><w:r><w:delText>shall</w:delText></w:r></w:del>"
    "<w:ins w:id='2' w:author='A'><w:r><w:t>may</w:t></w:r></w:ins>"
    "<w:r><w:t xml:space='preserve'> notify the Committee.</w:t></w:r></w:p>"
)


def test_tracked_changes_read_as_final_text_and_say_so() -> None:
    final = read_docx(_package(TRACKED))
    assert final.text.strip() == "Members may notify the Committee."
    assert "tracked changes (1 insertions, 1 deletions)" in final.notes
    assert "final text" in final.notes
    original = read_docx(_package(TRACKED), tracked="original")
    assert original.text.strip() == "Members shall notify the Committee."
    assert "original text" in original.notes


def test_footnotes_are_kept_apart() -> None:
    body = _body(
        "<w:p><w:r><w:t>Members shall report.</w:t></w:r>"
        "<w:r><w:footnoteReference w:id='1'/></w:r></w:p>"
    )
    notes = (
        f'<?xml version="1.0"?><w:footnotes {W_NS}>'
        "<w:footnote w:type='separator' w:id='-1'><w:p><w:r><w:t>--</w:t></w:r></w:p></w:footnote>"
        "<w:footnote w:id='1'><w:p><w:r><w:t>See WT/L/274.</w:t></w:r></w:p></w:footnote>"
        "</w:footnotes>"
    )
    got = read_docx(_package(body, {"word/footnotes.xml": notes}))
    assert got.text.strip() == "Members shall report."
    assert got.footnotes == ("See WT/L/274.",)


@pytest.mark.parametrize(
    "text",
    [
        "يقرر الأعضاء ما يلي",  # right to left
        "Cafe\u0301 and nai\u0308ve",  # combining characters
        "Emoji \U0001f30d and \U0001d400 outside the BMP",
    ],
)
def test_unusual_characters_go_through_intact(tmp_path: Path, text: str) -> None:
    document = docx.Document()
    document.add_paragraph(text)
    path = tmp_path / "chars.docx"
    document.save(str(path))
    assert load_file(path).clauses[0].text == text
    txt = tmp_path / "chars.txt"
    txt.write_text(text, encoding="utf-8")
    assert load_file(txt).clauses[0].text == text

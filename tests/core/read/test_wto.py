"""A WTO document named by its file when its text names it not: symbol and date."""

from __future__ import annotations

from pathlib import Path

import pytest

from clausediff.core.read.bundled import load_bundled
from clausediff.core.read.files import load_file
from clausediff.core.read.wto import name_from_file
from support.official import HEADER_LINES


@pytest.mark.parametrize(
    ("file_name", "symbol", "date"),
    [
        ("2015-12-19_WT-L-977.txt", "WT/L/977", "2015-12-19"),
        ("WT_MIN(13)_32.pdf", "WT/MIN(13)/32", ""),
        ("WT-MIN-13-32.docx", "WT/MIN(13)/32", ""),
        ("1998-05-20_WT-MIN-98-DEC-2.txt", "WT/MIN(98)/DEC/2", "1998-05-20"),
        ("WT-GC-W-123-Rev.1.pdf", "WT/GC/W/123/Rev.1", ""),
        ("G-SPS-N-USA-3000-Add.1.docx", "G/SPS/N/USA/3000/Add.1", ""),
        ("IP-C-W-669.html", "IP/C/W/669", ""),
        ("TN-MA-W-103-Rev.3-Add.1.md", "TN/MA/W/103/Rev.3/Add.1", ""),
        ("JOB-13-150.pdf", "JOB(13)/150", ""),
        ("S-C-W-359.txt", "S/C/W/359", ""),
        # not whole WTO symbols: nothing is guessed
        ("minutes WT-L-977 draft.pdf", "", ""),
        ("WT-L-977-final.pdf", "", ""),
        ("wt-l-977.txt", "", ""),
        ("WT-1.txt", "", ""),
        ("report-2015.pdf", "", ""),
        ("2015-12-19_notes.txt", "", "2015-12-19"),
        ("2015-13-45_WT-L-977.txt", "", ""),  # (no such day)
    ],
)
def test_a_symbol_and_a_date_from_a_file_name(file_name: str, symbol: str, date: str) -> None:
    assert name_from_file(file_name) == (symbol, date)


def _decision_text() -> str:
    """The 2011 decision's wording without its gap markers: a text a user may hold."""
    doc = load_bundled("WT/L/843")
    return "\n\n".join(c.text for c in doc.clauses if not c.is_gap)


def test_an_imported_text_without_a_header_is_named_by_its_file(tmp_path: Path) -> None:
    path = tmp_path / "2015-12-19_WT-L-977.txt"
    path.write_text(_decision_text(), encoding="utf-8")
    doc = load_file(path)
    assert doc.info.symbols == ("WT/L/977",) and doc.info.date == "2015-12-19"
    assert doc.info.label == "WT/L/977"  # (was "2015-12-19_WT-L-977.txt")
    assert [c.text for c in doc.clauses] == _decision_text().split("\n\n")  # (text as read)


def test_the_header_wins_over_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "2020-01-01_WT-L-977.txt"
    path.write_text("\n".join(HEADER_LINES) + "\n\n" + _decision_text(), encoding="utf-8")
    doc = load_file(path)
    assert doc.info.symbols == ("WT/MIN(13)/32", "WT/L/907")
    assert doc.info.date == "2013-12-11"  # the header's date, not the file name's


def test_a_file_name_that_is_no_symbol_leaves_the_document_unnamed(tmp_path: Path) -> None:
    path = tmp_path / "my draft.txt"
    path.write_text(_decision_text(), encoding="utf-8")
    doc = load_file(path)
    assert doc.info.symbols == () and doc.info.date == ""
    assert doc.info.label == "my draft.txt"

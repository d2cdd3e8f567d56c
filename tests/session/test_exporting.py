"""One export dispatch: every format written whole, or an error that leaves what was there."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest

from clausediff.core.compare.lineage import Lineage
from clausediff.core.store.review import PlacedNote
from clausediff.session.comparison import Comparison
from clausediff.session.exporting import FORMATS, ExportError, export, format_of


@pytest.mark.parametrize("fmt", ["html", "docx", "csv"])
def test_each_format_is_written_and_nothing_is_left_beside_it(
    bali: Comparison, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"bali.{fmt}"
    export(bali.lineage, out, fmt)
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]
    data = out.read_bytes()
    if fmt == "docx":
        assert "word/document.xml" in zipfile.ZipFile(out).namelist()
    else:
        assert "Eighth" in data.decode("utf-8-sig")


def test_a_failing_writer_leaves_the_old_file_whole(bali: Comparison, tmp_path: Path) -> None:
    out = tmp_path / "bali.pdf"
    out.write_bytes(b"the export of yesterday")

    def broken(_l: Lineage, path: Path, _n: Sequence[PlacedNote] | None, _p: str) -> None:
        path.write_bytes(b"half a PDF")
        raise OSError(28, "No space left on device")

    with pytest.raises(ExportError, match="No space left on device"):
        export(bali.lineage, out, "pdf", pdf=broken)
    assert out.read_bytes() == b"the export of yesterday"
    assert [p.name for p in tmp_path.iterdir()] == ["bali.pdf"]


def test_a_folder_that_does_not_exist_or_a_format_unknown_is_said_plainly(
    bali: Comparison, tmp_path: Path
) -> None:
    with pytest.raises(ExportError, match="could not be written"):
        export(bali.lineage, tmp_path / "missing" / "bali.html", "html")
    with pytest.raises(ExportError, match="cannot export 'rtf'"):
        export(bali.lineage, tmp_path / "bali.rtf", "rtf")
    with pytest.raises(ExportError, match="PDF needs"):
        export(bali.lineage, tmp_path / "bali.pdf", "pdf")
    assert list(tmp_path.iterdir()) == []


def test_the_format_comes_from_the_dialog_choice_or_the_suffix() -> None:
    assert format_of(Path("x.html"), FORMATS["docx"]) == "docx"
    assert format_of(Path("x.CSV")) == "csv"


def test_control_characters_of_a_text_do_not_break_a_word_export(tmp_path: Path) -> None:
    """A form feed (a page break from a PDF tool) and a vertical tab (Word's line break)
    may stand in a text; Word holds neither, so they become breaks there."""
    from clausediff.core.compare.lineage import build_lineage
    from clausediff.core.read.files import document_from_text

    old = document_from_text("Decides:\n\n1. Members shall report.\x0cThe Council shall meet.")
    new = document_from_text("Decides:\n\n1. Members shall report soon.\x0bThe Council shall meet.")
    out = tmp_path / "breaks.docx"
    export(build_lineage([old, new]), out, "docx")
    body = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert "Members shall report" in body and "The Council shall meet." in body
    assert "\x0c" not in body and "\x0b" not in body


def test_an_export_with_a_long_name_is_written(bali: Comparison, tmp_path: Path) -> None:
    out = tmp_path / ("Bali " * 48 + "redline.html")  # 252 characters: about the longest
    export(bali.lineage, out, "html")
    assert out.exists() and sorted(p.name for p in tmp_path.iterdir()) == [out.name]


def test_the_word_report_is_offered_beside_the_redline(bali: Comparison, tmp_path: Path) -> None:
    """Both Word forms are in the dialog; a .docx is the redline unless the report is chosen."""
    assert format_of(Path("x.docx")) == "docx"
    assert format_of(Path("x.docx"), FORMATS["docx-report"]) == "docx-report"
    out = tmp_path / "report.docx"
    export(bali.lineage, out, "docx-report")
    body = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert "[recital 1 → recital 1, modified] " in body  # the report's findings, in its paragraphs

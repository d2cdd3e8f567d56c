"""One export dispatch: every format written whole, or an error that leaves what was there."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest

from clausediff.core.compare.lineage import Lineage
from clausediff.core.store.review import PlacedNote
from clausediff.session.comparison import Comparison
from clausediff.session.exporting import (
    FORMATS,
    ExportError,
    Target,
    export,
    format_of,
    page_size_for,
    target_of,
)


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


def test_the_suffix_agrees_with_the_filter_chosen() -> None:
    """Choosing PDF and typing a name without a suffix writes x.pdf; a typed suffix that
    names another format is kept beside the filter's reading, for the window to ask."""
    assert target_of(Path("/w/bali"), FORMATS["pdf"]) == Target(Path("/w/bali.pdf"), "pdf")
    assert target_of(Path("bali."), FORMATS["csv"]) == Target(Path("bali.csv"), "csv")
    assert target_of(Path("bali.v2"), FORMATS["docx"]) == Target(Path("bali.v2.docx"), "docx")
    assert target_of(Path("bali.htm"), FORMATS["html"]) == Target(Path("bali.htm"), "html")
    assert target_of(Path("bali.PDF"), FORMATS["pdf"]) == Target(Path("bali.PDF"), "pdf")
    report = target_of(Path("bali.docx"), FORMATS["docx-report"])
    assert report == Target(Path("bali.docx"), "docx-report")
    conflict = target_of(Path("bali.pdf"), FORMATS["html"])
    assert conflict == Target(Path("bali.html"), "html", typed=Target(Path("bali.pdf"), "pdf"))
    # no filter (a dialog that does not say): the suffix, else a web page
    assert target_of(Path("bali.CSV")) == Target(Path("bali.CSV"), "csv")
    assert target_of(Path("bali")) == Target(Path("bali.html"), "html")


def test_the_paper_of_a_country() -> None:
    assert [page_size_for(c) for c in ("US", "CA", "mx", "PH")] == ["letter"] * 4
    assert [page_size_for(c) for c in ("CH", "FR", "IN", "JP", "", "GB")] == ["a4"] * 6


def _page_width_twips(path: Path) -> set[str]:
    body = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    return set(re.findall(r'<w:pgSz w:w="(\d+)" w:h="\d+"', body))


@pytest.mark.parametrize("fmt", ["docx", "docx-report"])
def test_word_exports_are_on_the_page_size_asked_a4_unless_told(
    bali: Comparison, tmp_path: Path, fmt: str
) -> None:
    """A4 is 11906 twips wide, Letter 12240 (python-docx's template, the old default)."""
    out = tmp_path / "bali.docx"
    export(bali.lineage, out, fmt)
    assert _page_width_twips(out) == {"11906"}
    export(bali.lineage, out, fmt, page_size="letter")
    assert _page_width_twips(out) == {"12240"}
    with pytest.raises(ExportError, match="page sizes a4, letter"):
        export(bali.lineage, out, fmt, page_size="a3")


def test_exports_name_the_file_a_version_came_from_never_its_folder(tmp_path: Path) -> None:
    """A text imported from the user's folders (and kept in the library, which remembers
    the path it came from as its source) is named by its file name in every export."""
    from clausediff.core.compare.lineage import build_lineage
    from clausediff.core.read.bundled import load_bundled
    from clausediff.core.read.files import load_file
    from clausediff.core.store.library import Library

    folder = tmp_path / "Ana Pérez" / "Negotiations"
    folder.mkdir(parents=True)
    source = folder / "2015-12-19_WT-L-977.txt"
    source.write_text(
        "Work Programme on Electronic Commerce\n\nDecides:\n\n"
        "1. Members shall maintain the current practice of not imposing customs duties.\n",
        encoding="utf-8",
    )
    library = Library(tmp_path / "library.sqlite3")
    entry, _ = library.add(load_file(source))
    kept = library.load(entry)
    assert kept.info.sources == (source.name,)  # (the library keeps the file's name only)
    for doc in (load_file(source), kept):
        lineage = build_lineage([load_bundled("WT/L/907"), doc])
        for fmt in ("html", "csv", "docx", "docx-report"):
            out = tmp_path / f"export.{fmt}"
            export(lineage, out, fmt)
            data = out.read_bytes()
            text = (
                " ".join(
                    zipfile.ZipFile(out).read(name).decode("utf-8")
                    for name in zipfile.ZipFile(out).namelist()
                    if name.endswith(".xml")
                )
                if fmt.startswith("docx")
                else data.decode("utf-8-sig")
            )
            assert "Negotiations" not in text and str(tmp_path) not in text, fmt
            if fmt != "csv":  # (the lineage table names no sources)
                assert "2015-12-19_WT-L-977.txt" in text, fmt

"""What a PDF that cannot be read is told: the file named once, and the reason as it is
(not a PDF at all, damaged, out of time or memory, only page furniture, scanned)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from clausediff.core.errors import ClauseDiffError, UnreadableFileError
from clausediff.core.read.files import load_file
from clausediff.core.read.pdf import read_pdf
from support.hostile import small_pdf_bytes, text_pdf


def _message(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    with pytest.raises(ClauseDiffError) as caught:
        load_file(path)
    return str(caught.value)


def test_a_corrupt_pdf_is_named_once(tmp_path: Path) -> None:
    message = _message(tmp_path / "corrupt.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 40)
    assert message.startswith("corrupt.pdf: The PDF is damaged or not a PDF (")
    assert message.count("corrupt.pdf") == 1


def test_a_text_file_named_pdf_is_told_so(tmp_path: Path) -> None:
    message = _message(tmp_path / "draft.pdf", b"Decides:\n\n1. Members shall notify.\n")
    assert message == (
        "draft.pdf: The file is named .pdf but is not a PDF (it has no PDF header). It holds "
        "plain text: rename it .txt to read it as a text file."
    )
    assert "ClauseDiff reads PDF" not in message


def test_a_readable_pdf_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "ok.pdf"
    path.write_bytes(text_pdf([["Decides:", "", "1. Members shall notify."]]))
    doc = load_file(path)
    assert [(c.label, c.text) for c in doc.clauses] == [
        ("", "Decides:"),
        ("1", "Members shall notify."),
    ]


def test_pages_of_furniture_only_are_not_called_scanned(tmp_path: Path) -> None:
    message = _message(tmp_path / "x.pdf", text_pdf([["x"]] * 1999))
    assert message == (
        "x.pdf: The PDF's only text is page furniture (the same lines at the top or bottom of "
        "every page, page numbers): it holds no decision text."
    )


def test_pages_without_any_text_are_called_scanned(tmp_path: Path) -> None:
    message = _message(tmp_path / "scan.pdf", small_pdf_bytes())
    assert message == (
        "scan.pdf: The PDF has no text to read (a scanned PDF holds only images of pages)."
    )


_LINE = "Members shall continue their current practice of not imposing customs duties on"


def _large_valid_pdf(pages: int, lines: int) -> bytes:
    return text_pdf([[f"{k}. {_LINE}"] + [_LINE] * lines for k in range(1, pages + 1)])


@pytest.mark.skipif(sys.platform == "win32", reason="no memory limit for the reader there")
def test_a_large_valid_pdf_out_of_memory_is_not_called_damaged() -> None:
    """The memory bound stops pypdf somewhere inside, where a MemoryError often comes out as
    another error (a SystemError): it is still said as a memory stop."""
    with pytest.raises(UnreadableFileError) as caught:
        read_pdf(_large_valid_pdf(10, 10_000), memory=50 * 2**20, timeout=30)
    assert str(caught.value).startswith(
        "Reading the PDF needs more than 50 MB of memory, the most ClauseDiff gives it"
    )


def test_a_large_valid_pdf_out_of_time_is_not_called_damaged() -> None:
    with pytest.raises(UnreadableFileError) as caught:
        read_pdf(_large_valid_pdf(1200, 60), timeout=1)
    assert str(caught.value) == (
        "Reading the PDF took longer than 1 seconds; it was stopped (a PDF this long can be "
        "saved as Word or as text and read that way)."
    )

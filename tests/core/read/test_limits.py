"""The bounds on what one document may hold, in every format: nesting in Word files, the
number of clauses (refused while the file is read, before it is parsed in full) and the
length of one paragraph. Real documents of the benchmarks' size go through."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from clausediff.core.errors import UnreadableFileError
from clausediff.core.read.docx import read_docx
from clausediff.core.read.files import load_file
from clausediff.core.read.textio import ReadLimits
from support.hostile import (
    nested_inline_docx,
    nested_tables_docx,
    one_paragraph_docx,
    paragraphs_docx,
    paragraphs_html,
    paragraphs_text,
)


def _refused(path: Path, data: bytes, limits: ReadLimits | None = None) -> tuple[str, float]:
    path.write_bytes(data)
    started = time.monotonic()
    with pytest.raises(UnreadableFileError) as caught:
        load_file(path, limits=limits)
    return str(caught.value), time.monotonic() - started


@pytest.mark.parametrize(("build", "depth"), [(nested_tables_docx, 333), (nested_inline_docx, 996)])
def test_deep_nesting_in_a_word_file_is_refused_not_a_recursion_error(
    tmp_path: Path, build: Callable[[int], bytes], depth: int
) -> None:
    message, _ = _refused(tmp_path / "deep.docx", build(depth))
    assert message == (
        "deep.docx: The Word file's document XML nests elements more than 256 deep, as no "
        "real document does (tables within tables, links within links); ClauseDiff reads "
        "Word files nested at most that deep."
    )


def test_nesting_as_deep_as_real_documents_is_read() -> None:
    assert read_docx(nested_tables_docx(40)).text == "Members shall notify.\n"
    assert read_docx(nested_inline_docx(200)).text == "Members shall notify.\n"


def test_a_60_mb_one_paragraph_document_is_refused_as_it_streams(tmp_path: Path) -> None:
    message, seconds = _refused(tmp_path / "one.docx", one_paragraph_docx(60))
    assert message == (
        "one.docx: The Word document has a paragraph of more than 2,000,000 characters; "
        "ClauseDiff reads paragraphs of at most 2,000,000 characters."
    )
    assert seconds < 5  # (it stops at the first two million characters)


def test_a_word_file_with_too_many_paragraphs_is_refused_early(tmp_path: Path) -> None:
    message, _ = _refused(
        tmp_path / "many.docx", paragraphs_docx(1_000), ReadLimits(max_clauses=100)
    )
    assert message == (
        "many.docx: The Word document has more than 100 paragraphs (1,000 in its XML); "
        "ClauseDiff reads documents of at most 100 clauses (a paragraph is at least one clause)."
    )
    doc = load_file(tmp_path / "many.docx", limits=ReadLimits(max_clauses=1_000))
    assert len(doc.clauses) == 1_000


def test_a_million_paragraph_web_page_is_refused_quickly(tmp_path: Path) -> None:
    message, seconds = _refused(tmp_path / "page.html", paragraphs_html(1_000_000))
    assert message == (
        "page.html: The web page has more than 60,000 paragraphs (1,000,000 elements such as "
        "<p>); ClauseDiff reads documents of at most 60,000 clauses (a paragraph is at least "
        "one clause)."
    )
    assert seconds < 10  # (about 1 s: the parser stops after the 60,001st paragraph)


def test_a_text_of_200000_paragraphs_is_refused_before_it_is_segmented(tmp_path: Path) -> None:
    message, seconds = _refused(tmp_path / "long.txt", paragraphs_text(200_000))
    assert message == (
        "long.txt: The document has 200,000 paragraphs; ClauseDiff reads documents of at most "
        "60,000 clauses (a paragraph is at least one clause)."
    )
    assert seconds < 5


def test_the_clause_limit_is_exact_and_counts_clauses_not_only_paragraphs(
    tmp_path: Path,
) -> None:
    limits = ReadLimits(max_clauses=100)
    path = tmp_path / "d.txt"
    path.write_bytes(paragraphs_text(100))
    assert len(load_file(path, limits=limits).clauses) == 100
    message, _ = _refused(path, paragraphs_text(101), limits)
    assert "has 101 paragraphs" in message
    # one paragraph, 150 labelled lines: 150 clauses
    lines = "\n".join(f"({k}) Members shall notify the Committee." for k in range(1, 151))
    message, _ = _refused(path, f"Decides:\n\n{lines}\n".encode(), limits)
    assert message == (
        "d.txt: The document has 151 clauses; ClauseDiff reads documents of at most 100 clauses."
    )


def test_a_paragraph_of_many_lines_is_bounded_too(tmp_path: Path) -> None:
    text = ("Members shall notify the Committee of it\n" * 100).encode()
    message, _ = _refused(tmp_path / "p.txt", text, ReadLimits(max_paragraph_chars=1_000))
    assert message == (
        "p.txt: The document has a paragraph of 4,099 characters; ClauseDiff reads paragraphs "
        "of at most 1,000 characters."
    )


def test_documents_of_the_benchmarks_size_are_read(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(paragraphs_text(20_000))
    assert len(load_file(path).clauses) == 20_000
    page = tmp_path / "big.html"
    page.write_bytes(paragraphs_html(20_000))
    assert len(load_file(page).clauses) == 20_000

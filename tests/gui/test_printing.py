"""The PDF carries every clause's text: read back from the page's text layer, column by column
(the older version's column and the newer's, told apart by where the text stands), every
word of every clause is there, in order."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from clausediff.core.compare.lineage import Lineage, build_lineage
from clausediff.core.read.bundled import load_bundled
from clausediff.core.read.files import document_from_text
from clausediff.core.render.html import is_gap_side
from clausediff.gui.printing import export_pdf


def columns(path: Path, old_label: str, new_label: str) -> tuple[str, str]:
    """The text of the two version columns of the clause table, white space taken out, in
    the order it is drawn; each page's header and footer (drawn first) left out."""
    pages: list[list[tuple[float, float, str]]] = []
    for page in PdfReader(str(path)).pages:
        found: list[tuple[float, float, str]] = []

        def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                found.append((x, y, "".join(text.split())))  # noqa: B023

        page.extract_text(visitor_text=visit)
        pages.append(found[2:])  # (the header and "Page n of m")
    squeezed = ("".join(old_label.split()), "".join(new_label.split()))
    # the clause table's heading row: "Clauses", "Change", then the two versions
    at, head_y = next((n, y) for n, page in enumerate(pages) for _, y, t in page if t == "Change")
    row = sorted((x, t) for x, y, t in pages[at] if abs(y - head_y) < 1)
    # (a long label wraps: its first line is where its column starts)
    starts = [x for x, t in row if any(label.startswith(t) for label in squeezed)]
    assert len(starts) == 2, row
    old_x, new_x = starts[0] - 2, starts[1] - 2
    old_col = "".join(t for page in pages for x, _, t in page if old_x <= x < new_x)
    new_col = "".join(t for page in pages for x, _, t in page if x >= new_x)
    return old_col, new_col


def _words(text: str) -> list[str]:
    """A text's words as drawn: split at white space, control characters (drawn as
    nothing) left out."""
    words = ("".join(c for c in w if unicodedata.category(c) != "Cc") for w in text.split())
    return [w for w in words if w]


def assert_every_word_in_order(lineage: Lineage, path: Path) -> int:
    """Every word of every clause in its version's column, in order (a line Qt draws twice
    where a table cell crosses a page, once clipped away, is no word lost)."""
    al = lineage.pairs[0]
    cols = columns(path, al.left.info.label, al.right.info.label)
    at = [0, 0]
    checked = 0
    for lk in al.links:
        for side, (doc, idx) in enumerate(((al.left, lk.left), (al.right, lk.right))):
            if not idx or is_gap_side(doc, idx):
                continue
            for word in _words(al.side_text(lk, side)):
                found = cols[side].find(word, at[side])
                assert found >= 0, (side, word, cols[side][at[side] : at[side] + 200])
                at[side] = found + len(word)
            checked += 1
    return checked


@pytest.mark.parametrize(("old", "new"), [("WT/L/843", "WT/L/907"), ("WT/L/274", "WT/L/843")])
def test_the_pdf_columns_hold_every_word_of_both_versions(
    qapp: object, tmp_path: Path, old: str, new: str
) -> None:
    lineage = build_lineage([load_bundled(old), load_bundled(new)])
    out = tmp_path / "export.pdf"
    export_pdf(lineage, out)
    assert assert_every_word_in_order(lineage, out) >= 6


def test_the_pdf_takes_breaks_and_control_characters(qapp: object, tmp_path: Path) -> None:
    old = document_from_text(
        "1. Members shall report.\x0cThe Council shall meet.\n\n2. Tab\there\x01 too."
    )
    new = document_from_text("1. Members shall report soon.\x0bThe Council shall meet.")
    lineage = build_lineage([old, new])
    out = tmp_path / "breaks.pdf"
    export_pdf(lineage, out)
    assert assert_every_word_in_order(lineage, out) == 3


def _page_texts(path: Path) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(str(path)).pages]


def test_the_versions_table_breaks_no_word(qapp: object, tmp_path: Path) -> None:
    """Every word of the versions table (labels, symbols, dates, bodies, "excerpt") is drawn
    whole: "excerp t" and "2011-1 2-17" were drawn in columns too narrow for them."""
    lineage = build_lineage([load_bundled("WT/L/843"), load_bundled("WT/L/907")])
    out = tmp_path / "export.pdf"
    export_pdf(lineage, out)
    words = set(_page_texts(out)[1].split())  # (after the brief's page)
    for doc in lineage.versions:
        info = doc.info
        for value in (info.label, info.symbol, info.date, info.body, "excerpt (gaps marked)"):
            for word in value.split():
                assert word in words, (word, value)


def test_the_two_version_columns_are_even_on_the_page(qapp: object, tmp_path: Path) -> None:
    """The heading row of the clause table: the older version's column is as wide as the
    newer's, which reaches the right margin."""
    lineage = build_lineage([load_bundled("WT/L/843"), load_bundled("WT/L/907")])
    out = tmp_path / "export.pdf"
    export_pdf(lineage, out)
    page = PdfReader(str(out)).pages[1]  # (after the brief's page)
    found: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x, y = tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((x, y, text.strip()))

    page.extract_text(visitor_text=visit)
    change_x, head_y = next((x, y) for x, y, t in found if t == "Change")
    row = sorted((x, t) for x, y, t in found if abs(y - head_y) < 1)
    starts = {t.split()[0]: x for x, t in reversed(row)}  # (a word's first place in the row)
    left_margin = 15 / 25.4 * 72
    right_margin = float(page.mediabox.width) - left_margin
    pad = change_x - left_margin  # (a cell's padding and rule)
    old = starts["2011"] - pad
    new = starts["2013"] - pad
    assert abs((new - old) - (right_margin - new)) < 2, (old, new, right_margin)
    assert new - old > 0.4 * (right_margin - left_margin)


def _lowest_text(path: Path) -> list[float]:
    """How high (in points from the foot of the page) the lowest clause text of each page
    stands, the page number left out."""
    out = []
    for page in PdfReader(str(path)).pages:
        ys: list[float] = []

        def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
            if text.strip() and not text.startswith("Page "):
                ys.append(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])  # noqa: B023

        page.extract_text(visitor_text=visit)
        out.append(min(ys))
    return out


def test_the_2011_2013_pdf_keeps_rows_whole_and_leaves_no_page_near_empty(
    qapp: object, tmp_path: Path
) -> None:
    """The brief's page, then three A4 pages (eight before): every clause's text of both
    versions on one page, and every page of the comparison but the last filled to at least
    two thirds."""
    lineage = build_lineage([load_bundled("WT/L/843"), load_bundled("WT/L/907")])
    out = tmp_path / "bali.pdf"
    assert export_pdf(lineage, out) == len(PdfReader(str(out)).pages) <= 1 + 3
    al = lineage.pairs[0]
    pages = ["".join(t.split()) for t in _page_texts(out)]
    for lk in al.links:
        for side, (doc, idx) in enumerate(((al.left, lk.left), (al.right, lk.right))):
            if idx and not is_gap_side(doc, idx):
                text = "".join(_words(al.side_text(lk, side)))
                assert any(text in page for page in pages), text[:60]  # (whole on a page)
    height = float(PdfReader(str(out)).pages[0].mediabox.height)
    body = height - 2 * 15 / 25.4 * 72
    for low in _lowest_text(out)[1:-1]:  # (the brief's page is a page of its own)
        assert low - 15 / 25.4 * 72 < body / 3 + 30, low


def test_the_print_preview_shows_the_pages_of_the_pdf(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The window's printer prints the pages of the PDF, page for page and line for line,
    and the preview shows as many."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

    from clausediff.gui.printing import render

    exporter = window.exporter
    lineage = exporter.shown()
    pdf = tmp_path / "export.pdf"
    assert exporter.export_to(pdf, "pdf")
    printer = exporter.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    pages = render(printer, lineage)
    assert printer.resolution() != 300  # (drawn at another resolution than the PDF)
    assert pages == len(PdfReader(str(pdf)).pages) <= 1 + 3  # (the brief, the comparison)
    assert _page_texts(printed) == _page_texts(pdf)
    dialog = exporter.print_preview()
    assert dialog is not None
    preview = dialog.findChild(QPrintPreviewWidget)
    preview.updatePreview()
    assert preview.pageCount() == pages
    dialog.close()

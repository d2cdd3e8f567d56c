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

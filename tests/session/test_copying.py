"""Copying a compare row: the exact texts as plain text, the redline as HTML."""

from __future__ import annotations

from html.parser import HTMLParser

from clausediff.core.compare.links import LinkKind
from clausediff.session.comparison import Comparison
from clausediff.session.copying import copy_link


class _Cells(HTMLParser):
    """The text of each table cell, and the words inside <del> and <ins>."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self.deleted: list[str] = []
        self.inserted: list[str] = []
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._stack.append(tag)
        if tag == "td":
            self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._stack:
            while self._stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if "td" in self._stack:
            self.cells[-1] += data
        if "del" in self._stack:
            self.deleted.append(data)
        if "ins" in self._stack:
            self.inserted.append(data)


def test_the_recital_is_copied_exactly_with_its_redline(bali: Comparison) -> None:
    al = bali.alignment
    lk = next(lk for lk in al.links if "Recalling" in al.side_text(lk, 1) and lk.left)
    copied = copy_link(al, lk)
    head, older, newer = copied.text.splitlines()
    assert head == f"{al.left.labels(lk.left)} → {al.right.labels(lk.right)}, modified"
    assert older == f"{al.left.info.label}: {al.side_text(lk, 0)}"
    assert newer == f"{al.right.info.label}: {al.side_text(lk, 1)}"
    cells = _Cells()
    cells.feed(copied.html)
    assert [c.replace("\n", " ") for c in cells.cells] == [al.side_text(lk, 0), al.side_text(lk, 1)]
    assert "Seventh" in cells.deleted and "Eighth" in cells.inserted


def test_a_side_with_no_text_is_a_dash_and_a_gap_says_so(bali: Comparison) -> None:
    al = bali.alignment
    added = next(lk for lk in al.links if lk.kind is LinkKind.ADDED)
    assert copy_link(al, added).text.splitlines()[1] == f"{al.left.info.label}: —"
    gap = next(lk for lk in al.links if lk.left and al.left.clauses[lk.left[0]].gap_note)
    assert "not available" in copy_link(al, gap).html


def test_markup_in_a_clause_is_copied_as_characters(bali: Comparison) -> None:
    from dataclasses import replace

    al = bali.alignment
    lk = next(lk for lk in al.links if lk.kind is LinkKind.UNCHANGED)
    clause = al.left.clauses[lk.left[0]]
    hostile = replace(clause, text='<img src="file:///etc/passwd"> & <b>')
    left = replace(
        al.left,
        clauses=(*al.left.clauses[: lk.left[0]], hostile, *al.left.clauses[lk.left[0] + 1 :]),
    )
    copied = copy_link(replace(al, left=left), lk)
    assert "<img" not in copied.html and "&lt;img" in copied.html
    assert '<img src="file:///etc/passwd"> & <b>' in copied.text

"""Lineage cells: a family's clause with its changes against the version before."""

from __future__ import annotations

import html
import re

from clausediff.core.compare.lineage import build_lineage
from clausediff.core.compare.links import LinkKind
from clausediff.core.model import Document
from clausediff.core.render.html import lineage_cell_html
from clausediff.core.render.palette import LIGHT


def _marked(cell: str, style: str) -> str:
    """The text of the spans of ``cell`` drawn with ``style`` (struck through, underlined)."""
    spans = re.findall(rf'<span style="[^"]*{style}[^"]*">(.*?)</span>', cell)
    return html.unescape("".join(spans))


def _plain(cell: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", cell))


def test_a_modified_clause_shows_its_deleted_and_its_inserted_words(
    dec2011: Document, dec2013: Document
) -> None:
    lineage = build_lineage([dec2011, dec2013])
    al = lineage.pairs[0]
    recital = next(i for i, c in enumerate(dec2013.clauses) if c.text.startswith("Recalling"))
    lk = al.link_of_right(recital)
    assert lk.kind is LinkKind.MODIFIED
    fam = lineage.family_of(1, recital)
    cell = lineage_cell_html(lineage, fam, 1, LIGHT)
    assert "Seventh" in _marked(cell, "line-through"), "the 2011 word, struck through"
    assert "Eighth" in _marked(cell, "underline"), "the 2013 word, underlined"
    # the words not struck through are exactly the newer clause (with its label before)
    newer = _plain(re.sub(r"<del>.*?</del>", "", cell))
    assert newer.endswith(dec2013.clauses[recital].text)
    older = _plain(re.sub(r"<ins>.*?</ins>", "", cell))
    assert older.endswith(dec2011.clauses[lk.left[0]].text)


def test_the_first_version_and_an_added_clause_strike_nothing(
    dec2011: Document, dec2013: Document
) -> None:
    lineage = build_lineage([dec2011, dec2013])
    for fam in lineage.families:
        first = lineage_cell_html(lineage, fam, 0, LIGHT)
        assert "line-through" not in first and "underline" not in first
        for i in fam.in_version(1):
            lk = lineage.pairs[0].link_of_right(i)
            if lk.kind in (LinkKind.ADDED, LinkKind.UNKNOWN):
                assert "line-through" not in lineage_cell_html(lineage, fam, 1, LIGHT)

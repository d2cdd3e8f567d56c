"""Bracketed text in the compare view's cells: brackets kept, a tint and a dotted line."""

from __future__ import annotations

import html
import re
from pathlib import Path

from clausediff.core.compare.align import align
from clausediff.core.compare.brackets import link_bracket_state
from clausediff.core.read.files import load_file
from clausediff.core.render.html import side_html
from clausediff.core.render.palette import DARK, LIGHT
from clausediff.core.render.redline import side_runs

DRAFTS = Path(__file__).parents[2] / "data" / "drafts"


def test_bracketed_text_keeps_its_brackets_and_is_marked_in_grey_as_in_colour() -> None:
    old, new = load_file(DRAFTS / "JOB-GC-318.txt"), load_file(DRAFTS / "JOB-GC-318-Rev.1.txt")
    al = align(old, new)
    lk = next(lk for lk in al.links if lk.right and new.clauses[lk.right[0]].label == "2")
    runs = side_runs(al, lk, 1)
    assert "".join(r.text for r in runs) == al.side_text(lk, 1)  # (nothing removed)
    assert [r.text for r in runs if r.bracketed] == [
        "[in its sessions of July and December [2027]]"
    ]
    for palette in (LIGHT, DARK):
        cell = side_html(al, lk, 1, palette)
        marked = re.findall(r'<span style="([^"]*)">([^<]*)</span>', cell)
        (style,) = [s for s, text in marked if "[in its sessions" in html.unescape(text)]
        assert f"background-color:{palette.bracket_bg}" in style
        assert "text-underline-style:dotted" in style  # (a line: seen without colour)
    assert link_bracket_state(al, lk) == "partly bracketed"
    recital = next(
        lk for lk in al.links if lk.right and new.clauses[lk.right[0]].text.startswith("[Recog")
    )
    assert link_bracket_state(al, recital) == "fully bracketed"
    agreed = align(new, load_file(DRAFTS / "JOB-GC-318-Rev.2.txt"))
    lifted = next(
        lk for lk in agreed.links if lk.left and new.clauses[lk.left[0]].text.startswith("[Recog")
    )
    assert link_bracket_state(agreed, lifted) == "agreed"


def test_no_bracket_state_without_brackets(dec2011, dec2013) -> None:  # type: ignore[no-untyped-def]
    al = align(dec2011, dec2013)
    assert {link_bracket_state(al, lk) for lk in al.links} == {""}
    assert not any(r.bracketed for lk in al.links for r in side_runs(al, lk, 1))

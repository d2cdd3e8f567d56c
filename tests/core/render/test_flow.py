"""The flow picture's geometry and its SVG, on the four bundled versions."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import pairwise

import pytest

from clausediff.core.compare.lineage import Lineage, build_lineage
from clausediff.core.compare.links import LinkKind
from clausediff.core.model import Document
from clausediff.core.read.files import document_from_text
from clausediff.core.render.flow import BlockKind, End, FlowLayout, layout_flow
from clausediff.core.render.flow_svg import flow_svg
from clausediff.core.render.palette import DARK, PRINT

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def lineage(decl1998: Document, wp1998: Document, dec2011: Document, dec2013: Document) -> Lineage:
    return build_lineage([decl1998, wp1998, dec2011, dec2013])


@pytest.fixture(scope="module")
def layout(lineage: Lineage) -> FlowLayout:
    return layout_flow(lineage)


def test_one_column_per_version_in_date_order(lineage: Lineage, layout: FlowLayout) -> None:
    assert [c.title for c in layout.columns] == [d.info.label for d in lineage.versions]
    assert [c.excerpt for c in layout.columns] == [False, True, True, False]
    xs = [c.x for c in layout.columns]
    assert xs == sorted(xs) and len(set(xs)) == 4


def test_every_family_member_and_every_gap_is_drawn_once(
    lineage: Lineage, layout: FlowLayout
) -> None:
    drawn = [(b.version, b.clause, b.family) for b in layout.blocks if b.kind is BlockKind.CLAUSE]
    members = [(v, i, f.id) for f in lineage.families for v, ix in f.members for i in ix]
    assert sorted(drawn) == sorted(members)
    gaps = [(b.version, b.clause) for b in layout.blocks if b.kind is BlockKind.GAP]
    assert gaps == [
        (v, c.index) for v, d in enumerate(lineage.versions) for c in d.clauses if c.is_gap
    ]


def test_blocks_do_not_overlap_within_a_column_and_keep_reading_order(
    layout: FlowLayout,
) -> None:
    for column in layout.columns:
        blocks = [b for b in layout.blocks if b.version == column.version]
        assert blocks
        for a, b in pairwise(blocks):
            assert a.box.y + a.box.h < b.box.y  # (drawn top to bottom, a gap between)
            assert a.box.x == b.box.x == column.x
        clauses = [b.clause for b in blocks if b.kind is not BlockKind.PASS]
        assert clauses == sorted(clauses)
        assert all(b.box.y + b.box.h <= layout.legend_top for b in blocks)


def test_band_height_follows_clause_length(lineage: Lineage, layout: FlowLayout) -> None:
    blocks = [b for b in layout.blocks if b.kind is BlockKind.CLAUSE and b.version == 3]
    lengths = [len(lineage.versions[3].clauses[b.clause].text) for b in blocks]
    by_length = [b.box.h for _, b in sorted(zip(lengths, blocks, strict=True), key=lambda p: p[0])]
    assert by_length == sorted(by_length)
    assert by_length[-1] > 4 * by_length[0]


def test_split_fans_out_from_one_block(lineage: Lineage, layout: FlowLayout) -> None:
    (split,) = [lk for lk in lineage.pairs[2].links if lk.kind is LinkKind.SPLIT]
    (source,) = [b for b in layout.blocks if b.version == 2 and b.clause == split.left[0]]
    ribbons = [r for r in layout.ribbons if r.family == source.family and not r.uncertain]
    assert len(ribbons) == len(split.right) == 3
    # the slices tile the block's right edge, top to bottom
    edges = sorted((r.top0, r.bottom0) for r in ribbons)
    assert edges[0][0] == pytest.approx(source.box.y)
    assert edges[-1][1] == pytest.approx(source.box.y + source.box.h)
    assert all(a[1] == pytest.approx(b[0]) for a, b in pairwise(edges))
    assert [m.text for m in layout.marks] == ["split"]


def test_moratorium_crosses_the_excerpts_gaps_as_uncertain(
    lineage: Lineage, layout: FlowLayout
) -> None:
    last = lineage.versions[3].clauses[-1]
    assert "customs duties on electronic transmissions" in last.text
    family = lineage.family_of(3, last.index).id
    blocks = layout.blocks_of(family)
    assert {b.version for b in blocks} == {0, 1, 2, 3}
    passes = [b for b in blocks if b.kind is BlockKind.PASS]
    assert [b.version for b in passes] == [1, 2]
    for b in passes:  # each beside the gap it may be hidden in
        assert lineage.versions[b.version].clauses[b.clause].is_gap
        gap = next(g for g in layout.blocks if g.kind is BlockKind.GAP and
                   (g.version, g.clause) == (b.version, b.clause))  # fmt: skip
        assert b.box.y > gap.box.y
    width = layout.columns[1].x - layout.columns[0].x - layout.columns[0].width
    across = [r for r in layout.ribbons if r.family == family and r.uncertain]
    spans = [r for r in across if r.x1 - r.x0 == pytest.approx(width)]
    assert len(spans) == 3  # 1998 → WT/L/274's gap → 2011's gap → 2013
    assert all(not r.uncertain for r in layout.ribbons if r.family == family and
               r.x0 < layout.columns[1].x and r.kind is LinkKind.MODIFIED)  # fmt: skip


def test_new_and_dropped_clauses_are_marked(lineage: Lineage, layout: FlowLayout) -> None:
    by_place = {(b.version, b.clause): b for b in layout.blocks}
    ministers = by_place[(0, 2)]
    assert lineage.versions[0].clauses[2].text == "Ministers,"
    assert ministers.end is End.DROPPED
    session_line = by_place[(3, 0)]
    assert session_line.start is End.NEW
    assert all(b.start is End.NONE for b in layout.blocks if b.version == 0)
    assert all(b.end is End.NONE for b in layout.blocks if b.version == 3)


def test_svg_parses_and_names_every_family(lineage: Lineage, layout: FlowLayout) -> None:
    for palette in (PRINT, DARK):
        root = ET.fromstring(flow_svg(layout, palette))
        assert root.tag == f"{SVG}svg"
        titles = " ".join(t.text or "" for t in root.iter(f"{SVG}title"))
        texts = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
        for fam in lineage.families:
            assert f"{fam.id}: " in titles
        for b in layout.blocks:
            if b.kind is BlockKind.CLAUSE:
                assert b.label in texts
                assert b.words.split()[0] in texts
        assert texts.count("text not available") >= 6  # (five gaps and the legend)


def test_svg_escapes_the_text(decl1998: Document) -> None:
    hostile = document_from_text("Ministers,\n\n1. <script>x</script> &amp; ]]>\n")
    layout = layout_flow(build_lineage([decl1998, hostile]))
    svg = flow_svg(layout, PRINT)
    root = ET.fromstring(svg)  # well formed
    assert "<script>" not in svg
    assert not list(root.iter(f"{SVG}script"))
    texts = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert "<script>x</script> &amp; ]]>" in texts  # the words as they are, as text


def test_the_svg_parses_whatever_characters_the_clauses_hold() -> None:
    """A clause may hold characters an XML file cannot (U+FFFE, a C0 control): the SVG shows
    them as U+FFFD, as the Word exports do, and still parses."""
    old = document_from_text("1. Members shall \ufffe report \x01 <b>annually</b> & more.")
    new = document_from_text("1. Members shall \ufffe report \x01 <b>each year</b> & more.")
    svg = flow_svg(layout_flow(build_lineage([old, new])), PRINT)
    root = ET.fromstring(svg)
    texts = " ".join(t for t in root.itertext())
    assert "\ufffd" in texts and "<b>" in texts and "\ufffe" not in svg

"""The comparison the window shows: a lineage with its first pair annotated once."""

from __future__ import annotations

import pytest

from clausediff.core.compare.config import AlignCancelled
from clausediff.core.read.bundled import load_bundled
from clausediff.session.comparison import Comparison, compare


def test_the_title_in_capitals_is_a_change_of_letter_case_only(bali: Comparison) -> None:
    al = bali.alignment
    (case_only,) = bali.annotations.case_only
    assert al.side_text(al.links[case_only], 1) == "WORK PROGRAMME ON ELECTRONIC COMMERCE"
    assert all(al.only_letter_case(al.links[n]) for n in bali.annotations.case_only)


def test_travelled_sentences_are_described_on_both_sides(bali: Comparison) -> None:
    lines = [full for moves in bali.annotations.moves.values() for _, full in moves]
    assert any("came from" in line for line in lines)
    assert any("went to" in line for line in lines)


def test_a_cancelled_comparison_stops() -> None:
    docs = [load_bundled("WT/L/843"), load_bundled("WT/L/907")]
    with pytest.raises(AlignCancelled):
        compare(docs, cancel=lambda: True)


def test_the_lineage_job_lays_out_its_flow_picture_off_the_window_thread() -> None:
    """Asked with ``flow``, the comparison brings the flow picture's layout along (the
    window then draws it without laying it out); not asked, it brings none."""
    from clausediff.core.render.flow import layout_flow

    docs = [load_bundled(s) for s in ("WT/MIN(98)/DEC/2", "WT/L/843", "WT/L/907")]
    with_flow = compare(docs, flow=True)
    assert with_flow.flow == layout_flow(with_flow.lineage)
    assert with_flow.flow is not None and with_flow.flow.families
    assert compare(docs).flow is None


def test_the_lineage_job_annotates_no_pair() -> None:
    """The lineage view needs no flags nor travelled sentences of the first pair: asked
    without ``annotate``, none are worked out; asked with, they are."""
    docs = [load_bundled("WT/L/843"), load_bundled("WT/L/907")]
    bare = compare(docs, annotate=False)
    assert bare.annotations.flags == () and bare.annotations.moves == {}
    full = compare(docs)
    assert any(full.annotations.flags) and full.annotations.moves

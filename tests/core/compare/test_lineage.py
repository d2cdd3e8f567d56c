"""The lineage of the four bundled versions: the moratorium family crosses the excerpts."""

from __future__ import annotations

from clausediff.core.compare.lineage import build_lineage
from clausediff.core.model import ClauseKind, Document


def test_moratorium_runs_from_1998_to_2013_through_wt_l_274(
    decl1998: Document, wp1998: Document, dec2011: Document, dec2013: Document
) -> None:
    """The rest of the 1998 paragraph went on into WT/L/274 1.1; its moratorium sentence went
    nowhere there, and comes back as the last clause of 2013: one family, with a bridge."""
    lineage = build_lineage([decl1998, wp1998, dec2011, dec2013])
    last = dec2013.clauses[-1]
    assert "customs duties on electronic transmissions" in last.text
    family = lineage.family_of(3, last.index)
    (para,) = family.in_version(0)
    assert "customs duties on electronic transmissions" in decl1998.clauses[para].text
    assert [wp1998.clauses[i].label for i in family.in_version(1)] == ["1.1"]
    assert family.in_version(2) == ()  # (in the 2011 excerpt's gap)
    assert (0, para, 3, last.index) in lineage.bridges


def test_families_partition_the_clauses_of_the_four_versions(
    decl1998: Document, wp1998: Document, dec2011: Document, dec2013: Document
) -> None:
    docs = [decl1998, wp1998, dec2011, dec2013]
    lineage = build_lineage(docs)
    seen = [(v, i) for f in lineage.families for v, ix in f.members for i in ix]
    expected = [
        (v, c.index) for v, d in enumerate(docs) for c in d.clauses if c.kind is not ClauseKind.GAP
    ]
    assert sorted(seen) == sorted(expected)

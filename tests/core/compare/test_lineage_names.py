"""Clause families are named by their label and first words, not by their id."""

from __future__ import annotations

from clausediff.core.compare.lineage import build_lineage, family_name
from clausediff.core.model import Document, leading_words
from clausediff.core.render.serialize import lineage_json


def test_families_are_named_by_the_newest_label_and_lead_words(
    decl1998: Document, wp1998: Document, dec2011: Document, dec2013: Document
) -> None:
    lineage = build_lineage([decl1998, wp1998, dec2011, dec2013])
    names = [family_name(lineage, f) for f in lineage.families]
    assert len(set(names)) == len(names), "every family has a name of its own"
    for fam, name in zip(lineage.families, names, strict=True):
        version, indices = fam.members[-1]
        doc = lineage.versions[version]
        clause = doc.clauses[indices[0]]
        assert name.startswith(doc.labels(indices))
        assert leading_words(clause.text, 4) in name
        assert fam.id not in name.split()
        ends_earlier = version < len(lineage.versions) - 1
        assert (f"({doc.info.label})" in name) is ends_earlier
    moratorium = next(
        f
        for f in lineage.families
        if "customs duties" in dec2013.clauses[f.in_version(3)[0]].text
        if f.in_version(3)
    )
    assert "That Members will maintain" in family_name(lineage, moratorium)


def test_the_json_keeps_the_family_id_and_adds_its_name(
    dec2011: Document, dec2013: Document
) -> None:
    lineage = build_lineage([dec2011, dec2013])
    families = lineage_json(lineage)["families"]
    assert [f["id"] for f in families] == [f.id for f in lineage.families]
    assert [f["name"] for f in families] == [family_name(lineage, f) for f in lineage.families]

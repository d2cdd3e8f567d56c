"""The lineage's list of changes: what happened to each family at each step."""

from __future__ import annotations

from clausediff.core.compare.lineage import build_lineage
from clausediff.core.compare.links import LinkKind
from clausediff.core.read.bundled import load_bundled
from clausediff.session.families import changes_text, step_kinds


def test_each_family_names_the_steps_where_it_changed() -> None:
    docs = [load_bundled(s) for s in ("WT/L/274", "WT/L/843", "WT/L/907")]
    lineage = build_lineage(docs)
    recital = next(
        f
        for f in lineage.families
        if any(docs[2].clauses[j].text.startswith("Recalling") for j in f.in_version(2))
    )
    steps = dict(step_kinds(lineage, recital))
    assert LinkKind.MODIFIED in steps[2]
    assert "modified in 2013 Bali Decision" in changes_text(lineage, recital)
    for fam in lineage.families:
        for v, kinds in step_kinds(lineage, fam):
            assert kinds and LinkKind.UNCHANGED not in kinds
            al = lineage.pairs[v - 1]
            links = [al.link_of_right(j) for j in fam.in_version(v)]
            links += [al.link_of_left(i) for i in fam.in_version(v - 1)]
            assert set(kinds) == {lk.kind for lk in links if lk.kind.is_change}

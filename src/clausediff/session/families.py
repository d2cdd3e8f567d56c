"""What happened to a clause family from one version to the next, for the lineage's list
of changes (the window's side panel while the lineage shows).

Contract: from a :class:`~clausediff.core.compare.lineage.Lineage` and one of its
families, the kinds of change at each step between consecutive versions, in words the
wording module gives; nothing here imports Qt.
"""

from __future__ import annotations

from clausediff.core.compare.lineage import Family, Lineage
from clausediff.core.compare.links import LinkKind
from clausediff.core.render.wording import KIND_TEXT


def step_kinds(lineage: Lineage, family: Family) -> list[tuple[int, tuple[LinkKind, ...]]]:
    """For each step ``v`` (version ``v - 1`` to ``v``) where the family changed, the kinds
    of its links there, in the order of :class:`LinkKind` (unchanged left out)."""
    out = []
    for v in range(1, len(lineage.versions)):
        al = lineage.pairs[v - 1]
        found = {al.link_of_right(j).kind for j in family.in_version(v)}
        found |= {al.link_of_left(i).kind for i in family.in_version(v - 1)}
        kinds = tuple(k for k in LinkKind if k in found and k.is_change)
        if kinds:
            out.append((v, kinds))
    return out


def changes_text(lineage: Lineage, family: Family) -> list[str]:
    """A line per step where the family changed, named by the version it changed into
    ("modified, split in 2013 Bali Decision")."""
    return [
        f"{', '.join(KIND_TEXT[k] for k in kinds)} in {lineage.versions[v].info.label}"
        for v, kinds in step_kinds(lineage, family)
    ]

"""Find: which rows of the comparison and which clause families hold a text.

Contract: matching is case-insensitive on the clause texts as they are (never on their
normalised form), on both sides of a link and in every version of a family. Functions
return positions in the sequences they are given, in order.
"""

from __future__ import annotations

from collections.abc import Sequence

from clausediff.core.compare.lineage import Lineage
from clausediff.core.compare.links import Alignment, ClauseLink


def matching_links(alignment: Alignment, links: Sequence[ClauseLink], text: str) -> list[int]:
    """Positions in ``links`` (rows of a view) whose older or newer text holds ``text``."""
    if not text:
        return []
    needle = text.casefold()
    return [
        row
        for row, lk in enumerate(links)
        if needle in (alignment.side_text(lk, 0) + "\n" + alignment.side_text(lk, 1)).casefold()
    ]


def matching_families(lineage: Lineage, families: Sequence[int], text: str) -> list[int]:
    """Positions in ``families`` (family numbers, rows of a view) whose clauses in any
    version hold ``text``."""
    if not text:
        return []
    needle = text.casefold()
    out = []
    for row, number in enumerate(families):
        fam = lineage.families[number]
        hay = "\n".join(lineage.versions[v].clauses[i].text for v, idx in fam.members for i in idx)
        if needle in hay.casefold():
            out.append(row)
    return out


def next_hit(hits: Sequence[int], current: int) -> int:
    """The first hit after ``current``, wrapping at the end (-1 without hits)."""
    if not hits:
        return -1
    return next((r for r in hits if r > current), hits[0])


def previous_hit(hits: Sequence[int], current: int) -> int:
    """The last hit before ``current``, wrapping at the start (-1 without hits)."""
    if not hits:
        return -1
    return next((r for r in reversed(hits) if r < current), hits[-1])


def hit_position(hits: Sequence[int], current: int) -> str:
    """ "3 of 12" when ``current`` is a hit, "12 hits" otherwise ("no hits" without any)."""
    if not hits:
        return "no hits"
    if current in hits:
        return f"{list(hits).index(current) + 1} of {len(hits)}"
    return f"{len(hits)} hit{'s' if len(hits) != 1 else ''}"

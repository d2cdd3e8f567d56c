"""Find: rows and families that hold a text, case-insensitively, on the texts as they are."""

from __future__ import annotations

from clausediff.core.compare.lineage import Lineage
from clausediff.session.comparison import Comparison
from clausediff.session.finding import matching_families, matching_links, next_hit


def test_rows_holding_a_word_of_either_version(bali: Comparison) -> None:
    al = bali.alignment
    links = list(al.links)
    rows = matching_links(al, links, "REINVIGORAT")
    assert rows, "the recital and the operative paragraph speak of reinvigoration"
    for r in rows:
        both = (al.side_text(links[r], 0) + al.side_text(links[r], 1)).casefold()
        assert "reinvigorat" in both
    # "Seventh" is only in the older recital, "Eighth" only in the newer one: the same row
    assert matching_links(al, links, "seventh") == matching_links(al, links, "Eighth")
    assert matching_links(al, links, "") == []
    assert matching_links(al, links, "no such words anywhere") == []


def test_families_holding_a_text_in_any_version(lineage3: Lineage) -> None:
    every = list(range(len(lineage3.families)))
    hits = matching_families(lineage3, every, "customs duties")
    assert hits
    texts = [
        " ".join(
            lineage3.versions[v].clauses[i].text
            for v, idx in lineage3.families[every[h]].members
            for i in idx
        ).casefold()
        for h in hits
    ]
    assert all("customs duties" in t for t in texts)
    # positions are in the sequence given: a reversed list gives mirrored positions
    backwards = every[::-1]
    assert (
        sorted(len(every) - 1 - h for h in matching_families(lineage3, backwards, "customs duties"))
        == hits
    )


def test_next_hit_wraps_at_the_end() -> None:
    assert next_hit([2, 5, 9], 5) == 9
    assert next_hit([2, 5, 9], 9) == 2
    assert next_hit([2, 5, 9], -1) == 2
    assert next_hit([], 3) == -1

"""One draft against all earlier ones, for the window: the series brief and, for each clause
family, the flagged changes it holds.

Contract: :func:`series_attribution` takes a lineage of three or more versions (oldest
first), aligns its first version with its newest (the direct comparison) and returns a
:class:`SeriesAttribution`: the :class:`~clausediff.core.render.brief.SeriesBrief` (each
flagged change with the drafts that made it, worked out by
:mod:`clausediff.core.compare.attribution`) and, by family id, the numbers of the brief's
items that fall in that family: the family of the newest clause that holds the flagged
words, or of the first version's clause where the newest version has none (a dropped
clause). A lineage of two versions has no series: None. It may run on any thread;
``cancel`` is polled between stages. Rendering is :mod:`clausediff.core.render.brief`'s job.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from clausediff.core.compare.align import align
from clausediff.core.compare.config import DEFAULT_CONFIG, AlignConfig, Cancel, check
from clausediff.core.compare.lineage import Lineage
from clausediff.core.compare.links import SIDE_JOINER, Alignment
from clausediff.core.model import Document, Span
from clausediff.core.render.brief import BriefItem, SeriesBrief, build_series_brief

#: A series has at least this many versions.
SERIES_VERSIONS = 3


@dataclass(frozen=True, slots=True)
class SeriesAttribution:
    """A series brief and, by family id, the numbers of its items in that family."""

    brief: SeriesBrief
    by_family: Mapping[str, tuple[int, ...]]

    def of_family(self, family_id: str) -> list[tuple[BriefItem, tuple[str, ...]]]:
        """The flagged changes of a family since the first version, each with its drafts
        (in the brief's order: gravest first)."""
        return [self.brief.items[k] for k in self.by_family.get(family_id, ())]


def series_attribution(
    lineage: Lineage, config: AlignConfig = DEFAULT_CONFIG, cancel: Cancel | None = None
) -> SeriesAttribution | None:
    """The series attribution of ``lineage``; see the module contract."""
    if len(lineage.versions) < SERIES_VERSIONS:
        return None
    direct = align(lineage.versions[0], lineage.versions[-1], config, cancel=cancel)
    check(cancel)
    brief = build_series_brief(lineage, direct)
    return SeriesAttribution(brief, families_of_items(lineage, direct, brief))


def families_of_items(
    lineage: Lineage, direct: Alignment, brief: SeriesBrief
) -> dict[str, tuple[int, ...]]:
    """By family id, the numbers of the brief's items that fall in it."""
    newest = len(lineage.versions) - 1
    found: dict[str, list[int]] = {}
    for k, (item, _by) in enumerate(brief.items):
        link = direct.links[item.link]
        if link.right:
            version, doc, clauses, span = newest, direct.right, link.right, item.flag.right
        else:
            version, doc, clauses, span = 0, direct.left, link.left, item.flag.left
        for clause in _holding(doc, clauses, span):
            family = lineage.find_family(version, clause)
            if family is not None and k not in found.setdefault(family.id, []):
                found[family.id].append(k)
    return {fid: tuple(ks) for fid, ks in found.items()}


def _holding(doc: Document, clauses: Sequence[int], span: Span | None) -> tuple[int, ...]:
    """The clause of a joined side that holds ``span`` (all of them without a span)."""
    if span is None or len(clauses) == 1:
        return tuple(clauses)
    at = 0
    for i in clauses:
        end = at + len(doc.clauses[i].text)
        if span.start < end + len(SIDE_JOINER):
            return (i,)
        at = end + len(SIDE_JOINER)
    return (clauses[-1],)

"""The current comparison: what the window shows and the commands print for a set of
versions.

Contract: :func:`compare` runs the lineage of two or more versions (their pairwise
alignments and clause families) and works out, once, what the views say of each link of the
first pair beyond its kind (:class:`LinkAnnotations`); asked, it lays out the flow picture
and attributes a series' changes to its drafts (:mod:`clausediff.session.series`). It may
run on any thread; ``cancel`` is polled between stages. A comparison of more clauses in all
than the configuration's ``limits.max_comparison_clauses`` is refused before anything is
aligned. A review's corrections (clauses paired by hand or kept apart) are applied to the
pairs they name (:func:`corrected_lineage`); those that no longer apply are kept on the
result to be told. The result is immutable but for the notes placed on it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from clausediff.core import collector
from clausediff.core.compare.align import align
from clausediff.core.compare.config import DEFAULT_CONFIG, AlignConfig, Cancel, Limits, check
from clausediff.core.compare.flag_rules import Flag, rules_problem
from clausediff.core.compare.flags import alignment_flags
from clausediff.core.compare.lineage import Lineage, build_lineage
from clausediff.core.compare.links import Alignment
from clausediff.core.errors import ClauseDiffError
from clausediff.core.model import Document
from clausediff.core.render.flow import FlowLayout, layout_flow
from clausediff.core.render.wording import sentence_moves
from clausediff.core.store.corrections import Applied, Stale, for_versions
from clausediff.core.store.review import Correction, PlacedNote
from clausediff.session.series import SeriesAttribution, series_attribution


class LinkAnnotations:
    """What the views say of a link beyond its kind: the sentences that travelled into or
    out of its clauses, whether only the letter case changed, and its substantive-change
    flags. Worked out once per alignment and shared by everything that shows it (never
    while painting)."""

    def __init__(self, alignment: Alignment | None, *, cancel: Cancel | None = None) -> None:
        al = alignment
        self.moves: dict[int, list[tuple[str, str]]] = sentence_moves(al) if al else {}
        self.case_only: frozenset[int] = (
            frozenset(n for n, lk in enumerate(al.links) if al.only_letter_case(lk))
            if al
            else frozenset()
        )
        self.flags: tuple[tuple[Flag, ...], ...] = alignment_flags(al, cancel=cancel) if al else ()
        #: why nothing is flagged, when the rules in force cannot be used ("" otherwise)
        self.flags_problem = rules_problem() if al else ""


@dataclass(slots=True)
class Comparison:
    """A lineage and the annotations of its first pair; ``notes_by_link``: the open
    review's notes on the links of that pair (placed by :mod:`clausediff.session.reviewing`)."""

    lineage: Lineage
    annotations: LinkAnnotations
    notes_by_link: dict[int, list[PlacedNote]] = field(default_factory=dict)
    #: the corrections applied to each pair of the lineage, and those no longer applying
    corrected: tuple[Applied, ...] = ()
    stale: tuple[Stale, ...] = ()
    #: the flow picture's layout, when it was asked for (worked out with the lineage, off
    #: the window's thread: it grows with the number of clauses)
    flow: FlowLayout | None = None
    #: the newest version against the first, each flagged change with the draft that made
    #: it, when it was asked for and there are three or more versions (the lineage's job)
    series: SeriesAttribution | None = None

    @property
    def alignment(self) -> Alignment:
        return self.lineage.pairs[0]

    @property
    def versions(self) -> tuple[Document, ...]:
        return self.lineage.versions


def check_size(versions: Sequence[Document], limits: Limits) -> None:
    """Refuse a comparison of more clauses in all than ``limits.max_comparison_clauses``
    (before anything is aligned), with a message that says how many and what to do."""
    total = sum(len(doc.clauses) for doc in versions)
    if total > limits.max_comparison_clauses:
        raise ClauseDiffError(
            f"The {len(versions)} versions hold {total:,} clauses in all; ClauseDiff compares "
            f"at most {limits.max_comparison_clauses:,} clauses at once. Compare fewer "
            "versions at a time."
        )


def compare(
    versions: Sequence[Document],
    config: AlignConfig = DEFAULT_CONFIG,
    *,
    cancel: Cancel | None = None,
    freeze: bool = False,
    corrections: Sequence[Correction] = (),
    flow: bool = False,
    series: bool = False,
    annotate: bool = True,
) -> Comparison:
    """The lineage of ``versions`` (in the order given) with its first pair annotated, and
    ``corrections`` (a review's) applied to the pairs they name.

    ``freeze``: keep the results out of the cyclic collector's reach for good (a window's
    background job; see :func:`clausediff.core.collector.paused`). ``flow``: lay out the
    flow picture of the lineage too. ``series``: of three or more versions, attribute each
    flagged change of the newest against the first to the draft that made it
    (:func:`clausediff.session.series.series_attribution`). Without ``annotate``, the first
    pair is not annotated (no flags, no travelled sentences: the lineage view needs none).
    """
    check_size(versions, config.limits)
    with collector.paused(freeze=freeze):
        lineage, corrected, stale = corrected_lineage(versions, config, corrections, cancel)
        check(cancel)
        return Comparison(
            lineage,
            LinkAnnotations(lineage.pairs[0] if annotate else None, cancel=cancel),
            corrected=tuple(corrected),
            stale=stale,
            flow=layout_flow(lineage) if flow else None,
            series=series_attribution(lineage, config, cancel) if series else None,
        )


def corrected_lineage(
    versions: Sequence[Document],
    config: AlignConfig = DEFAULT_CONFIG,
    corrections: Sequence[Correction] = (),
    cancel: Cancel | None = None,
) -> tuple[Lineage, list[Applied], tuple[Stale, ...]]:
    """The lineage of ``versions`` (in the order given), each consecutive pair aligned with
    the corrections that name it; the corrections applied per pair, and the stale ones."""
    if not corrections:
        return build_lineage(versions, config, cancel=cancel), [], ()
    corrected, stale = for_versions(corrections, versions)
    pairs = []
    for (a, b), applied in zip(itertools.pairwise(versions), corrected, strict=True):
        check(cancel)
        pairs.append(align(a, b, config, constraints=applied.constraints, cancel=cancel))
    lineage = build_lineage(versions, config, pairs=pairs, cancel=cancel)
    return lineage, corrected, tuple(stale)

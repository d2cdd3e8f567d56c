"""The current comparison: what the window shows and the commands print for a set of
versions.

Contract: :func:`compare` runs the lineage of two or more versions (their pairwise
alignments and clause families) and works out, once, what the views say of each link of the
first pair beyond its kind (:class:`LinkAnnotations`). It may run on any thread; ``cancel``
is polled between stages. A comparison of more clauses in all than the configuration's
``limits.max_comparison_clauses`` is refused before anything is aligned. The result is
immutable but for the notes placed on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from clausediff.core import collector
from clausediff.core.compare.config import DEFAULT_CONFIG, AlignConfig, Cancel, Limits
from clausediff.core.compare.flag_rules import Flag
from clausediff.core.compare.flags import alignment_flags
from clausediff.core.compare.lineage import Lineage, build_lineage
from clausediff.core.compare.links import Alignment
from clausediff.core.errors import ClauseDiffError
from clausediff.core.model import Document
from clausediff.core.render.wording import sentence_moves
from clausediff.core.store.review import PlacedNote


class LinkAnnotations:
    """What the views say of a link beyond its kind: the sentences that travelled into or
    out of its clauses, whether only the letter case changed, and its substantive-change
    flags. Worked out once per alignment and shared by everything that shows it (never
    while painting)."""

    def __init__(self, alignment: Alignment | None) -> None:
        al = alignment
        self.moves: dict[int, list[tuple[str, str]]] = sentence_moves(al) if al else {}
        self.case_only: frozenset[int] = (
            frozenset(n for n, lk in enumerate(al.links) if al.only_letter_case(lk))
            if al
            else frozenset()
        )
        self.flags: tuple[tuple[Flag, ...], ...] = alignment_flags(al) if al else ()


@dataclass(slots=True)
class Comparison:
    """A lineage and the annotations of its first pair; ``notes_by_link``: the open
    review's notes on the links of that pair (placed by :mod:`clausediff.session.reviewing`)."""

    lineage: Lineage
    annotations: LinkAnnotations
    notes_by_link: dict[int, list[PlacedNote]] = field(default_factory=dict)

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
) -> Comparison:
    """The lineage of ``versions`` (in the order given) with its first pair annotated.

    ``freeze``: keep the results out of the cyclic collector's reach for good (a window's
    background job; see :func:`clausediff.core.collector.paused`).
    """
    check_size(versions, config.limits)
    with collector.paused(freeze=freeze):
        lineage = build_lineage(versions, config, cancel=cancel)
        return Comparison(lineage, LinkAnnotations(lineage.pairs[0]))

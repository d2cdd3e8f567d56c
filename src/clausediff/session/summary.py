"""The brief of a comparison: what the Summary tab shows and ``clausediff summary`` prints.

Contract: :func:`brief_of` makes the brief (:class:`~clausediff.core.render.brief.Brief`) of a
comparison's first pair from the flags worked out once with it; :func:`brief_of_versions`
compares two versions (in date order unless told otherwise) and makes theirs;
:func:`brief_of_series` takes three or more: the brief of the last pair, and the newest
version against the first with the draft that made each flagged change. Flags come from
the rules in force (:func:`clausediff.core.compare.flag_rules.default_rules`); a rules file
with a mistake raises :class:`~clausediff.core.compare.flag_rules.FlagRulesError`.
Rendering is :mod:`clausediff.core.render.brief`'s job.
"""

from __future__ import annotations

from collections.abc import Sequence

from clausediff.core.compare.align import align
from clausediff.core.compare.flags import alignment_flags
from clausediff.core.compare.lineage import date_order
from clausediff.core.errors import ClauseDiffError
from clausediff.core.model import Document
from clausediff.core.render.brief import Brief, SeriesBrief, build_brief, build_series_brief
from clausediff.session.comparison import Comparison, compare


def brief_of(comparison: Comparison) -> Brief:
    """The brief of the comparison's first pair."""
    return build_brief(comparison.alignment, comparison.annotations.flags)


def brief_of_versions(versions: Sequence[Document], *, keep_order: bool = False) -> Brief:
    """Compare two versions and make their brief (older first, by date, unless
    ``keep_order``)."""
    if len(versions) != 2:
        raise ClauseDiffError("A brief compares two versions: give exactly two.")
    ordered = list(versions) if keep_order else date_order(list(versions))
    return brief_of(compare(ordered))


def brief_of_series(
    versions: Sequence[Document], *, keep_order: bool = False
) -> tuple[Brief, SeriesBrief]:
    """The brief of the last two of three or more versions (in series order unless
    ``keep_order``), and the newest against the first, each change with its draft."""
    if len(versions) < 3:
        raise ClauseDiffError("A series brief compares three or more versions.")
    ordered = list(versions) if keep_order else date_order(list(versions))
    comparison = compare(ordered)
    lineage = comparison.lineage
    last = lineage.pairs[-1]
    brief = build_brief(last, alignment_flags(last))
    return brief, build_series_brief(lineage, align(ordered[0], ordered[-1]))

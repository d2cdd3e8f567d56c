"""Where each phrase of the newest version came from: what the lineage view shades, its
tooltips and screen-reader lines, the history panel's sentence and ``clausediff history``.

Contract: Qt-free. :class:`PhraseOrigins` holds a lineage's
:class:`~clausediff.core.compare.history.History` (worked out clause by clause as it is
asked, so a view asks only for the rows in sight) and the versions' short names, and says
what the window and the command show of a family's clauses in the newest version. The
words come from :mod:`clausediff.core.render.phrases`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from clausediff.core.compare.history import History, PhraseSpan
from clausediff.core.compare.lineage import Family, Lineage
from clausediff.core.model import Clause
from clausediff.core.render.phrases import history_json, phrase_lines, version_names


class PhraseOrigins:
    """The origins of the newest version's phrases in one lineage."""

    def __init__(self, lineage: Lineage) -> None:
        self.lineage = lineage
        self.history = History(lineage)
        self.names = version_names(lineage.versions)
        self.newest = len(lineage.versions) - 1

    def legend(self) -> list[tuple[int, str]]:
        """``(version, what it means)`` for each version, oldest first."""
        last = self.newest
        return [
            (v, f"since {name}" if v < last else f"new in {name}")
            for v, name in enumerate(self.names)
        ]

    def clauses(self, family: Family) -> list[tuple[Clause, tuple[PhraseSpan, ...]]]:
        """The family's clauses in the newest version with their spans (none if absent)."""
        doc = self.lineage.versions[self.newest]
        return [
            (doc.clauses[i], self.history.spans(self.newest, i))
            for i in family.in_version(self.newest)
        ]

    def lines(self, family: Family) -> list[str]:
        """What the tooltip and a screen reader say of the family's newest clauses: each
        clause's label, then one line per phrase."""
        out = []
        for clause, spans in self.clauses(family):
            out.append(f"{clause.display_label()} — where its words came from:")
            out += [f"  {line}" for line in phrase_lines(clause.text, spans, self.names)]
        return out

    def sentences(self, family: Family) -> list[tuple[str, str]]:
        """``(label, sentence)`` per newest clause, for the history panel."""
        return [
            (clause.display_label(), "; ".join(phrase_lines(clause.text, spans, self.names)))
            for clause, spans in self.clauses(family)
        ]

    def json(self, paths: Sequence[str] | None = None) -> dict[str, Any]:
        return history_json(self.history, self.newest, paths)

"""Runs of styled text for one side of a clause link: what a view or an export draws.

Contract: :func:`side_runs` cuts the joined text of one side of a link into runs that each
carry one change state (unchanged, deleted, inserted), the source emphasis (italic, bold),
whether it lies inside square brackets and whether the run starts a new clause.
Concatenating the run texts gives the side's text exactly. Escaping and styling are the
renderer's job; nothing here produces markup.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from clausediff.core.compare.links import SIDE_JOINER, Alignment, ClauseLink, LinkKind, OpKind
from clausediff.core.model import EmphasisStyle


class Mark(enum.Enum):
    SAME = "same"
    DELETED = "deleted"
    INSERTED = "inserted"


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    mark: Mark
    italic: bool = False
    bold: bool = False
    clause_break: bool = False  # the run is the joiner between two clauses of one side
    bracketed: bool = False  # inside square brackets (text not yet agreed in a draft)


def side_runs(alignment: Alignment, link: ClauseLink, side: int) -> list[Run]:
    doc = alignment.left if side == 0 else alignment.right
    indices = link.left if side == 0 else link.right
    text = SIDE_JOINER.join(doc.clauses[i].text for i in indices)
    if not text:
        return []
    n = len(text)
    mark = [Mark.SAME] * n
    changed = Mark.DELETED if side == 0 else Mark.INSERTED
    for op in link.ops:
        if op.kind is OpKind.EQUAL:
            continue
        span = op.left if side == 0 else op.right
        for k in range(span.start, span.end):
            mark[k] = changed
    if link.kind in (LinkKind.ADDED, LinkKind.DELETED):
        mark = [changed] * n
    italic = [False] * n
    bold = [False] * n
    brk = [False] * n
    bracketed = [False] * n
    offset = 0
    for i in indices:
        clause = doc.clauses[i]
        for e in clause.emphasis:
            target = italic if e.style is EmphasisStyle.ITALIC else bold
            for k in range(offset + e.span.start, offset + e.span.end):
                target[k] = True
        for a, b, _ in clause.brackets:
            bracketed[offset + a : offset + b] = [True] * (b - a)
        offset += len(clause.text)
        if offset < n:
            for k in range(offset, offset + len(SIDE_JOINER)):
                brk[k] = True
            offset += len(SIDE_JOINER)
    runs: list[Run] = []
    start = 0
    for k in range(1, n + 1):
        if k == n or (mark[k], italic[k], bold[k], brk[k], bracketed[k]) != (
            mark[start],
            italic[start],
            bold[start],
            brk[start],
            bracketed[start],
        ):
            runs.append(
                Run(
                    text[start:k],
                    mark[start],
                    italic[start],
                    bold[start],
                    brk[start],
                    bracketed[start],
                )
            )
            start = k
    return runs


def clause_runs(alignment: Alignment, link: ClauseLink, side: int, clause: int) -> list[Run]:
    """The runs of one clause of a side (a split or merged link's side holds several)."""
    indices = link.left if side == 0 else link.right
    if len(indices) == 1:
        return side_runs(alignment, link, side)
    pieces: list[list[Run]] = [[]]
    for run in side_runs(alignment, link, side):
        if run.clause_break:
            pieces.append([])
        else:
            pieces[-1].append(run)
    return pieces[indices.index(clause)]

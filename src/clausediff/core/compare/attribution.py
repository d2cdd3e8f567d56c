"""Which draft made each change of the newest version: one draft against all earlier ones.

Contract: :func:`attribute_flags` takes a :class:`~clausediff.core.compare.lineage.Lineage`
of a series (oldest first), the alignment of its first version with its newest (the direct
comparison) and that alignment's flags, and returns for each flag the versions (indices
into the lineage's versions) whose drafts made the flagged change. The words a flag points
at in the newest version are dated by :class:`~clausediff.core.compare.history.History`
(the version that introduced them); the words (or brackets) it points at in the first
version are carried forward along the lineage's consecutive links, through their unchanged
runs, to the first pair whose word changes touch them: that pair's newer version removed or
changed them. A lifted bracket is thus the draft that took the brackets away, a new bracket
the draft that put them in. An empty answer means the lineage cannot tell (the words lie by
a gap, or the change is a clause-level one the words do not show). Naming the versions is
the caller's job.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from clausediff.core.compare.flag_rules import Flag
from clausediff.core.compare.history import History
from clausediff.core.compare.lineage import Lineage
from clausediff.core.compare.links import SIDE_JOINER, Alignment, ClauseLink, LinkKind, OpKind
from clausediff.core.model import Document, Span
from clausediff.core.text.normalize import token_table


def attribute_flags(
    lineage: Lineage,
    direct: Alignment,
    flags: Sequence[Sequence[Flag]],
    history: History | None = None,
) -> list[list[tuple[int, ...]]]:
    """For each link of ``direct`` and each of its flags, the versions that made it."""
    history = history or History(lineage)
    newest = len(lineage.versions) - 1
    out: list[list[tuple[int, ...]]] = []
    for link, fl in zip(direct.links, flags, strict=True):
        row = []
        for f in fl:
            found: set[int] = set()
            if f.right is not None and link.right:
                found |= _dated(history, newest, direct.right, link.right, f.right)
            if f.left is not None and link.left:
                made = [_carried(lineage, link.left, s) for s in _marks(f, direct, link)]
                if any(m is not None for m in made):
                    found.add(min(m for m in made if m is not None))
            if f.left is None and f.right is None:  # a clause-level event: its clauses
                found |= _clause_event(lineage, history, link)
            row.append(tuple(sorted(found)))
        out.append(row)
    return out


def _marks(flag: Flag, direct: Alignment, link: ClauseLink) -> list[Span]:
    """What of a flag's older words to follow: a bracket flag's own brackets (a bracket
    is lifted, or its text dropped, by the draft that takes its brackets away, whatever
    changed inside it before), else the words."""
    span = flag.left
    assert span is not None
    if flag.rule.startswith("bracket:") and len(span) >= 2:
        text = direct.side_text(link, 0)
        if text[span.start] == "[" and text[span.end - 1] == "]":
            return [Span(span.start, span.start + 1), Span(span.end - 1, span.end)]
    return [span]


def _at(doc: Document, indices: Sequence[int], span: Span) -> tuple[int, Span]:
    """The clause of a joined side text that holds ``span``, and the span in its text."""
    at = 0
    for i in indices:
        end = at + len(doc.clauses[i].text)
        if span.start < end + len(SIDE_JOINER) or i == indices[-1]:
            length = len(doc.clauses[i].text)
            a = min(max(span.start - at, 0), length)
            return i, Span(a, max(a, min(span.end - at, length)))
        at = end + len(SIDE_JOINER)
    raise ValueError("no clause")  # pragma: no cover - indices are never empty here


def _offset(doc: Document, indices: Sequence[int], clause: int) -> int:
    at = 0
    for i in indices:
        if i == clause:
            return at
        at += len(doc.clauses[i].text) + len(SIDE_JOINER)
    return at


def _dated(
    history: History, version: int, doc: Document, indices: Sequence[int], span: Span
) -> set[int]:
    """The versions (after the first) that introduced the words at ``span``."""
    clause, inner = _at(doc, indices, span)
    text = doc.clauses[clause].text
    return {
        p.since
        for p in history.spans(version, clause)
        if p.since > 0
        and min(p.end, inner.end) > max(p.start, inner.start)
        and text[max(p.start, inner.start) : min(p.end, inner.end)].strip()
    }


def _carried(lineage: Lineage, first: Sequence[int], span: Span) -> int | None:
    """The version whose pair first changes the words at ``span`` of the first version's
    joined clauses ``first``; None when none does or the lineage loses them."""
    clause, inner = _at(lineage.versions[0], first, span)
    for k, al in enumerate(lineage.pairs):
        number = al.link_index_of(0, clause)
        link = al.links[number]
        if link.kind is LinkKind.UNKNOWN:
            return None
        if not link.right:
            return k + 1
        base = _offset(al.left, link.left, clause)
        a, b = inner.start + base, inner.end + base
        moved = _through(link, al.side_text(link, 0), al.side_text(link, 1), a, b)
        if moved is None:
            return k + 1
        clause, inner = _at(al.right, link.right, Span(*moved))
    return None


def _through(link: ClauseLink, left: str, right: str, a: int, b: int) -> tuple[int, int] | None:
    """``[a, b)`` of a link's older side carried to its newer side, or None where a word
    change touches it (more than space)."""
    if not link.ops:
        return a, b
    start = end = None
    for op in link.ops:
        lo, hi = op.left.start, op.left.end
        if op.kind is OpKind.EQUAL:
            if lo <= a < hi or (a == hi == lo):
                start = _equal_at(left, right, op.left, op.right, a, start=True)
            if lo < b <= hi:
                end = _equal_at(left, right, op.left, op.right, b, start=False)
            continue
        if lo == hi:  # an insertion: inside the span, it changes it
            if a < lo < b and right[op.right.start : op.right.end].strip():
                return None
            continue
        if max(lo, a) < min(hi, b) and left[max(lo, a) : min(hi, b)].strip():
            return None
        if lo <= a < hi:
            start = op.right.end
        if lo < b <= hi:
            end = op.right.start
    if start is None or end is None:
        return None
    return start, max(start, end)


def _equal_at(left: str, right: str, lspan: Span, rspan: Span, pos: int, *, start: bool) -> int:
    """A position inside an unchanged run carried to the newer text: the same token (an
    unchanged run holds the same tokens on both sides; the space between them may differ)."""
    _k, lstarts, lends = token_table(left[lspan.start : lspan.end])
    _k, rstarts, rends = token_table(right[rspan.start : rspan.end])
    at = pos - lspan.start
    if start:  # the first token that ends after the position
        k = bisect.bisect_right(lends, at)
        if k >= len(rstarts):
            return rspan.end
        return rspan.start + min(rstarts[k] + max(at - lstarts[k], 0), rends[k])
    k = bisect.bisect_left(lstarts, at) - 1  # the last token that starts before it
    if k < 0:
        return rspan.start
    return rspan.start + min(rstarts[k] + (at - lstarts[k]), rends[k])


def _clause_event(lineage: Lineage, history: History, link: ClauseLink) -> set[int]:
    """The versions that made a clause-level event: where its newer clauses' words came
    in, and where its older clauses left the lineage."""
    found: set[int] = set()
    newest = len(lineage.versions) - 1
    for j in link.right:
        spans = history.spans(newest, j)
        if spans and all(p.since > 0 for p in spans):
            found |= {min(p.since for p in spans)}
    for i in link.left:
        text = lineage.versions[0].clauses[i].text
        made = _carried(lineage, (i,), Span(0, len(text)))
        if made is not None and not link.right:
            found.add(made)
    return found

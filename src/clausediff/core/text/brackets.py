"""Square brackets of a negotiating draft: the spans of text not yet agreed, and the
alternatives set side by side.

Contract: :func:`attach_brackets` takes a document's clauses, in order, and returns them
with :attr:`~clausediff.core.model.Clause.brackets` filled in: every matched ``[`` … ``]``
pair as ``(start, end, depth)`` in clause-text coordinates, brackets included, depth 1 for
an outermost bracket. A bracket may open in one clause and close in a later one (a bracketed
list, bracketed paragraphs): each clause then holds its part, from where the bracket opens
to its text's end, the whole of the clauses between, and from the start to where it closes.
A ``[[GAP: …]]`` marker is no bracket, and gap clauses hold none. A bracket that is never
closed, or a ``]`` that closes nothing, is no span: :func:`unbalanced` lists them with
their places, for a warning (never an error). :func:`alternatives` finds the alternatives
of a clause: bracketed spans side by side (``[Alt 1: …] [Alt 2: …]``, ``[3] [5]``,
``[a] or [b]``) or one bracket cut by " / " (``[Option A / Option B]``), labelled or not.
Nothing here changes a text; the brackets stay in it. Drawing is the caller's job.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from clausediff.core.model import Clause, Span
from clausediff.core.text.labels import GAP_RE

#: ``(start, end, depth)`` of a bracketed span of a clause text.
BracketSpan = tuple[int, int, int]

_BRACKET_RE = re.compile(r"[\[\]]")


@dataclass(frozen=True, slots=True)
class Unbalanced:
    """A bracket with no partner: ``char`` at ``offset`` of clause ``clause``'s text."""

    clause: int
    offset: int
    char: str

    @property
    def never_closed(self) -> bool:
        return self.char == "["


def _marks(text: str) -> list[tuple[int, str]]:
    """The bracket characters of a clause text, ``[[GAP: …]]`` markers left out."""
    found = [(m.start(), m.group()) for m in _BRACKET_RE.finditer(text)]
    if "[[" in text:
        gaps = [m.span() for m in GAP_RE.finditer(text)]
        if gaps:
            found = [(i, ch) for i, ch in found if not any(a <= i < b for a, b in gaps)]
    return found


def _match(
    clauses: Sequence[Clause],
) -> tuple[list[tuple[int, int, int, int, int]], list[Unbalanced]]:
    """Matched pairs ``(clause, offset, clause, offset, depth)`` and the unmatched marks."""
    stack: list[tuple[int, int]] = []
    pairs: list[tuple[int, int, int, int, int]] = []
    stray: list[Unbalanced] = []
    for c in clauses:
        if c.is_gap or ("[" not in c.text and "]" not in c.text):
            continue
        for offset, ch in _marks(c.text):
            if ch == "[":
                stack.append((c.index, offset))
            elif stack:
                ci, oi = stack.pop()
                pairs.append((ci, oi, c.index, offset, 0))
            else:
                stray.append(Unbalanced(c.index, offset, "]"))
    stray.extend(Unbalanced(ci, oi, "[") for ci, oi in stack)
    stray.sort(key=lambda u: (u.clause, u.offset))
    # depth: how many matched pairs hold a pair (a bracket never closed holds none)
    pairs.sort()
    closes: list[tuple[int, int]] = []
    for n, (ci, oi, cj, oj, _) in enumerate(pairs):
        while closes and closes[-1] < (ci, oi):
            closes.pop()
        pairs[n] = (ci, oi, cj, oj, len(closes) + 1)
        closes.append((cj, oj))
    return pairs, stray


def attach_brackets(clauses: Sequence[Clause]) -> tuple[Clause, ...]:
    """``clauses`` with their bracketed spans; see the module contract."""
    pairs, _ = _match(clauses)
    if not pairs:
        return tuple(clauses)
    spans: dict[int, list[BracketSpan]] = {}
    for ci, oi, cj, oj, depth in pairs:
        if ci == cj:
            spans.setdefault(ci, []).append((oi, oj + 1, depth))
            continue
        spans.setdefault(ci, []).append((oi, len(clauses[ci].text), depth))
        for k in range(ci + 1, cj):
            if not clauses[k].is_gap:
                spans.setdefault(k, []).append((0, len(clauses[k].text), depth))
        spans.setdefault(cj, []).append((0, oj + 1, depth))
    out = list(clauses)
    for k, found in spans.items():
        found.sort(key=lambda s: (s[0], -s[1]))
        out[k] = replace(out[k], brackets=tuple(found))
    return tuple(out)


def unbalanced(clauses: Sequence[Clause]) -> list[Unbalanced]:
    """The brackets of ``clauses`` that have no partner, in reading order."""
    return _match(clauses)[1]


def unbalanced_note(clauses: Sequence[Clause], limit: int = 5) -> str:
    """A reader's note on the unbalanced brackets of a document ('' when there are none):
    where each one is, by clause and the words around it."""
    found = unbalanced(clauses)
    if not found:
        return ""
    places = []
    for u in found[:limit]:
        c = clauses[u.clause]
        a, b = u.offset, u.offset + 1
        for _ in range(3):  # (three words either side, as they stand)
            a = c.text.rfind(" ", 0, max(0, a - 1)) + 1
            b = c.text.find(" ", b + 1) if c.text.find(" ", b + 1) >= 0 else len(c.text)
        where = f"paragraph {c.label}" if c.label else f"¶{c.index + 1}"
        what = "opened and never closed" if u.never_closed else "closes no bracket"
        places.append(f"{where}, “{' '.join(c.text[a:b].split())}” ({what})")
    more = f"; and {len(found) - limit} more" if len(found) > limit else ""
    n = len(found)
    return (
        f"{n} unbalanced square bracket{'s' if n != 1 else ''}: " + "; ".join(places) + more + "."
    )


class BracketState:
    """How much of a clause is bracketed (not yet agreed)."""

    AGREED = "agreed"
    PARTLY = "partly bracketed"
    FULLY = "fully bracketed"


_EDGE = " \t\r\n.,;:"


def bracket_state(clause: Clause) -> str:
    """:class:`BracketState` of a clause: fully bracketed when one outermost bracket holds
    all its words (a stop or a comma after it aside), partly when it has any bracket."""
    if not clause.brackets:
        return BracketState.AGREED
    text = clause.text
    for start, end, depth in clause.brackets:
        if depth == 1 and not text[:start].strip(_EDGE) and not text[end:].strip(_EDGE):
            return BracketState.FULLY
    return BracketState.PARTLY


def inner(text: str, span: tuple[int, int]) -> Span:
    """The span inside a bracketed span's own brackets (a part that goes on into another
    clause has no bracket at that end)."""
    start, end = span
    a = start + 1 if start < end and text[start] == "[" else start
    b = end - 1 if end > a and text[end - 1] == "]" else end
    return Span(a, b)


#: A label opening an alternative: "Alt 1:", "Alternative 2 –", "Option A:", "Variant B.".
LABEL_RE = re.compile(
    r"\s*((?:Alt(?:ernative)?|Option|Variant)\.?\s*[A-Z0-9]{1,3})\s*(?:[:.)]|[–—-](?=\s))?\s*",
    re.IGNORECASE,
)

#: What may stand between two bracketed alternatives: space, a slash or "or".
_BETWEEN_RE = re.compile(r"\s*(?:/|or)?\s*", re.IGNORECASE)

#: The cut between alternatives inside one bracket: a slash with space around it.
_SLASH_RE = re.compile(r"\s+/\s+")


@dataclass(frozen=True, slots=True)
class Alternative:
    """One of a group of alternatives: ``span`` is its text (without its label)."""

    span: Span
    label: str
    #: the bracketed span that holds it (the whole group's, for ``[A / B]``)
    bracket: BracketSpan


@dataclass(frozen=True, slots=True)
class AlternativeGroup:
    """Alternatives side by side; ``span`` covers them all, brackets included."""

    span: Span
    alternatives: tuple[Alternative, ...]


def _alternative(text: str, bracket: BracketSpan, a: int, b: int) -> Alternative:
    m = LABEL_RE.match(text, a, b)
    label = ""
    if m and m.end() < b:
        label = " ".join(m.group(1).split())
        a = m.end()
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return Alternative(Span(a, b), label, bracket)


def alternatives(text: str, brackets: Sequence[BracketSpan]) -> tuple[AlternativeGroup, ...]:
    """The groups of alternatives among a clause's bracketed spans; see the contract."""
    groups: list[AlternativeGroup] = []
    used: set[int] = set()
    ordered = sorted(brackets, key=lambda s: (s[0], -s[1]))
    for k, first in enumerate(ordered):
        if k in used:
            continue
        run = [first]
        end = first[1]
        for j in range(k + 1, len(ordered)):
            nxt = ordered[j]
            if nxt[0] < end:
                continue  # (nested inside the run's last bracket)
            if nxt[2] != first[2]:
                break
            gap = _BETWEEN_RE.match(text, end, nxt[0])
            if gap is None or gap.end() != nxt[0]:
                break
            run.append(nxt)
            used.add(j)
            end = nxt[1]
        if len(run) >= 2:
            alts = tuple(_alternative(text, s, *inner(text, (s[0], s[1]))) for s in run)
            groups.append(AlternativeGroup(Span(run[0][0], run[-1][1]), alts))
            continue
        a, b = inner(text, (first[0], first[1]))
        cuts = [m for m in _SLASH_RE.finditer(text, a, b) if not _nested(m.start(), first, ordered)]
        if cuts:
            bounds = [a] + [x for m in cuts for x in (m.start(), m.end())] + [b]
            alts = tuple(
                _alternative(text, first, bounds[i], bounds[i + 1])
                for i in range(0, len(bounds), 2)
            )
            groups.append(AlternativeGroup(Span(first[0], first[1]), alts))
    return tuple(groups)


def _nested(pos: int, outer: BracketSpan, spans: Sequence[BracketSpan]) -> bool:
    """Whether ``pos`` lies in a bracket nested inside ``outer``."""
    return any(
        s is not outer and outer[0] <= s[0] and s[1] <= outer[1] and s[0] < pos < s[1]
        for s in spans
    )

"""Bracket events between two versions of a negotiating draft, per clause link.

Contract: :func:`bracket_events` takes an :class:`Alignment` and one of its links and returns
the :class:`BracketEvent` values of that link, in reading order: a bracket **lifted** (its
words kept, its brackets gone: now agreed; ``changed`` when words inside it changed too),
bracketed text **dropped**, a bracket **added** (new text in brackets, or old text put in
brackets), an **alternative chosen** (a group of alternatives settled on one: which one,
of how many), an **alternative added** to a group, and words **changed inside** a bracket
that stays. It reads the clauses' bracketed spans (segmentation found them) and the link's
word changes: a position of the older text is carried to the newer one through the
unchanged runs. Links opposite a gap (unknown) and gap clauses have no events. Spans are in
the coordinates of the link's joined side texts (:meth:`Alignment.side_text`). Counting
events and wording them for a reader is the caller's job.
"""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass

from clausediff.core.compare.links import SIDE_JOINER, Alignment, ClauseLink, LinkKind, OpKind
from clausediff.core.model import Span
from clausediff.core.text.brackets import (
    AlternativeGroup,
    BracketSpan,
    BracketState,
    alternatives,
    bracket_state,
    inner,
)

_WORD_RE = re.compile(r"\w+")
_NOT_TEXT = " \t\r\n[]"


class BracketEventKind(enum.Enum):
    LIFTED = "lifted"
    DROPPED = "dropped"
    ADDED = "added"
    ALTERNATIVE_CHOSEN = "alternative_chosen"
    ALTERNATIVE_ADDED = "alternative_added"
    CHANGED_INSIDE = "changed_inside"


@dataclass(frozen=True, slots=True)
class BracketEvent:
    """What became of a bracket. ``text`` is the bracketed text without its outer brackets
    (and without an alternative's label), as it stands in the newer version (the older one
    for a drop); ``left`` and ``right`` are the bracketed spans (brackets included) or, for
    the side where the brackets are gone, where their text now stands."""

    kind: BracketEventKind
    text: str
    left: Span | None
    right: Span | None
    depth: int = 1
    #: lifted: words inside changed as well
    changed: bool = False
    #: changed inside: the older text
    was: str = ""
    #: alternatives: the label ("Alt 1", "Option B", or ""), its place and the group's size
    label: str = ""
    alternative: int = 0
    of: int = 0
    #: alternative chosen: the whole group in the older text (the alternatives let go
    #: with it), as a span of the older side's text
    group: Span | None = None


@dataclass(frozen=True, slots=True)
class _Side:
    text: str
    brackets: tuple[BracketSpan, ...]
    groups: tuple[AlternativeGroup, ...]


def _side(alignment: Alignment, link: ClauseLink, side: int) -> _Side:
    doc = alignment.left if side == 0 else alignment.right
    idx = link.left if side == 0 else link.right
    spans: list[BracketSpan] = []
    base = 0
    for i in idx:
        c = doc.clauses[i]
        spans.extend((a + base, b + base, d) for a, b, d in c.brackets)
        base += len(c.text) + len(SIDE_JOINER)
    text = alignment.side_text(link, side) if idx else ""
    brackets = tuple(spans)
    return _Side(text, brackets, alternatives(text, brackets) if brackets else ())


def has_brackets(alignment: Alignment, link: ClauseLink) -> bool:
    """Whether either side of a link holds a bracket (else it has no events)."""
    return any(alignment.left.clauses[i].brackets for i in link.left) or any(
        alignment.right.clauses[j].brackets for j in link.right
    )


class _Map:
    """Positions of the older text carried to the newer one through a link's word ops."""

    def __init__(self, link: ClauseLink, left: str, right: str) -> None:
        ops = [op for op in link.ops if len(op.left)] if link.ops else []
        self.ops = ops
        self.starts = [op.left.start for op in ops]
        self.ends = [op.left.end for op in ops]
        self.identity = not ops
        self.right_len = len(right)
        self.all_ops = link.ops

    def start(self, pos: int) -> int:
        if self.identity:
            return min(pos, self.right_len)
        k = bisect.bisect_right(self.starts, pos) - 1
        if k < 0:
            return 0
        op = self.ops[k]
        if pos >= op.left.end:
            return op.right.end
        if op.kind is OpKind.EQUAL:
            return min(op.right.start + pos - op.left.start, op.right.end)
        return op.right.start

    def end(self, pos: int) -> int:
        if self.identity:
            return min(pos, self.right_len)
        k = bisect.bisect_left(self.ends, pos)
        if k >= len(self.ops):
            return self.right_len
        op = self.ops[k]
        if pos <= op.left.start:
            return op.right.start
        if op.kind is OpKind.EQUAL:
            return min(op.right.start + pos - op.left.start, op.right.end)
        return op.right.end

    def kept_share(self, text: str, a: int, b: int) -> float:
        """The share of the words in ``[a, b)`` of the older text that are unchanged."""
        words = [m.start() for m in _WORD_RE.finditer(text, a, b)]
        if not words:
            return 1.0 if self.identity else 0.0
        if self.identity:
            return 1.0
        kept = 0
        for w in words:
            k = bisect.bisect_right(self.starts, w) - 1
            if k >= 0 and w < self.ends[k] and self.ops[k].kind is OpKind.EQUAL:
                kept += 1
        return kept / len(words)

    def right_kept_share(self, text: str, a: int, b: int) -> float:
        """The share of the words in ``[a, b)`` of the newer text that were there before."""
        words = [m.start() for m in _WORD_RE.finditer(text, a, b)]
        if not words:
            return 0.0
        if self.identity:
            return 1.0
        kept = 0
        for w in words:
            for op in self.all_ops:
                if op.right.start <= w < op.right.end:
                    kept += op.kind is OpKind.EQUAL
                    break
        return kept / len(words)


def _children(spans: Sequence[BracketSpan], outer: BracketSpan) -> list[tuple[int, int]]:
    return [
        (s[0], s[1])
        for s in spans
        if s is not outer and outer[0] <= s[0] and s[1] <= outer[1] and s[2] > outer[2]
    ]


def _outside(text: str, a: int, b: int, holes: Sequence[tuple[int, int]]) -> str:
    """The characters of ``[a, b)`` outside ``holes``."""
    return "".join(ch for i, ch in enumerate(text[a:b], a) if not any(x <= i < y for x, y in holes))


def _words_changed(
    link: ClauseLink,
    texts: tuple[str, str],
    regions: tuple[tuple[int, int] | None, tuple[int, int] | None],
    holes: tuple[list[tuple[int, int]], list[tuple[int, int]]],
) -> bool:
    """Whether a word change (more than brackets and space) lies inside the regions, outside
    the holes (nested brackets, whose own events say what became of them)."""
    for op in link.ops:
        if op.kind is OpKind.EQUAL:
            continue
        for side, span in ((0, op.left), (1, op.right)):
            region = regions[side]
            if region is None:
                continue
            a, b = max(span.start, region[0]), min(span.end, region[1])
            if a < b and _outside(texts[side], a, b, holes[side]).strip(_NOT_TEXT):
                return True
    return False


def _snap(text: str, a: int, b: int) -> tuple[int, int]:
    """``[a, b)`` widened to whole words and trimmed of outer space."""
    while 0 < a < len(text) and text[a - 1].isalnum() and text[a].isalnum():
        a -= 1
    while 0 < b < len(text) and text[b - 1].isalnum() and text[b].isalnum():
        b += 1
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def bracket_events(alignment: Alignment, link: ClauseLink) -> tuple[BracketEvent, ...]:
    """The bracket events of ``link``; see the module contract."""
    if link.kind is LinkKind.UNKNOWN or not has_brackets(alignment, link):
        return ()
    if any(alignment.left.clauses[i].is_gap for i in link.left) or any(
        alignment.right.clauses[j].is_gap for j in link.right
    ):
        return ()
    old, new = _side(alignment, link, 0), _side(alignment, link, 1)
    events: list[BracketEvent] = []
    if not link.right:  # a clause deleted: its brackets went with it
        for s in old.brackets:
            if s[2] == 1:
                a, b = inner(old.text, (s[0], s[1]))
                events.append(
                    _event(BracketEventKind.DROPPED, old.text[a:b], Span(s[0], s[1]), None, s[2])
                )
        return tuple(events)
    if not link.left:  # a clause added, with brackets in it
        for s in new.brackets:
            if s[2] == 1:
                a, b = inner(new.text, (s[0], s[1]))
                events.append(
                    _event(BracketEventKind.ADDED, new.text[a:b], None, Span(s[0], s[1]), s[2])
                )
        return tuple(events)
    return tuple(_paired_events(link, old, new))


def _event(
    kind: BracketEventKind,
    text: str,
    left: Span | None,
    right: Span | None,
    depth: int,
    **kw: object,
) -> BracketEvent:
    return BracketEvent(kind, " ".join(text.split()), left, right, depth, **kw)  # type: ignore[arg-type]


def _added(text: str, group: AlternativeGroup, n: int) -> BracketEvent:
    """Alternative ``n`` of a newer ``group`` (text ``text``), added."""
    alt = group.alternatives[n]
    return _event(
        BracketEventKind.ALTERNATIVE_ADDED,
        text[alt.span.start : alt.span.end],
        None,
        Span(alt.bracket[0], alt.bracket[1]),
        alt.bracket[2],
        label=alt.label,
        alternative=n + 1,
        of=len(group.alternatives),
    )


def _paired_events(link: ClauseLink, old: _Side, new: _Side) -> list[BracketEvent]:
    m = _Map(link, old.text, new.text)
    texts = (old.text, new.text)
    done_left: set[BracketSpan] = set()
    done_right: set[BracketSpan] = set()
    events: list[tuple[int, int, BracketEvent]] = []

    def mapped(a: int, b: int) -> tuple[int, int]:
        return m.start(a), max(m.start(a), m.end(b))

    # inner regions of the newer brackets, for matching
    right_inner = {s: inner(new.text, (s[0], s[1])) for s in new.brackets}

    # 1. groups of alternatives in the older text
    for g in old.groups:
        ga, gb = mapped(g.span.start, g.span.end)
        over = [h for h in new.groups if min(gb, h.span.end) - max(ga, h.span.start) > 0]
        members = {a.bracket for a in g.alternatives}
        if over:
            h = max(over, key=lambda h: min(gb, h.span.end) - max(ga, h.span.start))
            if len(h.alternatives) > len(g.alternatives):
                seen = [mapped(a.span.start, a.span.end) for a in g.alternatives]
                for n, alt in enumerate(h.alternatives):
                    if any(min(y, alt.span.end) - max(x, alt.span.start) > 0 for x, y in seen):
                        continue
                    events.append((alt.span.start, 0, _added(new.text, h, n)))
                    done_right.add(alt.bracket)
            continue
        shares = [m.kept_share(old.text, a.span.start, a.span.end) for a in g.alternatives]
        best = max(range(len(shares)), key=lambda n: shares[n])
        done_left.update(members)
        for s in old.brackets:  # (brackets inside the alternatives go with them)
            if any(b[0] <= s[0] and s[1] <= b[1] for b in members):
                done_left.add(s)
        if shares[best] < 0.5:
            ev = _event(
                BracketEventKind.DROPPED, old.text[g.span.start : g.span.end], g.span, None, 1
            )
            events.append((ga, g.span.start, ev))
            continue
        a, b = _snap(new.text, ga, gb)
        alt = g.alternatives[best]
        holder = [s for s in new.brackets if s[0] <= a and b <= s[1]]
        if holder:  # (settled on one, still in brackets: that bracket is the same one)
            done_right.add(min(holder, key=lambda s: s[1] - s[0]))
            a, b = right_inner[min(holder, key=lambda s: s[1] - s[0])]
        ev = _event(
            BracketEventKind.ALTERNATIVE_CHOSEN,
            new.text[a:b],
            Span(alt.bracket[0], alt.bracket[1]),
            Span(a, b),
            alt.bracket[2],
            label=alt.label,
            alternative=best + 1,
            of=len(g.alternatives),
            group=Span(g.span.start, g.span.end),
        )
        events.append((a, g.span.start, ev))

    # 2. groups that grew out of one bracket, or out of agreed text
    for h in new.groups:
        if any(a.bracket in done_right for a in h.alternatives):
            continue
        shares = [m.right_kept_share(new.text, a.span.start, a.span.end) for a in h.alternatives]
        if not any(s >= 0.5 for s in shares) or all(s >= 0.5 for s in shares):
            continue
        if any(
            min(h.span.end, y) - max(h.span.start, x) > 0
            for g in old.groups
            for x, y in [mapped(g.span.start, g.span.end)]
        ):
            continue
        for n, alt in enumerate(h.alternatives):
            if shares[n] >= 0.5:
                continue
            events.append((alt.span.start, 0, _added(new.text, h, n)))
            done_right.add(alt.bracket)

    # 3. brackets matched to brackets by how much of their text lies over each other's
    candidates = []
    for s in old.brackets:
        if s in done_left:
            continue
        ia = inner(old.text, (s[0], s[1]))
        x, y = mapped(ia.start, ia.end)
        for r in new.brackets:
            if r in done_right:
                continue
            ir = right_inner[r]
            overlap = min(y, ir.end) - max(x, ir.start)
            if overlap > 0:
                candidates.append((-overlap, s[2] != r[2], s, r))
    candidates.sort(key=lambda c: (c[0], c[1], c[2][0]))
    pairs: dict[BracketSpan, BracketSpan] = {}
    used_right: set[BracketSpan] = set()
    for _, _, s, r in candidates:
        if s in pairs or r in used_right:
            continue
        pairs[s] = r
        used_right.add(r)

    for s in old.brackets:
        if s in done_left:
            continue
        ia = inner(old.text, (s[0], s[1]))
        holes_left = _children(old.brackets, s)
        partner = pairs.get(s)
        if partner is not None:
            r = partner
            if r in done_right:
                continue
            ir = right_inner[r]
            if _words_changed(
                link,
                texts,
                ((ia.start, ia.end), (ir.start, ir.end)),
                (holes_left, _children(new.brackets, r)),
            ):
                ev = _event(
                    BracketEventKind.CHANGED_INSIDE,
                    new.text[ir.start : ir.end],
                    Span(s[0], s[1]),
                    Span(r[0], r[1]),
                    r[2],
                    was=" ".join(old.text[ia.start : ia.end].split()),
                )
                events.append((ir.start, s[0], ev))
            continue
        x, y = mapped(ia.start, ia.end)
        if m.kept_share(old.text, ia.start, ia.end) >= 0.5:
            a, b = _snap(new.text, x, y)
            holes_right = [(t[0], t[1]) for t in new.brackets if a <= t[0] and t[1] <= b]
            changed = _words_changed(
                link, texts, ((ia.start, ia.end), (a, b)), (holes_left, holes_right)
            )
            ev = _event(
                BracketEventKind.LIFTED,
                new.text[a:b],
                Span(s[0], s[1]),
                Span(a, b),
                s[2],
                changed=changed,
            )
            events.append((a, s[0], ev))
        else:
            ev = _event(
                BracketEventKind.DROPPED, old.text[ia.start : ia.end], Span(s[0], s[1]), None, s[2]
            )
            events.append((x, s[0], ev))

    for r in new.brackets:
        if r in used_right or r in done_right:
            continue
        ir = right_inner[r]
        ev = _event(
            BracketEventKind.ADDED, new.text[ir.start : ir.end], None, Span(r[0], r[1]), r[2]
        )
        events.append((ir.start, -1, ev))
    events.sort(key=lambda e: (e[0], e[1]))
    return [e for _, _, e in events]


def link_bracket_events(alignment: Alignment) -> list[tuple[int, tuple[BracketEvent, ...]]]:
    """``(link number, events)`` of every link of an alignment that has bracket events."""
    out = []
    for n, link in enumerate(alignment.links):
        found = bracket_events(alignment, link)
        if found:
            out.append((n, found))
    return out


def link_bracket_state(alignment: Alignment, link: ClauseLink) -> str:
    """The bracket state (:class:`BracketState`) of a link's newer clauses (its older ones
    when it has none), or '' when neither side has a bracket: what the gutter says."""
    if not has_brackets(alignment, link):
        return ""
    doc, idx = (alignment.right, link.right) if link.right else (alignment.left, link.left)
    states = {bracket_state(doc.clauses[i]) for i in idx}
    if states == {BracketState.FULLY}:
        return BracketState.FULLY
    if states == {BracketState.AGREED}:
        return BracketState.AGREED
    return BracketState.PARTLY

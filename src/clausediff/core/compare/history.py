"""Where each phrase came from: the version that introduced each word of a clause.

Contract: :class:`History` takes a :class:`~clausediff.core.compare.lineage.Lineage` and
answers, for any clause of any of its versions, :meth:`History.spans`: spans of the clause
text, in order, covering it exactly, each saying since which version its words are there
(``since``, an index into the lineage's versions) and whether that is known (``certain``).

A word of the first version is there since the first version. A word of a later clause is
carried back along the word diffs of the lineage: the equal stretches of its clause link
with the previous version (a modified, moved, split or merged clause keeps its words'
history through the link's joined texts), of a sentence that travelled into it from
another clause (the alignment's sentence links), and of the clause it is bridged to across
a gap (the lineage's bridges); a word no diff carries is new in its version. Where several
carry it, the earliest version wins.

Gaps stay gaps. A new word is *uncertain* (``certain`` false, ``since`` the version where it
is first seen) when the text before it has a gap where it could have been: its clause faces
a gap of the previous version (an unknown link, or a clause cut off by a gap of its own
whose counterpart cannot be told, when the previous version is an excerpt), it is bridged
over versions that are excerpts, or it stands where its older counterpart is cut off by a
gap (at the end of a clause that ends in a gap, at the start of one that starts in one).
``gap_in`` names the version whose gap that is. An uncertain word carried on stays so.

Words are the tokens of :mod:`clausediff.core.text.normalize`; the white space between two
tokens of different origin belongs to the span before it. Answers are worked out on demand
and kept (a clause needs only the clauses it descends from), so a view may ask for the
clauses in sight. Nothing here draws or words anything: that is the renderers' job.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from clausediff.core.compare.config import DEFAULT_CONFIG, AlignConfig, WordRules
from clausediff.core.compare.lineage import LINKING_KINDS, Lineage
from clausediff.core.compare.links import SIDE_JOINER, LinkKind, OpKind, SentenceLink, WordOp
from clausediff.core.compare.worddiff import word_diff
from clausediff.core.model import Clause, Span
from clausediff.core.text.normalize import token_table

#: A clause bridged over a gap is diffed sentence by sentence, trying every pair of its
#: sentences with its ancestor's, up to this many pairs (else clause against clause).
_MAX_SENTENCE_PAIRS = 400


class Origin(NamedTuple):
    """Since which version a word is there; ``gap_in``: the version whose gap may hide an
    earlier origin (``None`` when ``certain``)."""

    since: int
    certain: bool = True
    gap_in: int | None = None


@dataclass(frozen=True, slots=True)
class PhraseSpan:
    """A stretch ``[start, end)`` of a clause text whose words share one origin."""

    start: int
    end: int
    since: int
    certain: bool
    gap_in: int | None = None

    def __post_init__(self) -> None:
        Span(self.start, self.end)  # (validates: 0 <= start <= end)


class _Tokens(NamedTuple):
    starts: list[int]
    ends: list[int]


class _Edge(NamedTuple):
    """A left clause inside a left text: where it lies, and whether a gap cuts it off."""

    start: int
    end: int
    starts_in_gap: bool
    ends_in_gap: bool


class _Carried(NamedTuple):
    """What one source says of the tokens of one clause: inherited origins (``None``
    where it carries nothing) and, for the tokens it puts beside a gap of its left text,
    the version of that gap (else ``None``)."""

    inherited: list[Origin | None]
    gapped: list[int | None]


class History:
    """The origin of every word of a lineage's clauses, worked out on demand (see the
    module contract). Not thread-safe: ask from one thread."""

    def __init__(self, lineage: Lineage, config: AlignConfig = DEFAULT_CONFIG) -> None:
        self.lineage = lineage
        self._config = config
        # (every kept word counts: no unchanged island folded into a change for reading,
        # no clause shown as one rewrite)
        self._rules = replace(config.words, island_max_words=0, rewrite_ratio=0.0)
        self._tokens: dict[tuple[int, int], _Tokens] = {}
        self._origins: dict[tuple[int, int], list[Origin]] = {}
        self._links: dict[tuple[int, int], dict[int, _Carried]] = {}
        self._sentences: dict[int, dict[int, list[SentenceLink]]] = {}
        self._bridged = {(vt, ct): (vf, cf) for vf, cf, vt, ct in lineage.bridges}

    # ------------------------------------------------------------------ answers

    def spans(self, version: int, clause: int) -> tuple[PhraseSpan, ...]:
        """The clause text in spans of one origin, covering it exactly (none for a gap or
        an empty text)."""
        c = self.lineage.versions[version].clauses[clause]
        if c.is_gap or not c.text:
            return ()
        toks = self._toks(version, clause)
        origins = self.origins(version, clause)
        if not origins:
            o = self._base(version, clause)
            return (PhraseSpan(0, len(c.text), o.since, o.certain, o.gap_in),)
        out: list[PhraseSpan] = []
        start, current = 0, origins[0]
        for k in range(1, len(origins)):
            if origins[k] != current:
                cut = toks.starts[k]
                out.append(PhraseSpan(start, cut, *current))
                start, current = cut, origins[k]
        out.append(PhraseSpan(start, len(c.text), *current))
        return tuple(out)

    def origins(self, version: int, clause: int) -> list[Origin]:
        """The origin of each token of a clause (in the order of its tokens)."""
        key = (version, clause)
        found = self._origins.get(key)
        if found is None:
            found = self._work_out(version, clause)
            self._origins[key] = found
        return found

    # ------------------------------------------------------------------ working out

    def _toks(self, version: int, clause: int) -> _Tokens:
        key = (version, clause)
        found = self._tokens.get(key)
        if found is None:
            text = self.lineage.versions[version].clauses[clause].text
            _keys, starts, ends = token_table(text)
            found = self._tokens[key] = _Tokens(starts, ends)
        return found

    def _base(self, v: int, c: int) -> Origin:
        """The origin of a word of clause ``c`` of version ``v`` that nothing carries."""
        if v == 0:
            return Origin(0)
        link = self.lineage.pairs[v - 1].link_of_right(c)
        if link.kind is LinkKind.UNKNOWN:
            # (facing a gap of the previous version; or cut off by a gap of its own, so that
            # its counterpart could not be told even in a complete previous version: never
            # dated as surely new)
            own = link.gap is not None and link.gap[0] == 1
            if own and self._complete(v - 1):
                return Origin(v, False, v)
            return Origin(v, False, v - 1)
        bridged = self._bridged.get((v, c))
        if bridged is not None:
            excerpts = [u for u in range(bridged[0] + 1, v) if not self._complete(u)]
            if excerpts:
                return Origin(v, False, excerpts[-1])
        return Origin(v)

    def _complete(self, v: int) -> bool:
        return self.lineage.versions[v].is_complete

    def _work_out(self, v: int, c: int) -> list[Origin]:
        n = len(self._toks(v, c).starts)
        if v == 0:
            return [Origin(0)] * n
        sources = list(self._sources(v, c))
        base = self._base(v, c)
        out: list[Origin] = []
        for k in range(n):
            carried = [o for s in sources if (o := s.inherited[k]) is not None]
            gaps = [g for s in sources if (g := s.gapped[k]) is not None]
            if carried:  # the earliest; of equal ones, an uncertain one (never overstated)
                out.append(min(carried, key=lambda o: (o.since, o.certain)))
            elif base.certain and gaps:
                out.append(Origin(v, False, max(gaps)))
            else:
                out.append(base)
        return out

    def _sources(self, v: int, c: int) -> Iterable[_Carried]:
        """Every diff that carries words into clause ``c`` of version ``v``."""
        al = self.lineage.pairs[v - 1]
        number = al.link_index_of(1, c)
        link = al.links[number]
        if link.kind in LINKING_KINDS:
            yield self._through_link(v, number)[c]
        left_doc, right_doc = al.left, al.right
        right = right_doc.clauses[c]
        for sl in self._sentences_into(v).get(c, ()):
            if sl.left.clause in link.left:
                continue  # (the clause link carries it)
            left = left_doc.clauses[sl.left.clause]
            lsent = left.sentences[sl.left.sentence].span
            rsent = right.sentences[sl.right.sentence].span
            ls, rs = lsent.start + sl.left_part.start, rsent.start + sl.right_part.start
            le, re_ = ls + len(sl.left_part), rs + len(sl.right_part)
            # where the older part runs into a gap, the rest of the newer sentence may have
            # stood in it: that rest is diffed too (its new words are then uncertain)
            if left.ends_in_gap and not left.text[le:].strip():
                re_ = rsent.end
            if left.starts_in_gap and not left.text[:ls].strip():
                rs = rsent.start
            yield self._through_diff(v - 1, sl.left.clause, v, c, Span(ls, le), Span(rs, re_))
        bridged = self._bridged.get((v, c))
        if bridged is not None:
            yield from self._through_bridge(*bridged, v, c)

    def _sentences_into(self, v: int) -> dict[int, list[SentenceLink]]:
        """The sentence links of pair ``v - 1`` by the newer clause they lead into."""
        found = self._sentences.get(v)
        if found is None:
            found = {}
            for sl in self.lineage.pairs[v - 1].sentence_links:
                found.setdefault(sl.right.clause, []).append(sl)
            self._sentences[v] = found
        return found

    def _through_bridge(self, u: int, p: int, v: int, c: int) -> Iterable[_Carried]:
        """What a clause bridged over a gap carries: each newer sentence is diffed with the
        older sentence that shares most words with it (a diff of a short clause against a
        long one pairs stray common words), or the whole clauses when they have too many
        sentences to try every pair."""
        older = self.lineage.versions[u].clauses[p]
        newer = self.lineage.versions[v].clauses[c]
        whole_older, whole_newer = Span(0, len(older.text)), Span(0, len(newer.text))
        lefts = [s.span for s in older.sentences] or [whole_older]
        rights = [s.span for s in newer.sentences] or [whole_newer]
        if len(lefts) * len(rights) > _MAX_SENTENCE_PAIRS:
            yield self._through_diff(u, p, v, c, whole_older, whole_newer)
            return
        for r in rights:
            rt = newer.text[r.start : r.end]
            best = max(
                lefts,
                key=lambda sp: _equal_tokens(older.text[sp.start : sp.end], rt, self._rules),
            )
            yield self._through_diff(u, p, v, c, best, r)

    def _through_link(self, v: int, number: int) -> dict[int, _Carried]:
        """What a clause link of pair ``v - 1`` carries into each of its newer clauses."""
        key = (v, number)
        found = self._links.get(key)
        if found is not None:
            return found
        al = self.lineage.pairs[v - 1]
        link = al.links[number]
        left_text, left_starts, left_ends, left_origins, edges = self._joined_left(v - 1, link.left)
        right_text = al.side_text(link, 1)
        if left_text == right_text:
            ops: tuple[WordOp, ...] = (
                WordOp(OpKind.EQUAL, Span(0, len(left_text)), Span(0, len(right_text))),
            )
        else:
            ops = word_diff(left_text, right_text, self._rules, self._config.limits)
        right_starts: list[int] = []
        right_ends: list[int] = []
        offsets = []
        at = 0
        for j in link.right:
            toks = self._toks(v, j)
            offsets.append((j, at, len(toks.starts)))
            right_starts += [s + at for s in toks.starts]
            right_ends += [e + at for e in toks.ends]
            at += len(al.right.clauses[j].text) + len(SIDE_JOINER)
        carried = _carry(
            left_text,
            _Tokens(left_starts, left_ends),
            left_origins,
            _Tokens(right_starts, right_ends),
            ops,
            edges,
            v - 1,
        )
        found = {}
        first = 0
        for j, _at, count in offsets:
            found[j] = _Carried(
                carried.inherited[first : first + count], carried.gapped[first : first + count]
            )
            first += count
        self._links[key] = found
        return found

    def _joined_left(
        self, u: int, clauses: Sequence[int]
    ) -> tuple[str, list[int], list[int], list[Origin], list[_Edge]]:
        doc = self.lineage.versions[u]
        texts, starts, ends, origins, edges = [], [], [], [], []
        at = 0
        for i in clauses:
            clause = doc.clauses[i]
            toks = self._toks(u, i)
            starts += [s + at for s in toks.starts]
            ends += [e + at for e in toks.ends]
            origins += self.origins(u, i)
            edges.append(_edge(clause, at))
            texts.append(clause.text)
            at += len(clause.text) + len(SIDE_JOINER)
        return SIDE_JOINER.join(texts), starts, ends, origins, edges

    def _through_diff(
        self, u: int, p: int, v: int, c: int, left_part: Span, right_part: Span
    ) -> _Carried:
        """What part ``left_part`` of clause ``p`` of version ``u`` carries into part
        ``right_part`` of clause ``c`` of version ``v`` (word-diffed here)."""
        left = self.lineage.versions[u].clauses[p]
        right = self.lineage.versions[v].clauses[c]
        lt = left.text[left_part.start : left_part.end]
        rt = right.text[right_part.start : right_part.end]
        ops = tuple(
            WordOp(
                op.kind,
                Span(op.left.start + left_part.start, op.left.end + left_part.start),
                Span(op.right.start + right_part.start, op.right.end + right_part.start),
            )
            for op in word_diff(lt, rt, self._rules, self._config.limits)
        )
        return _carry(
            left.text,
            self._toks(u, p),
            self.origins(u, p),
            self._toks(v, c),
            ops,
            [_edge(left, 0)],
            u,
        )


def _equal_tokens(left: str, right: str, rules: WordRules) -> int:
    """How many tokens of ``right`` the word diff with ``left`` keeps."""
    _keys, starts, _ends = token_table(right)
    toks = _Tokens(starts, _ends)
    return sum(
        len(_within(toks, op.right))
        for op in word_diff(left, right, rules)
        if op.kind is OpKind.EQUAL
    )


def _edge(clause: Clause, at: int) -> _Edge:
    return _Edge(at, at + len(clause.text), clause.starts_in_gap, clause.ends_in_gap)


def _within(toks: _Tokens, span: Span) -> range:
    """The tokens that lie inside ``span``."""
    return range(
        bisect.bisect_left(toks.starts, span.start), bisect.bisect_left(toks.starts, span.end)
    )


def _carry(
    left_text: str,
    left: _Tokens,
    left_origins: Sequence[Origin],
    right: _Tokens,
    ops: Sequence[WordOp],
    edges: Sequence[_Edge],
    left_version: int,
) -> _Carried:
    """The origins the equal stretches of ``ops`` carry from the left tokens to the right
    ones, and the right tokens of changed stretches that stand beside a gap of the left."""
    n = len(right.starts)
    inherited: list[Origin | None] = [None] * n
    gapped: list[int | None] = [None] * n
    for op in ops:
        rights = _within(right, op.right)
        if op.kind is OpKind.EQUAL:
            for k, i in zip(rights, _within(left, op.left), strict=False):
                inherited[k] = left_origins[i]
            continue
        a, b = op.left
        if any(_beside_gap(left_text, e, a, b) for e in edges):
            for k in rights:
                gapped[k] = left_version
    return _Carried(inherited, gapped)


def _beside_gap(text: str, edge: _Edge, a: int, b: int) -> bool:
    """Whether a change at ``[a, b)`` of a left text stands where a gap cuts off one of its
    clauses: at the end of one that ends in a gap, at the start of one that starts in one."""
    if edge.ends_in_gap and edge.start <= a <= edge.end and not text[b : edge.end].strip():
        return True
    return edge.starts_in_gap and edge.start <= b <= edge.end and not text[edge.start : a].strip()

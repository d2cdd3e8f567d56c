"""Pairwise alignment of two versions of a decision into clause links.

Contract: :func:`align` takes two :class:`Document` values and an :class:`AlignConfig` and
returns an :class:`Alignment` whose clause links partition the clauses of both versions:
every clause lies in exactly one link. Link kinds agree with their shape: unchanged,
modified and moved link one clause to one; split one to several; merged several to one;
restructured several to several; added and deleted one clause to none; unknown one clause
that lies opposite a gap in the other version (or a gap clause itself), whose counterpart
may be in the missing text. Every score is a rapidfuzz similarity in ``[0, 1]``.

The pipeline:

1. Normalise every clause to a list of case-folded word tokens (labels are already out).
2. Anchor on exact matches that are unique on both sides and in order (longest increasing
   subsequence); unique exact matches out of order are moves.
3. Between anchors, an order-preserving dynamic programme with 1-1, 1-0, 0-1, 1-2, 2-1,
   1-3, 3-1 and 2-2 beads, scored with ``rapidfuzz.distance.Indel`` on token lists. Large
   anchor-free regions are banded around the diagonal.
4. A move pass over what is left: candidates come from an index of rare words, never from
   all pairs.
5. Clauses left over that face a gap become unknown; the rest are added or deleted.
6. Word changes inside every link (:mod:`clausediff.core.worddiff`) and sentence
   provenance (:mod:`clausediff.core.sentences`).
"""

from __future__ import annotations

import bisect
import enum
import itertools
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from clausediff.core import collector, lcs
from clausediff.core.config import DEFAULT_CONFIG, AlignConfig
from clausediff.core.model import Clause, ClauseKind, Document
from clausediff.core.normalize import normalize, word_keys
from clausediff.core.worddiff import OpKind, WordOp, word_diff


class LinkKind(enum.Enum):
    UNCHANGED = "unchanged"
    MODIFIED = "modified"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"
    RESTRUCTURED = "restructured"
    ADDED = "added"
    DELETED = "deleted"
    UNKNOWN = "unknown"

    @property
    def is_change(self) -> bool:
        return self is not LinkKind.UNCHANGED

    def mirrored(self) -> LinkKind:
        return _MIRROR.get(self, self)


_MIRROR = {
    LinkKind.SPLIT: LinkKind.MERGED,
    LinkKind.MERGED: LinkKind.SPLIT,
    LinkKind.ADDED: LinkKind.DELETED,
    LinkKind.DELETED: LinkKind.ADDED,
}

#: Separator placed between the texts of a multi-clause side before diffing.
SIDE_JOINER = "\n"


class ClauseLink(NamedTuple):
    """What became of some clauses: ``left``/``right`` are clause indices, in order.

    ``ops`` are word changes between the joined texts of both sides (clause texts joined
    with :data:`SIDE_JOINER`). For an unknown clause, ``gap`` is ``(side, index)`` of the
    gap clause that hides its counterpart (``None`` for a gap clause itself). (A named
    tuple: a long document makes tens of thousands, and a tuple is quick to make.)
    """

    left: tuple[int, ...]
    right: tuple[int, ...]
    kind: LinkKind
    score: float
    ops: tuple[WordOp, ...] = ()
    gap: tuple[int, int] | None = None

    def mirrored(self) -> ClauseLink:
        swap = {OpKind.DELETE: OpKind.INSERT, OpKind.INSERT: OpKind.DELETE}
        ops = tuple(WordOp(swap.get(o.kind, o.kind), o.right, o.left) for o in self.ops)
        gap = None if self.gap is None else (1 - self.gap[0], self.gap[1])
        return ClauseLink(self.right, self.left, self.kind.mirrored(), self.score, ops, gap)


@dataclass(frozen=True)
class Alignment:
    """The clause links (and sentence links) between two versions, in reading order."""

    left: Document
    right: Document
    links: tuple[ClauseLink, ...]
    sentence_links: tuple[Any, ...] = ()
    _by_left: dict[int, int] = field(default_factory=dict, repr=False, compare=False)
    _by_right: dict[int, int] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for n, link in enumerate(self.links):
            for i in link.left:
                self._by_left[i] = n
            for j in link.right:
                self._by_right[j] = n

    def link_of_left(self, index: int) -> ClauseLink:
        return self.links[self._by_left[index]]

    def link_of_right(self, index: int) -> ClauseLink:
        return self.links[self._by_right[index]]

    def link_index_of(self, side: int, clause_index: int) -> int:
        return (self._by_left if side == 0 else self._by_right)[clause_index]

    def counts(self) -> dict[LinkKind, int]:
        counts = Counter(link.kind for link in self.links)
        return {k: counts.get(k, 0) for k in LinkKind}

    def only_letter_case(self, link: ClauseLink) -> bool:
        """Whether a changed link's two sides differ in nothing but letter case (and white
        space): "Work Programme" set as "WORK PROGRAMME" in a new version's title."""
        if not (link.left and link.right and link.ops):
            return False
        left, right = self.side_text(link, 0), self.side_text(link, 1)
        # (unequal when case-folded in nearly every change: that test first)
        folded = normalize(left, casefold=True) == normalize(right, casefold=True)
        return folded and normalize(left) != normalize(right)

    def lead_text(self, link: ClauseLink) -> str:
        """The text a link is known by: its (first) newer clause, else its older one; a
        gap's note for a gap."""
        clause = (
            self.right.clauses[link.right[0]] if link.right else self.left.clauses[link.left[0]]
        )
        return (clause.gap_note if clause.is_gap else clause.text) or ""

    def side_text(self, link: ClauseLink, side: int) -> str:
        doc = self.left if side == 0 else self.right
        idx = link.left if side == 0 else link.right
        if len(idx) == 1:
            return doc.clauses[idx[0]].text
        return SIDE_JOINER.join(doc.clauses[i].text for i in idx)


# (SentenceLink lives in clausediff.core.sentences.)


# ----------------------------------------------------------------------------- features


@dataclass(slots=True)
class _Unit:
    """The comparison view of one clause.

    ``exact`` is the clause's normalised, case-folded text: equal keys anchor. ``words``
    (its case-folded word tokens, what similarities are computed on) are found only for
    the clauses that no exact match explains (:func:`_find_words`).
    """

    index: int
    clause: Clause
    words: list[str]
    exact: str
    heading: bool
    crc: int = 0  # a checksum of ``exact`` (with the words; tie-breaks in the DP)


_NOT_YET: list[str] = []  # the words of a unit not looked at yet (never filled in)


def _units(doc: Document) -> list[_Unit]:
    units = []
    for c in doc.clauses:
        if c.is_gap:
            # identical gap markers (same note) are the same hole: they may anchor
            units.append(_Unit(c.index, c, [], "\x00gap " + normalize(c.gap_note or ""), False))
            continue
        exact = normalize(c.text, casefold=True)
        units.append(_Unit(c.index, c, _NOT_YET, exact, c.kind is ClauseKind.HEADING))
    return units


def _find_words(units: list[_Unit], skip: set[int], keys_of: dict[str, list[str]]) -> None:
    """Fill in the word tokens of every unit but those in ``skip`` (and gaps)."""
    for u in units:
        if u.words is not _NOT_YET or u.index in skip:
            continue
        keys = keys_of.get(u.clause.text)
        if keys is None:
            keys = keys_of[u.clause.text] = word_keys(u.clause.text)
        u.words = keys
        u.crc = zlib.crc32(u.exact.encode("utf-8"))


class _Scorer:
    """Similarities between units and groups of units, with the config's rules."""

    def __init__(self, config: AlignConfig) -> None:
        self.config = config

    def words_of(self, group: Sequence[_Unit]) -> list[str]:
        if len(group) == 1:
            return group[0].words
        out: list[str] = []
        for u in group:
            out.extend(u.words)
        return out

    def sim(self, left: Sequence[_Unit], right: Sequence[_Unit]) -> float:
        a, b = self.words_of(left), self.words_of(right)
        if not a or not b:
            return 0.0
        # A side cut off by a gap is compared with the matching stretch of the other side.
        if left[-1].clause.ends_in_gap and len(b) > len(a):
            b = b[: int(len(a) * self.config.truncated_slack) + 1]
        elif right[-1].clause.ends_in_gap and len(a) > len(b):
            a = a[: int(len(b) * self.config.truncated_slack) + 1]
        if left[0].clause.starts_in_gap and len(b) > len(a):
            b = b[-(int(len(a) * self.config.truncated_slack) + 1) :]
        elif right[0].clause.starts_in_gap and len(a) > len(b):
            a = a[-(int(len(b) * self.config.truncated_slack) + 1) :]
        s = lcs.similarity(a, b, self.config.max_word_pairs)
        if left[0].heading != right[0].heading:
            s *= self.config.kind_mismatch_factor
        return s

    def containment(self, part: _Unit, whole: Sequence[_Unit]) -> float:
        if not part.words:
            return 0.0
        whole_words = self.words_of(whole)
        return lcs.shared(part.words, whole_words, self.config.max_word_pairs) / len(part.words)


# ----------------------------------------------------------------------------- anchors


def _heaviest_chain(pairs: list[tuple[int, int]], weights: list[float]) -> list[tuple[int, int]]:
    """The heaviest chain of pairs increasing in both coordinates (a weighted LIS).

    Pairs must be sorted by left index with distinct left and right indices. A Fenwick tree
    of prefix maxima makes it O(n log n). Weights come from the clauses' contents, so the
    chain is the same whichever version is on the left.

    A run of pairs that step by one on both sides (unchanged clauses in a row) goes in
    whole or not at all: no other pair can fall between two of its pairs, so it is one
    item of the summed weight (a long document has thousands of pairs and few runs).
    """
    if not pairs:
        return []
    runs: list[tuple[int, int, float]] = []  # (first pair, last pair, weight)
    for k, (i, j) in enumerate(pairs):
        if runs and pairs[k - 1] == (i - 1, j - 1):
            first, _, w = runs[-1]
            runs[-1] = (first, k, w + weights[k])
        else:
            runs.append((k, k, weights[k]))
    size = max(j for _, j in pairs) + 2
    tree_val = [0.0] * (size + 1)
    tree_arg = [-1] * (size + 1)
    best = [0.0] * len(runs)
    prev = [-1] * len(runs)
    for r, (first, last, weight) in enumerate(runs):
        # query max over right indices before the run's first (positions 1..j)
        q, arg, x = 0.0, -1, pairs[first][1]
        while x > 0:
            if tree_val[x] > q:
                q, arg = tree_val[x], tree_arg[x]
            x -= x & -x
        best[r], prev[r] = q + weight, arg
        x = pairs[last][1] + 1  # stored after the run's last right index
        while x <= size:
            if best[r] > tree_val[x]:
                tree_val[x], tree_arg[x] = best[r], r
            x += x & -x
    r = max(range(len(runs)), key=lambda n: best[n])
    out = []
    while r >= 0:
        first, last, _ = runs[r]
        out.extend(pairs[last : first - 1 if first else None : -1])
        r = prev[r]
    return out[::-1]


def _anchors(
    lu: list[_Unit], ru: list[_Unit]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Unique exact matches: (in-order anchors, out-of-order moves)."""
    lc = Counter(u.exact for u in lu if u.exact)
    rc = Counter(u.exact for u in ru if u.exact)
    rpos = {u.exact: u.index for u in ru if u.exact and rc[u.exact] == 1}
    pairs = [
        (u.index, rpos[u.exact]) for u in lu if u.exact and lc[u.exact] == 1 and u.exact in rpos
    ]
    # (weights come from the contents, so the chain is the same from either side)
    weights = [
        len(lu[i].exact) + 1 + (zlib.crc32(lu[i].exact.encode("utf-8")) / 2**32) for i, _ in pairs
    ]
    in_order = _heaviest_chain(pairs, weights)
    keep = set(in_order)
    return in_order, [p for p in pairs if p not in keep]


# ----------------------------------------------------------------------------- stretches


def _stretch(lu: list[_Unit], ru: list[_Unit], scorer: _Scorer, config: AlignConfig) -> list[_Bead]:
    """Align the clauses between two exact anchors.

    A stretch of up to ``dp_max_cells`` clause pairs goes to the dynamic programme. A
    larger one (two long versions with no exact match for a hundred clauses and more:
    rewritten throughout, or not related at all) is first cut by fuzzy anchors, clauses
    that share rare words and score as a match, in order; the pieces between them go to
    the programme. A piece still that large goes to the banded programme only if clauses
    along its diagonal match (:func:`_looks_related`); otherwise its clauses are left to
    the move pass. (Before, two unrelated 5,000-clause versions took 11 s of programme.)
    """
    if len(lu) * len(ru) <= config.dp_max_cells:
        return _dp(lu, ru, scorer, config)
    chain = _fuzzy_anchors(lu, ru, scorer, config)
    beads = [_Bead((lu[p].index,), (ru[q].index,), sim) for p, q, sim in chain]
    bounds = [(-1, -1), *((p, q) for p, q, _ in chain), (len(lu), len(ru))]
    for (p0, q0), (p1, q1) in itertools.pairwise(bounds):
        piece_l, piece_r = lu[p0 + 1 : p1], ru[q0 + 1 : q1]
        if len(piece_l) * len(piece_r) <= config.dp_max_cells or _looks_related(
            piece_l, piece_r, scorer, config
        ):
            beads.extend(_dp(piece_l, piece_r, scorer, config))
    return beads


def _looks_related(lu: list[_Unit], ru: list[_Unit], scorer: _Scorer, config: AlignConfig) -> bool:
    """Whether clauses along the diagonal of a large piece match often enough to be worth
    the banded programme (see ``AlignConfig.related_probes``)."""
    n, m = len(lu), len(ru)
    probes, reach = config.related_probes, config.related_probe_reach
    hits = 0
    for k in range(probes):
        p = (2 * k + 1) * n // (2 * probes)
        q = p * m // n
        near = range(max(0, q - reach), min(m, q + reach + 1))
        if any(scorer.sim([lu[p]], [ru[x]]) >= config.match_threshold for x in near):
            hits += 1
    return hits >= config.related_min_share * probes


def _fuzzy_anchors(
    lu: list[_Unit], ru: list[_Unit], scorer: _Scorer, config: AlignConfig
) -> list[tuple[int, int, float]]:
    """Clearly matching pairs ``(left position, right position, similarity)`` found through
    words rare in the stretch, one partner each, kept in order (the heaviest increasing
    chain). Only near-certain pairs: whatever lies between them is aligned in full."""
    matches = _rare_word_matches(
        lu, ru, range(len(lu)), range(len(ru)), scorer, config, config.fuzzy_anchor_threshold
    )
    best = {(p, q): sim for p, q, sim in matches}
    pairs = sorted(best)
    weights = [best[pq] * (len(lu[pq[0]].words) + len(ru[pq[1]].words)) for pq in pairs]
    return [(p, q, best[(p, q)]) for p, q in _heaviest_chain(pairs, weights)]


# ----------------------------------------------------------------------------- DP

_BEADS = ((1, 1), (2, 2), (1, 2), (2, 1), (1, 3), (3, 1))


class _Bead(NamedTuple):
    left: tuple[int, ...]
    right: tuple[int, ...]
    score: float


def _dp(lu: list[_Unit], ru: list[_Unit], scorer: _Scorer, config: AlignConfig) -> list[_Bead]:
    """Order-preserving alignment of two runs of units (no gaps inside)."""
    n, m = len(lu), len(ru)
    if not n or not m:
        return []
    if n == m == 1:  # the commonest stretch between anchors: match or leave both
        s = scorer.sim(lu, ru)
        return [_Bead((lu[0].index,), (ru[0].index,), s)] if s >= config.match_threshold else []
    band = None
    if n * m > config.dp_max_cells:
        band = max(config.dp_band, abs(n - m) + config.dp_band // 2)
    tau = config.match_threshold
    neg = float("-inf")
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    ratio = m / n
    # words before each unit of both runs: the size of any group is a difference
    before_l = [0, *itertools.accumulate(len(u.words) for u in lu)]
    before_r = [0, *itertools.accumulate(len(u.words) for u in ru)]

    for i in range(n + 1):
        if band is None:
            jlo, jhi = 0, m
        else:
            centre = int(i * ratio)
            jlo, jhi = max(0, centre - band), min(m, centre + band)
        for j in range(jlo, jhi + 1):
            if i == 0 and j == 0:
                continue
            cur = neg
            arg: tuple[int, int, float] | None = None
            # Skips first, so that ties go to matches below (>=).
            if i > 0 and best[i - 1][j] > cur:
                cur, arg = best[i - 1][j], (1, 0, 0.0)
            if j > 0 and best[i][j - 1] > cur:
                cur, arg = best[i][j - 1], (0, 1, 0.0)
            for di, dj in _BEADS:
                if di > i or dj > j or best[i - di][j - dj] == neg:
                    continue
                # (each group of each cell is met once: nothing to remember between cells)
                s = scorer.sim(lu[i - di : i], ru[j - dj : j])
                limit = tau if (di, dj) == (1, 1) else config.split_threshold
                if s < limit:
                    continue
                size = before_l[i] - before_l[i - di] + before_r[j] - before_r[j - dj]
                gain = (s - limit) * size
                if (di, dj) != (1, 1):
                    gain -= config.split_penalty * size * (di + dj - 2)
                    if not _parts_ok(lu[i - di : i], ru[j - dj : j], scorer, config):
                        continue
                # break exact ties the same way whichever version is on the left: by the
                # pair's contents, then towards the diagonal
                gain += 1e-7 * _pair_hash(lu[i - di : i], ru[j - dj : j])
                gain -= 1e-9 * abs((i - di) - (j - dj))
                if best[i - di][j - dj] + gain >= cur:
                    cur, arg = best[i - di][j - dj] + gain, (di, dj, s)
            best[i][j] = cur
            back[i][j] = arg
    if best[n][m] == neg:  # band did not reach the corner; fall back to a full DP
        return _dp(lu, ru, scorer, _unbanded(config, n * m))
    beads: list[_Bead] = []
    i, j = n, m
    while i > 0 or j > 0:
        step = back[i][j]
        assert step is not None
        di, dj, s = step
        if di and dj:
            beads.append(
                _Bead(
                    tuple(u.index for u in lu[i - di : i]),
                    tuple(u.index for u in ru[j - dj : j]),
                    s,
                )
            )
        i, j = i - di, j - dj
    return beads[::-1]


def _pair_hash(left: Sequence[_Unit], right: Sequence[_Unit]) -> float:
    """A number in ``[0, 1)`` from the pair's contents, the same whichever side is left."""
    a = b = 0
    for u in left:
        a = (a * 1_000_003 ^ u.crc) & 0xFFFFFFFF
    for u in right:
        b = (b * 1_000_003 ^ u.crc) & 0xFFFFFFFF
    return ((min(a, b) * 2_654_435_761 + max(a, b)) & 0xFFFFFFFF) / 2**32


def _unbanded(config: AlignConfig, cells: int) -> AlignConfig:
    from dataclasses import replace

    return replace(config, dp_max_cells=cells + 1)


def _parts_ok(
    left: Sequence[_Unit], right: Sequence[_Unit], scorer: _Scorer, config: AlignConfig
) -> bool:
    """Every part of a many-sided bead must be largely contained in the other side."""
    limit = config.split_part_containment
    if len(left) > 1 and any(scorer.containment(u, right) < limit for u in left):
        return False
    if len(right) > 1 and any(scorer.containment(u, left) < limit for u in right):
        return False
    if len(left) > 1 and len(right) > 1:
        # n-m only where no 1-1 pairing explains the pair as well
        one_one = max(scorer.sim([a], [b]) for a in left for b in right)
        if one_one >= scorer.sim(left, right):
            return False
    return True


# ----------------------------------------------------------------------------- moves


def _move_pass(
    lu: list[_Unit],
    ru: list[_Unit],
    free_left: set[int],
    free_right: set[int],
    scorer: _Scorer,
    config: AlignConfig,
) -> list[_Bead]:
    """Link leftover clauses that moved, found through words rare among the leftovers."""
    matches = _rare_word_matches(
        lu, ru, sorted(free_left), sorted(free_right), scorer, config, config.move_threshold
    )
    return [_Bead((i,), (j,), sim) for i, j, sim in matches]


def _rare_word_matches(
    lu: Sequence[_Unit],
    ru: Sequence[_Unit],
    left: Iterable[int],
    right: Iterable[int],
    scorer: _Scorer,
    config: AlignConfig,
    threshold: float,
) -> list[tuple[int, int, float]]:
    """Pairs ``(left, right, similarity)`` of the units at the given positions that score at
    least ``threshold``, one partner each, best first.

    Candidates come from words rare among these units (in at most
    ``rare_word_max_clauses`` of them on each side), never from all pairs: for each right
    unit, the left units sharing the most rare words, ``move_candidates`` of them. A word is
    rare among the units looked at, because that is where the candidates are told apart
    (and counting there costs nothing on a long document whose clauses are nearly all
    linked already).
    """
    left_sets = {i: set(lu[i].words) for i in left}
    right_sets = {j: set(ru[j].words) for j in right}
    if not left_sets or not right_sets:
        return []
    ldf = Counter(itertools.chain.from_iterable(left_sets.values()))
    rdf = Counter(itertools.chain.from_iterable(right_sets.values()))
    cap = config.rare_word_max_clauses
    rare = {w for w, n in ldf.items() if n <= cap and 0 < rdf.get(w, 0) <= cap}
    index: dict[str, list[int]] = defaultdict(list)
    for i, words in left_sets.items():
        for w in words & rare:
            index[w].append(i)
    candidates: list[tuple[float, str, int, int]] = []
    for j, words in right_sets.items():
        found = Counter(i for w in words & rare for i in index[w])
        # most shared rare words first, then reading order: never the order of a set
        ranked = sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))
        for i, _ in ranked[: config.move_candidates]:
            s = scorer.sim([lu[i]], [ru[j]])
            if s >= threshold:
                # a symmetric tie-break: the pair's texts, not its positions
                tie = min(lu[i].exact, ru[j].exact) + "\x00" + max(lu[i].exact, ru[j].exact)
                candidates.append((-s, tie, i, j))
    candidates.sort()
    taken_l: set[int] = set()
    taken_r: set[int] = set()
    out = []
    for neg_s, _, i, j in candidates:  # best first, one partner each
        if i not in taken_l and j not in taken_r:
            taken_l.add(i)
            taken_r.add(j)
            out.append((i, j, -neg_s))
    return out


# ----------------------------------------------------------------------------- main


def align(left: Document, right: Document, config: AlignConfig = DEFAULT_CONFIG) -> Alignment:
    """Align two versions; see the module contract.

    The alignment is a property of the pair: where duplicate clauses make two alignments
    score exactly the same, no rule on positions can pick the same one from both sides, so
    the engine always computes in one canonical orientation (by the texts' contents) and
    mirrors the result when asked the other way round.
    """
    with collector.paused():  # (many small values, no cycles: see the module)
        if (right.source, right.info.sha256) < (left.source, left.info.sha256):
            return _mirror(_align(right, left, config))
        return _align(left, right, config)


def _mirror(al: Alignment) -> Alignment:
    links = _reading_order([lk.mirrored() for lk in al.links])
    sentence_links = tuple(
        sorted(
            (
                sl._replace(
                    left=sl.right,
                    right=sl.left,
                    left_part=sl.right_part,
                    right_part=sl.left_part,
                )
                for sl in al.sentence_links
            ),
            key=lambda s: (s.right.clause, s.right.sentence, s.left.clause, s.left.sentence),
        )
    )
    return Alignment(al.right, al.left, tuple(links), sentence_links)


def _align(left: Document, right: Document, config: AlignConfig) -> Alignment:
    from clausediff.core.sentences import sentence_links

    keys_of: dict[str, list[str]] = {}  # word keys by text, shared with the sentence pass
    lu, ru = _units(left), _units(right)
    scorer = _Scorer(config)
    config.check_cancel()

    anchors, jumps = _anchors(lu, ru)
    _find_words(lu, {i for i, _ in anchors} | {i for i, _ in jumps}, keys_of)
    _find_words(ru, {j for _, j in anchors} | {j for _, j in jumps}, keys_of)
    beads: list[_Bead] = [_Bead((i,), (j,), 1.0) for i, j in anchors]
    moved: set[tuple[tuple[int, ...], tuple[int, ...]]] = set()
    jump_left = {i for i, _ in jumps}
    jump_right = {j for _, j in jumps}
    for i, j in jumps:
        beads.append(_Bead((i,), (j,), 1.0))
        moved.add(((i,), (j,)))

    # DP inside each stretch between anchors, skipping gap clauses and out-of-order jumps.
    bounds = [(-1, -1), *anchors, (len(lu), len(ru))]
    for (a_i, a_j), (b_i, b_j) in itertools.pairwise(bounds):
        if b_i - a_i == 1 or b_j - a_j == 1:
            continue  # nothing between the anchors on one side: nothing to align
        config.check_cancel()
        seg_l = [u for u in lu[a_i + 1 : b_i] if u.words and u.index not in jump_left]
        seg_r = [u for u in ru[a_j + 1 : b_j] if u.words and u.index not in jump_right]
        beads.extend(_stretch(seg_l, seg_r, scorer, config))

    used_l = {i for b in beads for i in b.left}
    used_r = {j for b in beads for j in b.right}
    free_l = {u.index for u in lu if u.words and u.index not in used_l}
    free_r = {u.index for u in ru if u.words and u.index not in used_r}
    config.check_cancel()
    for b in _move_pass(lu, ru, free_l, free_r, scorer, config):
        beads.append(b)
        moved.add((b.left, b.right))

    moved = _out_of_order(beads, moved)
    links = _make_links(left, right, lu, ru, beads, moved, config)
    links = _resolve_leftovers(left, right, links)
    links = _reading_order(links)
    config.check_cancel()
    alignment = Alignment(left, right, tuple(links))
    if not config.link_sentences:
        return alignment
    sl = sentence_links(alignment, config, keys_of)
    return Alignment(left, right, tuple(links), tuple(sl))


def _out_of_order(
    beads: list[_Bead], candidates: set[tuple[tuple[int, ...], tuple[int, ...]]]
) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Of the candidate moves, those that really sit out of order against the fixed links."""
    fixed = sorted(
        (b for b in beads if (b.left, b.right) not in candidates), key=lambda b: b.left[0]
    )
    starts = [f.left[0] for f in fixed]
    out = set()
    for b in beads:
        key = (b.left, b.right)
        if key not in candidates:
            continue
        pos = bisect.bisect_left(starts, b.left[0])
        before = fixed[pos - 1].right[-1] if pos else -1
        after = fixed[pos].right[0] if pos < len(fixed) else 1 << 60
        if not before < b.right[0] <= b.right[-1] < after:
            out.add(key)
    return out


def _make_links(
    left: Document,
    right: Document,
    lu: list[_Unit],
    ru: list[_Unit],
    beads: list[_Bead],
    moved: set[tuple[tuple[int, ...], tuple[int, ...]]],
    config: AlignConfig,
) -> list[ClauseLink]:
    links = []
    lcl, rcl = left.clauses, right.clauses
    for b in beads:
        bl, br = b.left, b.right
        lt = lcl[bl[0]].text if len(bl) == 1 else SIDE_JOINER.join(lcl[i].text for i in bl)
        rt = rcl[br[0]].text if len(br) == 1 else SIDE_JOINER.join(rcl[j].text for j in br)
        one_one = len(bl) == len(br) == 1
        same = one_one and (
            lt == rt or (lu[bl[0]].exact == ru[br[0]].exact and normalize(lt) == normalize(rt))
        )
        if same:
            kind = LinkKind.MOVED if (bl, br) in moved else LinkKind.UNCHANGED
            links.append(ClauseLink(bl, br, kind, 1.0))
            continue
        if one_one:
            kind = LinkKind.MOVED if (bl, br) in moved else LinkKind.MODIFIED
        elif len(bl) == 1:
            kind = LinkKind.SPLIT
        elif len(br) == 1:
            kind = LinkKind.MERGED
        else:
            kind = LinkKind.RESTRUCTURED
        links.append(ClauseLink(bl, br, kind, round(b.score, 4), word_diff(lt, rt, config)))
    return links


def _resolve_leftovers(
    left: Document, right: Document, links: list[ClauseLink]
) -> list[ClauseLink]:
    """Unlinked clauses: unknown when they face a gap, else deleted or added.

    A clause faces a gap when a gap clause of the other version lies between the links
    around it, or when the other version's text is cut off there. A clause of its own
    that is cut off by a gap, with unlinked clauses opposite, is unknown too: the words
    that would identify its counterpart are missing.
    """
    used = ({i for lk in links for i in lk.left}, {j for lk in links for j in lk.right})
    out = list(links)
    if not left.has_gaps and not right.has_gaps:  # nothing can face a gap
        for side, kind in ((0, LinkKind.DELETED), (1, LinkKind.ADDED)):
            doc = left if side == 0 else right
            out += [
                _one_sided(side, c.index, kind, None)
                for c in doc.clauses
                if c.index not in used[side]
            ]
        return out
    frame = [lk for lk in links if lk.kind is not LinkKind.MOVED and lk.left and lk.right]
    docs = (left, right)
    for side in (0, 1):
        doc, other = docs[side], docs[1 - side]
        opposite = _Opposite(side, frame, len(other.clauses))
        for c in doc.clauses:
            if c.index in used[side]:
                continue
            if c.is_gap:
                out.append(_one_sided(side, c.index, LinkKind.UNKNOWN, None))
                continue
            lo, hi = opposite(c.index)
            gap = _facing_gap(other, lo, hi)
            if gap is not None:
                out.append(_one_sided(side, c.index, LinkKind.UNKNOWN, (1 - side, gap)))
                continue
            own = (
                _own_gap(doc, c)
                if any(k not in used[1 - side] for k in range(lo + 1, hi))
                else None
            )
            if own is not None:
                out.append(_one_sided(side, c.index, LinkKind.UNKNOWN, (side, own)))
            else:
                kind = LinkKind.DELETED if side == 0 else LinkKind.ADDED
                out.append(_one_sided(side, c.index, kind, None))
    return out


class _Opposite:
    """The open interval of the other version between the links around a clause.

    ``lo`` is the furthest clause of the other version linked to one of ours before the
    clause, ``hi`` the nearest linked to one of ours after it. Prefix maxima and suffix
    minima over the links sorted by their ends make each question a binary search.
    """

    def __init__(self, side: int, frame: list[ClauseLink], n_other: int) -> None:
        spans = [
            (min(lk.left), max(lk.left), min(lk.right), max(lk.right))
            if side == 0
            else (min(lk.right), max(lk.right), min(lk.left), max(lk.left))
            for lk in frame
        ]
        by_end = sorted(spans, key=lambda s: s[1])
        self._ends = [s[1] for s in by_end]
        self._prefix_max: list[int] = []
        running = -1
        for s in by_end:
            running = max(running, s[3])
            self._prefix_max.append(running)
        by_start = sorted(spans, key=lambda s: s[0])
        self._starts = [s[0] for s in by_start]
        self._suffix_min = [n_other] * (len(by_start) + 1)
        for k in range(len(by_start) - 1, -1, -1):
            self._suffix_min[k] = min(self._suffix_min[k + 1], by_start[k][2])

    def __call__(self, index: int) -> tuple[int, int]:
        k = bisect.bisect_left(self._ends, index)  # links ending before ``index``
        lo = self._prefix_max[k - 1] if k else -1
        k = bisect.bisect_right(self._starts, index)  # links starting after ``index``
        return lo, self._suffix_min[k]


def _facing_gap(other: Document, lo: int, hi: int) -> int | None:
    for k in range(lo + 1, hi):
        if other.clauses[k].is_gap:
            return k
    if 0 <= lo < len(other.clauses) and other.clauses[lo].ends_in_gap:
        return _next_gap(other, lo)
    if 0 <= hi < len(other.clauses) and other.clauses[hi].starts_in_gap:
        return _prev_gap(other, hi)
    return None


def _own_gap(doc: Document, clause: Clause) -> int | None:
    if clause.ends_in_gap:
        return _next_gap(doc, clause.index)
    if clause.starts_in_gap:
        return _prev_gap(doc, clause.index)
    return None


def _one_sided(side: int, index: int, kind: LinkKind, gap: tuple[int, int] | None) -> ClauseLink:
    if side == 0:
        return ClauseLink((index,), (), kind, 0.0, (), gap)
    return ClauseLink((), (index,), kind, 0.0, (), gap)


def _next_gap(doc: Document, index: int) -> int | None:
    for c in doc.clauses[index + 1 :]:
        if c.is_gap:
            return c.index
    return None


def _prev_gap(doc: Document, index: int) -> int | None:
    for c in reversed(doc.clauses[:index]):
        if c.is_gap:
            return c.index
    return None


def _reading_order(links: list[ClauseLink]) -> list[ClauseLink]:
    """Links in reading order: by the right version, each left-only link placed after the
    link of the left clause before it (so a deleted clause shows where it stood)."""
    right_pos: dict[int, float] = {}
    for lk in links:
        if lk.left and lk.right and lk.kind is not LinkKind.MOVED:
            for i in lk.left:
                right_pos[i] = float(lk.right[-1])

    placed = sorted(right_pos)

    def key(lk: ClauseLink) -> tuple[float, int, int]:
        if lk.right:
            return (float(lk.right[0]), 0, lk.left[0] if lk.left else -1)
        i = lk.left[0]
        pos = bisect.bisect_left(placed, i)
        return (right_pos[placed[pos - 1]] + 0.5 if pos else -0.5, 1, i)

    return sorted(links, key=key)

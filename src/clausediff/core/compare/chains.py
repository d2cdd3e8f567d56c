"""Exact anchors: clauses whose normalised text is unique and equal on both sides.

Contract: :func:`exact_anchors` returns the in-order anchors (the heaviest increasing chain,
:func:`heaviest_chain`: the most clauses, ties broken by the clauses' contents so that it is
the same from either side; an anchor that nothing around it supports is left out) and the
unique exact matches out of order (moves).
"""

from __future__ import annotations

import zlib
from collections import Counter

from clausediff.core.compare import lcs
from clausediff.core.compare.config import ClauseRules, Limits
from clausediff.core.compare.units import Unit, keys_for


def heaviest_chain(pairs: list[tuple[int, int]], weights: list[float]) -> list[tuple[int, int]]:
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


def exact_anchors(
    lu: list[Unit],
    ru: list[Unit],
    rules: ClauseRules,
    limits: Limits,
    keys_of: dict[str, list[str]],
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Unique exact matches: (in-order anchors, out-of-order moves); an anchor of the chain
    that nothing around it supports is neither (:func:`_supported`): its clauses go to the
    passes that weigh their neighbours. ``keys_of``: word tokens by text, shared with
    :func:`~clausediff.core.compare.units.find_words`."""
    lc = Counter(u.exact for u in lu if u.exact)
    rc = Counter(u.exact for u in ru if u.exact)
    rpos = {u.exact: u.index for u in ru if u.exact and rc[u.exact] == 1}
    pairs = [
        (u.index, rpos[u.exact]) for u in lu if u.exact and lc[u.exact] == 1 and u.exact in rpos
    ]
    # The chain keeps the most clauses in order (the fewest are moves: a clause moved past
    # two others is the one that moved, however long it is); between chains of as many
    # clauses, the one with the most text, then a checksum of it (the weights come from the
    # contents, so the chain is the same from either side; the tie-breaks of a whole chain
    # add up to less than one clause).
    scale = (max((len(lu[i].exact) for i, _ in pairs), default=0) + 2) * (len(pairs) + 1)
    weights = [
        1 + (len(lu[i].exact) + zlib.crc32(lu[i].exact.encode("utf-8")) / 2**32) / scale
        for i, _ in pairs
    ]
    in_order = heaviest_chain(pairs, weights)
    chained = set(in_order)
    jumps = [p for p in pairs if p not in chained]
    kept = [
        p
        for k, p in enumerate(in_order)
        if _supported(k, in_order, lu, ru, rules, limits.max_word_pairs, keys_of)
    ]
    return kept, jumps


def _supported(
    k: int,
    chain: list[tuple[int, int]],
    lu: list[Unit],
    ru: list[Unit],
    rules: ClauseRules,
    max_pairs: int,
    keys_of: dict[str, list[str]],
) -> bool:
    """Whether anchor ``k`` of the chain has support around it: the anchor before or after
    it stands within ``anchor_support_reach`` clauses on one side at least (clauses added
    or dropped between two kept ones move it away on the other); or the clauses just
    before it, or just after it, are ``match_threshold`` similar on both sides, or one of
    them a gap; or it stands at an end of both versions. A copy that stands alone in a text
    rewritten throughout (the only exact matches there are chance ones) would cut it into
    stretches that do not face each other; it is left to the passes that weigh its
    neighbours."""
    i, j = chain[k]
    reach = rules.anchor_support_reach
    for n in (k - 1, k + 1):
        if 0 <= n < len(chain) and min(abs(chain[n][0] - i), abs(chain[n][1] - j)) <= reach:
            return True
    for d in (-1, 1):
        a, b = i + d, j + d
        if (a < 0 and b < 0) or (a >= len(lu) and b >= len(ru)):
            return True  # (both versions begin, or end, here)
        if not (0 <= a < len(lu) and 0 <= b < len(ru)):
            continue
        u, v = lu[a].clause, ru[b].clause
        if u.is_gap or v.is_gap:
            return True  # (what faces a gap cannot be weighed)
        x, y = keys_for(u.text, keys_of), keys_for(v.text, keys_of)
        if x and y and lcs.similarity(x, y, max_pairs) >= rules.match_threshold:
            return True
    return False

"""Longest common subsequences of token lists, in bounded time and memory.

Contract: :func:`opcodes` gives the edit steps between two token lists (rapidfuzz
``Indel`` opcodes as tuples), :func:`similarity` the Indel similarity in ``[0, 1]`` and
:func:`shared` the number of tokens in common, :func:`shared_ends` how many tokens two
lists share at their start and, in what is left, at their end. Up to ``max_pairs`` token pairs
(``len(a) * len(b)``) they are exact. Beyond that (one enormous paragraph: a PDF without
paragraph breaks, a hostile file; the exact computation needs time and memory that grow
with the product of the lengths) the lists are first anchored on runs of four tokens that
occur once in each, kept in order (a longest increasing chain), and only the stretches
between anchors are compared token by token, or, when still too long, taken as wholly
changed. An edited long text is so compared almost exactly, and two unrelated long texts
quickly.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from itertools import islice
from typing import cast

from rapidfuzz.distance import Indel, LCSseq

Opcodes = list[tuple[str, int, int, int, int]]

_GRAM = 4  # tokens in an anchoring run


def shared_ends(a: Sequence[str], b: Sequence[str]) -> tuple[int, int]:
    """The number of equal tokens at the start of both lists, and at their end in what the
    start leaves."""
    shortest = min(len(a), len(b))
    head = 0
    while head < shortest and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < shortest - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return head, tail


def opcodes(a: list[str], b: list[str], max_pairs: int) -> Opcodes:
    """``(tag, a_start, a_end, b_start, b_end)`` steps turning ``a`` into ``b``, in order and
    covering both; tags are ``equal``, ``replace``, ``delete`` and ``insert``."""
    if len(a) * len(b) <= max_pairs:
        return cast("Opcodes", Indel.opcodes(a, b).as_list())
    out: Opcodes = []
    prev_i = prev_j = -1
    for i, j in (*_anchors(a, b), (len(a), len(b))):
        _stretch(a, b, prev_i + 1, i, prev_j + 1, j, max_pairs, out)
        if i < len(a):
            out.append(("equal", i, i + 1, j, j + 1))
        prev_i, prev_j = i, j
    return out


def _stretch(
    a: list[str], b: list[str], i1: int, i2: int, j1: int, j2: int, max_pairs: int, out: Opcodes
) -> None:
    """Steps for ``a[i1:i2]`` against ``b[j1:j2]``, appended to ``out``."""
    if i1 == i2 and j1 == j2:
        return
    if i1 == i2:
        out.append(("insert", i1, i1, j1, j2))
    elif j1 == j2:
        out.append(("delete", i1, i2, j1, j1))
    elif (i2 - i1) * (j2 - j1) <= max_pairs:
        fine = cast("Opcodes", Indel.opcodes(a[i1:i2], b[j1:j2]).as_list())
        out += [(t, s1 + i1, s2 + i1, t1 + j1, t2 + j1) for t, s1, s2, t1, t2 in fine]
    else:
        out.append(("replace", i1, i2, j1, j2))


def _anchors(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """Token pairs ``(i, j)`` that start a run of tokens found once in each list, in a
    longest chain increasing on both sides."""
    grams_a = list(zip(*(islice(a, k, None) for k in range(_GRAM)), strict=False))
    grams_b = list(zip(*(islice(b, k, None) for k in range(_GRAM)), strict=False))
    count_a, count_b = Counter(grams_a), Counter(grams_b)
    where_b = {g: j for j, g in enumerate(grams_b) if count_b[g] == 1}
    pairs = [(i, where_b[g]) for i, g in enumerate(grams_a) if count_a[g] == 1 and g in where_b]
    # longest increasing chain of right positions (patience sorting)
    tails: list[int] = []  # smallest right position ending a chain of each length
    tail_at: list[int] = []  # the pair that ends it
    before = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        n = bisect.bisect_left(tails, j)
        before[k] = tail_at[n - 1] if n else -1
        if n == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[n], tail_at[n] = j, k
    chain = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        chain.append(pairs[k])
        k = before[k]
    return chain[::-1]


def shared(a: list[str], b: list[str], max_pairs: int) -> int:
    """How many tokens the two lists have in common, in order."""
    if len(a) * len(b) <= max_pairs:
        return int(LCSseq.similarity(a, b))
    return sum(i2 - i1 for tag, i1, i2, _, _ in opcodes(a, b, max_pairs) if tag == "equal")


def similarity(a: list[str], b: list[str], max_pairs: int) -> float:
    """Indel similarity: twice the tokens in common over the tokens of both, in ``[0, 1]``."""
    if not a and not b:
        return 1.0
    if len(a) * len(b) <= max_pairs:
        return float(Indel.normalized_similarity(a, b))
    return 2 * shared(a, b, max_pairs) / (len(a) + len(b))

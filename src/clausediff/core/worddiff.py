"""Word-level changes between two texts.

Contract: :func:`word_diff` takes two texts and returns :class:`WordOp` values whose spans
cover both texts exactly, in order: concatenating the left spans rebuilds the left text and
the right spans the right text. Tokens are words and punctuation marks with their character
offsets (:func:`clausediff.core.normalize.tokenize`); opcodes come from
``rapidfuzz.distance.Indel`` on the token keys, so changes follow the longest common
subsequence of words. Readability rules, applied after: a deletion next to an insertion is
one replacement; a lone unchanged word between two multi-word changes is folded into one
change; a changed span never starts or ends with white space. Drawing is the caller's job.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from clausediff.core.config import DEFAULT_CONFIG, AlignConfig
from clausediff.core.model import Span
from clausediff.core.normalize import Token, tokenize


class OpKind(enum.Enum):
    EQUAL = "equal"
    REPLACE = "replace"
    DELETE = "delete"
    INSERT = "insert"


@dataclass(frozen=True, slots=True)
class WordOp:
    """One step of a word diff: ``left`` and ``right`` are spans of the two texts."""

    kind: OpKind
    left: Span
    right: Span

    def texts(self, left_text: str, right_text: str) -> tuple[str, str]:
        return (
            left_text[self.left.start : self.left.end],
            right_text[self.right.start : self.right.end],
        )


@dataclass(slots=True)
class _TokOp:
    kind: OpKind
    i1: int
    i2: int
    j1: int
    j2: int


def word_diff(left: str, right: str, config: AlignConfig = DEFAULT_CONFIG) -> tuple[WordOp, ...]:
    """Word changes from ``left`` to ``right``; see the module contract."""
    ta = tokenize(left, casefold=config.diff_casefold)
    tb = tokenize(right, casefold=config.diff_casefold)
    ops = _token_ops(ta, tb)
    ops = _fold_islands(ops, ta, tb, config)
    if config.rewrite_ratio > 0:
        ops = _maybe_rewrite(ops, ta, tb, config)
    return _to_char_ops(ops, ta, tb, len(left), len(right))


def _token_ops(ta: list[Token], tb: list[Token]) -> list[_TokOp]:
    raw = Indel.opcodes([t.key for t in ta], [t.key for t in tb])
    ops: list[_TokOp] = []
    for code in raw:
        tag, i1, i2, j1, j2 = code.tag, code.src_start, code.src_end, code.dest_start, code.dest_end
        kind = {"equal": OpKind.EQUAL, "delete": OpKind.DELETE, "insert": OpKind.INSERT}.get(
            tag, OpKind.REPLACE
        )
        if kind is not OpKind.EQUAL and ops and ops[-1].kind is not OpKind.EQUAL:
            prev = ops[-1]
            prev.i2, prev.j2 = i2, j2
            prev.kind = _kind_for(prev.i1, prev.i2, prev.j1, prev.j2)
            continue
        ops.append(_TokOp(kind, i1, i2, j1, j2))
    return ops


def _kind_for(i1: int, i2: int, j1: int, j2: int) -> OpKind:
    if i2 > i1 and j2 > j1:
        return OpKind.REPLACE
    return OpKind.DELETE if i2 > i1 else OpKind.INSERT


def _words(tokens: list[Token], a: int, b: int) -> int:
    return sum(1 for t in tokens[a:b] if t.is_word)


def _fold_islands(
    ops: list[_TokOp], ta: list[Token], tb: list[Token], config: AlignConfig
) -> list[_TokOp]:
    """Fold a short unchanged island between two multi-word changes into one change."""
    changed = True
    while changed and len(ops) >= 3:
        changed = False
        for k in range(1, len(ops) - 1):
            before, island, after = ops[k - 1], ops[k], ops[k + 1]
            if island.kind is not OpKind.EQUAL or before.kind is OpKind.EQUAL:
                continue
            if after.kind is OpKind.EQUAL:
                continue
            n_words = _words(ta, island.i1, island.i2)
            has_punct = any(not t.is_word for t in ta[island.i1 : island.i2])
            if n_words > config.island_max_words or has_punct:
                continue

            def span_words(op: _TokOp) -> int:
                return max(_words(ta, op.i1, op.i2), _words(tb, op.j1, op.j2))

            if span_words(before) < 2 or span_words(after) < 2:
                continue
            merged = _TokOp(
                _kind_for(before.i1, after.i2, before.j1, after.j2),
                before.i1,
                after.i2,
                before.j1,
                after.j2,
            )
            ops[k - 1 : k + 2] = [merged]
            changed = True
            break
    return ops


def _maybe_rewrite(
    ops: list[_TokOp], ta: list[Token], tb: list[Token], config: AlignConfig
) -> list[_TokOp]:
    same = sum(_words(ta, o.i1, o.i2) for o in ops if o.kind is OpKind.EQUAL)
    total = max(_words(ta, 0, len(ta)), _words(tb, 0, len(tb)), 1)
    if 1 - same / total >= config.rewrite_ratio:
        return [_TokOp(_kind_for(0, len(ta), 0, len(tb)), 0, len(ta), 0, len(tb))]
    return ops


def _to_char_ops(
    ops: list[_TokOp], ta: list[Token], tb: list[Token], len_a: int, len_b: int
) -> tuple[WordOp, ...]:
    if not ops:
        kind = _kind_for(0, 1 if len_a else 0, 0, 1 if len_b else 0) if (len_a or len_b) else None
        if kind is None:
            return ()
        return (WordOp(kind, Span(0, len_a), Span(0, len_b)),)
    left = _boundaries(ops, ta, len_a, side=0)
    right = _boundaries(ops, tb, len_b, side=1)
    return tuple(
        WordOp(op.kind, Span(left[k], left[k + 1]), Span(right[k], right[k + 1]))
        for k, op in enumerate(ops)
    )


def _boundaries(ops: list[_TokOp], toks: list[Token], length: int, side: int) -> list[int]:
    """Character boundaries between ops on one side; white space goes to unchanged ops."""

    def rng(op: _TokOp) -> tuple[int, int]:
        return (op.i1, op.i2) if side == 0 else (op.j1, op.j2)

    bounds = [0]
    for k in range(len(ops) - 1):
        a, b = rng(ops[k])
        # end of the last token at or before this edge, start of the first token after it
        prev_end = toks[b - 1].end if b > 0 else 0
        next_start = toks[b].start if b < len(toks) else length
        if ops[k].kind is OpKind.EQUAL and b > a:
            bounds.append(next_start)
        else:
            bounds.append(prev_end if b > 0 else 0)
    bounds.append(length)
    # Boundaries are monotone by construction; guard against leading text before token 0.
    for k in range(1, len(bounds)):
        bounds[k] = max(bounds[k], bounds[k - 1])
    return bounds

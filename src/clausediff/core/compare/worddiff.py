"""Word-level changes between two texts.

Contract: :func:`word_diff` takes two texts and returns :class:`WordOp` values whose spans
cover both texts exactly, in order: concatenating the left spans rebuilds the left text and
the right spans the right text. Tokens are words and punctuation marks with their character
offsets (:func:`clausediff.core.text.normalize.token_table`); opcodes come from
``rapidfuzz.distance.Indel`` on the token keys, so changes follow the longest common
subsequence of words. Readability rules, applied after: a deletion next to an insertion is
one replacement; a lone unchanged word between two multi-word changes is folded into one
change; a changed span never starts or ends with white space, but for one rule: a deletion
(or insertion) that can be slid along the unchanged words around it (the same words, so
the same diff) onto whole sentences is, and then shows those sentences with the white space
that follows them ("And the earth was … deep. ", not "the earth was … deep. And"). Drawing
is the caller's job.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from clausediff.core.compare import lcs
from clausediff.core.compare.config import DEFAULT_CONFIG, Limits, WordRules
from clausediff.core.compare.links import OpKind, WordOp
from clausediff.core.model import Span, unchecked_span
from clausediff.core.text.normalize import TOKEN_RE, is_word, normalize_token, token_table
from clausediff.core.text.sentences import split_sentences


@dataclass(slots=True)
class _TokOp:
    kind: OpKind
    i1: int
    i2: int
    j1: int
    j2: int


def word_diff(
    left: str,
    right: str,
    rules: WordRules = DEFAULT_CONFIG.words,
    limits: Limits = DEFAULT_CONFIG.limits,
) -> tuple[WordOp, ...]:
    """Word changes from ``left`` to ``right``; see the module contract."""
    # Most linked pairs differ in a few words: the stretches both texts open and close with
    # (cut at white space, so that they hold whole tokens) are one token each, and only
    # what lies between is tokenised. (The rewrite rule counts every word, so it keeps
    # every token.)
    trim = rules.trim_common_ends and rules.rewrite_ratio <= 0
    ends = common_ends(left, right, rules.casefold) if trim else (0, 0)
    return _word_diff(left, right, rules, limits, ends)


def _word_diff(
    left: str, right: str, rules: WordRules, limits: Limits, ends: tuple[int, int]
) -> tuple[WordOp, ...]:
    head, tail = ends
    ta = _Tokens(left, head, tail, rules.casefold)
    tb = _Tokens(right, head, tail, rules.casefold)
    ops = _token_ops(ta.keys, tb.keys, limits.max_word_pairs)
    if len(ops) >= 3:
        ops = _fold_islands(ops, ta, tb, rules)
    if rules.rewrite_ratio > 0:
        ops = _maybe_rewrite(ops, ta, tb, rules)
    char_ops = _to_char_ops(ops, ta, tb, len(left), len(right))
    return _whole_sentences(char_ops, (left, right), rules.casefold)


def common_ends(left: str, right: str, casefold: bool = False) -> tuple[int, int]:
    """Lengths of the longest common head that ends in white space and of the longest
    common tail, in what is left, that starts with white space.

    The diff is then the one of the whole token lists, change for change: the longest
    common subsequence takes the longest common run of tokens at the start, then at the
    end of what is left. Should the tokens go on agreeing after the head (white space
    that differs between equal words stops the head early), the tail could claim tokens
    that run belongs to; then there is no tail.
    """
    lo, hi = 0, min(len(left), len(right))
    while lo < hi:  # longest common prefix, by halving (each test a memory comparison)
        mid = (lo + hi + 1) // 2
        if left[:mid] == right[:mid]:
            lo = mid
        else:
            hi = mid - 1
    head = lo
    while head and not left[head - 1].isspace():
        head -= 1
    next_a, next_b = TOKEN_RE.search(left, head), TOKEN_RE.search(right, head)
    if next_a is not None and next_b is not None:
        tok_a, tok_b = next_a.group(), next_b.group()
        if tok_a == tok_b or (
            (casefold or not (tok_a.isascii() and tok_b.isascii()))  # (else keys are tokens)
            and normalize_token(tok_a, casefold=casefold)
            == normalize_token(tok_b, casefold=casefold)
        ):
            return head, 0
    a, b = left[head:], right[head:]
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid :] == b[len(b) - mid :]:
            lo = mid
        else:
            hi = mid - 1
    start = len(a) - lo
    while start < len(a) and not a[start].isspace():
        start += 1
    return head, len(a) - start


#: Keys of the common head and tail as tokens (no real token holds a NUL and a letter).
_HEAD, _TAIL = "0\x00head", "0\x00tail"


class _Tokens:
    """The tokens of one text as parallel lists (keys, starts, ends); its first ``head``
    and last ``tail`` characters, shared with the other text, are one token each."""

    __slots__ = ("ends", "keys", "starts")

    def __init__(self, text: str, head: int, tail: int, casefold: bool) -> None:
        if not head and not tail:
            self.keys, self.starts, self.ends = token_table(text, casefold=casefold)
            return
        end = len(text) - tail
        keys, starts, ends = token_table(text[head:end], casefold=casefold)
        if head:
            starts = [x + head for x in starts]
            ends = [x + head for x in ends]
        head_end = len(text[:head].rstrip())
        if head_end:
            keys.insert(0, _HEAD)
            starts.insert(0, len(text) - len(text.lstrip()))
            ends.insert(0, head_end)
        tail_end = len(text.rstrip())
        if tail_end > end:
            keys.append(_TAIL)
            starts.append(len(text) - len(text[end:].lstrip()))
            ends.append(tail_end)
        self.keys, self.starts, self.ends = keys, starts, ends

    def words(self, a: int, b: int) -> int:
        """How many of tokens ``a`` to ``b`` are words (the others are punctuation)."""
        return sum(1 for k in self.keys[a:b] if is_word(k))


_KIND_OF_TAG = {
    "equal": OpKind.EQUAL,
    "delete": OpKind.DELETE,
    "insert": OpKind.INSERT,
    "replace": OpKind.REPLACE,
}


def _token_ops(keys_a: list[str], keys_b: list[str], max_pairs: int) -> list[_TokOp]:
    """Token opcodes, adjacent changes merged into one."""
    ops: list[_TokOp] = []
    for tag, i1, i2, j1, j2 in lcs.opcodes(keys_a, keys_b, max_pairs):
        kind = _KIND_OF_TAG[tag]
        if ops and (kind is OpKind.EQUAL) == (ops[-1].kind is OpKind.EQUAL):
            prev = ops[-1]
            prev.i2, prev.j2 = i2, j2
            if kind is not OpKind.EQUAL:
                prev.kind = _kind_for(prev.i1, prev.i2, prev.j1, prev.j2)
            continue
        ops.append(_TokOp(kind, i1, i2, j1, j2))
    return ops


def _kind_for(i1: int, i2: int, j1: int, j2: int) -> OpKind:
    if i2 > i1 and j2 > j1:
        return OpKind.REPLACE
    return OpKind.DELETE if i2 > i1 else OpKind.INSERT


def _fold_islands(ops: list[_TokOp], ta: _Tokens, tb: _Tokens, rules: WordRules) -> list[_TokOp]:
    """Fold a short unchanged island between two multi-word changes into one change.

    One pass, left to right: a fold can only make the change it ends in longer, so the
    fold it may allow in turn is checked at once (the same result as folding the leftmost
    island again and again, in linear time).
    """

    def change_words(op: _TokOp) -> int:
        return max(ta.words(op.i1, op.i2), tb.words(op.j1, op.j2))

    def foldable(island: _TokOp) -> bool:
        n_words = ta.words(island.i1, island.i2)
        has_punct = n_words < island.i2 - island.i1
        return n_words <= rules.island_max_words and not has_punct

    out: list[_TokOp] = []
    for op in ops:
        out.append(op)
        while (
            len(out) >= 3
            and out[-1].kind is not OpKind.EQUAL
            and out[-2].kind is OpKind.EQUAL
            and out[-3].kind is not OpKind.EQUAL
            and foldable(out[-2])
            and change_words(out[-3]) >= 2
            and change_words(out[-1]) >= 2
        ):
            before, after = out[-3], out[-1]
            out[-3:] = [
                _TokOp(
                    _kind_for(before.i1, after.i2, before.j1, after.j2),
                    before.i1,
                    after.i2,
                    before.j1,
                    after.j2,
                )
            ]
    return out


def _maybe_rewrite(ops: list[_TokOp], ta: _Tokens, tb: _Tokens, rules: WordRules) -> list[_TokOp]:
    same = sum(ta.words(o.i1, o.i2) for o in ops if o.kind is OpKind.EQUAL)
    total = max(ta.words(0, len(ta.keys)), tb.words(0, len(tb.keys)), 1)
    if 1 - same / total >= rules.rewrite_ratio:
        n, m = len(ta.keys), len(tb.keys)
        return [_TokOp(_kind_for(0, n, 0, m), 0, n, 0, m)]
    return ops


def _to_char_ops(
    ops: list[_TokOp], ta: _Tokens, tb: _Tokens, len_a: int, len_b: int
) -> tuple[WordOp, ...]:
    if not ops:
        kind = _kind_for(0, 1 if len_a else 0, 0, 1 if len_b else 0) if (len_a or len_b) else None
        if kind is None:
            return ()
        return (WordOp(kind, Span(0, len_a), Span(0, len_b)),)
    left = _boundaries([(op.i1, op.i2) for op in ops], ops, ta, len_a)
    right = _boundaries([(op.j1, op.j2) for op in ops], ops, tb, len_b)
    # (the boundaries are monotone and within both texts: the spans need no checking)
    return tuple(
        WordOp(
            op.kind,
            unchecked_span((left[k], left[k + 1])),
            unchecked_span((right[k], right[k + 1])),
        )
        for k, op in enumerate(ops)
    )


def _boundaries(
    ranges: list[tuple[int, int]], ops: list[_TokOp], toks: _Tokens, length: int
) -> list[int]:
    """Character boundaries between ops on one side; white space goes to unchanged ops."""
    starts, ends, n = toks.starts, toks.ends, len(toks.starts)
    bounds = [0]
    for k in range(len(ops) - 1):
        a, b = ranges[k]
        # end of the last token at or before this edge, start of the first token after it
        if ops[k].kind is OpKind.EQUAL and b > a:
            bounds.append(starts[b] if b < n else length)
        else:
            bounds.append(ends[b - 1] if b > 0 else 0)
    bounds.append(length)
    # Boundaries are monotone by construction; guard against leading text before token 0.
    for k in range(1, len(bounds)):
        if bounds[k] < bounds[k - 1]:
            bounds[k] = bounds[k - 1]
    return bounds


class _Side:
    """One text's tokens (all of them) and the offsets where its sentences start and end."""

    __slots__ = ("ends", "keys", "sentence_ends", "sentence_starts", "starts")

    def __init__(self, text: str, casefold: bool) -> None:
        self.keys, self.starts, self.ends = token_table(text, casefold=casefold)
        spans = split_sentences(text)
        self.sentence_starts = {sp.start for sp in spans}
        self.sentence_ends = {sp.end for sp in spans}


_STOPS = frozenset(".!?")


def _on(op: WordOp, side: int) -> Span:
    return op.left if side == 0 else op.right


def _whole_sentences(
    ops: tuple[WordOp, ...], texts: tuple[str, str], casefold: bool
) -> tuple[WordOp, ...]:
    """Slide each deletion or insertion between two unchanged ops onto whole sentences.

    A deleted run of tokens can move left by one token when its last token equals the
    token before it (or right when its first equals the one after): the same changes, cut
    elsewhere. Of the places so reachable, keeping at least one token in each unchanged
    neighbour, the nearest one that starts where a sentence of the text starts and ends
    where one ends is taken, and the change then takes the white space after it too. A
    change that reaches no such place is left as it is.
    """
    if not any(op.kind is OpKind.DELETE or op.kind is OpKind.INSERT for op in ops):
        return ops
    out = list(ops)
    sides: dict[int, _Side] = {}
    for k, op in enumerate(out):
        if op.kind is OpKind.DELETE:
            c = 0  # the side that holds the change; the other holds an empty span
        elif op.kind is OpKind.INSERT:
            c = 1
        else:
            continue
        prev = out[k - 1] if k > 0 and out[k - 1].kind is OpKind.EQUAL else None
        nxt = out[k + 1] if k + 1 < len(out) and out[k + 1].kind is OpKind.EQUAL else None
        if nxt is None:
            continue  # (no white space after it to take, nowhere to slide)
        span = _on(op, c)
        if not _STOPS.intersection(texts[c][span.start : span.end]):
            continue  # (sliding keeps its tokens: whole sentences would hold a stop)
        if c not in sides:
            sides[c] = _Side(texts[c], casefold)
        side = sides[c]
        ds = bisect.bisect_left(side.starts, span.start)
        de = bisect.bisect_left(side.starts, span.end)
        if de <= ds:
            continue
        lo = hi = 0
        if prev is not None:
            keys = side.keys
            ps = bisect.bisect_left(side.starts, _on(prev, c).start)
            ne = bisect.bisect_left(side.starts, _on(nxt, c).end)
            while lo < ds - ps - 1 and keys[ds - 1 - lo] == keys[de - 1 - lo]:
                lo += 1
            while hi < ne - de - 1 and keys[ds + hi] == keys[de + hi]:
                hi += 1
        shift = next(
            (
                d
                for d in sorted(range(-lo, hi + 1), key=abs)
                if side.starts[ds + d] in side.sentence_starts
                and side.ends[de + d - 1] in side.sentence_ends
            ),
            None,
        )
        if shift is None:
            continue
        start = side.starts[ds + shift] if prev is not None else span.start
        end = side.starts[de + shift]
        at = _on(op, 1 - c).start  # where the change sits in the other text
        if shift:
            o = 1 - c
            if o not in sides:
                sides[o] = _Side(texts[o], casefold)
            other = sides[o]
            at = other.starts[bisect.bisect_left(other.starts, at) + shift]
        changed = Span(start, end)
        point = Span(at, at)
        if prev is not None:
            prev_c, prev_o = Span(_on(prev, c).start, start), Span(_on(prev, 1 - c).start, at)
            out[k - 1] = WordOp(OpKind.EQUAL, *((prev_c, prev_o) if c == 0 else (prev_o, prev_c)))
        out[k] = WordOp(op.kind, *((changed, point) if c == 0 else (point, changed)))
        next_c, next_o = Span(end, _on(nxt, c).end), Span(at, _on(nxt, 1 - c).end)
        out[k + 1] = WordOp(OpKind.EQUAL, *((next_c, next_o) if c == 0 else (next_o, next_c)))
    return tuple(out)

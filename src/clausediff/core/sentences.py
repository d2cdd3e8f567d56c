"""Sentence provenance on top of clause links: where each sentence came from.

Contract: :func:`sentence_links` takes an :class:`Alignment` and returns
:class:`SentenceLink` values. Unlike clause links they do not partition: a sentence whose
parts went to several places has several links, each saying which part (``left_part``,
``right_part``, spans of the sentence texts) matched. Sentences of unchanged clauses are
linked one to one. For every other sentence, candidates come from an index of shared word
triples (never all pairs); a pair is linked when the words they share in runs
(``rapidfuzz.distance.Indel`` opcodes over word tokens) reach the config's thresholds. A link
whose clauses are not linked to each other at clause level is ``moved``: "this 2013 sentence
came from 2011 paragraph 2".
"""

from __future__ import annotations

import enum
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from clausediff.core.align import Alignment, LinkKind
from clausediff.core.config import AlignConfig
from clausediff.core.model import Clause, Span
from clausediff.core.normalize import Token, normalize, tokenize


class SentenceLinkKind(enum.Enum):
    UNCHANGED = "unchanged"
    MODIFIED = "modified"
    MOVED = "moved"


@dataclass(frozen=True, slots=True)
class SentenceRef:
    clause: int
    sentence: int


@dataclass(frozen=True, slots=True)
class SentenceLink:
    left: SentenceRef
    right: SentenceRef
    kind: SentenceLinkKind
    score: float
    left_part: Span
    right_part: Span
    shared_words: int


@dataclass(slots=True)
class _Sent:
    ref: SentenceRef
    text: str
    words: list[Token]
    keys: list[str]


def _sentences(clauses: tuple[Clause, ...], wanted: set[int]) -> list[_Sent]:
    out = []
    for c in clauses:
        if c.index not in wanted or c.is_gap:
            continue
        for s in c.sentences:
            words = [t for t in tokenize(s.text, casefold=True) if t.is_word]
            if words:
                out.append(
                    _Sent(SentenceRef(c.index, s.index), s.text, words, [t.key for t in words])
                )
    return out


def _triples(keys: list[str]) -> set[tuple[str, str, str]]:
    return {(keys[k], keys[k + 1], keys[k + 2]) for k in range(len(keys) - 2)}


def sentence_links(alignment: Alignment, config: AlignConfig) -> list[SentenceLink]:
    left, right = alignment.left, alignment.right
    links: list[SentenceLink] = []
    open_left: set[int] = set()
    open_right: set[int] = set()
    partner: dict[int, set[int]] = defaultdict(set)
    for lk in alignment.links:
        for i in lk.left:
            partner[i].update(lk.right)
        if lk.kind is LinkKind.UNCHANGED:
            lc, rc = left.clauses[lk.left[0]], right.clauses[lk.right[0]]
            for a, b in zip(lc.sentences, rc.sentences, strict=False):
                links.append(
                    SentenceLink(
                        SentenceRef(lc.index, a.index),
                        SentenceRef(rc.index, b.index),
                        SentenceLinkKind.UNCHANGED,
                        1.0,
                        Span(0, len(a.text)),
                        Span(0, len(b.text)),
                        len(a.text.split()),
                    )
                )
        else:
            open_left.update(lk.left)
            open_right.update(lk.right)
    config.check_cancel()
    ls = _sentences(left.clauses, open_left)
    rs = _sentences(right.clauses, open_right)
    if not ls or not rs:
        return links

    df: Counter[tuple[str, str, str]] = Counter()
    left_tri = [_triples(s.keys) for s in ls]
    right_tri = [_triples(s.keys) for s in rs]
    for tri in (*left_tri, *right_tri):
        df.update(tri)
    index: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for n, tri in enumerate(left_tri):
        for t in tri:
            if df[t] <= config.sentence_max_shingle_df:
                index[t].append(n)

    vocab: dict[str, str] = {}
    for m, rsent in enumerate(rs):
        hits: Counter[int] = Counter()
        for t in right_tri[m]:
            if df[t] <= config.sentence_max_shingle_df:
                hits.update(index.get(t, ()))
        for n, _ in hits.most_common(config.sentence_candidates):
            link = _score(ls[n], rsent, partner, config, vocab)
            if link is not None:
                links.append(link)
    links.sort(
        key=lambda lk: (lk.right.clause, lk.right.sentence, lk.left.clause, lk.left.sentence)
    )
    return links


def _encode(keys: list[str], vocab: dict[str, str]) -> str:
    """Words as one character each, so that rapidfuzz aligns words, not letters."""
    return "".join(vocab.setdefault(k, chr(0x4E00 + len(vocab))) for k in keys)


def _score(
    a: _Sent,
    b: _Sent,
    partner: dict[int, set[int]],
    config: AlignConfig,
    vocab: dict[str, str],
) -> SentenceLink | None:
    """Link two sentences by the best-matching stretch of the longer one.

    ``fuzz.partial_ratio_alignment`` finds the window of the longer sentence that best
    matches the shorter; the words shared in runs inside that window are the evidence,
    and the matched stretches on both sides become ``left_part`` and ``right_part``.
    """
    ea, eb = _encode(a.keys, vocab), _encode(b.keys, vocab)
    swap = len(ea) > len(eb)
    short, long_ = (eb, ea) if swap else (ea, eb)
    al = fuzz.partial_ratio_alignment(short, long_, processor=None)
    if al is None:
        return None
    window = (al.dest_start, al.dest_end)
    shared = 0
    hits_s: list[int] = []
    hits_l: list[int] = []
    for op in Indel.opcodes(short, long_[window[0] : window[1]]):
        if op.tag == "equal" and op.src_end - op.src_start >= config.sentence_min_run:
            shared += op.src_end - op.src_start
            hits_s += [op.src_start, op.src_end - 1]
            hits_l += [window[0] + op.dest_start, window[0] + op.dest_end - 1]
    if not shared:
        return None
    coverage = shared / len(short)
    strong = shared >= config.sentence_min_words and coverage >= config.sentence_min_coverage
    short_whole = (
        coverage >= config.sentence_short_coverage
        and shared / len(long_) >= config.sentence_long_coverage
    )
    if not (strong or short_whole):
        return None
    hits_a, hits_b = (hits_l, hits_s) if swap else (hits_s, hits_l)
    if normalize(a.text) == normalize(b.text):
        kind = SentenceLinkKind.UNCHANGED
    elif b.ref.clause in partner.get(a.ref.clause, ()):
        kind = SentenceLinkKind.MODIFIED
    else:
        kind = SentenceLinkKind.MOVED
    score = round(2 * shared / (len(a.keys) + len(b.keys)), 4)
    return SentenceLink(
        a.ref,
        b.ref,
        kind,
        score,
        Span(a.words[min(hits_a)].start, a.words[max(hits_a)].end),
        Span(b.words[min(hits_b)].start, b.words[max(hits_b)].end),
        shared,
    )

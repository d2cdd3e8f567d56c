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
import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, LCSseq

from clausediff.core.align import Alignment, LinkKind
from clausediff.core.config import AlignConfig
from clausediff.core.model import Clause, Span
from clausediff.core.normalize import normalize, word_keys, word_spans


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
    keys: list[str]
    code: str
    _spans: list[tuple[int, int]] | None = None

    def part(self, first: int, last: int) -> Span:
        """The span of the text from word ``first`` to word ``last`` (indices into keys);
        all of it when those are its first and last words.

        Word offsets are found only for sentences that get linked. Should the words of the
        original text not line up one to one with the keys (text that is not in NFC), the
        part is the whole sentence: a wider part, never a wrong one.
        """
        if first == 0 and last == len(self.keys) - 1:
            return Span(0, len(self.text))  # all of it
        if self._spans is None:
            self._spans = word_spans(self.text)
        if len(self._spans) != len(self.keys):
            return Span(0, len(self.text))
        return Span(self._spans[first][0], self._spans[last][1])


def _sentences(
    clauses: tuple[Clause, ...],
    wanted: set[int],
    vocab: dict[str, str],
    keys_of: dict[str, list[str]],
) -> list[_Sent]:
    out = []
    for c in clauses:
        if c.index not in wanted or c.is_gap:
            continue
        for s in c.sentences:
            keys = keys_of.get(s.text)
            if keys is None:
                keys = keys_of[s.text] = word_keys(s.text)
            if keys:
                out.append(_Sent(SentenceRef(c.index, s.index), s.text, keys, _encode(keys, vocab)))
    return out


def _triples(code: str) -> set[str]:
    return {code[k : k + 3] for k in range(len(code) - 2)}


def sentence_links(
    alignment: Alignment, config: AlignConfig, keys_of: dict[str, list[str]] | None = None
) -> list[SentenceLink]:
    """Sentence links of ``alignment``; ``keys_of`` caches word keys by text."""
    left, right = alignment.left, alignment.right
    keys_of = {} if keys_of is None else keys_of
    links: list[SentenceLink] = []
    open_links = []
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
            open_links.append(lk)
    config.check_cancel()
    vocab: dict[str, str] = {}
    ls = _sentences(left.clauses, {i for lk in open_links for i in lk.left}, vocab, keys_of)
    rs = _sentences(right.clauses, {j for lk in open_links for j in lk.right}, vocab, keys_of)
    if not ls or not rs:
        return links

    # First within each clause link: a sentence that mostly comes from a sentence of the
    # clauses it is linked to is explained, and neither searched for nor searched from.
    left_of: dict[int, list[int]] = defaultdict(list)
    for n, sent in enumerate(ls):
        left_of[sent.ref.clause].append(n)
    right_of: dict[int, list[int]] = defaultdict(list)
    for m, sent in enumerate(rs):
        right_of[sent.ref.clause].append(m)
    explained_left: set[int] = set()
    explained_right: set[int] = set()
    tried: set[tuple[int, int]] = set()
    for lk in open_links:
        for m in (m for j in lk.right for m in right_of.get(j, ())):
            for n in (n for i in lk.left for n in left_of.get(i, ())):
                tried.add((n, m))
                link = _score(ls[n], rs[m], partner, config)
                if link is None:
                    continue
                links.append(link)
                if link.shared_words >= config.sentence_explained * len(rs[m].keys):
                    explained_right.add(m)
                if link.shared_words >= config.sentence_explained * len(ls[n].keys):
                    explained_left.add(n)
    config.check_cancel()

    # Then across the documents, through shingles: three consecutive words, that is three
    # characters of the sentences' codes.
    search_left = [n for n in range(len(ls)) if n not in explained_left]
    search_right = [m for m in range(len(rs)) if m not in explained_right]
    left_tri = {n: _triples(ls[n].code) for n in search_left}
    right_tri = {m: _triples(rs[m].code) for m in search_right}
    df = Counter(itertools.chain.from_iterable([*left_tri.values(), *right_tri.values()]))
    cap = config.sentence_max_shingle_df
    index: dict[str, list[int]] = defaultdict(list)
    for n in search_left:
        for t in left_tri[n]:
            if df[t] <= cap:
                index[t].append(n)

    for m in search_right:
        found = [n for t in right_tri[m] if df[t] <= cap for n in index.get(t, ())]
        if not found:
            continue
        # most shared shingles first, then reading order: never the order of a set
        ranked = sorted(Counter(found).items(), key=lambda kv: (-kv[1], kv[0]))
        for n, hits in ranked[: config.sentence_candidates]:
            if (n, m) in tried:
                continue
            # one shared triple links two long sentences by chance more often than not;
            # between short ones it is real evidence
            if (
                hits < config.sentence_min_shingles
                and min(len(left_tri[n]), len(right_tri[m])) > config.sentence_min_shingles + 1
            ):
                continue
            link = _score(ls[n], rs[m], partner, config)
            if link is not None:
                links.append(link)
    links.sort(
        key=lambda lk: (lk.right.clause, lk.right.sentence, lk.left.clause, lk.left.sentence)
    )
    return links


_CODE_POINTS = 0x110000 - 0x4E00 - 0x800


def _encode(keys: list[str], vocab: dict[str, str]) -> str:
    """Words as one character each, so that rapidfuzz aligns words, not letters.

    Code points are taken in order from U+4E00 and skip the surrogate block, so a
    vocabulary of up to a million words has a character each; beyond that (only a hostile
    file gets there) characters are shared, which can only blur a score, never fail.
    """
    for k in keys:
        if k not in vocab:
            n = 0x4E00 + len(vocab) % _CODE_POINTS
            vocab[k] = chr(n if n < 0xD800 else n + 0x800)
    return "".join([vocab[k] for k in keys])


def _score(
    a: _Sent,
    b: _Sent,
    partner: dict[int, set[int]],
    config: AlignConfig,
) -> SentenceLink | None:
    """Link two sentences by the best-matching stretch of the longer one.

    ``fuzz.partial_ratio_alignment`` finds the window of the longer sentence that best
    matches the shorter (all of it when their lengths are within a tenth); the words
    shared in runs inside that window are the evidence, and the matched stretches on both
    sides become ``left_part`` and ``right_part``.
    """
    ea, eb = a.code, b.code
    swap = len(ea) > len(eb)
    short, long_ = (eb, ea) if swap else (ea, eb)
    # The words shared in runs cannot exceed the longest common subsequence: a cheap bound
    # that rules out most candidates before the alignment below.
    bound = LCSseq.similarity(short, long_)
    if not (
        (bound >= config.sentence_min_words and bound >= config.sentence_min_coverage * len(short))
        or (
            bound >= config.sentence_short_coverage * len(short)
            and bound >= config.sentence_long_coverage * len(long_)
        )
    ):
        return None
    if len(short) * 10 >= len(long_) * 9:
        # nearly the same length: the best window is (almost) all of the longer sentence
        window = (0, len(long_))
    else:
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
    if a.code == b.code and normalize(a.text) == normalize(b.text):
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
        a.part(min(hits_a), max(hits_a)),
        b.part(min(hits_b), max(hits_b)),
        shared,
    )

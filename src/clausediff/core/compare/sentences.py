"""Sentence provenance on top of clause links: where each sentence came from.

Contract: :func:`sentence_links` takes an :class:`Alignment` and returns
:class:`SentenceLink` values. Unlike clause links they do not partition: a sentence whose
parts went to several places has several links, each saying which part (``left_part``,
``right_part``, spans of the sentence texts) matched. Sentences of unchanged clauses are
linked one to one. For every other sentence, candidates come from an index of shared word
triples (never all pairs); a pair is linked when the words they share in runs
(``rapidfuzz.distance.Indel`` opcodes over word tokens) reach the sentence rules' thresholds. A link
whose clauses are not linked to each other at clause level is ``moved``: "this 2013 sentence
came from 2011 paragraph 2"; a moved link needs a score of at least the rules' floor.
"""

from __future__ import annotations

import itertools
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass
from operator import itemgetter
from sys import intern
from typing import cast

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, LCSseq

from clausediff.core.compare.config import DEFAULT_CONFIG, Cancel, Limits, SentenceRules, check
from clausediff.core.compare.links import (
    Alignment,
    LinkKind,
    SentenceLink,
    SentenceLinkKind,
    SentenceRef,
)
from clausediff.core.compare.units import WordCodes
from clausediff.core.model import Clause, Span, unchecked_span
from clausediff.core.text.normalize import normalize, word_bounds, word_keys


@dataclass(slots=True)
class _Sent:
    ref: SentenceRef
    text: str
    #: the sentence's words, one character each (:class:`WordCodes`): as many as its words
    code: str
    _bounds: array[int] | None = None

    def part(self, first: int, last: int) -> Span:
        """The span of the text from word ``first`` to word ``last`` (indices into the
        words); all of it when those are its first and last words.

        Word offsets are found only for sentences that get linked. Should the words of the
        original text not line up one to one with the keys (text that is not in NFC), the
        part is the whole sentence: a wider part, never a wrong one.
        """
        if first == 0 and last == len(self.code) - 1:
            return unchecked_span((0, len(self.text)))  # all of it
        if self._bounds is None:
            self._bounds = word_bounds(self.text)
        bounds = self._bounds
        if len(bounds) // 2 != len(self.code):
            return Span(0, len(self.text))
        return unchecked_span((bounds[2 * first], bounds[2 * last + 1]))


def _sentences(
    clauses: tuple[Clause, ...],
    wanted: set[int],
    vocab: WordCodes,
    keys_of: dict[str, list[str]],
    codes: dict[str, str],
) -> list[_Sent]:
    """The sentences of the ``wanted`` clauses that have words. ``keys_of``: word keys by
    text, found already (a one-sentence clause's are its clause's); ``codes``: the codes
    made so far, by text (a sentence of boilerplate recurs; only its code is kept)."""
    out = []
    code_of = vocab.__getitem__
    for index in sorted(wanted):
        c = clauses[index]
        if c.is_gap:
            continue
        for s in c.sentences:
            code = codes.get(s.text)
            if code is None:
                keys = keys_of.get(s.text)
                if keys is None:
                    keys = word_keys(s.text)
                code = codes[s.text] = "".join(map(code_of, keys))
            if code:
                out.append(_Sent(_new(SentenceRef, (index, s.index)), s.text, code))
    return out


_new = tuple.__new__  # a named tuple made without its Python-level constructor


def _triples(code: str) -> tuple[str, ...]:
    """The distinct word triples of a sentence's code, in order of first occurrence.

    (Interned: the same triples recur across a long text's sentences, and one string a
    triple keeps the index small. A tuple, not a set: the pass holds the triples of every
    sentence it searches at once, and a set of thirty strings takes four times the memory
    of a tuple of them; only membership in the index and the rare set is ever asked.)
    """
    return tuple(dict.fromkeys([intern(code[k : k + 3]) for k in range(len(code) - 2)]))


def sentence_links(
    alignment: Alignment,
    rules: SentenceRules = DEFAULT_CONFIG.sentences,
    limits: Limits = DEFAULT_CONFIG.limits,
    keys_of: dict[str, list[str]] | None = None,
    *,
    cancel: Cancel | None = None,
) -> list[SentenceLink]:
    """Sentence links of ``alignment``; ``keys_of`` caches word keys by text."""
    left, right = alignment.left, alignment.right
    keys_of = {} if keys_of is None else keys_of
    links: list[SentenceLink] = []
    open_links = []
    unchanged = SentenceLinkKind.UNCHANGED
    for lk in alignment.links:
        if lk.kind is LinkKind.UNCHANGED:
            i, j = lk.left[0], lk.right[0]
            for a, b in zip(left.clauses[i].sentences, right.clauses[j].sentences, strict=False):
                whole_a, whole_b = (
                    unchecked_span((0, len(a.text))),
                    unchecked_span((0, len(b.text))),
                )
                ref_a, ref_b = _new(SentenceRef, (i, a.index)), _new(SentenceRef, (j, b.index))
                n_words = len(a.text.split())
                links.append(
                    _new(SentenceLink, (ref_a, ref_b, unchanged, 1.0, whole_a, whole_b, n_words))
                )
        else:  # (added, deleted and unknown clauses too: their sentences may have moved)
            open_links.append(lk)
    partner: dict[int, set[int]] = defaultdict(set)
    for lk in open_links:
        for i in lk.left:
            partner[i].update(lk.right)
    check(cancel)
    vocab = WordCodes()
    codes: dict[str, str] = {}
    wanted = {i for lk in open_links for i in lk.left}
    ls = _sentences(left.clauses, wanted, vocab, keys_of, codes)
    wanted = {j for lk in open_links for j in lk.right}
    rs = _sentences(right.clauses, wanted, vocab, keys_of, codes)
    del codes, wanted
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
    explained = rules.explained
    for lk in open_links:
        lefts = [n for i in lk.left for n in left_of.get(i, ())]
        for m in (m for j in lk.right for m in right_of.get(j, ())):
            for n in lefts:
                link = _score(ls[n], rs[m], partner, rules, limits)
                if link is None:
                    continue
                links.append(link)
                if link.shared_words >= explained * len(rs[m].code):
                    explained_right.add(m)
                if link.shared_words >= explained * len(ls[n].code):
                    explained_left.add(n)
    check(cancel)

    # Then across the documents, through shingles: three consecutive words, that is three
    # characters of the sentences' codes.
    search_left = [n for n in range(len(ls)) if n not in explained_left]
    search_right = [m for m in range(len(rs)) if m not in explained_right]
    # (Every sentence's triples are made twice, counted and then indexed or searched,
    # rather than all held at once: on long texts the triples, their counts and the index
    # are most of the pass's memory.)
    df: Counter[str] = Counter()
    for sent in itertools.chain((ls[n] for n in search_left), (rs[m] for m in search_right)):
        df.update(_triples(sent.code))
    cap = rules.max_shingle_df
    index: dict[str, list[int]] = defaultdict(list)
    left_size = {}
    for n in search_left:
        left_tri = _triples(ls[n].code)
        left_size[n] = len(left_tri)
        for t in left_tri:
            if df[t] <= cap:
                index[t].append(n)
    del df
    postings = index.__getitem__
    by_hits = itemgetter(1)

    for m in search_right:
        right_tri = _triples(rs[m].code)
        shared = [t for t in right_tri if t in index]
        if not shared:
            continue
        found = Counter(itertools.chain.from_iterable(map(postings, shared)))
        # most shared shingles first, then reading order: never the order of a set
        ranked = sorted(sorted(found.items()), key=by_hits, reverse=True)
        for n, hits in ranked[: rules.candidates]:
            if rs[m].ref.clause in partner.get(ls[n].ref.clause, ()):
                # (scored already, within their clause link: the clauses are partners)
                continue
            # one shared triple links two long sentences by chance more often than not;
            # between short ones it is real evidence
            if (
                hits < rules.min_shingles
                and min(left_size[n], len(right_tri)) > rules.min_shingles + 1
            ):
                continue
            link = _score(ls[n], rs[m], partner, rules, limits)
            if link is not None:
                links.append(link)
    links.sort(key=_reading_key)
    return links


def _reading_key(lk: SentenceLink) -> tuple[int, int, int, int]:
    return (lk.right.clause, lk.right.sentence, lk.left.clause, lk.left.sentence)


def _score(
    a: _Sent,
    b: _Sent,
    partner: dict[int, set[int]],
    rules: SentenceRules,
    limits: Limits,
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
    if len(short) * len(long_) > limits.max_word_pairs:
        return None  # sentences this long are linked at clause level only (see the config)
    # The words shared in runs cannot exceed the longest common subsequence: a cheap bound
    # that rules out most candidates before the alignment below.
    bound = LCSseq.similarity(short, long_)
    if not (
        (bound >= rules.min_words and bound >= rules.min_coverage * len(short))
        or (
            bound >= rules.short_coverage * len(short) and bound >= rules.long_coverage * len(long_)
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
    first = last = (0, 0)  # (short, long) word indices of the first and last shared words
    w0, w1 = window
    runs = cast(
        "list[tuple[str, int, int, int, int]]", Indel.opcodes(short, long_[w0:w1]).as_list()
    )
    for tag, s1, s2, d1, d2 in runs:
        if tag == "equal" and s2 - s1 >= rules.min_run:
            if not shared:
                first = (s1, w0 + d1)
            last = (s2 - 1, w0 + d2 - 1)
            shared += s2 - s1
    if not shared:
        return None
    coverage = shared / len(short)
    strong = shared >= rules.min_words and coverage >= rules.min_coverage
    short_whole = coverage >= rules.short_coverage and shared / len(long_) >= rules.long_coverage
    if not (strong or short_whole):
        return None
    (first_a, first_b), (last_a, last_b) = (first[::-1], last[::-1]) if swap else (first, last)
    if a.code == b.code and normalize(a.text) == normalize(b.text):
        kind = SentenceLinkKind.UNCHANGED
    elif b.ref.clause in partner.get(a.ref.clause, ()):
        kind = SentenceLinkKind.MODIFIED
    else:
        kind = SentenceLinkKind.MOVED
    score = round(2 * shared / (len(a.code) + len(b.code)), 4)
    if kind is SentenceLinkKind.MOVED and score < rules.min_moved_score:
        return None  # (chance: see the rule)
    return SentenceLink(
        a.ref,
        b.ref,
        kind,
        score,
        a.part(first_a, last_a),
        b.part(first_b, last_b),
        shared,
    )


def moved_sentences(
    alignment: Alignment,
) -> tuple[dict[int, list[SentenceLink]], dict[int, list[SentenceLink]]]:
    """The sentences that travelled between clauses not linked to each other, by clause
    link: ``(arrived, left)``. ``arrived[n]`` holds the moved sentence links whose new
    sentence is in a clause of link ``n``; ``left[n]`` those whose old sentence is."""
    arrived: dict[int, list[SentenceLink]] = {}
    left: dict[int, list[SentenceLink]] = {}
    for sl in alignment.sentence_links:
        if sl.kind is SentenceLinkKind.MOVED:
            arrived.setdefault(alignment.link_index_of(1, sl.right.clause), []).append(sl)
            left.setdefault(alignment.link_index_of(0, sl.left.clause), []).append(sl)
    return arrived, left

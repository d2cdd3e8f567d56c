"""Every threshold and guardrail of the comparison, grouped by the stage that applies it.

Contract: frozen values, passed in. Each stage takes only its own rules: the clause pass
(:mod:`~clausediff.core.compare.units`, ``beads``, ``moves``) :class:`ClauseRules`, word
changes (:mod:`~clausediff.core.compare.worddiff`) :class:`WordRules`, sentence provenance
(:mod:`~clausediff.core.compare.sentences`) :class:`SentenceRules`, and all of them the
size guard in :class:`Limits`. :class:`AlignConfig` holds one of each for :func:`align`.
Nothing in the engine keeps a threshold of its own. Every similarity and share is on a
``[0, 1]`` scale (rapidfuzz Indel similarities on word-token lists, no processor: the tokens
are already normalised by :mod:`clausediff.core.text.normalize`).

Cancelling is not a rule: the functions that run long take a ``cancel`` hook of their own
(:data:`Cancel`), polled between stages through :func:`check`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

#: Polled between stages; returns True to abandon the work (raises :class:`AlignCancelled`).
Cancel = Callable[[], bool]


class AlignCancelled(Exception):
    """The caller's cancel hook asked the engine to stop."""


def check(cancel: Cancel | None) -> None:
    """Raise :class:`AlignCancelled` if the caller's hook asks to stop."""
    if cancel is not None and cancel():
        raise AlignCancelled


@dataclass(frozen=True, slots=True)
class Limits:
    """The size guard every stage respects."""

    #: Largest comparison made word by word, in word pairs (a word list of 5,000 against one
    #: of 5,000). Beyond it, clause similarities compare content-defined chunks of words,
    #: word diffs first match chunks and then diff the changed stretches word by word, and
    #: sentences are linked at clause level only: the cost of a comparison grows with the
    #: product of the lengths, and one enormous paragraph (a PDF without paragraph breaks,
    #: a hostile file) must not stall the application.
    max_word_pairs: int = 25_000_000
    #: Clauses of all the versions of one comparison together (a lineage of four documents
    #: of 60,000 clauses, the most a document may hold, or twelve of 20,000): the pairs are
    #: aligned one after the other, but the families and the views hold every version.
    #: Checked before anything is aligned (:func:`clausediff.session.comparison.compare`).
    max_comparison_clauses: int = 240_000


@dataclass(frozen=True, slots=True)
class ClauseRules:
    """How clauses are linked: anchors, the dynamic programme, moves."""

    #: Minimum similarity for two clauses in order to be linked as "modified".
    match_threshold: float = 0.5
    #: An exact anchor needs support: the anchor before or after it in the chain within
    #: this many clauses on one side at least, or the clauses just before or just after it
    #: ``match_threshold`` similar (a chance copy in a text rewritten throughout has none).
    anchor_support_reach: int = 2
    #: Minimum similarity of a clause with the concatenation of 2-3 neighbours (split/merge).
    split_threshold: float = 0.45
    #: Each part of a split or merge must bring the whole at least this share of its words
    #: (in order; words of the whole that the other parts do not hold already: a clause and
    #: its expanded self do not take a neighbour whose words the expansion repeats), or share
    #: at least ``split_part_min_shared`` words with it and bring ``split_part_marginal`` of
    #: its own (a long part rewritten, as 2011 paragraph 1 spread over 2013 paragraphs 1-3:
    #: 46, 32 and 42 words).
    split_part_containment: float = 0.6
    split_part_min_shared: int = 25
    #: … or bring the whole at least this share of the whole's words (a clause split and
    #: its second part expanded).
    split_part_marginal: float = 0.25
    #: Bonus (in score units per token) a many-to-one bead must earn over its best 1-1 part.
    split_penalty: float = 0.01
    #: Minimum similarity for a clause found elsewhere to be linked as "moved".
    move_threshold: float = 0.55
    #: How many candidates (by shared rare words) the move pass scores per clause.
    move_candidates: int = 8
    #: A word is "rare" (an index key for the move pass) in at most this many of the clauses
    #: left unlinked on each side.
    rare_word_max_clauses: int = 4
    #: Headings and body clauses are poor partners: their similarity is multiplied by this.
    kind_mismatch_factor: float = 0.8
    #: Largest anchor-free region aligned with the full dynamic programme (cells, about
    #: 200 by 200 clauses); larger ones are cut at fuzzy anchors first.
    dp_max_cells: int = 40_000
    #: A fuzzy anchor (a clause pair that cuts a large region) needs this similarity: high
    #: enough that the halves of a split or merged clause (about 0.67) never qualify.
    fuzzy_anchor_threshold: float = 0.8
    #: A piece of such a region still too large for the full programme gets the banded one
    #: only if it looks related: of ``related_probes`` clauses along its diagonal, at least
    #: this share must match a clause within ``related_probe_reach`` of the diagonal.
    related_probes: int = 32
    related_probe_reach: int = 8
    related_min_share: float = 0.125
    #: Band half-width around the diagonal beyond that size.
    dp_band: int = 60
    #: Words of a truncated clause (ending in a gap) compared with this share more words.
    truncated_slack: float = 1.25
    #: Clauses left over between the same two linked neighbours (the same "slot") are
    #: paired in order when they are this similar (lower than ``match_threshold``: their
    #: place is evidence too) …
    slot_threshold: float = 0.4
    #: … or when at least this share of the shorter one's words lie in the longer one, in
    #: order (a clause trimmed to its first sentence, or expanded), the shorter having at
    #: least ``slot_min_words`` words …
    slot_containment: float = 0.8
    slot_min_words: int = 5
    #: … or, when the slot holds as many clauses on each side (at most ``slot_facing_max``
    #: clauses in all on each side, and no gap) and the two stand at the same place in
    #: it, when they are this similar (a clause rewritten in its place keeps some of its
    #: words).
    slot_rewrite_threshold: float = 0.25
    slot_facing_max: int = 3
    #: … or, standing so, when the two open with the same ``slot_opening_words`` words or
    #: more (one for two headings: a licence's version line), the formula a drafter keeps
    #: when rewriting a provision in its place ("Members shall …", "We instruct the …"),
    #: whatever their similarity; they still share ``slot_min_shared`` words.
    slot_opening_words: int = 2
    #: … or, anywhere in the slot, when at least this share of the shorter clause's words
    #: lie in two sentences or more, each matched with one of the other clause's at least
    #: ``slot_sentence_match`` similar (a provision rewritten around the sentences it kept;
    #: one kept sentence may be a stock formula).
    slot_sentence_support: float = 0.5
    slot_sentence_match: float = 0.6
    #: … between clauses of at most this many sentences each (the rule compares every
    #: sentence of one with every sentence of the other), and over one alignment at most
    #: ``slot_sentence_budget`` sentence pairs (beyond, the rule is not tried).
    slot_sentence_max: int = 12
    slot_sentence_budget: int = 200_000
    #: Slots with more candidate pairs than this are left to the move pass.
    slot_max_pairs: int = 400
    #: Moves are also looked for among all pairs of leftovers (scored in rapidfuzz's C code)
    #: while there are at most this many pairs; beyond, through rare words only.
    move_all_pairs_budget: int = 12_000_000
    #: A move found among all pairs needs at least this similarity, and must beat every
    #: other candidate of either clause by ``move_margin``: in a repetitive text the best
    #: chance partner of a clause is close to its second best, a real counterpart is not.
    move_floor: float = 0.45
    move_margin: float = 0.08
    #: A leftover pair that are each other's best partner (above every other candidate of
    #: either, by any margin), at least ``near_floor`` similar, and stand near (each within
    #: ``near_window`` clauses of where the other would stand in its version) are linked:
    #: a paragraph moved a few places within its section keeps its place as evidence,
    #: where a chance look-alike stands anywhere. (The scores of all pairs are kept down to
    #: the lower of this and ``move_floor - move_margin``.)
    near_floor: float = 0.4
    near_window: int = 20
    #: Moves this similar are taken before clauses are paired by their place, so that a
    #: clause that moved is not paired with a stranger that stands where it stood.
    move_first_floor: float = 0.7
    #: A move (from either search) below ``move_clear`` similarity must also be this similar
    #: outside the words the two share at their start and end: a shared chapeau and a shared
    #: ending ("To instruct the … to report to the next session") are not evidence enough.
    move_clear: float = 0.8
    move_core_threshold: float = 0.4
    #: A pair paired by its place shares at least this many words (two short lines are
    #: otherwise "similar" through one common word); headings need only share one.
    slot_min_shared: int = 3
    #: A modified link is "trimmed" (or "expanded") when the shorter side has at most this
    #: share of the longer side's words and ``qualifier_containment`` of its own words lie
    #: in the longer side; "rewritten" when its similarity is below ``rewritten_below``.
    trimmed_ratio: float = 0.75
    qualifier_containment: float = 0.8
    rewritten_below: float = 0.5


@dataclass(frozen=True, slots=True)
class SentenceRules:
    """How sentence provenance is found on top of the clause links."""

    #: Compute sentence provenance at all (the views and the JSON want it; a caller that
    #: needs only clause links and word changes can save the time).
    enabled: bool = True
    #: Shared runs of at least this many words count towards sentence provenance.
    min_run: int = 2
    #: A sentence link needs this many shared words and this share of the shorter sentence …
    min_words: int = 6
    min_coverage: float = 0.25
    #: … or, for a short sentence, this share of it and ``long_coverage`` of the other.
    short_coverage: float = 0.6
    long_coverage: float = 0.3
    #: Candidates scored per sentence (found through shared word triples).
    candidates: int = 6
    #: A word triple shared by more sentences than this is boilerplate, not evidence.
    max_shingle_df: int = 12
    #: Candidates must share this many rare triples, unless one sentence is short (at most
    #: one more triple than this): a single shared triple is often chance.
    min_shingles: int = 2
    #: A sentence whose words come at least this much from a sentence of the clause it is
    #: linked to is explained: it is not searched for elsewhere, nor searched for.
    explained: float = 0.9
    #: No moved sentence link (between clauses the clause pass did not link) below this
    #: score, the share of both sentences' words shared in runs: ``2 * shared / (words of
    #: one + words of the other)``. Read off the bundled lineage and the licence suite:
    #: every moved pair below 0.2 there is chance, two sentences that share a stock phrase
    #: ("the General Council", "any of the rights granted to You"; 0.10-0.20), while the
    #: lowest genuine ones score 0.21-0.22 (a short sentence kept whole inside a long new
    #: one) and 2011 paragraph 2's travelled sentences 0.37 and 0.46; from 0.2 to 0.3 chance
    #: and genuine pairs still mix. Sentences of linked clauses are exempt: the clause link
    #: backs them, and a long sentence split over several clauses scores low for each part
    #: (2011 paragraph 1's first sentence: 0.12 and 0.15 into 2013 paragraphs 2 and 3).
    min_moved_score: float = 0.2


@dataclass(frozen=True, slots=True)
class WordRules:
    """How the word changes inside a link are found and folded for reading."""

    #: Compare case-insensitively inside a pair (by default "shall" vs "Shall" is a change).
    casefold: bool = False
    #: An unchanged island of at most this many words, with no punctuation, between two
    #: changes that each span several words, is folded into one change.
    island_max_words: int = 1
    #: Beyond this share of changed words a pair is shown as one rewrite (0 disables).
    rewrite_ratio: float = 0.0
    #: Tokenise only what lies between the head and tail both texts share (each kept as one
    #: token). A speed-up that never changes the result; off only to check that it does not.
    trim_common_ends: bool = True


@dataclass(frozen=True, slots=True)
class AlignConfig:
    """The rules of every stage of :func:`clausediff.core.compare.align.align`."""

    clauses: ClauseRules = field(default_factory=ClauseRules)
    words: WordRules = field(default_factory=WordRules)
    sentences: SentenceRules = field(default_factory=SentenceRules)
    limits: Limits = field(default_factory=Limits)


DEFAULT_CONFIG = AlignConfig()

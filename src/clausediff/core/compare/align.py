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
   subsequence); unique exact matches out of order are moves. An anchor with no support
   around it (:func:`~clausediff.core.compare.chains.exact_anchors`) is left to the later
   passes.
3. Between anchors, an order-preserving dynamic programme with 1-1, 1-0, 0-1, 1-2, 2-1,
   1-3, 3-1 and 2-2 beads, scored with ``rapidfuzz.distance.Indel`` on token lists. Large
   anchor-free regions are banded around the diagonal.
4. What is left: clear moves first (all pairs of leftovers scored in rapidfuzz's C code
   while within a budget, else candidates from rare words), then the leftovers between the
   same two linked neighbours paired by their place (:mod:`~clausediff.core.compare.slots`),
   then pairs that are each other's best partner and stand near (a clause moved a few
   places; only while all pairs are scored, within ``move_all_pairs_budget``), then the
   remaining moves.
5. Clauses left over that face a gap become unknown; the rest are added or deleted.
6. Word changes inside every link (:mod:`clausediff.core.compare.worddiff`) and sentence
   provenance (:mod:`clausediff.core.compare.sentences`).
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import replace

from clausediff.core import collector
from clausediff.core.compare import lcs
from clausediff.core.compare.beads import align_stretch
from clausediff.core.compare.chains import exact_anchors
from clausediff.core.compare.config import DEFAULT_CONFIG, AlignConfig, Cancel, check
from clausediff.core.compare.constraints import NO_CONSTRAINTS, Constraints, pin
from clausediff.core.compare.gaps import resolve_leftovers
from clausediff.core.compare.links import SIDE_JOINER, Alignment, ClauseLink, LinkKind
from clausediff.core.compare.moves import AllPairs, move_pass, out_of_order
from clausediff.core.compare.sentences import sentence_links
from clausediff.core.compare.slots import expected_places, slot_pass
from clausediff.core.compare.units import Bead, Scorer, Unit, find_words, units_of
from clausediff.core.compare.worddiff import word_diff
from clausediff.core.model import Document
from clausediff.core.text.normalize import normalize


def align(
    left: Document,
    right: Document,
    config: AlignConfig = DEFAULT_CONFIG,
    *,
    constraints: Constraints = NO_CONSTRAINTS,
    cancel: Cancel | None = None,
) -> Alignment:
    """Align two versions; see the module contract.

    ``constraints``: a user's corrections: pairs made by hand are linked as they stand
    (marked ``manual``) and everything else is aligned around them; pairs kept apart are
    never linked (:mod:`clausediff.core.compare.constraints`; ValueError for a set the two
    versions cannot honour).

    The alignment is a property of the pair: where duplicate clauses make two alignments
    score exactly the same, no rule on positions can pick the same one from both sides, so
    the engine always computes in one canonical orientation (by the texts' contents) and
    mirrors the result when asked the other way round.
    """
    constraints.check(left, right)
    with collector.paused():  # (many small values, no cycles: see the module)
        if (right.source, right.info.sha256) < (left.source, left.info.sha256):
            return _mirror(_align(right, left, config, constraints.mirrored(), cancel))
        return _align(left, right, config, constraints, cancel)


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


def _align(
    left: Document, right: Document, config: AlignConfig, cons: Constraints, cancel: Cancel | None
) -> Alignment:

    keys_of: dict[str, list[str]] = {}  # word keys by text, shared with the sentence pass
    lu, ru = units_of(left), units_of(right)
    scorer = Scorer(config.clauses, config.limits)
    check(cancel)

    anchors, jumps, pinned = pin(
        cons,
        *exact_anchors(lu, ru, config.clauses, config.limits, keys_of),
    )
    find_words(lu, {i for i, _ in anchors} | {i for i, _ in jumps}, keys_of)
    find_words(ru, {j for _, j in anchors} | {j for _, j in jumps}, keys_of)
    beads: list[Bead] = [Bead((i,), (j,), 1.0) for i, j in anchors]
    moved: set[tuple[tuple[int, ...], tuple[int, ...]]] = set()
    jump_left = {i for i, _ in jumps} | cons.left_pinned
    jump_right = {j for _, j in jumps} | cons.right_pinned
    for i, j in jumps:
        beads.append(Bead((i,), (j,), 1.0))
        moved.add(((i,), (j,)))
    for pl, pr, chained in pinned:  # (pairs made by hand: anchors, or moves out of order)
        beads.append(Bead(pl, pr, scorer.sim([lu[i] for i in pl], [ru[j] for j in pr])))
        if not chained:
            moved.add((pl, pr))

    # DP inside each stretch between anchors, skipping gap clauses and out-of-order jumps.
    fixed = sorted([*anchors, *((pl[0], pr[0]) for pl, pr, chained in pinned if chained)])
    bounds = [(-1, -1), *fixed, (len(lu), len(ru))]
    for (a_i, a_j), (b_i, b_j) in itertools.pairwise(bounds):
        if b_i - a_i == 1 or b_j - a_j == 1:
            continue  # nothing between the anchors on one side: nothing to align
        check(cancel)
        seg_l = [u for u in lu[a_i + 1 : b_i] if u.words and u.index not in jump_left]
        seg_r = [u for u in ru[a_j + 1 : b_j] if u.words and u.index not in jump_right]
        beads.extend(align_stretch(seg_l, seg_r, scorer, config.clauses, cons))

    in_order = [b for b in beads if (b.left, b.right) not in moved]
    # Clear moves first (a clause that moved keeps most of its words), then the leftovers
    # between the same two linked neighbours (their place is evidence too), then the rest.
    rules = config.clauses
    clear = replace(rules, move_floor=max(rules.move_floor, rules.move_first_floor))
    free_l, free_r = _free(lu, beads, 0), _free(ru, beads, 1)
    scores = (  # (the two move passes share one scoring of all pairs)
        AllPairs(lu, ru, sorted(free_l), sorted(free_r), rules)
        if len(free_l) * len(free_r) <= rules.move_all_pairs_budget
        else None
    )
    for pass_rules in (clear, None, rules):
        check(cancel)
        free_l, free_r = _free(lu, beads, 0), _free(ru, beads, 1)
        if pass_rules is None:
            beads.extend(slot_pass(lu, ru, in_order, free_l, free_r, scorer, rules, cons))
            continue
        if pass_rules is rules and scores is not None:
            places = (
                expected_places(in_order, free_l, len(ru), 0),
                expected_places(in_order, free_r, len(lu), 1),
            )
            for i, j, sim in scores.near_matches(
                sorted(free_l), sorted(free_r), places, scorer, rules, cons
            ):
                beads.append(Bead((i,), (j,), sim))
                moved.add(((i,), (j,)))
                free_l.discard(i)
                free_r.discard(j)
        for b in move_pass(lu, ru, free_l, free_r, scorer, pass_rules, scores, cons):
            beads.append(b)
            moved.add((b.left, b.right))

    moved = out_of_order(beads, moved)
    links = cons.mark(_make_links(left, right, lu, ru, beads, moved, config))
    links = resolve_leftovers(left, right, links)
    links = _reading_order(links)
    check(cancel)
    alignment = Alignment(left, right, tuple(links))
    if not config.sentences.enabled:
        return alignment
    # (the clause passes' values are let go before the sentence pass makes its own: on
    # long texts the two would otherwise add up to the command's peak memory)
    del lu, ru, scores, beads, in_order, anchors, jumps
    sl = sentence_links(alignment, config.sentences, config.limits, keys_of, cancel=cancel)
    return Alignment(left, right, tuple(links), tuple(sl))


def _free(units: list[Unit], beads: list[Bead], side: int) -> set[int]:
    """The clauses of one side (with words) that no bead holds yet."""
    used = {k for b in beads for k in (b.left if side == 0 else b.right)}
    return {u.index for u in units if u.words and u.index not in used}


def _make_links(
    left: Document,
    right: Document,
    lu: list[Unit],
    ru: list[Unit],
    beads: list[Bead],
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
        if one_one and (lt == rt or lu[bl[0]].exact == ru[br[0]].exact):
            if lt == rt:
                kind = LinkKind.MOVED if (bl, br) in moved else LinkKind.UNCHANGED
                links.append(ClauseLink(bl, br, kind, 1.0))
                continue
            if normalize(lt) == normalize(rt):
                # the same words, set differently (quotation marks, dashes, spacing): a
                # change to say, with no word to mark
                kind = LinkKind.MOVED if (bl, br) in moved else LinkKind.MODIFIED
                links.append(ClauseLink(bl, br, kind, 1.0, (), None, "typography"))
                continue
        if one_one:
            kind = LinkKind.MOVED if (bl, br) in moved else LinkKind.MODIFIED
        elif len(bl) == 1:
            kind = LinkKind.SPLIT
        elif len(br) == 1:
            kind = LinkKind.MERGED
        else:
            kind = LinkKind.RESTRUCTURED
        detail = _detail(lu[bl[0]], ru[br[0]], b.score, config) if one_one else ""
        ops = word_diff(lt, rt, config.words, config.limits)
        links.append(ClauseLink(bl, br, kind, round(b.score, 4), ops, None, detail))
    return links


def _detail(u: Unit, v: Unit, score: float, config: AlignConfig) -> str:
    """How a changed pair changed, in one word where one word says it (see ClauseLink)."""
    rules = config.clauses
    a, b = len(u.words), len(v.words)
    if a and b and min(a, b) <= rules.trimmed_ratio * max(a, b):
        shared = lcs.shared(u.words, v.words, config.limits.max_word_pairs)
        if shared >= rules.qualifier_containment * min(a, b):
            return "trimmed" if b < a else "expanded"
    return "rewritten" if score < rules.rewritten_below else ""


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

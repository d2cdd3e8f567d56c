"""A user's corrections to an alignment: clauses paired by hand, and clauses never to pair.

Contract: :class:`Constraints` is a frozen value of clause indices. ``must`` pairs (older
clauses, newer clauses) are linked as they stand, before any other pass, and nothing else
uses their clauses; ``cannot`` pairs (older clause, newer clause) are never on one link.
:meth:`Constraints.allows` is the one predicate every pass asks before it accepts a
candidate (dynamic programme, fuzzy anchors, moves, slots); :func:`pin` makes the hand-made
pairs fixed anchors among the exact ones; :meth:`Constraints.mark` marks their links as
made by hand (``ClauseLink.manual``). The value refuses, with :class:`ValueError`, a set
that cannot be honoured: a clause in two hand-made pairs, a hand-made pair that is also
forbidden, an empty side; :meth:`Constraints.check` refuses indices a pair of documents
does not hold, and gap clauses (there is no text to pair). Depends on the link values only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from clausediff.core.compare.chains import heaviest_chain
from clausediff.core.compare.links import ClauseLink
from clausediff.core.model import Document

#: The clause indices of one side of a pair, in document order.
Side = tuple[int, ...]

#: A hand-made pair weighs more in the anchor chain than every exact anchor together.
_PINNED_WEIGHT = 1e9


@dataclass(frozen=True)
class Constraints:
    """Must-link and cannot-link pairs of clause indices (older version, newer version)."""

    must: tuple[tuple[Side, Side], ...] = ()
    cannot: frozenset[tuple[int, int]] = frozenset()
    left_pinned: frozenset[int] = field(init=False, repr=False, compare=False)
    right_pinned: frozenset[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        must = tuple((tuple(sorted(a)), tuple(sorted(b))) for a, b in self.must)
        left: set[int] = set()
        right: set[int] = set()
        for a, b in must:
            if not a or not b:
                raise ValueError("a pair made by hand needs a clause on each side")
            if len(set(a)) != len(a) or len(set(b)) != len(b) or left & set(a) or right & set(b):
                raise ValueError("a clause can be in one pair made by hand only")
            left.update(a)
            right.update(b)
            if any((i, j) in self.cannot for i in a for j in b):
                raise ValueError("a pair made by hand cannot also be kept apart")
        object.__setattr__(self, "must", must)
        object.__setattr__(self, "cannot", frozenset(self.cannot))
        object.__setattr__(self, "left_pinned", frozenset(left))
        object.__setattr__(self, "right_pinned", frozenset(right))

    def __bool__(self) -> bool:
        return bool(self.must or self.cannot)

    def allows(self, left: Iterable[int], right: Iterable[int]) -> bool:
        """Whether a link of these clauses keeps no forbidden pair together."""
        if not self.cannot:
            return True
        right = tuple(right)
        return not any((i, j) in self.cannot for i in left for j in right)

    def mirrored(self) -> Constraints:
        """The same constraints with the two versions swapped."""
        return Constraints(
            tuple((b, a) for a, b in self.must), frozenset((j, i) for i, j in self.cannot)
        )

    def check(self, left: Document, right: Document) -> None:
        """Refuse indices the two versions do not hold, and gap clauses."""
        for side, doc, indices in (
            (0, left, [i for i, _ in self.cannot] + sorted(self.left_pinned)),
            (1, right, [j for _, j in self.cannot] + sorted(self.right_pinned)),
        ):
            pinned = self.left_pinned if side == 0 else self.right_pinned
            for k in indices:
                if not 0 <= k < len(doc.clauses):
                    raise ValueError(f"{doc.info.label} has no clause {k + 1}")
                if k in pinned and doc.clauses[k].is_gap:
                    raise ValueError(f"clause {k + 1} of {doc.info.label} is a gap")

    def mark(self, links: Sequence[ClauseLink]) -> list[ClauseLink]:
        """The links, those of the hand-made pairs marked ``manual``."""
        if not self.must:
            return list(links)
        made = set(self.must)
        return [lk._replace(manual=True) if (lk.left, lk.right) in made else lk for lk in links]


NO_CONSTRAINTS = Constraints()


def pin(
    constraints: Constraints, anchors: list[tuple[int, int]], jumps: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[Side, Side, bool]]]:
    """The exact anchors and out-of-order exact matches once the hand-made pairs are fixed.

    Exact matches that touch a hand-made pair's clause, or a forbidden pair, are dropped
    (their clauses go back to the other passes). The hand-made pairs join the anchor chain
    (each placed by its first clauses), outweighing every exact anchor: an exact anchor out
    of order with them becomes a move, as does a hand-made pair out of order with the
    others. Returns ``(anchors, jumps, pinned)``, ``pinned`` as ``(left, right, in_order)``.
    """
    if not constraints:
        return anchors, jumps, []
    lp, rp = constraints.left_pinned, constraints.right_pinned

    def free(pair: tuple[int, int]) -> bool:
        i, j = pair
        return i not in lp and j not in rp and constraints.allows((i,), (j,))

    anchors = [p for p in anchors if free(p)]
    jumps = [p for p in jumps if free(p)]
    reps = {(a[0], b[0]): (a, b) for a, b in constraints.must}
    pairs = sorted([*anchors, *reps])
    weights = [_PINNED_WEIGHT if p in reps else 1.0 for p in pairs]
    chain = set(heaviest_chain(pairs, weights))
    pinned = [(a, b, rep in chain) for rep, (a, b) in sorted(reps.items())]
    kept = [p for p in anchors if p in chain]
    return kept, jumps + [p for p in anchors if p not in chain], pinned

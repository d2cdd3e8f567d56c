"""The flow picture of a lineage: columns, blocks and ribbons as plain numbers.

Contract: :func:`layout_flow` takes a :class:`Lineage` and a :class:`FlowConfig` and returns
a :class:`FlowLayout`: one column per version (in the lineage's order, which is date order),
one block per clause (its height by the clause's length), a "text not available" block per
gap of an excerpt, and ribbons joining the blocks of a family from one version to the next,
sliced so that a split or a merge shows as one block fanning out or many flowing into one.
A family bridged across versions where it has no clause (the moratorium, across the gaps of
WT/L/274 and the 2011 excerpt) passes through those columns as *pass* blocks placed at the
gap it may be hidden in; its ribbons are marked uncertain, as are the stubs that join a
clause whose counterpart is unknown to the gap opposite it. Nothing is drawn here: the SVG
writer (:mod:`clausediff.core.render.flow_svg`) and the window's painter both draw from
these numbers. Clause text is never altered; labels and lead words are taken as they are.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable
from dataclasses import dataclass

from clausediff.core.compare.lineage import Lineage
from clausediff.core.compare.links import LinkKind
from clausediff.core.model import leading_words

#: Ribbons of these kinds are named on the picture (the others are told by their pattern).
NAMED_KINDS = frozenset({LinkKind.SPLIT, LinkKind.MERGED, LinkKind.MOVED, LinkKind.RESTRUCTURED})
GAP_LABEL = "text not available"
#: How far into the space between columns a clause of unknown counterpart reaches.
STUB_REACH = 0.28


@dataclass(frozen=True, slots=True)
class FlowConfig:
    """Sizes of the picture, in pixels (points in the SVG)."""

    column_width: float = 200.0
    ribbon_width: float = 130.0
    body_height: float = 520.0
    block_gap: float = 7.0
    min_block: float = 18.0
    gap_block: float = 20.0
    margin: float = 14.0
    header: float = 44.0
    legend: float = 64.0
    lead_words: int = 8  # of a family's name
    block_words: int = 40  # shown in a clause's block, as many as fit


class BlockKind(enum.Enum):
    CLAUSE = "clause"
    GAP = "gap"  # text the excerpt does not hold
    PASS = "pass"  # a family crossing a version where it has no clause: uncertain


class End(enum.Enum):
    """How a family's first or last block meets the version beside it."""

    NONE = ""  # the family goes on (or this is the first or last version)
    NEW = "new"  # added in this version
    DROPPED = "dropped"  # deleted in the next version
    UNKNOWN = "unknown"  # the other version's text is missing there


@dataclass(frozen=True, slots=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    def contains(self, px: float, py: float) -> bool:
        return self.x <= px <= self.x + self.w and self.y <= py <= self.y + self.h


@dataclass(frozen=True, slots=True)
class FlowBlock:
    kind: BlockKind
    version: int
    #: the clause (clause and gap blocks), or the gap a pass block crosses (-1: none)
    clause: int
    family: str  # "" for a gap block
    box: Box
    label: str
    words: str
    start: End = End.NONE
    end: End = End.NONE


@dataclass(frozen=True, slots=True)
class FlowRibbon:
    """A band from a slice of one block's right edge to a slice of the next one's left edge."""

    family: str
    kind: LinkKind
    uncertain: bool
    x0: float
    top0: float
    bottom0: float
    x1: float
    top1: float
    bottom1: float

    def edges_at(self, x: float) -> tuple[float, float]:
        """Top and bottom of the ribbon at ``x`` (the curves eased as the painters ease them)."""
        u = min(1.0, max(0.0, (x - self.x0) / ((self.x1 - self.x0) or 1.0)))
        s = u * u * (3 - 2 * u)
        return self.top0 + (self.top1 - self.top0) * s, self.bottom0 + (
            self.bottom1 - self.bottom0
        ) * s

    def contains(self, px: float, py: float) -> bool:
        if not self.x0 <= px <= self.x1:
            return False
        top, bottom = self.edges_at(px)
        return top - 1 <= py <= bottom + 1


@dataclass(frozen=True, slots=True)
class FlowMark:
    """A link kind named in words at the middle of its ribbons ("split", "merged")."""

    x: float
    y: float
    text: str


@dataclass(frozen=True, slots=True)
class FlowColumn:
    version: int
    x: float
    width: float
    title: str
    subtitle: str  # date, and "excerpt" for a version with gaps
    excerpt: bool


@dataclass(frozen=True, slots=True)
class FlowFamily:
    id: str
    name: str  # "2013 Bali Decision ¶11": its newest clauses
    words: str  # their lead words


@dataclass(frozen=True)
class FlowLayout:
    width: float
    height: float
    body_top: float
    legend_top: float
    columns: tuple[FlowColumn, ...]
    blocks: tuple[FlowBlock, ...]
    ribbons: tuple[FlowRibbon, ...]
    marks: tuple[FlowMark, ...]
    families: tuple[FlowFamily, ...]

    def family_at(self, x: float, y: float) -> str | None:
        """The family drawn at a point (a block before a ribbon), or None."""
        for b in self.blocks:
            if b.family and b.box.contains(x, y):
                return b.family
        for r in self.ribbons:
            if r.contains(x, y):
                return r.family
        return None

    def family(self, family_id: str) -> FlowFamily:
        found = self._by_id.get(family_id)
        if found is None:
            raise KeyError(family_id)
        return found

    @functools.cached_property
    def _by_id(self) -> dict[str, FlowFamily]:
        # (the SVG asks once a ribbon: a dictionary, not a search of every family)
        return {f.id: f for f in self.families}

    def blocks_of(self, family_id: str) -> list[FlowBlock]:
        return [b for b in self.blocks if b.family == family_id]


@dataclass
class _Item:
    """A block being laid out, with the connections on its two edges."""

    kind: BlockKind
    version: int
    clause: int
    family: str
    weight: float  # characters
    label: str
    words: str
    order: tuple[float, int] = (0.0, 0)
    y: float = 0.0
    h: float = 0.0
    start: End = End.NONE
    end: End = End.NONE


@dataclass
class _Link:
    left: _Item
    right: _Item
    kind: LinkKind
    uncertain: bool
    group: int  # the clause link (or bridge) it belongs to: one mark per group


def layout_flow(lineage: Lineage, config: FlowConfig = FlowConfig()) -> FlowLayout:
    """Lay the lineage out; see the module contract."""
    versions = lineage.versions
    items: dict[tuple[BlockKind, int, int], _Item] = {}
    for v, doc in enumerate(versions):
        for c in doc.clauses:
            fam = lineage.find_family(v, c.index)
            if c.is_gap:
                items[(BlockKind.GAP, v, c.index)] = _Item(
                    BlockKind.GAP, v, c.index, "", 0.0, GAP_LABEL, c.gap_note or "",
                    (c.index, 0),
                )  # fmt: skip
            elif fam is not None:
                items[(BlockKind.CLAUSE, v, c.index)] = _Item(
                    BlockKind.CLAUSE, v, c.index, fam.id, float(len(c.text)),
                    c.display_label(), leading_words(c.text, config.block_words), (c.index, 0),
                )  # fmt: skip
    links: list[_Link] = []
    stubs: list[tuple[_Item, bool]] = []  # (clause, toward the next version)
    group = 0
    for v, al in enumerate(lineage.pairs):
        for lk in al.links:
            group += 1
            left = [items.get((BlockKind.CLAUSE, v, i)) for i in lk.left]
            right = [items.get((BlockKind.CLAUSE, v + 1, j)) for j in lk.right]
            if lk.left and lk.right:
                for a in left:
                    for b in right:
                        if a is not None and b is not None:
                            links.append(_Link(a, b, lk.kind, False, group))
                continue
            ends = left or right
            if not ends or ends[0] is None:
                continue
            here = ends[0]
            if lk.kind is LinkKind.UNKNOWN and not _bridged(lineage, here):
                stubs.append((here, bool(left)))
            edge = End.DROPPED if lk.kind is LinkKind.DELETED else End.NEW
            if lk.kind is LinkKind.UNKNOWN:
                edge = End.UNKNOWN
            if left:
                here.end = edge
            else:
                here.start = edge
    for vi, ai, vj, ci in lineage.bridges:
        group += 1
        start, target = items[(BlockKind.CLAUSE, vi, ai)], items[(BlockKind.CLAUSE, vj, ci)]
        target.start = End.NONE
        prev = start
        for v in range(vi + 1, vj):
            gap = _gap_for(lineage, v, vi, ai, vj, ci)
            ghost = _Item(
                BlockKind.PASS, v, gap, target.family, target.weight, "?",
                "may be in the text not available here",
                (gap if gap >= 0 else len(versions[v].clauses), 1),
            )  # fmt: skip
            items[(BlockKind.PASS, v, -group)] = ghost
            links.append(_Link(prev, ghost, LinkKind.UNKNOWN, True, group))
            prev = ghost
        links.append(_Link(prev, target, LinkKind.UNKNOWN, True, group))
    for link in links:  # a family that goes on across a bridge has not ended
        if link.uncertain and link.left.kind is BlockKind.CLAUSE:
            link.left.end = End.NONE
    return _place(lineage, config, list(items.values()), links, stubs)


def _bridged(lineage: Lineage, item: _Item) -> bool:
    return any(
        (vi, a) == (item.version, item.clause) or (vj, c) == (item.version, item.clause)
        for vi, a, vj, c in lineage.bridges
    )


def _gap_for(lineage: Lineage, v: int, vi: int, a: int, vj: int, c: int) -> int:
    """The gap of version ``v`` a bridged family may be hidden in: the one the alignment
    names opposite its clause, else the version's last gap (-1: it has none)."""
    if vj == v + 1:
        gap = lineage.pairs[v].link_of_right(c).gap
        if gap is not None and gap[0] == 0:
            return gap[1]
    if vi == v - 1:
        gap = lineage.pairs[v - 1].link_of_left(a).gap
        if gap is not None and gap[0] == 1:
            return gap[1]
    gaps = [cl.index for cl in lineage.versions[v].clauses if cl.is_gap]
    return gaps[-1] if gaps else -1


def _place(
    lineage: Lineage,
    config: FlowConfig,
    items: list[_Item],
    links: list[_Link],
    stubs: list[tuple[_Item, bool]],
) -> FlowLayout:
    n = len(lineage.versions)
    columns_items = [sorted((it for it in items if it.version == v), key=lambda it: it.order)
                     for v in range(n)]  # fmt: skip
    room = []
    for col in columns_items:
        fixed = config.block_gap * max(0, len(col) - 1)
        fixed += sum(config.gap_block for it in col if it.kind is BlockKind.GAP)
        chars = sum(it.weight for it in col if it.kind is not BlockKind.GAP)
        room.append((config.body_height - fixed) / chars if chars else 1.0)
    scale = max(0.02, min(room)) if room else 1.0
    body_top = config.margin + config.header
    bottom = body_top
    columns = []
    for v, col in enumerate(columns_items):
        y = body_top
        for it in col:
            it.y = y
            it.h = (
                config.gap_block
                if it.kind is BlockKind.GAP
                else max(config.min_block, it.weight * scale)
            )
            y += it.h + config.block_gap
        bottom = max(bottom, y - config.block_gap)
        doc = lineage.versions[v]
        columns.append(
            FlowColumn(
                v, _x(config, v), config.column_width, doc.info.label,
                " · ".join(x for x in (doc.info.date, "" if doc.is_complete else "excerpt") if x),
                not doc.is_complete,
            )
        )  # fmt: skip
    ribbons, marks = _ribbons(config, links)
    for it, forward in stubs:  # the counterpart is unknown: a tail into the missing text
        x = _x(config, it.version) + (config.column_width if forward else 0.0)
        reach = config.ribbon_width * STUB_REACH * (1 if forward else -1)
        x0, x1 = (x, x + reach) if forward else (x + reach, x)
        near, far = (it.y, it.y + it.h), (it.y + it.h * 0.3, it.y + it.h * 0.7)  # (tapered)
        (t0, b0), (t1, b1) = (near, far) if forward else (far, near)
        ribbons.append(FlowRibbon(it.family, LinkKind.UNKNOWN, True, x0, t0, b0, x1, t1, b1))
    blocks = tuple(
        FlowBlock(
            it.kind, it.version, it.clause, it.family,
            Box(_x(config, it.version), it.y, config.column_width, it.h),
            it.label, it.words, it.start, it.end,
        )
        for col in columns_items
        for it in col
    )  # fmt: skip
    legend_top = bottom + config.margin
    width = _x(config, n - 1) + config.column_width + config.margin if n else 0.0
    return FlowLayout(
        width, legend_top + config.legend, body_top, legend_top, tuple(columns), blocks,
        tuple(ribbons), tuple(marks), _families(lineage, config),
    )  # fmt: skip


def _x(config: FlowConfig, v: int) -> float:
    return config.margin + v * (config.column_width + config.ribbon_width)


def _ribbons(config: FlowConfig, links: list[_Link]) -> tuple[list[FlowRibbon], list[FlowMark]]:
    """Slice each block's edges among its ribbons, in the order of the blocks they reach."""
    out_slices = _slices(links, lambda lk: lk.left, lambda lk: lk.right)
    in_slices = _slices(links, lambda lk: lk.right, lambda lk: lk.left)
    ribbons = []
    by_group: dict[int, list[tuple[float, float]]] = {}
    for k, lk in enumerate(links):
        (t0, b0), (t1, b1) = out_slices[k], in_slices[k]
        x0 = _x(config, lk.left.version) + config.column_width
        x1 = _x(config, lk.right.version)
        ribbons.append(FlowRibbon(lk.right.family or lk.left.family, lk.kind, lk.uncertain,
                                  x0, t0, b0, x1, t1, b1))  # fmt: skip
        if lk.kind in NAMED_KINDS:
            by_group.setdefault(lk.group, []).append(((x0 + x1) / 2, (t0 + b0 + t1 + b1) / 4))
    marks = []
    for lk in links:
        points = by_group.pop(lk.group, None)
        if points:
            x = sum(p[0] for p in points) / len(points)
            y = sum(p[1] for p in points) / len(points)
            marks.append(FlowMark(x, y, lk.kind.value))
    return ribbons, marks


def _slices(
    links: list[_Link], own: Callable[[_Link], _Item], other: Callable[[_Link], _Item]
) -> dict[int, tuple[float, float]]:
    edges: dict[int, list[int]] = {}
    for k, lk in enumerate(links):
        edges.setdefault(id(own(lk)), []).append(k)
    out: dict[int, tuple[float, float]] = {}
    for ks in edges.values():
        ks.sort(key=lambda k: (other(links[k]).y, other(links[k]).order))
        item = own(links[ks[0]])
        weights = [max(1.0, other(links[k]).weight) for k in ks]
        total = sum(weights)
        y = item.y
        for k, w in zip(ks, weights, strict=True):
            h = item.h * w / total
            out[k] = (y, y + h)
            y += h
    return out


def _families(lineage: Lineage, config: FlowConfig) -> tuple[FlowFamily, ...]:
    out = []
    for fam in lineage.families:
        v, idx = fam.members[-1]
        doc = lineage.versions[v]
        text = " ".join(doc.clauses[i].text for i in idx)
        out.append(
            FlowFamily(fam.id, f"{doc.info.label} {doc.labels(idx)}",
                       leading_words(text, config.lead_words))
        )  # fmt: skip
    return tuple(out)

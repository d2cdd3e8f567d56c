"""Lineage across N versions: clause families joined through every version.

Contract: :func:`build_lineage` takes versions (put in date order when every version has a
date) and returns a :class:`Lineage`: the pairwise alignment of each consecutive pair, and
families that partition the non-gap clauses of all versions. Two clauses are in one family
when a clause link (other than added, deleted or unknown) joins them. A clause with no
predecessor in the previous version (added, or hidden opposite a gap) is bridged to an
earlier version: when a direct alignment with that version links it, at clause or sentence
level, to a clause that had no successor (or, at sentence level, to a sentence that went
into no clause of the next version), both join one family. So the 1998 moratorium sentence
and the 2013 moratorium clause are one family even though the 2011 excerpt has a gap
there, and even though the rest of its 1998 paragraph went on into WT/L/274.

A family is named for a reader by :func:`family_name`: the label and first words of its
clause in the newest version it reaches ("¶6 “Decides to maintain the …”"); its ``id``
("f1") stays the key that notes and the JSON refer to.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from clausediff.core.compare.align import align
from clausediff.core.compare.config import DEFAULT_CONFIG, AlignConfig, Cancel, check
from clausediff.core.compare.links import Alignment, LinkKind
from clausediff.core.model import ClauseKind, Document, leading_words
from clausediff.core.text.revisions import Revision, revision_of

#: The kinds of link that make two clauses one family (added, deleted and unknown do not).
LINKING_KINDS = frozenset(
    {
        LinkKind.UNCHANGED,
        LinkKind.MODIFIED,
        LinkKind.MOVED,
        LinkKind.SPLIT,
        LinkKind.MERGED,
        LinkKind.RESTRUCTURED,
    }
)


@dataclass(frozen=True, slots=True)
class Family:
    """Clauses that descend from one another: ``members[version] = clause indices``."""

    id: str
    members: tuple[tuple[int, tuple[int, ...]], ...]

    def in_version(self, version: int) -> tuple[int, ...]:
        for v, idx in self.members:
            if v == version:
                return idx
        return ()

    @property
    def versions(self) -> tuple[int, ...]:
        return tuple(v for v, _ in self.members)


@dataclass(frozen=True)
class Lineage:
    versions: tuple[Document, ...]
    pairs: tuple[Alignment, ...]
    families: tuple[Family, ...]
    bridges: tuple[tuple[int, int, int, int], ...] = ()  # (v_from, clause, v_to, clause)

    _index: dict[tuple[int, int], Family] = field(default_factory=dict, repr=False, compare=False)

    def family_of(self, version: int, clause: int) -> Family:
        """The family of a clause; KeyError for a clause in none (a gap clause)."""
        found = self.find_family(version, clause)
        if found is None:
            raise KeyError((version, clause))
        return found

    def find_family(self, version: int, clause: int) -> Family | None:
        if not self._index:
            for f in self.families:
                for v, idx in f.members:
                    for i in idx:
                        self._index[(v, i)] = f
        return self._index.get((version, clause))


#: How many of a clause's first words name its family.
NAME_WORDS = 4


def family_name(lineage: Lineage, family: Family, *, joiner: str = " ") -> str:
    """The family as a reader names it: the label of its clause in the newest version it
    reaches and that clause's first words, ``joiner`` between ("¶6 “Decides to …”"); the
    labels of all its clauses there when it is split into several, and that version's
    label when it is not the newest ("¶7 (2011 Decision) “To instruct …”")."""
    if not family.members:
        return family.id
    version, indices = family.members[-1]
    doc = lineage.versions[version]
    labels = doc.labels(indices)
    if version != len(lineage.versions) - 1:  # (a family that ends earlier: say where)
        labels += f" ({doc.info.label})"
    lead = leading_words(doc.clauses[indices[0]].text, NAME_WORDS)
    return f"{labels}{joiner}“{lead}”" if lead else labels


def date_order(docs: Sequence[Document]) -> list[Document]:
    """Versions in date order when every one has a date, else as given; the drafts of one
    series (JOB/GC/318, its Rev.1, its Rev.2) in order of revision, then date."""
    series = [draft_revision(d) for d in docs]
    if len(docs) > 1 and all(series) and len({r.series for r in series if r}) == 1:
        order = sorted(range(len(docs)), key=lambda k: (series[k].number, docs[k].info.date))  # type: ignore[union-attr]
        return [docs[k] for k in order]
    if all(d.info.date for d in docs):
        return sorted(docs, key=lambda d: d.info.date)
    return list(docs)


def draft_revision(doc: Document) -> Revision | None:
    """The place of a document in a series of drafts, from its symbols, title and opening
    headings ("Draft Decision", "Revision"); ``None`` when it is no draft."""
    lines = [doc.info.title, *doc.info.header]
    lines.extend(c.text for c in doc.clauses[:4] if c.kind is ClauseKind.HEADING)
    return revision_of(doc.info.symbols, lines)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(self, x: tuple[int, int]) -> tuple[int, int]:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: tuple[int, int], b: tuple[int, int]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def build_lineage(
    docs: Sequence[Document],
    config: AlignConfig = DEFAULT_CONFIG,
    *,
    pairs: Sequence[Alignment] | None = None,
    cancel: Cancel | None = None,
) -> Lineage:
    versions = tuple(docs)
    if pairs is None:
        pairs = []
        for a, b in itertools.pairwise(versions):
            check(cancel)
            pairs.append(align(a, b, config, cancel=cancel))
    uf = _UnionFind()
    for v, doc in enumerate(versions):
        for c in doc.clauses:
            if not c.is_gap:
                uf.find((v, c.index))
    # clauses (v, i) and sentences (v, i, s) that went on into the next version; (v, i, -1):
    # the sentences of clause i were followed one by one (some went on, some may not have)
    has_succ: set[tuple[int, ...]] = set()
    has_pred: set[tuple[int, int]] = set()
    for v, al in enumerate(pairs):
        for sl in al.sentence_links:
            has_succ.update(((v, sl.left.clause, sl.left.sentence), (v, sl.left.clause, -1)))
        for lk in al.links:
            if lk.kind not in LINKING_KINDS:
                continue
            for i in lk.left:
                has_succ.add((v, i))
                for j in lk.right:
                    uf.union((v, i), (v + 1, j))
            for j in lk.right:
                has_pred.add((v + 1, j))

    bridges = _bridge(versions, pairs, uf, has_succ, has_pred, config, cancel)
    groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for v, doc in enumerate(versions):
        for c in doc.clauses:
            if not c.is_gap:
                groups.setdefault(uf.find((v, c.index)), []).append((v, c.index))
    families = []
    for n, root in enumerate(sorted(groups, key=lambda r: _first_seen(groups[r]))):
        by_version: dict[int, list[int]] = {}
        for v, i in groups[root]:
            by_version.setdefault(v, []).append(i)
        families.append(
            Family(
                f"f{n + 1}", tuple((v, tuple(sorted(ix))) for v, ix in sorted(by_version.items()))
            )
        )
    return Lineage(versions, tuple(pairs), tuple(families), tuple(bridges))


def _first_seen(members: list[tuple[int, int]]) -> tuple[int, int]:
    """Families in reading order of the newest version they reach, oldest first otherwise."""
    newest = max(v for v, _ in members)
    return (-newest, min(i for v, i in members if v == newest))


def _bridge(
    versions: tuple[Document, ...],
    pairs: Sequence[Alignment],
    uf: _UnionFind,
    has_succ: set[tuple[int, ...]],
    has_pred: set[tuple[int, int]],
    config: AlignConfig,
    cancel: Cancel | None,
) -> list[tuple[int, int, int, int]]:
    """Join clauses across a version where they are absent or hidden in a gap."""
    direct: dict[tuple[int, int], tuple[Alignment, dict[int, list[tuple[float, int, int]]]]] = {}
    bridges = []
    for j in range(2, len(versions)):
        orphans = [
            c.index for c in versions[j].clauses if not c.is_gap and (j, c.index) not in has_pred
        ]
        for c in orphans:
            for i in range(j - 2, -1, -1):
                if (i, j) not in direct:
                    check(cancel)
                    al = align(versions[i], versions[j], config, cancel=cancel)
                    direct[(i, j)] = (al, _sources_by_clause(al))
                found = _ancestor(*direct[(i, j)], c, i, has_succ)
                if found is not None:
                    uf.union((i, found), (j, c))
                    bridges.append((i, found, j, c))
                    break
    return bridges


def _sources_by_clause(al: Alignment) -> dict[int, list[tuple[float, int, int]]]:
    """For each right clause, the left sentences its sentences came from as ``(score,
    clause, sentence)``, best score first (equal scores in the sentence links' order)."""
    out: dict[int, list[tuple[float, int, int]]] = {}
    for sl in al.sentence_links:
        out.setdefault(sl.right.clause, []).append((sl.score, sl.left.clause, sl.left.sentence))
    for sources in out.values():
        sources.sort(key=lambda s: -s[0])  # (a stable sort keeps the order of equal scores)
    return out


def _ancestor(
    al: Alignment,
    sources: dict[int, list[tuple[float, int, int]]],
    clause: int,
    i: int,
    has_succ: set[tuple[int, ...]],
) -> int | None:
    link = al.link_of_right(clause)
    if link.kind in LINKING_KINDS:
        for p in link.left:
            if (i, p) not in has_succ:
                return p
    for _, left_clause, sentence in sources.get(clause, ()):
        if (i, left_clause) not in has_succ or (
            (i, left_clause, -1) in has_succ and (i, left_clause, sentence) not in has_succ
        ):  # (a clause that went on, but whose sentence went nowhere, is its ancestor too)
            return left_clause
    return None

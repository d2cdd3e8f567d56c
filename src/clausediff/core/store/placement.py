"""Where a review's notes land on a comparison or a lineage.

Contract: :func:`attach_notes` places every note, never dropping one: on its own clause
when the note's version is in the lineage (by SHA-256), else on the most similar clause of
the newest version that has one (``reanchored``), else nowhere (``orphaned``, shown apart).
:func:`notes_by_family` and :func:`link_notes` answer which notes belong to a family and to
a link of one of the lineage's pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from clausediff.core.compare.lineage import Lineage
from clausediff.core.compare.links import ClauseLink
from clausediff.core.store.review import Note, PlacedNote


@dataclass(frozen=True, slots=True)
class NoteRules:
    #: A note whose version is absent is placed on the most similar clause if the similarity
    #: of the texts (rapidfuzz ``fuzz.ratio``, on a 0-1 scale) reaches this.
    reanchor_min_similarity: float = 0.8


DEFAULT_RULES = NoteRules()


def attach_notes(
    notes: Sequence[Note], lineage: Lineage, rules: NoteRules = DEFAULT_RULES
) -> list[PlacedNote]:
    """Place each note on ``lineage``; see the module contract."""
    by_sha = {doc.info.sha256: v for v, doc in enumerate(lineage.versions)}
    out = []
    for note in notes:
        v = by_sha.get(note.version_sha256)
        if v is not None and 0 <= note.clause_index < len(lineage.versions[v].clauses):
            fam = lineage.find_family(v, note.clause_index)
            out.append(PlacedNote(note, fam.id if fam else None, v, note.clause_index))
            continue
        placed = _by_text(note, lineage, rules)
        out.append(placed)
    return out


def _by_text(note: Note, lineage: Lineage, rules: NoteRules) -> PlacedNote:
    best: tuple[float, int, int] | None = None
    for v in range(len(lineage.versions) - 1, -1, -1):
        for c in lineage.versions[v].clauses:
            if c.is_gap:
                continue
            score = fuzz.ratio(note.clause_text, c.text) / 100
            if score >= rules.reanchor_min_similarity and (best is None or score > best[0]):
                best = (score, v, c.index)
        if best is not None:
            break  # the newest version that has the clause
    if best is None:
        return PlacedNote(note, None, None, None)
    _, v, index = best
    fam = lineage.find_family(v, index)
    return PlacedNote(note, fam.id if fam else None, v, index, reanchored=True)


def notes_by_family(notes: Sequence[PlacedNote] | None) -> dict[str | None, list[PlacedNote]]:
    """Placed notes by family id (``None``: orphaned)."""
    out: dict[str | None, list[PlacedNote]] = defaultdict(list)
    for n in notes or ():
        out[n.family].append(n)
    return out


def link_notes(
    lineage: Lineage, pair: int, lk: ClauseLink, notes: dict[str | None, list[PlacedNote]]
) -> list[PlacedNote]:
    """The notes on the families of a link of pair ``pair``."""
    families: list[str] = []
    for v, idx in ((pair, lk.left), (pair + 1, lk.right)):
        for i in idx:
            fam = lineage.find_family(v, i)
            if fam is not None and fam.id not in families:
                families.append(fam.id)
    return [n for f in families for n in notes.get(f, [])]

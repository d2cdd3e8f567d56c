"""JSON forms of documents, alignments and lineages (the CLI's output, documented in the README).

Contract: plain ``dict``/``list`` values ready for :func:`json.dumps`; offsets are Python
code points into the source text (clauses and sentences) or into the joined side texts
(word changes, bracket events). Clauses carry ``brackets`` and links ``brackets`` (their
bracket events) only when there are any. Ids are unique across versions: ``v<index>.c<n>``
for clauses and ``v<index>.c<n>.s<m>`` for sentences. A clause's ``label`` is its own number
("" for none), ``display_label`` the name the window and the exports give it ("op. ¶1",
"recital 2", "¶1.2") and ``position`` its place in the document, counting every clause from 1.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any

from clausediff.core.compare.brackets import (
    BracketEvent,
    BracketEventKind,
    bracket_events,
    has_brackets,
)
from clausediff.core.compare.flag_rules import Flag
from clausediff.core.compare.flags import alignment_flags
from clausediff.core.compare.lineage import Lineage, family_name
from clausediff.core.compare.links import SIDE_JOINER, Alignment, ClauseLink
from clausediff.core.model import Clause, Document, DocumentInfo, Span


def info_json(info: DocumentInfo) -> dict[str, Any]:
    return {
        "symbols": list(info.symbols),
        "title": info.title,
        "body": info.body,
        "date": info.date,
        "complete": info.complete,
        "sources": list(info.sources),
        "notes": info.notes,
        "sha256": info.sha256,
        "path": info.path,
        "encoding": info.encoding,
        "bundled": info.bundled,
        "label": info.label,
    }


def clause_json(c: Clause, prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": prefix + c.id,
        "label": c.label,
        "display_label": c.display_label(),
        "position": c.position,
        "kind": c.kind.value,
        "text": c.text,
        "start": c.span.start,
        "end": c.span.end,
        "sentences": [
            {"id": prefix + s.id, "text": s.text, "start": span.start, "end": span.end}
            for s, span in ((s, c.source_span(s.span)) for s in c.sentences)
        ],
    }
    if c.emphasis:
        out["emphasis"] = [
            {"start": e.span.start, "end": e.span.end, "style": e.style.value} for e in c.emphasis
        ]
    if c.gap_note is not None:
        out["gap_note"] = c.gap_note
    if c.ends_in_gap:
        out["ends_in_gap"] = True
    if c.starts_in_gap:
        out["starts_in_gap"] = True
    if c.brackets:  # (only where there are brackets: most texts have none)
        out["brackets"] = [
            {"start": span.start, "end": span.end, "depth": depth}
            for span, depth in ((c.source_span(Span(a, b)), d) for a, b, d in c.brackets)
        ]
    return out


def document_json(doc: Document) -> dict[str, Any]:
    return {"document": info_json(doc.info), "clauses": [clause_json(c) for c in doc.clauses]}


def _cid(v: int, doc: Document, index: int) -> str:
    return f"v{v}.{doc.clauses[index].id}"


def flag_json(f: Flag) -> dict[str, Any]:
    return {
        "category": f.category.value,
        "severity": f.severity.value,
        "before": f.before,
        "after": f.after,
        "text": f.text,
    }


def link_json(
    al: Alignment, lk: ClauseLink, v: int, flags: tuple[Flag, ...] = ()
) -> dict[str, Any]:
    left_text, right_text = al.side_text(lk, 0), al.side_text(lk, 1)
    out: dict[str, Any] = {
        "from": v,
        "to": v + 1,
        "left": [_cid(v, al.left, i) for i in lk.left],
        "right": [_cid(v + 1, al.right, j) for j in lk.right],
        "kind": lk.kind.value,
        "score": lk.score,
        "changes": [
            {
                "op": op.kind.value,
                "left": left_text[op.left.start : op.left.end],
                "right": right_text[op.right.start : op.right.end],
                "left_start": op.left.start,
                "left_end": op.left.end,
                "right_start": op.right.start,
                "right_end": op.right.end,
            }
            for op in lk.ops
        ],
    }
    if lk.gap is not None:
        side, index = lk.gap
        out["gap"] = _cid(v + side, al.right if side else al.left, index)
    if lk.detail:
        out["detail"] = lk.detail
    out["flags"] = [flag_json(f) for f in flags]
    events = bracket_events(al, lk) if has_brackets(al, lk) else ()
    if events:
        out["brackets"] = [bracket_event_json(e) for e in events]
    if lk.manual:
        out["manual"] = True
    return out


def bracket_event_json(e: BracketEvent) -> dict[str, Any]:
    """A bracket event: its kind and text, the bracketed spans (offsets into the joined side
    texts, as for word changes), and what its kind adds (``changed``, ``was``, ``label``,
    ``alternative`` and ``of``)."""
    out: dict[str, Any] = {"event": e.kind.value, "text": e.text, "depth": e.depth}
    if e.left is not None:
        out["left_start"], out["left_end"] = e.left.start, e.left.end
    if e.right is not None:
        out["right_start"], out["right_end"] = e.right.start, e.right.end
    if e.changed:
        out["changed"] = True
    if e.kind is BracketEventKind.CHANGED_INSIDE:
        out["was"] = e.was
    if e.kind in (BracketEventKind.ALTERNATIVE_CHOSEN, BracketEventKind.ALTERNATIVE_ADDED):
        out["label"], out["alternative"], out["of"] = e.label, e.alternative, e.of
    return out


def _links_json(al: Alignment, v: int) -> Iterator[dict[str, Any]]:
    flags = alignment_flags(al)
    for lk, fl in zip(al.links, flags, strict=True):
        yield link_json(al, lk, v, fl)


def _sentence_links_json(al: Alignment, v: int) -> Iterator[dict[str, Any]]:
    for sl in al.sentence_links:
        lc, rc = al.left.clauses[sl.left.clause], al.right.clauses[sl.right.clause]
        yield {
            "from": v,
            "to": v + 1,
            "left": [f"v{v}.{lc.sentences[sl.left.sentence].id}"],
            "right": [f"v{v + 1}.{rc.sentences[sl.right.sentence].id}"],
            "kind": sl.kind.value,
            "score": sl.score,
            "left_part": [sl.left_part.start, sl.left_part.end],
            "right_part": [sl.right_part.start, sl.right_part.end],
            "shared_words": sl.shared_words,
        }


def _clauses_json(doc: Document, prefix: str) -> Iterator[dict[str, Any]]:
    return (clause_json(c, prefix) for c in doc.clauses)


class Records:
    """A list of records made only as it is written (:func:`write_json` streams it).

    The JSON of a long alignment holds a record per clause, link and sentence link; made
    all at once it takes as much memory again as the alignment itself.
    """

    def __init__(self, make: Callable[[], Iterable[Any]]) -> None:
        self._make = make

    def __iter__(self) -> Iterator[Any]:
        return iter(self._make())


def lineage_json(
    lineage: Lineage, paths: list[str] | None = None, *, stream: bool = False
) -> dict[str, Any]:
    """The JSON value of a lineage; with ``stream`` its long lists are :class:`Records`,
    made while :func:`write_json` writes them (the same text, a fraction of the memory)."""

    def listed(make: Callable[[], Iterable[Any]]) -> Any:
        return Records(make) if stream else list(make())

    versions = []
    for v, doc in enumerate(lineage.versions):
        versions.append(
            {
                "index": v,
                "label": doc.info.label,
                "path": (paths[v] if paths else doc.info.path),
                "document": info_json(doc.info),
                "clauses": listed(partial(_clauses_json, doc, f"v{v}.")),
            }
        )
    pairs = list(enumerate(lineage.pairs))
    links = listed(lambda: (r for v, al in pairs for r in _links_json(al, v)))
    sentence_links = listed(lambda: (r for v, al in pairs for r in _sentence_links_json(al, v)))
    families = listed(
        lambda: (
            {
                "id": f.id,
                "name": family_name(lineage, f),
                "members": {
                    str(v): [f"v{v}.{lineage.versions[v].clauses[i].id}" for i in idx]
                    for v, idx in f.members
                },
            }
            for f in lineage.families
        )
    )
    return {
        "versions": versions,
        "links": links,
        "sentence_links": sentence_links,
        "families": families,
        "side_joiner": SIDE_JOINER,
    }


#: Lists under these keys hold records: written one record to a line.
_RECORD_LISTS = frozenset({"versions", "clauses", "links", "sentence_links", "families"})


def json_text(value: Any) -> str:
    """``value`` as JSON text a person can read and a long document does not slow down.

    Lists of records (versions, clauses, links, sentence links, families) are written one
    record to a line, each record compact; the containers around them are indented. (An
    indented dump of a 20,000-clause alignment goes through the pure-Python encoder and
    takes seconds; this keeps the C encoder for every record.)
    """
    out: list[str] = []
    write_json(value, out.append)
    return "".join(out)


def write_json(value: Any, write: Callable[[str], object]) -> None:
    """Write ``value`` as :func:`json_text` would, piece by piece (to a file, a pipe)."""
    _write(value, "", write, spread=True)


#: One encoder for every record (``json.dumps`` with options builds a new one each call).
_compact = json.JSONEncoder(ensure_ascii=False).encode


def _write(value: Any, indent: str, write: Callable[[str], object], *, spread: bool) -> None:
    inner = indent + "  "
    if isinstance(value, dict) and (spread or any(k in _RECORD_LISTS for k in value)):
        write("{")
        for n, (key, item) in enumerate(value.items()):
            write(("," if n else "") + "\n" + inner + _compact(key) + ": ")
            _write(
                item,
                inner,
                write,
                spread=key in _RECORD_LISTS and isinstance(item, (list, Records)),
            )
        write("\n" + indent + "}" if value else "}")
    elif isinstance(value, Records) or (isinstance(value, list) and spread and value):
        n = -1
        for n, item in enumerate(value):
            write(("[" if not n else ",") + "\n" + inner)
            _write(item, inner, write, spread=False)
        write("[]" if n < 0 else "\n" + indent + "]")
    else:
        write(_compact(value))

"""Where each phrase came from, in words and as JSON: the lines the history panel, the
tooltips, a screen reader and ``clausediff history`` say.

Contract: plain strings and ``dict``/``list`` values from a lineage's versions and the
:class:`~clausediff.core.compare.history.PhraseSpan` values of its clauses. A version is
named by its year when no other version shares it ("1998"), else by its label. A phrase
is quoted as written (its white space folded to one line, long ones shortened with "…");
the text itself is never changed. An uncertain origin is always said with its reason,
"first seen in 2013, possibly earlier: the 2011 text is an excerpt with a gap there", never
as a date. Escaping is the renderer's job.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from clausediff.core.compare.history import History, PhraseSpan
from clausediff.core.model import Document
from clausediff.core.render.serialize import info_json
from clausediff.core.text.normalize import TOKEN_RE, is_word

#: A quoted phrase longer than this many words shows its first and last words only.
QUOTE_WORDS = 12


def version_names(versions: Sequence[Document]) -> list[str]:
    """Each version's short name: its year when no other version has that year, else its
    label ("2013 Bali Decision")."""
    years = [doc.info.date[:4] if doc.info.date[:4].isdigit() else "" for doc in versions]
    counts = Counter(years)
    return [
        year if year and counts[year] == 1 else doc.info.label
        for year, doc in zip(years, versions, strict=True)
    ]


def quote(text: str, words: int = QUOTE_WORDS) -> str:
    """A phrase on one line, its first and last words around "…" when it is long."""
    parts = text.split()
    if len(parts) > words:
        head = words * 2 // 3
        parts = [*parts[:head], "…", *parts[len(parts) - (words - head) :]]
    return " ".join(parts)


def origin_text(span: PhraseSpan, names: Sequence[str]) -> str:
    """Since when a phrase is there: "since 1998", or the version where it is first seen
    and the excerpt whose gap may hide an older origin."""
    if span.certain:
        return f"since {names[span.since]}"
    gap = names[span.since - 1 if span.gap_in is None else span.gap_in]
    return (
        f"first seen in {names[span.since]}, possibly earlier: "
        f"the {gap} text is an excerpt with a gap there"
    )


def has_words(text: str) -> bool:
    """Whether a stretch holds a word (a span of punctuation alone is not worth saying)."""
    return any(is_word(part) for part in TOKEN_RE.findall(text))


def phrases(text: str, spans: Sequence[PhraseSpan]) -> list[PhraseSpan]:
    """The spans worth saying: those with words, each stretched over the spans of
    punctuation alone that follow it, and neighbours of one origin so joined into one."""
    out: list[PhraseSpan] = []
    for s in spans:
        if not has_words(text[s.start : s.end]):
            if out:
                out[-1] = replace(out[-1], end=s.end)
            continue
        if out and (out[-1].since, out[-1].certain, out[-1].gap_in) == (
            s.since,
            s.certain,
            s.gap_in,
        ):
            out[-1] = replace(out[-1], end=s.end)
        else:
            out.append(s)
    return out


def phrase_lines(text: str, spans: Sequence[PhraseSpan], names: Sequence[str]) -> list[str]:
    """One line per phrase: "“maintain” first seen in 2013, possibly earlier: …"; a clause
    of one origin throughout is said once ("all its words since 1998")."""
    said = phrases(text, spans)
    if len(said) == 1:
        return [f"all its words {origin_text(said[0], names)}"]
    return [f"“{quote(text[s.start : s.end])}” {origin_text(s, names)}" for s in said]


def history_json(
    history: History, version: int = -1, paths: Sequence[str] | None = None
) -> dict[str, Any]:
    """``{"versions": [...], "clauses": [{"id", "label", "text", "spans"}]}`` for every
    clause of ``version`` (the last by default) that is not a gap; ``since`` and ``gap_in``
    are indices into ``versions``."""
    versions = history.lineage.versions
    v = version % len(versions)
    names = version_names(versions)
    return {
        "versions": [
            {
                "index": n,
                "name": names[n],
                "label": doc.info.label,
                "symbol": doc.info.symbol,
                "date": doc.info.date,
                "complete": doc.is_complete,
                "path": paths[n] if paths else doc.info.path,
                "document": info_json(doc.info),
            }
            for n, doc in enumerate(versions)
        ],
        "version": v,
        "clauses": [
            {
                "id": f"v{v}.{c.id}",
                "label": c.display_label(),
                "text": c.text,
                "spans": [
                    {
                        "start": s.start,
                        "end": s.end,
                        "since": s.since,
                        "certain": s.certain,
                        "gap_in": s.gap_in,
                    }
                    for s in history.spans(v, c.index)
                ],
            }
            for c in versions[v].clauses
            if not c.is_gap
        ],
    }

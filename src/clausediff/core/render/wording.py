"""Every sentence ClauseDiff says about a link: kind names, unknown sides and gaps, moved
clauses and travelled sentences, letter case, tooltips and the lines a screen reader hears.

Contract: plain strings from the comparison's values; the window, the commands and the
exports all take their words from here, so that a link is described the same way wherever
it is shown. Escaping is the renderer's job (:mod:`clausediff.core.render.html`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from clausediff.core.compare.links import Alignment, ClauseLink, LinkKind, SentenceLink
from clausediff.core.compare.sentences import moved_sentences
from clausediff.core.model import Document, leading_words
from clausediff.core.store.review import PlacedNote

#: What each kind of link is called.
KIND_TEXT: Mapping[LinkKind, str] = MappingProxyType({k: k.value for k in LinkKind})

#: The side of an unknown link that has no clause.
UNKNOWN_HERE = "Unknown: the counterpart may lie in text missing from this version."
#: An unknown link, said of the link.
UNKNOWN_LINK = "unknown: the counterpart may lie in text missing from the other version"
LETTER_CASE_ONLY = "letter case only"
ONLY_LETTER_CASE_CHANGED = "only the letter case changed"
MOVED_AWAY = "moved away"
NOT_LINKED_NOTE = "Only a moved clause has another place to go to"
#: A link a user made by hand (a correction stored in the review), not the engine.
PAIRED_BY_HAND = "paired by hand"


def detail_text(detail: str) -> str:
    """How a changed link changed, in words ("trimmed", "typography only")."""
    return "typography only" if detail == "typography" else detail


def kind_text(lk: ClauseLink) -> str:
    """A link's kind, with how it changed where one word says it ("modified (trimmed)"), and
    whether a user made it by hand ("modified (rewritten), paired by hand")."""
    text = KIND_TEXT[lk.kind] + (f" ({detail_text(lk.detail)})" if lk.detail else "")
    return text + (f", {PAIRED_BY_HAND}" if lk.manual else "")


def gap_text(note: str | None) -> str:
    """A gap clause: text the version does not hold."""
    return f"Text not available in this version — {note or ''}"


def not_in_version(hidden: bool) -> str:
    """A family with no clause in a version (``hidden``: the version has gaps)."""
    return "not in this version" + (" (or in its missing text)" if hidden else "")


def marker_labels(al: Alignment, lk: ClauseLink) -> str:
    """The gutter labels of a "moved away" row."""
    return f"{al.left.labels(lk.left)} → (moved)"


def moved_to(labels: str, below: bool) -> str:
    """The older cell of a "moved away" row: where the clause went."""
    return f"Moved to {labels}, {'below' if below else 'above'}."


def moved_jump(marker: bool, labels: str, down: bool) -> str:
    """The gutter's jump to a moved clause's other place."""
    return f"{'to' if marker else 'from'} {labels} {'↓' if down else '↑'}"


def counts_text(alignment: Alignment, sep: str = "  ·  ") -> str:
    """How many links of each kind, in words ("2 modified  ·  1 split")."""
    return sep.join(f"{n} {KIND_TEXT[k]}" for k, n in alignment.counts().items() if n)


def link_line(al: Alignment, lk: ClauseLink, words: int = 12) -> str:
    """A link in one line: kind, labels and its first words."""
    return (
        f"{kind_text(lk)}: {al.left.labels(lk.left)} → "
        f"{al.right.labels(lk.right)}: {leading_words(al.lead_text(lk), words)}"
    )


def marker_line(al: Alignment, lk: ClauseLink) -> str:
    """The "moved away" row of a moved link, in one line."""
    return (
        f"moved away: {al.left.labels(lk.left)} now stands at "
        f"{al.right.labels(lk.right)}: {leading_words(al.lead_text(lk))}"
    )


def note_line(placed: PlacedNote) -> str:
    n = placed.note
    return f"✎ {n.status if n.status != 'none' else 'note'}: {n.text}"


def link_tooltip(
    al: Alignment,
    lk: ClauseLink,
    *,
    case_only: bool = False,
    moves: Sequence[tuple[str, str]] = (),
    notes: Sequence[PlacedNote] = (),
) -> str:
    """Everything said of a link when the pointer rests on it."""
    text = f"{kind_text(lk)} · similarity {lk.score:.2f}"
    if case_only:
        text += f" · {ONLY_LETTER_CASE_CHANGED}"
    if lk.kind is LinkKind.UNKNOWN:
        text = UNKNOWN_LINK
        if lk.gap is not None:
            side, gi = lk.gap
            gap_doc = al.right if side else al.left
            text += f" ({gap_doc.clauses[gi].gap_note})"
    for _, full in moves:
        text += f"\n{full}"
    for placed in notes:
        text += "\n" + note_line(placed)
    if lk.kind is LinkKind.MOVED:
        text += (
            f"\nmoved from {al.left.labels(lk.left)} of {al.left.info.label} "
            f"to {al.right.labels(lk.right)} of {al.right.info.label}"
            "\nclick the gutter (or press Ctrl+J) to go to its other place"
        )
    return text


# --------------------------------------------------------------------------- travelled sentences


def sentence_moves(al: Alignment) -> dict[int, list[tuple[str, str]]]:
    """For each clause link, the sentences that came into its clauses from, or went from
    them to, a clause it is not linked with, in words: ``(short line, full line)`` pairs,
    the short one for a margin ("a sentence from ¶7"), the full one for tooltips, screen
    readers and the command line, quoting the part that travelled ("sentence 3 of ¶7
    (“Any relevant body …”) came from ¶7 of 2011 Decision")."""
    arrived, went = moved_sentences(al)
    out: dict[int, list[tuple[str, str]]] = {}
    for by_link, incoming in ((arrived, True), (went, False)):
        for n, links in by_link.items():
            out.setdefault(n, []).extend(_described(al, sl, incoming) for sl in links)
    return out


def _described(al: Alignment, sl: SentenceLink, incoming: bool) -> tuple[str, str]:
    """A moved sentence seen from its new clause (``incoming``) or from its old one."""
    old = al.left.clauses[sl.left.clause]
    new = al.right.clauses[sl.right.clause]
    if incoming:
        text = new.sentences[sl.right.sentence].text
        quote = leading_words(text[sl.right_part.start : sl.right_part.end])
        return (
            f"a sentence from {old.display_label()}",
            f"sentence {sl.right.sentence + 1} of {new.display_label()} (“{quote}”) "
            f"came from {old.display_label()} of {al.left.info.label}",
        )
    text = old.sentences[sl.left.sentence].text
    quote = leading_words(text[sl.left_part.start : sl.left_part.end])
    return (
        f"a sentence to {new.display_label()}",
        f"sentence {sl.left.sentence + 1} of {old.display_label()} (“{quote}”) "
        f"went to {new.display_label()} of {al.right.info.label}",
    )


def short_moves(moves: list[tuple[str, str]]) -> list[str]:
    """The gutter lines of a link's sentence moves, each once ("2 sentences from ¶7")."""
    counts = Counter(short for short, _ in moves)
    return [
        short if n == 1 else short.replace("a sentence", f"{n} sentences", 1)
        for short, n in counts.items()
    ]


#: A source that is a place on this computer: an absolute path (POSIX, Windows, a network
#: share, a home folder), a ``file:`` address, or the ``bundled:`` / ``library:<id>:`` form
#: of a document's path.
_LOCAL = re.compile(r"^(/|~|[A-Za-z]:[\\/]|\\\\|file:|bundled:|library:\d+:)")


def file_name(path: str) -> str:
    """The file name of a local path (``/home/ana/Decisions/WT-L-977.txt``,
    ``C:\\Users\\ana\\x.docx``, ``library:1:WT-L-977.txt``): what an export may name."""
    if path.startswith("library:"):
        path = path.split(":", 2)[-1]
    elif path.startswith("bundled:"):
        path = path[len("bundled:") :]
    return re.split(r"[\\/]", path.rstrip("\\/"))[-1] or path


def source_text(source: str, path: str = "") -> str:
    """A source as an export names it: an address or a citation as written, a place on this
    computer (or the file of the document's own ``path``) by its file name only, so that an
    export handed out does not tell the folders of the one who made it."""
    local = _LOCAL.match(source) or (path and file_name(source) == file_name(path))
    return file_name(source) if local else source


def sources_text(doc: Document, empty: str = "") -> str:
    """A version's sources (:func:`source_text`), else the file it was read from, else
    ``empty``."""
    info = doc.info
    shown = [source_text(s, info.path) for s in info.sources]
    return ", ".join(shown) or (file_name(info.path) if info.path else "") or empty


def provenance_line(doc: Document, *, excerpt: str = "excerpt", sha256: bool = False) -> str:
    """One version as a line of a list: label, symbol, date, complete or ``excerpt``, its
    sources (:func:`sources_text`) and (with ``sha256``) the text's SHA-256."""
    info = doc.info
    complete = "complete" if doc.is_complete else excerpt
    sources = sources_text(doc)
    return (
        f"{info.label}: {info.symbol or '—'}, {info.date or 'no date'}, {complete}"
        + (f". Source: {sources}" if sources else "")
        + (f". SHA-256 {info.sha256}" if sha256 and info.sha256 else "")
    )


#: What each kind of link means, for the legend.
KIND_MEANING: Mapping[LinkKind, str] = MappingProxyType(
    {
        LinkKind.UNCHANGED: "the same words in both versions",
        LinkKind.MODIFIED: "reworded; its score: how much of the older clause is kept",
        LinkKind.MOVED: "now stands elsewhere",
        LinkKind.SPLIT: "one older clause became several",
        LinkKind.MERGED: "several older clauses became one",
        LinkKind.RESTRUCTURED: "clauses regrouped into others",
        LinkKind.ADDED: "only in the newer version",
        LinkKind.DELETED: "only in the older version",
        LinkKind.UNKNOWN: "its counterpart may lie in text a version lacks",
    }
)
#: The legend's lines on the marks inside a clause's text.
LEGEND_DELETED = "older words: struck through (orange)"
LEGEND_INSERTED = "newer words: underlined (blue)"
LEGEND_GAP = "text a version lacks (a gap): hatched, never called added or deleted"
LEGEND_FOUND = "text found with Find"
LEGEND_MOVED_AWAY = "where a moved clause stood; click its gutter or press Ctrl+J to jump"

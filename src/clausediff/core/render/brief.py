"""The brief: a comparison of two versions on one page, for a negotiator to read in a minute.

Contract: :func:`build_brief` takes an alignment and the flags of its links
(:func:`~clausediff.core.compare.flags.alignment_flags`) and returns a :class:`Brief`: the two
versions (symbols, dates, provenance), the number of links of each kind, the number of bracket
events of each kind (counted from the bracket flags: every event raises one), and the flagged
changes ordered by severity (then by their place in the text), each with the label of the
clause it is in and its words before and after. :func:`brief_text`, :func:`brief_html` and
:func:`brief_json` write it for the command line, for the window and the exports (HTML, PDF
through Qt's rich text) and as JSON. Clause text is always escaped in HTML. Nothing here
decides what is flagged. A :class:`SeriesBrief` (:func:`build_series_brief`) adds, for a series
of three or more versions, the flagged changes of the newest version against the first, each
with the drafts that made it (worked out by :mod:`~clausediff.core.compare.attribution`); the
writers take it as ``series``, and :func:`family_series_html` writes the changes of one clause
family for the lineage's history panel.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from clausediff.core.compare.attribution import attribute_flags
from clausediff.core.compare.brackets import BracketEventKind
from clausediff.core.compare.flag_rules import Category, Flag, Severity
from clausediff.core.compare.flags import alignment_flags
from clausediff.core.compare.lineage import Lineage, draft_revision
from clausediff.core.compare.links import SIDE_JOINER, Alignment, ClauseLink, LinkKind
from clausediff.core.model import Document, Span
from clausediff.core.render.html import escape, runs_html
from clausediff.core.render.palette import PRINT, Palette
from clausediff.core.render.phrases import version_names
from clausediff.core.render.redline import Mark, Run
from clausediff.core.render.serialize import flag_json, info_json
from clausediff.core.render.wording import provenance_line

#: A snippet of before or after words is cut at this many characters.
SNIPPET_CHARS = 70

#: The sign shown with each severity beside its word (never colour alone).
SEVERITY_SIGN = {Severity.HIGH: "▲", Severity.MEDIUM: "●", Severity.LOW: "○"}


@dataclass(frozen=True, slots=True)
class BriefItem:
    """One flagged change: ``link`` is the number of its link in the alignment."""

    link: int
    label: str
    flag: Flag


@dataclass(frozen=True, slots=True)
class Brief:
    versions: tuple[Document, Document]
    counts: tuple[tuple[LinkKind, int], ...]
    items: tuple[BriefItem, ...]
    #: changed links (not counting those by a gap) that carry no flag: still shown in the
    #: comparison, as every change is
    unflagged: int
    #: how many bracket events of each kind (in the order of :data:`BRACKET_COUNT_ORDER`;
    #: kinds with none left out)
    brackets: tuple[tuple[BracketEventKind, int], ...] = ()

    def by_severity(self, severity: Severity) -> list[BriefItem]:
        return [i for i in self.items if i.flag.severity is severity]


def build_brief(al: Alignment, flags: Sequence[Sequence[Flag]]) -> Brief:
    """The brief of ``al``; see the module contract."""
    items = [
        BriefItem(n, clause_label(al, al.links[n], f), f) for n, fl in enumerate(flags) for f in fl
    ]
    items.sort(key=lambda i: (i.flag.severity.rank, i.link, _place(i.flag)))
    counts = tuple((k, c) for k, c in al.counts().items() if c)
    unflagged = sum(
        1
        for lk, fl in zip(al.links, flags, strict=True)
        if lk.kind.is_change and lk.kind is not LinkKind.UNKNOWN and not fl
    )
    return Brief((al.left, al.right), counts, tuple(items), unflagged, bracket_counts(flags))


#: The order in which a brief counts bracket events.
BRACKET_COUNT_ORDER = (
    BracketEventKind.LIFTED,
    BracketEventKind.ADDED,
    BracketEventKind.ALTERNATIVE_CHOSEN,
    BracketEventKind.ALTERNATIVE_ADDED,
    BracketEventKind.DROPPED,
    BracketEventKind.CHANGED_INSIDE,
)


def bracket_counts(
    flags: Sequence[Sequence[Flag]],
) -> tuple[tuple[BracketEventKind, int], ...]:
    """How many bracket events of each kind the flags hold (a bracket lifted with words
    changed inside it is a bracket lifted)."""
    found: dict[BracketEventKind, int] = {}
    for fl in flags:
        for f in fl:
            if f.category is Category.BRACKET:
                event = f.rule.removeprefix("bracket:").removesuffix("_changed")
                kind = BracketEventKind(event)
                found[kind] = found.get(kind, 0) + 1
    return tuple((k, found[k]) for k in BRACKET_COUNT_ORDER if k in found)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _n(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def brackets_line(brief: Brief) -> str:
    """ "3 brackets lifted, 1 new, 2 alternatives settled" ("" when there are none)."""
    parts = []
    for kind, n in brief.brackets:
        if kind is BracketEventKind.LIFTED:
            parts.append(_n(n, "bracket lifted", "brackets lifted"))
        elif kind is BracketEventKind.ADDED:
            parts.append(f"{n} new" if parts else _n(n, "new bracket", "new brackets"))
        elif kind is BracketEventKind.ALTERNATIVE_CHOSEN:
            parts.append(_n(n, "alternative settled", "alternatives settled"))
        elif kind is BracketEventKind.ALTERNATIVE_ADDED:
            parts.append(_n(n, "alternative added", "alternatives added"))
        elif kind is BracketEventKind.DROPPED:
            parts.append(_n(n, "bracketed passage dropped", "bracketed passages dropped"))
        else:
            parts.append(f"words changed inside {_n(n, 'bracket', 'brackets')}")
    return ", ".join(parts)


def _place(flag: Flag) -> int:
    """Where a flag's words are in its link (a clause-level event first)."""
    span = flag.right or flag.left
    return -1 if flag.category is Category.STRUCTURE else span.start if span else 1 << 30


def clause_label(al: Alignment, lk: ClauseLink, flag: Flag) -> str:
    """The clause a flag is in, as a reader names it: the newer clause ("¶5"); the older
    one ("¶6 of 1998 Declaration") where the newer side has none; of a several-clause side,
    the clause that holds the flagged words."""
    if lk.right:
        return _label_at(al.right, lk.right, flag.right) + (
            f" (was {al.left.labels(lk.left)})"
            if lk.left and al.left.labels(lk.left) != al.right.labels(lk.right)
            else ""
        )
    return f"{_label_at(al.left, lk.left, flag.left)} of {al.left.info.label}"


def _label_at(doc: Document, indices: tuple[int, ...], span: Span | None) -> str:
    if len(indices) > 1 and span is not None:
        at = 0
        for i in indices:
            end = at + len(doc.clauses[i].text)
            if at <= span.start < end + len(SIDE_JOINER):
                return doc.clauses[i].display_label()
            at = end + len(SIDE_JOINER)
    return doc.labels(indices)


def snippet(words: str) -> str:
    """Before or after words on one line, quoted, cut to :data:`SNIPPET_CHARS`; "—" if none."""
    one = " ".join(words.split())
    if not one:
        return "—"
    return f"“{one[:SNIPPET_CHARS].rstrip()}…”" if len(one) > SNIPPET_CHARS else f"“{one}”"


def change_line(flag: Flag) -> str:
    """``“Seventh” → “Eighth”``."""
    return f"{snippet(flag.before)} → {snippet(flag.after)}"


def chips(flags: Sequence[Flag], most: int = 3) -> list[str]:
    """A link's flags as short chips, gravest first, each kind once ("▲ time",
    "● obligation"), at most ``most`` and then "+n": the gutter's and the change list's."""
    seen: dict[tuple[int, str], str] = {}
    for f in sorted(flags, key=lambda f: f.severity.rank):
        key = (f.severity.rank, f.category.value)
        seen.setdefault(key, f"{SEVERITY_SIGN[f.severity]} {f.category.value}")
    out = list(seen.values())
    return out[:most] + ([f"+{len(out) - most}"] if len(out) > most else [])


def flags_spoken(flags: Sequence[Flag]) -> str:
    """A link's flags for a screen reader and a tooltip: one line each."""
    return "\n".join(
        f"{f.severity.value} {f.category.value}: {f.text}" + (f" ({f.where})" if f.where else "")
        for f in sorted(flags, key=lambda f: f.severity.rank)
    )


def counts_line(brief: Brief) -> str:
    return ", ".join(f"{kind.value} {n}" for kind, n in brief.counts)


# ----------------------------------------------------------------------------- series


@dataclass(frozen=True, slots=True)
class SeriesBrief:
    """The newest version against the first of a series: its flagged changes (``items``,
    in the order of a brief), each with the names of the drafts that made it (none when
    the lineage cannot tell)."""

    names: tuple[str, ...]
    first: Document
    newest: Document
    items: tuple[tuple[BriefItem, tuple[str, ...]], ...]


def draft_names(versions: Sequence[Document]) -> list[str]:
    """Each version's short name: "Draft", "Rev.1", … for the drafts of one series, else
    the names of the lineage view (a year, a label)."""
    revisions = [draft_revision(d) for d in versions]
    if all(revisions) and len({r.series for r in revisions if r}) == 1:
        return [f"Rev.{r.number}" if r.number else "Draft" for r in revisions if r]
    return version_names(versions)


def build_series_brief(lineage: Lineage, direct: Alignment) -> SeriesBrief:
    """The flagged changes of ``direct`` (the lineage's first version against its newest),
    each with the drafts that made it."""
    flags = alignment_flags(direct)
    made = attribute_flags(lineage, direct, flags)
    names = draft_names(lineage.versions)
    by_flag = {
        (n, k): tuple(names[v] for v in versions)
        for n, row in enumerate(made)
        for k, versions in enumerate(row)
    }
    brief = build_brief(direct, flags)
    items = []
    for item in brief.items:
        k = next(k for k, f in enumerate(flags[item.link]) if f is item.flag)
        items.append((item, by_flag[(item.link, k)]))
    return SeriesBrief(tuple(names), direct.left, direct.right, tuple(items))


def _made_by(names: Sequence[str]) -> str:
    return " and ".join(names) if names else "not known"


def series_title(series: SeriesBrief) -> str:
    return (
        f"Since the first draft: {series.first.info.label} → {series.newest.info.label}, "
        "each flagged change and the draft that made it"
    )


def family_series_html(
    series: SeriesBrief, items: Sequence[tuple[BriefItem, Sequence[str]]]
) -> str:
    """A family's flagged changes since the first draft, each with the draft that made it
    (the lineage's history panel)."""
    if not items:
        return f"<p><i>No flagged change since {escape(series.first.info.label)}.</i></p>"
    title = f"Since {series.first.info.label}: each flagged change and the draft that made it"
    rows = "".join(
        f"<li><b>{escape(_made_by(by))}</b>: {SEVERITY_SIGN[i.flag.severity]} "
        f"[{escape(i.flag.category.value)}] {escape(i.label)}: {escape(i.flag.text)}</li>"
        for i, by in items
    )
    return f"<h4>{escape(title)}</h4><ul>{rows}</ul>"


# ----------------------------------------------------------------------------- text


def brief_text(brief: Brief, series: SeriesBrief | None = None) -> str:
    """The brief as plain text (``clausediff summary``), with a series' section after it."""
    old, new = brief.versions
    lines = [
        f"Brief: {old.info.label} → {new.info.label}",
        "",
        f"  older: {provenance_line(old)}",
        f"  newer: {provenance_line(new)}",
        "",
        f"Clauses: {counts_line(brief)}",
        *([f"{_capital(brackets_line(brief))}."] if brief.brackets else []),
        f"Flagged changes: {len(brief.items)}"
        + (f"; {brief.unflagged} other changed links carry no flag" if brief.unflagged else ""),
    ]
    for severity in Severity:
        items = brief.by_severity(severity)
        if not items:
            continue
        lines += ["", f"{SEVERITY_SIGN[severity]} {severity.value.upper()} ({len(items)})"]
        for i in items:
            where = f" ({i.flag.where})" if i.flag.where else ""
            lines.append(f"  {i.label:<12} [{i.flag.category.value}] {i.flag.text}{where}")
            lines.append(f"  {'':<12} {change_line(i.flag)}")
    if not brief.items:
        lines += ["", "No change was flagged; every change is still shown in the comparison."]
    if series is not None:
        lines += ["", f"{series_title(series)} ({len(series.items)}):"]
        width = max((len(_made_by(by)) for _, by in series.items), default=0)
        for i, by in series.items:
            sign = SEVERITY_SIGN[i.flag.severity]
            lines.append(
                f"  {_made_by(by):<{width}}  {sign} {i.label:<12} [{i.flag.category.value}] "
                f"{i.flag.text}"
            )
    return "\n".join(lines)


# ----------------------------------------------------------------------------- JSON


def brief_json(brief: Brief, series: SeriesBrief | None = None) -> dict[str, Any]:
    old, new = brief.versions
    out: dict[str, Any] = {
        "versions": [info_json(old.info), info_json(new.info)],
        "counts": {kind.value: n for kind, n in brief.counts},
        "unflagged": brief.unflagged,
        "brackets": {kind.value: n for kind, n in brief.brackets},
        "flags": [
            {"link": i.link, "label": i.label, **flag_json(i.flag), "where": i.flag.where}
            for i in brief.items
        ],
    }
    if series is not None:
        out["series"] = {
            "names": list(series.names),
            "first": info_json(series.first.info),
            "newest": info_json(series.newest.info),
            "flags": [
                {"link": i.link, "label": i.label, **flag_json(i.flag), "made_by": list(by)}
                for i, by in series.items
            ],
        }
    return out


# ----------------------------------------------------------------------------- HTML


def brief_css(p: Palette) -> str:
    """The brief's style rules (its cells carry their own classes: Qt's rich text, which
    lays out the PDF, applies a class more surely than a descendant rule)."""
    return (
        "h2.brief{font-size:14pt;margin:0 0 4px 0}"
        "table.brief{border-collapse:collapse;width:100%;margin-top:4px}"
        f"td.bf,th.bf{{padding:1px 4px;vertical-align:top;text-align:left;font-size:8pt;"
        f"border:1px solid {p.rule}}}"
        f"th.bf{{background:{p.header_bg}}}"
        "td.bs{white-space:nowrap}"
        "p.bv{font-size:9pt;margin:0}"
    )


def brief_page_html(al: Alignment) -> str:
    """The brief of ``al`` as the first page of an export (HTML, PDF): a page of its own."""
    return brief_html(build_brief(al, alignment_flags(al)), page=True)


def brief_html(
    brief: Brief,
    palette: Palette = PRINT,
    *,
    links: bool = False,
    page: bool = False,
    series: SeriesBrief | None = None,
    series_source: str = "",
) -> str:
    """The brief as an HTML fragment (a ``<div class="brief">``). With ``links``, each
    clause label is an anchor ``#link-N`` (the window goes to link N on a click); with
    ``page``, a page break follows it when printed; ``series_source`` says under the
    series' title where it was worked out."""
    old, new = brief.versions
    # (On a printed page the sentence that says what changed quotes the words before and
    # after: the redline column is left to the window, so that the brief fits one page.)
    columns = [("Severity", 9), ("Kind", 10), ("Clause", 23)]
    if page:
        columns.append(("What changed", 58))
    else:
        columns += [("What changed", 29), ("Before → after", 29)]
    head = "".join(f'<th class="bf" width="{w}%">{h}</th>' for h, w in columns)
    out = [
        '<div class="brief">',
        f'<h2 class="brief">Brief: {escape(old.info.label)} → {escape(new.info.label)}</h2>',
        f'<p class="bv"><b>Older:</b> {escape(provenance_line(old))}</p>',
        f'<p class="bv"><b>Newer:</b> {escape(provenance_line(new))}</p>',
        f'<p class="bv"><b>Clauses:</b> {escape(counts_line(brief))}. '
        + (f"<b>{escape(_capital(brackets_line(brief)))}.</b> " if brief.brackets else "")
        + f"<b>Flagged changes:</b> {len(brief.items)}"
        + (f" ({brief.unflagged} other changed links carry no flag)" if brief.unflagged else "")
        + ". Every change, flagged or not, is shown in the comparison.</p>",
    ]
    if brief.items:
        out.append(f'<table class="brief" cellspacing="0"><tr>{head}</tr>')
        for i in brief.items:
            f = i.flag
            label = escape(i.label)
            if links:
                label = f'<a href="#link-{i.link}">{label}</a>'
            where = f" <i>({escape(f.where)})</i>" if f.where else ""
            before = runs_html([Run(snippet(f.before), Mark.DELETED)], palette) if f.before else "—"
            after = runs_html([Run(snippet(f.after), Mark.INSERTED)], palette) if f.after else "—"
            out.append(
                f'<tr><td class="bf bs"><b>{SEVERITY_SIGN[f.severity]} {f.severity.value}</b></td>'
                f'<td class="bf bs">{f.category.value}</td>'
                f'<td class="bf">{label}</td>'
                f'<td class="bf">{escape(f.text)}{where}</td>'
                + ("" if page else f'<td class="bf">{before} → {after}</td>')
                + "</tr>"
            )
        out.append("</table>")
    else:
        out.append('<p class="bv">No change was flagged.</p>')
    if series is not None:
        out.append(
            f'<p class="bv" style="margin-top:10px"><b>{escape(series_title(series))}</b></p>'
        )
        if series_source:
            out.append(f'<p class="bv"><i>{escape(series_source)}</i></p>')
        out.append(
            '<table class="brief" cellspacing="0"><tr><th class="bf" width="12%">Made by</th>'
            '<th class="bf" width="9%">Severity</th><th class="bf" width="10%">Kind</th>'
            '<th class="bf" width="15%">Clause</th><th class="bf">What changed</th></tr>'
        )
        for i, by in series.items:
            f = i.flag
            out.append(
                f'<tr><td class="bf bs"><b>{escape(_made_by(by))}</b></td>'
                f'<td class="bf bs">{SEVERITY_SIGN[f.severity]} {f.severity.value}</td>'
                f'<td class="bf bs">{f.category.value}</td>'
                f'<td class="bf">{escape(i.label)}</td><td class="bf">{escape(f.text)}</td></tr>'
            )
        out.append("</table>")
    brk = ' style="page-break-after:always"' if page else ""
    out.append(f'<p class="bv"{brk}>&#160;</p>')
    out.append("</div>")
    return "\n".join(out)

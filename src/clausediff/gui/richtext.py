"""Escaped rich text for clause cells, and the palette of change marks.

Every piece of document text goes through :func:`html.escape` before Qt sees it: a clause
that contains ``<img src=…>`` or ``<script>`` shows literally. Deletions are struck through
and insertions underlined, in a colour-blind-safe orange/blue pair, so colour is never the
only cue.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from clausediff.core.render.redline import Mark, Run


@dataclass(frozen=True)
class Palette:
    text: str
    muted: str
    deleted_fg: str
    deleted_bg: str
    inserted_fg: str
    inserted_bg: str
    find_bg: str
    gap_fg: str


LIGHT = Palette(
    text="#1b1b1b",
    muted="#5f6368",
    deleted_fg="#A63A00",
    deleted_bg="#FCE3CF",
    inserted_fg="#0B4F8A",
    inserted_bg="#D5E8F7",
    find_bg="#FFE14D",
    gap_fg="#5f6368",
)
DARK = Palette(
    text="#e8e8e8",
    muted="#a0a4a8",
    deleted_fg="#FFB27A",
    deleted_bg="#5A2E12",
    inserted_fg="#9CCBFF",
    inserted_bg="#173A5E",
    find_bg="#8A6D00",
    gap_fg="#b0b4b8",
)


def _escape(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br/>")


def runs_html(runs: list[Run], palette: Palette, find: str = "") -> str:
    """HTML for runs of one side; ``find`` words are highlighted (case-insensitive)."""
    parts: list[str] = []
    pattern = re.compile(re.escape(find), re.IGNORECASE) if find else None
    for run in runs:
        if run.clause_break:
            parts.append("<br/>")
            continue
        styles = []
        if run.mark is Mark.DELETED:
            styles.append(
                f"color:{palette.deleted_fg};background-color:{palette.deleted_bg};"
                "text-decoration:line-through"
            )
        elif run.mark is Mark.INSERTED:
            styles.append(
                f"color:{palette.inserted_fg};background-color:{palette.inserted_bg};"
                "text-decoration:underline"
            )
        if run.italic:
            styles.append("font-style:italic")
        if run.bold:
            styles.append("font-weight:600")
        body = _with_hits(run.text, pattern, palette)
        parts.append(f'<span style="{";".join(styles)}">{body}</span>' if styles else body)
    return "".join(parts)


def _with_hits(text: str, pattern: re.Pattern[str] | None, palette: Palette) -> str:
    if pattern is None:
        return _escape(text)
    out, pos = [], 0
    for m in pattern.finditer(text):
        out.append(_escape(text[pos : m.start()]))
        out.append(f'<span style="background-color:{palette.find_bg}">{_escape(m.group())}</span>')
        pos = m.end()
    out.append(_escape(text[pos:]))
    return "".join(out)


def plain_html(
    text: str, palette: Palette, *, italic: bool = False, muted: bool = False, find: str = ""
) -> str:
    """``text`` escaped (with find hits marked); italic notes and muted text in grey."""
    pattern = re.compile(re.escape(find), re.IGNORECASE) if find else None
    body = _with_hits(text, pattern, palette)
    if italic:
        return f'<span style="color:{palette.gap_fg};font-style:italic">{body}</span>'
    if muted:
        return f'<span style="color:{palette.muted}">{body}</span>'
    return body

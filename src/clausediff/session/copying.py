"""What "Copy" puts on the clipboard for a compare row: plain text, and the redline as HTML.

Contract: from an alignment and one of its links to a :class:`Copied` pair of strings; the
window hands both to the clipboard (a word processor pastes the HTML, a plain editor the
text). The clause texts are copied exactly as the document model holds them; the redline is
the exports' own HTML (deletions struck through, insertions underlined, gaps said as gaps),
in the paper palette. Pure Python, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from clausediff.core.compare.links import Alignment, ClauseLink
from clausediff.core.render import wording
from clausediff.core.render.html import escape, side_html
from clausediff.core.render.palette import PRINT


@dataclass(frozen=True, slots=True)
class Copied:
    text: str
    html: str


def _labels(al: Alignment, lk: ClauseLink) -> str:
    left = al.left.labels(lk.left) if lk.left else "—"
    right = al.right.labels(lk.right) if lk.right else "—"
    return f"{left} → {right}"


def copy_link(al: Alignment, lk: ClauseLink) -> Copied:
    """The row of ``lk``: its labels and kind, then the older and the newer text."""
    head = f"{_labels(al, lk)}, {wording.kind_text(lk)}"
    older = al.side_text(lk, 0) if lk.left else ""
    newer = al.side_text(lk, 1) if lk.right else ""
    names = (al.left.info.label, al.right.info.label)
    text = f"{head}\n{names[0]}: {older or '—'}\n{names[1]}: {newer or '—'}\n"
    cells = "".join(
        f'<td style="vertical-align:top;padding:4px">{side_html(al, lk, side, PRINT)}</td>'
        for side in (0, 1)
    )
    html = (
        f"<p><b>{escape(head)}</b></p>"
        f'<table border="1" cellspacing="0"><tr>'
        f"<th>{escape(names[0])}</th><th>{escape(names[1])}</th></tr><tr>{cells}</tr></table>"
    )
    return Copied(text, html)

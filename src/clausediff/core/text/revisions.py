"""Drafts and their revisions, told from a document's symbols and opening lines.

Contract: :func:`revision_of` takes a document's symbols and the first lines of its text
(title, "Draft Decision", "Revision") and returns a :class:`Revision` (the series' symbol,
the revision number, whether it is a draft) or ``None`` for a document that is neither a
draft nor a revision. A symbol ``…/Rev.2`` is revision 2 of its series; a working document
(``…/W/…``, ``JOB/…``) or a "Draft …" title is a draft, revision 0 unless a number says
otherwise; a "Revision" line with no number is a revision after the draft. Strings only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_REV_RE = re.compile(r"/Rev\.(\d{1,3})\b", re.IGNORECASE)
_TITLE_REV_RE = re.compile(
    r"^\s*(?:Revision|Rev\.)(?:\s*(?:No\.\s*)?(\d{1,3}))?\s*$", re.IGNORECASE
)
_DRAFT_RE = re.compile(r"^\s*(?:\[?\s*)?draft\b", re.IGNORECASE)
_WORKING_RE = re.compile(r"(?:^|/)(?:W|JOB)(?:/|$)")


@dataclass(frozen=True, slots=True)
class Revision:
    """Where a document stands in a series of drafts: ``number`` 0 is the first draft."""

    series: str
    number: int
    draft: bool


def revision_of(symbols: Sequence[str], lines: Sequence[str] = ()) -> Revision | None:
    """The revision a document is, from its symbols and opening lines; see the contract."""
    for symbol in symbols:
        m = _REV_RE.search(symbol)
        if m:
            return Revision(symbol[: m.start()], int(m.group(1)), True)
    series = symbols[0] if symbols else ""
    draft = any(_WORKING_RE.search(s) for s in symbols)
    for line in lines:
        t = _TITLE_REV_RE.match(line)
        if t:
            return Revision(series, int(t.group(1)) if t.group(1) else 1, True)
        if _DRAFT_RE.match(line):
            draft = True
    return Revision(series, 0, True) if draft else None

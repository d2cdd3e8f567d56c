"""How a reader names each clause of a document: "¶1.2", "(a)", "recital 2", "op. ¶1".

Contract: :func:`reader_labels` takes the clauses of one document in order and returns one
name for each, by one scheme for every document. A clause that carries its own number keeps
it ("(a)", "Article 4"; a bare paragraph number reads "¶1", "¶1.2", "¶2.3 bis"). An
unnumbered clause is named by the part of the decision it belongs to, counted within that
part: "recital 1", "recital 2" (the preamble's recitals), "op. ¶1", "op. ¶2" (the operative
part, numbered paragraphs counted too, so that "op. ¶3" is the third operative paragraph),
"heading" ("heading 1", "heading 2" when there are several), "introducer" ("Decides:"),
"opener" ("The Ministerial Conference,"). A gap is named by its position, "¶8", as
everywhere before. The names depend on the whole document, so they are made once, when it
is segmented (:func:`clausediff.core.text.segment.segment`), never per call. Depends only on
the model and the kind rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from clausediff.core.model import Clause, ClauseKind
from clausediff.core.text.kinds import is_opener

#: A paragraph number as the segmenter keeps it ("1", "1.2", "1.10.1", "2.3 bis"): named
#: "¶1", "¶1.2". Letters, roman numbers, Article and § forms are names as they stand.
_PARAGRAPH_NUMBER_RE = re.compile(
    r"\d{1,5}(?:\.\d{1,5})*\.?(?:\s+(?:bis|ter|quater|quinquies|sexies))?"
)

_HEADING = "heading"
_INTRODUCER = "introducer"
_OPENER = "opener"


def own_label_name(label: str) -> str:
    """The name of a clause's own label: "¶" before a bare paragraph number."""
    return f"¶{label}" if _PARAGRAPH_NUMBER_RE.fullmatch(label) else label


def position_name(index: int) -> str:
    """A clause named by its place in the document: "¶8" for the clause at index 7."""
    return f"¶{index + 1}"


def reader_labels(clauses: Sequence[Clause]) -> list[str]:
    """One name per clause of a document, in order; see the module contract."""
    # (kinds are compared by identity, not looked up: an Enum's hash is a Python call, and
    # a document may have 60,000 clauses)
    preamble, operative, gap = ClauseKind.PREAMBLE, ClauseKind.OPERATIVE, ClauseKind.GAP
    heading = ClauseKind.HEADING
    names = [""] * len(clauses)
    recitals = paragraphs = 0
    headings: list[int] = []
    introducers: list[int] = []
    seen_preamble = False
    for i, c in enumerate(clauses):
        kind = c.kind
        if kind is preamble:
            if not seen_preamble:
                seen_preamble = True
                if not c.label and is_opener(c.text):  # (not a recital: "Recalling …" is 1)
                    names[i] = _OPENER
                    continue
            recitals += 1
        elif kind is operative:
            paragraphs += 1
        if c.label:
            names[i] = own_label_name(c.label)
        elif kind is operative:
            names[i] = f"op. ¶{paragraphs}"
        elif kind is preamble:
            names[i] = f"recital {recitals}"
        elif kind is gap:
            names[i] = position_name(c.index)
        elif kind is heading:
            headings.append(i)
        else:
            introducers.append(i)
    for where, name in ((headings, _HEADING), (introducers, _INTRODUCER)):
        for n, i in enumerate(where, 1):
            names[i] = name if len(where) == 1 else f"{name} {n}"
    return names

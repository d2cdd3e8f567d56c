"""WordprocessingML runs written as text: the one place where a clause's characters become
Word's, shared by the Word redline and the Word report.

Contract: :func:`runs_xml` turns a piece of document text into ``<w:r>`` elements (as an XML
string, in the ``w:`` namespace), escaped, with nothing dropped that Word can hold: a tab is
``w:tab``; a line feed, carriage return (or the pair) and vertical tab are Word's one line
break ``w:br``; a form feed is a page break ``w:br w:type="page"``; a character that no XML
file may hold (other C0 controls, lone surrogates, U+FFFE, U+FFFF) is U+FFFD, so that
writing never fails. :func:`word_safe` is the same rule for plain strings handed to
python-docx (comments, headings). :func:`set_page_size` puts a document's sections on A4
or Letter (python-docx's own template is Letter). Building elements one by one through
python-docx's run API is slow on long clauses; these strings are parsed once per paragraph
or body.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

    from clausediff.core.store.review import PlacedNote

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

#: Paper sizes in millimetres, width by height (portrait).
PAGE_MM = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}

#: Characters no XML 1.0 document may hold (tab, LF and CR are allowed; \v and \f are not).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: A text is cut into plain stretches and the characters Word writes as elements.
_SPECIAL = re.compile("\r\n|[\t\n\r\x0b\x0c]")
_LINE_BREAK = re.compile("\r\n|[\r\x0b]")
_ELEMENT = {
    "\t": "<w:tab/>",
    "\n": "<w:br/>",
    "\r": "<w:br/>",
    "\r\n": "<w:br/>",
    "\x0b": "<w:br/>",
    "\x0c": '<w:br w:type="page"/>',
}


def word_safe(text: str) -> str:
    """``text`` with every character an XML file cannot hold replaced by U+FFFD."""
    return _ILLEGAL.sub("\ufffd", text)


def word_text(text: str) -> str:
    """What a reader of the Word file finds for ``text``: Word's one line break for a line
    feed, carriage return (or the pair) or vertical tab, a form feed for a page break,
    U+FFFD for what XML cannot hold. For checks and round trips."""
    lines = _LINE_BREAK.sub("\n", text)
    return "\x0c".join(word_safe(part) for part in lines.split("\x0c"))


def rpr_xml(italic: bool, bold: bool, extra: str = "") -> str:
    """A run's properties (``extra``: a ``w:rPrChange``, which comes last)."""
    inner = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + extra
    return f"<w:rPr>{inner}</w:rPr>" if inner else ""


def runs_xml(text: str, rpr: str = "", *, deleted: bool = False) -> str:
    """``text`` as one run (``deleted``: its text in ``w:delText``, as inside ``w:del``)."""
    tag = "w:delText" if deleted else "w:t"
    parts: list[str] = []
    pos = 0
    for m in _SPECIAL.finditer(text):
        if m.start() > pos:
            parts.append(_t(tag, text[pos : m.start()]))
        parts.append(_ELEMENT[m.group()])
        pos = m.end()
    if pos < len(text):
        parts.append(_t(tag, text[pos:]))
    return f"<w:r>{rpr}{''.join(parts)}</w:r>" if parts else ""


def _t(tag: str, text: str) -> str:
    return f'<{tag} xml:space="preserve">{escape(word_safe(text))}</{tag}>'


def set_page_size(document: WordDocument, page_size: str) -> None:
    """Every section of ``document`` on pages of ``page_size`` (``"a4"`` or ``"letter"``),
    portrait, its margins as they were."""
    from docx.shared import Mm

    width, height = PAGE_MM[page_size]
    for section in document.sections:
        section.page_width, section.page_height = Mm(width), Mm(height)


def new_document(page_size: str) -> WordDocument:
    """An empty Word document on pages of ``page_size`` (python-docx's template is Letter)."""
    import docx

    document = docx.Document()
    set_page_size(document, page_size)
    return document


def change_stamp() -> str:
    """The time a tracked change is dated with: now, in UTC, as Word writes it."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def add_orphaned_notes(document: WordDocument, orphans: Sequence[PlacedNote]) -> None:
    """A section of the notes whose clause can no longer be found, each with the text it was
    written on (never dropped)."""
    if not orphans:
        return
    document.add_heading("Orphaned notes", level=2)
    for p in orphans:
        document.add_paragraph(
            word_safe(
                f"{p.note.version_label} {p.note.clause_label}: “{p.note.clause_text}” — "
                f"[{p.note.status}] {p.note.text}"
            )
        )

"""Accept All and Reject All, done on a Word file's XML: what Word gives back from a redline.

Accepting drops ``w:del`` and ``w:moveFrom`` content and keeps ``w:ins`` and ``w:moveTo``
content (rejecting the reverse); a paragraph whose mark is dropped (``w:pPr/w:rPr/w:del``
on accepting, ``w:ins`` on rejecting, and the move marks alike) joins the paragraph after
it, as in Word. A run's text is its ``w:t``/``w:delText``, a ``w:tab`` a tab, a ``w:br`` a
line feed and a page break a form feed. Formatting changes (``w:rPrChange``) are read by
:func:`italic_texts`.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DROP = {"accept": {f"{W}del", f"{W}moveFrom"}, "reject": {f"{W}ins", f"{W}moveTo"}}


def document_xml(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/document.xml"))


def _text(el: etree._Element, drop: set[str]) -> str:
    out: list[str] = []
    for child in el:
        tag = child.tag
        if tag in drop or tag in (f"{W}pPr", f"{W}rPr"):
            continue
        if tag in (f"{W}t", f"{W}delText"):
            out.append(child.text or "")
        elif tag == f"{W}tab":
            out.append("\t")
        elif tag == f"{W}br":
            out.append("\x0c" if child.get(f"{W}type") == "page" else "\n")
        else:
            out.append(_text(child, drop))
    return "".join(out)


def _mark_dropped(p: etree._Element, drop: set[str]) -> bool:
    rpr = p.find(f"{W}pPr/{W}rPr")
    return rpr is not None and any(child.tag in drop for child in rpr)


def paragraphs(root: etree._Element, how: str) -> list[str]:
    """The body's paragraph texts after Accept All (``"accept"``) or Reject All (``"reject"``)."""
    drop = _DROP[how]
    body = root.find(f"{W}body")
    assert body is not None
    out: list[str] = []
    pending = ""
    for p in body.iter(f"{W}p"):
        text = pending + _text(p, drop)
        if _mark_dropped(p, drop):
            pending = text
        else:
            out.append(text)
            pending = ""
    if pending:
        out.append(pending)
    return out


def italic_texts(root: etree._Element, how: str) -> list[str]:
    """The texts of the runs that are italic after accepting or rejecting (a run's old
    properties are its ``w:rPrChange``'s)."""
    drop = _DROP[how]
    out: list[str] = []
    body = root.find(f"{W}body")
    assert body is not None

    def walk(el: etree._Element) -> None:
        for child in el:
            if child.tag in drop:
                continue
            if child.tag == f"{W}r":
                rpr = child.find(f"{W}rPr")
                if rpr is not None and how == "reject" and rpr.find(f"{W}rPrChange") is not None:
                    rpr = rpr.find(f"{W}rPrChange/{W}rPr")
                if rpr is not None and rpr.find(f"{W}i") is not None:
                    out.append(_text(child, drop))
            else:
                walk(child)

    walk(body)
    return out

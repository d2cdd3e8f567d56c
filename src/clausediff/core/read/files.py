"""Building documents from text and from files: size limits, sniffing the format, dispatch
to the readers.

Contract: every function returns a :class:`Document` whose ``source`` is the text exactly as
read, or raises a :class:`ClauseDiffError` whose message can be shown to a user. Nothing here
knows the library: resolving a version name is the session's job.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from clausediff.core.errors import UnreadableFileError, UnsupportedFormatError
from clausediff.core.model import Document, DocumentInfo, EmphasisStyle
from clausediff.core.read.extracted import Extracted
from clausediff.core.read.textio import ReadLimits, decode_bytes
from clausediff.core.read.wto import split_header
from clausediff.core.text.segment import segment

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
#: Every suffix File › Open and ``clausediff import`` accept.
FORMATS = (".pdf", ".docx", ".html", ".htm", ".xhtml", ".txt", ".text", ".md", ".markdown")
#: PDF and Word files above this size are refused (documented in the README).
MAX_FILE_BYTES = 50 * 1024 * 1024
_SAVE_AS = "open it in its program and save it as Word (.docx), PDF or plain text (.txt)."
LEGACY_SUFFIXES = {
    ".doc": "Word 97-2003 (.doc) files cannot be read; in Word, use File > Save As > Word "
    "Document (.docx), or save it as PDF.",
    ".rtf": "Rich Text (.rtf) files cannot be read; " + _SAVE_AS,
    ".odt": "OpenDocument (.odt) files cannot be read; " + _SAVE_AS,
    ".wpd": "WordPerfect files cannot be read; " + _SAVE_AS,
    ".pages": "Pages files cannot be read; " + _SAVE_AS,
    ".xls": "Spreadsheets cannot be compared; " + _SAVE_AS,
    ".xlsx": "Spreadsheets cannot be compared; " + _SAVE_AS,
    ".ppt": "Presentations cannot be compared; " + _SAVE_AS,
    ".pptx": "Presentations cannot be compared; " + _SAVE_AS,
}


def document_from_text(
    text: str,
    info: DocumentInfo | None = None,
    *,
    markdown: bool = False,
    emphasis: Sequence[tuple[int, int, EmphasisStyle]] = (),
) -> Document:
    """Segment ``text`` into a document (``emphasis``: formatting over source ranges)."""
    info = info or DocumentInfo()
    if not info.sha256:
        info = replace(info, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    clauses = segment(text, markdown=markdown, emphasis=emphasis)
    return Document(info=info, source=text, clauses=clauses)


def document_from_extracted(extracted: Extracted, info: DocumentInfo) -> Document:
    """A document from what a reader extracted, its WTO header block taken as metadata.

    The header lines go to ``info.header`` and the recognised symbols, date, body and title
    fill what ``info`` leaves empty; the text after the header is the document's source,
    unchanged.
    """
    found = split_header(extracted.text)
    start = found.body_start
    source = extracted.text[start:]
    if not source.strip():
        raise UnreadableFileError("The file holds a document header but no decision text.")
    info = replace(
        info,
        symbols=info.symbols or found.symbols,
        date=info.date or found.date,
        body=info.body or found.body,
        title=info.title or found.title,
        header=found.header,
        footnotes=extracted.footnotes,
        notes=info.notes or extracted.notes,
        format=extracted.format,
        encoding=extracted.encoding,
    )
    emphasis = [(a - start, b - start, st) for a, b, st in extracted.emphasis if b > start]
    return document_from_text(source, info, emphasis=[(max(0, a), b, st) for a, b, st in emphasis])


def document_from_bytes(
    data: bytes,
    *,
    name: str = "",
    info: DocumentInfo | None = None,
    markdown: bool | None = None,
    limits: ReadLimits | None = None,
) -> Document:
    """Decode and segment the bytes of a text or Markdown file called ``name``."""
    text, encoding = decode_bytes(data) if limits is None else decode_bytes(data, limits=limits)
    suffix = Path(name).suffix.lower()
    md = suffix in MARKDOWN_SUFFIXES if markdown is None else markdown
    base = info or DocumentInfo(path=name)
    base = replace(base, encoding=encoding, sha256=hashlib.sha256(data).hexdigest())
    return document_from_text(text, base, markdown=md)


def load_file(path: Path, *, limits: ReadLimits | None = None, tracked: str = "final") -> Document:
    """Read a decision from a file of any supported format (see :data:`FORMATS`).

    Text and Markdown are read as they are; PDF, Word and HTML files go through their
    readers. For every format but Markdown a WTO header block at the top is recognised and
    kept as metadata. ``tracked`` chooses the final ("final") or original ("original") text
    of a Word document with tracked changes.
    """
    path = Path(path)
    if path.is_dir():
        raise UnreadableFileError(f"{path} is a folder, not a file.")
    suffix = path.suffix.lower()
    if suffix in LEGACY_SUFFIXES:
        raise UnsupportedFormatError(f"{path.name}: {LEGACY_SUFFIXES[suffix]}")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise UnreadableFileError(f"There is no file {path}.") from None
    except OSError as exc:
        raise UnreadableFileError(f"{path.name}: {exc.strerror or exc}") from None
    limit = MAX_FILE_BYTES if suffix in (".pdf", ".docx") else (limits or ReadLimits()).max_bytes
    if size > limit:
        raise UnreadableFileError(
            f"{path.name} is {size / 2**20:,.1f} MB; ClauseDiff reads files of at most "
            f"{limit / 2**20:,.0f} MB of this kind."
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(f"{path.name}: {exc.strerror or exc}") from None
    kind = _kind(suffix, data)
    digest = hashlib.sha256(data).hexdigest()
    info = DocumentInfo(path=str(path), sha256=digest)
    if kind == "pdf":
        from clausediff.core.read.pdf import read_pdf

        return document_from_extracted(read_pdf(path), info)
    if kind == "docx":
        from clausediff.core.read.docx import read_docx

        return document_from_extracted(read_docx(data, tracked=tracked), info)
    text, encoding = decode_bytes(data) if limits is None else decode_bytes(data, limits=limits)
    if kind == "html":
        from clausediff.core.read.html import read_html

        return document_from_extracted(read_html(text, encoding=encoding), info)
    info = replace(info, encoding=encoding)
    if kind == "markdown":
        return document_from_text(text, replace(info, format="markdown"), markdown=True)
    return document_from_extracted(Extracted(text=text, format="text", encoding=encoding), info)


def _kind(suffix: str, data: bytes) -> str:
    """The reader for a file: by its content where that is certain, else by its suffix."""
    if data[:5] == b"%PDF-" or (suffix == ".pdf" and b"%PDF-" in data[:1024]):
        return "pdf"
    if data[:2] == b"PK" or suffix == ".docx":
        return "docx"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    head = data[:2048].lstrip().lower()
    if suffix not in TEXT_SUFFIXES and (
        head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]
    ):
        return "html"
    if suffix in TEXT_SUFFIXES or not suffix:
        return "text"
    raise UnsupportedFormatError(
        f"{Path('x' + suffix).suffix or suffix}: ClauseDiff reads PDF, Word (.docx), web pages "
        "(.html), text (.txt) and Markdown (.md) files."
    )

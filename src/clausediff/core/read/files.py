"""Building documents from text and from files: size limits, sniffing the format, dispatch
to the readers.

Contract: every function returns a :class:`Document` whose ``source`` is the text exactly as
read, or raises a :class:`ClauseDiffError` whose message can be shown to a user. Nothing here
knows the library: resolving a version name is the session's job.

A received file is untrusted. :func:`read_regular_file` opens only a regular file: a device
(``/dev/zero``), a named pipe, a socket or a folder is refused, so nothing is read without
bound and nothing blocks (the file is opened without blocking and the opened descriptor is
examined: there is no gap between a check and the open). At most the size limit plus one
byte is ever read, whatever size the file claims. A symbolic link is followed only to a
regular file, and then with a note on the document saying which file was read; a refusal
names the link's target. A document whose text names no symbol or date takes those its
file's name gives (``2015-12-19_WT-L-977.txt``; :func:`~clausediff.core.read.wto.name_from_file`).
:func:`load_file` names the file once at the start of every
refusal, escaped (:func:`~clausediff.core.errors.printable`) so that a name with a line
break or control characters keeps the message on one line. Every document holds at most
:attr:`ReadLimits.max_clauses` clauses of at most :attr:`ReadLimits.max_paragraph_chars`
characters: paragraphs are counted as a file is read, and a file with too many is refused
before it is parsed in full.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from clausediff.core.errors import (
    ClauseDiffError,
    UnreadableFileError,
    UnsupportedFormatError,
    printable,
)
from clausediff.core.model import Document, DocumentInfo, EmphasisStyle
from clausediff.core.read.extracted import Extracted
from clausediff.core.read.textio import (
    DEFAULT_LIMITS,
    ReadLimits,
    decode_bytes,
    too_many_paragraphs,
)
from clausediff.core.read.wto import name_from_file, split_header
from clausediff.core.text.brackets import unbalanced_note
from clausediff.core.text.segment import segment

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
#: Every suffix File › Open and ``clausediff import`` accept.
FORMATS = (".pdf", ".docx", ".html", ".htm", ".xhtml", ".txt", ".text", ".md", ".markdown")
#: PDF and Word files above this size are refused (documented in the README).
MAX_FILE_BYTES = DEFAULT_LIMITS.max_package_bytes
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
    limits: ReadLimits = DEFAULT_LIMITS,
) -> Document:
    """Segment ``text`` into a document (``emphasis``: formatting over source ranges).

    A text of more than ``limits.max_clauses`` paragraphs is refused before it is segmented;
    one that segments into more clauses than that, or with a clause longer than
    ``limits.max_paragraph_chars``, after.
    """
    info = info or DocumentInfo()
    paragraphs = count_paragraphs(text)
    if paragraphs > limits.max_clauses:
        raise UnreadableFileError(too_many_paragraphs("The document", f"{paragraphs:,}", limits))
    if not info.sha256:
        info = replace(info, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    clauses = segment(text, markdown=markdown, emphasis=emphasis)
    if len(clauses) > limits.max_clauses:
        raise UnreadableFileError(
            f"The document has {len(clauses):,} clauses; ClauseDiff reads documents of at most "
            f"{limits.max_clauses:,} clauses."
        )
    longest = max((c.span.end - c.span.start for c in clauses), default=0)
    if longest > limits.max_paragraph_chars:
        raise UnreadableFileError(too_long_paragraph(f"{longest:,}", limits))
    if "[" in text or "]" in text:  # (a warning for the reader, never a refusal)
        note = unbalanced_note(clauses)
        if note:
            info = replace(info, notes=f"{info.notes} {note}".strip())
    return Document(info=info, source=text, clauses=clauses)


#: A paragraph break: a line end, then one or more blank lines (as the segmenter sees them).
_PARAGRAPH_BREAK_RE = re.compile(r"(?:\r\n|\r|\n)(?:[^\S\r\n]*(?:\r\n|\r|\n))+")


def count_paragraphs(text: str) -> int:
    """The paragraphs of ``text`` (stretches of non-blank lines), counted in C: a document
    has at least as many clauses, rules aside."""
    body = text.strip()
    return len(_PARAGRAPH_BREAK_RE.findall(body)) + 1 if body else 0


def too_long_paragraph(length: str, limits: ReadLimits) -> str:
    """The refusal of a document with a paragraph of ``length`` characters."""
    return (
        f"The document has a paragraph of {length} characters; ClauseDiff reads paragraphs of "
        f"at most {limits.max_paragraph_chars:,} characters."
    )


def document_from_extracted(
    extracted: Extracted, info: DocumentInfo, *, limits: ReadLimits = DEFAULT_LIMITS
) -> Document:
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
    return document_from_text(
        source, info, emphasis=[(max(0, a), b, st) for a, b, st in emphasis], limits=limits
    )


def document_from_bytes(
    data: bytes,
    *,
    name: str = "",
    info: DocumentInfo | None = None,
    markdown: bool | None = None,
    limits: ReadLimits | None = None,
) -> Document:
    """Decode and segment the bytes of a text or Markdown file called ``name``."""
    limits = limits or DEFAULT_LIMITS
    text, encoding = decode_bytes(data, limits=limits)
    suffix = Path(name).suffix.lower()
    md = suffix in MARKDOWN_SUFFIXES if markdown is None else markdown
    base = info or DocumentInfo(path=name)
    base = replace(base, encoding=encoding, sha256=hashlib.sha256(data).hexdigest())
    return document_from_text(text, base, markdown=md, limits=limits)


_WHAT = {
    stat.S_IFDIR: "a folder",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
}
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # (a FIFO opens at once instead of waiting for a writer)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def read_regular_file(path: Path, limit: int) -> tuple[bytes, str]:
    """The bytes of the regular file at ``path``, at most ``limit`` of them, and a note to
    give the user ("" unless ``path`` is a symbolic link: then it names the file read).

    Anything but a regular file is refused (see the module contract); so is a file of more
    than ``limit`` bytes, by the size it reports or, when that lies, by what is read.
    """
    name = printable(path.name)
    target = ""
    try:
        if path.is_symlink():
            target = printable(os.path.realpath(path))
    except OSError:
        target = ""
    via = f"{name} is a link to {target}, which is" if target else f"{name} is"
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        if target:
            raise UnreadableFileError(f"{via} missing: there is no such file.") from None
        raise UnreadableFileError(f"There is no file {printable(str(path))}.") from None
    except IsADirectoryError:
        raise UnreadableFileError(f"{via} a folder, not a file.") from None
    except OSError as exc:
        what = _what(path) if exc.errno in (errno.ENXIO, errno.EOPNOTSUPP, errno.ENODEV) else ""
        if what:
            raise UnreadableFileError(_not_regular(via, what)) from None
        raise UnreadableFileError(f"{name}: {exc.strerror or exc}") from None
    st = os.fstat(fd)  # (of what was opened: nothing can be swapped in after a check)
    if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
        os.close(fd)
        if stat.S_ISDIR(st.st_mode):
            raise UnreadableFileError(f"{via} a folder, not a file.")
        if not stat.S_ISREG(st.st_mode):
            what = _WHAT.get(stat.S_IFMT(st.st_mode), "not a regular file")
            raise UnreadableFileError(_not_regular(via, what))
        raise UnreadableFileError(_too_large(name, _size(st.st_size, 1), limit))
    with os.fdopen(fd, "rb", closefd=True) as fh:
        try:
            data = fh.read(limit + 1)
        except OSError as exc:
            raise UnreadableFileError(f"{name}: {exc.strerror or exc}") from None
    if len(data) > limit:  # (it grew while it was read, or its size was not told)
        raise UnreadableFileError(_too_large(name, f"more than {_size(limit)}", limit))
    note = f"{name} is a link to {target}; that file was read." if target else ""
    return data, note


def _what(path: Path) -> str:
    try:
        mode = path.stat().st_mode
    except OSError:
        return ""
    return "" if stat.S_ISREG(mode) else _WHAT.get(stat.S_IFMT(mode), "not a regular file")


def _not_regular(via: str, what: str) -> str:
    return f"{via} {what}, not a file; ClauseDiff reads only regular files."


def _too_large(name: str, size: str, limit: int) -> str:
    return f"{name} is {size}; ClauseDiff reads files of at most {_size(limit)} of this kind."


def _size(n: int, decimals: int = 0) -> str:
    return f"{n / 2**20:,.{decimals}f} MB" if n >= 2**20 else f"{n:,} bytes"


def load_file(path: Path, *, limits: ReadLimits | None = None, tracked: str = "final") -> Document:
    """Read a decision from a file of any supported format (see :data:`FORMATS`).

    Text and Markdown are read as they are; PDF, Word and HTML files go through their
    readers. For every format but Markdown a WTO header block at the top is recognised and
    kept as metadata. ``tracked`` chooses the final ("final") or original ("original") text
    of a Word document with tracked changes. Every refusal names the file once, at its
    start.
    """
    path = Path(path)
    limits = limits or DEFAULT_LIMITS
    name = printable(path.name)
    suffix = path.suffix.lower()
    if suffix in LEGACY_SUFFIXES:
        raise UnsupportedFormatError(f"{name}: {LEGACY_SUFFIXES[suffix]}")
    limit = limits.max_package_bytes if suffix in (".pdf", ".docx") else limits.max_bytes
    data, note = read_regular_file(path, limit)
    try:
        doc = _document(path, suffix, data, limits, tracked)
    except ClauseDiffError as exc:
        exc.args = (f"{name}: {exc}",)
        raise
    if note:
        notes = f"{doc.info.notes} {note}".strip()
        doc = replace(doc, info=replace(doc.info, notes=notes))
    return named_from_file(doc, path.name)


def named_from_file(doc: Document, file_name: str) -> Document:
    """``doc`` with the symbol and the date its file's name gives ("2015-12-19_WT-L-977.txt":
    WT/L/977 of 2015-12-19), each only where its text gave none."""
    if doc.info.symbols and doc.info.date:
        return doc
    symbol, date = name_from_file(file_name)
    symbols = doc.info.symbols or ((symbol,) if symbol else ())
    if symbols == doc.info.symbols and not (date and not doc.info.date):
        return doc
    return replace(doc, info=replace(doc.info, symbols=symbols, date=doc.info.date or date))


def _document(path: Path, suffix: str, data: bytes, limits: ReadLimits, tracked: str) -> Document:
    kind = _kind(suffix, data)
    digest = hashlib.sha256(data).hexdigest()
    info = DocumentInfo(path=str(path), sha256=digest)
    if kind == "pdf":
        from clausediff.core.read.pdf import read_pdf

        return document_from_extracted(read_pdf(data), info, limits=limits)
    if kind == "docx":
        from clausediff.core.read.docx import read_docx

        extracted = read_docx(data, tracked=tracked, limits=limits)
        return document_from_extracted(extracted, info, limits=limits)
    text, encoding = decode_bytes(data, limits=limits)
    if kind == "html":
        from clausediff.core.read.html import read_html

        extracted = read_html(text, encoding=encoding, limits=limits)
        return document_from_extracted(extracted, info, limits=limits)
    info = replace(info, encoding=encoding)
    if kind == "markdown":
        return document_from_text(
            text, replace(info, format="markdown"), markdown=True, limits=limits
        )
    extracted = Extracted(text=text, format="text", encoding=encoding)
    return document_from_extracted(extracted, info, limits=limits)


def _kind(suffix: str, data: bytes) -> str:
    """The reader for a file: by its content where that is certain, else by its suffix."""
    if data[:5] == b"%PDF-" or (suffix == ".pdf" and b"%PDF-" in data[:1024]):
        return "pdf"
    if suffix == ".pdf":
        raise UnreadableFileError(_not_a_pdf(data))
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
        f"ClauseDiff reads PDF, Word (.docx), web pages (.html), text (.txt) and Markdown (.md) "
        f"files, not {printable(suffix)} files."
    )


def _not_a_pdf(data: bytes) -> str:
    """Why a file named .pdf is not read as one, and what it seems to be instead."""
    if data[:2] == b"PK":
        seems = " It is a zip package (a Word .docx file?): rename it to read it as that."
    else:
        try:
            decode_bytes(data[: 64 * 1024])
        except UnreadableFileError:
            seems = ""
        else:
            seems = " It holds plain text: rename it .txt to read it as a text file."
    return f"The file is named .pdf but is not a PDF (it has no PDF header).{seems}"

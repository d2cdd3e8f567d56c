"""Building documents: from text, from files, and from the bundled decision library.

Contract: every function returns a :class:`Document` whose ``source`` is the text exactly as
read, or raises a :class:`ClauseDiffError` whose message can be shown to a user. The
bundled texts are read through :mod:`importlib.resources` from the package
``clausediff.resources`` and are checked against the SHA-256 in their manifest.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from clausediff.core.errors import UnknownVersionError, UnreadableFileError, UnsupportedFormatError
from clausediff.core.model import Document, DocumentInfo
from clausediff.core.segment import segment
from clausediff.core.textio import ReadLimits, decode_bytes, read_text_file

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})


def document_from_text(
    text: str, info: DocumentInfo | None = None, *, markdown: bool = False
) -> Document:
    """Segment ``text`` into a document."""
    info = info or DocumentInfo()
    if not info.sha256:
        info = replace(info, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    return Document(info=info, source=text, clauses=segment(text, markdown=markdown))


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


def load_file(path: Path, *, limits: ReadLimits | None = None) -> Document:
    """Read a text or Markdown file from disk as a document."""
    suffix = path.suffix.lower()
    if path.is_dir():
        raise UnreadableFileError(f"{path} is a folder, not a file.")
    if suffix not in TEXT_SUFFIXES:
        raise UnsupportedFormatError(
            f"{path.name}: ClauseDiff reads text (.txt) and Markdown (.md) files; "
            f"'{suffix or 'no extension'}' is not supported."
        )
    text, encoding = read_text_file(path) if limits is None else read_text_file(path, limits=limits)
    data_hash = hashlib.sha256(path.read_bytes()).hexdigest()
    info = DocumentInfo(path=str(path), encoding=encoding, sha256=data_hash)
    return document_from_text(text, info, markdown=suffix in MARKDOWN_SUFFIXES)


# --------------------------------------------------------------------------- bundled texts


@dataclass(frozen=True, slots=True)
class BundledEntry:
    """One entry of the bundled manifest."""

    file: str
    info: DocumentInfo


def _decisions_dir() -> Any:
    return resources.files("clausediff.resources") / "decisions"


@cache
def bundled_entries() -> tuple[BundledEntry, ...]:
    """The manifest of the bundled decisions, in date order."""
    raw = json.loads((_decisions_dir() / "manifest.json").read_text(encoding="utf-8"))
    entries = []
    for item in raw["decisions"]:
        info = DocumentInfo(
            symbols=tuple(item["symbols"]),
            title=item["title"],
            short_title=item.get("short_title", ""),
            body=item["body"],
            date=item["date"],
            complete=bool(item["complete"]),
            sources=tuple(item["sources"]),
            notes=item["notes"],
            sha256=item["sha256"],
            path=f"bundled:{item['file']}",
            bundled=True,
        )
        entries.append(BundledEntry(item["file"], info))
    return tuple(sorted(entries, key=lambda e: e.info.date))


def bundled_bytes(entry: BundledEntry) -> bytes:
    data: bytes = (_decisions_dir() / entry.file).read_bytes()
    return data


def load_bundled(symbol_or_file: str) -> Document:
    """Load a bundled decision by one of its symbols, its file name or its short title."""
    entry = find_bundled(symbol_or_file)
    if entry is None:
        raise UnknownVersionError(f"No bundled decision is called {symbol_or_file!r}.")
    return _load_entry(entry)


@cache
def _load_entry(entry: BundledEntry) -> Document:
    data = bundled_bytes(entry)
    digest = hashlib.sha256(data).hexdigest()
    if digest != entry.info.sha256:
        raise UnreadableFileError(
            f"The bundled file {entry.file} does not match its manifest (SHA-256 {digest})."
        )
    return document_from_bytes(data, name=entry.file, info=entry.info)


def find_bundled(name: str) -> BundledEntry | None:
    key = name.strip().casefold()
    for entry in bundled_entries():
        names = {entry.file.casefold(), entry.info.short_title.casefold()}
        names |= {s.casefold() for s in entry.info.symbols}
        if key in names:
            return entry
    return None


def load_version(spec: str) -> Document:
    """A version named on the command line: a bundled symbol, or else a file path."""
    if find_bundled(spec) is not None:
        return load_bundled(spec)
    path = Path(spec)
    if path.exists():
        return load_file(path)
    raise UnknownVersionError(
        f"{spec!r} is neither a file nor a bundled decision (see 'clausediff library')."
    )


def bundled_documents() -> list[Document]:
    return [load_bundled(e.file) for e in bundled_entries()]

"""The bundled decisions: the manifest and the texts shipped in ``clausediff.resources``.

Contract: the texts are read through :mod:`importlib.resources` and checked against the
SHA-256 in their manifest; a mismatch raises :class:`UnreadableFileError`. The manifest also
names the versions the window opens with (:func:`defaults`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from clausediff.core.errors import UnknownVersionError, UnreadableFileError
from clausediff.core.model import Document, DocumentInfo
from clausediff.core.read.files import document_from_bytes


@dataclass(frozen=True, slots=True)
class Defaults:
    """What the window opens with (the manifest's ``defaults``), by symbol."""

    lineage: tuple[str, ...]
    compare: tuple[str, str]


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


@cache
def defaults() -> Defaults:
    """The versions checked for the lineage and the pair compared when the window opens."""
    raw = json.loads((_decisions_dir() / "manifest.json").read_text(encoding="utf-8"))
    left, right = raw["defaults"]["compare"]
    return Defaults(tuple(raw["defaults"]["lineage"]), (left, right))


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

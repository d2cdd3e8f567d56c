"""Which versions are on offer, which text of a symbol is preferred, and what the window
opens with.

Contract: Qt-free functions over documents, the bundled manifest and the user's library.
A symbol may have several texts (a bundled excerpt and a complete imported text): the
complete text is preferred, else the bundled one, else any; the same rule serves the window
and the commands. A library that cannot be opened never stops anything: the bundled texts
remain on offer and the reason is given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from clausediff.core.compare.lineage import date_order
from clausediff.core.errors import ClauseDiffError, LibraryError, UnknownVersionError
from clausediff.core.model import Document
from clausediff.core.read.bundled import bundled_entries, defaults, find_bundled, load_bundled
from clausediff.core.read.files import load_file
from clausediff.core.store.library import Library, open_library


def preferred(docs: Sequence[Document], symbol: str) -> int:
    """The position of the text of ``symbol`` to show: a complete text, else the bundled
    one, else any (-1 if there is none)."""
    rows = [n for n, d in enumerate(docs) if symbol in d.info.symbols]
    complete = [n for n in rows if docs[n].is_complete]
    bundled = [n for n in rows if docs[n].info.bundled]
    return (complete or bundled or rows or [-1])[0]


def resolve_version(spec: str, library: Library | None = None) -> Document:
    """A version named by the user: a file, an imported or bundled symbol, or ``lib:ID``.

    A symbol bundled only as an excerpt resolves to a complete imported text of it when the
    library has one; ``bundled:SYMBOL`` always names the bundled text.
    """
    if spec.startswith("bundled:"):
        return load_bundled(spec.removeprefix("bundled:"))
    if spec.startswith("lib:") and spec[4:].isdigit():
        return (library or open_library()).load(int(spec[4:]))
    path = Path(spec)
    entry = find_bundled(spec)
    if entry is None and path.exists():
        return load_file(path)
    imported = None
    try:
        imported = (library or open_library()).find(spec)
    except LibraryError:
        imported = None  # the library is unusable: the bundled text still is
    if entry is not None:
        bundled = load_bundled(spec)
        if imported is not None and imported.is_complete and not bundled.is_complete:
            return imported
        return bundled
    if imported is not None:
        return imported
    raise UnknownVersionError(
        f"{spec!r} is neither a file nor a decision in the library (see 'clausediff library')."
    )


def open_store() -> tuple[Library | None, str]:
    """The user's library and, if something went wrong with it, what to tell the user."""
    try:
        store = open_library()
    except ClauseDiffError as exc:
        return None, f"{exc} The bundled decisions are available; imports will not be kept."
    if store.set_aside is not None:
        return store, (
            f"The library of imported documents was damaged. It was set aside as "
            f"{store.set_aside} and a new, empty library was started."
        )
    return store, ""


@dataclass(frozen=True, slots=True)
class Offer:
    """The versions on offer, in date order; ``checked``: those in the lineage by default;
    ``problem``: why imported documents are missing, if they are."""

    documents: tuple[Document, ...]
    checked: frozenset[int]
    problem: str = ""


def on_offer(store: Library | None) -> Offer:
    """The bundled decisions and the imported ones; the manifest's lineage checked (each
    symbol by its preferred text: an imported complete text over a bundled excerpt)."""
    docs = [load_bundled(e.file) for e in bundled_entries()]
    problem = ""
    if store is not None:
        try:
            imported, unreadable = store.readable()
            docs += imported
            problem = " ".join(unreadable)  # (one bad row never hides the others)
        except ClauseDiffError as exc:
            problem = f"{exc} Imported documents are not listed."
    ordered = date_order(docs)
    checked = frozenset({preferred(ordered, s) for s in defaults().lineage} - {-1})
    return Offer(tuple(ordered), checked, problem)


def default_pair(docs: Sequence[Document]) -> tuple[int, int]:
    """The positions of the pair the window compares first (the manifest's)."""
    left, right = defaults().compare
    return preferred(docs, left), preferred(docs, right)


def last_pair(docs: Sequence[Document], shas: Sequence[str]) -> tuple[int, int] | None:
    """The positions of the pair compared last (by the texts' SHA-256), if both are here."""
    if len(shas) != 2 or not all(shas):
        return None
    found = {doc.info.sha256: n for n, doc in enumerate(docs) if doc.info.sha256}
    left, right = found.get(shas[0]), found.get(shas[1])
    return (left, right) if left is not None and right is not None and left != right else None


def title(doc: Document) -> str:
    """A version's title line: label, symbol, date, and whether it is an excerpt."""
    info = doc.info
    excerpt = "" if doc.is_complete else " — excerpt"
    # (a document named by its symbol gives it once: "WT/L/977   2015-12-19")
    symbol = "" if info.symbol == info.label else f"   {info.symbol}"
    return f"{info.label}{symbol}   {info.date}{excerpt}".strip()


def choice(doc: Document) -> str:
    """A version as one short choice in a list ("2011 Decision · 2011-12-17")."""
    info = doc.info
    return f"{info.label} · {info.date or info.symbol or 'no date'}"

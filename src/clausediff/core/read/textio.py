"""Decoding the bytes of a text file, with the checks every untrusted file gets.

Contract: bytes in, ``(text, encoding name)`` out, or a :class:`UnreadableFileError` with a
message for the user. Accepted: UTF-8 with or without BOM, UTF-16 with BOM, and legacy
Windows-1252 when the bytes are not valid UTF-8. Line ends are left exactly as they are;
the segmenter understands LF, CRLF and CR.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from clausediff.core.errors import UnreadableFileError


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """Guardrails for reading untrusted files (documented in the README's Limits table)."""

    #: Text, Markdown and HTML files above this size are refused.
    max_bytes: int = 20 * 1024 * 1024
    #: PDF and Word files above this size are refused.
    max_package_bytes: int = 50 * 1024 * 1024
    max_line_chars: int = 1_000_000
    max_control_ratio: float = 0.01
    #: Clauses of one document: enough for the benchmarks' 20,000-clause documents and the
    #: largest pair the engine is timed on (50,000 and 50,914 clauses: 19 s, 782 MB), far
    #: below what stalls it (200,000 paragraphs: 1.6 GB; a million one-line paragraphs).
    #: Counted as paragraphs while a file is read, so that a hostile file is refused before
    #: it is parsed in full, and as clauses after segmentation.
    max_clauses: int = 60_000
    #: One paragraph (and so one clause) of at most this many characters, about 330,000
    #: words: a long PDF without paragraph breaks still goes through (the engine compares
    #: paragraphs of a million characters and more in chunks, see ``Limits.max_word_pairs``),
    #: a Word file of one 60 MB paragraph is refused as it streams.
    max_paragraph_chars: int = 2_000_000
    #: XML of a Word file nested at most this deep (a table in a table is three levels; Word
    #: itself nests far less), and with at most this many elements in a part.
    max_xml_depth: int = 256
    max_xml_elements: int = 4_000_000


DEFAULT_LIMITS = ReadLimits()


def too_many_paragraphs(what: str, count: str, limits: ReadLimits, found: str = "") -> str:
    """The refusal of ``what`` ("The document") with ``count`` paragraphs ("200,000", "more
    than 50,000"; ``found``: what its markup holds), a paragraph being at least one clause."""
    found = f" ({found})" if found else ""
    return (
        f"{what} has {count} paragraphs{found}; ClauseDiff reads documents of at most "
        f"{limits.max_clauses:,} clauses (a paragraph is at least one clause)."
    )


# C0 controls other than tab, LF, VT, FF and CR never occur in a decision text.
_BAD_CONTROLS = frozenset(chr(c) for c in range(32) if c not in (9, 10, 11, 12, 13)) | {"\x7f"}
_DROP_BAD_CONTROLS = dict.fromkeys(map(ord, _BAD_CONTROLS))


def decode_bytes(data: bytes, *, limits: ReadLimits = DEFAULT_LIMITS) -> tuple[str, str]:
    """Decode ``data`` as a decision text; returns ``(text, encoding)``."""
    if len(data) > limits.max_bytes:
        raise UnreadableFileError(
            f"The file is {len(data) / 1_048_576:.1f} MB; ClauseDiff reads text files of at "
            f"most {limits.max_bytes // 1_048_576} MB."
        )
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = _decode(data[3:], "utf-8", "UTF-8 with BOM"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _decode(data, "utf-16", "UTF-16"), "utf-16"
    else:
        if b"\x00" in data:
            raise UnreadableFileError("The file contains NUL bytes: it is binary, not a text file.")
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _decode(data, "cp1252", "Windows-1252"), "cp1252"
    _check_text(text, limits)
    return text, encoding


def _decode(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise UnreadableFileError(f"The file is not valid {name} text.") from None


def _check_text(text: str, limits: ReadLimits) -> None:
    if not text.strip():
        raise UnreadableFileError("The file is empty: it holds no text to compare.")
    if "\x00" in text:
        raise UnreadableFileError("The file contains NUL characters: it is not a text file.")
    bad = len(text) - len(text.translate(_DROP_BAD_CONTROLS))  # (counted in C)
    if bad and bad / len(text) > limits.max_control_ratio:
        raise UnreadableFileError("The file holds binary data (control characters), not text.")
    longest = max((len(line) for line in text.splitlines()), default=0)
    if longest > limits.max_line_chars:
        raise UnreadableFileError(
            f"The file has a line of {longest:,} characters; ClauseDiff reads lines of at most "
            f"{limits.max_line_chars:,} characters."
        )

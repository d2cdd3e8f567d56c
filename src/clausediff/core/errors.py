"""The one error type the core raises for bad input, with its subclasses.

Every reader and parser in :mod:`clausediff.core` turns malformed, hostile or unsupported input
into a :class:`ClauseDiffError` carrying a message fit to show a user as it is. Anything else
escaping the core is a bug. :func:`printable` makes a name (a file's, say) safe to put in
such a message: it stays one line.
"""

from __future__ import annotations


class ClauseDiffError(Exception):
    """Input that ClauseDiff cannot use; ``str(error)`` is a complete, user-facing sentence."""


class UnreadableFileError(ClauseDiffError):
    """The file could not be read or decoded (missing, empty, binary, too large, …)."""


class UnsupportedFormatError(ClauseDiffError):
    """The file is of a type ClauseDiff does not read."""


class UnknownVersionError(ClauseDiffError):
    """A version named on the command line is neither a file nor a bundled symbol."""


class LibraryError(ClauseDiffError):
    """The local library could not be read or written (corrupt, read-only, disk full)."""


#: Characters that would break a one-line message or disguise a name: control characters,
#: line and paragraph separators, bidirectional overrides and isolates, and the lone
#: surrogates a file name that is not valid UTF-8 is decoded to.
_UNPRINTABLE = frozenset(
    [chr(c) for c in range(32)]
    + [chr(c) for c in range(0x7F, 0xA0)]
    + ["\u2028", "\u2029", "\u200e", "\u200f", "\ufeff"]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)


def printable(text: str) -> str:
    """``text`` (a file name, say) fit for a one-line message: each character that could
    break the line or disguise the name is shown escaped as Python writes it (``\\n``,
    ``\\t``, ``\\x1b``, ``\\u202e``, ``\\udcff``); everything else is left as it is."""
    if not any(ch in _UNPRINTABLE or "\ud800" <= ch <= "\udfff" for ch in text):
        return text
    return "".join(
        repr(ch)[1:-1] if ch in _UNPRINTABLE or "\ud800" <= ch <= "\udfff" else ch for ch in text
    )

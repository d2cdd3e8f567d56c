"""The one error type the core raises for bad input, with its subclasses.

Every reader and parser in :mod:`clausediff.core` turns malformed, hostile or unsupported input
into a :class:`ClauseDiffError` carrying a message fit to show a user as it is. Anything else
escaping the core is a bug.
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

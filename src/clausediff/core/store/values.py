"""Checking the values read from a file that may be hostile (a review file, a library row).

Contract: each checker returns its value typed, or raises :class:`BadValue` whose text says
what is wrong in words fit for a user's message ("note 3's text is binary data, not text").
Nothing here touches a file: the store that reads a value decides which error a bad one
becomes.
"""

from __future__ import annotations

import re

_SHA256 = re.compile(r"[0-9a-f]{64}")


class BadValue(Exception):
    """A value that is not what ClauseDiff writes; ``str()`` says which and why."""


def text(value: object, what: str, limit: int) -> str:
    """A string of at most ``limit`` characters."""
    if not isinstance(value, str):
        raise BadValue(f"{what} is {kind(value)}, not text")
    if len(value) > limit:
        raise BadValue(f"{what} is longer than {limit:,} characters")
    return value


def number(value: object, what: str, limit: int) -> int:
    """A whole number in ``[0, limit)``."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise BadValue(f"{what} is {kind(value)}, not a whole number")
    if not 0 <= value < limit:
        raise BadValue(f"{what} {value} is out of range")
    return value


def flag(value: object, what: str) -> bool:
    if not isinstance(value, bool):
        raise BadValue(f"{what} is {kind(value)}, not true or false")
    return value


def texts(value: object, what: str, limit: int, count: int) -> tuple[str, ...]:
    """A list of at most ``count`` strings of at most ``limit`` characters each."""
    if not isinstance(value, list):
        raise BadValue(f"{what} is {kind(value)}, not a list")
    if len(value) > count:
        raise BadValue(f"{what} has more than {count:,} entries")
    return tuple(text(v, what, limit) for v in value)


def sha256(value: object, what: str) -> str:
    """A SHA-256 as ClauseDiff writes it: 64 lower-case hexadecimal digits."""
    if not isinstance(value, str) or not _SHA256.fullmatch(value):
        raise BadValue(f"{what} is {shown(value)}, not a SHA-256")
    return value


def kind(value: object) -> str:
    """What a value is, in a user's words."""
    if value is None:
        return "missing (NULL)"
    if isinstance(value, bytes):
        return "binary data"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table of values"
    return "text"


def shown(value: object) -> str:
    """A value quoted for a one-line message: text clipped and its control characters
    escaped; anything else named by its kind."""
    if isinstance(value, str):
        return repr(printable(value[:40]) + ("…" if len(value) > 40 else ""))
    return kind(value)


def printable(name: str) -> str:
    """A name fit for a one-line message (control characters escaped)."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in name)

"""The settings ClauseDiff keeps between runs: each key once, with its type and default.

Contract: :data:`SCHEMA` declares every setting; :func:`read` turns whatever a store holds
(a settings file edited by hand, a value of the wrong type, a list stored as one string)
into a value of the declared type, falling back to the default, and never raises. The
window keeps the values in ``QSettings`` (:mod:`clausediff.gui.settings`); nothing here
imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")

THEMES = ("system", "light", "dark")
MAX_RECENT = 8


@dataclass(frozen=True, slots=True)
class Setting(Generic[T]):
    key: str
    default: T
    #: for text settings: the values allowed (anything else reads as the default)
    choices: tuple[str, ...] = ()
    #: for numbers: the range allowed (values outside are clamped)
    low: float | None = None
    high: float | None = None


FONT_SIZE = Setting("view/fontSize", 11.0, low=7.0, high=28.0)
HIDE_UNCHANGED = Setting("view/hideUnchanged", False)
WRAP = Setting("view/wrap", True)
THEME = Setting("view/theme", "system", choices=THEMES)
GEOMETRY = Setting("window/geometry", b"")
RECENT_FILES: Setting[tuple[str, ...]] = Setting("files/recent", ())
RECENT_REVIEWS: Setting[tuple[str, ...]] = Setting("files/recentReviews", ())
#: the SHA-256 of the last pair compared, older then newer: reopened at the next start
LAST_PAIR: Setting[tuple[str, ...]] = Setting("files/lastPair", ())
#: the folder each kind of file dialog last opened in (open, import, export, review)
FOLDER_KINDS = ("open", "import", "export", "review")
FOLDERS: dict[str, Setting[str]] = {k: Setting(f"folders/{k}", "") for k in FOLDER_KINDS}
AUTHOR = Setting("review/author", "")
#: the paper of the exports and printing (File › Page size); while unset, the window takes
#: the system locale's, and stores one only when the user chooses it
PAGE_SIZE = Setting("print/pageSize", "a4", choices=("a4", "letter"))

SCHEMA: tuple[Setting[Any], ...] = (
    FONT_SIZE,
    HIDE_UNCHANGED,
    WRAP,
    THEME,
    GEOMETRY,
    RECENT_FILES,
    RECENT_REVIEWS,
    LAST_PAIR,
    *FOLDERS.values(),
    AUTHOR,
    PAGE_SIZE,
)


def read(setting: Setting[T], raw: object) -> T:
    """``raw`` (what a store returned, ``None`` if nothing) as the setting's type."""
    default = setting.default
    value: object = default
    if raw is None:
        return default
    if isinstance(default, bool):
        if isinstance(raw, bool):
            value = raw
        elif isinstance(raw, str) and raw.lower() in ("true", "false", "1", "0"):
            value = raw.lower() in ("true", "1")
    elif isinstance(default, float):
        try:
            number = float(raw)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return default
        if number != number:  # NaN
            return default
        if setting.low is not None:
            number = max(setting.low, number)
        if setting.high is not None:
            number = min(setting.high, number)
        value = number
    elif isinstance(default, bytes):
        value = bytes(raw) if isinstance(raw, (bytes, bytearray)) else default
    elif isinstance(default, str):
        value = raw if isinstance(raw, str) else default
        if setting.choices and value not in setting.choices:
            value = default
    elif isinstance(default, tuple):
        items = [raw] if isinstance(raw, str) else raw
        if isinstance(items, (list, tuple)):
            value = tuple(str(x) for x in items if isinstance(x, str) and x)
    return value  # type: ignore[return-value]


def remembered(recent: tuple[str, ...], item: str) -> tuple[str, ...]:
    """A recent list with ``item`` first, once, at most :data:`MAX_RECENT` long."""
    return (item, *(p for p in recent if p != item))[:MAX_RECENT]


def start_in(folder: str, name: str = "") -> str:
    """Where a file dialog starts: ``name`` in the folder it last used, when that folder
    is still there; else ``name`` alone (the dialog's own choice of folder)."""
    if folder and Path(folder).is_dir():
        return str(Path(folder) / name) if name else folder
    return name


def folder_of(chosen: str) -> str:
    """The folder to remember for a file chosen in a dialog."""
    return str(Path(chosen).parent) if chosen else ""

"""Every colour ClauseDiff shows, on screen (light and dark) and on paper.

Contract: plain hex strings in frozen values; the window turns them into Qt colours and the
exports into CSS. Deletions and insertions are a colour-blind-safe orange/blue pair, link
kinds and note statuses use Okabe–Ito colours, and colour is never the only cue: deletions
are also struck through, insertions underlined, kinds and statuses always named in words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from clausediff.core.compare.links import LinkKind

#: The colour of a link kind: its bar in the gutter, its mark on the overview strip.
KIND_COLOURS: Mapping[LinkKind, str] = MappingProxyType(
    {
        LinkKind.UNCHANGED: "#9AA0A6",
        LinkKind.MODIFIED: "#0072B2",
        LinkKind.MOVED: "#CC79A7",
        LinkKind.SPLIT: "#009E73",
        LinkKind.MERGED: "#009E73",
        LinkKind.RESTRUCTURED: "#56B4E9",
        LinkKind.ADDED: "#0B4F8A",
        LinkKind.DELETED: "#D55E00",
        LinkKind.UNKNOWN: "#7F7F7F",
    }
)

#: The colour of a note's status (the word is always shown beside it).
STATUS_COLOURS: Mapping[str, str] = MappingProxyType(
    {
        "agreed": "#009E73",
        "to discuss": "#E69F00",
        "red line": "#D55E00",
        "none": "#9AA0A6",
    }
)


def status_colour(status: str) -> str:
    return STATUS_COLOURS.get(status, STATUS_COLOURS["none"])


@dataclass(frozen=True, slots=True)
class Palette:
    """The colours of text and marks on one background."""

    name: str
    text: str
    muted: str
    deleted_fg: str
    deleted_bg: str
    inserted_fg: str
    inserted_bg: str
    find_bg: str
    gap_fg: str
    #: the cell behind a gap or an unknown side (hatched on screen)
    gap_bg: str
    #: sentences that travelled between clauses not linked to each other
    travelled: str
    #: table rules and header cells of the exports
    rule: str
    header_bg: str
    #: a selected row on screen: a neutral ground (neither the deletions' orange nor the
    #: insertions' blue, so both keep their cue) inside a frame
    selected_bg: str = "#ECEAE4"
    selected_frame: str = "#3C4043"
    #: the ground behind bracketed text (not yet agreed), which is also dotted underlined
    bracket_bg: str = "#ECE6D2"

    @property
    def dark(self) -> bool:
        return self.name == "dark"


LIGHT = Palette(
    name="light",
    text="#1b1b1b",
    muted="#5f6368",
    deleted_fg="#A63A00",
    deleted_bg="#FCE3CF",
    inserted_fg="#0B4F8A",
    inserted_bg="#D5E8F7",
    find_bg="#FFE14D",
    gap_fg="#5f6368",
    gap_bg="#B5BCC6",
    travelled="#8A2F6E",
    rule="#C8C8C8",
    header_bg="#F0F0F0",
)
DARK = Palette(
    name="dark",
    text="#e8e8e8",
    muted="#a0a4a8",
    deleted_fg="#FFB27A",
    deleted_bg="#5A2E12",
    inserted_fg="#9CCBFF",
    inserted_bg="#173A5E",
    find_bg="#8A6D00",
    gap_fg="#b0b4b8",
    gap_bg="#2A2A2A",
    travelled="#CC79A7",
    rule="#5A5A5A",
    header_bg="#353535",
    selected_bg="#34343C",
    selected_frame="#D0D0D0",
    bracket_bg="#3B3729",
)
#: Paper: the light palette with a paler ground behind missing text (exports, the PDF and
#: printing are always on white).
PRINT = replace(LIGHT, name="print", gap_bg="#EEEEEE")

#: The window's own colours in the dark theme, by the name of the Qt palette role.
DARK_CHROME: Mapping[str, str] = MappingProxyType(
    {
        "Window": "#2b2b2b",
        "WindowText": "#e6e6e6",
        "Base": "#1f1f1f",
        "AlternateBase": "#2a2a2a",
        "ToolTipBase": "#3a3a3a",
        "ToolTipText": "#f0f0f0",
        "PlaceholderText": "#8a8a8a",
        "Text": "#e6e6e6",
        "Button": "#353535",
        "ButtonText": "#e6e6e6",
        "BrightText": "#ff6b6b",
        "Light": "#4a4a4a",
        "Midlight": "#3e3e3e",
        "Mid": "#5a5a5a",
        "Dark": "#1a1a1a",
        "Shadow": "#000000",
        "Highlight": "#2f6ea8",
        "HighlightedText": "#ffffff",
        "Link": "#7cb7ff",
        "LinkVisited": "#c39bff",
    }
)
#: Disabled text in the dark theme.
DARK_DISABLED_TEXT = "#7a7a7a"

#: The grounds behind a phrase by the version that introduced it, oldest first (cycled
#: beyond six versions), on the light and the dark background: pale enough that text and
#: find hits stay legible, none the insertions' blue or the deletions' orange. The version
#: is always named as well (tooltip, legend, the line a screen reader hears), and a phrase
#: that may be older than its version is overlined.
ORIGIN_TINTS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "light": ("#DAD1F4", "#FFEA9A", "#C4EACF", "#F5CCE0", "#CBE4E1", "#EAD9BC"),
        "dark": ("#3E3858", "#4D4318", "#1E4A36", "#532A3F", "#264447", "#4A3C28"),
    }
)


def origin_tint(palette: Palette, since: int) -> str:
    """The ground behind a phrase that is there since version ``since``."""
    tints = ORIGIN_TINTS["dark" if palette.dark else "light"]
    return tints[since % len(tints)]

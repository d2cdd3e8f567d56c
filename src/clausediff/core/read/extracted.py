"""What a reader extracts from a file, before segmentation."""

from __future__ import annotations

from dataclasses import dataclass

from clausediff.core.model import EmphasisStyle


@dataclass(frozen=True, slots=True)
class Extracted:
    """The text of a file as paragraphs separated by blank lines, and what came with it.

    ``emphasis`` holds ``(start, end, style)`` ranges of ``text``; ``footnotes`` the notes kept
    apart from the clauses; ``notes`` what the reader wants the user to know (tracked changes
    accepted, say).
    """

    text: str
    format: str
    emphasis: tuple[tuple[int, int, EmphasisStyle], ...] = ()
    footnotes: tuple[str, ...] = ()
    notes: str = ""
    encoding: str = "utf-8"

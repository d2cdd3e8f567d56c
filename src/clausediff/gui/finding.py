"""Find across both versions, in the view shown: the hits of each view counted in the find
bar, the first selected as the text is typed, the next and previous on F3 / Shift+F3."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QTabWidget

from clausediff.gui.compare_page import ComparePage
from clausediff.gui.find_bar import FindBar
from clausediff.gui.lineage_page import LineagePage
from clausediff.session.finding import hit_position, next_hit, previous_hit


class Finder:
    """The window's find (its actions call these by the names ``finder.…``)."""

    def __init__(
        self, bar: FindBar, tabs: QTabWidget, compare_page: ComparePage, lineage_page: LineagePage
    ) -> None:
        self.bar, self.tabs = bar, tabs
        self.compare_page, self.lineage_page = compare_page, lineage_page

    def _page(self) -> ComparePage | LineagePage:
        """The view searched: the lineage when its tab shows, else the comparison."""
        return (
            self.lineage_page
            if self.tabs.currentWidget() is self.lineage_page
            else self.compare_page
        )

    def search(self, text: str) -> None:
        """Mark ``text`` in both views, count its hits, and select the first in the view shown."""
        self.compare_page.set_find(text)
        self.lineage_page.set_find(text)
        rows, families = self.compare_page.find_rows(text), self.lineage_page.find_rows(text)
        self.bar.show_counts(len(rows), len(families))
        page = self._page()
        hits = families if page is self.lineage_page else rows
        if hits:
            page.select_row(hits[0])
        self.bar.show_position(hit_position(hits, page.current_row()))

    def find_next(self) -> None:
        """The next hit in the view shown, wrapping at the end (F3, Return in the bar)."""
        self._step_hit(next_hit)

    def find_previous(self) -> None:
        """The previous hit in the view shown, wrapping at the start (Shift+F3)."""
        self._step_hit(previous_hit)

    def _step_hit(self, step: Callable[[Sequence[int], int], int]) -> None:
        text = self.bar.text()
        if not text:
            self.bar.open_bar()
            return
        page = self._page()
        hits = page.find_rows(text)
        target = step(hits, page.current_row())
        if target >= 0:
            page.select_row(target)
        self.bar.show_position(hit_position(hits, page.current_row()))

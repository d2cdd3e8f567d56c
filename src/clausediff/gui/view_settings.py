"""The View menu's settings of the window: text size, theme, unchanged rows hidden, long
clauses wrapped; each kept in the settings as it is chosen and applied to both pages."""

from __future__ import annotations

from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QApplication

from clausediff.gui.compare_page import ComparePage
from clausediff.gui.lineage_page import LineagePage
from clausediff.gui.settings import Settings
from clausediff.gui.theme import apply_theme
from clausediff.session import settings as keys


class ViewSettings:
    """What the View menu sets (its actions call these by the names ``view.…``)."""

    def __init__(
        self, settings: Settings, compare_page: ComparePage, lineage_page: LineagePage
    ) -> None:
        self.settings = settings
        self.compare_page, self.lineage_page = compare_page, lineage_page
        #: the theme menu's entries, by theme (given once the menus are built)
        self.theme_actions: dict[str, QAction] = {}

    def apply(self, actions_by_id: dict[str, QAction]) -> None:
        """The settings as kept, at start."""
        self.set_font_size(self.settings.get(keys.FONT_SIZE))
        actions_by_id["actionHideUnchanged"].setChecked(self.settings.get(keys.HIDE_UNCHANGED))
        actions_by_id["actionWrap"].setChecked(self.settings.get(keys.WRAP))
        theme = self.settings.get(keys.THEME)
        if theme != "system":
            self.set_theme(theme)  # (following the system needs nothing done at start)
        else:
            self.theme_actions["system"].setChecked(True)

    def set_font_size(self, size: float) -> None:
        size = keys.read(keys.FONT_SIZE, size)
        self.settings.set(keys.FONT_SIZE, size)
        font = QFont(self.compare_page.font())
        font.setPointSizeF(size)
        self.compare_page.set_font(font)
        self.lineage_page.set_font(font)

    def zoom_in(self) -> None:
        self.set_font_size(self.compare_page.delegate.font.pointSizeF() + 1)

    def zoom_out(self) -> None:
        self.set_font_size(self.compare_page.delegate.font.pointSizeF() - 1)

    def set_theme(self, theme: str) -> None:
        """Light, dark, or following the system; kept in the settings."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme = apply_theme(app, theme)
        self.settings.set(keys.THEME, theme)
        self.theme_actions[theme].setChecked(True)

    def set_hide_unchanged(self, hide: bool) -> None:
        self.settings.set(keys.HIDE_UNCHANGED, hide)
        self.compare_page.model.set_hide_unchanged(hide)

    def set_wrap(self, wrap: bool) -> None:
        # Rows always wrap so both sides stay aligned; the setting is kept for the
        # lineage table, where unwrapped cells are elided.
        self.settings.set(keys.WRAP, wrap)
        self.lineage_page.set_wrap(wrap)

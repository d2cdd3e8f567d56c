"""Light or dark: follow the system, or a choice the user made (kept in QSettings).

Following the system asks the platform for its colour scheme and keeps its palette; Qt sends
a palette change when the system switches, and the views repaint with the matching
colours (:func:`clausediff.gui.delegates.is_dark`). An explicit choice uses the Fusion style
with a light or dark palette, so that it holds on every platform, including those whose
native style ignores palettes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from clausediff.core.render.palette import DARK_CHROME, DARK_DISABLED_TEXT
from clausediff.session.settings import THEMES

_native: tuple[str, QPalette] | None = None


def _dark_palette() -> QPalette:
    p = QPalette()
    for role_name, colour in DARK_CHROME.items():
        p.setColor(getattr(QPalette.ColorRole, role_name), QColor(colour))
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(group.Disabled, r, QColor(DARK_DISABLED_TEXT))
    return p


def apply_theme(app: QApplication, theme: str) -> str:
    """Apply ``theme`` (one of :data:`THEMES`; anything else means "system")."""
    global _native
    if _native is None:
        _native = (app.style().name(), QPalette(app.palette()))
    if theme not in THEMES:
        theme = "system"
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):  # Qt 6.8+: tell the platform too
        scheme = {
            "system": Qt.ColorScheme.Unknown,
            "light": Qt.ColorScheme.Light,
            "dark": Qt.ColorScheme.Dark,
        }[theme]
        hints.setColorScheme(scheme)
    if theme == "system":
        style = QStyleFactory.create(_native[0])
        if style is not None:
            app.setStyle(style)
        app.setPalette(_native[1])
    else:
        fusion = QStyleFactory.create("Fusion")
        if fusion is not None:
            app.setStyle(fusion)
        app.setPalette(_dark_palette() if theme == "dark" else fusion.standardPalette())
    return theme

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

THEMES = ("system", "light", "dark")
_native: tuple[str, QPalette] | None = None


def _dark_palette() -> QPalette:
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: "#2b2b2b",
        role.WindowText: "#e6e6e6",
        role.Base: "#1f1f1f",
        role.AlternateBase: "#2a2a2a",
        role.ToolTipBase: "#3a3a3a",
        role.ToolTipText: "#f0f0f0",
        role.PlaceholderText: "#8a8a8a",
        role.Text: "#e6e6e6",
        role.Button: "#353535",
        role.ButtonText: "#e6e6e6",
        role.BrightText: "#ff6b6b",
        role.Light: "#4a4a4a",
        role.Midlight: "#3e3e3e",
        role.Mid: "#5a5a5a",
        role.Dark: "#1a1a1a",
        role.Shadow: "#000000",
        role.Highlight: "#2f6ea8",
        role.HighlightedText: "#ffffff",
        role.Link: "#7cb7ff",
        role.LinkVisited: "#c39bff",
    }
    for r, c in colours.items():
        p.setColor(r, QColor(c))
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(group.Disabled, r, QColor("#7a7a7a"))
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


def is_dark_palette(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128

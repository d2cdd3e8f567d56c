"""Light or dark: follow the system, or a choice the user made (kept in QSettings).

Following the system asks the platform for its colour scheme and keeps its palette; Qt sends
a palette change when the system switches, and the views repaint with the matching
colours (:func:`clausediff.gui.delegates.is_dark`). An explicit choice uses the Fusion style
with a light or dark palette, so that it holds on every platform, including those whose
native style ignores palettes. Fusion draws a check box's outline a shade darker than the
window, which on the dark ground is no box at all: :class:`ClearBoxes` draws it again in
a grey that shows on either ground.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

from clausediff.core.render.palette import DARK_CHROME, DARK_DISABLED_TEXT
from clausediff.session.settings import THEMES

_native: tuple[str, QPalette] | None = None
#: the outline of a check box on a dark ground (Fusion's own is darker than the ground)
BOX_ON_DARK = "#9a9a9a"
_BOXES = (
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
)


class ClearBoxes(QProxyStyle):
    """Fusion, with a check box (in a list too) that keeps its outline on a dark ground."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element in _BOXES and option.palette.color(QPalette.ColorRole.Base).lightness() < 128:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(QPen(QColor(BOX_ON_DARK), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
            painter.restore()


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
        fusion = ClearBoxes(QStyleFactory.create("Fusion"))
        app.setStyle(fusion)
        app.setPalette(_dark_palette() if theme == "dark" else fusion.standardPalette())
    return theme

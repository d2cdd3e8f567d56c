"""The application's icon: two offset pages, the front one with a change bar.

The drawing is ``icons/clausediff.svg`` in :mod:`clausediff.resources`; the PNGs beside it
(``clausediff-<size>.png``) are rendered from it by :func:`render` (``python
packaging/render_icons.py`` after changing the drawing; a test checks they are in step). The
window takes its icon from the PNGs, so it needs no SVG plugin; the bundles and the .desktop
file use the same files.
"""

from __future__ import annotations

from importlib.resources import files

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def svg_bytes() -> bytes:
    return (files("clausediff.resources") / "icons" / "clausediff.svg").read_bytes()


def png_bytes(size: int) -> bytes:
    return (files("clausediff.resources") / "icons" / f"clausediff-{size}.png").read_bytes()


def render(svg: bytes, size: int) -> QImage:
    """The drawing at ``size`` × ``size`` pixels, on a transparent ground."""
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise ValueError("the icon drawing is not valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def app_icon() -> QIcon:
    """The window's icon, one pixmap per shipped size."""
    icon = QIcon()
    for size in SIZES:
        pixmap = QPixmap()
        if pixmap.loadFromData(png_bytes(size), "PNG"):
            icon.addPixmap(pixmap)
    return icon

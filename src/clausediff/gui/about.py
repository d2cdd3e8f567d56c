"""Help › About: the version, what it runs on, and where each bundled text comes from."""

from __future__ import annotations

import platform
import sys

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from clausediff import __version__
from clausediff.core.read.bundled import bundled_entries
from clausediff.gui.icon import app_icon


def text() -> str:
    frozen = ", standalone" if getattr(sys, "frozen", False) else ""
    lines = [
        f"ClauseDiff {__version__}",
        f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {PySide6.__version__}"
        f"{frozen}. Works offline: nothing is ever sent over the network.",
        "",
        "Bundled decision texts:",
    ]
    for e in bundled_entries():
        status = "complete" if e.info.complete else "excerpt"
        lines.append(
            f"• {e.info.symbol} ({e.info.date}), {e.info.title}: {status}. "
            f"Source: {', '.join(e.info.sources)}"
        )
    return "\n".join(lines)


def show(parent: QWidget) -> None:
    box = QMessageBox(
        QMessageBox.Icon.NoIcon, "About ClauseDiff", text(), QMessageBox.StandardButton.Ok,
        parent,
    )  # fmt: skip
    box.setObjectName("aboutDialog")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setIconPixmap(app_icon().pixmap(64, 64))
    box.exec()

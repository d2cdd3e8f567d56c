"""Help › About: the version, and where each bundled text comes from."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from clausediff import __version__
from clausediff.core.read.bundled import bundled_entries


def text() -> str:
    lines = [f"ClauseDiff {__version__}", "", "Bundled decision texts:"]
    for e in bundled_entries():
        status = "complete" if e.info.complete else "excerpt"
        lines.append(
            f"• {e.info.symbol} ({e.info.date}), {e.info.title}: {status}. "
            f"Source: {', '.join(e.info.sources)}"
        )
    return "\n".join(lines)


def show(parent: QWidget) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information, "About ClauseDiff", text(), QMessageBox.StandardButton.Ok,
        parent,
    )  # fmt: skip
    box.setObjectName("aboutDialog")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()

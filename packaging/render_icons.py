"""Render the application icon's PNGs from its drawing: run after changing the SVG.

    python packaging/render_icons.py

Writes resources/icons/clausediff-<size>.png for every size in clausediff.gui.icon.SIZES
(Qt renders them, offscreen). tests/gui/test_identity.py fails while they are out of step.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication

from clausediff.gui.icon import SIZES, render, svg_bytes

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    svg = svg_bytes()
    for size in SIZES:
        out = ICONS / f"clausediff-{size}.png"
        if not render(svg, size).save(str(out), "PNG"):
            print(f"could not write {out}", file=sys.stderr)
            return 1
        print(out)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())

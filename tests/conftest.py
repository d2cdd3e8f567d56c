"""Test set-up shared by every suite: Qt runs offscreen, settings live in a temporary folder."""

from __future__ import annotations

import os

# Must be set before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

"""Loaded by every Python process a test starts under ``-p block_qt`` (the plugin puts this
folder first on PYTHONPATH): the child cannot import PySide6 either."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import block_qt  # noqa: F401  (installs the import blocker)

sys.path.pop(0)

"""A pytest plugin (``-p block_qt``) that makes PySide6 and shiboken6 impossible to import.

The core suite runs under it in CI, proving that ``clausediff.core`` and its tests need no Qt.
Processes the tests start are blocked too: the plugin puts ``block_qt_children/`` (whose
``sitecustomize`` installs this blocker) first on ``PYTHONPATH``.
"""

from __future__ import annotations

import importlib.abc
import os
import sys
from pathlib import Path

CHILDREN = str(Path(__file__).resolve().parent / "block_qt_children")


class _BlockQt(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):  # type: ignore[no-untyped-def]
        if fullname.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError(f"{fullname} is blocked: the core must not need Qt")
        return None


def install() -> None:
    for name in list(sys.modules):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            del sys.modules[name]
    if not any(isinstance(finder, _BlockQt) for finder in sys.meta_path):
        sys.meta_path.insert(0, _BlockQt())
    paths = os.environ.get("PYTHONPATH", "").split(os.pathsep)
    if CHILDREN not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join([CHILDREN, *filter(None, paths)])


install()

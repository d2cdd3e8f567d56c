"""A pytest plugin (``-p block_qt``) that makes PySide6 and shiboken6 impossible to import.

The core suite runs under it in CI, proving that ``clausediff.core`` and its tests need no Qt.
"""

from __future__ import annotations

import importlib.abc
import sys


class _BlockQt(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):  # type: ignore[no-untyped-def]
        if fullname.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError(f"{fullname} is blocked: the core must not need Qt")
        return None


def install() -> None:
    for name in list(sys.modules):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            del sys.modules[name]
    sys.meta_path.insert(0, _BlockQt())


install()

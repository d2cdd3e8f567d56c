"""Test set-up shared by every suite: Qt runs offscreen, settings live in a temporary folder."""

from __future__ import annotations

import os

# Must be set before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import pytest


@pytest.fixture(autouse=True)
def _private_library(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test (nor any command a test runs) touches the user's real library."""
    path = tmp_path_factory.mktemp("library") / "library.sqlite3"
    monkeypatch.setenv("CLAUSEDIFF_LIBRARY", str(path))

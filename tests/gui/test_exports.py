"""The window's export dialog offers both Word forms and writes the one chosen."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from clausediff.gui.main_window import MainWindow
from clausediff.session.exporting import FORMATS


@pytest.mark.parametrize(("fmt", "finding"), [("docx", False), ("docx-report", True)])
def test_the_dialog_writes_the_word_form_chosen(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, finding: bool
) -> None:
    offered: list[str] = []
    out = tmp_path / "bali.docx"

    def save(_parent: object, _title: str, _name: str, filters: str) -> tuple[str, str]:
        offered.extend(filters.split(";;"))
        return str(out), FORMATS[fmt]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    window.exporter.export_dialog()
    assert FORMATS["docx"] in offered and FORMATS["docx-report"] in offered
    body = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    # the report opens each paragraph with what was found; the redline holds only the text
    assert ("[recital 1 → recital 1, modified] " in body) is finding
    assert "Recalling the" in body

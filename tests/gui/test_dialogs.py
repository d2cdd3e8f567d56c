"""File dialogs start in the folder their kind last used, kept in the settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from clausediff.gui import dialogs
from clausediff.gui.main_window import MainWindow
from clausediff.gui.settings import Settings
from clausediff.session import settings as keys


def test_the_review_dialogs_start_where_the_last_review_was_saved(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: QSettings
) -> None:
    folder = tmp_path / "reviews"
    folder.mkdir()
    asked: list[str] = []

    def save(_parent: object, _title: str, start: str, _filters: str) -> tuple[str, str]:
        asked.append(start)
        return str(folder / "mc13.cdreview"), ""

    def open_one(_parent: object, _title: str, start: str, _filters: str) -> tuple[str, str]:
        asked.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_one)
    window.reviews.new_review_dialog()
    assert window.review is not None and window.review.path.parent == folder
    assert asked[0] == "review.cdreview", "the first time: the dialog's own folder"
    assert settings.value("folders/review") == str(folder)
    window.reviews.open_review_dialog()
    assert asked[1] == str(folder)
    window.reviews.save_review_as_dialog()
    assert asked[2] == str(folder)
    # the next start remembers it; another kind of dialog does not share it
    again = Settings(QSettings(settings.fileName(), QSettings.Format.IniFormat))
    assert again.get(keys.FOLDERS["review"]) == str(folder)
    assert again.get(keys.FOLDERS["export"]) == ""


def test_each_kind_keeps_its_own_folder_and_a_vanished_one_is_forgotten(
    settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Settings(settings)
    texts, out = tmp_path / "texts", tmp_path / "out"
    texts.mkdir()
    out.mkdir()
    starts: list[str] = []

    def open_many(_p: object, _t: str, start: str, _f: str) -> tuple[list[str], str]:
        starts.append(start)
        return [str(texts / "a.txt"), str(texts / "b.txt")], ""

    def save(_p: object, _t: str, start: str, _f: str) -> tuple[str, str]:
        starts.append(start)
        return str(out / "x.pdf"), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", open_many)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    assert dialogs.open_files(None, store, "import", "Import", "*") == [
        str(texts / "a.txt"),
        str(texts / "b.txt"),
    ]
    assert dialogs.save_file(None, store, "export", "Export", "x.html", "*") == (
        str(out / "x.pdf"),
        "PDF (*.pdf)",
    )
    dialogs.open_files(None, store, "import", "Import", "*")
    dialogs.save_file(None, store, "export", "Export", "x.html", "*")
    assert starts == ["", "x.html", str(texts), str(out / "x.html")]
    out.rmdir()
    dialogs.save_file(None, store, "export", "Export", "x.html", "*")
    assert starts[-1] == "x.html", "a folder that is gone is not offered"

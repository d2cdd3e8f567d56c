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


def test_open_import_and_export_each_start_where_they_last_chose(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: QSettings
) -> None:
    """The 2013 Bali Decision opened from one folder, imported from another, the comparison
    exported to a third: each dialog starts the next time in its own folder, and the
    next start of the window remembers them."""
    bundled = Path(__file__).parents[2] / "resources" / "decisions"
    folders = {kind: tmp_path / kind for kind in ("open", "import", "export")}
    for kind in ("open", "import"):
        folders[kind].mkdir()
        (folders[kind] / "2013-12-07_WT-L-907.md").write_bytes(
            (bundled / "2013-12-07_WT-L-907.md").read_bytes()
        )
    folders["export"].mkdir()
    starts: list[str] = []

    def open_many(_p: object, title: str, start: str, _f: str) -> tuple[list[str], str]:
        starts.append(start)
        kind = "open" if title.startswith("Open") else "import"
        return [str(folders[kind] / "2013-12-07_WT-L-907.md")], ""

    def save(_p: object, _t: str, start: str, _f: str) -> tuple[str, str]:
        starts.append(start)
        return str(folders["export"] / "bali"), "Web page (*.html)"

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", open_many)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    rows = len(window.library.documents)
    window.documents.open_dialog()
    window.documents.import_dialog()
    window.exporter.export_dialog()
    assert len(window.library.documents) > rows, "the chosen file was read"
    written = folders["export"] / "bali.html"
    assert written.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert starts == ["", "", "clausediff-export.html"], "the first time: the dialog's own"
    window.documents.open_dialog()
    window.documents.import_dialog()
    window.exporter.export_dialog()
    assert starts[3:] == [
        str(folders["open"]),
        str(folders["import"]),
        str(folders["export"] / "clausediff-export.html"),
    ]
    again = Settings(QSettings(settings.fileName(), QSettings.Format.IniFormat))
    for kind, folder in folders.items():
        assert again.get(keys.FOLDERS[kind]) == str(folder)
    assert again.get(keys.FOLDERS["review"]) == ""

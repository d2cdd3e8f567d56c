"""The window's export dialog: the format is the filter's and the file's suffix agrees with
it (added when missing, asked about when it names another format); both Word forms are
offered; every format is on the paper of the locale unless one is set."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale, QSettings, QTimer
from PySide6.QtGui import QPageSize
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from clausediff.gui.main_window import MainWindow
from clausediff.session import settings as keys
from clausediff.session.exporting import FORMATS


def _answer(monkeypatch: pytest.MonkeyPatch, typed: Path, chosen: str) -> list[str]:
    """The save dialog answers ``typed`` (in a folder it makes) with the filter ``chosen``;
    returns the filters it offered."""
    typed.parent.mkdir(exist_ok=True)
    offered: list[str] = []

    def save(_parent: object, _title: str, _name: str, filters: str) -> tuple[str, str]:
        offered.extend(filters.split(";;"))
        return str(typed), chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    return offered


@pytest.mark.parametrize(("fmt", "finding"), [("docx", False), ("docx-report", True)])
def test_the_dialog_writes_the_word_form_chosen(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, finding: bool
) -> None:
    out = tmp_path / "bali.docx"
    offered = _answer(monkeypatch, out, FORMATS[fmt])
    window.exporter.export_dialog()
    assert FORMATS["docx"] in offered and FORMATS["docx-report"] in offered
    body = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    # the report opens each paragraph with what was found; the redline holds only the text
    assert ("[recital 1 → recital 1, modified] " in body) is finding
    assert "Recalling the" in body


def test_a_name_without_a_suffix_gets_the_filters(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PDF chosen, "bali" typed: bali.pdf is written, and it is a PDF."""
    out = tmp_path / "out"
    _answer(monkeypatch, out / "bali", FORMATS["pdf"])
    window.exporter.export_dialog()
    assert [p.name for p in out.iterdir()] == ["bali.pdf"]
    pdf = out / "bali.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")
    first, second = (" ".join(p.extract_text().split()) for p in PdfReader(str(pdf)).pages[:2])
    assert "Brief: 2011 Decision → 2013 Bali Decision" in first  # (the brief's page)
    assert "2011 Decision" in second and "Clause by clause" in second


def _click_when_asked(qtbot, label_start: str | None) -> list[str]:  # type: ignore[no-untyped-def]
    """Click the button of the format question whose text starts with ``label_start``
    (``None``: Cancel) once the question shows; returns the question's text."""
    seen: list[str] = []

    def click() -> None:
        shown = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "exportFormatQuestion"
        ]
        if not shown or not shown[0].isVisible():
            QTimer.singleShot(20, click)
            return
        box = shown[0]
        seen.append(box.text())
        seen.extend(b.text() for b in box.buttons())
        cancel = box.button(QMessageBox.StandardButton.Cancel)
        wanted = [b for b in box.buttons() if label_start and b.text().startswith(label_start)]
        (wanted or [cancel])[0].click()  # (none found: cancelled, and the test fails)

    QTimer.singleShot(0, click)
    return seen


@pytest.mark.parametrize(
    ("answer", "written"),
    [("A PDF", "bali.pdf"), ("A web page", "bali.html"), (None, None)],
)
def test_a_suffix_that_names_another_format_is_asked_about(
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot,  # type: ignore[no-untyped-def]
    answer: str | None,
    written: str | None,
) -> None:
    """ "bali.pdf" typed with the web-page filter: the user is asked; a PDF is never HTML
    named .pdf, nor a web page a .pdf."""
    out = tmp_path / "out"
    _answer(monkeypatch, out / "bali.pdf", FORMATS["html"])
    window.messages.suppress = False  # (the question is shown and answered)
    seen = _click_when_asked(qtbot, answer)
    window.exporter.export_dialog()
    assert seen[0].startswith("bali.pdf is named as a PDF, but the type chosen is a web page")
    assert "A PDF: bali.pdf" in seen and "A web page: bali.html" in seen
    names = [p.name for p in out.iterdir()]
    assert names == ([written] if written else [])
    if written == "bali.pdf":
        assert (out / written).read_bytes().startswith(b"%PDF-")
    elif written == "bali.html":
        assert (out / written).read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_without_dialogs_the_typed_suffix_is_followed(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    _answer(monkeypatch, out / "bali.csv", FORMATS["pdf"])
    window.exporter.export_dialog()
    assert [p.name for p in out.iterdir()] == ["bali.csv"]
    assert (out / "bali.csv").read_text(encoding="utf-8-sig").startswith("family,")


@pytest.fixture
def set_locale() -> Iterator[Callable[[QLocale.Language, QLocale.Country], None]]:
    """Sets the locale the window takes for the system's; put back afterwards."""
    before = QLocale()

    def set_to(language: QLocale.Language, country: QLocale.Country) -> None:
        QLocale.setDefault(QLocale(language, country))

    yield set_to
    QLocale.setDefault(before)


def _word_width(path: Path) -> str:
    body = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    return body.split('<w:pgSz w:w="', 1)[1].split('"', 1)[0]


def test_the_paper_is_the_locales_unless_one_is_set(
    window: MainWindow,
    tmp_path: Path,
    set_locale: Callable[[QLocale.Language, QLocale.Country], None],
) -> None:
    """In the United States every format is on Letter (the PDF, Word, printing); a page size
    set in the settings is used instead."""
    exporter = window.exporter
    set_locale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert exporter.page_size() == "letter"
    assert exporter.export_to(tmp_path / "us.pdf", "pdf")
    box = PdfReader(str(tmp_path / "us.pdf")).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    assert exporter.export_to(tmp_path / "us.docx", "docx")
    assert _word_width(tmp_path / "us.docx") == "12240"  # twips: 8.5 in
    assert exporter.printer().pageLayout().pageSize().id() == QPageSize.PageSizeId.Letter
    set_locale(QLocale.Language.French, QLocale.Country.Switzerland)
    assert exporter.page_size() == "a4"
    exporter.settings.set(keys.PAGE_SIZE, "letter")
    assert exporter.page_size() == "letter"
    assert exporter.export_to(tmp_path / "set.docx", "docx-report")
    assert _word_width(tmp_path / "set.docx") == "12240"


def test_file_page_size_sets_the_paper_of_every_format(
    qtbot,  # type: ignore[no-untyped-def]
    settings: QSettings,
    tmp_path: Path,
    set_locale: Callable[[QLocale.Language, QLocale.Country], None],
) -> None:
    """In the United States File › Page size starts on Letter (the locale's, nothing
    stored); choosing A4 puts the PDF, both Word forms and printing on A4, and the next
    start keeps it."""
    from PySide6.QtWidgets import QMenu

    set_locale(QLocale.Language.English, QLocale.Country.UnitedStates)

    def open_window() -> MainWindow:
        win = MainWindow(settings, synchronous=True)
        win.messages.suppress = True
        qtbot.addWidget(win)
        win.load_library()
        names = [d.info.symbols[0] for d in win.library.documents]
        win.set_pair(names.index("WT/L/843"), names.index("WT/MIN(13)/32"))
        return win

    win = open_window()
    a4, letter = (win.actions_by_id[k] for k in ("actionPaperA4", "actionPaperLetter"))
    menu = win.findChild(QMenu, "pageSizeMenu")
    assert menu is not None and menu.actions() == [a4, letter]
    assert menu.menuAction() in win.findChild(QMenu, "fileMenu").actions()  # type: ignore[union-attr]
    assert (a4.isChecked(), letter.isChecked()) == (False, True)
    assert not settings.contains(keys.PAGE_SIZE.key), "the locale's paper is not stored"
    letter.trigger()  # (already the paper: still nothing stored)
    assert letter.isChecked() and not settings.contains(keys.PAGE_SIZE.key)

    a4.trigger()
    assert (a4.isChecked(), letter.isChecked()) == (True, False)
    assert settings.value(keys.PAGE_SIZE.key) == "a4" and win.exporter.page_size() == "a4"
    assert win.exporter.export_to(tmp_path / "a4.pdf", "pdf")
    box = PdfReader(str(tmp_path / "a4.pdf")).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    for fmt in ("docx", "docx-report"):
        assert win.exporter.export_to(tmp_path / f"{fmt}.docx", fmt)
        assert _word_width(tmp_path / f"{fmt}.docx") == "11906"  # twips: 210 mm
    assert win.exporter.printer().pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    win.close()

    again = open_window()  # the next start, still in the United States
    assert again.actions_by_id["actionPaperA4"].isChecked()
    assert not again.actions_by_id["actionPaperLetter"].isChecked()
    again.actions_by_id["actionPaperLetter"].trigger()
    assert settings.value(keys.PAGE_SIZE.key) == "letter"
    assert again.exporter.printer().pageLayout().pageSize().id() == QPageSize.PageSizeId.Letter

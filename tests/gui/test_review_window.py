"""Reviews in the window: the notes panel, its status filter, note badges, print preview;
and hostile clause text shown and exported literally, with no request ever made."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTextBrowser

from clausediff.core.render.palette import LIGHT
from clausediff.gui.main_window import MainWindow


def _row(win: MainWindow, start: str) -> int:
    al = win.compare_alignment
    assert al is not None
    m = win.compare_page.model
    return next(r for r in range(m.rowCount()) if al.side_text(m.link(r), 1).startswith(start))


def test_notes_panel_lists_notes_and_filters_by_status(window: MainWindow, tmp_path: Path) -> None:
    assert window.reviews.new_review(tmp_path / "bali")
    assert window.review is not None and window.review.path.name == "bali.cdreview"
    assert window.reviews.add_note(
        _row(window, "Recalling"), "Session number", status="agreed", author="Ana"
    )
    assert window.reviews.add_note(_row(window, "To continue"), "Scope?", status="to discuss")
    assert window.reviews.add_note(
        _row(window, "To instruct the General Council to hold"), "No", status="red line"
    )
    model = window.notes_dock.model
    assert model.rowCount() == 3
    panel = window.notes_dock.panel
    for name, expected in (("agreed", 1), ("red line", 1), ("to discuss", 1), ("all", 3),
                           ("orphaned", 0)):  # fmt: skip
        panel.status_filter.setCurrentIndex(panel.status_filter.findData(name))
        assert model.rowCount() == expected, name
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("agreed"))
    text = model.data(model.index(0))
    assert text.startswith("AGREED") and "Session number" in text and "Ana" in text
    # the compare row carries a badge and the note in its tooltip
    row = _row(window, "Recalling")
    link_no = window.compare_page.model.link_number(row)
    assert [p.note.text for p in window.compare_page.model.notes_by_link[link_no]] == [
        "Session number"
    ]
    assert "✎ agreed: Session number" in window.compare_page.model.data(
        window.compare_page.model.index(row), role=3
    )
    # and survive closing the window and opening the review again
    path = window.review.path
    window.reviews.review = None
    assert window.reviews.open_review(path)
    assert window.notes_dock.model.rowCount() == 1  # the filter is still "agreed"
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("all"))
    assert window.notes_dock.model.rowCount() == 3


def test_lineage_rows_show_their_notes(window: MainWindow, tmp_path: Path) -> None:
    window.reviews.new_review(tmp_path / "lineage")
    window.reviews.add_note(
        _row(window, "That Members will maintain"), "Moratorium", status="red line"
    )
    model = window.lineage_page.model
    headers = [model.headerData(r, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Vertical)
               for r in range(model.rowCount())]  # fmt: skip
    assert any(h.endswith("✎1") for h in headers)
    # the family's history lists the note; a screen reader hears it on the compare row
    window.lineage_page.view.selectRow(next(r for r, h in enumerate(headers) if h.endswith("✎1")))
    assert "Moratorium" in window.lineage_page.history.toPlainText()
    assert "red line" in window.lineage_page.history.toPlainText()
    row = _row(window, "That Members will maintain")
    spoken = window.compare_page.model.data(
        window.compare_page.model.index(row),
        __import__("PySide6.QtCore").QtCore.Qt.ItemDataRole.AccessibleTextRole,
    )
    assert "note, red line: Moratorium" in spoken


def test_print_preview_opens_offscreen(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    dialog = window.exporter.print_preview()
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=5000)
    assert dialog.objectName() == "printPreview"
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() > 0, timeout=10000)
    assert preview.pageCount() >= 2  # the 2011 -> 2013 comparison, laid out on pages
    dialog.close()


def test_export_from_the_window(window: MainWindow, tmp_path: Path) -> None:
    for fmt in ("html", "pdf", "docx", "csv"):
        out = tmp_path / f"out.{fmt}"
        assert window.exporter.export_to(out, fmt)
        assert out.stat().st_size > 0


HOSTILE = (
    '1. Members shall <img src="http://127.0.0.1:{port}/x"> report &amp; '
    "<script>alert(1)</script> at once.\n\n"
    '2. The Council <img src="http://127.0.0.1:9/x"> shall review.\n'
)


class _Listener:
    """A local server that records every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.hits = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.hits += 1
            conn.close()

    def close(self) -> None:
        self.stop.set()
        self.thread.join(2)
        self.sock.close()


@pytest.fixture
def listener():  # type: ignore[no-untyped-def]
    server = _Listener()
    yield server
    server.close()


def test_markup_in_a_clause_is_shown_and_exported_literally_and_nothing_is_fetched(
    window: MainWindow,
    tmp_path: Path,
    listener: _Listener,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    with socket.create_connection(("127.0.0.1", listener.port), timeout=2):
        pass  # a probe of our own: the listener is live and counts what reaches it
    qtbot.waitUntil(lambda: listener.hits == 1, timeout=3000)
    old = tmp_path / "draft-1.txt"
    new = tmp_path / "draft-2.txt"
    old.write_text(HOSTILE.format(port=listener.port).replace("at once", "soon"), encoding="utf-8")
    new.write_text(HOSTILE.format(port=listener.port), encoding="utf-8")
    assert window.documents.open_path(old) and window.documents.open_path(new)
    rows = len(window.library.documents)
    window.set_pair(rows - 2, rows - 1)
    al = window.compare_alignment
    assert al is not None and "<script>" in al.right.clauses[0].text
    # every view draws it: the compare rows, the lineage, the history panel
    window.compare_page.view.viewport().repaint()
    window.run_lineage()
    window.tabs.setCurrentIndex(1)
    qtbot.waitExposed(window.lineage_page.view)
    window.lineage_page.view.viewport().repaint()
    model, delegate = window.compare_page.model, window.compare_page.delegate
    delegate_html = delegate.cell_html(model.row_info(0), model.index(0), 1, LIGHT)
    assert "&lt;img src=" in delegate_html and "http://127.0.0.1:" in delegate_html
    assert "&lt;script&gt;" in delegate_html and "&amp;amp;" in delegate_html
    assert "<img" not in delegate_html and "<script" not in delegate_html
    doc = delegate.cell(model.row_info(0), model.index(0), 1, 500, LIGHT)
    assert '<img src="http://127.0.0.1:' in doc.toPlainText()  # shown literally
    # every export too
    window.tabs.setCurrentIndex(0)
    for fmt in ("html", "pdf", "docx", "csv"):
        assert window.exporter.export_to(tmp_path / f"hostile.{fmt}", fmt)
    page = (tmp_path / "hostile.html").read_text(encoding="utf-8")
    assert "<img" not in page and "<script" not in page
    assert "&lt;img src=&quot;http://127.0.0.1:9/x&quot;&gt;" in page and "&amp;amp;" in page
    browser = QTextBrowser()  # a page viewer loading the export: still nothing fetched
    browser.setHtml(page)
    browser.resize(800, 600)
    qtbot.addWidget(browser)
    browser.show()
    qtbot.waitExposed(browser)
    browser.viewport().repaint()  # drawn: anything it would fetch, it would fetch now
    assert '<img src="http://127.0.0.1:9/x">' in browser.toPlainText()
    browser.close()
    assert listener.hits == 1, "something in ClauseDiff fetched the address in the clause"


def test_opening_a_review_from_a_colleague_names_the_missing_versions(
    window: MainWindow, tmp_path: Path
) -> None:
    from clausediff.core.model import DocumentInfo
    from clausediff.core.read.bundled import load_bundled
    from clausediff.core.read.files import document_from_text
    from clausediff.core.store.review import Review

    theirs = document_from_text(
        "1. Members shall notify the Committee of every measure.",
        DocumentInfo(symbols=("JOB/GC/999",), title="Chair's draft", date="2024-02-01"),
    )
    path = tmp_path / "colleague.cdreview"
    review = Review(path, create=True)
    review.set_versions([load_bundled("WT/L/843"), theirs])
    review.add_note(theirs, 0, "Their draft's first clause", status="to discuss")
    assert window.reviews.open_review(path)
    assert "not in your library" in window.messages.last_info
    assert "JOB/GC/999" in window.messages.last_info and "WT/L/843" not in window.messages.last_info
    # the note is kept and listed, shown as orphaned until the draft is imported
    (placed,) = window.notes_dock.model.notes
    assert placed.note.text == "Their draft's first clause"


def _colleagues_review(path: Path) -> None:
    from clausediff.core.read.bundled import load_bundled
    from clausediff.core.store.review import Review

    d2011, d2013 = load_bundled("WT/L/843"), load_bundled("WT/MIN(13)/32")
    review = Review(path, create=True)
    review.set_versions([d2011, d2013])
    review.add_note(d2013, 5, "Scope?", status="to discuss")


def _spoil(path: Path, script: str) -> None:
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(path)) as conn:
        conn.executescript(script)
        conn.commit()


@pytest.mark.parametrize(
    ("script", "said"),
    [
        ("UPDATE meta SET value = 'abc' WHERE key = 'schema'",
         "bad.cdreview is damaged: its format version 'abc' is not a number."),
        ("DROP TABLE versions; CREATE TABLE versions (position INTEGER PRIMARY KEY,"
         " sha256 TEXT, symbols TEXT, label TEXT, date TEXT);"
         " INSERT INTO versions VALUES (0, NULL, NULL, NULL, NULL)",
         "bad.cdreview is damaged: its table 'versions' is not laid out as ClauseDiff writes"
         " it."),
    ],
)  # fmt: skip
def test_a_damaged_review_is_a_message_box_not_a_traceback(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, said: str
) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str, str]] = []

    def exec_(box: QMessageBox) -> int:  # (the box is made and shown; nobody clicks it)
        shown.append((box.objectName(), box.windowTitle(), box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    path = tmp_path / "bad.cdreview"
    _colleagues_review(path)
    _spoil(path, script)
    window.messages.suppress = False
    assert not window.reviews.open_review(path)
    assert shown == [("errorDialog", "ClauseDiff cannot open bad.cdreview", said)]
    assert window.review is None


def test_a_received_review_with_a_trigger_is_read_and_rewritten_clean(
    window: MainWindow, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "received.cdreview"
    _colleagues_review(path)
    _spoil(path, "CREATE TRIGGER wipe AFTER INSERT ON notes BEGIN DELETE FROM notes; END;")
    assert window.reviews.open_review(path)
    assert "holds parts ClauseDiff does not write (trigger 'wipe')" in window.messages.last_info
    assert "never run" in window.messages.last_info
    with qtbot.waitSignal(window.reviews.status) as said:
        assert window.reviews.add_note(_row(window, "Recalling"), "Session number")
    assert "rewritten without them" in said.args[0]
    assert [p.note.text for p in window.notes_dock.model.notes] == ["Scope?", "Session number"]


def test_the_window_keeps_every_version_a_review_names(window: MainWindow, tmp_path: Path) -> None:
    """A review of a draft opened from its path (not in this library) and of the 1998
    Declaration; a note added in the window on the 2013 text keeps both and adds 2013."""
    from clausediff.core.read.bundled import load_bundled
    from clausediff.core.read.files import load_file
    from clausediff.core.store.review import Review

    draft_file = tmp_path / "chairs-draft.txt"
    draft_file.write_text("Decides:\n\n1. A draft only the colleague holds.\n", encoding="utf-8")
    draft, decl = load_file(draft_file), load_bundled("WT/MIN(98)/DEC/2")
    path = tmp_path / "kept.cdreview"
    review = Review(path, create=True)
    review.set_versions([draft, decl])
    review.add_note(draft, 1, "Their first clause")
    assert window.reviews.open_review(path)
    assert "chairs-draft.txt" in window.messages.last_info
    assert window.reviews.add_note(_row(window, "Recalling"), "Session number")
    d2013 = load_bundled("WT/MIN(13)/32")
    assert [v.sha256 for v in Review(path).versions()] == [
        draft.info.sha256, decl.info.sha256, d2013.info.sha256
    ]  # fmt: skip
    window.messages.last_info = ""
    assert window.reviews.open_review(path)
    missing = window.messages.last_info
    assert "chairs-draft.txt" in missing and "WT/MIN(98)/DEC/2" not in missing
    assert "WT/MIN(13)/32" not in missing

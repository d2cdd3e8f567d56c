"""A settings file edited by hand, or written by another version, never breaks a start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from clausediff.gui.main_window import MainWindow
from clausediff.session import settings as keys


def test_a_mangled_settings_file_gives_the_defaults(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ini = tmp_path / "clausediff.ini"
    ini.write_text(
        "[view]\nfontSize=enormous\nhideUnchanged=perhaps\ntheme=<script>\nwrap=0\n"
        "[window]\ngeometry=not a geometry\n"
        "[files]\nrecent=/only/one.txt\nrecentReviews=\n",
        encoding="utf-8",
    )
    store = QSettings(str(ini), QSettings.Format.IniFormat)
    win = MainWindow(store, synchronous=True)
    qtbot.addWidget(win)
    assert win.compare_page.delegate.font.pointSizeF() == keys.FONT_SIZE.default
    assert not win.actions_by_id["actionHideUnchanged"].isChecked()
    assert not win.actions_by_id["actionWrap"].isChecked()  # "0" is a clear "no"
    assert win.theme_actions["system"].isChecked()
    assert win.settings.get(keys.RECENT_FILES) == ("/only/one.txt",)
    recent = [a.text() for a in win.documents.recent_menu.actions()]
    assert recent == ["/only/one.txt"]
    assert win.settings.get(keys.RECENT_REVIEWS) == ()
    win.close()


def test_the_next_start_reopens_the_last_pair_compared(qtbot, settings) -> None:  # type: ignore[no-untyped-def]
    from clausediff.gui.app import start_window

    def started():  # type: ignore[no-untyped-def]
        _app, win = start_window([], settings)
        win.messages.suppress = True
        qtbot.addWidget(win)
        return win

    def pair(win) -> tuple[str, str]:  # type: ignore[no-untyped-def]
        docs = win.library.documents
        left, right = win.left_combo.currentIndex(), win.right_combo.currentIndex()
        return docs[left].info.symbols[0], docs[right].info.symbols[0]

    first = started()
    try:
        assert pair(first) == ("WT/L/843", "WT/MIN(13)/32")  # the manifest's first pair
        symbols = [d.info.symbols[0] for d in first.library.documents]
        first.set_pair(symbols.index("WT/MIN(98)/DEC/2"), symbols.index("WT/MIN(13)/32"))
    finally:
        for comparer in (first.comparer, first.lineage_comparer):
            comparer.cancel()
            comparer.wait()
        first.close()
    second = started()
    try:
        assert pair(second) == ("WT/MIN(98)/DEC/2", "WT/MIN(13)/32")
    finally:
        for comparer in (second.comparer, second.lineage_comparer):
            comparer.cancel()
            comparer.wait()
        second.close()

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

"""Starting the window, and the headless ``--screenshot`` mode."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from clausediff.gui.main_window import MainWindow


def start_window(
    versions: Sequence[str], settings: QSettings | None = None
) -> tuple[QApplication, MainWindow]:
    """The application and its main window, on ``versions`` or the bundled decisions.

    The comparison is requested, not awaited: it arrives on the comparer's ``finished``
    signal (or is already there when the comparer is synchronous).
    """
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from clausediff.gui.icon import app_icon
    from clausediff.gui.main_window import MainWindow
    from clausediff.session.versions import default_pair, open_store, resolve_version

    store, problem = open_store()
    docs = [resolve_version(v, store) for v in versions]  # errors reach the CLI first
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("ClauseDiff")
    app.setOrganizationName("ClauseDiff")
    app.setDesktopFileName("clausediff")  # (Wayland finds the icon through the .desktop file)
    app.setWindowIcon(app_icon())
    window = MainWindow(settings if settings is not None else QSettings(), store=store)
    window.library_problem = problem
    if len(docs) >= 2:
        window.set_versions(docs)
    else:
        window.load_library()
        if docs:  # one file: compared with the newest version before it
            window.library.add_document(docs[0])
            rows = len(window.library.documents)
            window.set_pair(rows - 2, rows - 1)
        else:
            window.set_pair(*default_pair(window.library.documents))
    window.run_lineage()
    if window.library_problem:
        message = window.library_problem
        window.statusBar().showMessage(message, 20000)
        QTimer.singleShot(0, lambda: window.messages.inform("The library", message))
    return app, window


def run_gui(versions: Sequence[str], *, screenshot: str | None = None) -> int:
    from clausediff.gui.display import ensure_display  # (before Qt can abort the process)

    ensure_display(headless=bool(screenshot))
    if screenshot and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QTimer

    app, window = start_window(versions)
    if screenshot:
        window.resize(1400, 900)
        window.show()
        out = Path(screenshot)

        def shoot(*_: object) -> None:
            window.compare_page.view.doItemsLayout()
            QTimer.singleShot(150, lambda: (window.grab().save(str(out)), app.quit()))

        if window.compare_alignment is not None:
            shoot()
        else:
            window.comparer.finished.connect(shoot)
            window.comparer.failed.connect(lambda _m: app.exit(2))
        QTimer.singleShot(60000, lambda: app.exit(3))
        status = app.exec()
        if status == 0 and out.exists():
            print(f"Wrote {out}", file=sys.stderr)
        return int(status)
    window.show()
    return int(app.exec())

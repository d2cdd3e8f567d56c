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

    from clausediff.core.errors import ClauseDiffError
    from clausediff.core.store.library import open_library
    from clausediff.gui.main_window import MainWindow
    from clausediff.session.versions import resolve_version

    store, problem = None, ""
    try:
        store = open_library()
        if store.set_aside is not None:
            problem = (
                f"The library of imported documents was damaged. It was set aside as "
                f"{store.set_aside} and a new, empty library was started."
            )
    except ClauseDiffError as exc:
        problem = f"{exc} The bundled decisions are available; imports will not be kept."
    docs = [resolve_version(v, store) for v in versions]  # errors reach the CLI first
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("ClauseDiff")
    app.setOrganizationName("ClauseDiff")
    window = MainWindow(settings if settings is not None else QSettings(), store=store)
    window.library_problem = problem
    if docs:
        if len(docs) == 1:
            window.load_bundled_library()
            window.library.add_document(docs[0])
            window.set_pair(len(window.library.documents) - 2, len(window.library.documents) - 1)
        else:
            window.set_versions(docs)
    else:
        window.load_bundled_library()
        window.set_pair(window.preferred_row("WT/L/843"), window.preferred_row("WT/MIN(13)/32"))
    window.run_lineage()
    if window.library_problem:
        message = window.library_problem
        window.statusBar().showMessage(message, 20000)
        QTimer.singleShot(0, lambda: window._inform("The library", message))
    return app, window


def run_gui(versions: Sequence[str], *, screenshot: str | None = None) -> int:
    if screenshot and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QTimer

    app, window = start_window(versions)
    if screenshot:
        window.resize(1400, 900)
        window.show()
        out = Path(screenshot)

        def shoot(*_: object) -> None:
            window.compare_view.doItemsLayout()
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

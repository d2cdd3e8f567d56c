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
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from clausediff.core.documents import load_version
    from clausediff.gui.main_window import MainWindow

    docs = [load_version(v) for v in versions]  # errors reach the CLI before any window
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("ClauseDiff")
    app.setOrganizationName("ClauseDiff")
    window = MainWindow(settings if settings is not None else QSettings())
    if docs:
        if len(docs) == 1:
            window.load_bundled_library()
            window.library.add_document(docs[0])
            window.set_pair(len(window.library.documents) - 2, len(window.library.documents) - 1)
        else:
            window.set_versions(docs)
    else:
        window.load_bundled_library()
        names = [d.info.symbols[0] if d.info.symbols else "" for d in window.library.documents]
        window.set_pair(names.index("WT/L/843"), names.index("WT/MIN(13)/32"))
    window.run_lineage()
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

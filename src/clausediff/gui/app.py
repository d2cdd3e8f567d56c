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
    from clausediff.session import settings as keys
    from clausediff.session.versions import default_pair, last_pair, open_store, resolve_version

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
            documents = window.library.documents
            shas: tuple[str, ...] = window.settings.get(keys.LAST_PAIR)
            last = last_pair(documents, shas)
            window.set_pair(*(last or default_pair(documents)))
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
    if screenshot:
        return _screenshot(versions, Path(screenshot))
    app, window = start_window(versions)
    window.show()
    return int(app.exec())


def _screenshot(versions: Sequence[str], out: Path) -> int:
    """Open the window offscreen, wait until its first rows are painted, save it to ``out``.

    The window reads and writes a throwaway settings file: a screenshot shows the window as
    a first start does, and never changes what the user's next start restores (size, splitter,
    theme). Exit status 2 if the comparison fails, 3 if nothing was painted within a minute.
    """
    import tempfile

    from PySide6.QtCore import QEvent, QObject, QPoint, QSettings, QTimer

    with tempfile.TemporaryDirectory(prefix="clausediff-shot-") as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        app, window = start_window(versions, settings)
        window.resize(1400, 900)
        view = window.compare_page.view

        class RowsPainted(QObject):
            """Saves the window after the first paint of the compare view with rows in it."""

            def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
                if (
                    event.type() == QEvent.Type.Paint
                    and window.compare_alignment is not None
                    # a row is laid out where this paint draws: not a blank view
                    and view.indexAt(QPoint(1, 1)).isValid()
                ):
                    view.viewport().removeEventFilter(self)
                    QTimer.singleShot(0, save)
                return False

        def save() -> None:
            app.exit(0 if window.grab().save(str(out)) else 1)

        painted = RowsPainted()
        view.viewport().installEventFilter(painted)
        window.comparer.failed.connect(lambda _m: app.exit(2))
        window.show()
        view.viewport().update()
        QTimer.singleShot(60000, lambda: app.exit(3))
        status = app.exec()
        for comparer in (window.comparer, window.lineage_comparer):
            comparer.cancel()  # (a job still running ends at its next check)
            comparer.wait()
    if status == 0 and out.exists():
        print(f"Wrote {out}", file=sys.stderr)
    return int(status)

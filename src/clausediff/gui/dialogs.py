"""File dialogs that start in the folder their kind last used (kept in the settings).

Each kind of dialog ("open", "import", "export", "review": :data:`FOLDER_KINDS`) has its
folder in the settings (:data:`clausediff.session.settings.FOLDERS`), written when a file
is chosen. A ``--screenshot`` run has throwaway settings, so it never moves them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget

from clausediff.gui.settings import Settings
from clausediff.session.settings import FOLDERS, folder_of, start_in


def _remember(settings: Settings, kind: str, chosen: str) -> None:
    if chosen:
        settings.set(FOLDERS[kind], folder_of(chosen))


def open_files(
    parent: QWidget | None, settings: Settings, kind: str, title: str, filters: str
) -> list[str]:
    """Files to read, chosen in a dialog that starts in ``kind``'s folder."""
    start = start_in(settings.get(FOLDERS[kind]))
    paths, _ = QFileDialog.getOpenFileNames(parent, title, start, filters)
    if paths:
        _remember(settings, kind, paths[0])
    return list(paths)


def open_file(
    parent: QWidget | None, settings: Settings, kind: str, title: str, filters: str
) -> str:
    """One file to read ("" when none was chosen)."""
    start = start_in(settings.get(FOLDERS[kind]))
    path, _ = QFileDialog.getOpenFileName(parent, title, start, filters)
    _remember(settings, kind, path)
    return str(path)


def save_file(
    parent: QWidget | None,
    settings: Settings,
    kind: str,
    title: str,
    name: str,
    filters: str,
) -> tuple[str, str]:
    """Where to write (and the filter chosen), the dialog offering ``name`` in ``kind``'s
    folder; ("", "") when the user cancelled."""
    start = start_in(settings.get(FOLDERS[kind]), name)
    path, chosen = QFileDialog.getSaveFileName(parent, title, start, filters)
    _remember(settings, kind, path)
    return str(path), str(chosen)

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from clausediff.gui.main_window import MainWindow

_HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under tests/gui/ is marked ``gui`` (``-m "not gui"`` leaves them out)."""
    for item in items:
        if item.path.is_relative_to(_HERE):
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "clausediff.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, settings: QSettings) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = MainWindow(settings, synchronous=True)
    win.messages.suppress = True
    qtbot.addWidget(win)
    win.load_library()
    names = [d.info.symbols[0] for d in win.library.documents]
    win.set_pair(names.index("WT/L/843"), names.index("WT/MIN(13)/32"))
    win.run_lineage()
    win.resize(1400, 900)
    win.show()
    yield win
    win.comparer.cancel()
    win.comparer.wait()
    win.lineage_comparer.wait()
    win.close()

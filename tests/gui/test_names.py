"""Stable object names and accessible names, and the developer docs that list them."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from clausediff.gui.main_window import MainWindow

DOCS = Path(__file__).resolve().parents[2] / "docs" / "DEVELOPERS.md"
OUR_NAME = re.compile(r"[a-z][A-Za-z0-9]+")


def test_every_named_widget_has_an_accessible_name(window: MainWindow) -> None:
    widgets = [
        w for w in [window, *window.findChildren(QWidget)] if OUR_NAME.fullmatch(w.objectName())
    ]
    assert len(widgets) > 20
    missing = [w.objectName() for w in widgets if not w.accessibleName()]
    assert missing == []


def test_every_action_has_a_stable_name_and_text(window: MainWindow) -> None:
    actions = [a for a in window.findChildren(QAction) if a.text() and not a.isSeparator()]
    unnamed = [a.text() for a in actions if not OUR_NAME.fullmatch(a.objectName())]
    # (the recent-files entries are named by their paths, the theme group by its actions)
    assert [t for t in unnamed if "/" not in t and "\\" not in t] == []


def test_developer_docs_list_exactly_the_object_names(window: MainWindow) -> None:
    documented = set(re.findall(r"^\| `([A-Za-z0-9]+)` \|", DOCS.read_text(encoding="utf-8"), re.M))
    present = {
        o.objectName()
        for o in [window, *window.findChildren(QWidget), *window.findChildren(QAction)]
        if OUR_NAME.fullmatch(o.objectName())
    }
    assert present - documented == set(), "document these in docs/DEVELOPERS.md"
    assert documented - present == set(), "these are documented but gone"

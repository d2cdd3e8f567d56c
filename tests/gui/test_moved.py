"""A moved clause: shown where it now stands and where it stood, one click between them."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QPoint, Qt

from clausediff.core.compare.links import LinkKind
from clausediff.core.model import DocumentInfo
from clausediff.core.read.files import document_from_text
from clausediff.gui.main_window import MainWindow
from clausediff.session.versions import preferred

OLD = """1. Members shall notify the Committee of any measure affecting electronic commerce.

2. The Council for Trade in Services shall examine the treatment of electronic supply.

3. The General Council shall hold periodic reviews of the Work Programme in July.

4. Developing country Members shall receive technical assistance for capacity building.

5. The Committee on Trade and Development shall report on the development implications."""

NEW = """1. Members shall notify the Committee of any measure affecting electronic commerce.

2. The General Council shall hold periodic reviews of the Work Programme in July.

3. Developing country Members shall receive technical assistance for capacity building.

4. The Committee on Trade and Development shall report on the development implications.

5. The Council for Trade in Services shall examine the treatment of electronic supply."""


def _moved_window(window: MainWindow) -> tuple[int, int]:
    old = document_from_text(OLD, DocumentInfo(title="Draft 1", date="2024-01-01"))
    new = document_from_text(NEW, DocumentInfo(title="Draft 2", date="2024-02-01"))
    window.set_versions([old, new])
    m = window.compare_page.model
    moved = [r for r in range(m.rowCount()) if m.link(r).kind is LinkKind.MOVED]
    assert len(moved) == 2  # the link and its marker
    marker, link = sorted(moved, key=lambda r: not m.is_marker(r))
    return marker, link


def test_a_moved_clause_has_a_marker_where_it_stood(window: MainWindow) -> None:
    marker, link = _moved_window(window)
    m = window.compare_page.model
    al = window.compare_alignment
    assert al is not None
    # the marker follows the row of old paragraph 1, the link sits at new paragraph 5
    assert al.side_text(m.link(marker - 1), 0).startswith("Members shall notify")
    assert marker < link == m.rowCount() - 1
    assert m.data(m.index(marker)).startswith("moved away: ¶2 now stands at ¶5: The Council")
    assert m.counterpart_row(marker) == link and m.counterpart_row(link) == marker
    assert m.counterpart_row(0) == -1


def test_one_click_on_the_gutter_jumps_between_the_two_places(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    marker, link = _moved_window(window)
    view = window.compare_page.view
    view.scrollTo(window.compare_page.model.index(marker))
    rect = view.visualRect(window.compare_page.model.index(marker))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(40, rect.center().y()))
    assert window.compare_page.current_row() == link
    # Ctrl+J goes back
    window.actions_by_id["actionGoToCounterpart"].trigger()
    assert window.compare_page.current_row() == marker
    # a click on the text of an ordinary row only selects it
    rect0 = view.visualRect(window.compare_page.model.index(0))
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(rect0.center().x(), rect0.center().y()),
    )
    assert window.compare_page.current_row() == 0
    assert window.compare_page.go_to_counterpart() is False


def test_hide_unchanged_keeps_both_places(window: MainWindow) -> None:
    _moved_window(window)
    window.actions_by_id["actionHideUnchanged"].setChecked(True)
    m = window.compare_page.model
    kinds = [m.link(r).kind for r in range(m.rowCount())]
    assert kinds == [LinkKind.MOVED, LinkKind.MOVED]
    assert m.counterpart_row(0) == 1


def test_sentences_that_travelled_are_shown_on_both_rows(window: MainWindow) -> None:
    """2011 paragraph 2 is unknown at clause level (the excerpt ends in a gap), but two of
    its sentences went into 2013 paragraphs 1 and 3: both rows and both change-list entries
    say so, and the tooltip names the sentence."""
    window.set_pair(
        preferred(window.library.documents, "WT/L/843"),
        preferred(window.library.documents, "WT/MIN(13)/32"),
    )
    m, changes = window.compare_page.model, window.changes_dock.model
    al = window.compare_alignment
    assert al is not None
    further = next(
        c for c in al.left.clauses if any(s.text.startswith("Further,") for s in c.sentences)
    )
    gone = al.link_index_of(0, further.index)
    assert al.links[gone].kind is LinkKind.UNKNOWN
    came = [n for n, lk in enumerate(al.links) if lk.kind is LinkKind.SPLIT]
    assert len(came) == 1
    label = further.display_label()
    arrived = changes.data(changes.index(changes.row_of_link(came[0])))
    assert arrived.endswith(f"↳ 2 sentences from {label}")
    left = changes.data(changes.index(changes.row_of_link(gone)))
    assert "↳ a sentence to" in left
    tip = m.data(m.index(m.row_of_link(came[0])), Qt.ItemDataRole.ToolTipRole)
    assert f"came from {label} of {al.left.info.label}" in tip
    assert "Any relevant body of the Work Programme may" in tip
    heard = m.data(m.index(m.row_of_link(gone)), Qt.ItemDataRole.AccessibleTextRole)
    assert "went to" in heard
    title = changes.data(changes.index(changes.row_of_link(al.link_index_of(0, 0))))
    assert title.startswith("modified (letter case only)  heading → heading 2")


def test_a_row_with_travelled_sentences_is_tall_enough_for_them(window: MainWindow) -> None:
    window.set_pair(
        preferred(window.library.documents, "WT/L/843"),
        preferred(window.library.documents, "WT/MIN(13)/32"),
    )
    m = window.compare_page.model
    delegate = window.compare_page.delegate
    row = next(r for r in range(m.rowCount()) if m.row_info(r).moves)
    info = m.row_info(row)
    without = delegate.gutter_height(dataclasses.replace(info, moves=()))
    assert delegate.gutter_height(info) > without

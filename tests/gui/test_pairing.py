"""Pairing by hand in the window: the row menu and the Edit menu, the comparison computed
again with the correction, its mark, the list of corrections, and Ctrl+Z."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QMenu

from clausediff.core.compare.links import LinkKind
from clausediff.core.render.wording import PAIRED_BY_HAND
from clausediff.gui.main_window import MainWindow


def _row(win: MainWindow, side: int, start: str) -> int:
    al = win.compare_alignment
    assert al is not None
    m = win.compare_page.model
    return next(
        r
        for r in range(m.rowCount())
        if not m.is_marker(r) and al.side_text(m.link(r), side).startswith(start)
    )


def _links(win: MainWindow) -> list[tuple[tuple[int, ...], tuple[int, ...], LinkKind]]:
    al = win.compare_alignment
    assert al is not None
    return [(lk.left, lk.right, lk.kind) for lk in al.links]


def _trigger(menu: QMenu, name: str) -> None:
    action = next(a for a in menu.actions() if a.objectName() == name)
    assert action.isEnabled()
    action.trigger()


def test_pair_these_from_the_row_menu_marks_lists_and_undoes(
    window: MainWindow, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    engine = _links(window)
    assert window.reviews.new_review(tmp_path / "bali")
    older = _row(window, 0, "To instruct the General Council to emphasize")
    newer = _row(window, 1, "To instruct the General Council to hold periodic reviews")
    assert older != newer  # the engine leaves them apart

    _trigger(window.rows.build(older), "actionMarkPair")
    _trigger(window.rows.build(newer), "actionPairThese")

    al = window.compare_alignment
    assert al is not None
    model = window.compare_page.model
    row = window.compare_page.current_row()  # the link just made is selected
    link = model.link(row)
    assert link.manual and link.left and link.right
    assert al.side_text(link, 0).startswith("To instruct the General Council to emphasize")
    assert al.side_text(link, 1).startswith("To instruct the General Council to hold")
    assert PAIRED_BY_HAND in model.data(model.index(row), Qt.ItemDataRole.ToolTipRole)
    (stored,) = window.review.corrections()  # type: ignore[union-attr]
    assert stored.paired

    dialog = window.pairing.list_dialog()
    listing = dialog.findChild(QListWidget, "correctionsList")
    assert listing is not None and listing.count() == 1
    assert "paired by hand with op. ¶4" in listing.item(0).text()
    dialog.close()

    # Ctrl+Z, as the Edit menu shows it, restores the engine's answer
    undo = window.actions_by_id["actionUndoPairing"]
    assert undo.shortcut().toString() == "Ctrl+Z"
    edit = window.menuBar().findChild(QMenu, "editMenu")
    assert edit is not None and undo in edit.actions()
    undo.trigger()
    assert _links(window) == engine
    assert window.review.corrections() == []  # type: ignore[union-attr]


def test_unpair_splits_a_link_and_the_review_reopened_keeps_it(
    window: MainWindow, tmp_path: Path
) -> None:
    assert window.reviews.new_review(tmp_path / "bali")
    row = _row(window, 1, "Recalling")
    recalling = window.compare_page.model.link(row)
    assert recalling.left and recalling.right
    _trigger(window.rows.build(row), "actionUnpair")
    al = window.compare_alignment
    assert al is not None
    assert recalling.right[0] not in al.link_of_left(recalling.left[0]).right
    path = window.review.path  # type: ignore[union-attr]
    window.reviews.review = None
    window.compare_now()  # without the review: the engine's answer
    assert window.compare_alignment is not None
    assert window.compare_alignment.link_of_left(recalling.left[0]).right == recalling.right
    assert window.reviews.open_review(path)  # the correction comes back with the review
    again = window.compare_alignment
    assert again is not None
    assert recalling.right[0] not in again.link_of_left(recalling.left[0]).right

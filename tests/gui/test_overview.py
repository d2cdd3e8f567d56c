"""The overview strip beside the compare view: one mark per changed row, few rectangles."""

from __future__ import annotations

from itertools import pairwise

from clausediff.core.render.palette import KIND_COLOURS
from clausediff.gui.main_window import MainWindow


def _changed_rows(window: MainWindow) -> list[int]:
    return window.compare_page.model.changed_rows()


def test_every_changed_row_has_a_mark_of_its_kind(window: MainWindow) -> None:
    strip = window.compare_page.overview
    model = window.compare_page.model
    n, height = model.rowCount(), 600
    changed = _changed_rows(window)
    assert changed and len(changed) < n  # the 2011 → 2013 pair has kept rows too
    runs = strip.runs(height)
    for row in changed:
        top = row * height // n
        covering = [r for r in runs if r[0] <= top < r[0] + r[1]]
        assert covering, f"row {row} has no mark"
        assert covering[0][2] == KIND_COLOURS[model.link(row).kind]
    for row in set(range(n)) - set(changed):  # a kept row's own pixels stay clear
        top, bottom = row * height // n, (row + 1) * height // n
        assert not [r for r in runs if top <= r[0] < bottom], f"kept row {row} is marked"


def test_marks_that_share_pixels_are_merged_not_stacked(window: MainWindow) -> None:
    strip = window.compare_page.overview
    n = window.compare_page.model.rowCount()
    for height in (n // 2, n, 5 * n):
        runs = strip.runs(height)
        tops = [top for top, _, _ in runs]
        assert tops == sorted(tops)
        for (top, h, colour), (next_top, _, next_colour) in pairwise(runs):
            assert top + h <= next_top or colour != next_colour, "two runs of one colour overlap"
        assert len(runs) <= max(1, height // 3) + 1


def test_the_marks_follow_the_comparison(window: MainWindow) -> None:
    strip = window.compare_page.overview
    before = strip.runs(400)
    window.compare_page.model.set_hide_unchanged(True)  # every row left is a change
    after = strip.runs(400)
    assert after != before
    assert after[0][0] == 0

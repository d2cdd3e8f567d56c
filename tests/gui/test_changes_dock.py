"""The Changes panel: filtered by kind with counts, F7 following the filter, and the list
of the tab shown (the lineage's families while the Lineage tab shows)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from clausediff.core.compare.links import LinkKind
from clausediff.gui.main_window import MainWindow


def _choose(window: MainWindow, kind: LinkKind | None) -> None:
    combo = window.changes_dock.kind_filter
    combo.setCurrentIndex(combo.findData(kind.value if kind else ""))


def test_the_kind_filter_lists_each_kind_with_its_count(window: MainWindow) -> None:
    dock = window.changes_dock
    al = window.compare_alignment
    assert al is not None
    counts = {k: n for k, n in al.counts().items() if n and k.is_change}
    combo = dock.kind_filter
    items = [combo.itemText(i) for i in range(combo.count())]
    assert items[0] == f"Every change ({sum(counts.values())})"
    assert items[1:] == [f"{k.value} ({n})" for k, n in counts.items()]
    assert dock.model.rowCount() == sum(counts.values())
    for kind, n in counts.items():
        _choose(window, kind)
        rows = [dock.model.index(r) for r in range(dock.model.rowCount())]
        assert len(rows) == n
        assert all(dock.model.data(i).startswith(kind.value) for i in rows)
        assert dock.filter_note.isVisibleTo(dock)
        assert f"{kind.value} only" in dock.filter_note.text()
    _choose(window, None)
    assert dock.model.rowCount() == sum(counts.values())
    assert not dock.filter_note.isVisibleTo(dock)


def test_next_change_steps_through_the_kind_listed_only(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = window.compare_page
    model = page.model
    unknown = [r for r in range(model.rowCount()) if model.link(r).kind is LinkKind.UNKNOWN]
    everything = model.changed_rows()
    assert len(unknown) >= 2 and len(everything) > len(unknown)
    _choose(window, LinkKind.UNKNOWN)
    page.select_row(0)
    seen, expected, cur = [], [], 0
    for _ in range(len(unknown) + 1):
        qtbot.keyClick(page.view, Qt.Key.Key_F7)
        seen.append(page.current_row())
        cur = next((r for r in unknown if r > cur), unknown[0])
        expected.append(cur)
    assert seen == expected, "every unknown row in turn, then round again"
    assert all(model.link(r).kind is LinkKind.UNKNOWN for r in seen)
    _choose(window, None)
    page.select_row(unknown[0])
    window.next_change()
    assert page.current_row() == next(r for r in everything if r > unknown[0])


def test_the_side_panel_follows_the_tab(window: MainWindow) -> None:
    dock = window.changes_dock
    assert dock.shown_panel() is dock.compare_panel
    window.tabs.setCurrentWidget(window.lineage_page)
    assert dock.shown_panel() is dock.lineage_panel
    lineage = window.lineage
    assert lineage is not None
    families = dock.family_model
    names = [families.data(families.index(r)) for r in range(families.rowCount())]
    changed = [
        n for n in range(len(lineage.families)) if window.lineage_page.model.family_changed(n)
    ]
    assert [families.family_number(r) for r in range(families.rowCount())] == changed
    assert all(" in " in name.split("\n")[1] for name in names), "each says what changed, when"
    # picking a family selects its row in the table, and the table's selection is followed
    pick = families.family_number(1)
    dock.family_view.setCurrentIndex(families.index(1))
    page = window.lineage_page
    assert page.model.family_number(page.current_row()) == pick
    page.select_row(page.model.row_of_family(families.family_number(0)))
    assert dock.family_view.currentIndex().row() == 0
    window.tabs.setCurrentWidget(window.compare_page)
    assert dock.shown_panel() is dock.compare_panel


def test_next_change_in_the_lineage_goes_to_the_next_family_that_changed(
    window: MainWindow,
) -> None:
    window.tabs.setCurrentWidget(window.lineage_page)
    page = window.lineage_page
    changed = [
        r
        for r in range(page.model.rowCount())
        if page.model.family_changed(page.model.family_number(r))
    ]
    assert len(changed) >= 2
    page.select_row(changed[0])
    window.next_change()
    assert page.current_row() == changed[1]
    window.prev_change()
    window.prev_change()
    assert page.current_row() == changed[-1], "wraps at the start"

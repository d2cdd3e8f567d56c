"""The Flow view beside the lineage table: a click or the keyboard selects a family."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from clausediff.core.compare.lineage import Lineage, build_lineage
from clausediff.core.read.bundled import load_bundled
from clausediff.core.render.flow import BlockKind, FlowBlock
from clausediff.gui.lineage_page import LineagePage


@pytest.fixture(scope="module")
def lineage() -> Lineage:
    return build_lineage(
        [load_bundled(s) for s in ("WT/MIN(98)/DEC/2", "WT/L/274", "WT/L/843", "WT/L/907")]
    )


@pytest.fixture
def page(qtbot, lineage: Lineage) -> LineagePage:  # type: ignore[no-untyped-def]
    page = LineagePage()
    qtbot.addWidget(page)
    page.set_lineage(lineage)
    page.resize(1300, 900)
    page.show()
    page.views.setCurrentWidget(page.flow)
    return page


def _centre(block: FlowBlock) -> QPoint:
    return QPoint(int(block.box.x + block.box.w / 2), int(block.box.y + block.box.h / 2))


def _selected_family(page: LineagePage, lineage: Lineage) -> str:
    row = page.view.currentIndex().row()
    return lineage.families[page.model.family_number(row)].id


def test_clicking_the_moratorium_band_selects_its_family(
    qtbot,
    page: LineagePage,
    lineage: Lineage,  # type: ignore[no-untyped-def]
) -> None:
    last = lineage.versions[3].clauses[-1]
    family = lineage.family_of(3, last.index).id
    canvas = page.flow.canvas
    block = next(b for b in canvas.blocks() if (b.version, b.clause) == (3, last.index))
    with qtbot.waitSignal(page.flow.familyChosen) as chosen:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=_centre(block))
    assert chosen.args == [family]
    assert _selected_family(page, lineage) == family
    history = page.history.toPlainText()
    assert "customs duties on electronic transmissions" in history
    assert canvas.selected == family
    assert family in canvas.accessibleDescription()


def test_clicking_a_pass_across_a_gap_selects_the_family_it_carries(
    qtbot,
    page: LineagePage,
    lineage: Lineage,  # type: ignore[no-untyped-def]
) -> None:
    canvas = page.flow.canvas
    passing = next(b for b in canvas.blocks() if b.kind is BlockKind.PASS and b.version == 2)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=_centre(passing))
    assert _selected_family(page, lineage) == passing.family
    assert lineage.find_family(0, 5) is not None
    assert lineage.find_family(0, 5).id == passing.family  # (the 1998 paragraph)


def test_a_click_on_a_family_the_table_hides_shows_it_again(
    qtbot,
    page: LineagePage,  # type: ignore[no-untyped-def]
) -> None:
    lineage = build_lineage([load_bundled("WT/L/843"), load_bundled("WT/L/907")])
    page.set_lineage(lineage)
    page.changed_only.setChecked(True)
    canvas = page.flow.canvas
    hidden = {f.id for n, f in enumerate(lineage.families) if not page.model.family_changed(n)}
    assert hidden and len(hidden) < len(lineage.families)
    unchanged_alone = next(b for b in canvas.blocks() if b.family in hidden)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=_centre(unchanged_alone))
    assert not page.changed_only.isChecked()
    assert _selected_family(page, lineage) == unchanged_alone.family


def test_keyboard_moves_between_bands_and_enter_selects(
    qtbot,
    page: LineagePage,
    lineage: Lineage,  # type: ignore[no-untyped-def]
) -> None:
    canvas = page.flow.canvas
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus)
    first = canvas.blocks()[canvas.focused]
    assert (first.version, first.clause) == (0, 0)
    qtbot.keyClick(canvas, Qt.Key.Key_Right)  # the 1998 heading's family in WT/L/274
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    here = canvas.blocks()[canvas.focused]
    assert (here.version, here.clause) == (1, 1)
    label = lineage.versions[1].clauses[1].display_label()  # ("heading 2": its title block)
    assert canvas.accessibleDescription().startswith(f"{here.family}: 1998 Work Programme {label}")
    with qtbot.waitSignal(page.flow.familyChosen):
        qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert _selected_family(page, lineage) == here.family == lineage.find_family(0, 1).id


def test_the_table_selection_frames_the_family_in_the_flow(
    page: LineagePage, lineage: Lineage
) -> None:
    page.select_row(3)
    assert page.flow.canvas.selected == _selected_family(page, lineage)


def test_flow_tab_and_names_for_screen_readers(page: LineagePage) -> None:
    tabs = [page.views.tabText(k) for k in range(page.views.count())]
    assert tabs == ["Table", "Flow"]
    assert page.flow.canvas.accessibleName() == "Flow of clause families"
    assert page.flow.canvas.focusPolicy() == Qt.FocusPolicy.StrongFocus
    image = page.flow.canvas.grab().toImage()
    assert image.width() > 1000 and image.height() > 500

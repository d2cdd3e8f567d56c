"""The lineage view shaded by where each phrase came from, with its legend and sentences."""

from __future__ import annotations

from PySide6.QtCore import Qt

from clausediff.core.render.palette import LIGHT, ORIGIN_TINTS
from clausediff.gui.main_window import MainWindow
from clausediff.gui.models import CellRole


def _moratorium_row(window: MainWindow) -> int:
    m = window.lineage_page.model
    return next(r for r in range(m.rowCount()) if "customs duties" in (m.data(m.index(r, 2)) or ""))


def test_shading_names_each_phrases_version(window: MainWindow) -> None:
    page = window.lineage_page
    m = page.model
    row = _moratorium_row(window)
    newest = m.index(row, 2)
    assert m.data(newest, Qt.ItemDataRole.ToolTipRole) is None  # (shading is off at first)
    assert page.legend.isHidden()

    page.shade_origins.setChecked(True)
    assert not page.legend.isHidden()
    assert "since 1998" in page.legend.text() and "new in 2013" in page.legend.text()
    assert "possibly earlier" in page.legend.accessibleName()
    tip = m.data(newest, Qt.ItemDataRole.ToolTipRole)
    assert "“Members” since 1998" in tip
    assert "first seen in 2013, possibly earlier: the 2011 text is an excerpt" in tip
    spoken = m.data(newest, Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith(m.data(newest))  # the clause first, then where it came from
    assert "op. ¶5 — where its words came from:" in spoken
    # an older column is not shaded and says nothing more
    assert m.data(m.index(row, 0), Qt.ItemDataRole.ToolTipRole) is None

    cell = m.data(newest, CellRole)
    html = page.delegate.cell(cell, 400, LIGHT).toHtml()
    # the 1998, 2011-less and 2013 phrases on their versions' grounds, the uncertain overlined
    assert ORIGIN_TINTS["light"][0].lower() in html.lower()
    assert ORIGIN_TINTS["light"][2].lower() in html.lower()
    assert "overline" in html
    plain = page.delegate.cell(cell, 400, LIGHT).toPlainText()
    assert window.lineage.versions[2].clauses[cell.family.in_version(2)[0]].text in plain

    page.view.selectRow(row)
    history = page.history.toPlainText()
    assert "Where each phrase came from" in history
    assert "customs duties on electronic transmissions” since 1998" in history
    assert "“will maintain” first seen in 2013, possibly earlier" in history

    page.shade_origins.setChecked(False)
    assert m.data(newest, Qt.ItemDataRole.ToolTipRole) is None
    assert page.legend.isHidden()
    assert "overline" not in page.delegate.cell(cell, 400, LIGHT).toHtml()

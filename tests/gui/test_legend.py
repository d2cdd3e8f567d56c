"""The legend: every mark of the rows, painted as the rows paint it, named in words, and
readable in the light and the dark theme."""

from __future__ import annotations

from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import QLabel

from clausediff.core.compare.links import LinkKind
from clausediff.core.render.palette import DARK, LIGHT, Palette
from clausediff.gui.delegates import contrast
from clausediff.gui.legend import Sample
from clausediff.gui.main_window import MainWindow


def _samples(window: MainWindow) -> dict[str, Sample]:
    return {s.what: s for s in window.legend_dock.samples}


def test_the_legend_is_a_panel_of_the_view_menu(window: MainWindow) -> None:
    toggle = window.findChild(QAction, "actionShowLegend")
    assert toggle is not None and toggle.text() == "Legend"
    window.legend_dock.raise_()
    assert window.legend_dock.isVisible()
    toggle.trigger()
    assert not window.legend_dock.isVisible()
    toggle.trigger()
    assert window.legend_dock.isVisible()


def test_every_mark_and_kind_is_shown_and_named(window: MainWindow) -> None:
    samples = _samples(window)
    assert {"struck", "underlined", "gap", "moved away"} <= set(samples)
    assert {k.value for k in LinkKind} <= set(samples)
    words = [lab.text() for lab in window.legend_dock.findChildren(QLabel)]
    assert any("struck through" in w for w in words) and any("underlined" in w for w in words)
    assert any("hatched" in w for w in words)


def _row_html(window: MainWindow, palette: Palette) -> tuple[str, str]:
    """The older and newer cells of the 2011 → 2013 recital, as the rows draw them."""
    page = window.compare_page
    m = page.model
    row = next(r for r in range(m.rowCount()) if "Recalling" in m.data(m.index(r)))
    info, index = m.row_info(row), m.index(row)
    return page.delegate.cell_html(info, index, 0, palette), page.delegate.cell_html(
        info, index, 1, palette
    )


def _style(html: str, word: str) -> str:
    return html.split(word)[0].rsplit('<span style="', 1)[1].split('"')[0]


def test_the_samples_are_painted_as_the_rows_are(window: MainWindow) -> None:
    samples = _samples(window)
    for palette in (LIGHT, DARK):
        older, newer = _row_html(window, palette)
        assert _style(samples["struck"].html(palette), "shall") == _style(older, "Seventh")
        assert _style(samples["underlined"].html(palette), "may") == _style(newer, "Eighth")
    image = samples["gap"].grab().toImage()
    colours = {QColor(image.pixel(x, y)).name() for x in range(20) for y in range(10)}
    theme = DARK if samples["gap"].palette_shown().dark else LIGHT
    assert theme.gap_bg.lower() in colours, "the gap's ground, hatched"
    assert len(colours) >= 2


def test_the_legend_reads_in_both_themes(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.legend_dock.raise_()
    try:
        for theme in ("light", "dark"):
            window.theme_actions[theme].trigger()
            qtbot.waitUntil(
                lambda t=theme: _samples(window)["modified"].palette_shown().dark is (t == "dark")
            )
            for sample in window.legend_dock.samples:
                image = sample.grab().toImage()
                ground = sample.palette().color(QPalette.ColorRole.Window)
                best = max(
                    contrast(QColor(image.pixel(x, y)), ground)
                    for x in range(12, image.width(), 2)
                    for y in range(0, image.height(), 2)
                )
                assert best >= 3.0, (theme, sample.what, best)
    finally:
        window.theme_actions["system"].trigger()

"""The application's identity: its icon, its title bar, its About box."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import PySide6
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage, QImageReader

from clausediff import __version__
from clausediff.gui import about
from clausediff.gui.app import start_window
from clausediff.gui.icon import SIZES, app_icon, png_bytes, render, svg_bytes
from clausediff.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def test_the_icon_pngs_are_rendered_from_the_drawing(qapp) -> None:  # type: ignore[no-untyped-def]
    """packaging/render_icons.py made them; a changed SVG needs them made again."""
    svg = svg_bytes()
    for size in SIZES:
        shipped = QImage.fromData(png_bytes(size), "PNG").convertToFormat(
            QImage.Format.Format_ARGB32
        )
        drawn = render(svg, size)
        assert (shipped.width(), shipped.height()) == (size, size)
        off = sum(
            abs(shipped.pixel(x, y) - drawn.pixel(x, y)) > 0x02020202
            for y in range(size)
            for x in range(size)
        )
        assert off <= size * size // 100, f"clausediff-{size}.png is out of step with the SVG"


def test_the_icon_is_two_pages_with_a_change_bar(qapp) -> None:  # type: ignore[no-untyped-def]
    image = render(svg_bytes(), 256)
    assert image.pixelColor(0, 0).alpha() == 0  # a transparent ground
    assert image.pixelColor(160, 226).name() == "#ffffff"  # the front page
    assert image.pixelColor(40, 180).name() == "#dfe5ee"  # the page behind
    assert image.pixelColor(108, 150).name() == "#e07000"  # the change bar


def test_the_window_has_the_icon_and_names_the_compared_versions(
    qtbot, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    app, window = start_window(["WT/L/843", "WT/L/907"], settings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.compare_alignment is not None, timeout=30000)
    assert window.windowTitle() == "WT/L/843 → WT/L/907 — ClauseDiff"
    icon = app.windowIcon()
    assert not icon.isNull()
    assert sorted({s.width() for s in icon.availableSizes()}) == list(SIZES)
    assert app.desktopFileName() == "clausediff"
    window.comparer.wait()
    window.lineage_comparer.wait()


def test_the_title_follows_the_pair(window: MainWindow) -> None:
    assert window.windowTitle() == "WT/L/843 → WT/L/907 — ClauseDiff"
    names = [d.info.symbols[0] for d in window.library.documents]
    window.set_pair(names.index("WT/MIN(98)/DEC/2"), names.index("WT/L/274"))
    assert window.windowTitle() == "WT/MIN(98)/DEC/2 → WT/L/274 — ClauseDiff"


def test_about_gives_the_version_and_what_it_runs_on(qapp) -> None:  # type: ignore[no-untyped-def]
    lines = about.text().splitlines()
    assert lines[0] == f"ClauseDiff {__version__}"
    assert f"PySide6 {PySide6.__version__}" in lines[1] and "offline" in lines[1]
    assert any(line.startswith("• WT/L/843 (2011-12-17)") for line in lines)
    assert not app_icon().pixmap(64, 64).isNull()


def test_the_desktop_file_starts_the_window_with_the_icon() -> None:
    lines = (ROOT / "packaging" / "clausediff.desktop").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    desktop = dict(line.split("=", 1) for line in lines[1:] if line and not line.startswith("#"))
    assert desktop["Type"] == "Application" and desktop["Name"] == "ClauseDiff"
    assert desktop["Exec"] == "clausediff-app %F"
    assert desktop["Icon"] == "clausediff"  # (the name setDesktopFileName gives Wayland)
    assert desktop["Terminal"] == "false"
    assert desktop["Categories"].endswith(";")
    assert "text/plain" in desktop["MimeType"] and "application/pdf" in desktop["MimeType"]
    if shutil.which("desktop-file-validate"):  # (desktop-file-utils, where installed)
        path = ROOT / "packaging" / "clausediff.desktop"
        checked = subprocess.run(
            ["desktop-file-validate", str(path)], capture_output=True, text=True, check=False
        )
        assert checked.returncode == 0 and checked.stdout == "", checked.stdout


def _packaging_icons():  # type: ignore[no-untyped-def]
    """packaging/icons.py, which the spec file runs at build time (it is not a package)."""
    spec = importlib.util.spec_from_file_location("icons", ROOT / "packaging" / "icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _frames(path: Path, fmt: bytes) -> list[tuple[int, int]]:
    reader = QImageReader(str(path), fmt)
    sizes = []
    for n in range(reader.imageCount()):
        reader.jumpToImage(n)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        sizes.append((image.width(), image.height()))
    return sizes


def test_the_bundles_ico_and_icns_hold_every_size(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Windows' .ico and macOS' .icns, made from the PNGs at build time, read back by Qt."""
    icons = _packaging_icons()
    pngs = icons.read_pngs(ROOT / "resources" / "icons")
    assert sorted(pngs) == list(SIZES)
    ico = icons.write_ico(pngs, tmp_path / "clausediff.ico")
    assert sorted(_frames(ico, b"ico")) == [(s, s) for s in SIZES if s <= 256]
    icns = icons.write_icns(pngs, tmp_path / "clausediff.icns")
    assert sorted(_frames(icns, b"icns")) == [(s, s) for s in (16, 32, 64, 128, 256, 512)]

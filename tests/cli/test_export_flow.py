"""``clausediff export … --format svg|png`` and the picture in the HTML lineage export."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtGui import QImage

from clausediff.cli import main

VERSIONS = ["bundled:WT/MIN(98)/DEC/2", "bundled:WT/L/274", "bundled:WT/L/843", "bundled:WT/L/907"]
SVG = "{http://www.w3.org/2000/svg}"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """The command in a process of its own (it makes its own offscreen Qt application)."""
    return subprocess.run(
        [sys.executable, "-m", "clausediff", *args], capture_output=True, text=True, timeout=120
    )


def test_export_svg_names_every_family(tmp_path: Path) -> None:
    out = tmp_path / "flow.svg"
    assert main(["export", *VERSIONS, "--format", "svg", "-o", str(out)]) == 0
    root = ET.parse(out).getroot()
    titles = " ".join(t.text or "" for t in root.iter(f"{SVG}title"))
    assert all(f"f{n}: " in titles for n in range(1, 18))
    texts = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert "That Members will" in texts and "2013 Bali Decision" in texts


def test_export_png_is_drawn_by_qt(tmp_path: Path) -> None:
    out = tmp_path / "flow.png"
    assert run("export", *VERSIONS, "--format", "png", "-o", str(out)).returncode == 0
    image = QImage(str(out))
    assert image.width() > 2000 and image.height() > 1000  # (drawn at twice the layout)


def test_html_lineage_export_holds_the_picture_inline(tmp_path: Path) -> None:
    out = tmp_path / "lineage.html"
    assert main(["export", *VERSIONS, "--format", "html", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    start, end = page.index("<svg "), page.index("</svg>") + len("</svg>")
    ET.fromstring(page[start:end])
    assert page.index("Flow of clause families") < start < page.index("Clause families")


def test_pdf_draws_the_picture_not_its_words(tmp_path: Path) -> None:
    """Qt's rich text would print an inline SVG's words loose on the page; the PDF draws
    the picture as an image instead."""
    out = tmp_path / "lineage.pdf"
    assert run("export", *VERSIONS, "--format", "pdf", "-o", str(out)).returncode == 0
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(out).pages)
    assert "Flow of clause families" in text
    assert "may be in the missing text" not in text
    assert "customs duties on electronic transmissions" in text  # (the table's text stays)

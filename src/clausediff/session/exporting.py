"""One export dispatch for the command line and the window.

Contract: :func:`export` writes a comparison (two versions) or a lineage (more) in one of
:data:`FORMATS`, with the notes placed on it if given. HTML and CSV are written by
:mod:`clausediff.core.render.export`, the Word redline (``docx``: the newer text with the
changes as tracked changes, Accept All and Reject All giving either version back) by
:mod:`clausediff.core.render.docx_redline`, the Word report (``docx-report``: what was found,
a paragraph a link) by :mod:`clausediff.core.render.docx_report`, the flow picture of the
families (``svg``) by :mod:`clausediff.core.render.flow_svg`; a PDF and a PNG are drawn by
Qt, so the caller passes the function that draws them (the window's printing module, its
flow painter), and the session never imports Qt.
An export that cannot be written raises :class:`ClauseDiffError` with the reason, and leaves
no half-written file under the name asked for.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

from clausediff.core.compare.lineage import Lineage
from clausediff.core.errors import ClauseDiffError
from clausediff.core.render.docx_redline import export_docx
from clausediff.core.render.docx_report import export_docx_report
from clausediff.core.render.export import export_csv, export_html
from clausediff.core.render.flow_svg import flow_svg_file
from clausediff.core.store.review import PlacedNote

#: The formats, with the words a file dialog shows for each.
FORMATS: Mapping[str, str] = MappingProxyType(
    {
        "html": "Web page (*.html)",
        "pdf": "PDF (*.pdf)",
        "docx": "Word redline: the newer text, changes tracked (*.docx)",
        "docx-report": "Word report: findings clause by clause (*.docx)",
        "csv": "Lineage table (*.csv)",
        "svg": "Flow picture of the clause families (*.svg)",
        "png": "Flow picture of the clause families, image (*.png)",
    }
)
PAGE_SIZES = ("a4", "letter")

#: ``pdf(lineage, path, notes, page_size)``: draws the PDF (Qt's job).
PdfWriter = Callable[[Lineage, Path, Sequence[PlacedNote] | None, str], None]
#: ``png(lineage, path, notes)``: draws the flow picture as PNG (Qt's job, like the PDF).
PngWriter = Callable[[Lineage, Path, Sequence[PlacedNote] | None], None]


class ExportError(ClauseDiffError):
    """An export could not be written."""


def format_of(path: Path, chosen: str = "") -> str:
    """The format a dialog's choice (its words) or else the file's suffix names."""
    for fmt, words in FORMATS.items():
        if chosen == words:
            return fmt
    return path.suffix.lstrip(".").lower()


def export(
    lineage: Lineage,
    path: Path,
    fmt: str,
    notes: Sequence[PlacedNote] | None = None,
    *,
    pdf: PdfWriter | None = None,
    page_size: str = "a4",
    png: PngWriter | None = None,
) -> None:
    """Write the export; see the module contract."""
    path = Path(path)
    if fmt not in FORMATS:
        raise ExportError(f"ClauseDiff cannot export {fmt!r}; choose one of {', '.join(FORMATS)}.")
    if fmt == "pdf" and pdf is None:
        raise ExportError("A PDF needs the window's printing; use HTML, Word or CSV here.")
    if fmt == "png" and png is None:
        raise ExportError("A PNG needs Qt's drawing; use SVG for the flow picture here.")
    # written beside the target, then moved over it: an error leaves the old file whole
    temp = path.with_name(f".{path.name}.{os.getpid()}.part")
    if len(os.fsencode(temp.name)) > 255:  # (a long name: the temporary one stays short)
        temp = path.with_name(f".clausediff-export.{os.getpid()}.part")
    try:
        if fmt == "html":
            temp.write_text(export_html(lineage, notes), encoding="utf-8")
        elif fmt == "csv":
            temp.write_text(export_csv(lineage, notes), encoding="utf-8-sig", newline="")
        elif fmt == "docx":
            export_docx(lineage, temp, notes)
        elif fmt == "docx-report":
            export_docx_report(lineage, temp, notes)
        elif fmt == "svg":
            temp.write_text(flow_svg_file(lineage), encoding="utf-8")
        elif fmt == "png":
            assert png is not None
            png(lineage, temp, notes)
        else:
            assert pdf is not None
            pdf(lineage, temp, notes, page_size)
        temp.replace(path)
    except OSError as exc:
        raise ExportError(f"{path.name} could not be written ({exc.strerror or exc}).") from None
    except ClauseDiffError:
        raise
    except Exception as exc:  # a writer's own failure: said, never a crash
        raise ExportError(f"{path.name} could not be written ({exc}).") from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()

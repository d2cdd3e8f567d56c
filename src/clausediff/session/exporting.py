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

:func:`target_of` settles a save dialog's answer: the format follows the filter chosen and
the file's suffix agrees with it (added when missing); a typed suffix that names another
format is returned beside it, for the window to ask which was meant. A file named ``.pdf``
always holds a PDF. :func:`page_size_for` is the paper a country uses (Letter in the United
States, Canada and the countries that follow them, A4 elsewhere): the window's default.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
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
#: What each format is called in a sentence.
FORMAT_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "html": "a web page",
        "pdf": "a PDF",
        "docx": "a Word redline",
        "docx-report": "a Word report",
        "csv": "a lineage table (CSV)",
    }
)
#: The suffix of each format's file.
SUFFIXES: Mapping[str, str] = MappingProxyType(
    {"html": ".html", "pdf": ".pdf", "docx": ".docx", "docx-report": ".docx", "csv": ".csv"}
)
#: The format a typed suffix names (a ``.docx`` is the redline unless the report is chosen).
SUFFIX_FORMATS: Mapping[str, str] = MappingProxyType(
    {".html": "html", ".htm": "html", ".pdf": "pdf", ".docx": "docx", ".csv": "csv"}
)
PAGE_SIZES = ("a4", "letter")
#: The page size of the command line, unless ``--page`` says otherwise.
DEFAULT_PAGE_SIZE = "a4"
#: Countries (ISO 3166 codes) whose paper is Letter; every other country uses A4.
LETTER_COUNTRIES = frozenset(
    ("US", "CA", "MX", "PR", "GU", "VI", "AS", "MP", "UM", "PH", "CL", "CO", "VE", "CR", "GT",
     "PA", "DO", "SV", "NI", "BZ", "HN", "BO")
)  # fmt: skip

#: ``pdf(lineage, path, notes, page_size)``: draws the PDF (Qt's job).
PdfWriter = Callable[[Lineage, Path, Sequence[PlacedNote] | None, str], None]
#: ``png(lineage, path, notes)``: draws the flow picture as PNG (Qt's job, like the PDF).
PngWriter = Callable[[Lineage, Path, Sequence[PlacedNote] | None], None]


class ExportError(ClauseDiffError):
    """An export could not be written."""


def page_size_for(country: str) -> str:
    """The paper of a country (its ISO 3166 code): ``"letter"`` or ``"a4"``."""
    return "letter" if country.upper() in LETTER_COUNTRIES else "a4"


def format_of(path: Path, chosen: str = "") -> str:
    """The format a dialog's choice (its words) or else the file's suffix names."""
    for fmt, words in FORMATS.items():
        if chosen == words:
            return fmt
    return SUFFIX_FORMATS.get(path.suffix.lower(), path.suffix.lstrip(".").lower())


@dataclass(frozen=True, slots=True)
class Target:
    """Where an export goes and in which format; ``typed`` is the other reading of a save
    dialog's answer when the suffix typed names another format than the filter chosen."""

    path: Path
    fmt: str
    typed: Target | None = None


def _with_suffix(path: Path, fmt: str) -> Path:
    suffix = SUFFIXES[fmt]
    if path.suffix.lower() == suffix or (fmt == "html" and path.suffix.lower() == ".htm"):
        return path
    if path.suffix.lower() in SUFFIX_FORMATS:  # another format's suffix: replaced
        return path.with_suffix(suffix)
    return path.with_name(path.name.rstrip(".") + suffix)  # none (or "x.v2"): added


def target_of(path: Path, chosen: str = "") -> Target:
    """A save dialog's answer (the path typed, the filter's words) as a :class:`Target`:
    the format of the filter, the file named with its suffix; a suffix typed that names
    another format is kept as ``typed``. Without a filter, the suffix names the format
    (a web page if it names none)."""
    path = Path(path)
    by_filter = next((fmt for fmt, words in FORMATS.items() if words == chosen), None)
    by_suffix = SUFFIX_FORMATS.get(path.suffix.lower())
    if by_filter is None:
        fmt = by_suffix or "html"
        return Target(_with_suffix(path, fmt), fmt)
    if by_suffix is None or SUFFIXES[by_suffix] == SUFFIXES[by_filter]:
        return Target(_with_suffix(path, by_filter), by_filter)
    return Target(_with_suffix(path, by_filter), by_filter, typed=Target(path, by_suffix))


def export(
    lineage: Lineage,
    path: Path,
    fmt: str,
    notes: Sequence[PlacedNote] | None = None,
    *,
    pdf: PdfWriter | None = None,
    page_size: str = DEFAULT_PAGE_SIZE,
    png: PngWriter | None = None,
) -> None:
    """Write the export on pages of ``page_size`` (PDF and Word); see the module contract."""
    path = Path(path)
    if fmt not in FORMATS:
        raise ExportError(f"ClauseDiff cannot export {fmt!r}; choose one of {', '.join(FORMATS)}.")
    if fmt == "pdf" and pdf is None:
        raise ExportError("A PDF needs the window's printing; use HTML, Word or CSV here.")
    if fmt == "png" and png is None:
        raise ExportError("A PNG needs Qt's drawing; use SVG for the flow picture here.")
    if page_size not in PAGE_SIZES:
        raise ExportError(
            f"ClauseDiff knows the page sizes {', '.join(PAGE_SIZES)}, not {page_size!r}."
        )
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
            export_docx(lineage, temp, notes, page_size=page_size)
        elif fmt == "docx-report":
            export_docx_report(lineage, temp, notes, page_size=page_size)
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

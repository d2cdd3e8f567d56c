"""Reading PDF files: the text of the decision, without page furniture.

Contract: :func:`read_pdf` returns an :class:`Extracted` with the paragraphs of the PDF,
separated by blank lines, or raises :class:`UnreadableFileError`. The PDF is parsed with
pypdf in a separate process (``python -m clausediff.core.pdfread``) with a time limit and,
where the system allows, a memory limit: a hostile or broken file can make that process
fail or be stopped, never the application.

From the positioned text of each page it:

- groups fragments into lines by their baseline, and splits a line where a wide horizontal
  gap separates two columns (the two sides of a WTO header block);
- drops running headers and footers (a line at the top or bottom of most pages, digits
  aside) and page numbers ("- 2 -", "Page 2", "Page: 2/5", "2");
- starts a paragraph after a vertical gap wider than the usual line spacing, at a line that
  opens with a paragraph label, and across a page break only where the text before ends a
  clause;
- joins the lines of a paragraph with a space, rejoins a word hyphenated at a line end
  ("elec-" + "tronic") unless the hyphen belongs there ("e-" + "commerce", or a hyphenated
  form found elsewhere in the document), and rejoins a symbol broken after a slash
  ("WT/L/" + "274");
- expands typographic ligatures (ﬁ, ﬂ) that PDF fonts use for "fi" and "fl".

The WTO header block on the first page stays one line to a paragraph, so that
:mod:`clausediff.core.wto` can recognise it.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
import statistics
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from clausediff.core.errors import UnreadableFileError
from clausediff.core.extracted import Extracted

#: Limits for a PDF (documented in the README).
MAX_PDF_PAGES = 2000
PDF_TIMEOUT_SECONDS = 60
PDF_MEMORY_BYTES = 1536 * 1024 * 1024

_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb06": "st",
    }
)
_PAGE_NUMBER_RE = re.compile(
    r"(?:-\s*\d+\s*-|page\s*:?\s*\d+(?:\s*(?:/|of)\s*\d+)?|\d{1,4})", re.IGNORECASE
)
_LABEL_START_RE = re.compile(r"(?:\d{1,3}(?:\.\d{1,3})*\.?|\([a-z]{1,4}\)|\(\d{1,3}\)|[a-z]\))\s")


@dataclass(frozen=True, slots=True)
class Fragment:
    x: float
    y: float
    size: float
    text: str


@dataclass(slots=True)
class _Line:
    page: int
    y: float
    x: float
    size: float
    text: str


# --------------------------------------------------------------------------- in the child


def _fragments(path: str) -> list[list[Fragment]]:
    from pypdf import PdfReader

    reader = PdfReader(path, strict=False)
    if reader.is_encrypted:
        try:
            ok = bool(reader.decrypt(""))
        except Exception:
            ok = False
        if not ok:
            raise UnreadableFileError(
                "The PDF is encrypted with a password; save an unprotected copy to compare it."
            )
    if len(reader.pages) > MAX_PDF_PAGES:
        raise UnreadableFileError(
            f"The PDF has {len(reader.pages):,} pages; ClauseDiff reads at most {MAX_PDF_PAGES:,}."
        )
    pages = []
    for page in reader.pages:
        frags: list[Fragment] = []

        def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
            if text and text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                scale = abs(tm[3] * cm[3]) or 1.0
                frags.append(Fragment(x, y, (size or 10.0) * scale, text))  # noqa: B023

        page.extract_text(visitor_text=visit)
        pages.append(frags)
    return pages


def _child(path: str) -> int:
    try:
        pages = _fragments(path)
        text = assemble(pages)
    except UnreadableFileError as exc:
        print(json.dumps({"error": str(exc)}))
        return 0
    except Exception as exc:  # pypdf on a broken file can raise anything
        print(json.dumps({"error": f"The PDF is damaged or not a PDF ({type(exc).__name__})."}))
        return 0
    print(json.dumps({"text": text}))
    return 0


# --------------------------------------------------------------------------- in the parent


def read_pdf(path: Path, *, timeout: float = PDF_TIMEOUT_SECONDS) -> Extracted:
    """Read a PDF in a separate, limited process; see the module contract."""
    try:
        head = path.read_bytes()[:1024]
    except OSError as exc:
        raise UnreadableFileError(f"{path.name}: {exc.strerror or exc}") from None
    if b"%PDF-" not in head:
        raise UnreadableFileError(f"{path.name} is not a PDF file (no PDF header).")
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "SYSTEMROOT", "TMP", "TEMP")}
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    try:
        proc = subprocess.run(
            [sys.executable, "-I", "-c", _BOOT, str(path)],
            capture_output=True,
            timeout=timeout,
            env=env,
            preexec_fn=_limit_child if os.name == "posix" else None,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise UnreadableFileError(
            f"Reading {path.name} took longer than {timeout:.0f} seconds; it was stopped."
        ) from None
    try:
        result = json.loads(proc.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise UnreadableFileError(
            f"{path.name} could not be read as a PDF (the reader stopped: exit status "
            f"{proc.returncode})."
        ) from None
    if "error" in result:
        raise UnreadableFileError(f"{path.name}: {result['error']}")
    text = str(result["text"])
    if not text.strip():
        raise UnreadableFileError(
            f"{path.name} has no text to read (a scanned PDF holds only images of pages)."
        )
    return Extracted(text=text, format="pdf")


# ``-I`` (isolated mode) drops PYTHONPATH; the boot line puts the parent's path back.
_BOOT = (
    "import os, sys; sys.path[:0] = [p for p in os.environ.get('PYTHONPATH', '').split("
    "os.pathsep) if p]; from clausediff.core.pdfread import _child; sys.exit(_child(sys.argv[1]))"
)


def _limit_child() -> None:  # pragma: no cover - runs in the child
    import resource

    for limit, value in (
        (resource.RLIMIT_AS, PDF_MEMORY_BYTES),
        (resource.RLIMIT_CPU, PDF_TIMEOUT_SECONDS),
    ):
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(limit, (value, value))


# --------------------------------------------------------------------------- assembling text


def _lines(pages: list[list[Fragment]]) -> list[list[_Line]]:
    out = []
    for number, frags in enumerate(pages):
        rows: list[list[Fragment]] = []
        for f in sorted(frags, key=lambda f: (-round(f.y, 1), f.x)):
            if rows and abs(rows[-1][0].y - f.y) <= max(1.0, 0.4 * f.size):
                rows[-1].append(f)
            else:
                rows.append([f])
        lines: list[_Line] = []
        for row in rows:
            row.sort(key=lambda f: f.x)
            parts: list[list[Fragment]] = [[row[0]]]
            for f in row[1:]:
                prev = parts[-1][-1]
                approx_end = prev.x + 0.5 * prev.size * len(prev.text)
                if f.x - approx_end > 4 * max(prev.size, f.size):
                    parts.append([f])  # a separate column
                else:
                    parts[-1].append(f)
            for part in parts:
                text = " ".join(_clean(f.text) for f in part)
                text = re.sub(r"[ \t]+", " ", text).strip()
                if text:
                    lines.append(_Line(number, part[0].y, part[0].x, part[0].size, text))
        out.append(lines)
    return out


def _clean(text: str) -> str:
    return text.translate(_LIGATURES).replace("\t", " ").replace("\n", " ")


def _running(pages: list[list[_Line]]) -> set[tuple[int, int]]:
    """(page, line index) of running headers, footers and page numbers."""
    drop: set[tuple[int, int]] = set()
    if not pages:
        return drop
    edges: Counter[str] = Counter()
    for lines in pages:
        seen = set()
        for line in lines[:2] + lines[-2:]:
            key = re.sub(r"\d+", "#", line.text.casefold())
            if key not in seen:
                seen.add(key)
                edges[key] += 1
    repeated = {k for k, n in edges.items() if len(pages) >= 2 and n >= max(2, len(pages) // 2)}
    for p, lines in enumerate(pages):
        for k, line in enumerate(lines):
            at_edge = k < 2 or k >= len(lines) - 2
            if not at_edge:
                continue
            key = re.sub(r"\d+", "#", line.text.casefold())
            if key in repeated or _PAGE_NUMBER_RE.fullmatch(line.text.strip()):
                drop.add((p, k))
    return drop


def assemble(pages: list[list[Fragment]]) -> str:
    """Paragraphs from positioned fragments; see the module contract."""
    from clausediff.core.wto import _is_header_line

    by_page = _lines(pages)
    drop = _running(by_page)
    lines = [
        line for p, page in enumerate(by_page) for k, line in enumerate(page) if (p, k) not in drop
    ]
    if not lines:
        return ""
    # the WTO header block at the top of the first page: one line to a paragraph
    n_header = 0
    while n_header < len(lines) and lines[n_header].page == 0 and n_header < 40:
        if not _is_header_line(lines[n_header].text):
            break
        n_header += 1
    steps = [
        a.y - b.y
        for a, b in itertools.pairwise(lines)
        if a.page == b.page and 0 < a.y - b.y < 3 * a.size
    ]
    step = statistics.median(steps) if steps else 14.0
    all_text = " ".join(line.text for line in lines)
    paragraphs: list[str] = [line.text for line in lines[:n_header]]
    current = ""
    prev: _Line | None = None
    for line in lines[n_header:]:
        new_paragraph = prev is None
        if prev is not None:
            if line.page != prev.page:
                new_paragraph = bool(_LABEL_START_RE.match(line.text)) or (
                    current.rstrip().endswith((".", ":", ";", ","))
                    and line.text[:1].isupper()
                    and not current.rstrip().endswith((" No.", " para.", " Art."))
                )
            else:
                gap = prev.y - line.y
                new_paragraph = gap > 1.45 * step or bool(_LABEL_START_RE.match(line.text))
        if new_paragraph:
            if current:
                paragraphs.append(current)
            current = line.text
        else:
            current = _join(current, line.text, all_text)
        prev = line
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs) + "\n"


def _join(before: str, after: str, all_text: str) -> str:
    if before.endswith("-") and after[:1].islower():
        m = re.search(r"(\w+)-$", before)
        prefix = m.group(1) if m else ""
        first = re.match(r"\w+", after)
        rest = first.group() if first else ""
        keep = len(prefix) < 2 or f"{prefix}-{rest}" in all_text.replace(f"{prefix}- {rest}", "")
        return before + after if keep else before[:-1] + after
    if before.endswith("/"):
        return before + after  # a symbol broken after a slash: WT/L/ + 274
    return before + " " + after


if __name__ == "__main__":  # pragma: no cover
    sys.exit(_child(sys.argv[1]))

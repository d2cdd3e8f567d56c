"""Reading PDF files: the text of the decision, without page furniture.

Contract: :func:`read_pdf` takes the bytes of a PDF and returns an :class:`Extracted` with
its paragraphs, separated by blank lines, or raises :class:`UnreadableFileError` with a
message that does not name the file (the caller does). The PDF is parsed with pypdf in a
separate process, which gets the bytes on its standard input (never a path), with a time
limit and, where the system allows, a memory and processor-time limit: a hostile or broken
file can make that process fail or be stopped, never the application. A PDF whose pages
hold no text at all is called scanned; one whose only text is page furniture is told so.

From the text of each page as pypdf lays it out (lines in place, a blank line where the page
leaves vertical space, columns apart) it:

- splits a header line where a wide gap separates two columns (the two sides of a WTO
  header block);
- drops running headers and footers (a line at the top or bottom of most pages, digits
  aside) and page numbers ("- 2 -", "Page 2", "Page: 2/5", "2");
- keeps a rule line ("__________", "* * *") a paragraph of its own, which the segmenter
  takes as decoration, never clause text;
- starts a paragraph after a blank line (after two, on a page spaced out throughout), at a
  line that opens with a paragraph label, and across a page break only where the text
  before ends a clause;
- joins the lines of a paragraph with a space; rejoins a word hyphenated at a line end
  ("elec-" + "tronic") unless the hyphen belongs there: the hyphenated form is found
  elsewhere in the document, or the first part is a prefix English writes with a hyphen
  ("non-" + "discrimination", "e-" + "commerce"); rejoins a symbol broken after a slash
  ("WT/L/" + "274");
- expands typographic ligatures (ﬁ, ﬂ) that PDF fonts use for "fi" and "fl".

The WTO header block on the first page stays one line to a paragraph, so that
:mod:`clausediff.core.read.wto` can recognise it.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import signal
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass

from clausediff.core.errors import UnreadableFileError
from clausediff.core.read.extracted import Extracted
from clausediff.core.text.blocks import is_rule

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


@dataclass(slots=True)
class _Line:
    page: int
    gap_before: int  # blank lines above it on its page
    text: str


# --------------------------------------------------------------------------- in the child


def _page_texts(data: bytes) -> list[str]:
    """Each page's text laid out as on the page (pypdf's layout mode): lines in place,
    columns apart, a blank line where the page leaves vertical space."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data), strict=False)
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
    return [page.extract_text(extraction_mode="layout") for page in reader.pages]


def _child(memory: int = PDF_MEMORY_BYTES) -> int:
    """Read the PDF's bytes from standard input and print its text (or why not) as JSON."""
    _limit_child(memory)  # the child limits itself: no preexec_fn in a threaded parent
    try:
        pages = _page_texts(sys.stdin.buffer.read())
        found = sum(len(page.split()) for page in pages)  # (words pypdf found at all)
        text = assemble(pages)
    except UnreadableFileError as exc:
        print(json.dumps({"error": str(exc)}))
        return 0
    except MemoryError:
        print(json.dumps({"error": _memory(memory)}))
        return 0
    except RecursionError:
        print(json.dumps({"error": "The PDF is nested too deeply to be read (it is damaged)."}))
        return 0
    except Exception as exc:  # pypdf on a broken file can raise anything
        if _out_of_memory(exc):  # (a MemoryError that became another error on its way out)
            print(json.dumps({"error": _memory(memory)}))
        else:
            print(json.dumps({"error": f"The PDF is damaged or not a PDF ({type(exc).__name__})."}))
        return 0
    print(json.dumps({"text": text, "words": found}))
    return 0


def _out_of_memory(exc: BaseException) -> bool:
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        if isinstance(cur, MemoryError):
            return True
        seen.add(id(cur))
        cur = cur.__cause__ or cur.__context__
    return False


def _memory(limit: int) -> str:
    return (
        f"Reading the PDF needs more than {limit // 2**20:,} MB of memory, the most ClauseDiff "
        "gives it; it was stopped (the PDF may be very large, or built to exhaust readers)."
    )


# --------------------------------------------------------------------------- in the parent


def read_pdf(
    data: bytes, *, timeout: float = PDF_TIMEOUT_SECONDS, memory: int = PDF_MEMORY_BYTES
) -> Extracted:
    """Read the bytes of a PDF in a separate, limited process; see the module contract.

    The child gets the bytes on its standard input, never a path: it reads exactly what
    the parent read. ``timeout``: seconds of wall time (and of processor time, where the
    system limits it); ``memory``: bytes of address space. Messages do not name the file
    (the caller does).
    """
    if b"%PDF-" not in data[:1024]:
        raise UnreadableFileError("The file is not a PDF (it has no PDF header).")
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "SYSTEMROOT", "TMP", "TEMP")}
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    try:
        proc = subprocess.run(
            [sys.executable, "-I", "-c", _BOOT, str(memory)],
            input=data,
            capture_output=True,
            timeout=timeout,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise UnreadableFileError(
            f"Reading the PDF took longer than {timeout:.0f} seconds; it was stopped (a PDF "
            "this long can be saved as Word or as text and read that way)."
        ) from None
    try:
        result = json.loads(proc.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise UnreadableFileError(_stopped(proc.returncode, proc.stderr, memory)) from None
    if "error" in result:
        raise UnreadableFileError(str(result["error"]))
    text = str(result["text"])
    if not text.strip():
        if int(result.get("words", 0)):
            raise UnreadableFileError(
                "The PDF's only text is page furniture (the same lines at the top or bottom "
                "of every page, page numbers): it holds no decision text."
            )
        raise UnreadableFileError(
            "The PDF has no text to read (a scanned PDF holds only images of pages)."
        )
    return Extracted(text=text, format="pdf")


def _stopped(status: int, stderr: bytes, memory: int) -> str:
    """Why the reading process ended without an answer, in the user's terms."""
    cpu = [-getattr(signal, n) for n in ("SIGXCPU", "SIGKILL") if hasattr(signal, n)]
    if status in cpu:
        return (
            f"Reading the PDF took more than {PDF_TIMEOUT_SECONDS} seconds of processor time; "
            "it was stopped."
        )
    if b"MemoryError" in stderr:
        return _memory(memory)
    return f"The PDF could not be read: the reading process stopped (exit status {status})."


# ``-I`` (isolated mode) drops PYTHONPATH; the boot line puts the parent's path back.
_BOOT = (
    "import os, sys; sys.path[:0] = [p for p in os.environ.get('PYTHONPATH', '').split("
    "os.pathsep) if p]; from clausediff.core.read.pdf import _child; "
    "sys.exit(_child(int(sys.argv[1])))"
)


def _limit_child(memory: int) -> None:  # pragma: no cover - runs in the child
    try:
        import resource
    except ImportError:  # not on this system (Windows): the parent's time limit remains
        return

    for limit, value in (
        (resource.RLIMIT_AS, memory),
        (resource.RLIMIT_CPU, PDF_TIMEOUT_SECONDS),
    ):
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(limit, (value, value))


# --------------------------------------------------------------------------- assembling text


_COLUMN_GAP = re.compile(r" {6,}")


def _lines(pages: list[str]) -> list[list[_Line]]:
    """Non-blank lines per page; ``gap_before`` counts the blank lines above each."""
    out = []
    for number, page in enumerate(pages):
        lines: list[_Line] = []
        blanks = 0
        for raw in _clean(page).splitlines():
            if not raw.strip():
                blanks += 1
                continue
            lines.append(_Line(number, blanks, raw))
            blanks = 0
        out.append(lines)
    return out


def _clean(text: str) -> str:
    return text.translate(_LIGATURES).replace("\t", " ")


def _running(pages: list[list[_Line]]) -> set[tuple[int, int]]:
    """(page, line index) of running headers, footers and page numbers."""
    drop: set[tuple[int, int]] = set()
    edges: Counter[str] = Counter()
    for lines in pages:
        seen = set()
        for line in lines[:2] + lines[-2:]:
            key = re.sub(r"\d+", "#", " ".join(line.text.split()).casefold())
            if key not in seen:
                seen.add(key)
                edges[key] += 1
    repeated = {k for k, n in edges.items() if len(pages) >= 2 and n >= max(2, len(pages) // 2)}
    for p, lines in enumerate(pages):
        for k, line in enumerate(lines):
            if not (k < 2 or k >= len(lines) - 2):
                continue
            flat = " ".join(line.text.split())
            key = re.sub(r"\d+", "#", flat.casefold())
            if key in repeated or _PAGE_NUMBER_RE.fullmatch(flat):
                drop.add((p, k))
    return drop


def assemble(pages: list[str]) -> str:
    """Paragraphs from the laid-out text of each page; see the module contract."""
    from clausediff.core.read.wto import _is_header_line

    by_page = _lines(pages)
    drop = _running(by_page)
    kept = [
        line for p, page in enumerate(by_page) for k, line in enumerate(page) if (p, k) not in drop
    ]
    if not kept:
        return ""
    # the WTO header block at the top of the first page: each column of each line its own
    # paragraph, for as long as the lines are header furniture
    paragraphs: list[str] = []
    n_header = 0
    while n_header < len(kept) and kept[n_header].page == 0 and n_header < 40:
        cells = [c.strip() for c in _COLUMN_GAP.split(kept[n_header].text) if c.strip()]
        if not cells or not all(_is_header_line(c) for c in cells):
            break
        paragraphs.extend(cells)
        n_header += 1
    body = kept[n_header:]
    # Blank lines mark paragraphs, unless the page is spaced out throughout (then only
    # wider gaps do).
    spaced = sum(1 for line in body[1:] if line.gap_before) / max(1, len(body) - 1)
    threshold = 2 if spaced > 0.7 and len(body) >= 6 else 1
    all_text = " ".join(" ".join(line.text.split()) for line in body)
    current = ""
    prev: _Line | None = None
    prev_rule = False
    for line in body:
        text = " ".join(line.text.split())
        rule = is_rule(text)
        if prev is None or rule or prev_rule:  # (a rule is a paragraph of its own)
            new_paragraph = True
        elif line.page != prev.page:
            new_paragraph = bool(_LABEL_START_RE.match(text)) or (
                current.endswith((".", ":", ";", ","))
                and text[:1].isupper()
                and not current.endswith((" No.", " para.", " Art."))
            )
        else:
            new_paragraph = line.gap_before >= threshold or bool(_LABEL_START_RE.match(text))
        if new_paragraph:
            if current:
                paragraphs.append(current)
            current = text
        else:
            current = _join(current, text, all_text)
        prev, prev_rule = line, rule
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs) + "\n"


#: Prefixes written with a hyphen in English ("non-discrimination", "e-commerce"): a line
#: that ends in one of them keeps its hyphen.
_HYPHEN_PREFIXES = frozenset((
    "all", "anti", "co", "counter", "cross", "e", "ex", "full", "half", "high", "inter",
    "least", "long", "low", "mid", "more", "most", "multi", "non", "over", "part", "post",
    "pre", "pro", "quasi", "re", "self", "semi", "short", "so", "sub", "super", "trans",
    "under", "well",
))  # fmt: skip


def _join(before: str, after: str, all_text: str) -> str:
    if before.endswith("\u00ad"):  # a soft hyphen: the word was only broken for the line
        return before[:-1] + after
    if before.endswith("-") and after[:1].islower():
        m = re.search(r"(\w+)-$", before)
        prefix = m.group(1) if m else ""
        first = re.match(r"\w+", after)
        rest = first.group() if first else ""
        elsewhere = all_text.replace(f"{prefix}- {rest}", "")
        if f"{prefix}-{rest}" in elsewhere:
            keep = True
        elif re.search(rf"\b{re.escape(prefix + rest)}\b", elsewhere):
            keep = False
        else:
            keep = len(prefix) < 2 or prefix.casefold() in _HYPHEN_PREFIXES
        return before + after if keep else before[:-1] + after
    if before.endswith("/"):
        return before + after  # a symbol broken after a slash: WT/L/ + 274
    return before + " " + after


if __name__ == "__main__":  # pragma: no cover
    sys.exit(_child())

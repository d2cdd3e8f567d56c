"""Every hostile or broken file is refused with a clear message, in bounded time and memory,
by the readers and by the command line (exit status 2, one line, no traceback)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from clausediff.core.errors import ClauseDiffError
from clausediff.core.read.files import MAX_FILE_BYTES, load_file
from support.hostile import (
    billion_laughs,
    encrypted_pdf,
    external_entity,
    small_pdf_bytes,
    zip_bomb,
)

SECRET = "TOP-SECRET-NEGOTIATING-POSITION-4711"


def _cases(tmp: Path) -> dict[str, tuple[Path, str]]:
    """name: (file, words the message must contain)."""
    cases: dict[str, tuple[bytes | None, str, str]] = {
        "empty": (b"", "empty.txt", "empty"),
        "whitespace only": (b" \n\t\n  ", "blank.txt", "empty"),
        "binary junk": (bytes(range(1, 32)) * 200 + b"\xff\xfe\x00", "junk.txt", "NUL"),
        "control characters": (b"Members\x01\x02\x03\x04 shall\x05\x06" * 50, "ctl.txt", "binary"),
        "NUL bytes": (b"Members shall\x00 notify", "nul.txt", "NUL"),
        "5 MB line": (b"x" * (5 * 1024 * 1024), "line.txt", "line of 5,242,880"),
        "truncated PDF": (small_pdf_bytes()[:60], "cut.pdf", "damaged or not a PDF"),
        "corrupt PDF": (b"%PDF-1.7\n" + bytes(range(256)) * 40, "junk.pdf", "damaged or not a PDF"),
        "docx not a zip": (b"this is not a zip file at all", "fake.docx", "not a Word document"),
        "broken zip": (b"PK\x03\x04" + b"\x00" * 100, "broken.docx", "damaged"),
        "zip bomb": (zip_bomb(), "bomb.docx", "zip bomb"),
        "billion laughs": (billion_laughs(), "laughs.docx", "refused as unsafe"),
        "legacy .doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old.doc", "Save As"),
        "HTML without text": (b"<html><script>alert(1)</script></html>", "page.html", "no text"),
    }
    out = {}
    for name, (data, file, words) in cases.items():
        path = tmp / file
        path.write_bytes(data or b"")
        out[name] = (path, words)
    secret = tmp / "secret.txt"
    secret.write_text(SECRET)
    xxe = tmp / "xxe.docx"
    xxe.write_bytes(external_entity(secret))
    out["external entity"] = (xxe, "refused as unsafe")
    out["encrypted PDF"] = (encrypted_pdf(tmp / "locked.pdf"), "encrypted")
    big = tmp / "huge.pdf"
    with big.open("wb") as fh:  # sparse: no disk is used
        fh.write(b"%PDF-1.7\n")
        fh.truncate(MAX_FILE_BYTES + 1)
    out["above the size limit"] = (big, "at most 50 MB")
    return out


CASES = [
    "empty", "whitespace only", "binary junk", "control characters", "NUL bytes", "5 MB line",
    "truncated PDF", "corrupt PDF", "docx not a zip", "broken zip", "zip bomb",
    "billion laughs", "legacy .doc", "HTML without text", "external entity", "encrypted PDF",
    "above the size limit",
]  # fmt: skip


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    return _cases(tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize("name", CASES)
def test_reader_refuses_with_a_clear_message(name: str, cases: dict[str, tuple[Path, str]]) -> None:
    path, words = cases[name]
    started = time.monotonic()
    with pytest.raises(ClauseDiffError) as caught:
        load_file(path)
    elapsed = time.monotonic() - started
    message = str(caught.value)
    assert words in message, message
    assert SECRET not in message
    assert "Traceback" not in message
    assert elapsed < 30, "a hang guard, not a speed target"


def _clausediff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clausediff", *args], capture_output=True, text=True, timeout=120
    )


CLI_CASES = [
    "zip bomb", "external entity", "encrypted PDF", "5 MB line", "corrupt PDF", "docx not a zip",
    "above the size limit",
]  # fmt: skip


@pytest.mark.parametrize("name", CLI_CASES)
def test_command_line_exits_2_with_one_line(name: str, cases: dict[str, tuple[Path, str]]) -> None:
    path, words = cases[name]
    result = _clausediff("segments", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr
    assert "Traceback" not in result.stderr and SECRET not in result.stderr


def test_the_external_entity_never_reads_the_local_file(
    cases: dict[str, tuple[Path, str]],
) -> None:
    """Refused outright: the parser forbids document type declarations, so the entity is
    never resolved; and nothing the command prints or stores carries the file's content."""
    path, _ = cases["external entity"]
    result = _clausediff("import", str(path))
    assert result.returncode == 2
    assert SECRET not in result.stdout + result.stderr
    listing = _clausediff("library", "--json")
    assert SECRET not in listing.stdout

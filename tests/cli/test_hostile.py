"""Every hostile or broken file is refused by the command line: exit status 2, one line,
no traceback, and nothing of a local file leaked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from support.hostile import SECRET, hostile_cases


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    return hostile_cases(tmp_path_factory.mktemp("hostile"))


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
    assert listing.returncode == 0, listing.stderr
    ids = [entry["id"] for entry in json.loads(listing.stdout)]
    assert "bundled:WT/L/843" in ids and not [i for i in ids if i.startswith("lib:")]
    assert SECRET not in listing.stdout


def _one_line_refusal(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.skipif(sys.platform == "win32", reason="no FIFOs or devices")
def test_a_named_pipe_and_a_device_link_never_block_the_command(tmp_path: Path) -> None:
    """(Each run is a process with a deadline: a read that blocked or ran without bound
    would fail the test on its timeout instead of hanging the suite.)"""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    for path, words in ((fifo, "is a named pipe (FIFO)"), (zero, "a link to /dev/zero")):
        result = subprocess.run(
            [sys.executable, "-m", "clausediff", "import", str(path)],
            capture_output=True,
            text=True,
            timeout=30,
        )
        line = _one_line_refusal(result)
        assert words in line and line.startswith(f"clausediff: {path.name} is "), line


def test_a_file_name_with_a_newline_keeps_the_error_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "draft\nWT-L-907\x1b[31m.txt"
    path.write_bytes(b"")
    for command in ("segments", "import"):
        line = _one_line_refusal(_clausediff(command, str(path)))
        assert line == (
            "clausediff: draft\\nWT-L-907\\x1b[31m.txt: The file is empty: it holds no text to "
            "compare."
        )


def test_import_names_a_bad_pdf_once(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    line = _one_line_refusal(_clausediff("import", str(path)))
    assert line.startswith("clausediff: corrupt.pdf: The PDF is damaged or not a PDF (")
    assert line.count("corrupt.pdf") == 1

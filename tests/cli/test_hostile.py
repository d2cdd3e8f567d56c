"""Every hostile or broken file is refused by the command line: exit status 2, one line,
no traceback, and nothing of a local file leaked."""

from __future__ import annotations

import json
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

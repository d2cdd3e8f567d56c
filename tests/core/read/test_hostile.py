"""Every hostile or broken file is refused with a clear message, in bounded time and memory,
by the readers (the command line's refusals are in tests/cli/test_hostile.py)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from clausediff.core.errors import ClauseDiffError
from clausediff.core.read.files import load_file
from support.hostile import SECRET, hostile_cases

CASES = [
    "empty", "whitespace only", "binary junk", "control characters", "NUL bytes", "5 MB line",
    "truncated PDF", "corrupt PDF", "docx not a zip", "broken zip", "zip bomb",
    "billion laughs", "legacy .doc", "HTML without text", "external entity", "encrypted PDF",
    "above the size limit",
]  # fmt: skip


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    return hostile_cases(tmp_path_factory.mktemp("hostile"))


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

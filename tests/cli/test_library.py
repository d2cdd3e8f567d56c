"""The local library from the command line: bundled texts listed beside a damaged library;
import, list, align and remove."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from support.official import build_docx


@pytest.fixture
def docx_2013(tmp_path: Path) -> Path:
    return build_docx(tmp_path / "WT-MIN-13-32.docx")


def test_the_command_line_lists_bundled_texts_beside_a_damaged_library(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"garbage" * 1000)
    result = subprocess.run(
        [sys.executable, "-m", "clausediff", "library"],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "CLAUSEDIFF_LIBRARY": str(path)},
        timeout=60,
    )
    assert result.returncode == 0
    assert "WT/MIN(98)/DEC/2" in result.stdout and "WT/L/843" in result.stdout
    assert "set aside" in result.stderr and "Traceback" not in result.stderr


def test_import_list_align_and_remove_from_the_command_line(
    tmp_path: Path, docx_2013: Path
) -> None:
    import json
    import os

    env = {**os.environ, "CLAUSEDIFF_LIBRARY": str(tmp_path / "cli.sqlite3")}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "clausediff", *args],
            capture_output=True, text=True, env=env, timeout=120,
        )  # fmt: skip

    imported = cli("import", str(docx_2013))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith(
        "Imported WT-MIN-13-32.docx as lib:1: WT/MIN(13)/32 / WT/L/907"
    )
    again = cli("import", str(docx_2013))
    assert again.stdout.startswith("Re-imported")
    listing = json.loads(cli("library", "--json").stdout)
    (entry,) = [e for e in listing if e["id"].startswith("lib:")]
    assert entry["symbols"] == ["WT/MIN(13)/32", "WT/L/907"] and entry["format"] == "docx"
    aligned = cli("align", "bundled:WT/MIN(13)/32", "lib:1")
    assert aligned.returncode == 0 and "unchanged" in aligned.stdout
    assert cli("remove", "1").returncode == 0
    assert cli("remove", "1").returncode == 2
    assert [
        e for e in json.loads(cli("library", "--json").stdout) if e["id"].startswith("lib:")
    ] == []


def _library_with_two_imports(tmp_path: Path, docx_2013: Path) -> tuple[dict[str, str], Path]:
    import os

    path = tmp_path / "rows.sqlite3"
    env = {**os.environ, "CLAUSEDIFF_LIBRARY": str(path)}
    text = tmp_path / "1998.txt"
    from clausediff.core.read.bundled import load_bundled

    text.write_text(load_bundled("WT/MIN(98)/DEC/2").source, encoding="utf-8")
    for f in (text, docx_2013):
        result = subprocess.run(
            [sys.executable, "-m", "clausediff", "import", str(f)],
            capture_output=True, text=True, env=env, timeout=120,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
    return env, path


def test_a_malformed_library_row_is_named_and_the_others_listed(
    tmp_path: Path, docx_2013: Path
) -> None:
    import json
    import sqlite3
    from contextlib import closing

    env, path = _library_with_two_imports(tmp_path, docx_2013)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE documents SET info = '{\"complete\": tru' WHERE id = 2")
        conn.commit()
    for args in (("library",), ("library", "--json")):
        result = subprocess.run(
            [sys.executable, "-m", "clausediff", *args],
            capture_output=True, text=True, env=env, timeout=60,
        )  # fmt: skip
        assert result.returncode == 0 and "Traceback" not in result.stderr
        assert result.stderr == (
            "clausediff: Library entry lib:2 cannot be read: its metadata is not valid JSON; "
            "it is not listed.\n"
        )
    listed = [e["id"] for e in json.loads(result.stdout)]
    assert "lib:1" in listed and "lib:2" not in listed and "bundled:WT/L/843" in listed
    opened = subprocess.run(
        [sys.executable, "-m", "clausediff", "segments", "lib:2"],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert opened.returncode == 2 and "Traceback" not in opened.stderr
    assert "lib:2 cannot be opened: its metadata is not valid JSON" in opened.stderr


def test_an_oversized_library_row_is_refused_quickly(tmp_path: Path, docx_2013: Path) -> None:
    import sqlite3
    import time
    from contextlib import closing

    env, path = _library_with_two_imports(tmp_path, docx_2013)
    with closing(sqlite3.connect(path)) as conn:  # 60 MB of metadata in one row
        conn.execute(
            "UPDATE documents SET info = '{\"title\": \"' || hex(zeroblob(30000000)) || '\"}'"
            " WHERE id = 2"
        )
        conn.commit()
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "clausediff", "library"],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert time.monotonic() - started < 20  # (the process's start included)
    assert result.returncode == 0 and "lib:1" in result.stdout and "lib:2" not in result.stdout
    assert "lib:2 cannot be read: it holds a value larger than the library keeps (50 MB)" in (
        result.stderr
    )

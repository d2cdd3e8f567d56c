"""The headless commands, run as a user runs them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from clausediff.cli import SUBCOMMANDS, main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clausediff", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_library_lists_the_bundled_decisions() -> None:
    result = run("library")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Id", "Symbol", "Date", "Title", "Text"]
    body = "\n".join(lines[1:])
    for symbol, status in [
        ("WT/MIN(98)/DEC/2", "complete"),
        ("WT/L/274", "excerpt"),
        ("WT/L/843", "excerpt"),
        ("WT/MIN(13)/32 / WT/L/907", "complete"),
    ]:
        row = next(line for line in lines if line.startswith(f"bundled  {symbol}"))
        assert row.rstrip().endswith(status), row
    assert "1998-05-20" in body and "2013-12-07" in body


def test_segments_json_of_the_2013_file(capsys: pytest.CaptureFixture[str]) -> None:
    path = Path(__file__).resolve().parents[2] / "resources/decisions/2013-12-07_WT-L-907.md"
    assert main(["segments", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    kinds = [c["kind"] for c in data["clauses"]]
    assert kinds == ["heading"] * 3 + ["preamble", "preamble", "introducer"] + ["operative"] * 5
    assert data["clauses"][4]["text"].startswith("Recalling")
    assert data["clauses"][5]["text"] == "Decides:"
    source = path.read_text(encoding="utf-8")
    for c in data["clauses"]:
        assert (
            source[c["start"] : c["end"]].replace("*", "") == c["text"].replace("*", "")
            or c["kind"] == "heading"
        )
        for s in c["sentences"]:
            assert source[s["start"] : s["end"]].replace("*", "") == s["text"]


def test_segments_json_gives_the_2011_gaps(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["segments", "WT/L/843", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["kind"] for c in data["clauses"]].count("gap") == 4
    assert data["document"]["complete"] is False


def test_align_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["align", "WT/L/843", "WT/L/907", "--json", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"versions", "links", "sentence_links", "families"}
    ids = [c["id"] for v in data["versions"] for c in v["clauses"]]
    assert len(ids) == len(set(ids))
    in_links = sorted(i for lk in data["links"] for i in lk["left"] + lk["right"])
    assert in_links == sorted(ids)
    recital = next(
        lk
        for lk in data["links"]
        if lk["kind"] == "modified" and any(ch["left"] == "Seventh" for ch in lk["changes"])
    )
    assert {"op": "replace", "left": "Seventh", "right": "Eighth"}.items() <= next(
        ch for ch in recital["changes"] if ch["left"] == "Seventh"
    ).items()
    unknown = [lk for lk in data["links"] if lk["kind"] == "unknown" and lk["right"]]
    assert any(lk["gap"].startswith("v0.") for lk in unknown)


def test_align_json_puts_one_record_on_a_line(capsys: pytest.CaptureFixture[str]) -> None:
    """Long alignments stay quick to write and easy to grep: a clause or link per line."""
    assert main(["align", "WT/MIN(98)/DEC/2", "WT/L/907", "--json", "-"]) == 0
    text = capsys.readouterr().out
    data = json.loads(text)
    lines = {ln.strip().rstrip(",") for ln in text.splitlines()}
    for link in data["links"] + data["sentence_links"] + data["families"]:
        assert json.dumps(link, ensure_ascii=False) in lines
    for version in data["versions"]:
        for clause in version["clauses"]:
            assert json.dumps(clause, ensure_ascii=False) in lines
    assert len(text.splitlines()) < 2 * (len(data["links"]) + len(data["sentence_links"]) + 40)


def test_align_summary_and_json_file(tmp_path: Path) -> None:
    result = run("align", "WT/L/907", "WT/L/843", "--json", str(tmp_path / "out.json"))
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    # date order: 2011 first even though it was named second
    assert [v["label"] for v in data["versions"]] == ["2011 Decision", "2013 Bali Decision"]
    summary = run("align", "WT/L/843", "WT/L/907")
    assert "modified" in summary.stdout and "unknown" in summary.stdout
    # the sentence that travelled from 2011 paragraph 2 into 2013 paragraph 1
    # (quoting the part that travelled: "Further," stayed behind)
    came = "sentence 3 of op. ¶1 (“Any relevant body of the Work Programme may”) came from op. ¶2"
    went = "sentence 2 of op. ¶2 (“any relevant body of the Work Programme may”) went to op. ¶1"
    assert f"↳ {came} of 2011 Decision" in summary.stdout
    assert f"↳ {went} of 2013 Bali Decision" in summary.stdout
    assert "↳ only the letter case changed" in summary.stdout  # the title in capitals


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "empty.txt", "empty"),
        (b"\x00\x01\x02binary", "junk.txt", "NUL"),
        (b"%PDF-1.7", "draft.pdf", "damaged or not a PDF"),
        (b"{\\rtf1 draft}", "draft.rtf", "save it as Word (.docx)"),
        (b"\xd0\xcf\x11\xe0 old word", "draft.doc", "Save As > Word Document (.docx)"),
    ],
)
def test_bad_files_give_one_line_and_status_2(
    tmp_path: Path, content: bytes, name: str, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run("segments", str(path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr


def test_unknown_version_is_a_clear_error() -> None:
    result = run("align", "WT/L/843", "no-such-file.txt")
    assert result.returncode == 2
    assert "neither a file nor a decision in the library" in result.stderr


def test_a_note_keeps_the_versions_a_review_covers_that_are_not_here(tmp_path: Path) -> None:
    """A colleague's review covers a draft this machine does not hold: adding a note on
    another version must not drop it from the review."""
    from clausediff.core.read.files import document_from_text
    from clausediff.core.store.review import Review

    draft = document_from_text("Decides:\n\n1. A draft only the colleague has.")
    review_file = tmp_path / "shared.cdreview"
    Review(review_file, create=True).set_versions([draft])
    result = subprocess.run(
        [sys.executable, "-m", "clausediff", "note", str(review_file), "WT/L/907", "c5",
         "Check the session number"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    shas = [v.sha256 for v in Review(review_file).versions()]
    assert shas[0] == draft.info.sha256 and len(shas) == 2


# ------------------------------------------------------------------ --help


def _options(help_text: str) -> set[str]:
    """The long and short options a help text lists (``--json``, ``-o``)."""
    return set(re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", help_text))


def test_help_lists_the_window_and_every_command() -> None:
    result = run("--help")
    assert result.returncode == 0 and result.stderr == ""
    text = result.stdout
    assert "usage: clausediff [-h] [--version] [--screenshot OUT.png] [VERSION ...]" in text
    assert "--screenshot OUT.png  render the window offscreen at 1400x900" in text
    assert "clausediff-app" in text  # the window without a console
    for command in SUBCOMMANDS:
        assert re.search(rf"^    {command} +\S", text, re.MULTILINE), command  # with its help
        assert f"  clausediff {command} [-h]" in text  # and its usage, options and all


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_help_lists_every_option_of_every_command(command: str) -> None:
    """Each option, as its usage names it (``-o``, not also ``--output``), is in the help."""
    own = run(command, "--help")
    assert own.returncode == 0
    usage = own.stdout.split("\n\n")[0]  # (one name per option, every option)
    assert "-h" in _options(usage) and "--help" in _options(own.stdout)
    assert _options(usage) <= _options(run("--help").stdout)


def test_the_window_parser_gives_the_whole_help() -> None:
    """``clausediff FILE --help`` (the window's parser) is the same help, commands included."""
    whole = run("--help").stdout
    result = run("WT/L/843", "--screenshot", "x.png", "--help")
    assert result.returncode == 0
    assert result.stdout == whole
    assert _options(whole) >= {"-h", "--help", "--version", "--screenshot", "--json", "-o"}

"""`clausediff summary` and the flags of `align --json`, on the bundled texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clausediff.cli import main
from clausediff.core.compare import flag_rules


def test_summary_prints_the_brief(capsys: pytest.CaptureFixture[str]) -> None:
    # given newest first: put in date order
    assert main(["summary", "WT/L/907", "WT/L/843"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Brief: 2011 Decision → 2013 Bali Decision"
    assert "older: 2011 Decision: WT/L/843, 2011-12-17, excerpt" in out
    assert "newer: 2013 Bali Decision: WT/MIN(13)/32 / WT/L/907, 2013-12-07, complete" in out
    assert "Clauses: unchanged 1, modified 2, split 1, added 1, unknown 9" in out
    high = lines.index(next(line for line in lines if line.startswith("▲ HIGH")))
    medium = lines.index(next(line for line in lines if line.startswith("● MEDIUM")))
    assert high < medium
    block = "\n".join(lines[high:medium])
    assert "recital 1    [time] The session changed from “Seventh” to “Eighth”" in block
    assert "“WT/L/782” → “WT/L/843”" in block and "“2011” → “2013”" in block


def test_summary_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", "WT/MIN(98)/DEC/2", "WT/L/907", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [v["symbols"] for v in data["versions"]] == [
        ["WT/MIN(98)/DEC/2"],
        ["WT/MIN(13)/32", "WT/L/907"],
    ]
    assert data["counts"] == {"modified": 1, "added": 10, "deleted": 6}
    ranks = {"high": 0, "medium": 1, "low": 2}
    severities = [ranks[f["severity"]] for f in data["flags"]]
    assert severities == sorted(severities)
    moratorium = [f for f in data["flags"] if f["label"] == "op. ¶5"]
    assert {"before": "continue", "after": "maintain"}.items() <= next(
        f for f in moratorium if f["before"] == "continue"
    ).items()
    assert any(
        f["after"] == "until our next session" and f["category"] == "time" for f in moratorium
    )


def test_summary_needs_two_versions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", "WT/L/843"]) != 0
    assert "summary needs two VERSION arguments or more" in capsys.readouterr().err


def test_align_json_links_carry_flags(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["align", "WT/L/843", "WT/L/907", "--json", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert all(isinstance(link["flags"], list) for link in data["links"])
    recital = next(lk for lk in data["links"] if lk["left"] == ["v0.c4"])
    session = "The session changed from “Seventh” to “Eighth”"
    expected = {"category": "time", "severity": "high", "before": "Seventh", "after": "Eighth"}
    assert {**expected, "text": session} in recital["flags"]
    for link in data["links"]:
        for f in link["flags"]:
            assert set(f) == {"category", "severity", "before", "after", "text"}
        if link["kind"] == "unknown":
            assert link["flags"] == []


def test_a_broken_rules_file_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "rules.toml"
    bad.write_text(
        flag_rules.shipped_rules_text().replace('"actor"\nseverity', '"actors"\nseverity'), "utf-8"
    )
    monkeypatch.setenv(flag_rules.RULES_ENV, str(bad))
    assert main(["summary", "WT/L/843", "WT/L/907"]) == 0  # (the brief, without flags)
    err = capsys.readouterr().err
    assert (
        err.count("\n") == 1 and "unknown category 'actors'" in err and "rule 17 ('actor')" in err
    )


DRAFTS = Path(__file__).parents[1] / "data" / "drafts"


def test_summary_of_three_drafts_names_the_draft_of_each_change(
    capsys: pytest.CaptureFixture[str],
) -> None:
    files = [str(DRAFTS / n) for n in ("JOB-GC-318-Rev.2.txt", "JOB-GC-318.txt",
                                       "JOB-GC-318-Rev.1.txt")]  # fmt: skip
    assert main(["summary", *files]) == 0  # (put in series order)
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Brief: JOB/GC/318/Rev.1 → JOB/GC/318/Rev.2"
    assert "3 brackets lifted, 3 alternatives settled" in out
    section = out[out.index("Since the first draft: JOB/GC/318 → JOB/GC/318/Rev.2") :]
    assert "Rev.1  ▲ ¶1           [bracket] The bracket around “continue to” was lifted" in section
    assert "Rev.2  ○ ¶5 (was ¶6)  [bracket] Words changed inside the brackets" in section
    assert main(["summary", *files, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["brackets"] == {
        "lifted": 3, "alternative_chosen": 3, "dropped": 1, "changed_inside": 1,
    }  # fmt: skip
    assert data["series"]["names"] == ["Draft", "Rev.1", "Rev.2"]
    made = {f["text"]: f["made_by"] for f in data["series"]["flags"]}
    assert made["New brackets around “on the progress of the Work Programme”: the text is not "
                "agreed"] == ["Rev.1"]  # fmt: skip
    assert made["The date added: “June”"] == ["Rev.2"]


def test_a_rules_file_that_cannot_be_used_flags_nothing_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A mistake in an edited rules file never stops a comparison: the JSON is written
    whole, without flags, and one line says why; the brief is printed with none."""
    bad = tmp_path / "flags.toml"
    bad.write_text("schema = 2\n", encoding="utf-8")
    monkeypatch.setenv(flag_rules.RULES_ENV, str(bad))
    assert main(["align", "WT/L/843", "WT/L/907", "--json", "-"]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert data["links"] and all(link["flags"] == [] for link in data["links"])
    assert err.startswith("clausediff: No changes are flagged: ") and err.count("\n") == 1
    assert main(["summary", "WT/L/843", "WT/L/907"]) == 0
    out, err = capsys.readouterr()
    assert "Brief: 2011 Decision → 2013 Bali Decision" in out
    assert "No changes are flagged" in err

"""`clausediff history`: the version that introduced each phrase of the last version."""

from __future__ import annotations

import itertools
import json

import pytest

from clausediff.cli import main

LINEAGE = ("WT/MIN(98)/DEC/2", "WT/L/843", "WT/L/907")


def _json(capsys: pytest.CaptureFixture[str], *versions: str) -> dict:  # type: ignore[type-arg]
    assert main(["history", *versions, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_history_json_dates_the_moratorium(capsys: pytest.CaptureFixture[str]) -> None:
    out = _json(capsys, "WT/L/907", "WT/L/843", "WT/MIN(98)/DEC/2")  # (put in date order)
    assert [v["symbol"] for v in out["versions"]] == [
        "WT/MIN(98)/DEC/2",
        "WT/L/843",
        "WT/MIN(13)/32 / WT/L/907",
    ]
    assert [v["complete"] for v in out["versions"]] == [True, False, True]
    assert out["version"] == 2
    clause = next(c for c in out["clauses"] if "customs duties" in c["text"])
    assert clause["id"] == "v2.c11" and clause["label"] == "op. ¶5"
    text = clause["text"]

    def origins(words: str) -> set[tuple[int, bool]]:
        at = text.index(words)
        return {
            (s["since"], s["certain"])
            for s in clause["spans"]
            if s["start"] < at + len(words) and s["end"] > at
        }

    assert origins("customs duties on electronic transmissions") == {(0, True)}
    assert origins("maintain") == {(2, False)}
    gap = [s["gap_in"] for s in clause["spans"] if not s["certain"]]
    assert gap and set(gap) == {1}


def test_history_json_spans_cover_every_clause(capsys: pytest.CaptureFixture[str]) -> None:
    out = _json(capsys, *LINEAGE)
    assert out["clauses"]
    for clause in out["clauses"]:
        spans = clause["spans"]
        assert set(spans[0]) == {"start", "end", "since", "certain", "gap_in"}
        assert spans[0]["start"] == 0 and spans[-1]["end"] == len(clause["text"])
        assert all(a["end"] == b["start"] for a, b in itertools.pairwise(spans))
        assert all(0 <= s["since"] < len(out["versions"]) for s in spans)


def test_history_text_names_the_gap(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", *LINEAGE]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[1].startswith("v1  2011: 2011 Decision  WT/L/843")
    assert "[excerpt]" in out.splitlines()[1]
    block = out[out.index("c11  op. ¶5") :]
    assert (
        "“the current practice of not imposing customs duties on electronic transmissions”"
        " since 1998" in block
    )
    assert (
        "“will maintain” first seen in 2013, possibly earlier: the 2011 text is an excerpt "
        "with a gap there" in block
    )


def test_history_of_one_text_twice_is_all_its_first_version(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["history", "WT/L/907", "bundled:WT/L/907", "--keep-order"]) == 0
    out = capsys.readouterr().out
    lines = [line.strip() for line in out.splitlines() if line.startswith("    ")]
    # (both versions are of 2013: each is named by its label)
    assert lines and set(lines) == {"all its words since 2013 Bali Decision"}


def test_history_needs_two_versions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "WT/L/907"]) == 2
    assert capsys.readouterr().err.count("\n") == 1

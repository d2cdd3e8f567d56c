"""`clausediff align --json` on drafts: bracket events on links, bracketed spans on clauses,
and no new key where there is no bracket."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from clausediff.cli import main

DRAFTS = Path(__file__).parents[1] / "data" / "drafts"


def _align(tmp_path: Path, *versions: str) -> dict[str, Any]:
    out = tmp_path / "out.json"
    assert main(["align", *versions, "--json", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def test_links_carry_their_bracket_events_and_clauses_their_spans(tmp_path: Path) -> None:
    data = _align(
        tmp_path, str(DRAFTS / "JOB-GC-318-Rev.1.txt"), str(DRAFTS / "JOB-GC-318-Rev.2.txt")
    )
    v0 = data["versions"][0]
    source = (DRAFTS / "JOB-GC-318-Rev.1.txt").read_text(encoding="utf-8")
    header_end = source.index("WORK PROGRAMME")  # (offsets are into the text after the header)
    spans = [
        (source[header_end + b["start"] : header_end + b["end"]], b["depth"])
        for c in v0["clauses"]
        if c["label"] == "2"
        for b in c["brackets"]
    ]
    assert spans == [("[in its sessions of July and December [2027]]", 1), ("[2027]", 2)]
    assert all("brackets" not in c for c in v0["clauses"] if "[" not in c["text"])
    events = [e for lk in data["links"] for e in lk.get("brackets", [])]
    assert [e["event"] for e in events] == [
        "lifted",
        "alternative_chosen",
        "lifted",
        "lifted",
        "alternative_chosen",
        "dropped",
        "alternative_chosen",
        "changed_inside",
    ]
    chosen = events[4]
    assert {k: chosen[k] for k in ("label", "alternative", "of")} == {
        "label": "Alt 1",
        "alternative": 1,
        "of": 3,
    }
    changed = events[-1]
    assert (changed["text"], changed["was"]) == ("make every effort to", "endeavour to")
    link = next(lk for lk in data["links"] if lk.get("brackets") == [changed])
    left = "\n".join(c["text"] for c in v0["clauses"] if c["id"] in link["left"])
    assert left[changed["left_start"] : changed["left_end"]] == "[endeavour to]"


def test_the_bundled_pair_has_no_bracket_keys(tmp_path: Path) -> None:
    data = _align(tmp_path, "WT/L/843", "WT/L/907")
    assert "brackets" not in _keys(data)
    assert data["links"] and all("changes" in lk for lk in data["links"])


def test_the_series_is_aligned_in_revision_order_whatever_order_it_is_given(tmp_path: Path) -> None:
    names = ("JOB-GC-318-Rev.2.txt", "JOB-GC-318.txt", "JOB-GC-318-Rev.1.txt")
    data = _align(tmp_path, *(str(DRAFTS / n) for n in names))
    assert [v["document"]["symbols"] for v in data["versions"]] == [
        ["JOB/GC/318"],
        ["JOB/GC/318/Rev.1"],
        ["JOB/GC/318/Rev.2"],
    ]

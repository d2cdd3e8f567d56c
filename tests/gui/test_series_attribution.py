"""One draft against all earlier ones in the window: the lineage of the constructed draft
series (tests/data/drafts/) names, in a family's history, the draft that made each of its
changes since the first draft, and the Summary tab adds the series under the brief."""

from __future__ import annotations

import json
from pathlib import Path

from clausediff.core.read.files import load_file
from clausediff.gui.main_window import MainWindow
from clausediff.gui.summary_page import SERIES_HINT, SERIES_SOURCE

DRAFTS = Path(__file__).parents[1] / "data" / "drafts"
FILES = ("JOB-GC-318-Rev.2.txt", "JOB-GC-318.txt", "JOB-GC-318-Rev.1.txt")


def _drafts_shown(window: MainWindow) -> None:
    window.set_versions([load_file(DRAFTS / name) for name in FILES])
    window.run_lineage()


def _history_of(window: MainWindow, label: str) -> str:
    """The history panel's text for the family of the newest draft's clause ``label``."""
    lineage = window.lineage
    assert lineage is not None
    newest = len(lineage.versions) - 1
    doc = lineage.versions[newest]
    clause = next(c.index for c in doc.clauses if c.display_label() == label)
    window.lineage_page.select_family(lineage.families.index(lineage.family_of(newest, clause)))
    return window.lineage_page.history.toPlainText()


def _expected() -> dict[str, str]:
    """The draft that made each bracket event, by its text (expected_events.json)."""
    expected = json.loads((DRAFTS / "expected_events.json").read_text(encoding="utf-8"))
    return {
        e["text"]: f"Rev.{v}" for v, pair in enumerate(expected["pairs"], 1) for e in pair["events"]
    }


def test_a_familys_history_names_the_draft_of_each_change(window: MainWindow) -> None:
    _drafts_shown(window)
    lineage = window.lineage
    assert lineage is not None
    assert [d.info.symbols[0] for d in lineage.versions] == [
        "JOB/GC/318", "JOB/GC/318/Rev.1", "JOB/GC/318/Rev.2",
    ]  # fmt: skip
    made = _expected()
    text = _history_of(window, "¶2")
    assert "Since JOB/GC/318: each flagged change and the draft that made it" in text
    lines = [line for line in text.splitlines() if ": ▲ [" in line or ": ● [" in line]
    for words in ("periodic", "2027"):
        (line,) = [ln for ln in lines if f"The bracket around “{words}” was lifted" in ln]
        assert line.startswith(f"{made[words]}: "), line
    assert made["periodic"] == "Rev.1" and made["2027"] == "Rev.2"
    (june,) = [ln for ln in lines if "The date added: “June”" in ln]
    assert june.startswith("Rev.2: ")
    # the family's own changes only: ¶1's lifted "continue to" is in its own history
    assert "“continue to”" not in text
    text = _history_of(window, "¶1")
    (line,) = [ln for ln in text.splitlines() if "The bracket around “continue to”" in ln]
    assert line.startswith(f"{made['continue to']}: ")


def test_a_lineage_of_two_versions_has_no_drafts_in_its_history(window: MainWindow) -> None:
    window.set_versions([load_file(DRAFTS / name) for name in FILES[1:]])
    window.run_lineage()
    assert window.lineage_page.series is None
    assert "the draft that made it" not in _history_of(window, "¶2")


def test_the_summary_adds_the_series_from_the_lineage(window: MainWindow) -> None:
    page = window.summary_page
    window.set_versions([load_file(DRAFTS / name) for name in FILES])
    text = page.view.toPlainText()
    assert "Brief: JOB/GC/318/Rev.1 → JOB/GC/318/Rev.2" in text
    assert SERIES_HINT in text and SERIES_SOURCE not in text  # (the lineage is another's)
    window.run_lineage()
    text = page.view.toPlainText()
    assert SERIES_SOURCE in text and SERIES_HINT not in text
    assert "Since the first draft: JOB/GC/318 → JOB/GC/318/Rev.2" in text
    series = page.html[page.html.index("Since the first draft") :]
    rows = {
        words: next(r for r in series.split("<tr>") if f"The bracket around “{words}”" in r)
        for words in ("periodic", "2027", "continue to")
    }
    for words, row in rows.items():
        assert row.startswith(f'<td class="bf bs"><b>{_expected()[words]}</b></td>'), row

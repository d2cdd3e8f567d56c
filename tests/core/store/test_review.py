"""Review files: notes saved as they are made, reopened, anchored to clause families,
following their clause into a newer version, orphaned but never dropped; crash safety."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from clausediff.core.compare.lineage import build_lineage
from clausediff.core.read.bundled import load_bundled
from clausediff.core.store.placement import attach_notes
from clausediff.core.store.review import Review, ReviewError


def _clause(doc, start: str) -> int:  # type: ignore[no-untyped-def]
    return next(c.index for c in doc.clauses if c.text.startswith(start) or start in c.text)


def test_notes_survive_closing_and_reopening(tmp_path: Path) -> None:
    path = tmp_path / "bali.cdreview"
    d2011 = load_bundled("WT/L/843")
    review = Review(path, create=True)
    review.set_versions([d2011, load_bundled("WT/MIN(13)/32")])
    first = review.add_note(
        d2011, _clause(d2011, "Recalling"), "Keep WT/L/274", status="agreed", author="Ana"
    )
    second = review.add_note(d2011, _clause(d2011, "To continue"), "Scope?", status="to discuss")
    review.update_note(second.id, status="red line", text="No new scope")
    del review  # nothing is held open: every change is already on disk
    again = Review(path)
    notes = again.notes()
    assert [(n.id, n.status, n.text, n.author) for n in notes] == [
        (first.id, "agreed", "Keep WT/L/274", "Ana"),
        (second.id, "red line", "No new scope", ""),
    ]
    assert notes[0].clause_text.startswith("Recalling")
    assert [v.label for v in again.versions()] == ["2011 Decision", "2013 Bali Decision"]
    again.delete_note(first.id)
    assert [n.id for n in Review(path).notes()] == [second.id]


def test_a_review_says_which_versions_are_missing(tmp_path: Path) -> None:
    review = Review(tmp_path / "r.cdreview", create=True)
    review.set_versions([load_bundled("WT/L/843"), load_bundled("WT/MIN(13)/32")])
    (missing,) = review.missing([load_bundled("WT/MIN(13)/32")])
    assert missing.label == "2011 Decision" and missing.symbols == ("WT/L/843",)


def test_a_file_that_is_not_a_review_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.cdreview"
    bad.write_bytes(b"not sqlite at all" * 50)
    with pytest.raises(ReviewError, match=r"not a review file|damaged"):
        Review(bad)
    with pytest.raises(ReviewError, match="no review file"):
        Review(tmp_path / "none.cdreview")


def test_notes_follow_their_clause_when_a_newer_version_is_added(tmp_path: Path) -> None:
    decl, d2011, d2013 = (
        load_bundled(s) for s in ("WT/MIN(98)/DEC/2", "WT/L/843", "WT/MIN(13)/32")
    )
    review = Review(tmp_path / "r.cdreview", create=True)
    review.set_versions([decl, d2011])
    moratorium = _clause(decl, "Members will continue their current practice")
    recital = _clause(d2011, "Recalling")
    review.add_note(decl, moratorium, "Moratorium: hold the line", status="red line")
    review.add_note(d2011, recital, "Recital fine", status="agreed")
    notes = review.notes()

    before = attach_notes(notes, build_lineage([decl, d2011]))
    after = attach_notes(notes, build_lineage([decl, d2011, d2013]))
    assert len(after) == len(before) == 2  # never dropped
    lineage = build_lineage([decl, d2011, d2013])
    by_text = {p.note.text: p for p in after}
    mor = lineage.families[
        [f.id for f in lineage.families].index(by_text["Moratorium: hold the line"].family)
    ]
    assert (
        lineage.versions[2]
        .clauses[mor.in_version(2)[0]]
        .text.startswith("That Members will maintain the current practice")
    )
    rec = next(f for f in lineage.families if f.id == by_text["Recital fine"].family)
    assert lineage.versions[2].clauses[rec.in_version(2)[0]].text.startswith("Recalling")


def test_a_note_without_its_version_is_placed_by_text_or_orphaned(tmp_path: Path) -> None:
    d2011, d2013 = load_bundled("WT/L/843"), load_bundled("WT/L/907")
    decl, programme = load_bundled("WT/MIN(98)/DEC/2"), load_bundled("WT/L/274")
    review = Review(tmp_path / "r.cdreview", create=True)
    review.add_note(d2011, _clause(d2011, "Recalling"), "recital")
    # without 2011, the note goes to the newest version's closest clause: the 2013 recital
    (placed,) = attach_notes(review.notes(), build_lineage([decl, d2013]))
    assert placed.reanchored and not placed.orphaned
    assert d2013.clauses[placed.clause].text.startswith("Recalling")
    # with no such clause anywhere, it is orphaned: kept, with its original text
    (orphan,) = attach_notes(review.notes(), build_lineage([decl, programme]))
    assert orphan.orphaned and orphan.family is None
    assert orphan.note.clause_text.startswith("Recalling") and orphan.note.text == "recital"


WRITER = r"""
import sys
from pathlib import Path
from clausediff.core.read.bundled import load_bundled
from clausediff.core.store.review import Review
doc = load_bundled("WT/MIN(13)/32")
review = Review(Path(sys.argv[1]), create=True)
n = 0
while True:
    note = review.add_note(doc, n % len(doc.clauses), f"note {sys.argv[2]}-{n}", status="agreed")
    print(note.id, note.text, flush=True)
    n += 1
"""


def test_no_committed_note_is_lost_when_the_process_is_killed(tmp_path: Path) -> None:
    """SIGKILL in the middle of writing notes, many times over: every note reported as
    saved is there, and the file still opens."""
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("no SIGKILL on this platform")
    path = tmp_path / "crash.cdreview"
    rng = random.Random(7)
    committed: dict[int, str] = {}
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    for round_no in range(25):
        with subprocess.Popen(  # closes the pipe and reaps the child
            [sys.executable, "-c", WRITER, str(path), str(round_no)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        ) as proc:
            assert proc.stdout is not None
            deadline = time.monotonic() + rng.uniform(0.2, 0.6)
            while time.monotonic() < deadline:
                line = proc.stdout.readline()
                if not line:
                    break
                note_id, text = line.rstrip("\n").split(" ", 1)
                committed[int(note_id)] = text
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            for line in proc.stdout:  # what it had written before it died
                if line.endswith("\n"):
                    note_id, text = line.rstrip("\n").split(" ", 1)
                    committed[int(note_id)] = text
        with closing(sqlite3.connect(path)) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {n.id: n.text for n in Review(path).notes()}
        assert committed.items() <= stored.items(), f"lost notes in round {round_no}"
    assert len(committed) > 50


def test_a_file_no_one_wrote_since_is_not_read_again_and_a_change_is_always_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window asks for the notes and corrections at every comparison: the rows are read
    and checked once while the file stays as it was, and again the moment anyone (this
    review or another program) commits a change, however soon and whatever its size."""
    from clausediff.core.store import review as review_module

    path = tmp_path / "bali.cdreview"
    d2011 = load_bundled("WT/L/843")
    ours, theirs = Review(path, create=True), None
    ours.add_note(d2011, _clause(d2011, "Recalling"), "First")
    theirs = Review(path)
    reads = []
    real = review_module.inspect
    monkeypatch.setattr(review_module, "inspect", lambda *a, **k: reads.append(1) or real(*a, **k))
    assert [n.text for n in ours.notes()] == ["First"]
    before = len(reads)
    assert [n.text for n in ours.notes()] == ["First"]
    assert [n.text for n in ours.notes()] == ["First"] and len(reads) == before  # (not again)
    for n in range(5):  # changes made at once, by the other review: each one seen
        theirs.update_note(ours.notes()[0].id, text=f"Edit {n}")
        assert [x.text for x in ours.notes()] == [f"Edit {n}"]
    ours.add_note(d2011, _clause(d2011, "To continue"), "Second")
    assert [x.text for x in theirs.notes()] == ["Edit 4", "Second"]

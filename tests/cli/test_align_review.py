"""`clausediff align --review FILE`: a review's corrections applied, and marked in the JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from clausediff.core.read.bundled import load_bundled
from clausediff.core.store.review import Review

D2011, D2013 = load_bundled("WT/L/843"), load_bundled("WT/L/907")


def _align(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clausediff", "align", "WT/L/843", "WT/L/907", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_align_applies_the_review_and_marks_links_made_by_hand(tmp_path: Path) -> None:
    path = tmp_path / "bali.cdreview"
    review = Review(path, create=True)
    review.add_correction("pair", D2011, [6], D2013, [9], author="Ana")
    review.add_correction("apart", D2011, [3], D2013, [4])
    done = _align("--review", str(path), "--json", "-")
    assert done.returncode == 0, done.stderr
    links = json.loads(done.stdout)["links"]
    manual = [lk for lk in links if lk.get("manual")]
    assert [(lk["left"], lk["right"]) for lk in manual] == [(["v0.c7"], ["v1.c10"])]
    recalling = next(lk for lk in links if "v0.c4" in lk["left"])
    assert "v1.c5" not in recalling["right"]
    plain = json.loads(_align("--json", "-").stdout)["links"]
    assert not any("manual" in lk for lk in plain)
    summary = _align("--review", str(path)).stdout
    assert "paired by hand" in summary


def test_align_says_which_corrections_no_longer_apply(tmp_path: Path) -> None:
    path = tmp_path / "bali.cdreview"
    review = Review(path, create=True)
    review.add_correction("pair", D2011, [6], D2013, [9])
    done = subprocess.run(
        [sys.executable, "-m", "clausediff", "align", "WT/MIN(98)/DEC/2", "WT/L/843",
         "--review", str(path)],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "No longer applies: op. ¶2 of " in done.stderr
    assert "is not among the versions compared" in done.stderr

"""Export benchmark: one long paragraph, revised, through every export that needs no Qt.

Run on demand:

    python benchmarks/bench_export.py [WORDS ...] [--every K] [--seed S] [--formats F,...]

(default WORDS: 5000 10000 20000 60000; ``--every 20``: about one word in twenty changed, in
runs of one to three words, some deleted, some inserted). Each size is one clause of that
many words in each version, so that the time is the export's own, not the alignment's; it
prints the seconds of the alignment and of each export (the Word redline, the Word report,
HTML, CSV) and checks that the redline gives both texts back. A Word export that grows
faster than the text (python-docx's run API was quadratic on one long paragraph) shows as
a time that quadruples when the words double.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from clausediff.core.compare.lineage import Lineage, build_lineage
from clausediff.core.read.files import document_from_text
from clausediff.core.render.docx_redline import export_docx
from clausediff.core.render.docx_report import export_docx_report
from clausediff.core.render.export import export_csv, export_html

_WORDS = (
    "the Members shall notify Committee of any measure affecting electronic transmissions "
    "Council for Trade in Services examine treatment supply Work Programme continue "
    "General to hold periodic reviews sessions July maintain current practice not imposing "
    "customs duties, and; (a) 2013 WT/L/907"
)
VOCABULARY = tuple(_WORDS.split(" "))


def revision(words: int, every: int, seed: int) -> tuple[str, str]:
    rng = random.Random(seed)
    old = [rng.choice(VOCABULARY) for _ in range(words)]
    new: list[str] = []
    k = 0
    while k < len(old):
        if rng.randrange(every) == 0:
            span = rng.randint(1, 3)
            how = rng.choice(("replace", "delete", "insert"))
            if how == "replace":
                new += [rng.choice(VOCABULARY) for _ in range(span)]
                k += span
            elif how == "delete":
                k += span
            else:
                new += [rng.choice(VOCABULARY) for _ in range(span)] + [old[k]]
                k += 1
        else:
            new.append(old[k])
            k += 1
    return "1. " + " ".join(old) + ".", "1. " + " ".join(new) + "."


def timed(label: str, work: object) -> float:
    assert callable(work)
    start = time.perf_counter()
    work()
    seconds = time.perf_counter() - start
    print(f"  {label:<14}{seconds:8.2f} s", flush=True)
    return seconds


def run(words: int, every: int, seed: int, formats: list[str], folder: Path) -> None:
    old_text, new_text = revision(words, every, seed)
    print(f"{words} words, one paragraph ({len(new_text):,} characters):", flush=True)
    lineage: list[Lineage] = []
    timed(
        "align",
        lambda: lineage.append(
            build_lineage([document_from_text(old_text), document_from_text(new_text)])
        ),
    )
    al = lineage[0].pairs[0]
    print(f"  ({len(al.links)} link, {len(al.links[0].ops)} word changes)")
    out = folder / f"bench-{words}.docx"
    writers = {
        "docx": lambda: export_docx(lineage[0], out),
        "docx-report": lambda: export_docx_report(lineage[0], folder / "report.docx"),
        "html": lambda: export_html(lineage[0]),
        "csv": lambda: export_csv(lineage[0]),
    }
    for fmt in formats:
        timed(fmt, writers[fmt])
    if "docx" in formats:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
        from support.tracked import document_xml, paragraphs

        root = document_xml(out)
        exact = (
            paragraphs(root, "accept")[0] == new_text and paragraphs(root, "reject")[0] == old_text
        )
        print(f"  redline accept/reject exact: {exact}")


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("words", nargs="*", type=int, default=[5000, 10000, 20000, 60000])
    ap.add_argument("--every", type=int, default=20, help="one change in K words (default 20)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--formats", default="docx,docx-report,html,csv")
    ns = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        for words in ns.words:
            run(words, ns.every, ns.seed, ns.formats.split(","), Path(folder))


if __name__ == "__main__":
    main(sys.argv[1:])

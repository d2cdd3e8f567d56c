"""Every check a change to clause pairing needs, in one run (about a minute on two cores).

    python benchmarks/check_pairing.py [--links OUT.txt]

Prints, for the engine in this checkout's ``src``:

* three generated draws at N = 5,000 (the benchmark's draw and ``generate(5000, 2)`` and
  ``(5000, 3)``, clause links only): F1 per kind and the gold-linked clauses shown deleted +
  added. A threshold chosen on one draw is checked on the other two.
* the stress pair where every clause is edited (no real exact match: chance copies there
  once cut the text into stretches that did not face each other);
* two unrelated versions in the same boilerplate: how many chance links;
* the licence suite's overall row (``score_realtexts.py``): real texts nobody here wrote;
* with ``--links``, every link of every ordered pair of the bundled decisions written to a
  file, one a line: run it before and after a change and compare the two files (a rule that
  looked good on the generator once paired two different WTO mandates).
"""

from __future__ import annotations

import argparse
import itertools
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_align import _documents, by_edit, from_alignment, gold_linked_del_add, score
from clausediff.core.compare.align import align
from clausediff.core.compare.config import AlignConfig, SentenceRules
from clausediff.core.read.bundled import bundled_entries, load_bundled
from clausediff.core.read.files import document_from_text
from generate import generate

CLAUSES_ONLY = AlignConfig(sentences=SentenceRules(enabled=False))
N = 5000


def _draws() -> None:
    draws = [
        ("benchmark draw", generate(N, seed=1_000_003 + N)),
        ("generate(5000, 2)", generate(N, 2)),
        ("generate(5000, 3)", generate(N, 3)),
    ]
    for name, pair in draws:
        a, b, _ = _documents(pair)
        out = from_alignment(align(a, b, CLAUSES_ONLY))
        s, e = score(out, pair), by_edit(out, pair)
        f1 = " ".join(
            f"{k} {s[k]['F1']:.3f}" for k in ("all", "modified", "moved", "split", "merged")
        )
        bad = {
            k: sum(v for kk, v in e[k].items() if kk != "ok")
            for k in ("rewrite", "move_heavy", "move_light")
        }
        print(
            f"{name:18} {f1}; shown deleted + added {gold_linked_del_add(out, pair)}; "
            f"not right: {bad}; deleted linked {e['delete']['linked']}, "
            f"added linked {e['added']['linked']}",
            flush=True,
        )


def _stress() -> None:
    pair = generate(N, seed=1_000_003 + N + 1, every_edited=True)
    a, b, _ = _documents(pair)
    t0 = time.perf_counter()
    out = from_alignment(align(a, b, CLAUSES_ONLY))
    s = score(out, pair)
    print(
        f"every clause edited: all {s['all']['F1']:.3f} moved {s['moved']['F1']:.3f}; shown "
        f"deleted + added {gold_linked_del_add(out, pair)}; {time.perf_counter() - t0:.1f} s",
        flush=True,
    )


def _unrelated() -> None:
    base, other = generate(N, seed=1_000_003 + N), generate(N, seed=1_000_003 + N + 2)
    a = document_from_text(base.numbered()[0])
    b = document_from_text(other.numbered()[0])
    al = align(a, b, CLAUSES_ONLY)
    kinds = Counter(lk.kind.value for lk in al.links if lk.left and lk.right)
    print(f"unrelated versions: {sum(kinds.values())} chance links {dict(kinds)}", flush=True)


def _licences() -> None:
    here = Path(__file__).resolve().parent
    done = subprocess.run(
        [sys.executable, str(here / "score_realtexts.py")],
        capture_output=True, text=True, check=True, cwd=here.parent,
    )  # fmt: skip
    rows = [
        r for r in done.stdout.splitlines() if r.startswith(("| link ", "| no_link ", "| all "))
    ]
    print("licence suite (overall):", *rows[-3:], sep="\n  ")


def _bundled_links(path: Path) -> None:
    docs = [load_bundled(e.file) for e in bundled_entries()]
    lines = []
    for a, b in itertools.permutations(docs, 2):
        for lk in align(a, b, CLAUSES_ONLY).links:
            lines.append(
                f"{a.info.symbols[:1]} {b.info.symbols[:1]} {lk.kind.value} {lk.left} "
                f"{lk.right} {lk.detail}"
            )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"bundled links: {len(lines)} written to {path}")


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--links", type=Path, help="write the bundled pairs' links to this file")
    args = ap.parse_args(argv)
    _draws()
    _stress()
    _unrelated()
    _licences()
    if args.links:
        _bundled_links(args.links)


if __name__ == "__main__":
    main(sys.argv[1:])

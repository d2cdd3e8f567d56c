"""Alignment benchmark: seeded revision pairs with ground truth, scored against two baselines.

Run on demand:  python benchmarks/bench_align.py [N ...] [--repeat K]   (default 500 5000 20000)

Each revision pair is generated from decision-like clauses (including families of
near-duplicate boilerplate "To instruct the General Council to …"), then revised with word
edits, insertions, deletions, moves, moved-and-edited clauses, splits, merges and
renumbering. The ground truth records which left clauses became which right clauses. We
report precision, recall and F1 of the predicted (left, right) clause pairs, overall and
per kind, the wall time, and the same for difflib.SequenceMatcher over normalised clauses
and (small N only) a naive all-pairs rapidfuzz matrix.
"""

from __future__ import annotations

import difflib
import math
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from rapidfuzz import fuzz, process

from clausediff.core.compare.align import align
from clausediff.core.compare.config import (
    AlignConfig,
    SentenceRules,
)
from clausediff.core.compare.links import Alignment, LinkKind
from clausediff.core.read.files import document_from_text
from clausediff.core.text.normalize import normalize

WORDS = [
    "members",
    "council",
    "committee",
    "programme",
    "electronic",
    "commerce",
    "trade",
    "development",
    "review",
    "measures",
    "services",
    "goods",
    "transparency",
    "principles",
    "access",
    "information",
    "technologies",
    "developing",
    "countries",
    "least-developed",
    "mandate",
    "session",
    "report",
    "customs",
    "duties",
    "transmissions",
    "practice",
    "moratorium",
    "workshop",
    "capacity",
    "assistance",
    "enterprises",
    "producers",
    "suppliers",
    "software",
    "cloud",
    "privacy",
    "consumer",
    "protection",
    "data",
    "mobile",
    "telephony",
]
OPENERS = [
    "To instruct the General Council to",
    "To reiterate that",
    "To continue",
    "That Members will",
    "To further reiterate that the Work Programme shall",
    "Members shall",
    "The Committee may",
]


def _clause(rng: random.Random, serial: int) -> str:
    body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 40)))
    return f"{rng.choice(OPENERS)} {body} (WT/L/{serial})."


def generate(n: int, seed: int) -> tuple[list[str], list[str], dict[tuple[int, int], str]]:
    """Left and right clause lists and the true pairs {(left, right): kind}."""
    rng = random.Random(seed)
    left = [_clause(rng, k) for k in range(n)]
    right: list[str] = []
    truth: dict[tuple[int, int], str] = {}
    moves: list[tuple[int, str]] = []
    i = 0
    while i < n:
        r = rng.random()
        if r < 0.70:
            truth[(i, len(right))] = "unchanged"
            right.append(left[i])
        elif r < 0.82:
            words = left[i].split()
            for _ in range(rng.randint(1, 3)):
                words[rng.randrange(1, len(words) - 1)] = rng.choice(["shall", "may", "2015"])
            truth[(i, len(right))] = "modified"
            right.append(" ".join(words))
        elif r < 0.86:
            pass  # deleted
        elif r < 0.89:
            right.append(_clause(rng, 100000 + i))  # added
            truth[(i, len(right))] = "unchanged"
            right.append(left[i])
        elif r < 0.92:
            text = left[i]
            if rng.random() < 0.5:
                words = text.split()
                words[rng.randrange(1, len(words) - 1)] = "substantially"
                text = " ".join(words)
            moves.append((i, text))
        elif r < 0.96:
            words = left[i].rstrip(".").split()
            cut = len(words) // 2
            truth[(i, len(right))] = "split"
            right.append(" ".join(words[:cut]) + ".")
            truth[(i, len(right))] = "split"
            right.append(" ".join(words[cut:]) + ".")
        elif i + 1 < n:
            truth[(i, len(right))] = "merged"
            truth[(i + 1, len(right))] = "merged"
            right.append(left[i].rstrip(".") + " and " + left[i + 1])
            i += 1
        else:
            truth[(i, len(right))] = "unchanged"
            right.append(left[i])
        i += 1
    for li, text in moves:
        pos = rng.randrange(0, len(right) + 1)
        # shift truth entries at or after pos
        truth = {(a, b + (1 if b >= pos else 0)): k for (a, b), k in truth.items()}
        right.insert(pos, text)
        truth[(li, pos)] = "moved"
    # renumbering: labels on both sides, shifted on the right
    left_txt = [f"{k + 1}. {t}" for k, t in enumerate(left)]
    right_txt = [f"{k + 3}. {t}" for k, t in enumerate(right)]
    return left_txt, right_txt, truth


_KIND_OF_LINK = {
    LinkKind.UNCHANGED: "unchanged",
    LinkKind.MODIFIED: "modified",
    LinkKind.MOVED: "moved",
    LinkKind.SPLIT: "split",
    LinkKind.MERGED: "merged",
}


def _predicted(al: Alignment) -> dict[tuple[int, int], str]:
    """The clause pairs an alignment links, with the kind of their link."""
    return {
        (i, j): _KIND_OF_LINK.get(lk.kind, lk.kind.value)
        for lk in al.links
        if lk.left and lk.right and lk.kind is not LinkKind.UNKNOWN
        for i in lk.left
        for j in lk.right
    }


def _prf(tp: int, n_pred: int, n_true: int) -> tuple[float, float, float]:
    prec = tp / n_pred if n_pred else 1.0
    rec = tp / n_true if n_true else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


def _score(
    pred: dict[tuple[int, int], str], truth: dict[tuple[int, int], str]
) -> dict[str, tuple[float, float, float]]:
    """Precision, recall and F1 of the predicted clause pairs, overall and per kind.

    Per kind, recall counts the true pairs of that kind that were predicted (whatever the
    predicted label), and precision the pairs predicted with that label that are true.
    """
    out = {}
    for kind in sorted(set(truth.values())):
        t = {p for p, k in truth.items() if k == kind}
        p = {x for x, k in pred.items() if k == kind}
        out[kind] = (
            len(p & set(truth)) / len(p) if p else 1.0,
            len(t & set(pred)) / len(t) if t else 1.0,
            0.0,
        )
        prec, rec, _ = out[kind]
        out[kind] = (prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    tp = len(set(pred) & set(truth))
    out["all"] = _prf(tp, len(pred), len(truth))
    return out


def _difflib(left: list[str], right: list[str], word_diffs: bool) -> set[tuple[int, int]]:
    """difflib over normalised clauses; with ``word_diffs``, word opcodes inside replaced
    stretches too (clauses paired in order), which is the same job ClauseDiff does."""
    la = [normalize(c, casefold=True) for c in left]
    rb = [normalize(c, casefold=True) for c in right]
    sm = difflib.SequenceMatcher(None, la, rb, autojunk=False)
    pairs = set()
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            pairs.update((i1 + k, j1 + k) for k in range(i2 - i1))
        elif tag == "replace" and word_diffs:
            for i, j in zip(range(i1, i2), range(j1, j2), strict=False):
                difflib.SequenceMatcher(None, left[i].split(), right[j].split()).get_opcodes()
                pairs.add((i, j))
    return pairs


def _timed(fn, repeat: int):  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def _cli_times(left: list[str], right: list[str]) -> tuple[float, float]:
    """Wall time of whole ``clausediff align`` processes on the pair written to files."""
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp) / "left.txt", Path(tmp) / "right.txt"
        a.write_text("\n\n".join(left), encoding="utf-8")
        b.write_text("\n\n".join(right), encoding="utf-8")
        out = []
        for extra in ([], ["--json", str(Path(tmp) / "out.json")]):
            t0 = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "clausediff", "align", str(a), str(b), *extra],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")},
            )
            out.append(time.perf_counter() - t0)
    return out[0], out[1]


def run(n: int, repeat: int) -> dict[str, float]:
    left, right, truth = generate(n, seed=n)
    t0 = time.perf_counter()
    a = document_from_text("\n\n".join(left))
    b = document_from_text("\n\n".join(right))
    t_segment = time.perf_counter() - t0

    t_align, al = _timed(lambda: align(a, b), repeat)
    clauses_only = AlignConfig(sentences=SentenceRules(enabled=False))
    t_clauses, _ = _timed(lambda: align(a, b, clauses_only), repeat)
    tracemalloc.start()
    align(a, b)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    scores = _score(_predicted(al), truth)

    texts_a = [c.text for c in a.clauses]
    texts_b = [c.text for c in b.clauses]
    t_dl, dl_pairs = _timed(lambda: _difflib(texts_a, texts_b, word_diffs=False), repeat)
    t_dlw, _ = _timed(lambda: _difflib(texts_a, texts_b, word_diffs=True), repeat)
    dl = _prf(len(dl_pairs & set(truth)), len(dl_pairs), len(truth))

    naive = None
    if n <= 500:
        t0 = time.perf_counter()
        naive_pred = set()
        for i, c in enumerate(texts_a):
            best = process.extractOne(c, texts_b, scorer=fuzz.ratio, score_cutoff=60)
            if best is not None:
                naive_pred.add((i, best[2]))
        naive = (
            time.perf_counter() - t0,
            _prf(len(naive_pred & set(truth)), len(naive_pred), len(truth))[2],
        )

    cli = _cli_times(left, right) if n >= 20000 else None

    print(f"\nN = {n} clauses per side  (right side: {len(b.clauses)})")
    print(f"  segmenting both     : {t_segment:6.2f} s")
    print(
        f"  ClauseDiff align    : {t_align:6.2f} s (median of {repeat}), "
        f"peak traced memory {peak / 1e6:6.1f} MB"
    )
    print(f"    without sentences : {t_clauses:6.2f} s (clause links and word changes only)")
    print(f"  difflib clauses     : {t_dl:6.2f} s, F1 {dl[2]:.3f}")
    print(f"  difflib + word diffs: {t_dlw:6.2f} s")
    if naive:
        print(f"  all-pairs rapidfuzz : {naive[0]:6.2f} s, F1 {naive[1]:.3f}")
    if cli:
        print(
            f"  whole command       : {cli[0]:6.2f} s `clausediff align A B` (read, segment, "
            f"align, families, summary); {cli[1]:6.2f} s with --json"
        )
    print("  kind        precision  recall   F1")
    for kind, (p, r, f) in scores.items():
        print(f"  {kind:<11} {p:9.3f} {r:7.3f} {f:6.3f}")
    return {"n": n, "align": t_align, "segment": t_segment}  # type: ignore[dict-item]


def stress(n: int) -> None:
    """Two hard cases for the engine: a version rewritten throughout (a word changed in every
    clause, so no exact anchor at all) and two unrelated versions."""
    left, right, truth = generate(n, seed=n + 7)
    rng = random.Random(3)
    rewritten = []
    for text in right:
        words = text.split()
        words[rng.randrange(2, len(words) - 1)] = "revised"
        rewritten.append(" ".join(words))
    truth = {k: ("modified" if v == "unchanged" else v) for k, v in truth.items()}
    a = document_from_text("\n\n".join(left))
    b = document_from_text("\n\n".join(rewritten))
    t, al = _timed(lambda: align(a, b), 1)
    scores = _score(_predicted(al), truth)
    print(f"\nN = {n}, every clause of the new version reworded (no exact anchor):")
    print(
        f"  align {t:6.2f} s, F1 all {scores['all'][2]:.3f}, moved {scores['moved'][2]:.3f}, "
        f"split {scores['split'][2]:.3f}, merged {scores['merged'][2]:.3f}"
    )
    other, _, _ = generate(n, seed=n + 8)
    c = document_from_text("\n\n".join(other))
    t, al = _timed(lambda: align(a, c), 1)
    linked = sum(1 for lk in al.links if lk.left and lk.right)
    print(f"N = {n}, two unrelated versions: align {t:6.2f} s, {linked} links between them")


def main(argv: list[str]) -> None:
    repeat = 3
    if "--repeat" in argv:
        k = argv.index("--repeat")
        repeat = int(argv[k + 1])
        argv = argv[:k] + argv[k + 2 :]
    sizes = [int(x) for x in argv] or [500, 5000, 20000]
    rows = [run(n, repeat) for n in sizes]
    if 5000 in sizes:
        stress(5000)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak resident memory of this process: {rss:.0f} MB")
    if len(rows) >= 2:
        xs = [math.log(r["n"]) for r in rows]
        ys = [math.log(r["align"]) for r in rows]
        mx, my = statistics.fmean(xs), statistics.fmean(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
            (x - mx) ** 2 for x in xs
        )
        print(f"fitted exponent of align time against N: {slope:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])

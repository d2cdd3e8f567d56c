"""Alignment benchmark: seeded revision pairs with ground truth, scored against two baselines.

Run on demand:  python benchmarks/bench_align.py [N ...]   (default 500 5000 20000)

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
import random
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from rapidfuzz import fuzz, process

from clausediff.core.align import LinkKind, align
from clausediff.core.documents import document_from_text
from clausediff.core.normalize import normalize

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


def _score(
    pred: set[tuple[int, int]], truth: dict[tuple[int, int], str]
) -> dict[str, tuple[float, float, float]]:
    out = {}
    kinds = sorted(set(truth.values())) + ["all"]
    for kind in kinds:
        t = {
            p
            for p, k in truth.items()
            if kind == "all" or k == kind or (kind == "split/merge" and k in ("split", "merged"))
        }
        if kind != "all":
            p = {x for x in pred if x in t or x[0] in {a for a, _ in t}}
        else:
            p = pred
        tp = len(p & t)
        prec = tp / len(p) if p else 1.0
        rec = tp / len(t) if t else 1.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[kind] = (prec, rec, f1)
    return out


def run(n: int) -> None:
    left, right, truth = generate(n, seed=n)
    a = document_from_text("\n\n".join(left))
    b = document_from_text("\n\n".join(right))
    tracemalloc.start()
    t0 = time.perf_counter()
    al = align(a, b)
    t_align = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    pred = {
        (i, j)
        for lk in al.links
        if lk.left and lk.right and lk.kind is not LinkKind.UNKNOWN
        for i in lk.left
        for j in lk.right
    }
    scores = _score(pred, truth)

    t0 = time.perf_counter()
    sm = difflib.SequenceMatcher(
        None,
        [normalize(c.text, casefold=True) for c in a.clauses],
        [normalize(c.text, casefold=True) for c in b.clauses],
        autojunk=False,
    )
    dl_pred = {(blk.a + k, blk.b + k) for blk in sm.get_matching_blocks() for k in range(blk.size)}
    t_difflib = time.perf_counter() - t0
    dl = _score(dl_pred, truth)["all"]

    naive = None
    if n <= 500:
        t0 = time.perf_counter()
        choices = [c.text for c in b.clauses]
        naive_pred = set()
        for i, c in enumerate(a.clauses):
            best = process.extractOne(c.text, choices, scorer=fuzz.ratio, score_cutoff=60)
            if best is not None:
                naive_pred.add((i, best[2]))
        naive = (time.perf_counter() - t0, _score(naive_pred, truth)["all"][2])

    print(f"\nN = {n} clauses per side  (right side: {len(b.clauses)})")
    print(f"  ClauseDiff: {t_align:6.2f} s, peak traced memory {peak / 1e6:6.1f} MB")
    print(f"  difflib   : {t_difflib:6.2f} s, F1 {dl[2]:.3f}")
    if naive:
        print(f"  all-pairs : {naive[0]:6.2f} s, F1 {naive[1]:.3f}")
    print("  kind        precision  recall   F1")
    for kind, (p, r, f) in scores.items():
        print(f"  {kind:<11} {p:9.3f} {r:7.3f} {f:6.3f}")


if __name__ == "__main__":
    sizes = [int(x) for x in sys.argv[1:]] or [500, 5000, 20000]
    for n in sizes:
        run(n)

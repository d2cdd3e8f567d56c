"""Alignment benchmark: honest seeded revision pairs with ground truth, against difflib.

Run on demand:

    python benchmarks/bench_align.py [N ...] [--repeat K] [--seed S] [--stress N]
                                     [--json PATH] [--no-cli]

(default N: 5000 20000; ``500`` also runs the naive all-pairs baseline). The pairs come from
:mod:`generate` (``benchmarks/generate.py``): a repetitive vocabulary in boilerplate families,
no per-clause symbol, and edits of known kinds (light and heavy word edits, trims,
expansions, rewrites in place, moves with and without edits, splits, merges, deletions,
additions, renumbering). Every pair is scored at clause level by one scorer:

* linked kinds (unchanged, modified, moved, split, merged): the true (old, new) clause
  pairs of that kind; a pair counts only if linked *with that kind*. Precision: of the
  pairs linked with that kind, how many the truth holds with that kind. "linked" is the
  recall whatever the kind.
* deleted / added: old clauses with no counterpart / new clauses with none.
* all: the micro average over all of these items.

A clause the truth links that comes out deleted while its counterpart comes out added is a
miss for its kind; the edit table counts these (the most damaging error: the reader loses
the clause's history) by the edit the generator made.

The baseline is difflib.SequenceMatcher over the white-space-normalised clause texts: equal
blocks unchanged, 'replace' blocks paired one to one in order where the word-level ratio is
at least 0.5 (modified), everything else deleted or added; timed over the same paragraphs.
"""

from __future__ import annotations

import argparse
import difflib
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from rapidfuzz import fuzz, process

from clausediff.core.compare.align import align
from clausediff.core.compare.config import AlignConfig, SentenceRules
from clausediff.core.compare.links import Alignment, LinkKind
from clausediff.core.model import Document
from clausediff.core.read.files import document_from_text
from generate import Pair, generate, reworded

ROOT = Path(__file__).resolve().parents[1]
LINKED = ("unchanged", "modified", "moved", "split", "merged")
KINDS = (*LINKED, "deleted", "added")
EDITS = (
    "unchanged",
    "light",
    "heavy",
    "trim",
    "expand",
    "rewrite",
    "move",
    "move_light",
    "move_heavy",
    "split",
    "merge",
    "delete",
    "added",
)


@dataclass
class Outcome:
    """What an aligner said: linked clause pairs with their kind, and the lone clauses."""

    pairs: dict[tuple[int, int], str] = field(default_factory=dict)
    deleted: set[int] = field(default_factory=set)
    added: set[int] = field(default_factory=set)


def from_alignment(al: Alignment) -> Outcome:
    out = Outcome()
    for lk in al.links:
        if lk.kind is LinkKind.DELETED:
            out.deleted.update(lk.left)
        elif lk.kind is LinkKind.ADDED:
            out.added.update(lk.right)
        elif lk.left and lk.right:
            for i in lk.left:
                for j in lk.right:
                    out.pairs[(i, j)] = lk.kind.value
        # (unknown links face gaps; the generator makes none)
    return out


def difflib_baseline(left: list[str], right: list[str]) -> Outcome:
    """difflib.SequenceMatcher over white-space-normalised clauses (see the module)."""
    la = [" ".join(t.split()) for t in left]
    rb = [" ".join(t.split()) for t in right]
    out = Outcome()
    sm = difflib.SequenceMatcher(None, la, rb, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                out.pairs[(i1 + k, j1 + k)] = "unchanged"
            continue
        paired_l, paired_r = set(), set()
        if tag == "replace":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=False):
                ratio = difflib.SequenceMatcher(None, la[i].split(), rb[j].split()).ratio()
                if ratio >= 0.5:
                    out.pairs[(i, j)] = "modified"
                    paired_l.add(i)
                    paired_r.add(j)
        out.deleted.update(i for i in range(i1, i2) if i not in paired_l)
        out.added.update(j for j in range(j1, j2) if j not in paired_r)
    return out


def difflib_clauses_only(left: list[str], right: list[str]) -> None:
    """The bare difflib pass (normalise, match clauses), for timing."""
    la = [" ".join(t.split()) for t in left]
    rb = [" ".join(t.split()) for t in right]
    difflib.SequenceMatcher(None, la, rb, autojunk=False).get_opcodes()


def naive_all_pairs(left: list[str], right: list[str]) -> Outcome:
    """Each old clause linked to its best new clause (rapidfuzz ratio ≥ 60), if any."""
    out = Outcome()
    for i, c in enumerate(left):
        best = process.extractOne(c, right, scorer=fuzz.ratio, score_cutoff=60)
        if best is None:
            out.deleted.add(i)
        else:
            out.pairs[(i, best[2])] = "unchanged" if best[1] == 100 else "modified"
    linked = {j for _, j in out.pairs}
    out.added = {j for j in range(len(right)) if j not in linked}
    return out


# ---------------------------------------------------------------------------------------
# scoring


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float | None, float | None, float]:
    prec = tp / n_pred if n_pred else None
    rec = tp / n_gold if n_gold else None
    f1 = 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 1.0
    return prec, rec, f1


def score(out: Outcome, pair: Pair) -> dict[str, dict[str, float | int | None]]:
    """Per kind and overall: gold and predicted counts, precision, recall, F1 (see module)."""
    rows: dict[str, dict[str, float | int | None]] = {}
    items_gold: set[tuple] = set()
    items_pred: set[tuple] = set()
    for kind in LINKED:
        gold = {p for p, k in pair.links.items() if k == kind}
        pred = {p for p, k in out.pairs.items() if k == kind}
        tp = len(gold & pred)
        linked = sum(1 for p in gold if p in out.pairs)
        p, r, f = _prf(tp, len(pred), len(gold))
        rows[kind] = {"gold": len(gold), "pred": len(pred), "tp": tp, "P": p, "R": r, "F1": f}
        rows[kind]["linked"] = linked / len(gold) if gold else None
        items_gold.update(("pair", *x, kind) for x in gold)
        items_pred.update(("pair", *x, kind) for x in pred)
    for kind, gold, pred in (
        ("deleted", pair.deleted, out.deleted),
        ("added", pair.added, out.added),
    ):
        tp = len(gold & pred)
        p, r, f = _prf(tp, len(pred), len(gold))
        rows[kind] = {"gold": len(gold), "pred": len(pred), "tp": tp, "P": p, "R": r, "F1": f}
        rows[kind]["linked"] = None
        items_gold.update((kind, x) for x in gold)
        items_pred.update((kind, x) for x in pred)
    other = {p for p, k in out.pairs.items() if k not in LINKED}  # restructured
    items_pred.update(("pair", *x, k) for x, k in out.pairs.items() if x in other)
    tp = len(items_gold & items_pred)
    p, r, f = _prf(tp, len(items_pred), len(items_gold))
    rows["all"] = {"gold": len(items_gold), "pred": len(items_pred), "tp": tp, "P": p, "R": r}
    rows["all"]["F1"] = f
    gold_pairs, pred_pairs = set(pair.links), set(out.pairs)
    tp = len(gold_pairs & pred_pairs)
    p, r, f = _prf(tp, len(pred_pairs), len(gold_pairs))
    rows["pairs, any kind"] = {
        "gold": len(gold_pairs),
        "pred": len(pred_pairs),
        "tp": tp,
        "P": p,
        "R": r,
        "F1": f,
    }
    rows["restructured"] = {"pred": len(other)}
    # The pairing issue's move target counts moves unedited and lightly edited (at most a
    # fifth of the words): a heavily edited move found is not counted; one linked to a
    # wrong partner as moved is a false move like any other.
    heavy = {p for p, k in pair.links.items() if k == "moved" and _edit(pair, p) == "move_heavy"}
    gold = {p for p, k in pair.links.items() if k == "moved"} - heavy
    pred = {p for p, k in out.pairs.items() if k == "moved"} - heavy
    tp = len(gold & pred)
    p, r, f = _prf(tp, len(pred), len(gold))
    rows["moved, light"] = {"gold": len(gold), "pred": len(pred), "tp": tp, "P": p, "R": r}
    rows["moved, light"]["F1"] = f
    rows["moved, light"]["linked"] = (
        sum(1 for x in gold if x in out.pairs) / len(gold) if gold else None
    )
    return rows


def _edit(pair: Pair, link: tuple[int, int]) -> str:
    return pair.edit_of.get(link[0], "")


def by_edit(out: Outcome, pair: Pair) -> dict[str, Counter[str]]:
    """For each edit the generator made: how its clauses came out.

    ``ok`` (same partners, same kind), ``kind`` (same partners, another kind), ``del+add``
    (the old clause deleted and all its true partners added), ``deleted`` (deleted, a partner
    linked elsewhere), ``wrong`` (linked, but not to exactly its true partners). For deleted
    old and added new clauses: ``ok`` or ``linked`` (wrongly).
    """
    partners: dict[int, set[int]] = {}
    for i, j in pair.links:
        partners.setdefault(i, set()).add(j)
    pred_partners: dict[int, set[int]] = {}
    for i, j in out.pairs:
        pred_partners.setdefault(i, set()).add(j)
    table: dict[str, Counter[str]] = {e: Counter() for e in EDITS}
    for i, edit in pair.edit_of.items():
        c = table[edit]
        if edit == "delete":
            c["ok" if i in out.deleted else "linked"] += 1
            continue
        gold = partners[i]
        kind = pair.links[(i, min(gold))]
        if i in out.deleted:
            c["del+add" if gold <= out.added else "deleted"] += 1
        elif pred_partners.get(i) == gold:
            same = all(out.pairs[(i, j)] == kind for j in gold)
            c["ok" if same else "kind"] += 1
        else:
            c["wrong"] += 1
    for j in pair.added:
        table["added"]["ok" if j in out.added else "linked"] += 1
    return table


def gold_linked_del_add(out: Outcome, pair: Pair) -> int:
    """Old clauses the truth links that came out deleted with all their partners added."""
    partners: dict[int, set[int]] = {}
    for i, j in pair.links:
        partners.setdefault(i, set()).add(j)
    return sum(1 for i, js in partners.items() if i in out.deleted and js <= out.added)


# ---------------------------------------------------------------------------------------
# printing


def _f(x: float | int | None) -> str:
    return "    –" if x is None else f"{x:5.3f}"


def print_kinds(title: str, results: dict[str, dict[str, dict]]) -> None:
    """One row per kind, one block of columns per aligner."""
    names = list(results)
    print(f"\n  {title}")
    top, head = "                       ", "  kind             gold"
    for name in names:
        top += f" | {name:<40}"
        head += " |     pred  P     R     F1    linked"
    print(top)
    print(head)
    for kind in (*KINDS, "all", "pairs, any kind", "moved, light"):
        row = f"  {kind:<15} {results[names[0]][kind]['gold']:>6}"
        for name in names:
            s = results[name][kind]
            linked = s.get("linked")
            row += (
                f" | {s['pred']:>8}  {_f(s['P'])} {_f(s['R'])} {_f(s['F1'])}"
                f" {_f(linked) if linked is not None else '     '}"
            )
        print(row)
    extra = [f"{name} {results[name]['restructured']['pred']}" for name in names]
    print("  (pred: predicted count; linked: recall whatever the kind the pair was given;")
    print(f"   pairs linked as restructured: {', '.join(extra)};")
    print("   moved, light: moves unedited or with light edits only, heavily edited moves")
    print("   left out of both the gold and the predictions)")


def print_edits(tables: dict[str, dict[str, Counter[str]]]) -> None:
    names = list(tables)
    print("\n  by edit (old clauses; 'added': new ones)")
    head = "  edit          n"
    head += " |   ok  kind del+add deleted wrong" + "".join(
        f" | {n}: ok del+add" for n in names[1:]
    )
    print(f"{head}    ({names[0]} first)")
    for edit in EDITS:
        c = tables[names[0]][edit]
        n = sum(c.values())
        if not n:
            continue
        if edit in ("delete", "added"):
            row = f"  {edit:<11} {n:>5} | {c['ok']:>4}  linked {c['linked']:>4}            "
        else:
            row = (
                f"  {edit:<11} {n:>5} | {c['ok']:>4} {c['kind']:>5} {c['del+add']:>7}"
                f" {c['deleted']:>7} {c['wrong']:>5}"
            )
        for name in names[1:]:
            d = tables[name][edit]
            if edit in ("delete", "added"):
                row += f" | {d['ok']:>11}        "
            else:
                row += f" | {d['ok']:>11} {d['del+add']:>7}"
        print(row)


# ---------------------------------------------------------------------------------------
# measuring


def _timed(fn, repeat: int):  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def _documents(pair: Pair) -> tuple[Document, Document, float]:
    a_txt, b_txt = pair.numbered()
    t0 = time.perf_counter()
    a, b = document_from_text(a_txt), document_from_text(b_txt)
    t = time.perf_counter() - t0
    if len(a.clauses) != len(pair.left) or len(b.clauses) != len(pair.right):
        raise SystemExit(
            f"segmentation disagrees with the generator: {len(a.clauses)}/{len(pair.left)}, "
            f"{len(b.clauses)}/{len(pair.right)} clauses"
        )
    return a, b, t


def _cli_times(pair: Pair) -> tuple[float, float]:
    """Wall time of whole ``clausediff align`` processes on the pair written to files."""
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp) / "left.txt", Path(tmp) / "right.txt"
        a_txt, b_txt = pair.numbered()
        a.write_text(a_txt, encoding="utf-8")
        b.write_text(b_txt, encoding="utf-8")
        out = []
        for extra in ([], ["--json", str(Path(tmp) / "out.json")]):
            t0 = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "clausediff", "align", str(a), str(b), *extra],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
            )
            out.append(time.perf_counter() - t0)
    return out[0], out[1]


def _compare(pair: Pair, a: Document, b: Document, al: Alignment) -> tuple[dict, dict, dict]:
    texts_a = [c.text for c in a.clauses]
    texts_b = [c.text for c in b.clauses]
    eng, dl = from_alignment(al), difflib_baseline(texts_a, texts_b)
    scores = {"engine": score(eng, pair), "difflib": score(dl, pair)}
    edits = {"engine": by_edit(eng, pair), "difflib": by_edit(dl, pair)}
    del_add = {"engine": gold_linked_del_add(eng, pair), "difflib": gold_linked_del_add(dl, pair)}
    return scores, edits, del_add


def _report(scores: dict, edits: dict, del_add: dict, n_linked: int) -> None:
    print_kinds("per kind (clause pairs; deleted/added: clauses)", scores)
    print_edits(edits)
    print(
        "  gold-linked old clauses shown as deleted + added: "
        + ", ".join(f"{k} {v} of {n_linked}" for k, v in del_add.items())
    )


def run(n: int, repeat: int, seed: int, cli: bool) -> dict:
    pair = generate(n, seed=seed * 1_000_003 + n)
    a, b, t_segment = _documents(pair)

    t_align, al = _timed(lambda: align(a, b), repeat)
    clauses_only = AlignConfig(sentences=SentenceRules(enabled=False))
    t_clauses, _ = _timed(lambda: align(a, b, clauses_only), repeat)
    tracemalloc.start()
    align(a, b)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    texts_a = [c.text for c in a.clauses]
    texts_b = [c.text for c in b.clauses]
    t_dl, _ = _timed(lambda: difflib_baseline(texts_a, texts_b), repeat)
    t_dl_bare, _ = _timed(lambda: difflib_clauses_only(texts_a, texts_b), repeat)
    scores, edits, del_add = _compare(pair, a, b, al)

    if n <= 500:
        t0 = time.perf_counter()
        naive = naive_all_pairs(texts_a, texts_b)
        t_naive = time.perf_counter() - t0
        scores["all-pairs"] = score(naive, pair)
        edits["all-pairs"] = by_edit(naive, pair)
        del_add["all-pairs"] = gold_linked_del_add(naive, pair)
    cli_t = _cli_times(pair) if cli and n >= 20000 else None

    n_linked = len({i for i, _ in pair.links})
    print(f"\n=== N = {n} old clauses, {len(pair.right)} new (seed {seed}) ===")
    _report(scores, edits, del_add, n_linked)
    print(f"\n  segmenting both     : {t_segment:6.2f} s")
    print(
        f"  ClauseDiff align    : {t_align:6.2f} s (median of {repeat}), "
        f"peak traced memory {peak / 1e6:6.1f} MB"
    )
    print(f"    without sentences : {t_clauses:6.2f} s (clause links and word changes only)")
    print(f"  difflib baseline    : {t_dl:6.2f} s (clauses, then word ratios of replaced pairs)")
    print(f"    clauses only      : {t_dl_bare:6.2f} s")
    print(
        f"  ratio to difflib    : align {t_align / t_dl:5.1f} x, without sentences "
        f"{t_clauses / t_dl:5.1f} x (against the bare clause pass: {t_align / t_dl_bare:5.1f} x, "
        f"{t_clauses / t_dl_bare:5.1f} x)"
    )
    if n <= 500:
        print(f"  all-pairs rapidfuzz : {t_naive:6.2f} s")
    if cli_t:
        print(
            f"  whole command       : {cli_t[0]:6.2f} s `clausediff align A B` (read, segment, "
            f"align, families, summary); {cli_t[1]:6.2f} s with --json"
        )
    return {
        "n": n,
        "right": len(pair.right),
        "seconds": {
            "segment": t_segment,
            "align": t_align,
            "align_without_sentences": t_clauses,
            "difflib_baseline": t_dl,
            "difflib_clauses_only": t_dl_bare,
            "cli": cli_t,
        },
        "ratio_to_difflib": {"align": t_align / t_dl, "without_sentences": t_clauses / t_dl},
        "peak_traced_mb": peak / 1e6,
        "scores": scores,
        "by_edit": {k: {e: dict(c) for e, c in v.items()} for k, v in edits.items()},
        "gold_linked_deleted_added": del_add,
        "gold_linked_clauses": n_linked,
    }


def stress(n: int, seed: int) -> dict:
    """The hard cases: every clause edited; the old "reworded throughout" (one word changed
    in every new clause: no exact anchor); two unrelated versions."""
    out: dict = {"n": n}
    pair = generate(n, seed=seed * 1_000_003 + n + 1, every_edited=True)
    a, b, _ = _documents(pair)
    t, al = _timed(lambda: align(a, b), 1)
    t_dl, _ = _timed(
        lambda: difflib_baseline([c.text for c in a.clauses], [c.text for c in b.clauses]), 1
    )
    scores, edits, del_add = _compare(pair, a, b, al)
    print(f"\n=== stress: N = {n}, every clause of the new version edited ===")
    _report(scores, edits, del_add, len({i for i, _ in pair.links}))
    print(f"\n  align {t:6.2f} s, difflib baseline {t_dl:6.2f} s ({t / t_dl:5.1f} x)")
    out["every_edited"] = {"align": t, "difflib": t_dl, "scores": scores, "del_add": del_add}

    base = generate(n, seed=seed * 1_000_003 + n)
    pair = reworded(base, seed + 3)
    a, b, _ = _documents(pair)
    t, al = _timed(lambda: align(a, b), 1)
    s = score(from_alignment(al), pair)
    print(f"\n=== N = {n}, one word of every new clause changed (no exact anchor) ===")
    print(
        f"  align {t:6.2f} s, F1 all {s['all']['F1']:.3f}, moved {s['moved']['F1']:.3f}, "
        f"split {s['split']['F1']:.3f}, merged {s['merged']['F1']:.3f}, "
        f"deleted+added {gold_linked_del_add(from_alignment(al), pair)}"
    )
    out["reworded"] = {"align": t, "scores": s}

    other = generate(n, seed=seed * 1_000_003 + n + 2)
    c = document_from_text(other.numbered()[0])
    a = document_from_text(base.numbered()[0])
    t, al = _timed(lambda: align(a, c), 1)
    linked = sum(1 for lk in al.links if lk.left and lk.right)
    dl = difflib_baseline([x.text for x in a.clauses], [x.text for x in c.clauses])
    print(
        f"=== N = {n}, two unrelated versions: align {t:6.2f} s, {linked} links between them "
        f"(difflib: {len(dl.pairs)}) ==="
    )
    out["unrelated"] = {"align": t, "links": linked, "difflib_links": len(dl.pairs)}
    return out


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[5000, 20000])
    ap.add_argument("--repeat", type=int, default=3, help="timing runs (median)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--stress", type=int, default=5000, help="N of the hard cases (0: none)")
    ap.add_argument("--json", type=Path, help="write every figure to this file")
    ap.add_argument("--no-cli", action="store_true", help="skip the whole-command timing")
    args = ap.parse_args(argv)

    results: dict = {"seed": args.seed, "runs": []}
    for n in args.sizes:
        results["runs"].append(run(n, args.repeat, args.seed, not args.no_cli))
    if args.stress:
        results["stress"] = stress(args.stress, args.seed)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak resident memory of this process: {rss:.0f} MB")
    results["peak_rss_mb"] = rss
    rows = results["runs"]
    if len(rows) >= 2:
        xs = [math.log(r["n"]) for r in rows]
        ys = [math.log(r["seconds"]["align"]) for r in rows]
        mx, my = statistics.fmean(xs), statistics.fmean(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
            (x - mx) ** 2 for x in xs
        )
        print(f"fitted exponent of align time against N: {slope:.2f}")
        results["exponent"] = slope
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])

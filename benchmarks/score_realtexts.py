"""Score clause alignments of real versioned texts against a hand-made gold standard.

The suite lives in ``benchmarks/realtexts``: ``manifest.json`` lists the texts (with their
SHA-256 sums) and the version pairs, ``gold/<OLD>__<NEW>.json`` holds the gold standard of a
pair. The gold was written by reading both versions, not from any engine's output.

For each pair the script runs ``clausediff align OLD NEW --keep-order --json -`` as a
separate command (so it depends on nothing inside the package), resolves every gold snippet
to the one clause of the printed alignment that contains it, and scores at clause level:
sentence links are ignored. It scores a difflib baseline over the same clause texts too.

Kinds of gold item and what the scorer asks of an alignment:

* ``link`` (one old, one new): the two clauses are linked (by a link of any kind).
* ``moved`` (one old, one new): the two clauses are linked by a link reported as a move.
* ``split`` (one old, several new) / ``merged`` (several old, one new): the one clause is
  linked to every one of the others.
* ``deleted`` (one old) / ``added`` (one new): the clause is linked to nothing.
* ``no_link`` (one old, one new): the two clauses are not linked; this row reports how many
  such pairs were kept apart ("held"), not precision and recall.

Recall counts gold items. Precision counts what the alignment says about the clauses the gold
speaks of: every linked clause pair, every unpaired clause, every move, split or merge that
touches a clause named in a gold item of that kind (for unpaired clauses and moves: of any
kind but no_link) is judged, and is right when the gold says the same. A clause named in a pairing item
(link, moved, split, merged) has all of its counterparts named in the gold, so any other
pair touching it is wrong. ``pairs`` scores every gold clause pair (from link, moved, split and
merged items) as a link of any kind; ``all`` adds up link, moved, split, merged, deleted and
added.

Usage::

    python benchmarks/score_realtexts.py            # table per pair and overall
    python benchmarks/score_realtexts.py --json     # the same as JSON
    python benchmarks/score_realtexts.py --pair OSL-1.0__OSL-2.0
    python benchmarks/score_realtexts.py --check    # validate the gold files only
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SUITE = Path(__file__).resolve().parent / "realtexts"
KINDS = ("link", "moved", "split", "merged", "deleted", "added", "no_link")
SCORED = ("link", "moved", "split", "merged", "deleted", "added")
ROWS = (*SCORED, "no_link", "pairs", "all")
#: allowed (number of old snippets, number of new snippets); None = two or more
SHAPES = {
    "link": (1, 1),
    "moved": (1, 1),
    "no_link": (1, 1),
    "split": (1, None),
    "merged": (None, 1),
    "deleted": (1, 0),
    "added": (0, 1),
}
DIFFLIB_RATIO = 0.5


class GoldError(Exception):
    """A gold file that cannot be scored; the message says where and why."""


# ---------------------------------------------------------------------------- alignments


@dataclass
class Alignment:
    """Clause-level view of one alignment of two versions."""

    old_texts: list[str]
    new_texts: list[str]
    #: each link: (old clause indices, new clause indices, kind)
    links: list[tuple[tuple[int, ...], tuple[int, ...], str]] = field(default_factory=list)

    def pairs(self) -> dict[tuple[int, int], str]:
        out = {}
        for left, right, kind in self.links:
            for i in left:
                for j in right:
                    out[i, j] = kind
        return out

    def paired(self) -> tuple[set[int], set[int]]:
        pairs = self.pairs()
        return {i for i, _ in pairs}, {j for _, j in pairs}


def clausediff_command() -> list[str]:
    env = os.environ.get("CLAUSEDIFF")
    if env:
        return env.split()
    exe = shutil.which("clausediff")
    if exe:
        return [exe]
    return [sys.executable, "-m", "clausediff"]


def run_engine(old: Path, new: Path) -> Alignment:
    cmd = [*clausediff_command(), "align", str(old), str(new), "--keep-order", "--json", "-"]
    proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr}")
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        raise SystemExit(f"{' '.join(cmd)} did not print JSON: {exc}") from exc
    versions = data["versions"]
    if len(versions) != 2:
        raise SystemExit(f"expected two versions in the alignment, got {len(versions)}")
    ids: list[dict[str, int]] = []
    texts: list[list[str]] = []
    for v in versions:
        ids.append({c["id"]: k for k, c in enumerate(v["clauses"])})
        texts.append([c["text"] for c in v["clauses"]])
    al = Alignment(texts[0], texts[1])
    for lk in data["links"]:
        if (lk["from"], lk["to"]) != (0, 1) or not lk["left"] or not lk["right"]:
            continue  # one-sided (deleted, added, unknown) or another pair of versions
        left = tuple(ids[0][c] for c in lk["left"])
        right = tuple(ids[1][c] for c in lk["right"])
        al.links.append((left, right, lk["kind"]))
    return al


def squash(text: str) -> str:
    return " ".join(text.split())


def run_difflib(old_texts: list[str], new_texts: list[str]) -> Alignment:
    """Baseline: difflib over whitespace-normalised clause texts.

    Equal blocks are unchanged links; in a replace block the k-th old and k-th new clauses
    are paired when their character ratio is at least 0.5; everything else is deleted or
    added. No moves, splits or merges.
    """
    a = [squash(t) for t in old_texts]
    b = [squash(t) for t in new_texts]
    al = Alignment(list(old_texts), list(new_texts))
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            for k in range(i2 - i1):
                al.links.append(((i1 + k,), (j1 + k,), "unchanged"))
        elif op == "replace":
            for k in range(min(i2 - i1, j2 - j1)):
                ratio = difflib.SequenceMatcher(None, a[i1 + k], b[j1 + k], autojunk=False).ratio()
                if ratio >= DIFFLIB_RATIO:
                    al.links.append(((i1 + k,), (j1 + k,), "modified"))
    return al


# ---------------------------------------------------------------------------------- gold


@dataclass
class Item:
    kind: str
    old: tuple[int, ...]
    new: tuple[int, ...]
    why: str


def _where(path: Path, n: int) -> str:
    return f"{path.name}, item {n}"


def load_gold(path: Path, old_text: str, new_text: str, al: Alignment) -> list[Item]:
    """Read and check a gold file; resolve its snippets to clause indices of ``al``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GoldError(f"{path}: no such gold file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: not valid UTF-8 JSON: {exc}") from None
    raw = data.get("items") if isinstance(data, dict) else data
    if not isinstance(raw, list) or not raw:
        raise GoldError(f"{path}: expected a non-empty list of items (or {{'items': [...]}})")
    items = []
    seen: dict[tuple[str, tuple[int, ...], tuple[int, ...]], int] = {}
    for n, it in enumerate(raw, 1):
        where = _where(path, n)
        if not isinstance(it, dict):
            raise GoldError(f"{where}: an item must be an object")
        unknown = set(it) - {"kind", "old", "new", "why"}
        if unknown:
            raise GoldError(f"{where}: unknown field(s) {sorted(unknown)}")
        kind = it.get("kind")
        if kind not in KINDS:
            raise GoldError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
        why = it.get("why")
        if not isinstance(why, str) or not why.strip():
            raise GoldError(f"{where}: 'why' must be a non-empty line of text")
        sides = []
        for side, text, texts in (("old", old_text, al.old_texts), ("new", new_text, al.new_texts)):
            snippets = it.get(side, [])
            if not isinstance(snippets, list) or not all(isinstance(s, str) for s in snippets):
                raise GoldError(f"{where}: '{side}' must be a list of strings")
            sides.append(tuple(_resolve(where, side, s, text, texts) for s in snippets))
        old, new = sides
        want_old, want_new = SHAPES[kind]
        for side, got, want in (("old", old, want_old), ("new", new, want_new)):
            if (want is None and len(got) < 2) or (want is not None and len(got) != want):
                need = "two or more" if want is None else str(want)
                raise GoldError(
                    f"{where}: a {kind!r} item needs {need} '{side}' snippet(s), got {len(got)}"
                )
            if len(set(got)) != len(got):
                raise GoldError(f"{where}: two '{side}' snippets name the same clause")
        key = (kind, old, new)
        if key in seen:
            raise GoldError(f"{where}: repeats item {seen[key]}")
        seen[key] = n
        items.append(Item(kind, old, new, why))
    _check_consistent(path, items)
    return items


def _resolve(where: str, side: str, snippet: str, text: str, clauses: list[str]) -> int:
    count = text.count(snippet)
    if count != 1:
        raise GoldError(
            f"{where}: {side} snippet {snippet!r} occurs {count} times in the {side} text (want once)"
        )
    words = len(snippet.split())
    # fewer than six words only for a short clause (a heading, say) that it mostly covers
    short_ok = any(
        squash(snippet) in squash(c) and 2 * len(squash(snippet)) >= len(squash(c)) for c in clauses
    )
    if words > 25 or (words < 6 and not short_ok):
        raise GoldError(
            f"{where}: {side} snippet {snippet!r} has {words} words "
            "(want 6-15, or fewer that cover most of a short clause)"
        )
    hits = [k for k, c in enumerate(clauses) if snippet in c]
    if not hits:  # the clause text may have had its whitespace or line breaks rejoined
        sq = squash(snippet)
        hits = [k for k, c in enumerate(clauses) if sq in squash(c)]
    if len(hits) != 1:
        raise GoldError(
            f"{where}: {side} snippet {snippet!r} is in {len(hits)} clauses of the alignment (want 1)"
        )
    return hits[0]


def _check_consistent(path: Path, items: list[Item]) -> None:
    pairs = {
        (i, j)
        for it in items
        if it.kind in ("link", "moved", "split", "merged")
        for i in it.old
        for j in it.new
    }
    lone_old = {i for it in items if it.kind == "deleted" for i in it.old}
    lone_new = {j for it in items if it.kind == "added" for j in it.new}
    for i, j in pairs:
        if i in lone_old:
            raise GoldError(f"{path.name}: old clause c{i + 1} is both deleted and paired")
        if j in lone_new:
            raise GoldError(f"{path.name}: new clause c{j + 1} is both added and paired")
    for it in items:
        if it.kind == "no_link" and (it.old[0], it.new[0]) in pairs:
            raise GoldError(
                f"{path.name}: old c{it.old[0] + 1} and new c{it.new[0] + 1} are both linked and no_link"
            )


# ------------------------------------------------------------------------------- scoring


@dataclass
class Row:
    n: int = 0  # gold items
    found: int = 0  # gold items the alignment satisfies
    judged: int = 0  # predictions judged for precision
    right: int = 0  # judged predictions the gold agrees with

    def add(self, other: Row) -> None:
        self.n += other.n
        self.found += other.found
        self.judged += other.judged
        self.right += other.right

    def figures(self, kind: str) -> dict[str, float | None]:
        if kind == "no_link":
            return {"P": None, "R": (self.found / self.n) if self.n else None, "F1": None}
        p = self.right / self.judged if self.judged else None
        r = self.found / self.n if self.n else None
        f = (
            2 * p * r / (p + r)
            if p is not None and r is not None and p + r
            else (0.0 if p is not None and r is not None else None)
        )
        return {"P": p, "R": r, "F1": f}


def named(items: list[Item]) -> tuple[set[int], set[int]]:
    """The clauses whose fate the gold states in full (a no_link item states only one pair)."""
    judged = [it for it in items if it.kind != "no_link"]
    return {i for it in judged for i in it.old}, {j for it in judged for j in it.new}


def linked_pairs(items: list[Item]) -> set[tuple[int, int]]:
    """Every clause pair the gold links (link, moved, split and merged items)."""
    return {
        (i, j)
        for it in items
        if it.kind in ("link", "moved", "split", "merged")
        for i in it.old
        for j in it.new
    }


def score(items: list[Item], al: Alignment) -> dict[str, Row]:
    pairs = al.pairs()
    paired_old, paired_new = al.paired()
    gold_pairs = linked_pairs(items)
    named_old, named_new = named(items)
    rows = {k: Row() for k in ROWS}

    def of(kind: str) -> list[Item]:
        return [it for it in items if it.kind == kind]

    # link and moved: recall per item, precision over the pairs touching their clauses
    for kind in ("link", "moved"):
        row = rows[kind]
        for it in of(kind):
            row.n += 1
            got = pairs.get((it.old[0], it.new[0]))
            row.found += got is not None and (kind == "link" or got == "moved")
        if kind == "link":
            olds = {it.old[0] for it in of(kind)}
            news = {it.new[0] for it in of(kind)}
            judged = [p for p in pairs if p[0] in olds or p[1] in news]
            row.judged += len(judged)
            row.right += sum(p in gold_pairs for p in judged)
        else:
            moved_gold = {(it.old[0], it.new[0]) for it in of(kind)}
            judged = [
                p
                for p, k in pairs.items()
                if k == "moved" and (p[0] in named_old or p[1] in named_new)
            ]
            row.judged += len(judged)
            row.right += sum(p in moved_gold for p in judged)

    # split and merged: the one clause linked to every one of the others
    for kind, one, many in (("split", "old", "new"), ("merged", "new", "old")):
        row = rows[kind]
        golds = of(kind)
        for it in golds:
            row.n += 1
            row.found += all((i, j) in pairs for i in it.old for j in it.new)
        for left, right, lk in al.links:
            if lk != kind:
                continue
            ones, manys = (left, right) if one == "old" else (right, left)
            touches = any(i in named_old for i in left) or any(j in named_new for j in right)
            if not touches:
                continue
            row.judged += 1
            row.right += any(
                getattr(it, one) == ones and set(getattr(it, many)) == set(manys) for it in golds
            )

    # deleted and added: left unpaired
    for kind, side, paired, pool in (
        ("deleted", "old", paired_old, named_old),
        ("added", "new", paired_new, named_new),
    ):
        row = rows[kind]
        lone = {getattr(it, side)[0] for it in of(kind)}
        row.n += len(of(kind))
        row.found += sum(k not in paired for k in lone)
        count = len(al.old_texts) if side == "old" else len(al.new_texts)
        judged = [k for k in range(count) if k not in paired and k in pool]
        row.judged += len(judged)
        row.right += sum(k in lone for k in judged)

    row = rows["no_link"]
    for it in of("no_link"):
        row.n += 1
        row.found += (it.old[0], it.new[0]) not in pairs

    row = rows["pairs"]
    row.n = len(gold_pairs)
    row.found = sum(p in pairs for p in gold_pairs)
    judged = [p for p in pairs if p[0] in named_old or p[1] in named_new]
    row.judged = len(judged)
    row.right = sum(p in gold_pairs for p in judged)

    for kind in SCORED:
        rows["all"].add(rows[kind])
    return rows


def misses(items: list[Item], al: Alignment) -> list[str]:
    """One line per gold item the alignment does not satisfy, and per wrong prediction."""
    pairs = al.pairs()
    paired_old, paired_new = al.paired()
    gold_pairs = linked_pairs(items)
    named_old, named_new = named(items)

    def o(i: int) -> str:
        return f"old c{i + 1} «{squash(al.old_texts[i])[:60]}»"

    def n(j: int) -> str:
        return f"new c{j + 1} «{squash(al.new_texts[j])[:60]}»"

    def fate_old(i: int) -> str:
        got = [f"c{j + 1} ({k})" for (a, j), k in sorted(pairs.items()) if a == i]
        return "linked to new " + ", ".join(got) if got else "left unpaired"

    def fate_new(j: int) -> str:
        got = [f"c{i + 1} ({k})" for (i, b), k in sorted(pairs.items()) if b == j]
        return "linked to old " + ", ".join(got) if got else "left unpaired"

    out = []
    for it in items:
        if it.kind in ("link", "moved"):
            i, j = it.old[0], it.new[0]
            got = pairs.get((i, j))
            if got is None or (it.kind == "moved" and got != "moved"):
                out.append(
                    f"missed {it.kind}: {o(i)} -> {n(j)}; engine: old {fate_old(i)}, new {fate_new(j)}"
                )
        elif it.kind in ("split", "merged"):
            if not all((i, j) in pairs for i in it.old for j in it.new):
                sides = "; ".join(
                    [f"{o(i)} {fate_old(i)}" for i in it.old]
                    + [f"{n(j)} {fate_new(j)}" for j in it.new]
                )
                out.append(f"missed {it.kind}: {sides}")
        elif it.kind == "deleted" and it.old[0] in paired_old:
            out.append(f"missed deleted: {o(it.old[0])} {fate_old(it.old[0])}")
        elif it.kind == "added" and it.new[0] in paired_new:
            out.append(f"missed added: {n(it.new[0])} {fate_new(it.new[0])}")
        elif it.kind == "no_link" and (it.old[0], it.new[0]) in pairs:
            out.append(f"violated no_link: {o(it.old[0])} -> {n(it.new[0])}")
    for (i, j), k in sorted(pairs.items()):
        if (i in named_old or j in named_new) and (i, j) not in gold_pairs:
            out.append(f"wrong pair ({k}): {o(i)} -> {n(j)}")
    for i in sorted(named_old - paired_old):
        if not any(it.kind == "deleted" and it.old[0] == i for it in items):
            out.append(f"wrongly unpaired: {o(i)}")
    for j in sorted(named_new - paired_new):
        if not any(it.kind == "added" and it.new[0] == j for it in items):
            out.append(f"wrongly unpaired: {n(j)}")
    return out


# ------------------------------------------------------------------------------- driver


def load_manifest() -> dict[str, Any]:
    path = SUITE / "manifest.json"
    if not path.is_file():
        raise SystemExit(f"{path}: no manifest")
    manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    for tid, t in manifest["texts"].items():
        data = (SUITE / t["file"]).read_bytes()
        got = hashlib.sha256(data).hexdigest()
        if got != t["sha256"]:
            raise SystemExit(f"{t['file']}: SHA-256 {got} differs from the manifest ({tid})")
    return manifest


def pair_name(p: dict[str, Any]) -> str:
    return f"{p['old']}__{p['new']}"


def evaluate(manifest: dict[str, Any], only: list[str] | None) -> dict[str, Any]:
    result: dict[str, Any] = {"pairs": {}, "overall": {}}
    totals = {"engine": {k: Row() for k in ROWS}, "difflib": {k: Row() for k in ROWS}}
    names = [pair_name(p) for p in manifest["pairs"]]
    for want in only or []:
        if want not in names:
            raise SystemExit(f"no pair {want!r} in the manifest (pairs: {', '.join(names)})")
    for p in manifest["pairs"]:
        name = pair_name(p)
        if only and name not in only:
            continue
        old = SUITE / manifest["texts"][p["old"]]["file"]
        new = SUITE / manifest["texts"][p["new"]]["file"]
        if not p.get("gold"):
            continue
        engine = run_engine(old, new)
        base = run_difflib(engine.old_texts, engine.new_texts)
        items = load_gold(
            SUITE / p["gold"],
            old.read_text(encoding="utf-8"),
            new.read_text(encoding="utf-8"),
            engine,
        )
        entry: dict[str, Any] = {
            "items": len(items),
            "clauses": [len(engine.old_texts), len(engine.new_texts)],
        }
        for who, al in (("engine", engine), ("difflib", base)):
            rows = score(items, al)
            for k, r in rows.items():
                totals[who][k].add(r)
            entry[who] = {
                k: {
                    "n": r.n,
                    "found": r.found,
                    "judged": r.judged,
                    "right": r.right,
                    **r.figures(k),
                }
                for k, r in rows.items()
            }
            entry[f"{who}_misses"] = misses(items, al)
        result["pairs"][name] = entry
    for who, rows in totals.items():
        result["overall"][who] = {
            k: {"n": r.n, "found": r.found, "judged": r.judged, "right": r.right, **r.figures(k)}
            for k, r in rows.items()
        }
    return result


def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def table(title: str, entry: dict[str, Any]) -> str:
    lines = [
        f"### {title}",
        "",
        "| kind | n | engine P | engine R | engine F1 | difflib P | difflib R | difflib F1 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for k in ROWS:
        e, d = entry["engine"][k], entry["difflib"][k]
        if not e["n"] and not e["judged"] and not d["judged"]:
            continue
        lines.append(
            f"| {k} | {e['n']} | {_fmt(e['P'])} | {_fmt(e['R'])} | {_fmt(e['F1'])} "
            f"| {_fmt(d['P'])} | {_fmt(d['R'])} | {_fmt(d['F1'])} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument(
        "--pair", action="append", metavar="OLD__NEW", help="score only this pair (repeatable)"
    )
    ap.add_argument("--check", action="store_true", help="only check that the gold files resolve")
    ap.add_argument(
        "--misses", action="store_true", help="after each table, list what the engine got wrong"
    )
    ap.add_argument(
        "--suite", type=Path, help="another suite folder laid out like benchmarks/realtexts"
    )
    args = ap.parse_args(argv)
    if args.suite:
        global SUITE
        SUITE = args.suite.resolve()
    manifest = load_manifest()
    try:
        result = evaluate(manifest, args.pair)
    except GoldError as exc:
        print(f"bad gold file: {exc}", file=sys.stderr)
        return 2
    if args.check:
        for name, e in result["pairs"].items():
            print(
                f"{name}: {e['items']} items resolve ({e['clauses'][0]} / {e['clauses'][1]} clauses)"
            )
        return 0
    if args.json:
        json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    out = [
        "no_link rows: R is the share of look-alike pairs kept apart; P and F1 do not apply.",
        "",
    ]
    for name, e in result["pairs"].items():
        counts = ", ".join(
            f"{k} {e['engine'][k]['n']}" for k in (*SCORED, "no_link") if e["engine"][k]["n"]
        )
        out += [table(f"{name} ({e['items']} gold items: {counts})", e), ""]
        if args.misses:
            out += [f"- {m}" for m in e["engine_misses"]] or ["- (nothing)"]
            out.append("")
    out.append(table("Overall", result["overall"]))
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

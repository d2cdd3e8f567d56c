"""What each ``clausediff`` command does: each imports the part of the engine it uses (so
that ``--help`` and ``--version`` stay quick) and prints text, or JSON where asked. A bad
input raises :class:`~clausediff.core.errors.ClauseDiffError`, which :func:`clausediff.cli.main`
prints as one line.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from clausediff.core.errors import ClauseDiffError, printable

if TYPE_CHECKING:  # (the engine is imported by the commands that use it: --help stays quick)
    from clausediff.core.compare.lineage import Lineage
    from clausediff.core.store.review import Correction

EXIT_OK, EXIT_USAGE = 0, 2


def print_error(message: str) -> None:
    """Print ``message`` as the one line of an error on stderr: a line break or a control
    character in it (a file's name, say) is shown escaped, never sent to the terminal."""
    print(f"clausediff: {printable(message)}", file=sys.stderr)


# ----------------------------------------------------------------------------- commands


def _cmd_library(ns: argparse.Namespace) -> int:
    from clausediff.core.read.bundled import bundled_entries
    from clausediff.core.store.library import Entry, open_library

    entries = bundled_entries()
    imported: Sequence[Entry] = ()
    problems: list[str] = []
    try:
        library = open_library()
        listing = library.listing()  # (a row that cannot be read is named, the others listed)
        imported, problems = listing.entries, list(listing.problems)
        if library.set_aside is not None:
            problems.append(f"The library was damaged; it was set aside as {library.set_aside}.")
    except ClauseDiffError as exc:
        problems.append(f"{exc} Only the bundled decisions are listed.")
    if ns.json:
        from clausediff.core.render.serialize import info_json

        out = [{"id": f"bundled:{e.info.symbols[0]}", **info_json(e.info)} for e in entries]
        out += [
            {
                "id": f"lib:{e.id}",
                "symbols": list(e.symbols),
                "title": e.title,
                "date": e.date,
                "body": e.body,
                "complete": e.complete,
                "format": e.format,
                "file": e.file_name,
                "imported": e.imported_at,
                "sha256": e.sha256,
            }
            for e in imported
        ]
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        rows = [
            (
                "bundled",
                " / ".join(e.info.symbols),
                e.info.date,
                e.info.title,
                "complete" if e.info.complete else "excerpt",
            )
            for e in entries
        ]
        rows += [
            (
                f"lib:{e.id}",
                " / ".join(e.symbols) or "(no symbol)",
                e.date or "-",
                e.title or e.file_name,
                f"{'complete' if e.complete else 'excerpt'}, {e.format}",
            )
            for e in imported
        ]
        _table(("Id", "Symbol", "Date", "Title", "Text"), rows)
    for problem in problems:
        print(f"clausediff: {problem}", file=sys.stderr)
    return EXIT_OK


def _cmd_import(ns: argparse.Namespace) -> int:
    from clausediff.core.read.files import load_file
    from clausediff.core.store.library import open_library

    library = open_library()
    if library.set_aside is not None:
        print(
            f"clausediff: the library was damaged; set aside as {library.set_aside}",
            file=sys.stderr,
        )
    status = EXIT_OK
    for name in ns.files:
        path = Path(name)
        try:
            doc = load_file(path, tracked=ns.tracked)
            entry_id, replaced = library.add(doc)
        except ClauseDiffError as exc:  # (named once: the readers' messages name the file)
            shown, message = printable(path.name), str(exc)
            print_error(message if shown in message else f"{shown}: {message}")
            status = EXIT_USAGE
            continue
        info = doc.info
        what = "Re-imported" if replaced else "Imported"
        print(
            f"{what} {printable(path.name)} as lib:{entry_id}: {info.symbol or '(no symbol found)'}"
            f"  {info.date or '(no date found)'}  {len(doc.clauses)} clauses ({info.format})"
        )
        if info.notes:
            print(f"  {info.notes}")
        if info.footnotes:
            print(f"  {len(info.footnotes)} footnotes kept apart")
    return status


def _cmd_remove(ns: argparse.Namespace) -> int:
    from clausediff.core.store.library import open_library

    library = open_library()
    status = EXIT_OK
    for entry_id in ns.ids:
        if library.remove(entry_id):
            print(f"Removed lib:{entry_id}")
        else:
            print(f"clausediff: the library has no document lib:{entry_id}", file=sys.stderr)
            status = EXIT_USAGE
    return status


def _cmd_segments(ns: argparse.Namespace) -> int:
    from clausediff.core.render.serialize import document_json, json_text
    from clausediff.session.versions import resolve_version

    doc = resolve_version(ns.version)
    if ns.json:
        print(json_text(document_json(doc)))
        return EXIT_OK
    shown = printable(doc.info.label)
    print(f"{shown}  ({doc.info.format}, {doc.info.encoding}, {len(doc.clauses)} clauses)")
    if doc.info.symbols or doc.info.date:
        print(f"  symbols: {doc.info.symbol or '-'}   date: {doc.info.date or '-'}")
    if doc.info.header:
        print(f"  header (metadata, not clauses): {' | '.join(doc.info.header)}")
    if doc.info.notes and not doc.info.bundled:
        print(f"  {doc.info.notes}")
    for c in doc.clauses:
        text = c.gap_note if c.is_gap else c.text
        text = " ".join((text or "").split())
        print(f"{c.id:>5}  {c.kind.value:<10}  {c.display_label():<10}  {text}")
    return EXIT_OK


def load_lineage(
    specs: Sequence[str], *, keep_order: bool = False, corrections: Sequence[Correction] = ()
) -> tuple[Lineage, list[str]]:
    """The lineage of the versions named, with a review's ``corrections`` applied (those
    that no longer apply are listed on stderr)."""
    from clausediff.core.compare.config import DEFAULT_CONFIG
    from clausediff.core.compare.lineage import date_order
    from clausediff.session.comparison import check_size, corrected_lineage
    from clausediff.session.versions import resolve_version

    if len(specs) < 2:
        raise ClauseDiffError("Give at least two versions to align.")
    docs = [resolve_version(s) for s in specs]
    check_size(docs, DEFAULT_CONFIG.limits)  # (the window's bound, before anything is aligned)
    paths = {id(d): s for d, s in zip(docs, specs, strict=True)}
    ordered = docs if keep_order else date_order(docs)
    lineage, _applied, stale = corrected_lineage(ordered, DEFAULT_CONFIG, corrections)
    for s in stale:
        print(f"clausediff: {printable(s.message)}", file=sys.stderr)
    return lineage, [paths[id(d)] for d in ordered]


def _say_rules_problem() -> None:
    """One line on stderr when the flag rules in force cannot be used (nothing is flagged)."""
    from clausediff.core.compare.flag_rules import rules_problem

    problem = rules_problem()
    if problem:
        print(f"clausediff: {printable(problem)}", file=sys.stderr)


def _cmd_align(ns: argparse.Namespace) -> int:
    from clausediff.core.render.serialize import lineage_json, write_json

    _say_rules_problem()

    corrections: list[Correction] = []
    if ns.review:
        from clausediff.core.store.review import Review

        corrections = Review(Path(ns.review)).corrections()
    lineage, paths = load_lineage(ns.versions, keep_order=ns.keep_order, corrections=corrections)
    if ns.json:
        value = lineage_json(lineage, paths, stream=True)
        if ns.json == "-":
            write_json(value, sys.stdout.write)
            sys.stdout.write("\n")
        else:  # written beside the target and moved over it: a failure leaves it whole
            target = Path(ns.json)
            part = target.with_name(f".{target.name}.part")
            try:
                with part.open("w", encoding="utf-8", newline="\n") as out:
                    write_json(value, out.write)
                    out.write("\n")
                part.replace(target)
            finally:
                part.unlink(missing_ok=True)
            print(f"Wrote {ns.json}", file=sys.stderr)
        return EXIT_OK
    _print_summary(lineage)
    return EXIT_OK


def _cmd_summary(ns: argparse.Namespace) -> int:
    from clausediff.core.compare.config import DEFAULT_CONFIG
    from clausediff.core.render.brief import brief_json, brief_text
    from clausediff.session.comparison import check_size
    from clausediff.session.summary import brief_of_series, brief_of_versions
    from clausediff.session.versions import resolve_version

    if len(ns.versions) < 2:
        raise ClauseDiffError("summary needs two VERSION arguments or more.")
    _say_rules_problem()
    docs = [resolve_version(s) for s in ns.versions]
    check_size(docs, DEFAULT_CONFIG.limits)
    series = None
    if len(docs) > 2:
        brief, series = brief_of_series(docs, keep_order=ns.keep_order)
    else:
        brief = brief_of_versions(docs, keep_order=ns.keep_order)
    print(
        json.dumps(brief_json(brief, series), indent=2, ensure_ascii=False)
        if ns.json
        else brief_text(brief, series)
    )
    return EXIT_OK


def _print_summary(lineage: Lineage) -> None:
    from clausediff.core.compare.links import LinkKind
    from clausediff.core.render.wording import (
        ONLY_LETTER_CASE_CHANGED,
        kind_text,
        sentence_moves,
    )

    for v, doc in enumerate(lineage.versions):
        excerpt = "" if doc.is_complete else "  [excerpt]"
        print(f"v{v}  {doc.info.label}  {doc.info.symbol}  {doc.info.date}{excerpt}")
    for v, al in enumerate(lineage.pairs):
        print()
        print(f"v{v} → v{v + 1}: {al.left.info.label} → {al.right.info.label}")
        counts = al.counts()
        print("  " + ", ".join(f"{k.value} {n}" for k, n in counts.items() if n))
        moves = sentence_moves(al)
        for n, lk in enumerate(al.links):
            if lk.kind is LinkKind.UNCHANGED and n not in moves:
                continue
            left, right = al.left.labels(lk.left, ","), al.right.labels(lk.right, ",")
            words = " ".join(al.lead_text(lk).split())
            sample = words[:60] + ("…" if len(words) > 60 else "")
            print(f"  {kind_text(lk):<20} {left:>11} → {right:<11} {lk.score:4.2f}  {sample}")
            if al.only_letter_case(lk):
                print(f"  {'':<20} {'':>11}   ↳ {ONLY_LETTER_CASE_CHANGED}")
            for _, line in moves.get(n, []):
                print(f"  {'':<20} {'':>11}   ↳ {line}")
    print()
    changed = sum(1 for f in lineage.families if len(f.members) > 1)
    print(f"{len(lineage.families)} clause families, {changed} spanning several versions")


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(str(r[k])) for r in [header, *rows]) for k in range(len(header))]
    for r in [header, *rows]:
        print("  ".join(str(cell).ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip())


def _cmd_export(ns: argparse.Namespace) -> int:
    from clausediff.core.store.review import Review
    from clausediff.session.exporting import PdfWriter, PngWriter, export
    from clausediff.session.reviewing import notes_for_export

    lineage, _paths = load_lineage(ns.versions, keep_order=ns.keep_order)
    notes = None
    if ns.review:
        review = Review(Path(ns.review))
        missing = review.missing(lineage.versions)
        if missing:
            names = ", ".join(f"{v.label} ({v.sha256[:12]}…)" for v in missing)
            print(f"clausediff: the review also covers versions not given here: {names}",
                  file=sys.stderr)  # fmt: skip
        notes = notes_for_export(review, lineage)
    out = Path(ns.output)
    pdf: PdfWriter | None = None
    if ns.format == "pdf":  # drawn by Qt, offscreen
        from clausediff.gui.exports import write_pdf_headless

        pdf = write_pdf_headless
    png: PngWriter | None = None
    if ns.format == "png":  # drawn by Qt, offscreen
        from clausediff.gui.flow_paint import write_png_headless

        png = write_png_headless
    export(lineage, out, ns.format, notes, pdf=pdf, page_size=ns.page, png=png)
    print(f"Wrote {out}", file=sys.stderr)
    return EXIT_OK


def _cmd_note(ns: argparse.Namespace) -> int:
    from clausediff.core.store.review import Review
    from clausediff.session import reviewing
    from clausediff.session.versions import resolve_version

    doc = resolve_version(ns.version)
    index = next(
        (c.index for c in doc.clauses if ns.clause in (c.id, c.label, c.display_label())), None
    )
    if index is None:
        raise ClauseDiffError(f"{doc.info.label} has no clause {ns.clause!r}.")
    review = Review(Path(ns.review), create=True)
    # (the note's version joins the review; the versions it covers already all stay)
    note = review.add_note(doc, index, ns.text, status=ns.status, author=ns.author)
    print(f"Note {note.id} on {doc.info.label} {note.clause_label} ({note.status})")
    if review.cleaned:
        print(f"clausediff: {reviewing.cleaned_message(review)}", file=sys.stderr)
    return EXIT_OK


def _cmd_history(ns: argparse.Namespace) -> int:
    from clausediff.core.render.phrases import phrase_lines, quote
    from clausediff.core.render.serialize import write_json
    from clausediff.session.history import PhraseOrigins

    lineage, paths = load_lineage(ns.versions, keep_order=ns.keep_order)
    origins = PhraseOrigins(lineage)
    if ns.json:
        write_json(origins.json(paths), sys.stdout.write)
        sys.stdout.write("\n")
        return EXIT_OK
    for v, doc in enumerate(lineage.versions):
        excerpt = "" if doc.is_complete else "  [excerpt]"
        print(f"v{v}  {origins.names[v]}: {printable(doc.info.label)}  {doc.info.symbol}"
              f"  {doc.info.date}{excerpt}")  # fmt: skip
    last = origins.newest
    for c in lineage.versions[last].clauses:
        if c.is_gap:
            continue
        print()
        print(f"{c.id}  {c.display_label()}  {printable(quote(c.text))}")
        for line in phrase_lines(c.text, origins.history.spans(last, c.index), origins.names):
            print(f"    {printable(line)}")
    return EXIT_OK


COMMANDS = {
    "library": _cmd_library,
    "segments": _cmd_segments,
    "align": _cmd_align,
    "summary": _cmd_summary,
    "import": _cmd_import,
    "remove": _cmd_remove,
    "export": _cmd_export,
    "note": _cmd_note,
    "history": _cmd_history,
}

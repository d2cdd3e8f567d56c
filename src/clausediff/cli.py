"""The ``clausediff`` command: the window by default, subcommands for headless use.

Every subcommand shares the core with the window; anything the window computes, a command
can print as JSON. Bad input ends with one line on stderr and exit status 2, never a
traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from clausediff import __version__
from clausediff.core import collector
from clausediff.core.errors import ClauseDiffError, printable

if TYPE_CHECKING:  # (the engine is imported by the commands that use it: --help stays quick)
    from clausediff.core.compare.lineage import Lineage
    from clausediff.core.store.review import Correction

EXIT_OK, EXIT_USAGE = 0, 2
SUBCOMMANDS = (
    "library",
    "segments",
    "align",
    "summary",
    "history",
    "import",
    "remove",
    "export",
    "note",
)


_USAGE = (
    "clausediff [-h] [--version] [--screenshot OUT.png] [VERSION ...]\n"
    "       clausediff COMMAND ..."
)
_VERSIONS = """VERSION: a file (PDF, Word, HTML, text), a symbol (WT/L/843), lib:ID
(imported) or bundled:SYMBOL. Two or more are compared (by default the bundled
1998, 2011 and 2013 decisions); one is compared with the newest version before it."""


def _commands_usage(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> str:
    """Every command's options, for the end of ``clausediff --help``."""
    lines = [p.format_usage().removeprefix("usage: ").rstrip() for p in sub.choices.values()]
    return (
        "usage of the commands:\n"
        + "\n".join(f"  {line}" for line in lines)
        + ("\n\nRun 'clausediff COMMAND --help' for what each option does.")
    )


def _window_options(p: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    """The options of the window, in ``clausediff --help`` and in the window's own parser."""
    p.add_argument(
        "--screenshot",
        metavar="OUT.png",
        help="render the window offscreen at 1400x900 once the comparison is ready, save it "
        "as OUT.png and exit (needs no display)",
    )


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="clausediff",
        usage=_USAGE,
        description=(
            "See how the wording of a ministerial decision changed from one version to the\n"
            "next, clause by clause. Without a COMMAND, opens the window on the VERSIONs\n"
            "('clausediff-app' opens it without a console)."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"clausediff {__version__}")
    window = p.add_argument_group("the window (no COMMAND)", _VERSIONS)
    _window_options(window)
    sub = p.add_subparsers(
        dest="command", metavar="COMMAND", title="commands (headless)", prog="clausediff"
    )

    sub.add_parser("library", help="list the bundled and imported decisions").add_argument(
        "--json", action="store_true", help="print JSON instead of a table"
    )

    imp = sub.add_parser(
        "import", help="read PDF, Word, HTML or text files into the library (kept for next time)"
    )
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument(
        "--tracked",
        choices=("final", "original"),
        default="final",
        help="for Word files with tracked changes: the final text (default) or the original",
    )

    ex = sub.add_parser(
        "export",
        help="write the comparison (two versions) or lineage (more) as HTML, PDF, Word or CSV, "
        "or the flow picture of its clause families as SVG or PNG",
    )
    ex.add_argument("versions", nargs="+", metavar="VERSION")
    ex.add_argument(
        "--format",
        "-f",
        choices=("html", "pdf", "docx", "docx-report", "csv", "svg", "png"),
        required=True,
        help="docx: the Word redline (the newer text, the changes tracked: Accept All gives "
        "it, Reject All the older); docx-report: the findings clause by clause in Word; "
        "svg, png: the flow picture of the clause families across the versions",
    )
    ex.add_argument("-o", "--output", metavar="FILE", required=True, help="the file to write")
    ex.add_argument("--review", metavar="FILE.cdreview", help="include this review's notes")
    ex.add_argument(
        "--page",
        choices=("a4", "letter"),
        default="a4",
        help="the paper of the PDF and Word exports (default A4)",
    )
    ex.add_argument("--keep-order", action="store_true", help="do not sort by date")

    nt = sub.add_parser("note", help="add a note to a clause in a review file (made if new)")
    nt.add_argument("review", metavar="FILE.cdreview")
    nt.add_argument("version", metavar="VERSION")
    nt.add_argument("clause", metavar="CLAUSE", help="clause id (c7) or label (1.2)")
    nt.add_argument("text")
    nt.add_argument(
        "--status", choices=("none", "agreed", "to discuss", "red line"), default="none"
    )
    nt.add_argument("--author", default="")

    rm = sub.add_parser("remove", help="remove an imported document from the library")
    rm.add_argument("ids", nargs="+", metavar="ID", type=int, help="its number in 'library'")

    seg = sub.add_parser("segments", help="print the clauses of a decision text")
    seg.add_argument("version", metavar="FILE_OR_SYMBOL")
    seg.add_argument("--json", action="store_true", help="print JSON")

    al = sub.add_parser("align", help="align two or more versions, clause by clause")
    al.add_argument("versions", nargs="+", metavar="VERSION", help="file path or bundled symbol")
    al.add_argument(
        "--json", metavar="OUT", help="write the alignment as JSON to OUT ('-' for stdout)"
    )
    al.add_argument(
        "--keep-order",
        action="store_true",
        help="keep the versions in the order given instead of date order",
    )
    al.add_argument(
        "--review",
        metavar="FILE",
        help="apply the corrections of this review (clauses paired by hand or kept apart); "
        "those that no longer apply are listed on stderr",
    )
    hi = sub.add_parser(
        "history",
        help="say, for each clause of the last version, which version introduced each phrase",
    )
    hi.add_argument("versions", nargs="+", metavar="VERSION", help="two or more, oldest first")
    hi.add_argument("--json", action="store_true", help="print JSON")
    hi.add_argument("--keep-order", action="store_true", help="do not sort by date")
    sm = sub.add_parser(
        "summary",
        help="the brief of two versions: their provenance, counts per kind, and the flagged "
        "changes by severity",
    )
    sm.add_argument(
        "versions",
        nargs="+",
        metavar="VERSION",
        help="two versions; or three or more drafts of a series: the brief of the last two, "
        "then the newest against the first with the draft that made each flagged change",
    )
    sm.add_argument("--json", action="store_true", help="print JSON")
    sm.add_argument("--keep-order", action="store_true", help="do not sort by date")
    p.epilog = _commands_usage(sub)
    return p


def _gui_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="clausediff", usage=_USAGE, add_help=False)
    p.add_argument("versions", nargs="*", metavar="VERSION")
    _window_options(p)
    p.add_argument("-h", "--help", action="store_true")  # the whole help, commands included
    p.add_argument("--version", action="version", version=f"clausediff {__version__}")
    return p


def _error(message: str) -> None:
    """Print ``message`` as the one line of an error on stderr: a line break or a control
    character in it (a file's name, say) is shown escaped, never sent to the terminal."""
    print(f"clausediff: {printable(message)}", file=sys.stderr)


def main(argv: Sequence[str] | None = None, *, window: bool = False) -> int:
    """Run ``clausediff`` on ``argv``; with ``window``, never a subcommand (clausediff-app)."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if not window and args and (args[0] in SUBCOMMANDS or args[0] in ("-h", "--help")):
            ns = _parser().parse_args(args)
            # a command builds many small values and no cycles, then ends: the collector's
            # passes would only slow it (a third of a long alignment written as JSON)
            with collector.paused():
                return int(_COMMANDS[ns.command](ns))
        ns = _gui_parser().parse_args(args)
        if ns.help:
            _parser().print_help()
            return EXIT_OK
        from clausediff.gui.app import run_gui

        return run_gui(ns.versions, screenshot=ns.screenshot)
    except ClauseDiffError as exc:
        _error(str(exc))
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:
        _error(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


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
            _error(message if shown in message else f"{shown}: {message}")
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


_COMMANDS = {
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

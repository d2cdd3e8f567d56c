"""The arguments of ``clausediff``: the window's, and each command's (help text included).

Nothing here imports the engine: ``--help`` and ``--version`` stay quick.
"""

from __future__ import annotations

import argparse

from clausediff import __version__

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


def parser() -> argparse.ArgumentParser:
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


def gui_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="clausediff", usage=_USAGE, add_help=False)
    p.add_argument("versions", nargs="*", metavar="VERSION")
    _window_options(p)
    p.add_argument("-h", "--help", action="store_true")  # the whole help, commands included
    p.add_argument("--version", action="version", version=f"clausediff {__version__}")
    return p

"""The ``clausediff`` command: the window by default, subcommands for headless use.

Every subcommand shares the core with the window; anything the window computes, a command
can print as JSON. Bad input ends with one line on stderr and exit status 2, never a
traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from clausediff.cli.arguments import SUBCOMMANDS, gui_parser, parser
from clausediff.cli.commands import COMMANDS, EXIT_OK, EXIT_USAGE, print_error
from clausediff.core import collector
from clausediff.core.errors import ClauseDiffError

__all__ = ["SUBCOMMANDS", "main"]


def main(argv: Sequence[str] | None = None, *, window: bool = False) -> int:
    """Run ``clausediff`` on ``argv``; with ``window``, never a subcommand (clausediff-app)."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if not window and args and (args[0] in SUBCOMMANDS or args[0] in ("-h", "--help")):
            ns = parser().parse_args(args)
            # a command builds many small values and no cycles, then ends: the collector's
            # passes would only slow it (a third of a long alignment written as JSON)
            with collector.paused():
                return int(COMMANDS[ns.command](ns))
        ns = gui_parser().parse_args(args)
        if ns.help:
            parser().print_help()
            return EXIT_OK
        from clausediff.gui.app import run_gui

        return run_gui(ns.versions, screenshot=ns.screenshot)
    except ClauseDiffError as exc:
        print_error(str(exc))
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:
        print_error(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130

"""Entry points: ``python -m clausediff`` and the ``clausediff`` console command (the window
by default, subcommands for headless use), and ``clausediff-app``, the window alone, started
without a console (a gui-scripts launcher, the bundles' second executable, the .desktop file).
"""

from __future__ import annotations

import io
import sys


def main() -> int:
    from clausediff.cli import main as cli_main

    return cli_main()


def main_app() -> int:
    """The window on the files given (none: the bundled decisions); never a subcommand.

    Started without a console (Windows, a macOS .app) Python has no stdout or stderr: what
    the command line would print goes nowhere, and an error that ends the start is shown in a
    message box instead.
    """
    from clausediff.cli import main as cli_main

    captured = io.StringIO() if sys.stderr is None else None
    if sys.stdout is None:
        sys.stdout = io.StringIO()  # (the window prints next to nothing)
    if captured is not None:
        sys.stderr = captured
    # (macOS gave an application started from the Finder a process serial number argument)
    args = [a for a in sys.argv[1:] if not a.startswith("-psn_")]
    status = cli_main(args, window=True)
    if status != 0 and captured is not None and captured.getvalue().strip():
        _show_error(captured.getvalue().strip())
    return status


def _show_error(message: str) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    QMessageBox.critical(None, "ClauseDiff could not start", message)
    del app


if __name__ == "__main__":
    sys.exit(main())

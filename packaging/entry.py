"""What both executables of a bundle run (packaging/clausediff.spec).

``clausediff`` (with a console) is the command line: the window by default, the subcommands
for headless use. ``clausediff-app`` (no console on Windows; the executable of the macOS
.app) is the window alone. The same script tells them apart by the executable's name.

A bundle has no Python interpreter, and the PDF reader starts its limited child process as
``sys.executable -I -c CODE`` (core/read/pdf.py): the executable runs that code itself.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path


def _child_streams() -> None:
    """A windowed executable has no Python streams; the child's are the parent's pipes."""
    if sys.stdin is None:
        sys.stdin = io.TextIOWrapper(os.fdopen(0, "rb"), encoding="utf-8")
    if sys.stdout is None:
        sys.stdout = io.TextIOWrapper(os.fdopen(1, "wb"), encoding="utf-8", line_buffering=True)
    if sys.stderr is None:
        sys.stderr = io.TextIOWrapper(os.fdopen(2, "wb"), encoding="utf-8", line_buffering=True)


def run() -> int:
    args = sys.argv[1:]
    if len(args) >= 3 and args[:2] == ["-I", "-c"]:
        _child_streams()
        sys.argv = ["-c", *args[3:]]
        exec(compile(args[2], "<string>", "exec"), {"__name__": "__main__"})
        return 0
    from clausediff.__main__ import main, main_app

    return main_app() if Path(sys.executable).stem.lower().endswith("-app") else main()


if __name__ == "__main__":
    sys.exit(run())

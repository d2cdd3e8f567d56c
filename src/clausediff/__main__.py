"""Entry point: ``python -m clausediff`` and the ``clausediff`` console command."""

from __future__ import annotations

import sys


def main() -> int:
    from clausediff.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())

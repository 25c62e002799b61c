"""The command line: a thin loop over the library.

Exit codes: 0 clean, 1 findings at or above ``--fail-on``, 2 bad input or usage, 3 a bug.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from factlint.app.commands import COMMANDS
from factlint.errors import FactlintError
from factlint.version import __version__

EXIT_BAD_INPUT, EXIT_INTERNAL = 2, 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factlint",
        description="Check the numbers in a report against each other.",
    )
    parser.add_argument("--version", action="version", version=f"factlint {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS.values():
        module.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    try:
        return COMMANDS[args.command].run(args)
    except FactlintError as error:
        print(f"factlint: {error}" if error.path is None else str(error), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug, not bad input: one line and a distinct exit code
        print(
            f"factlint: internal error ({type(error).__name__}: {error}); please report it",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

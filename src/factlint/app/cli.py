"""The command line: a thin loop over the library.

Exit codes: 0 clean, 1 findings at or above ``--fail-on``, 2 bad input or usage, 3 a bug.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from factlint.app.commands import COMMANDS
from factlint.app.streams import tolerate_any_encoding
from factlint.clip import one_line
from factlint.errors import FactlintError
from factlint.reporters.escape import defuse_text
from factlint.version import __version__

EXIT_BAD_INPUT, EXIT_INTERNAL = 2, 3
EXIT_BROKEN_PIPE = 141
"""The reader of stdout went away (``| head``): 128 + SIGPIPE, as a shell reports it."""


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
    tolerate_any_encoding()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    try:
        return COMMANDS[args.command].run(args)
    except FactlintError as error:
        line = f"factlint: {error}" if error.path is None else str(error)
        print(defuse_text(one_line(line)), file=sys.stderr)  # a path may hold ESC or a line break
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Nothing more can be written; point stdout at nothing so the exit flush is quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as error:  # a bug, not bad input: one line and a distinct exit code
        print(
            one_line(
                f"factlint: internal error ({type(error).__name__}: {error}); please report it"
            ),
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""The command line: a thin loop over the library.

Exit codes: 0 clean, 1 findings at or above ``--fail-on``, 2 bad input or usage, 3 a bug.
"""

from __future__ import annotations

import argparse
import errno
import io
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
    if sys.stdout is None:  # started with standard output closed (`factlint … >&-`)
        sys.stdout = ClosedOutput()
    try:
        code = COMMANDS[args.command].run(args)
        sys.stdout.flush()  # here, not at exit: a full disk is an error with a message
        return code
    except FactlintError as error:
        print(defuse_text(error_lines(error)), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Nothing more can be written; point stdout at nothing so the exit flush is quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except OSError as error:  # the machine, not the input or factlint: disk full, no access
        _drop_pending_output()
        where = f"{error.filename}: " if error.filename else "cannot write the output: "
        print(defuse_text(one_line(f"factlint: {where}{error.strerror or error}")), file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as error:  # a bug, not bad input: one line and a distinct exit code
        print(
            one_line(
                f"factlint: internal error ({type(error).__name__}: {error}); please report it"
            ),
            file=sys.stderr,
        )
        return EXIT_INTERNAL


class ClosedOutput(io.TextIOBase):
    """Standard output when the process got none: writing to it is an OSError."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def isatty(self) -> bool:
        return False


def _drop_pending_output() -> None:
    """Point standard output at /dev/null, so the interpreter's flush at exit does not
    fail again on what is still buffered (the documented way for a broken pipe)."""
    try:
        if isinstance(sys.stdout, ClosedOutput):
            return
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def error_lines(error: FactlintError) -> str:
    """One line per problem (several come joined by line breaks, also from a worker
    process), each escaped; a path's own line breaks were escaped by ``FactlintError``."""
    text = str(error) if error.path is not None else f"factlint: {error}"
    return "\n".join(one_line(line) for line in text.split("\n"))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

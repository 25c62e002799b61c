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
from typing import Any, NoReturn, cast

from factlint.app.commands import COMMANDS, command
from factlint.app.process_exit import end_process, keep_until_exit
from factlint.app.streams import tolerate_any_encoding
from factlint.clip import one_line
from factlint.errors import FactlintError
from factlint.loading.gc_pause import paused_gc
from factlint.version import __version__

EXIT_BAD_INPUT, EXIT_INTERNAL = 2, 3
EXIT_BROKEN_PIPE = 141
"""The reader of stdout went away (``| head``): 128 + SIGPIPE, as a shell reports it."""


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser of ``factlint ARGV``. When ``argv`` names its command, only that
    command's options are built (and its module imported); the others are listed by name
    and help alone, which is all that parsing and ``factlint --help`` read of them."""
    parser = Parser(
        prog="factlint",
        description="Check the numbers in a report against each other.",
    )
    parser.add_argument("--version", action="version", version=f"factlint {__version__}")
    subparsers = cast(
        "argparse._SubParsersAction[argparse.ArgumentParser]",
        parser.add_subparsers(dest="command", metavar="COMMAND"),
    )
    chosen = _command_named(argv)
    for name, help_text in COMMANDS.items():
        if chosen is None or name == chosen:
            command(name).add_parser(subparsers)
        else:
            subparsers.add_parser(name, help=help_text)
    return parser


class HelpFormatter(argparse.HelpFormatter):
    """argparse's, given the terminal's width as ``shutil.get_terminal_size`` finds it
    without importing ``shutil`` (and with it bz2, lzma and zlib): argparse makes a
    formatter for every option it adds, and the import cost each run ~3 ms."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        width = terminal_columns() - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width)


def terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``: ``$COLUMNS``, else the width of the
    terminal on standard output, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
        columns = columns or 80
    return columns


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose help is laid out by ``HelpFormatter``; the subcommands'
    parsers are of this class too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)


def _command_named(argv: Sequence[str] | None) -> str | None:
    """The command ``argv`` runs: its first word not an option (the top-level options,
    ``-h`` and ``--version``, take no value), if that is a command's name."""
    words = sys.argv[1:] if argv is None else argv
    first = next((word for word in words if not word.startswith("-")), None)
    return first if first in COMMANDS else None


def entry() -> NoReturn:
    """The ``factlint`` program (the console script and ``python -m factlint``): ``main``,
    then the exit. What is alive then is left to the operating system, not freed object
    by object (``process_exit``)."""
    keep_until_exit()
    end_process(main())


def main(argv: Sequence[str] | None = None) -> int:
    tolerate_any_encoding()
    # Start-up: the command's modules (imported while its parser is built) are long-lived
    # objects only, and each collection of the oldest generation during their import
    # would scan all of them again (~10% of `factlint check`'s start).
    with paused_gc(promote=True):
        parser = build_parser(argv)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    if sys.stdout is None:  # started with standard output closed (`factlint … >&-`)
        sys.stdout = ClosedOutput()
    try:
        code = command(args.command).run(args)
        sys.stdout.flush()  # here, not at exit: a full disk is an error with a message
        return code
    except FactlintError as error:
        print(_defused(error_lines(error)), file=sys.stderr)
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
        print(_defused(one_line(f"factlint: {where}{error.strerror or error}")), file=sys.stderr)
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


def _defused(text: str) -> str:
    """``reporters.escape.defuse_text``, imported when an error is printed (its package
    imports the model: at start-up that import falls in the pause of ``main``)."""
    from factlint.reporters.escape import defuse_text

    return defuse_text(text)


def error_lines(error: FactlintError) -> str:
    """One line per problem (several come joined by line breaks, also from a worker
    process), each escaped; a path's own line breaks were escaped by ``FactlintError``."""
    text = str(error) if error.path is not None else f"factlint: {error}"
    return "\n".join(one_line(line) for line in text.split("\n"))


if __name__ == "__main__":  # pragma: no cover
    entry()

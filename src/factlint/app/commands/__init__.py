"""The command line's subcommands: each module has ``add_parser`` and ``run``.

A module is imported when its command runs (or when help lists every command's
options): ``factlint check`` does not pay for the imports of ``extract`` or ``scan``.
"""

from __future__ import annotations

import argparse
import importlib
from typing import Protocol, cast


class Command(Protocol):
    """What a subcommand module provides."""

    def add_parser(
        self, commands: argparse._SubParsersAction[argparse.ArgumentParser]
    ) -> argparse.ArgumentParser: ...

    def run(self, args: argparse.Namespace) -> int: ...


COMMANDS: dict[str, str] = {
    "check": "check facts against rules",
    "schema": "print the JSON Schema of facts or rules files",
    "extract": "find the figures a report prints and write them as facts",
    "discover": "find the shares, sums and growth rates a report's figures should satisfy",
    "scan": "extract, discover and check a report in one step",
}
"""Subcommand name → its one-line help (the same as its module gives its parser; a test
holds them equal), in the order ``factlint --help`` lists them. The module is
``factlint.app.commands.<name>``."""


def command(name: str) -> Command:
    """The module of the subcommand ``name`` (one of ``COMMANDS``)."""
    return cast(Command, importlib.import_module(f"{__name__}.{name}"))

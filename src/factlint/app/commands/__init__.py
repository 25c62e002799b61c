"""The command line's subcommands: each module has ``add_parser`` and ``run``."""

from __future__ import annotations

import argparse
from typing import Protocol

from factlint.app.commands import check, discover, extract, scan, schema


class Command(Protocol):
    """What a subcommand module provides."""

    def add_parser(
        self, commands: argparse._SubParsersAction[argparse.ArgumentParser]
    ) -> argparse.ArgumentParser: ...

    def run(self, args: argparse.Namespace) -> int: ...


COMMANDS: dict[str, Command] = {
    "check": check,
    "schema": schema,
    "extract": extract,
    "discover": discover,
    "scan": scan,
}
"""Subcommand name → module. A module adds its parser and runs the parsed arguments."""

"""The command line's subcommands: each module has ``add_parser`` and ``run``."""

from __future__ import annotations

from factlint.commands import check, extract, schema

COMMANDS = {
    "check": check,
    "schema": schema,
    "extract": extract,
}
"""Subcommand name → module. A module adds its parser and runs the parsed arguments."""

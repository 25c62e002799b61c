"""The command line's subcommands: each module has ``add_parser`` and ``run``."""

from __future__ import annotations

from factlint.app.commands import check, discover, extract, scan, schema

COMMANDS = {
    "check": check,
    "schema": schema,
    "extract": extract,
    "discover": discover,
    "scan": scan,
}
"""Subcommand name → module. A module adds its parser and runs the parsed arguments."""

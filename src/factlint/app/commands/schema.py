"""``factlint schema facts|rules``: print the JSON Schema of a facts or rules file.

Editors that speak the YAML language server complete and check the files with it; see
docs/ci.md. The schemas ship inside the package (``factlint/schemas/``).
"""

from __future__ import annotations

import argparse

from factlint.app.streams import write_stdout

SCHEMAS = ("facts", "rules")


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of facts or rules files",
        description="Print the JSON Schema of a facts file or a rules file, for editors.",
    )
    schema.add_argument("which", choices=SCHEMAS, help="which file format")
    return schema


def schema_text(which: str) -> str:
    """The schema document, as shipped."""
    from importlib import resources  # here: with tempfile, a tenth of every check's start-up

    return (resources.files("factlint") / "schemas" / f"{which}.schema.json").read_text(
        encoding="utf-8"
    )


def run(args: argparse.Namespace) -> int:
    write_stdout(schema_text(args.which), utf8=True)
    return 0

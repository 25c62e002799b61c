"""From command-line paths to checking jobs: which facts go with which rules.

A rules file names its facts files; a facts file named by no rules file is still checked
on its own (its mentions and quotes). Folders are searched for ``*.rules.yaml`` and
``*.facts.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import field
from pathlib import Path

from factlint.errors import FactlintError
from factlint.records import dataclass

RULES_SUFFIXES = (".rules.yaml", ".rules.yml")
FACTS_SUFFIXES = (".facts.yaml", ".facts.yml", ".facts.jsonl")


@dataclass(frozen=True)
class Job:
    """One report to check: its facts files and the rules files that check them."""

    facts: tuple[Path, ...]
    rules: tuple[Path, ...] = field(default_factory=tuple)


def classify(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(RULES_SUFFIXES):
        return "rules"
    if name.endswith(FACTS_SUFFIXES):
        return "facts"
    return _sniff(path)


def _sniff(path: Path) -> str:
    """Tell a rules file from a facts file by its top-level keys, for unusual names."""
    if not path.is_file():  # a FIFO or a device would block or never end
        raise FactlintError("is not a regular file", str(path))
    try:
        with path.open("rb") as handle:
            head = handle.read(64 * 1024).decode("utf-8", "replace")
    except OSError as error:
        raise FactlintError(f"cannot read: {error.strerror or error}", str(path)) from None
    for line in head.splitlines():
        if line.startswith("rules:"):
            return "rules"
        if line.startswith(("facts:", "report:")) and "report:" in head:
            return "facts"
    raise FactlintError(
        "not a facts or rules file (name it *.facts.yaml or *.rules.yaml)", str(path)
    )


def expand(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """Facts files and rules files among ``paths``, folders searched recursively."""
    facts: list[Path] = []
    rules: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.name.lower().endswith(RULES_SUFFIXES + FACTS_SUFFIXES)
            )
            if not found:
                raise FactlintError(
                    "no *.facts.yaml or *.rules.yaml files in this folder", str(path)
                )
            for item in found:
                (rules if classify(item) == "rules" else facts).append(item)
        elif path.exists():
            (rules if classify(path) == "rules" else facts).append(path)
        else:
            raise FactlintError("no such file or folder", str(path))
    return _unique(facts), _unique(rules)


def _unique(paths: list[Path]) -> list[Path]:
    seen: dict[Path, Path] = {}
    for path in paths:
        seen.setdefault(path.resolve(), path)
    return list(seen.values())


def plan(facts: list[Path], rules_to_facts: dict[Path, tuple[Path, ...]]) -> list[Job]:
    """Group rules by the facts they check; leftover facts files become jobs of their own.

    ``rules_to_facts`` maps each rules file to its (resolved) facts files; a rules file
    naming no facts file is given the command line's facts files when there is exactly one.
    """
    jobs: dict[tuple[Path, ...], list[Path]] = {}
    given = tuple(p.resolve() for p in facts)
    for rules_file, named in rules_to_facts.items():
        if not named:
            if len(given) != 1:
                raise FactlintError(
                    "the rules file names no facts file (add 'facts: path/to/report.facts.yaml')",
                    str(rules_file),
                )
            named = given
        jobs.setdefault(tuple(p.resolve() for p in named), []).append(rules_file)
    used = {p for key in jobs for p in key}
    for path in given:
        if path not in used:
            jobs.setdefault((path,), [])
    return [Job(key, tuple(value)) for key, value in jobs.items()]

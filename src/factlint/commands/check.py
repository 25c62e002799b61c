"""``factlint check``: check facts files against rules files."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from factlint.checking import check_sets, merge_fact_sets
from factlint.defaults import default_paths
from factlint.facts_file import load_facts
from factlint.inputs import expand, plan
from factlint.model import ROUNDINGS, FactSet, Report, RuleSet, Severity
from factlint.reporters import FORMATS, RenderOptions
from factlint.rules_file import load_rules

EXIT_CLEAN, EXIT_FINDINGS = 0, 1


def add_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    check = commands.add_parser(
        "check",
        help="check facts against rules",
        description="Check facts files against rules files. With no paths: the project's "
        "facts/ and rules/ folders, or the embedded example report.",
    )
    check.add_argument("paths", nargs="*", type=Path, help="facts and rules files or folders")
    check.add_argument(
        "--format", choices=sorted(FORMATS), default="text", help="output format (default: text)"
    )
    check.add_argument(
        "--rounding",
        choices=ROUNDINGS,
        help="rounding mode for rules that set none (default: the report's, else nearest)",
    )
    check.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        default="error",
        help="exit 1 when a finding has this severity or higher (default: error)",
    )
    check.add_argument(
        "--quiet", "-q", action="store_true", help="text format: findings and the summary only"
    )
    check.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text format (default: auto, on a terminal without NO_COLOR)",
    )
    check.add_argument(
        "--allow-outside-source",
        action="store_true",
        help="let a facts file read a report text outside its own folder",
    )
    return check


def run(args: argparse.Namespace) -> int:
    paths = list(args.paths) or default_paths()
    report = run_check(
        paths, rounding=args.rounding, allow_outside_source=args.allow_outside_source
    )
    options = RenderOptions(color=_use_color(args.color), quiet=args.quiet)
    sys.stdout.write(FORMATS[args.format](report, options))
    return EXIT_FINDINGS if report.fails(Severity(args.fail_on)) else EXIT_CLEAN


def run_check(
    paths: Sequence[Path], *, rounding: str | None = None, allow_outside_source: bool = False
) -> Report:
    """Load every job the paths describe and check each; all loading happens first."""
    facts_files, rules_files = expand(paths)
    rule_sets: dict[Path, RuleSet] = {path: load_rules(path) for path in rules_files}
    named = {path: tuple(Path(p) for p in rs.facts_paths) for path, rs in rule_sets.items()}
    jobs = plan(facts_files, named)
    loaded: dict[Path, FactSet] = {}

    def facts_of(path: Path) -> FactSet:
        if path not in loaded:
            loaded[path] = load_facts(path, allow_outside_source=allow_outside_source)
        return loaded[path]

    prepared = []
    for job in jobs:
        fact_set = merge_fact_sets(facts_of(p) for p in job.facts)
        rules = [rule for path in job.rules for rule in rule_sets[path].rules]
        prepared.append((fact_set, rules))
    reports = [check_sets(fs, rules, rounding=rounding) for fs, rules in prepared]  # type: ignore[arg-type]
    return Report.merge(reports)


def _use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"

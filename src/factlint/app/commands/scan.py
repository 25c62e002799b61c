"""``factlint scan REPORT.txt``: extract, link, discover and check in one step.

The zero-configuration path for a new report: nothing is written; the output formats and
exit codes are those of ``factlint check``.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from factlint.app.commands.check import use_color
from factlint.app.commands.extract import add_sections_option, load_sections
from factlint.app.streams import write_stdout
from factlint.engine.checking import check_sets
from factlint.loading.atomic_write import write_atomic
from factlint.loading.facts_yaml import facts_from_dict
from factlint.loading.rules_yaml import rules_from_dict
from factlint.model import ROUNDINGS, CheckOptions, FactSet, Report, Severity
from factlint.reporters import FORMATS, RenderOptions

EXIT_CLEAN, EXIT_FINDINGS = 0, 1


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    scan = commands.add_parser(
        "scan",
        help="extract, discover and check a report in one step",
        description="Find a report's figures, link repeated mentions, discover the relations "
        "between them and check everything, writing no file. Output formats and exit codes "
        "are those of `factlint check`.",
    )
    scan.add_argument(
        "report", type=Path, help="the report: plain text (UTF-8), or a PDF with a text layer"
    )
    scan.add_argument(
        "--format", choices=sorted(FORMATS), default="text", help="output format (default: text)"
    )
    scan.add_argument("--rounding", choices=ROUNDINGS, help="rounding mode (default: nearest)")
    scan.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        default="error",
        help="exit 1 when a finding has this severity or higher (default: error)",
    )
    scan.add_argument("--quiet", "-q", action="store_true", help="findings and the summary only")
    scan.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help="colour the text"
    )
    scan.add_argument(
        "--output",
        "-o",
        type=Path,
        metavar="FILE",
        help="write the chosen format to FILE and print the text report",
    )
    add_sections_option(scan)
    return scan


def run(args: argparse.Namespace) -> int:
    report, facts = scan_with_facts(
        args.report, sections_file=args.sections, rounding=args.rounding
    )
    options = RenderOptions(color=use_color(args.color), quiet=args.quiet, fact_sets=(facts,))
    if args.output is not None:
        inputs = [path for path in (args.report, args.sections) if path is not None]
        rendered = FORMATS[args.format](report, replace(options, color=False))
        write_atomic(args.output, rendered, inputs=inputs)
        write_stdout(FORMATS["text"](report, replace(options, fact_sets=())), utf8=False)
    else:
        write_stdout(FORMATS[args.format](report, options), utf8=args.format != "text")
    return EXIT_FINDINGS if report.fails(Severity(args.fail_on)) else EXIT_CLEAN


def scan_report(
    path: Path, *, sections_file: Path | None = None, rounding: str | None = None
) -> Report:
    """The report ``check`` would give for the facts and rules extract and discover find."""
    return scan_with_facts(path, sections_file=sections_file, rounding=rounding)[0]


def scan_with_facts(
    path: Path, *, sections_file: Path | None = None, rounding: str | None = None
) -> tuple[Report, FactSet]:
    """``scan_report``'s report, and the facts it checked (with the report's text)."""
    from factlint.extract.discover import discover
    from factlint.extract.pipeline import extract_text
    from factlint.extract.report_source import read_report
    from factlint.extract.writer import facts_data

    source = read_report(path)
    sections = load_sections(sections_file) if sections_file is not None else source.sections
    extraction = extract_text(source.text, sections)
    name = path.name
    data = facts_data(extraction, report_id=path.stem, source=name)
    facts = facts_from_dict(data, base_dir=path.parent, name=f"{name} (extracted)")
    relations = discover(extraction)
    rules = rules_from_dict([r.rule for r in relations], name=f"{name} (discovered)")
    report = check_sets(facts, rules.rules, CheckOptions(rounding=rounding))  # type: ignore[arg-type]
    return report, facts

"""``factlint scan REPORT.txt``: extract, link, discover and check in one step.

The zero-configuration path for a new report, and a CI gate: the output formats and exit
codes are those of ``factlint check`` (a relation the text asserts that fails is an error,
so ``scan`` exits 1), and so are its ``[tool.factlint]`` settings. Nothing is written unless
asked: ``--output FILE`` for a format, ``--emit DIR`` for the facts and rules it found, as a
pair ``factlint check DIR`` loads to the same findings.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from factlint.app.commands.check import use_color
from factlint.app.commands.extract import add_sections_option, load_sections
from factlint.app.config import load_config
from factlint.app.streams import write_stdout
from factlint.engine.checking import check_sets
from factlint.errors import FactlintError
from factlint.loading.atomic_write import write_atomic
from factlint.loading.facts_yaml import facts_from_dict
from factlint.loading.rules_yaml import rules_from_dict
from factlint.model import ROUNDINGS, CheckOptions, CheckResult, FactSet, Severity
from factlint.records import dataclass
from factlint.reporters import FORMATS, RenderOptions

EXIT_CLEAN, EXIT_FINDINGS = 0, 1


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    scan = commands.add_parser(
        "scan",
        help="extract, discover and check a report in one step",
        description="Find a report's figures, link repeated mentions, discover the relations "
        "between them and check everything. A relation the text asserts in words (占比, 其中, "
        "'or 32 per cent') that fails is an error; one guessed from the numbers is a warning. "
        "Output formats, exit codes and [tool.factlint] settings are those of `factlint check`.",
    )
    scan.add_argument(
        "report", type=Path, help="the report: plain text (UTF-8), or a PDF with a text layer"
    )
    scan.add_argument("--format", choices=sorted(FORMATS), help="output format (default: text)")
    scan.add_argument("--rounding", choices=ROUNDINGS, help="rounding mode (default: nearest)")
    scan.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
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
    scan.add_argument(
        "--emit",
        type=Path,
        metavar="DIR",
        help="also write the facts and rules found to DIR (REPORT.facts.yaml and "
        "REPORT.rules.yaml), to review and keep; `factlint check DIR` gives the same findings",
    )
    add_sections_option(scan)
    return scan


def run(args: argparse.Namespace) -> int:
    config = load_config()
    options = CheckOptions(
        rounding=args.rounding or config.rounding,
        severities=dict(config.severity),
        skip=dict(config.skip),
        fail_on=Severity(args.fail_on) if args.fail_on else config.fail_on or Severity.ERROR,
    )
    found = scan_text(args.report, sections_file=args.sections)
    if args.emit is not None:
        emit(found, args.emit)
    report, facts = found.check(options)
    format_name = args.format or config.format or "text"
    chosen = FORMATS[format_name]
    rendering = RenderOptions(color=use_color(args.color), quiet=args.quiet, fact_sets=(facts,))
    if args.output is not None:
        inputs = [path for path in (args.report, args.sections) if path is not None]
        rendered = chosen(report, replace(rendering, color=False))
        write_atomic(args.output, rendered, inputs=inputs)
        write_stdout(FORMATS["text"](report, replace(rendering, fact_sets=())), utf8=False)
    else:
        write_stdout(chosen(report, rendering), utf8=format_name != "text")
    return EXIT_FINDINGS if report.fails(options.fail_on) else EXIT_CLEAN


@dataclass(frozen=True)
class Scanned:
    """What ``scan`` found in one report: its facts (a facts file's data) and its rules."""

    path: Path
    facts: dict[str, object]
    rules: list[Mapping[str, object]]

    def check(self, options: CheckOptions | None = None) -> tuple[CheckResult, FactSet]:
        """The report ``check`` gives for these facts and rules, and the facts it checked."""
        name = self.path.name
        facts = facts_from_dict(self.facts, base_dir=self.path.parent, name=f"{name} (extracted)")
        rules = rules_from_dict(self.rules, name=f"{name} (discovered)")
        return check_sets(facts, rules.rules, options or CheckOptions()), facts


def scan_text(path: Path, *, sections_file: Path | None = None) -> Scanned:
    """Extract and discover: the facts and rules of the report at ``path``."""
    from factlint.extract.discover import discover
    from factlint.extract.pipeline import extract_text
    from factlint.extract.report_source import read_report
    from factlint.extract.writer import facts_data

    source = read_report(path)
    sections = load_sections(sections_file) if sections_file is not None else source.sections
    extraction = extract_text(source.text, sections)
    data = facts_data(extraction, report_id=path.stem, source=path.name)
    return Scanned(path, data, [r.rule for r in discover(extraction)])


def scan_report(
    path: Path, *, sections_file: Path | None = None, rounding: str | None = None
) -> CheckResult:
    """The report ``check`` would give for the facts and rules extract and discover find."""
    return scan_with_facts(path, sections_file=sections_file, rounding=rounding)[0]


def scan_with_facts(
    path: Path, *, sections_file: Path | None = None, rounding: str | None = None
) -> tuple[CheckResult, FactSet]:
    """``scan_report``'s report, and the facts it checked (with the report's text)."""
    options = CheckOptions(rounding=rounding)  # type: ignore[arg-type]
    return scan_text(path, sections_file=sections_file).check(options)


def emit(found: Scanned, folder: Path) -> tuple[Path, Path]:
    """Write ``found`` to ``folder`` as REPORT.facts.yaml and REPORT.rules.yaml. The facts
    file names the report by its path from ``folder`` when the report is inside it, and a
    copy of the report is written beside them when it is not (``check`` reads no text from
    outside a facts file's folder unless told to)."""
    from factlint.extract.writer import facts_yaml, rules_yaml

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror or "cannot create it"
        raise FactlintError(f"cannot create this folder: {reason}", str(folder)) from None
    stem = found.path.stem
    facts_path, rules_path = folder / f"{stem}.facts.yaml", folder / f"{stem}.rules.yaml"
    source = _source_in(found.path, folder)
    report: dict[str, object] = dict(found.facts["report"])  # type: ignore[call-overload]
    data = {**found.facts, "report": {**report, "source": source}}
    write_atomic(facts_path, facts_yaml(data, source=found.path.name))
    header = f"found by `factlint scan {found.path.name}`; review them, then keep the pair"
    write_atomic(rules_path, rules_yaml(facts_path.name, found.rules, header=header))
    return facts_path, rules_path


def _source_in(path: Path, folder: Path) -> str:
    text, home = path.resolve(), folder.resolve()
    if text.is_relative_to(home):
        return text.relative_to(home).as_posix()
    copy = folder / path.name
    data = path.read_bytes()
    if copy.exists() and copy.read_bytes() != data:
        raise FactlintError(
            "a different file of the report's name is already here; emit to another folder",
            str(copy),
        )
    if not copy.exists():
        copy.write_bytes(data)
    return path.name

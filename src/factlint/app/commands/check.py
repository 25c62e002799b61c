"""``factlint check``: check facts files against rules files.

Settings come from the flags, else the project's configuration (``[tool.factlint]`` in
pyproject.toml, or factlint.toml), else the defaults.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from factlint.app.changed import touched
from factlint.app.config import Config, load_config
from factlint.app.defaults import default_paths, embedded_default
from factlint.app.inputs import expand, plan
from factlint.app.parallel import (
    Progress,
    ProgressLine,
    Settings,
    Task,
    check_rules_files,
    check_tasks,
    default_workers,
)
from factlint.app.process_exit import keep
from factlint.app.streams import write_stdout
from factlint.engine.compiled import compile_rules
from factlint.engine.implicit import IMPLICIT_CHECKS
from factlint.errors import FactlintError
from factlint.loading.atomic_write import write_atomic
from factlint.loading.facts_yaml import load_facts
from factlint.loading.gc_pause import paused_gc
from factlint.loading.rules_yaml import load_rules, require_facts_files
from factlint.model import ROUNDINGS, CheckOptions, CheckResult, FactSet, RuleSet, Severity
from factlint.reporters import FORMATS, RenderOptions
from factlint.reporters.github import summary_markdown

EXIT_CLEAN, EXIT_FINDINGS = 0, 1


def add_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    check = commands.add_parser(
        "check",
        help="check facts against rules",
        description="Check facts files against rules files. With no paths: the configured "
        "paths, else the facts/ and rules/ folders of the working directory.",
    )
    check.add_argument("paths", nargs="*", type=Path, help="facts and rules files or folders")
    check.add_argument(
        "--format",
        choices=sorted(FORMATS),
        help="output format (default: the configured one, else text)",
    )
    check.add_argument(
        "--output",
        "-o",
        type=Path,
        metavar="FILE",
        help="write the chosen format to FILE and print the text report",
    )
    check.add_argument(
        "--rounding",
        choices=ROUNDINGS,
        help="rounding mode for rules that set none (default: the report's, else nearest)",
    )
    check.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        help="exit 1 when a finding has this severity or higher (default: error)",
    )
    check.add_argument(
        "--jobs",
        "-j",
        type=_positive,
        metavar="N",
        help="check reports in N processes (default and most: the machine's cores)",
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
        "--base-dir",
        type=Path,
        metavar="DIR",
        help="sarif: write paths relative to DIR (default: the git root, else the working "
        "directory)",
    )
    check.add_argument(
        "--changed",
        action="store_true",
        help="the paths are changed files (any kind): check every report whose rules, facts "
        "or report text is among them (what the pre-commit hook runs)",
    )
    check.add_argument(
        "--example",
        action="store_true",
        help="check the example report bundled with factlint (give no paths with it)",
    )
    check.add_argument(
        "--allow-outside-source",
        action="store_true",
        help="let a facts file read a report text outside its own folder, and a rules file "
        "name a facts file outside its project (the nearest folder with .git, pyproject.toml "
        "or factlint.toml)",
    )
    return check


def run(args: argparse.Namespace) -> int:
    config = load_config()
    paths = _paths(args, config)
    if args.changed:
        paths = touched(paths, list(config.paths) or [Path.cwd()])
        if not paths:
            print("factlint: no report uses the changed files", file=sys.stderr)
            return EXIT_CLEAN
    options = CheckOptions(
        rounding=args.rounding or config.rounding,
        severities=dict(config.severity),
        skip=dict(config.skip),
        fail_on=Severity(args.fail_on) if args.fail_on else config.fail_on or Severity.ERROR,
    )
    progress = ProgressLine(sys.stderr) if sys.stderr.isatty() else None
    try:
        report = run_check(
            paths,
            options,
            allow_outside_source=args.allow_outside_source,
            jobs=min(args.jobs or config.jobs or default_workers(), default_workers()),
            progress=progress,
        )
    finally:
        if progress is not None:
            progress.close()
    keep("report", report)  # the command line leaves it to its exit: process_exit
    _check_config_names(config, report)
    chosen = args.format or config.format or "text"
    fail_on = options.fail_on
    rendering = RenderOptions(
        color=use_color(args.color), quiet=args.quiet, fail_on=fail_on, base_dir=args.base_dir
    )
    if chosen == "html":  # the page shows the report texts: read the facts here too
        texts = checked_fact_sets(paths, allow_outside_source=args.allow_outside_source)
        rendering = replace(rendering, fact_sets=texts)
    if args.output is not None:
        facts_files, rules_files = expand(paths)
        write_atomic(
            args.output,
            FORMATS[chosen](report, replace(rendering, color=False)),
            inputs=[*facts_files, *rules_files, *_named_facts(rules_files), *_report_files(report)],
        )
        write_stdout(FORMATS["text"](report, replace(rendering, fact_sets=())), utf8=False)
    else:
        write_stdout(FORMATS[chosen](report, rendering), utf8=chosen != "text")
    if chosen == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        _append_summary(Path(os.environ["GITHUB_STEP_SUMMARY"]), summary_markdown(report))
    return EXIT_FINDINGS if report.fails(fail_on) else EXIT_CLEAN


def _paths(args: argparse.Namespace, config: Config) -> list[Path]:
    """What to check: the bundled example when asked, else the paths given, else the
    configured ones, else the working directory's facts/ and rules/."""
    if args.example:
        if args.paths:
            raise FactlintError("--example checks the bundled example report: give no paths")
        root = embedded_default()
        return [root / "facts", root / "rules"]
    return list(args.paths) or list(config.paths) or default_paths(config_file=config.path)


def run_check(
    paths: Sequence[Path],
    options: CheckOptions | None = None,
    *,
    allow_outside_source: bool = False,
    jobs: int = 1,
    progress: Progress | None = None,
) -> CheckResult:
    """Check every report the paths describe, each on its own, in ``jobs`` processes.

    The rules files are read first (they say which facts they check); each report's facts
    are read and checked in its worker. The merged report is the same for any ``jobs``.
    """
    facts_files, rules_files = expand(paths)
    options = options or CheckOptions()
    settings = Settings(options, allow_outside_source)
    if jobs > 1 and len(rules_files) > 1:
        # Many reports: let the workers load the rules too, so this process stays light.
        done = check_rules_files(rules_files, settings, jobs)
        if done is not None:
            used = {path for key, _ in done for path in key}
            rest = [Task((p.resolve(),)) for p in facts_files if p.resolve() not in used]
            reports = [report for _, report in done]
            reports += check_tasks(rest, settings, workers=jobs)
            if progress is not None:
                progress(len(reports), len(reports))
            return CheckResult.merge(reports)
    rule_sets: dict[Path, RuleSet] = {
        path: load_rules(path, allow_outside_source=allow_outside_source) for path in rules_files
    }
    for rule_set in rule_sets.values():
        require_facts_files(rule_set)
    named = {path: tuple(Path(p) for p in rs.facts_paths) for path, rs in rule_sets.items()}
    with paused_gc(promote=True):  # the programs live as long as the check: see gc_pause
        tasks = [
            Task(
                job.facts,
                compile_rules(
                    (rule for path in job.rules for rule in rule_sets[path].rules),
                    fast_path=options.fast_path,
                ),
            )
            for job in plan(facts_files, named)
        ]
    return CheckResult.merge(check_tasks(tasks, settings, workers=jobs, progress=progress))


def checked_fact_sets(
    paths: Sequence[Path], *, allow_outside_source: bool = False
) -> tuple[FactSet, ...]:
    """The facts files ``run_check`` checks for these paths, loaded with their texts."""
    facts_files, rules_files = expand(paths)
    named = {
        path: tuple(
            Path(p) for p in load_rules(path, allow_outside_source=allow_outside_source).facts_paths
        )
        for path in rules_files
    }
    files = dict.fromkeys(f for job in plan(facts_files, named) for f in job.facts)
    return tuple(load_facts(f, allow_outside_source=allow_outside_source) for f in files)


def _named_facts(rules_files: Sequence[Path]) -> list[Path]:
    """The facts files the rules files name (read again: only for ``--output``)."""
    return [
        Path(p)
        for path in rules_files
        for p in load_rules(path, allow_outside_source=True).facts_paths
    ]


def _report_files(report: CheckResult) -> set[Path]:
    """The files the report's results were declared in and its mentions quote (the facts
    files a rules file names, their texts): ``--output`` must not replace one."""
    files = {Path(r.declared_at.path) for r in report.results if r.declared_at}
    for finding in report.findings:
        files.update(Path(m.file) for m in finding.mentions if m.file)
    return files


def _append_summary(path: Path, text: str) -> None:
    """Append to the step summary. The findings are in the log already, so a summary that
    cannot be written is a warning: it never changes the exit status."""
    try:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as error:
        reason = error.strerror or str(error)
        print(
            f"factlint: warning: cannot write the step summary to {path}: {reason} "
            "(the findings are in the log above)",
            file=sys.stderr,
        )


def _check_config_names(config: Config, report: CheckResult) -> None:
    if config.severity or config.skip:
        config.check_names({result.rule for result in report.results} | set(IMPLICIT_CHECKS))


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {text!r}")
    return value


def use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"

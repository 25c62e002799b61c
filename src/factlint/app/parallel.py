"""Check many reports at once: each job loads and checks its own report in a worker process.

Results come back in job order (``Executor.map``), so the merged report is the one a serial
run gives, byte for byte once rendered. A broken input in a worker comes back as the same
located error line; a worker's own bug still surfaces as an exception.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import field
from itertools import repeat
from pathlib import Path
from typing import TextIO

from factlint.app.process_exit import drop, keep
from factlint.engine.checking import check_sets, merge_fact_sets
from factlint.engine.compiled import CompiledRules, compile_rules
from factlint.errors import FactlintError
from factlint.loading.facts_yaml import load_facts
from factlint.loading.gc_pause import paused_gc
from factlint.model import CheckOptions, CheckResult, Rule
from factlint.records import dataclass

Progress = Callable[[int, int], None]
"""Called with (jobs done, jobs in all) after each job, in order."""


@dataclass(frozen=True)
class Task:
    """One report to check: its facts files and the rules (already loaded, and compiled
    in this process when they go to workers) that check it."""

    facts: tuple[Path, ...]
    rules: CompiledRules | tuple[Rule, ...] = ()


@dataclass(frozen=True)
class Settings:
    """What every task is checked with."""

    options: CheckOptions = field(default_factory=CheckOptions)
    allow_outside_source: bool = False


@dataclass(frozen=True)
class _Broken:
    """A FactlintError as plain fields: its own pickling keeps only the message."""

    message: str
    path: str | None
    line: int | None
    column: int | None

    def error(self) -> FactlintError:
        return FactlintError(self.message, self.path, self.line, self.column)


def check_task(task: Task, settings: Settings) -> CheckResult:
    """Load one report's facts and check them against its rules."""
    drop("checked")  # the report before: freed before this one is loaded
    fact_sets = [
        load_facts(path, allow_outside_source=settings.allow_outside_source) for path in task.facts
    ]
    facts = merge_fact_sets(fact_sets)
    # The check builds a result per rule, all kept: see gc_pause.paused_gc.
    with paused_gc(promote=True):
        result = check_sets(facts, task.rules, settings.options)
    keep("checked", (facts, task))  # the command line leaves them to its exit
    return result


def _outcome(task: Task, settings: Settings) -> CheckResult | _Broken:
    try:
        return check_task(task, settings)
    except FactlintError as error:
        return _Broken(error.message, error.path, error.line, error.column)


@dataclass(frozen=True)
class _RulesFileOutcome:
    """What a worker made of one rules file: the facts it names and, when it could, the
    checked report. ``broken_rules`` is an error in the rules file itself."""

    facts: tuple[Path, ...] = ()
    report: CheckResult | None = None
    broken_rules: _Broken | None = None
    broken_facts: _Broken | None = None


def _check_rules_file(path: Path, settings: Settings) -> _RulesFileOutcome:
    from factlint.loading.rules_yaml import load_rules, require_facts_files

    try:
        rule_set = load_rules(path, allow_outside_source=settings.allow_outside_source)
        require_facts_files(rule_set)
    except FactlintError as error:
        return _RulesFileOutcome(
            broken_rules=_Broken(error.message, error.path, error.line, error.column)
        )
    facts = tuple(Path(p).resolve() for p in rule_set.facts_paths)
    if not facts:
        return _RulesFileOutcome()
    with paused_gc(promote=True):  # the programs live as long as the check: see gc_pause
        rules = compile_rules(rule_set.rules, fast_path=settings.options.fast_path)
    outcome = _outcome(Task(facts, rules), settings)
    if isinstance(outcome, _Broken):
        return _RulesFileOutcome(facts, broken_facts=outcome)
    return _RulesFileOutcome(facts, outcome)


def check_rules_files(
    rules_files: Sequence[Path], settings: Settings, workers: int
) -> list[tuple[tuple[Path, ...], CheckResult]] | None:
    """Each rules file loaded, and its report checked, in a worker: nothing heavy is loaded
    or pickled in this process. None when the files do not split into independent reports
    (a rules file naming no facts file, or two naming the same ones): the caller then plans
    jobs itself. Errors surface as a serial run gives them: rules files first."""
    from concurrent.futures import ProcessPoolExecutor  # multiprocessing: only when used

    pool = ProcessPoolExecutor(max(1, min(workers, len(rules_files))))
    try:
        outcomes = list(pool.map(_check_rules_file, rules_files, repeat(settings)))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    for outcome in outcomes:
        if outcome.broken_rules is not None:
            raise outcome.broken_rules.error()
    keys = [o.facts for o in outcomes]
    if not all(keys) or len(set(keys)) != len(keys):
        return None
    for outcome in outcomes:
        if outcome.broken_facts is not None:
            raise outcome.broken_facts.error()
    return [(o.facts, o.report) for o in outcomes if o.report is not None]


def default_workers() -> int:
    return os.cpu_count() or 1


def check_tasks(
    tasks: Sequence[Task],
    settings: Settings,
    *,
    workers: int = 1,
    progress: Progress | None = None,
) -> list[CheckResult]:
    """Every task's report, in task order; the first broken input (in task order) raises.

    With one worker, or one task, everything runs in this process.
    """
    workers = max(1, min(workers, len(tasks)))
    reports: list[CheckResult] = []
    with _outcomes(tasks, settings, workers) as outcomes:
        for done, outcome in enumerate(outcomes, 1):
            if isinstance(outcome, _Broken):
                raise outcome.error()
            reports.append(outcome)
            if progress is not None:
                progress(done, len(tasks))
    return reports


@contextmanager
def _outcomes(
    tasks: Sequence[Task], settings: Settings, workers: int
) -> Iterator[Iterator[CheckResult | _Broken]]:
    """The outcomes in task order, from a process pool when there is more than one
    worker; work not yet started is cancelled when the caller stops early."""
    if workers == 1:
        yield (_outcome(task, settings) for task in tasks)
        return
    from concurrent.futures import ProcessPoolExecutor  # multiprocessing: only when used

    pool = ProcessPoolExecutor(workers)
    try:
        yield pool.map(_outcome, tasks, repeat(settings))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class ProgressLine:
    """``factlint: 12/40 reports checked`` on a terminal, rewritten in place; shown only once
    the run is long (more than ``MANY`` jobs, or ``SLOW`` seconds gone)."""

    MANY = 20
    SLOW = 2.0

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream, self.clock = stream, clock
        self.started = clock()
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if not self.shown and total <= self.MANY and self.clock() - self.started <= self.SLOW:
            return
        self.shown = True
        self.stream.write(f"\rfactlint: {done}/{total} reports checked")
        self.stream.flush()

    def close(self) -> None:
        """Erase the line, so the report that follows starts on a clean one."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

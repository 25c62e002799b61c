"""Checking an archive with an engine that maps ``factlint.check`` over report paths.

The example of docs/scale.md, run on a small archive: the standard library's process pool
(no extra needed) and Dask's bag (the optional ``factlint[dask]`` extra; skipped when Dask
is not installed). Both rest on ``factlint.check`` being a pure function whose inputs and
output pickle.
"""

from __future__ import annotations

import json
import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

import factlint
from factlint.api import load_report

SHARES = {"r1": "76.5%", "r2": "76.4%", "r3": "76.5%", "r4": "80.0%"}  # r2 and r4 are wrong


def make_archive(root: Path) -> list[Path]:
    """One folder per report: a JSON Lines facts file and a rules file that names it."""
    paths = []
    for name, share in SHARES.items():
        folder = root / name
        folder.mkdir(parents=True)
        facts = [
            {"report": {"id": name}},
            {"id": "signed", "value": "51项"},
            {"id": "six_new", "value": "39项"},
            {"id": "share", "value": share},
        ]
        (folder / "report.facts.jsonl").write_text(
            "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in facts),
            encoding="utf-8",
        )
        rules = folder / "report.rules.yaml"
        rules.write_text(
            "facts: report.facts.jsonl\nrules:\n"
            "  - id: six-new-share\n    share: {part: six_new, whole: signed, is: share}\n",
            encoding="utf-8",
        )
        paths.append(rules)
    return paths


def check_report(rules_path: str | Path) -> factlint.CheckResult:
    """What each worker runs: load one report, check it with the public ``factlint.check``."""
    facts, rules = load_report(rules_path)
    return factlint.check(facts, rules)


def failing(reports: list[factlint.CheckResult]) -> list[str]:
    return sorted(report.reports[0] for report in reports if report.findings)


def test_inputs_and_outputs_of_check_pickle(tmp_path: Path) -> None:
    facts, rules = load_report(make_archive(tmp_path)[1])
    report = factlint.check(facts, rules)
    for value in (facts, rules, report):
        assert pickle.loads(pickle.dumps(value)) == value
    assert [f.rule for f in pickle.loads(pickle.dumps(report)).findings] == ["six-new-share"]


def test_concurrent_futures_without_any_extra(tmp_path: Path) -> None:
    paths = make_archive(tmp_path)
    with ProcessPoolExecutor(max_workers=2) as pool:
        reports = list(pool.map(check_report, paths))
    assert failing(reports) == ["r2", "r4"]
    merged = factlint.CheckResult.merge(reports)
    assert merged.summary.failed == 2 and merged.summary.rules == 4


def test_dask_bag_maps_check_over_report_paths(tmp_path: Path) -> None:
    bag_module = pytest.importorskip("dask.bag")
    paths = [str(p) for p in make_archive(tmp_path)]
    bag = bag_module.from_sequence(paths, npartitions=2).map(check_report)
    reports = bag.compute(scheduler="processes", num_workers=2)
    assert failing(reports) == ["r2", "r4"]
    # Only the findings travel back when that is all the driver needs.
    findings = (
        bag_module.from_sequence(paths, npartitions=2)
        .map(check_report)
        .map(lambda report: [(report.reports[0], f.rule, f.suggestion) for f in report.findings])
        .flatten()
        .compute(scheduler="sync")
    )
    assert sorted(findings) == [("r2", "six-new-share", "76.5%"), ("r4", "six-new-share", "76.5%")]

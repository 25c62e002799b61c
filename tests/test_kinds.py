"""Data-driven tests of every rule kind: ``tests/data/kinds/<kind>.yaml``.

Each file is a list of cases::

    - name: one line saying what the case shows
      facts: {report: {id: t}, facts: {...}}   # a facts file, as a mapping
      rules: [...]                              # rules, as in a rules file
      rounding: truncate                        # optional: factlint.check(rounding=...)
      expect:                                   # every finding, in order ([] = none)
        - {rule: six-new-share, status: inconsistent, suggestion: "76.5%",
           stated: "[76.55%, 76.65%]", computed: "...", message: "...", reason: "..."}

The (rule, status) list must match exactly; the other keys are compared where given.
Figures are quoted, so YAML never turns one into a float.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import factlint
from factlint.model import Finding
from factlint.rules.kinds import KINDS

DATA = Path(__file__).parent / "data" / "kinds"
CASE_KEYS = {"name", "facts", "rules", "rounding", "expect"}
EXPECT_KEYS = {
    "rule",
    "status",
    "severity",
    "suggestion",
    "stated",
    "computed",
    "message",
    "reason",
}
MIN_CASES = 8
"""Cases each kind needs in ``tests/data/kinds/<kind>.yaml`` (a kind sharing its function
with another, like ``ratio`` with ``share``, is tested under the first name)."""


def _cases() -> list[Any]:
    params = []
    for path in sorted(DATA.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            params.append(pytest.param(case, id=f"{path.stem}: {case['name']}"))
    return params


def _observed(finding: Finding, keys: set[str]) -> dict[str, object]:
    values: dict[str, object] = {
        "rule": finding.rule,
        "status": finding.status,
        "severity": finding.severity.value,
        "suggestion": finding.suggestion,
        "stated": finding.stated.text if finding.stated else None,
        "computed": finding.computed.text if finding.computed else None,
        "message": finding.message,
        "reason": finding.reason,
    }
    return {key: values[key] for key in keys}


@pytest.mark.parametrize("case", _cases())
def test_kind_case(case: dict[str, Any]) -> None:
    assert set(case) <= CASE_KEYS, f"unknown keys {set(case) - CASE_KEYS}"
    report = factlint.check(case["facts"], case["rules"], rounding=case.get("rounding"))
    expected = case["expect"]
    assert [(f.rule, f.status) for f in report.findings] == [
        (e["rule"], e["status"]) for e in expected
    ]
    for finding, expectation in zip(report.findings, expected, strict=True):
        assert set(expectation) <= EXPECT_KEYS, f"unknown keys {set(expectation) - EXPECT_KEYS}"
        assert _observed(finding, set(expectation)) == expectation


def test_every_kind_has_enough_cases() -> None:
    counts: dict[str, int] = {}
    names: set[tuple[str, str]] = set()
    for path in sorted(DATA.glob("*.yaml")):
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))
        counts[path.stem] = len(cases)
        for case in cases:
            assert (path.stem, case["name"]) not in names, f"{path.name}: {case['name']} twice"
            names.add((path.stem, case["name"]))
    first_names = {function: kind for kind, function in reversed(KINDS.items())}
    for kind in first_names.values():
        assert counts.get(kind, 0) >= MIN_CASES, f"{kind}.yaml has {counts.get(kind, 0)} cases"


def test_cases_cover_both_outcomes() -> None:
    """Each kind file has passing cases, inconsistent ones and cannot-check ones."""
    for path in sorted(DATA.glob("*.yaml")):
        statuses = set()
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            statuses.add("passes" if not case["expect"] else "finds")
            statuses.update(e["status"] for e in case["expect"])
        assert {"passes", "inconsistent"} <= statuses, path.name

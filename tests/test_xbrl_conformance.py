"""The XBRL 2.1 calculation conformance cases, with Arelle's Calculations 1.1 verdicts.

Run as test data, as python-jsonschema runs the JSON-Schema-Test-Suite: every consistent
and inconsistent case must agree with Arelle; for the "excess digits" cases (which Arelle
refuses to check) factlint evaluates the interval reading, and must match it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factlint.app.commands.check import run_check

HERE = Path(__file__).parent / "data" / "xbrl21-calc"
CASES = sorted(
    p
    for root in ("cases", "cases_per_mention_decimals")
    for p in (HERE / root).iterdir()
    if (p / "expected.json").is_file()
)


def outcomes(case: Path) -> tuple[dict[str, str], set[str]]:
    report = run_check([case / "case.facts.yaml", case / "case.rules.yaml"])
    by_rule = {r.rule: r.outcome for r in report.results if not r.implicit}
    renamed = {"passed": "consistent", "failed": "inconsistent"}
    duplicates = {m.fact for f in report.findings if f.rule == "mentions-agree" for m in f.mentions}
    return {rule: renamed.get(o, o) for rule, o in by_rule.items()}, duplicates


def test_every_case_is_here() -> None:
    assert len(CASES) == 57


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_agrees_with_arelle(case: Path) -> None:
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    got, duplicates = outcomes(case)
    if expected["expect"] == "excess-digits":
        want = dict(expected["rules"])
        want.update(expected.get("if_evaluated", {}))
        assert got == want
        return
    for rule, want in expected["rules"].items():
        if want == "cannot-check":
            assert got[rule] == "cannot-check" or set(expected["duplicate_facts"]) <= duplicates
        else:
            assert got[rule] == want, rule
    assert not duplicates - set(expected["duplicate_facts"])

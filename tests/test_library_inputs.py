"""The library refuses wrong arguments as the command line does: a FactlintError that
says what is allowed, never a raw ValueError, TypeError or AttributeError (issue 12)."""

from __future__ import annotations

from typing import Any

import pytest

import factlint

FACTS = {"report": {"id": "t"}, "facts": {"a": {"value": "1项"}, "b": {"value": "2项"}}}
RULES = [{"id": "a-below-b", "compare": {"left": "a", "op": "<=", "right": "b"}}]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"skip": ["a-below-b"]}, "skip maps each skipped rule id to the reason"),
        ({"skip": {"a-below-b": ""}}, "skipping 'a-below-b' needs a reason"),
        ({"skip": {"a-below": "why"}}, "skip names 'a-below', which is no rule"),
        ({"rounding": "truncat"}, "rounding must be one of 'nearest', 'truncate', 'exact'"),
        ({"severities": {"a-belw-b": "info"}}, "did you mean 'a-below-b'?"),
        ({"severities": {"a-below-b": "fatal"}}, "must be 'error', 'warning' or 'info'"),
        ({"severities": ["a-below-b"]}, "severities maps rule ids"),
        ({"severities": {1: "info"}}, "keyed by rule ids"),
    ],
)
def test_wrong_options_are_factlint_errors(arguments: dict[str, Any], message: str) -> None:
    with pytest.raises(factlint.FactlintError, match=message.replace("(", r"\(")):
        factlint.check(FACTS, RULES, **arguments)


@pytest.mark.parametrize(
    ("facts", "rules", "message"),
    [
        (FACTS, [None], "the list holds None"),
        (FACTS, "a-below-b", "not a string"),
        (FACTS, 3, "not a int"),
        ("facts.yaml", RULES, "facts must be a FactSet"),
        ([FACTS], RULES, "the list holds a dict"),
    ],
)
def test_wrong_facts_or_rules_are_factlint_errors(facts: Any, rules: Any, message: str) -> None:
    with pytest.raises(factlint.FactlintError, match=message):
        factlint.check(facts, rules)


def test_the_good_spellings_are_accepted() -> None:
    report = factlint.check(
        FACTS,
        RULES,
        rounding="truncate",
        severities={"a-below-b": "info", "mentions-framing": factlint.Severity.ERROR},
        skip={"a-below-b": "checked by hand"},
    )
    assert report.summary.skipped == 1


def test_report_fails_takes_a_severity_or_its_name() -> None:
    report = factlint.check(FACTS, [{"id": "r", "check": "a > b"}])
    assert report.fails("error") and report.fails(factlint.Severity.ERROR)
    with pytest.raises(factlint.FactlintError, match="'error', 'warning' or 'info'"):
        report.fails("fatal")

"""The implicit checks: one registry of small objects, and results that say where they
come from by an enum rather than a prefix on their kind."""

from __future__ import annotations

import re

import factlint
from factlint.engine.checking import check_sets
from factlint.engine.implicit import CHECKS, IMPLICIT_CHECKS
from factlint.model import CheckOptions, Origin, Severity
from factlint.reporters.common import kind_label, rule_description

FACTS = {
    "report": {"id": "r"},
    "facts": {
        "a": {
            "value": "1亿元",
            "mentions": [{"section": "body"}, {"section": "table", "value": "2亿元"}],
        },
        "b": {"value": "2亿元"},
        "c": {"value": "3亿元"},
    },
}
RULES = [
    {"id": "total", "sum": {"parts": ["a", "b"], "total": "c"}},
    {"id": "other-total", "sum": {"parts": ["b", "b"], "total": "c"}},
]


def test_the_registry_is_small_objects_with_unique_ids() -> None:
    assert list(IMPLICIT_CHECKS) == [check.id for check in CHECKS]
    assert len(IMPLICIT_CHECKS) == len(CHECKS) == 5
    for check in CHECKS:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", check.id)
        assert isinstance(check.severity, Severity)
        assert check.doc.endswith(".") and "\n" not in check.doc
    assert [c.id for c in CHECKS if c.breaks_facts] == ["mentions-agree"]


def test_results_come_in_registry_order_with_their_origin_and_description() -> None:
    facts = factlint.facts_from_dict(FACTS)
    rules = factlint.rules_from_dict(RULES)
    report = check_sets(facts, rules.rules)
    implicit, declared = report.results[: len(CHECKS)], report.results[len(CHECKS) :]
    assert [r.rule for r in implicit] == [c.id for c in CHECKS]
    assert all(r.origin is Origin.IMPLICIT and r.implicit and r.kind == "" for r in implicit)
    assert [r.message for r in implicit] == [c.doc for c in CHECKS]
    assert [(r.rule, r.kind, r.implicit) for r in declared] == [
        ("total", "sum", False),
        ("other-total", "sum", False),
    ]
    agree = report.results[0]
    assert [f.implicit for f in agree.findings] == [True]
    assert kind_label(agree) == kind_label(agree.findings[0]) == "implicit:mentions-agree"
    assert rule_description(agree)[0] == IMPLICIT_CHECKS["mentions-agree"].doc
    assert report.summary.rules == 2


def test_a_skipped_check_still_breaks_the_fact_and_a_skipped_rule_keeps_its_kind() -> None:
    facts = factlint.facts_from_dict(FACTS)
    rules = factlint.rules_from_dict(RULES)
    options = CheckOptions(
        skip={"mentions-agree": "known", "other-total": "later"},
        severities={"mentions-framing": Severity.ERROR},
    )
    report = check_sets(facts, rules.rules, options)
    by_id = {r.rule: r for r in report.results}
    assert by_id["mentions-agree"].outcome == "skipped" and by_id["mentions-agree"].findings == ()
    assert kind_label(by_id["mentions-agree"]) == "implicit:mentions-agree"
    assert by_id["mentions-framing"].severity is Severity.ERROR
    assert by_id["total"].outcome == "cannot-check"  # a's mentions disagree
    assert "disagree" in (by_id["total"].findings[0].reason or "")
    skipped = by_id["other-total"]
    assert (skipped.kind, skipped.outcome, kind_label(skipped)) == ("sum", "skipped", "skipped:sum")

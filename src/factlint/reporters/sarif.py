"""SARIF 2.1.0 for GitHub code scanning: one run, the rules in the driver, one result per
finding located at the report text's line of the stated figure.

Each result keeps its identity between runs through ``partialFingerprints``; the facts
file lines that declare the figures are its related locations.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from factlint.model import Finding, Location, Report, RuleResult, Severity
from factlint.reporters.common import (
    explanation,
    facts_locations,
    kind_label,
    posix,
    primary_location,
    rule_description,
    rule_location,
    unique_fingerprints,
)
from factlint.version import __version__

if TYPE_CHECKING:
    from factlint.reporters.options import RenderOptions

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "factlintFingerprint/v1"
HELP = (
    "factlint reads every figure as printed, as the interval of values that round to it, "
    "and checks the rule on those intervals. A finding means no values the printed "
    "figures can stand for satisfy the rule; a cannot-check finding gives its reason. "
    "Correct the figure in the report text (and its facts file), or the rule if it "
    "states a wrong relation."
)


def render(report: Report, options: RenderOptions | None = None) -> str:
    return json.dumps(sarif_log(report), ensure_ascii=False, indent=2) + "\n"


def sarif_log(report: Report) -> dict[str, Any]:
    descriptors = _descriptors(report)
    index = {descriptor["id"]: i for i, descriptor in enumerate(descriptors)}
    fingerprints = unique_fingerprints(report.findings)
    driver = {
        "name": "factlint",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": descriptors,
    }
    results = [
        _result(finding, index[finding.rule], fingerprint)
        for finding, fingerprint in zip(report.findings, fingerprints, strict=True)
    ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results}],
    }


def _descriptors(report: Report) -> list[dict[str, Any]]:
    """One descriptor per rule id, described by its first result; a finding whose rule
    has no result (a report built by hand) gets a plain one."""
    first: dict[str, RuleResult | Finding] = {}
    for result in report.results:
        first.setdefault(result.rule, result)
    for finding in report.findings:
        first.setdefault(finding.rule, finding)
    return [_descriptor(rule, item) for rule, item in first.items()]


def _descriptor(rule: str, item: RuleResult | Finding) -> dict[str, Any]:
    if isinstance(item, RuleResult):
        short, full = rule_description(item)
    else:
        short = full = f"The rule {rule}."
    return {
        "id": rule,
        "name": rule,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": HELP, "markdown": HELP},
        "defaultConfiguration": {
            "level": LEVELS[item.severity],
            # A rule the configuration skips is disabled in this run.
            "enabled": not (isinstance(item, RuleResult) and item.skip_reason is not None),
        },
        "properties": {"tags": ["factlint", kind_label(item)]},
    }


def _result(finding: Finding, rule_index: int, fingerprint: str) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": explanation(finding)},
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {"status": finding.status, "kind": kind_label(finding)},
    }
    primary = primary_location(finding)
    if primary is not None:
        result["locations"] = [{"physicalLocation": _physical(primary)}]
    related = {loc: "the facts file declares the figure here" for loc in facts_locations(finding)}
    rule_at = rule_location(finding)
    if rule_at is not None:
        related.setdefault(rule_at, "the fact is declared here" if finding.implicit else "the rule")
    if primary is not None:
        related.pop(primary, None)
    if related:
        result["relatedLocations"] = [
            {"id": i, "physicalLocation": _physical(loc), "message": {"text": text}}
            for i, (loc, text) in enumerate(related.items(), 1)
        ]
    return result


def _physical(location: Location) -> dict[str, Any]:
    uri = quote(posix(location.path), safe="/:@!$&'()*+,;=-._~")
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    if location.line is not None:
        region: dict[str, int] = {"startLine": location.line}
        if location.column is not None:
            region["startColumn"] = location.column
        physical["region"] = region
    return physical

"""SARIF 2.1.0 for GitHub code scanning: one run, the rules in the driver, one result per
finding located at the report text's line of the stated figure.

As GitHub maps it:

- Paths are relative to a base folder (``--base-dir``; by default the git root above the
  working directory, else the working directory) and name it by ``uriBaseId``
  ``%SRCROOT%``, whose absolute URI is in ``originalUriBaseIds``. A relative path is
  percent-encoded, ``:`` included, so ``c:dir/x.txt`` is never read as a URI scheme; a file
  outside the base is an absolute ``file:`` URI.
- Each report's rules are described by their own message: a descriptor's id is
  ``<report id>/<rule id>`` (two reports may each have a rule ``total``), its name the
  rule id in PascalCase (never equal to the id), with ``helpUri``; the driver has
  ``informationUri``.
- ``partialFingerprints.primaryLocationLineHash``, the one key code scanning reads, is the
  finding's own fingerprint (report, rule, claim) with its occurrence count, so an alert
  keeps its identity when lines move (the upload action then logs that it differs from
  the line hash it would compute, and keeps it). ``factlintFingerprint/v1`` carries the
  same fingerprint under factlint's own name.

The facts-file lines that declare the figures are each result's related locations.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from factlint.model import CheckResult, Finding, Location, RuleResult, Severity
from factlint.reporters.common import (
    explanation,
    facts_locations,
    kind_label,
    primary_location,
    rule_description,
    rule_location,
    unique_fingerprints,
)
from factlint.reporters.escape import defuse_json
from factlint.version import __version__

if TYPE_CHECKING:
    from factlint.reporters.options import RenderOptions

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
PROJECT_URL = "https://github.com/factlint/factlint"
"""The repository's address, as in pyproject.toml's [project.urls] (a placeholder until the
project is published; tests/test_packaging.py keeps the two the same)."""
HELP_URIS = {
    "rule": f"{PROJECT_URL}/blob/main/README.md#rules-files",
    "implicit": f"{PROJECT_URL}/blob/main/README.md#checks-that-run-with-no-rule-written",
}
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "factlintFingerprint/v1"
GITHUB_FINGERPRINT_KEY = "primaryLocationLineHash"
BASE_ID = "%SRCROOT%"
HELP = (
    "factlint reads every figure as printed, as the interval of values that round to it, "
    "and checks the rule on those intervals. A finding means no values the printed "
    "figures can stand for satisfy the rule; a cannot-check finding gives its reason. "
    "Correct the figure in the report text (and its facts file), or the rule if it "
    "states a wrong relation."
)
# RFC 3986 path characters, less ":" (a first segment "c:dir" would read as a scheme).
_PATH_SAFE = "/!$&'()*+,;=-._~@"


def render(report: CheckResult, options: RenderOptions | None = None) -> str:
    base = options.base_dir if options is not None and options.base_dir else None
    document = sarif_log(report, base_dir=base)
    return defuse_json(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def source_root(start: Path | None = None) -> Path:
    """The default base of SARIF paths: the git work tree's root above ``start`` (the
    working directory), else ``start`` itself."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def sarif_log(report: CheckResult, base_dir: Path | None = None) -> dict[str, Any]:
    base = (base_dir or source_root()).resolve()
    owners = _report_of_each_finding(report)
    descriptors, index = _descriptors(report, owners)
    fingerprints = unique_fingerprints(report.findings)
    driver = {
        "name": "factlint",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": PROJECT_URL,
        "rules": descriptors,
    }
    results = []
    seen: dict[str, int] = {}
    for finding, fingerprint in zip(report.findings, fingerprints, strict=True):
        rule_id = _rule_id(owners.get(id(finding), ""), finding.rule)
        seen[finding.fingerprint] = seen.get(finding.fingerprint, 0) + 1
        line_hash = f"{finding.fingerprint}:{seen[finding.fingerprint]}"
        results.append(_result(finding, rule_id, index[rule_id], fingerprint, line_hash, base))
    base_uri = base.as_uri().rstrip("/") + "/"
    run = {
        "tool": {"driver": driver},
        # The checkout path, for a file outside the base written as an absolute URI.
        "invocations": [{"executionSuccessful": True, "workingDirectory": {"uri": base_uri}}],
        "originalUriBaseIds": {BASE_ID: {"uri": base_uri}},
        "results": results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _report_of_each_finding(report: CheckResult) -> dict[int, str]:
    """Each finding (by identity) → the id of the report whose rule produced it."""
    return {id(f): result.report for result in report.results for f in result.findings}


def _rule_id(report_id: str, rule: str) -> str:
    return f"{report_id}/{rule}" if report_id else rule


def _descriptors(
    report: CheckResult, owners: dict[int, str]
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """One descriptor per report and rule, described by that report's own result; a
    finding whose rule has no result (a report built by hand) gets a plain one."""
    first: dict[str, RuleResult | Finding] = {}
    for result in report.results:
        first.setdefault(_rule_id(result.report, result.rule), result)
    for finding in report.findings:
        first.setdefault(_rule_id(owners.get(id(finding), ""), finding.rule), finding)
    descriptors = [_descriptor(rule_id, item) for rule_id, item in first.items()]
    return descriptors, {rule_id: i for i, rule_id in enumerate(first)}


def _descriptor(rule_id: str, item: RuleResult | Finding) -> dict[str, Any]:
    rule = item.rule
    if isinstance(item, RuleResult):
        short, full = rule_description(item)
    else:
        short = full = f"The rule {rule}."
    descriptor: dict[str, Any] = {
        "id": rule_id,
        "name": pascal_case(rule),
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "helpUri": HELP_URIS["implicit" if item.implicit else "rule"],
        "help": {"text": HELP, "markdown": HELP},
        "defaultConfiguration": {
            "level": LEVELS[item.severity],
            # A rule the configuration skips is disabled in this run.
            "enabled": not (isinstance(item, RuleResult) and item.skip_reason is not None),
        },
        "properties": {"tags": ["factlint", kind_label(item)]},
    }
    if descriptor["name"] in ("", rule_id):
        del descriptor["name"]
    return descriptor


def pascal_case(rule: str) -> str:
    """A rule id as the identifier SARIF's ``name`` is meant to be.

    >>> pascal_case("six-new-share"), pascal_case("mentions_agree"), pascal_case("a1.b")
    ('SixNewShare', 'MentionsAgree', 'A1B')
    """
    words = [w for w in re.split(r"[^0-9A-Za-z]+", rule) if w]
    return "".join(w[:1].upper() + w[1:] for w in words)


def _result(
    finding: Finding,
    rule_id: str,
    rule_index: int,
    fingerprint: str,
    line_hash: str,
    base: Path,
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": rule_id,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": explanation(finding)},
        "partialFingerprints": {GITHUB_FINGERPRINT_KEY: line_hash, FINGERPRINT_KEY: fingerprint},
        "properties": {"status": finding.status, "kind": kind_label(finding)},
    }
    primary = primary_location(finding)
    if primary is not None:
        result["locations"] = [{"physicalLocation": _physical(primary, base)}]
    related = {loc: "the facts file declares the figure here" for loc in facts_locations(finding)}
    rule_at = rule_location(finding)
    if rule_at is not None:
        related.setdefault(rule_at, "the fact is declared here" if finding.implicit else "the rule")
    if primary is not None:
        related.pop(primary, None)
    if related:
        result["relatedLocations"] = [
            {"id": i, "physicalLocation": _physical(loc, base), "message": {"text": text}}
            for i, (loc, text) in enumerate(related.items(), 1)
        ]
    return result


def _physical(location: Location, base: Path) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": artifact_location(location.path, base)}
    if location.line is not None:
        region: dict[str, int] = {"startLine": location.line}
        if location.column is not None:
            region["startColumn"] = location.column
        physical["region"] = region
    return physical


def artifact_location(path: str, base: Path) -> dict[str, str]:
    """A path (relative to the working directory, or absolute) as GitHub resolves it:
    relative to ``base`` (``%SRCROOT%``) when inside it, else an absolute ``file:`` URI.

    >>> artifact_location("c:dir/报告.txt", Path.cwd())
    {'uri': 'c%3Adir/%E6%8A%A5%E5%91%8A.txt', 'uriBaseId': '%SRCROOT%'}
    """
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(base)
    except ValueError:
        try:
            relative = absolute.resolve().relative_to(base)
        except ValueError:
            return {"uri": absolute.as_uri()}
    # A name that is not UTF-8 (os.fsdecode's lone surrogates) is encoded from its bytes.
    uri = quote(relative.as_posix(), safe=_PATH_SAFE, errors="surrogateescape")
    return {"uri": uri, "uriBaseId": BASE_ID}

"""The JSON report: a stable, documented object (see README, "JSON output").

Keys are only ever added, never renamed. Decimal values are strings, so no precision is
lost in transit.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any

from factlint.model import CheckResult, Finding, IntervalView, MentionRef, RuleResult
from factlint.reporters.common import kind_label
from factlint.reporters.escape import defuse_json_characters, defuse_json_commands
from factlint.version import __version__

if TYPE_CHECKING:
    from factlint.reporters.options import RenderOptions

SCHEMA_VERSION = 1


# Without an indent, json encodes in C; with one, in Python (10,000 results took 0.35 s).
_ENCODER = json.JSONEncoder(ensure_ascii=False)
_ONE_PER_LINE = ("results", "findings")


def render(report: CheckResult, options: RenderOptions | None = None) -> str:
    """The report object, laid out for reading and diffing: one key per line, one
    finding and one result per line.

    >>> from factlint.model import CheckResult
    >>> print(render(CheckResult((), (), 0, (), ("r",))), end="")
    {
      "version": 1,
      "factlint": "...",
      "reports": ["r"],
      "summary": {"rules": 0, "passed": 0, "failed": 0, "cannot_check": 0, "facts": 0, ...},
      "findings": [],
      "results": [],
      "unchecked": []
    }
    """
    data = report_dict(report, results=False)
    data["results"] = [_result_json(result) for result in report.results]
    lines = [f"  {_ENCODER.encode(key)}: {_layout(key, value)}" for key, value in data.items()]
    # Each piece defused of the characters JSON must not hold raw (most are ASCII, which
    # holds none but DEL), the document of CI commands (whose lines span the pieces).
    return defuse_json_commands("{\n" + ",\n".join(lines) + "\n}\n")


def _layout(key: str, value: object) -> str:
    if key in _ONE_PER_LINE and isinstance(value, list) and value:
        items = (item if type(item) is str else _ENCODER.encode(item) for item in value)
        return "[\n" + ",\n".join(f"    {_defused(item)}" for item in items) + "\n  ]"
    return _defused(_ENCODER.encode(value))


def _defused(text: str) -> str:
    if text.isascii() and "\x7f" not in text:
        return text
    return defuse_json_characters(text)


def report_dict(report: CheckResult, *, results: bool = True) -> dict[str, Any]:
    """The report as plain data (``results=False``: its results are left for the caller)."""
    summary = report.summary
    return {
        "version": SCHEMA_VERSION,
        "factlint": __version__,
        "reports": list(report.reports),
        "summary": {
            "rules": summary.rules,
            "passed": summary.passed,
            "failed": summary.failed,
            "cannot_check": summary.cannot_check,
            "facts": summary.facts,
            "unchecked": summary.unchecked,
            "skipped": summary.skipped,
            "findings": len(report.findings),
        },
        "findings": [finding_dict(f) for f in report.findings],
        "results": [result_dict(r) for r in report.results] if results else [],
        "unchecked": list(report.unchecked),
    }


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "kind": kind_label(finding),
        "status": finding.status,
        "severity": finding.severity.value,
        "message": finding.message,
        "claim": finding.claim,
        "arithmetic": finding.arithmetic,
        "stated": interval_dict(finding.stated),
        "computed": interval_dict(finding.computed),
        "rounding": finding.rounding,
        "suggestion": finding.suggestion,
        "reason": finding.reason,
        "fingerprint": finding.fingerprint,
        "rule_file": finding.rule_at.path if finding.rule_at else None,
        "rule_line": finding.rule_at.line if finding.rule_at else None,
        "mentions": [mention_dict(m) for m in finding.mentions],
    }


def interval_dict(view: IntervalView | None) -> dict[str, Any] | None:
    if view is None:
        return None
    interval = view.interval
    return {
        "text": view.text,
        "figure": view.figure or None,
        "low": None if interval.lo is None else str(interval.lo),
        "high": None if interval.hi is None else str(interval.hi),
        "low_closed": interval.lo_closed,
        "high_closed": interval.hi_closed,
    }


def mention_dict(mention: MentionRef) -> dict[str, Any]:
    declared = mention.declared_at
    out = {
        "fact": mention.fact,
        "label": mention.label,
        "figure": mention.figure,
        "section": mention.section,
        "quote": mention.quote,
        "file": mention.file,
        "line": mention.line,
        "facts_file": declared.path if declared else None,
        "facts_line": declared.line if declared else None,
    }
    if mention.page is not None:  # a PDF source: where the line is in the document
        out |= {"page": mention.page, "page_line": mention.page_line}
    return out


def result_dict(result: RuleResult) -> dict[str, Any]:
    return {
        "rule": result.rule,
        "kind": kind_label(result),
        "outcome": result.outcome,
        "severity": result.severity.value,
        "findings": len(result.findings),
        "facts": list(result.facts),
        "rule_file": result.declared_at.path if result.declared_at else None,
        "rule_line": result.declared_at.line if result.declared_at else None,
        "report": result.report,
        "skip_reason": result.skip_reason,
    }


def _result_json(result: RuleResult) -> str:
    """``_ENCODER.encode(result_dict(result))``, written directly: a report has a result
    per rule (``tests/test_reporters.py`` holds the two equal)."""
    declared = result.declared_at
    rule, kind, severity = result.rule, kind_label(result), result.severity.value
    report, skipped, facts = result.report, result.skip_reason, result.facts
    if not (
        type(rule) is str
        and type(kind) is str
        and type(severity) is str
        and type(report) is str
        and (skipped is None or type(skipped) is str)
        and type(facts) is tuple
        and all(type(fact) is str for fact in facts)
        and (declared is None or (type(declared.path) is str and type(declared.line) in _LINES))
    ):
        return _ENCODER.encode(result_dict(result))
    return (
        f'{{"rule": {encode_basestring(rule)}, "kind": {encode_basestring(kind)}, '
        f'"outcome": "{result.outcome}", "severity": {encode_basestring(severity)}, '
        f'"findings": {len(result.findings)}, '
        f'"facts": [{", ".join(map(encode_basestring, facts))}], '
        f'"rule_file": {"null" if declared is None else encode_basestring(declared.path)}, '
        f'"rule_line": {"null" if declared is None or declared.line is None else declared.line}, '
        f'"report": {encode_basestring(report)}, '
        f'"skip_reason": {"null" if skipped is None else encode_basestring(skipped)}}}'
    )


_LINES = (int, type(None))

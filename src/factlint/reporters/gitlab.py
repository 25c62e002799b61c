"""GitLab Code Quality: a JSON array of issues for ``artifacts:reports:codequality``.

Each issue has the fields GitLab reads: ``description``, ``check_name``, a unique
``fingerprint``, ``severity`` and ``location`` (``path`` and ``lines.begin``).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from factlint.model import CheckResult, Finding, Severity
from factlint.reporters.common import posix, primary_location, unique_fingerprints
from factlint.reporters.escape import defuse_json

if TYPE_CHECKING:
    from factlint.reporters.options import RenderOptions

SEVERITIES = {Severity.INFO: "info", Severity.WARNING: "minor", Severity.ERROR: "major"}


def render(report: CheckResult, options: RenderOptions | None = None) -> str:
    fingerprints = unique_fingerprints(report.findings)
    issues = [issue(f, fp) for f, fp in zip(report.findings, fingerprints, strict=True)]
    return defuse_json(json.dumps(issues, ensure_ascii=False, indent=2) + "\n")


def issue(finding: Finding, fingerprint: str) -> dict[str, Any]:
    where = primary_location(finding)
    return {
        "description": f"[{finding.rule}] {finding.message}",
        "check_name": finding.rule,
        "fingerprint": fingerprint,
        "severity": SEVERITIES[finding.severity],
        "location": {
            # GitLab needs a path and a line; a finding with neither points at nothing
            # an editor could open, so it is listed against the working directory.
            "path": posix(where.path) if where else ".",
            "lines": {"begin": where.line if where and where.line else 1},
        },
    }

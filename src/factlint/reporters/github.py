"""GitHub Actions: one workflow command per finding, and a Markdown summary for the step.

``::error file=…,line=…,title=…::message`` becomes an annotation on the line of the report
text. Data is escaped as the runner expects (``%`` ``\\r`` ``\\n``), and property values
also escape ``:`` and ``,``, which would otherwise end the property.

GitHub shows only the first few annotations of each kind per step, so ``summary_markdown``
gives the whole table; the command layer appends it to ``$GITHUB_STEP_SUMMARY``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factlint.clip import printable
from factlint.model import CheckResult, Finding, Severity
from factlint.reporters.common import explanation, posix, primary_location
from factlint.reporters.escape import defuse_text, markdown_text
from factlint.reporters.text_format import summary_line

if TYPE_CHECKING:
    from factlint.reporters.options import RenderOptions

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
SUMMARY_BUDGET = 900_000
"""Bytes of Markdown a step summary may take here; GitHub refuses more than 1 MiB."""


def render(report: CheckResult, options: RenderOptions | None = None) -> str:
    lines = [annotation(finding) for finding in report.findings]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def annotation(finding: Finding) -> str:
    """The workflow command for one finding."""
    properties: dict[str, str] = {}
    where = primary_location(finding)
    if where is not None:
        properties["file"] = posix(where.path)
        if where.line is not None:
            properties["line"] = str(where.line)
    properties["title"] = f"factlint {finding.rule}: {_status(finding)}"
    listed = ",".join(
        f"{key}={defuse_text(escape_property(printable(value)))}"
        for key, value in properties.items()
    )
    message = defuse_text(escape_data(printable(explanation(finding))))  # no "##[" either
    return f"::{COMMANDS[finding.severity]} {listed}::{message}"


def escape_data(text: str) -> str:
    """A command's message: ``%``, CR and LF as ``%25``, ``%0D``, ``%0A`` (user text in it
    went through ``clip.printable`` first: no terminal escapes, no bidi controls).

    >>> escape_data("50%\\nnext")
    '50%25%0Anext'
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: the data escapes, and ``:`` and ``,`` as ``%3A`` and ``%2C``.

    >>> escape_property("a: b, c")
    'a%3A b%2C c'
    """
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def summary_markdown(report: CheckResult) -> str:
    """A Markdown table of every finding, for ``$GITHUB_STEP_SUMMARY``."""
    lines = ["## factlint", "", _cell(summary_line(report)), ""]
    if not report.findings:
        return "\n".join([*lines, "No findings.", ""])
    lines += ["| Severity | Rule | Status | Where | Message |", "|---|---|---|---|---|"]
    size = sum(len(line.encode()) + 1 for line in lines)
    for shown, finding in enumerate(report.findings):
        row = _row(finding)
        size += len(row.encode()) + 1
        if size > SUMMARY_BUDGET:
            lines += ["", f"… and {len(report.findings) - shown} more findings (see the log)."]
            break
        lines.append(row)
    return "\n".join([*lines, ""])


def _row(finding: Finding) -> str:
    where = primary_location(finding)
    place = _cell(str(where)) if where else ""
    # A rule id is [a-z0-9-] (rules_yaml.RULE_ID): safe in a code span, where references
    # would show as written.
    cells = [finding.severity.value, f"`{_cell(finding.rule)}`", _status(finding), place]
    return "| " + " | ".join([*cells, _cell(finding.message)]) + " |"


def _status(finding: Finding) -> str:
    return "cannot check" if finding.status == "cannot-check" else "inconsistent"


def _cell(text: str) -> str:
    """Text safe inside a table cell: shown as written, never rendered as Markdown."""
    return markdown_text(text)

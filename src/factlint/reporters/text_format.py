"""The human report: findings grouped by rule, the arithmetic shown, a one-line summary.

Colour only when asked (the CLI asks on a terminal without NO_COLOR).
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from factlint.clip import printable as escaped_lines
from factlint.model import CheckResult, Finding, MentionRef, Severity
from factlint.reporters.escape import defuse_text

if TYPE_CHECKING:
    from factlint.reporters.options import RenderOptions

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def render(report: CheckResult, options: RenderOptions | None = None) -> str:
    color = bool(options and options.color)
    quiet = bool(options and options.quiet)
    lines: list[str] = []
    for _rule, group in groupby(report.findings, key=lambda f: (f.rule, f.rule_at)):
        findings = list(group)
        lines.extend(_rule_block(findings))
        lines.append("")
    if report.unchecked and not quiet:
        lines.append(
            f"Unchecked ({len(report.unchecked)} facts no rule or duplicate check touched):"
        )
        lines.extend(_wrap(", ".join(report.unchecked), "  "))
        lines.append("")
    skipped = [r for r in report.results if r.skip_reason is not None]
    if skipped and not quiet:
        lines.append(f"Skipped ({len(skipped)} by the configuration):")
        lines.extend(f"  {r.rule}: {r.skip_reason}" for r in skipped)
        lines.append("")
    lines.append(summary_line(report))
    # Each entry is one line: a line break inside user text is shown, so a section name
    # cannot start a line of its own (a fake `::error` command in a CI log, say).
    text = printable("\n".join(line.replace("\n", "\\n") for line in lines) + "\n")
    text = defuse_text(text)  # a wrapped message line may still start with "::"
    for severity, code in _COLORS.items():
        text = text.replace(_label(severity), _paint(severity.value, code, color))
    return text


def printable(text: str) -> str:
    """User text (quotes, sections, labels) with control characters shown, not obeyed:
    a facts file must not be able to move the cursor, retitle the terminal or reorder
    what a reader sees (``clip.printable``: the one escaping policy)."""
    return escaped_lines(text)


def _label(severity: Severity) -> str:
    # Private-use marks, coloured (or not) once the text is safe.
    return f"\ue000{severity.value}\ue001"


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _rule_block(findings: list[Finding]) -> list[str]:
    first = findings[0]
    where = f"{first.rule_at}: " if first.rule_at else ""
    lines = []
    for finding in findings:
        label = _label(finding.severity)
        status = "cannot be checked" if finding.status == "cannot-check" else "is inconsistent"
        lines.append(f"{where}{label}: {finding.rule} {status}")
        lines.extend(_wrap(finding.message, "    "))
        lines.extend(finding_details(finding))
    return lines


def finding_details(finding: Finding) -> list[str]:
    """The indented lines under a finding: arithmetic, intervals, suggestion, mentions."""
    lines = []
    if finding.arithmetic and finding.status == "inconsistent":
        lines.append(f"    arithmetic  {finding.arithmetic}")
    if finding.stated:
        figure = finding.stated.figure
        printed = f"{figure} = " if figure and figure != finding.stated.text else ""
        lines.append(f"    stated      {printed}{finding.stated.text}")
    if finding.computed:
        lines.append(f"    computed    {finding.computed.text}  ({finding.rounding} rounding)")
    if finding.suggestion:
        lines.append(f"    would read  {finding.suggestion}")
    if finding.reason and finding.status == "cannot-check":
        lines.append(f"    reason      {finding.reason}")
    seen: set[tuple[str, str, int | None]] = set()
    for mention in finding.mentions:
        key = (mention.fact, mention.section, mention.line)
        if key in seen:
            continue
        seen.add(key)
        lines.append(f"    {_mention_line(mention)}")
    return lines


def _mention_line(mention: MentionRef) -> str:
    where = mention.file or (mention.declared_at.path if mention.declared_at else "")
    if mention.line is not None:
        where = f"{where}:{mention.line}"
        if mention.page is not None:
            where += f" (page {mention.page}, line {mention.page_line})"
    elif mention.declared_at and mention.declared_at.line:
        where = f"{mention.declared_at}"
    section = f" [{mention.section}]" if mention.section else ""
    quote = f" «{' '.join(mention.quote.split())}»" if mention.quote else ""
    return f"{mention.fact} = {mention.figure}{section} at {where}{quote}"


def summary_line(report: CheckResult) -> str:
    s = report.summary
    counts = {sev: sum(f.severity == sev for f in report.findings) for sev in Severity}
    by_severity = ", ".join(
        f"{n} {sev.value}{'s' if n != 1 else ''}"
        for sev, n in sorted(counts.items(), key=lambda kv: -kv[0].rank)
        if n
    )
    findings = f"{len(report.findings)} finding{'s' if len(report.findings) != 1 else ''}"
    if by_severity:
        findings += f" ({by_severity})"
    skipped = f", {s.skipped} skipped" if s.skipped else ""
    return (
        f"{findings} · {s.rules} rule{'s' if s.rules != 1 else ''}: "
        f"{s.passed} passed, {s.failed} failed, "
        f"{s.cannot_check} cannot check{skipped} · {s.facts} facts, {s.unchecked} unchecked"
    )


def _wrap(text: str, indent: str, width: int = 100) -> list[str]:
    lines, current = [], indent
    for word in text.split(" "):
        if len(current) + len(word) + 1 > width and current.strip():
            lines.append(current.rstrip())
            current = indent
        current += word + " "
    if current.strip():
        lines.append(current.rstrip())
    return lines

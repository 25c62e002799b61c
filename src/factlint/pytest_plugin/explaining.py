"""Findings worded as a failing item prints them: a verdict line, then where and why, the
rule's YAML as written, no traceback. ``report_explanation`` words a whole check's result
for ``assert_consistent``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factlint.model import CheckResult, Finding, Rule, Severity


def explain(findings: Sequence[Finding], rules: Mapping[str, Rule]) -> str:
    """Findings as a failure prints them: a verdict line, then where and why, no traceback.

    A declared rule's YAML is shown under its first finding when ``rules`` has it.
    """
    from factlint.clip import one_line

    blocks: list[str] = []
    shown: set[str] = set()
    for finding in findings:
        rule = rules.get(finding.rule) if not finding.implicit else None
        source = rule if rule is not None and rule.id not in shown else None
        if rule is not None:
            shown.add(rule.id)
        blocks.append("\n".join(one_line(line) for line in finding_lines(finding, source)))
    from factlint.reporters.escape import defuse_text

    # As the text format prints it: each line one line, whatever line breaks, terminal
    # escapes or bidi controls the user text in it holds, and no "::" or "##[" command.
    return defuse_text("\n\n".join(blocks))


def finding_lines(finding: Finding, rule: Rule | None = None) -> list[str]:
    from factlint.reporters.text_format import finding_details

    label = "check" if finding.implicit else "rule"
    where = f" at {finding.rule_at}" if finding.rule_at else ""
    lines = [verdict(finding), f"    {label:<12}{finding.rule} ({finding.severity.value}){where}"]
    if rule is not None:
        lines.extend(source_lines(rule))
    if finding.claim and not finding.implicit:
        lines.append(f"    {'claim':<12}{finding.claim}")
    said = f"    {'reason':<12}{finding.reason}"
    lines.extend(line for line in finding_details(finding) if line != said)
    return lines


def verdict(finding: Finding) -> str:
    """The first line: pytest's short summary and JUnit's message start with it."""
    if finding.status == "cannot-check":
        return f"cannot check: {finding.reason or finding.message}"
    return f"inconsistent: {finding.message}"


def source_lines(rule: Rule) -> list[str]:
    """The rule as written, numbered like the file: ``    17 |   - id: target-completion``."""
    first = rule.declared_at.line if rule.declared_at and rule.declared_at.line else None
    if first is None:
        return []
    width = len(str(first + len(rule.source_lines) - 1))
    return [
        f"      {first + offset:>{width}} | {text}".rstrip()
        for offset, text in enumerate(rule.source_lines)
    ]


def report_explanation(report: CheckResult, fail_on: Severity) -> str:
    """Every finding of ``report`` at or above ``fail_on``, explained as the items do,
    declared rules first; empty when there is none."""
    failing = sorted(
        (f for f in report.findings if f.severity.at_least(fail_on)),
        key=lambda f: f.implicit,
    )
    if not failing:
        return ""
    count = f"{len(failing)} finding{'s' if len(failing) != 1 else ''}"
    head = f"{count} at or above {fail_on.value}:"
    return f"{head}\n\n{explain(failing, _rules_on_disk(failing))}"


def _rules_on_disk(findings: Sequence[Finding]) -> dict[str, Rule]:
    """The declared rules behind ``findings``, reread from their rules files for their YAML."""
    from factlint.errors import FactlintError
    from factlint.loading.rules_yaml import load_rules

    rules: dict[str, Rule] = {}
    paths = {f.rule_at.path for f in findings if f.rule_at and not f.implicit}
    for path in sorted(paths):
        if not Path(path).is_file():
            continue
        try:
            rule_set = load_rules(path, allow_outside_source=True)  # only its rules are used
        except FactlintError:
            continue
        rules.update({rule.id: rule for rule in rule_set.rules})
    return rules

"""The test items: one per declared rule, one per facts file for its implicit checks. An
item looks its findings up in its file's check, fails on those at the fail-on level, warns
on the others, and prints a failure as the explanation alone (``repr_failure``)."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from factlint.pytest_plugin.explaining import explain
from factlint.pytest_plugin.file_check import CHECKED, CheckedFile
from factlint.pytest_plugin.settings import SETTINGS

if TYPE_CHECKING:
    from factlint.model import Finding, Rule


class FactlintWarning(pytest.PytestWarning):
    """A finding below the fail-on level: the item passes and pytest lists this warning."""


class FactlintFailure(Exception):
    """An item's findings at or above the fail-on level, already explained."""


class FactlintItem(pytest.Item):
    """An item whose findings come from its rules file, checked once."""

    parent: pytest.File  # a FactlintFile, which holds the check in its stash

    def findings(self, checked: CheckedFile) -> tuple[Finding, ...]:
        raise NotImplementedError

    def explain(self, findings: Sequence[Finding]) -> str:
        raise NotImplementedError

    def runtest(self) -> None:
        from factlint.model import Severity

        checked = self.parent.stash[CHECKED]
        fail_on = Severity(self.config.stash[SETTINGS].fail_on)
        findings = self.findings(checked)
        failing = [f for f in findings if f.severity.at_least(fail_on)]
        if failing:
            below = [f for f in findings if f not in failing]
            raise FactlintFailure(self.explain([*failing, *below]))
        if findings:
            path, line = _warning_at(findings[0], self.path)
            text = explain(findings, {})
            warnings.warn_explicit(FactlintWarning(text), FactlintWarning, path, line)

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: Any = None,
    ) -> Any:
        if isinstance(excinfo.value, FactlintFailure | FactlintWarning):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style)


class FactlintRuleItem(FactlintItem):
    """One declared rule; its node id is ``<rules file>::<rule id>``."""

    def __init__(self, *, rule: Rule, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rule = rule

    def findings(self, checked: CheckedFile) -> tuple[Finding, ...]:
        return checked.by_rule.get(self.rule.id, ())

    def explain(self, findings: Sequence[Finding]) -> str:
        return explain(findings, {self.rule.id: self.rule})

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, self._line() - 1, f"factlint: {self.rule.id}"

    def _line(self) -> int:
        where = self.rule.declared_at
        return where.line if where is not None and where.line else 1


class FactlintChecksItem(FactlintItem):
    """The implicit checks of one facts file: ``<rules file>::implicit-checks(<facts file>)``."""

    def __init__(self, *, facts_path: Path, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.facts_path = facts_path

    def findings(self, checked: CheckedFile) -> tuple[Finding, ...]:
        return checked.implicit.get(self.facts_path, ())

    def explain(self, findings: Sequence[Finding]) -> str:
        return explain(findings, {})

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.facts_path, 0, f"factlint: {self.name}"


def _warning_at(finding: Finding, fallback: Path) -> tuple[str, int]:
    """Where pytest's warning summary points: the rule, or the fact, behind ``finding``."""
    where = finding.rule_at
    if where is None or not where.line:
        return str(fallback), 1
    return where.path, where.line

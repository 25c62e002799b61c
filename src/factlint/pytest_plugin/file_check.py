"""One rules file checked, once, at collection: the facts it names loaded, ``check_sets``
run, and every item's findings indexed for the items to look up."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from factlint.records import dataclass

if TYPE_CHECKING:
    from factlint.model import CheckResult, Finding, RuleSet


@dataclass(frozen=True)
class CheckedFile:
    """One rules file checked: its result, and each item's findings found by a lookup (an
    item that searched the result would make a file of N rules cost N² steps)."""

    result: CheckResult
    by_rule: Mapping[str, tuple[Finding, ...]]
    """The findings of each declared rule, by rule id."""
    implicit: Mapping[Path, tuple[Finding, ...]]
    """The findings of the implicit checks, by the facts file of the fact they are about."""


CHECKED = pytest.StashKey[CheckedFile]()
"""On a ``FactlintFile``: the file checked, once, when it is collected."""


class BrokenInput(Exception):
    """A facts file or a rule that cannot be used: the rules file's one collection error."""


def check_file(
    rule_set: RuleSet, rounding: str | None, allow_outside_source: bool = False
) -> CheckedFile:
    """Load the facts a rules file names and check them: ``check_sets`` once per file.
    Raises ``BrokenInput`` (its message the located error) for an input that is broken."""
    from factlint.engine.checking import check_sets, merge_fact_sets
    from factlint.errors import FactlintError
    from factlint.loading.facts_yaml import load_facts
    from factlint.loading.gc_pause import paused_gc
    from factlint.model import CheckOptions

    try:
        fact_sets = {
            Path(os.path.normpath(p)): load_facts(p, allow_outside_source=allow_outside_source)
            for p in rule_set.facts_paths
        }
        merged = merge_fact_sets(fact_sets.values())
        options = CheckOptions(rounding=rounding)  # type: ignore[arg-type]
        with paused_gc(promote=True):  # the results live as long as the session
            result = check_sets(merged, rule_set.rules, options)
    except FactlintError as error:
        raise BrokenInput(str(error)) from None
    by_rule: dict[str, tuple[Finding, ...]] = {}
    owner = {fact: path for path, facts in fact_sets.items() for fact in facts.facts}
    implicit: dict[Path, list[Finding]] = {path: [] for path in fact_sets}
    for rule_result in result.results:
        if not rule_result.implicit:
            by_rule.setdefault(rule_result.rule, rule_result.findings)
            continue
        for finding in rule_result.findings:
            if not finding.mentions:  # about no one fact: shown with every facts file
                for findings in implicit.values():
                    findings.append(finding)
            elif (path := owner.get(finding.mentions[0].fact)) is not None:
                implicit[path].append(finding)
    return CheckedFile(result, by_rule, {path: tuple(f) for path, f in implicit.items()})

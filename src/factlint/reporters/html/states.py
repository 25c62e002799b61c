"""Each figure's state for the page: consistent, inconsistent, cannot check, not checked.

A mention that an inconsistent finding cites is *inconsistent*; else one that a
cannot-check finding cites is *cannot check*; else its fact is *consistent* when a rule that
ran (or the duplicate check, for a fact printed more than once) covered it, and *not
checked* otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

from factlint.model import CheckResult, FactSet, Finding, Mention, MentionRef
from factlint.records import dataclass


class State(Enum):
    INCONSISTENT = "inconsistent"
    CANNOT_CHECK = "cannot-check"
    CONSISTENT = "consistent"
    NOT_CHECKED = "not-checked"

    @property
    def symbol(self) -> str:
        return _SYMBOLS[self]

    @property
    def label(self) -> str:
        return self.value.replace("-", " ")


_SYMBOLS = {
    State.INCONSISTENT: "✗",
    State.CANNOT_CHECK: "?",
    State.CONSISTENT: "✓",
    State.NOT_CHECKED: "○",
}

MentionKey = tuple[str | None, str, int | None, str, str]
"""(source file, fact id, line, quote, figure): one mention, as a finding cites it."""


def key_of_ref(ref: MentionRef) -> MentionKey:
    return (ref.file, ref.fact, ref.line, ref.quote, ref.figure)


def key_of_mention(facts: FactSet, mention: Mention) -> MentionKey:
    return (facts.report.source, mention.fact, mention.line, mention.quote, mention.figure.text)


@dataclass(frozen=True)
class Citations:
    """Which findings (by their index in the report) cite each mention."""

    by_mention: dict[MentionKey, list[int]]
    by_fact: dict[tuple[str | None, str], list[int]]

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> Citations:
        by_mention: dict[MentionKey, list[int]] = {}
        by_fact: dict[tuple[str | None, str], list[int]] = {}
        for index, finding in enumerate(findings):
            for ref in finding.mentions:
                cited = by_mention.setdefault(key_of_ref(ref), [])
                if not cited or cited[-1] != index:
                    cited.append(index)
                by_fact.setdefault((ref.file, ref.fact), []).append(index)
        return cls(by_mention, by_fact)


def checked_facts(report: CheckResult, facts: FactSet) -> set[str]:
    """The facts of ``facts`` that a rule which ran, or the duplicate check, covered."""
    report_id = facts.report.id
    covered = {
        fact
        for result in report.results
        if result.report == report_id and result.skip_reason is None
        for fact in result.facts
    }
    return covered | set(facts.repeated)


def state_of(findings: list[int], all_findings: tuple[Finding, ...], fact_checked: bool) -> State:
    statuses = {all_findings[i].status for i in findings}
    if "inconsistent" in statuses:
        return State.INCONSISTENT
    if statuses:
        return State.CANNOT_CHECK
    return State.CONSISTENT if fact_checked else State.NOT_CHECKED

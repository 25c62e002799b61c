"""What ``factlint scan`` decides on a text of our own, in process: the facts extracted from
it checked against the rules discovery finds (the tests of each detector use it)."""

from __future__ import annotations

from factlint import CheckResult, check, facts_from_dict, rules_from_dict
from factlint.extract.discover import Relation, discover
from factlint.extract.pipeline import Extraction, extract_text
from factlint.extract.writer import facts_data


def scan_report(text: str | Extraction, relations: list[Relation] | None = None) -> CheckResult:
    """The check of ``text``'s extracted facts against ``relations`` (by default, every
    relation discovery finds in it)."""
    extraction = extract_text(text) if isinstance(text, str) else text
    facts = facts_from_dict(facts_data(extraction, report_id="t", source="t.txt"))
    found = discover(extraction) if relations is None else relations
    return check(facts, rules_from_dict([r.rule for r in found]))


def scan_findings(text: str | Extraction) -> list[tuple[str, str]]:
    """(rule id, severity) of each finding, sorted."""
    return sorted((f.rule, f.severity.value) for f in scan_report(text).findings)

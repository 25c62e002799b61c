"""factlint: check the numbers in a report against each other.

>>> import factlint
>>> facts = factlint.facts_from_dict({"report": {"id": "demo"}, "facts": {
...     "signed": {"value": "51项"}, "six_new": {"value": "39项"},
...     "six_new_share": {"value": "75.5%"}}})
>>> rules = factlint.rules_from_dict([{"id": "six-new-share",
...     "share": {"part": "six_new", "whole": "signed", "is": "six_new_share"}}])
>>> report = factlint.check(facts, rules)
>>> [(f.rule, f.status, f.suggestion) for f in report.findings]
[('six-new-share', 'inconsistent', '76.5%')]
"""

from __future__ import annotations

from factlint.api import check, load_facts, load_rules
from factlint.errors import FactlintError
from factlint.facts_file import facts_from_dict
from factlint.figures import Figure, FigureError, parse_figure
from factlint.intervals import Interval
from factlint.model import (
    Fact,
    FactSet,
    Finding,
    Mention,
    MentionRef,
    Report,
    Rule,
    RuleResult,
    RuleSet,
    Severity,
    Summary,
)
from factlint.rules_file import rules_from_dict

__version__ = "0.1.0"

__all__ = [
    "Fact",
    "FactSet",
    "FactlintError",
    "Figure",
    "FigureError",
    "Finding",
    "Interval",
    "Mention",
    "MentionRef",
    "Report",
    "Rule",
    "RuleResult",
    "RuleSet",
    "Severity",
    "Summary",
    "__version__",
    "check",
    "facts_from_dict",
    "load_facts",
    "load_rules",
    "parse_figure",
    "rules_from_dict",
]

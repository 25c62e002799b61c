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
>>> print(factlint.render(report, "text").splitlines()[-1])
1 finding (1 error) · 1 rule: 0 passed, 1 failed, 0 cannot check · 3 facts, 0 unchecked

The public names are in ``__all__`` (and ``dir(factlint)``): loading (``load_facts``,
``load_rules``, ``load_report``, ``facts_from_dict``, ``rules_from_dict``), checking
(``check``), output (``render``: text, json, jsonl, junit, sarif, github, gitlab), figures
(``parse_figure``, ``Figure``, ``Interval``), and the data types they take and return.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factlint.api import check, load_facts, load_report, load_rules, render
    from factlint.errors import FactlintError
    from factlint.loading.facts_yaml import facts_from_dict
    from factlint.loading.rules_yaml import rules_from_dict
    from factlint.model import (
        CheckResult,
        Fact,
        FactSet,
        Finding,
        IntervalView,
        Location,
        Mention,
        MentionRef,
        Origin,
        ReportInfo,
        Rule,
        RuleResult,
        RuleSet,
        Severity,
        Summary,
        Tolerance,
    )
    from factlint.numbers.figures import Figure, FigureError, parse_figure
    from factlint.numbers.intervals import Interval
    from factlint.rules.expressions import Comparison

from factlint.version import __version__

__all__ = [
    "CheckResult",
    "Comparison",
    "Fact",
    "FactSet",
    "FactlintError",
    "Figure",
    "FigureError",
    "Finding",
    "Interval",
    "IntervalView",
    "Location",
    "Mention",
    "MentionRef",
    "Origin",
    "ReportInfo",
    "Rule",
    "RuleResult",
    "RuleSet",
    "Severity",
    "Summary",
    "Tolerance",
    "__version__",
    "check",
    "facts_from_dict",
    "load_facts",
    "load_report",
    "load_rules",
    "parse_figure",
    "render",
    "rules_from_dict",
]

# Imported on first use, so that `import factlint.pytest_plugin` (which pytest does for every
# user who has factlint installed) stays cheap.
_WHERE = {
    "check": "factlint.api",
    "load_facts": "factlint.api",
    "load_report": "factlint.api",
    "load_rules": "factlint.api",
    "render": "factlint.api",
    "Comparison": "factlint.rules.expressions",
    "FactlintError": "factlint.errors",
    "facts_from_dict": "factlint.loading.facts_yaml",
    "rules_from_dict": "factlint.loading.rules_yaml",
    "Figure": "factlint.numbers.figures",
    "FigureError": "factlint.numbers.figures",
    "parse_figure": "factlint.numbers.figures",
    "Interval": "factlint.numbers.intervals",
    **{
        name: "factlint.model"
        for name in (
            "CheckResult",
            "Fact",
            "FactSet",
            "Finding",
            "IntervalView",
            "Location",
            "Mention",
            "MentionRef",
            "Origin",
            "ReportInfo",
            "Rule",
            "RuleResult",
            "RuleSet",
            "Severity",
            "Summary",
            "Tolerance",
        )
    },
}


def __dir__() -> list[str]:
    """The public API (loaded on first use) and the module's own names, for ``dir()``,
    ``help()`` and completion."""
    return sorted({*__all__, *(name for name in globals() if name.startswith("__"))})


def __getattr__(name: str) -> Any:
    if name == "Report":
        return _renamed_report()
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'factlint' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def _renamed_report() -> Any:
    """``factlint.Report``, the old name of ``CheckResult`` (renamed because "report" is the
    document being checked): still the same class, with a DeprecationWarning at each use."""
    import warnings

    warnings.warn(
        "factlint.Report is renamed factlint.CheckResult; the old name will be removed",
        DeprecationWarning,
        stacklevel=3,
    )
    return __getattr__("CheckResult")

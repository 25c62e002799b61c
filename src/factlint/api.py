"""The library's entry points: load facts and rules, check one against the other.

``check`` is a pure function of its arguments (no I/O, picklable inputs and output), so
pipelines can map it over many reports with any engine.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from factlint.engine.checking import as_rules, check_sets, merge_fact_sets
from factlint.loading.facts_yaml import facts_from_dict, load_facts
from factlint.loading.rules_yaml import load_rules, rules_from_dict
from factlint.model import CheckOptions, FactSet, Report, Rounding, Rule, RuleSet, Severity

FactsInput = FactSet | Mapping[str, object] | Sequence[FactSet]
RulesInput = (
    RuleSet
    | Sequence[Rule]
    | Sequence[RuleSet]
    | Mapping[str, object]
    | Sequence[Mapping[str, object]]
)


def check(
    facts: FactsInput,
    rules: RulesInput = (),
    *,
    rounding: Rounding | None = None,
    severities: Mapping[str, Severity | str] | None = None,
    skip: Mapping[str, str] | None = None,
) -> Report:
    """Check a report's facts against rules and return every finding.

    ``facts``: a ``FactSet`` (from ``load_facts``), several (one namespace), or a plain
    dict in the facts-file format. ``rules``: a ``RuleSet``, rules, or plain dicts in the
    rules-file format. ``rounding`` overrides the report's mode for rules that do not set
    their own; ``severities`` maps a rule id or implicit check (``mentions-framing``) to
    a severity; ``skip`` maps rule ids to the reason they are skipped.

    Raises ``FactlintError`` for broken input (a rule naming a fact that does not exist).
    """
    fact_set = _facts(facts)
    rule_list = _rules(rules)
    levels = {key: Severity(value) for key, value in (severities or {}).items()}
    options = CheckOptions(rounding=rounding, severities=levels, skip=dict(skip or {}))
    return check_sets(fact_set, rule_list, options)


def _facts(facts: FactsInput) -> FactSet:
    if isinstance(facts, FactSet):
        return facts
    if isinstance(facts, Mapping):
        return facts_from_dict(facts)
    return merge_fact_sets(facts)


def _rules(rules: RulesInput) -> list[Rule]:
    if isinstance(rules, Mapping):
        return list(rules_from_dict(rules).rules)
    items = list(rules) if not isinstance(rules, RuleSet) else [rules]
    if items and all(isinstance(item, Mapping) for item in items):
        return list(rules_from_dict(items).rules)  # type: ignore[arg-type]
    return as_rules(items)  # type: ignore[arg-type]


def load_report(rules_path: str | os.PathLike[str], **options: object) -> tuple[FactSet, RuleSet]:
    """A rules file and the facts files it names, loaded together."""
    rule_set = load_rules(rules_path)
    fact_sets = [load_facts(p, **options) for p in rule_set.facts_paths]  # type: ignore[arg-type]
    return merge_fact_sets(fact_sets), rule_set


__all__ = ["check", "facts_from_dict", "load_facts", "load_report", "load_rules", "rules_from_dict"]

"""The library's entry points: load facts and rules, check one against the other.

``check`` is a pure function of its arguments (no I/O, picklable inputs and output), so
pipelines can map it over many reports with any engine.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from factlint.clip import quoted
from factlint.engine.checking import as_rules, check_sets, merge_fact_sets
from factlint.engine.implicit import IMPLICIT_CHECKS
from factlint.errors import FactlintError
from factlint.loading.facts_yaml import facts_from_dict, load_facts
from factlint.loading.gc_pause import paused_gc
from factlint.loading.rules_yaml import load_rules, require_facts_files, rules_from_dict
from factlint.model import (
    ROUNDINGS,
    CheckOptions,
    CheckResult,
    FactSet,
    Rounding,
    Rule,
    RuleSet,
    Severity,
)

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
) -> CheckResult:
    """Check a report's facts against rules and return every finding.

    ``facts``: a ``FactSet`` (from ``load_facts``), several (one namespace), or a plain
    dict in the facts-file format. ``rules``: a ``RuleSet``, rules, or plain dicts in the
    rules-file format. ``rounding`` overrides the report's mode for rules that do not set
    their own; ``severities`` maps a rule id or implicit check (``mentions-framing``) to
    a severity; ``skip`` maps rule ids to the reason they are skipped.

    Raises ``FactlintError`` for broken input, as the command line refuses it: a rule
    naming a fact that does not exist, an unknown rounding or severity, an id in
    ``severities`` or ``skip`` that names no rule and no implicit check.
    """
    mode = _rounding(rounding)
    fact_set = _facts(facts)
    rule_list = _rules(rules)
    levels = _severities(severities)
    skipped = _skips(skip)
    _known_ids(rule_list, levels, skipped)
    options = CheckOptions(rounding=mode, severities=levels, skip=skipped)
    # Compiling and checking build long-lived, acyclic objects: see gc_pause.paused_gc.
    with paused_gc(promote=True):
        return check_sets(fact_set, rule_list, options)


def _rounding(rounding: object) -> Rounding | None:
    if rounding is None or rounding in ROUNDINGS:
        return rounding
    allowed = ", ".join(f"'{mode}'" for mode in ROUNDINGS)
    raise FactlintError(f"rounding must be one of {allowed} (or None), not {rounding!r}")


def _severities(severities: object) -> dict[str, Severity]:
    if severities is None:
        return {}
    if not isinstance(severities, Mapping):
        raise FactlintError(
            "severities maps rule ids and implicit checks to 'error', 'warning' or 'info' "
            f"({{'rule-id': 'warning'}}), not {type(severities).__name__}"
        )
    return {
        _id(key, "severities"): Severity.of(value, f"the severity of {key!r}")
        for key, value in severities.items()
    }


def _skips(skip: object) -> dict[str, str]:
    if skip is None:
        return {}
    if not isinstance(skip, Mapping):
        raise FactlintError(
            "skip maps each skipped rule id to the reason it is skipped "
            f"({{'rule-id': 'why'}}), not {type(skip).__name__}"
        )
    reasons = {}
    for key, reason in skip.items():
        if not isinstance(reason, str) or not reason.strip():
            raise FactlintError(f"skipping {key!r} needs a reason (a non-empty string)")
        reasons[_id(key, "skip")] = reason
    return reasons


def _id(key: object, where: str) -> str:
    if not isinstance(key, str):
        raise FactlintError(f"{where} is keyed by rule ids (strings), not {key!r}")
    return key


def _known_ids(rules: list[Rule], *tables: Mapping[str, object]) -> None:
    """Every id in ``severities`` and ``skip`` names a rule or an implicit check, so a
    misspelt id is an error rather than a rule silently left as it was."""
    known = {rule.id for rule in rules} | set(IMPLICIT_CHECKS)
    for table, name in zip(tables, ("severities", "skip"), strict=True):
        for key in table:
            if key not in known:
                import difflib  # here: only a misspelt name needs it

                close = difflib.get_close_matches(key, sorted(known), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                raise FactlintError(
                    f"{name} names '{key}', which is no rule and no implicit check{hint}"
                )


_FACTS = "facts must be a FactSet, a list of FactSets or a facts-file mapping"
_RULES = (
    "rules must be a RuleSet, a list of Rules or RuleSets, a list of rule mappings "
    "or a rules-file mapping"
)


def _facts(facts: FactsInput) -> FactSet:
    if isinstance(facts, FactSet):
        return facts
    if isinstance(facts, Mapping):
        return facts_from_dict(facts)
    if isinstance(facts, str | bytes) or not isinstance(facts, Sequence) or not facts:
        raise FactlintError(f"{_FACTS}, not {_shown(facts)}")
    for item in facts:
        if not isinstance(item, FactSet):
            raise FactlintError(f"{_FACTS}; the list holds {_shown(item)}")
    return merge_fact_sets(facts)


def _rules(rules: RulesInput) -> list[Rule]:
    if isinstance(rules, Mapping):
        return list(rules_from_dict(rules).rules)
    if isinstance(rules, RuleSet):
        return list(rules.rules)
    if isinstance(rules, str | bytes) or not isinstance(rules, Sequence):
        raise FactlintError(f"{_RULES}, not {_shown(rules)}")
    items = list(rules)
    if items and all(isinstance(item, Mapping) for item in items):
        return list(rules_from_dict(items).rules)  # type: ignore[arg-type]
    for item in items:
        if not isinstance(item, Rule | RuleSet):
            raise FactlintError(f"{_RULES}; the list holds {_shown(item)}")
    return as_rules(items)  # type: ignore[arg-type]


def _shown(value: object) -> str:
    if isinstance(value, str):
        return f"a string ({quoted(value, 40)})"
    return "None" if value is None else f"a {type(value).__name__}"


def load_report(rules_path: str | os.PathLike[str], **options: object) -> tuple[FactSet, RuleSet]:
    """A rules file and the facts files it names, loaded together (``allow_outside_source``
    lets those be outside the rules file's project, and their texts outside their folders)."""
    outside = bool(options.get("allow_outside_source"))
    rule_set = load_rules(rules_path, allow_outside_source=outside)
    require_facts_files(rule_set)
    fact_sets = [load_facts(p, **options) for p in rule_set.facts_paths]  # type: ignore[arg-type]
    return merge_fact_sets(fact_sets), rule_set


def render(report: CheckResult, format: str = "text", **options: object) -> str:
    """A report in any output format, as ``factlint check --format`` writes it.

    ``format``: text, json, jsonl, junit, sarif, github, gitlab or html. ``options``:
    ``color`` and ``quiet`` (text), ``fail_on`` (junit: the severity whose findings fail a
    test case; the others pass and explain themselves; default ``"error"``), ``base_dir``
    (sarif: the folder paths are relative to; default the git root above the working
    directory, else the working directory).

    >>> import factlint
    >>> report = factlint.check({"report": {"id": "r"}, "facts": {"a": {"value": "1"}}},
    ...                         [{"id": "positive", "check": "a > 0"}])
    >>> print(factlint.render(report), end="")
    0 findings · 1 rule: 1 passed, 0 failed, 0 cannot check · 1 facts, 0 unchecked
    >>> factlint.render(report, "yaml")
    Traceback (most recent call last):
    ValueError: unknown format 'yaml': choose github, gitlab, html, json, jsonl, junit, sarif, text
    """
    from factlint.reporters import FORMATS, RenderOptions  # the formats load on first use

    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}: choose {', '.join(sorted(FORMATS))}")
    known = {f.name for f in dataclasses.fields(RenderOptions)}
    unknown = sorted(set(options) - known)
    if unknown:
        raise TypeError(f"unknown option {unknown[0]!r}: choose {', '.join(sorted(known))}")
    if isinstance(options.get("fail_on"), str):
        options["fail_on"] = Severity(options["fail_on"])
    if isinstance(options.get("base_dir"), str | os.PathLike):
        options["base_dir"] = Path(options["base_dir"])  # type: ignore[arg-type]
    return FORMATS[format](report, RenderOptions(**options))  # type: ignore[arg-type]


__all__ = [
    "check",
    "facts_from_dict",
    "load_facts",
    "load_report",
    "load_rules",
    "render",
    "rules_from_dict",
]

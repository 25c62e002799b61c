"""The pure core: ``check(facts, rules) -> Report``. No I/O happens here.

The implicit checks run first (``implicit``: mentions compared, quotes looked up in the
source text), then every rule: the fast path (``fast_path``) says which claims hold, the
general evaluation (``evaluation``) decides the rest on intervals (docs/design.md §3),
and ``explaining`` words each problem as a ``Finding``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Sequence

from factlint.engine.compiled import CompiledRules, Programs, compile_rules, nearest_intervals
from factlint.engine.evaluation import CannotCheck, decide, evaluate
from factlint.engine.explaining import ClaimExplainer, problem_finding
from factlint.engine.fast_path import FactIntervals
from factlint.engine.implicit import CHECKS, Context
from factlint.errors import FactlintError
from factlint.model import (
    CheckOptions,
    Fact,
    FactSet,
    Finding,
    Location,
    Origin,
    Report,
    Rounding,
    Rule,
    RuleResult,
    RuleSet,
    Severity,
    Tolerance,
)
from factlint.numbers.figures import parse_constant
from factlint.numbers.intervals import EXACT, Interval
from factlint.numbers.quantities import NeedsTolerance, Quantity, interval_of, unit_of
from factlint.rules.expressions import Comparison, Name, Node, Number

_DEFAULTS = CheckOptions()


def check_sets(
    facts: FactSet,
    rules: Sequence[Rule] | CompiledRules,
    options: CheckOptions = _DEFAULTS,
) -> Report:
    """Check one report's facts against rules. Raises FactlintError for a rule naming a fact
    that does not exist (before anything is evaluated).

    ``rules`` may be compiled already (``compile_rules``): a rule set checking many
    reports in worker processes is then compiled once, in the parent."""
    if not isinstance(rules, CompiledRules) or not options.fast_path:
        rules = compile_rules(
            rules.rules if isinstance(rules, CompiledRules) else rules, fast_path=options.fast_path
        )
    touched = _check_references(facts, rules.rules)
    mode: Rounding = options.rounding or facts.report.rounding or "nearest"
    checker = _Checker(facts, options, mode)
    results = [*checker.implicit_results(), *map(checker.rule_result, rules.rules, rules.programs)]
    touched.update(facts.repeated)  # their mentions are compared
    # Every id in touched is a fact's (the references are checked).
    everything = len(touched) == len(facts.facts)
    unchecked = () if everything else tuple(fid for fid in facts.facts if fid not in touched)
    findings = tuple(f for result in results if result.findings for f in result.findings)
    return Report(findings, tuple(results), len(facts.facts), unchecked, (facts.report.id,))


def _check_references(facts: FactSet, rules: Sequence[Rule]) -> set[str]:
    """Refuse a duplicate rule id or a missing fact; return the fact ids the rules name."""
    if len({rule.id for rule in rules}) != len(rules):
        seen: set[str] = set()
        for rule in rules:
            if rule.id in seen:
                raise _at(rule, f"duplicate rule id '{rule.id}'")
            seen.add(rule.id)
    named: set[str] = set().union(*(rule.fact_ids for rule in rules))
    if facts.facts.keys() >= named:
        return named
    for rule in rules:  # the first rule naming a missing fact, as the reader meets it
        for name in rule.fact_ids:
            if name not in facts.facts:
                close = difflib.get_close_matches(name, list(facts.facts), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                raise _at(
                    rule,
                    f"rule '{rule.id}' names fact '{name}', which no facts file defines{hint}",
                )
    raise AssertionError("a missing fact was not found again")


def _at(rule: Rule, message: str) -> FactlintError:
    where = rule.declared_at
    if where is None:
        return FactlintError(message)
    return FactlintError(message, where.path, where.line, where.column)


class _Checker:
    def __init__(self, facts: FactSet, options: CheckOptions, mode: Rounding) -> None:
        self.facts = facts
        self.options = options
        self.mode = mode
        self.broken: set[str] = set()
        self.report_id = facts.report.id
        self._quantities: dict[tuple[str, str, bool], Quantity] = {}
        self._lookups: dict[Rounding | None, FactIntervals] = {}  # by a rule's rounding

    # ---- implicit checks -------------------------------------------------------------

    def implicit_results(self) -> Iterator[RuleResult]:
        """One result per implicit check (``implicit.CHECKS``), in its order. Every check
        runs, skipped or not: a fact whose mentions disagree is never checked by rules."""
        context = Context(self.facts, self.mode)
        for check in CHECKS:
            problems = tuple(check.run(context))
            if check.breaks_facts:
                self.broken.update(problem.fact.id for problem in problems)
            severity = self.options.severities.get(check.id, check.severity)
            skipped = self.options.skip.get(check.id)
            findings = () if skipped is not None else problems
            yield RuleResult(
                check.id,
                "",
                severity,
                tuple(problem_finding(self.facts, p, severity, self.mode) for p in findings),
                skip_reason=skipped,
                report=self.report_id,
                message=check.doc,
                origin=Origin.IMPLICIT,
            )

    # ---- declared rules --------------------------------------------------------------

    def rule_result(self, rule: Rule, programs: Programs) -> RuleResult:
        severities, skip, report = self.options.severities, self.options.skip, self.report_id
        severity = severities.get(rule.id, rule.severity) if severities else rule.severity
        if skip and rule.id in skip:
            return RuleResult(
                rule.id,
                rule.kind,
                severity,
                (),
                rule.declared_at,
                rule.fact_ids,
                skip_reason=skip[rule.id],
                report=report,
                message=rule.message,
            )
        if programs is not None and rule.tolerance is None:
            # Most rules hold, and the fast path (``fast_path``) says so; it says False when
            # a claim does not hold and None when the general path must decide: both go on.
            lookup = self._lookups.get(rule.rounding) or self._fact_intervals(rule.rounding)
            if len(programs) == 1:  # most rules: no generator to set up
                holds = programs[0].holds(lookup) is True
            else:
                holds = all(program.holds(lookup) is True for program in programs)
            if holds:
                return RuleResult.passed(rule, severity, report)
        findings = tuple(
            finding
            for index, claim in enumerate(rule.claims)
            for finding in self._claim_findings(rule, severity, index, claim)
        )
        return RuleResult(
            rule.id,
            rule.kind,
            severity,
            findings,
            rule.declared_at,
            rule.fact_ids,
            report=report,
            message=rule.message,
        )

    def _fact_intervals(self, rounding: Rounding | None) -> FactIntervals:
        """The fast path's view of the facts, for rules with this ``rounding`` (None: the
        check's)."""
        mode = rounding or self.mode
        nearest = nearest_intervals(self.facts) if mode == "nearest" else None
        lookup = FactIntervals(self.facts.facts, mode, self.broken, nearest)
        self._lookups[rounding] = lookup
        return lookup

    def _claim_findings(
        self, rule: Rule, severity: Severity, index: int, claim: Comparison
    ) -> Iterator[Finding]:
        mode: Rounding = rule.rounding or self.mode
        approximate_ok = rule.tolerance is not None
        resolve = lambda n: self._resolve(n, mode, approximate_ok)  # noqa: E731
        base = ClaimExplainer(self.facts, rule, severity, index, claim, mode, resolve)
        try:
            left = evaluate(claim.left, lambda n: self._resolve(n, mode, approximate_ok))
            right = evaluate(claim.right, lambda n: self._resolve(n, mode, approximate_ok))
            slack = _slack(rule.tolerance, left, right)
            if decide(claim, left, right, slack):
                return
        except CannotCheck as exc:
            yield base.cannot_check(exc.reason)
            return
        yield base.inconsistent(left, right)

    def _resolve(self, node: Node, mode: str, approximate_ok: bool) -> Quantity:
        if isinstance(node, Number):
            figure = parse_constant(node.text)
            return Quantity(Interval.point(figure.base), unit_of(figure))
        assert isinstance(node, Name)
        key = (node.name, mode, approximate_ok)
        cached = self._quantities.get(key)
        if cached is not None:
            return cached
        if node.name in self.broken:
            raise CannotCheck(f"the mentions of {node.name} disagree (see mentions-agree)")
        fact = self.facts.facts[node.name]
        try:
            interval = interval_of(
                fact.figure,
                mode,
                decimals=fact.decimals,
                exact=fact.exact,
                approximate_ok=approximate_ok,
            )
        except NeedsTolerance as exc:
            raise CannotCheck(str(exc)) from None
        quantity = Quantity(interval, unit_of(fact.figure))
        self._quantities[key] = quantity
        return quantity


def _slack(tolerance: Tolerance | None, left: Quantity, right: Quantity) -> Interval | None:
    if tolerance is None:
        return None
    if tolerance.relative:
        magnitude = left.interval.magnitude()
        if magnitude is None:
            return None
        try:
            amount = EXACT.multiply(tolerance.figure.base, magnitude)
        except ArithmeticError:
            raise CannotCheck("the relative tolerance is too large to compute") from None
    else:
        if unit_of(tolerance.figure) != left.unit:
            raise CannotCheck(
                f"the tolerance {tolerance.figure.text} is not in the unit of the claim"
            )
        amount = abs(tolerance.figure.base)
    return Interval(-amount, amount)


def merge_fact_sets(sets: Iterable[FactSet]) -> FactSet:
    """One namespace of facts from several files; the same id twice is an error."""
    sets = list(sets)
    if len(sets) == 1:
        return sets[0]
    merged: dict[str, Fact] = {}
    for fact_set in sets:
        for fact_id, fact in fact_set.facts.items():
            if fact_id in merged:
                first = merged[fact_id].declared_at
                where = f" (first in {first})" if first else ""
                loc = fact.declared_at or Location(fact_set.path or "<facts>")
                raise FactlintError(
                    f"fact '{fact_id}' is defined in two facts files{where}",
                    loc.path,
                    loc.line,
                    loc.column,
                )
            merged[fact_id] = fact
    return FactSet(sets[0].report, merged, sets[0].path)


def as_rules(rules: RuleSet | Sequence[Rule] | Iterable[RuleSet]) -> list[Rule]:
    if isinstance(rules, RuleSet):
        return list(rules.rules)
    out: list[Rule] = []
    for item in rules:
        if isinstance(item, RuleSet):
            out.extend(item.rules)
        else:
            out.append(item)
    return out

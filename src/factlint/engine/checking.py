"""The pure core: ``check(facts, rules) -> CheckResult``. No I/O happens here.

The implicit checks run first (``implicit``: mentions compared, quotes looked up in the
source text), then every rule: the fast path (``fast_path``) says which claims hold, the
general evaluation (``evaluation``) decides the rest on intervals (docs/design.md §3),
and ``explaining`` words each problem as a ``Finding``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import partial

from factlint.engine.compiled import CompiledRules, Programs, compile_rules, nearest_intervals
from factlint.engine.duplicates import duplicates_agree
from factlint.engine.evaluation import CannotCheck, decide, evaluate
from factlint.engine.explaining import ClaimExplainer, problem_finding
from factlint.engine.fast_programs import FactIntervals
from factlint.engine.implicit import CHECKS, Context
from factlint.engine.precision import confirm, outward, sure_verdict
from factlint.engine.repeated import decide_repeated, refined_sides, repeated_names
from factlint.engine.tolerances import ToleranceProblem, fact_interval, sides_within
from factlint.errors import FactlintError, Problems
from factlint.model import (
    CheckOptions,
    CheckResult,
    Fact,
    FactSet,
    Finding,
    Location,
    Origin,
    Rounding,
    Rule,
    RuleResult,
    RuleSet,
    Severity,
    Tolerance,
)
from factlint.numbers.figures import Figure, parse_constant
from factlint.numbers.intervals import ArithmeticLimit, Interval
from factlint.numbers.quantities import NeedsTolerance, Quantity, interval_of, unit_of
from factlint.rules.expressions import Comparison, Name, Node, Number

_DEFAULTS = CheckOptions()
_ORDERS = ("<", "<=", ">", ">=")


def check_sets(
    facts: FactSet,
    rules: Sequence[Rule] | CompiledRules,
    options: CheckOptions = _DEFAULTS,
) -> CheckResult:
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
    return CheckResult(findings, tuple(results), len(facts.facts), unchecked, (facts.report.id,))


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
    problems = Problems()  # every rule naming a missing fact, as the reader meets them
    for rule in rules:
        for name in rule.fact_ids:
            if name not in facts.facts:
                import difflib  # here: only a misspelt name needs it

                close = difflib.get_close_matches(name, list(facts.facts), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                problems.add(
                    _at(
                        rule,
                        f"rule '{rule.id}' names fact '{name}', which no facts file defines{hint}",
                    )
                )
    problems.raise_if_any()
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

        def resolve(node: Node) -> Quantity:
            return self._resolve(node, mode, approximate_ok)

        base = ClaimExplainer(self.facts, rule, severity, index, claim, mode, resolve)
        sides = (lambda: evaluate(claim.left, resolve), lambda: evaluate(claim.right, resolve))

        def holds(a: Quantity, b: Quantity) -> bool:
            return _holds(claim, a, b, rule.tolerance)

        try:
            verdict, rounded, left, right = outward(sides, holds)
            duplicates = self._duplicates(rule, claim)
            if duplicates is not None and left.unit == right.unit:
                if duplicates_agree(duplicates[0], left.interval, duplicates[1], right.interval):
                    return
                yield base.inconsistent(left, right, duplicate_of=duplicates[1])
                return
            if verdict:
                repeated = repeated_names(claim)
                ordered = claim.op in _ORDERS and rule.tolerance is None
                if not repeated:
                    if rounded:  # not decided by a quotient's last digit
                        confirm(sides, holds, ordered=ordered)
                    return
                # Each occurrence of a repeated fact was a value of its own: decide again
                # with one value per fact.
                exact_op = claim.op if rule.tolerance is None else None
                surely = partial(sure_verdict, ordered=ordered)
                if decide_repeated(claim, repeated, resolve, holds, surely, exact_op):
                    return
                left, right = refined_sides(claim, repeated, resolve)
        except CannotCheck as exc:
            yield base.cannot_check(exc.reason)
            return
        yield base.inconsistent(left, right)

    def _duplicates(self, rule: Rule, claim: Comparison) -> tuple[Figure, Figure] | None:
        """The two figures of an ``equal`` claim between two facts, which are compared as
        duplicates (``duplicates``); None for any other claim."""
        if rule.kind != "equal" or rule.tolerance is not None or claim.op != "==":
            return None
        if not (isinstance(claim.left, Name) and isinstance(claim.right, Name)):
            return None
        facts = self.facts.facts
        return facts[claim.left.name].figure, facts[claim.right.name].figure

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
                approximate_ok=approximate_ok or fact.tolerance is not None,
            )
            interval = fact_interval(fact, interval)
        except (NeedsTolerance, ToleranceProblem, ArithmeticLimit) as exc:
            raise CannotCheck(str(exc)) from None
        quantity = Quantity(interval, unit_of(fact.figure))
        self._quantities[key] = quantity
        return quantity


def _holds(claim: Comparison, left: Quantity, right: Quantity, tolerance: Tolerance | None) -> bool:
    """Whether the claim can hold, within the rule's tolerance (``tolerances``)."""
    if tolerance is None:
        return decide(claim, left, right)
    try:
        pairs = sides_within(tolerance, left, right)
    except (ToleranceProblem, ArithmeticLimit) as exc:
        raise CannotCheck(str(exc)) from None
    return any(decide(claim, a, b) for a, b in pairs)


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

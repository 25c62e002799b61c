"""The pure core: ``check(facts, rules) -> Report``. No I/O happens here.

Each claim is decided on intervals (docs/design.md §3); each fact's mentions are compared
(§4); each quote is looked up in the source text. Every problem becomes a ``Finding``.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import cached_property

from factlint.engine.compiled import CompiledRules, Programs, compile_rules, nearest_intervals
from factlint.engine.evaluation import CannotCheck, decide, evaluate
from factlint.engine.fast_path import FactIntervals
from factlint.engine.implicit import CHECKS, Context, Problem
from factlint.errors import FactlintError
from factlint.model import (
    CheckOptions,
    Fact,
    FactSet,
    Finding,
    IntervalView,
    Location,
    Mention,
    MentionRef,
    Origin,
    Report,
    Rounding,
    Rule,
    RuleResult,
    RuleSet,
    Severity,
    Tolerance,
)
from factlint.numbers.display import interval_text, rounded_text, value_text
from factlint.numbers.figures import Figure, FigureError, parse_constant
from factlint.numbers.intervals import EXACT, Interval
from factlint.numbers.quantities import NeedsTolerance, Quantity, interval_of, unit_of
from factlint.rules.expressions import Comparison, Name, Node, Number, names_in, unparse

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
                tuple(self._implicit_finding(severity, problem) for problem in findings),
                skip_reason=skipped,
                report=self.report_id,
                message=check.doc,
                origin=Origin.IMPLICIT,
            )

    def _implicit_finding(self, severity: Severity, problem: Problem) -> Finding:
        check, fact, mentions = problem.check, problem.fact, problem.mentions
        key = "|".join([check, fact.id, *(f"{m.section}:{m.figure.text}" for m in mentions)])
        return Finding(
            rule=check,
            kind="",
            status="inconsistent",
            severity=severity,
            message=problem.message,
            rounding=self.mode,
            mentions=tuple(self._ref(fact, m) for m in mentions),
            rule_at=fact.declared_at,
            fingerprint=_fingerprint(self.report_id, key),
            origin=Origin.IMPLICIT,
        )

    def _ref(self, fact: Fact, mention: Mention) -> MentionRef:
        return MentionRef(
            fact=fact.id,
            figure=mention.figure.text,
            section=mention.section,
            quote=mention.quote,
            file=self.facts.report.source,
            line=mention.line,
            declared_at=mention.declared_at or fact.declared_at,
            label=fact.label,
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
        base = _ClaimContext(self, rule, severity, index, claim, mode)
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

    def point_resolver(self, node: Node) -> Quantity:
        """The printed values themselves, to show the arithmetic as an editor would."""
        if isinstance(node, Number):
            figure = parse_constant(node.text)
        else:
            assert isinstance(node, Name)
            figure = self.facts.facts[node.name].figure
        return Quantity(Interval.point(figure.base), unit_of(figure))


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


@dataclass
class _ClaimContext:
    checker: _Checker
    rule: Rule
    severity: Severity
    index: int
    claim: Comparison
    mode: Rounding

    @property
    def facts(self) -> FactSet:
        return self.checker.facts

    @cached_property
    def names(self) -> Sequence[str]:
        return self.rule.fact_ids if len(self.rule.claims) == 1 else names_in(self.claim)

    @cached_property
    def claim_text(self) -> str:
        return unparse(self.claim)

    @cached_property
    def figure_texts(self) -> dict[str, str]:
        return {name: self.facts.facts[name].figure.text for name in self.names}

    def _mentions(self) -> tuple[MentionRef, ...]:
        refs: list[MentionRef] = []
        for name in self.names:
            fact = self.facts.facts[name]
            refs.extend(self.checker._ref(fact, m) for m in fact.mentions)
        return tuple(refs)

    @property
    def stated_side(self) -> Node:
        """The side that prints a figure: a bare fact, the left one when both are."""
        left, right = self.claim.left, self.claim.right
        return right if not isinstance(left, Name) and isinstance(right, Name) else left

    @property
    def computed_side(self) -> Node:
        return self.claim.right if self.stated_side is self.claim.left else self.claim.left

    def _stated_figure(self) -> Figure | None:
        node = self.stated_side
        return self.facts.facts[node.name].figure if isinstance(node, Name) else None

    def _display_figure(self, side: Node, quantity: Quantity | None) -> Figure | None:
        stated = self._stated_figure()
        names = [side.name] if isinstance(side, Name) else names_in(side)
        candidates = [self.facts.facts[n].figure for n in names]
        if stated is not None:
            candidates.insert(0, stated)
        for figure in candidates:
            if quantity is None or unit_of(figure) == quantity.unit:
                return figure
        return None

    def _finding(self, **fields: object) -> Finding:
        key = f"{self.rule.id}|{self.index}|{self.claim_text}|{fields['status']}"
        return Finding(
            rule=self.rule.id,
            kind=self.rule.kind,
            severity=self.severity,
            claim=self.claim_text,
            rounding=self.mode,
            mentions=self._mentions(),
            rule_at=self.rule.declared_at,
            fingerprint=_fingerprint(self.facts.report.id, key),
            **fields,  # type: ignore[arg-type]
        )

    def cannot_check(self, reason: str) -> Finding:
        lead = f"{self.rule.message}: " if self.rule.message else ""
        return self._finding(
            status="cannot-check",
            message=f"{lead}cannot check {self.claim_text}: {reason}",
            reason=reason,
        )

    def inconsistent(self, left: Quantity, right: Quantity) -> Finding:
        stated_q, computed_q = (
            (left, right) if self.stated_side is self.claim.left else (right, left)
        )
        stated_like = self._display_figure(self.stated_side, stated_q)
        computed_like = self._display_figure(self.computed_side, computed_q) or stated_like
        printed = self._printed(self.stated_side) if isinstance(self.stated_side, Name) else ""
        stated = IntervalView(
            stated_q.interval, interval_text(stated_q.interval, stated_like), printed
        )
        computed = IntervalView(
            computed_q.interval, interval_text(computed_q.interval, computed_like)
        )
        arithmetic = self._arithmetic(computed_like)
        suggestion = self._suggestion(computed_q.interval)
        message = self._message(stated, computed, arithmetic, suggestion)
        return self._finding(
            status="inconsistent",
            message=message,
            arithmetic=arithmetic,
            stated=stated,
            computed=computed,
            suggestion=suggestion,
        )

    def _printed(self, side: Node) -> str:
        """The side as the report prints it: each fact id replaced by its figure."""
        if isinstance(side, Name):
            return self.figure_texts[side.name]
        text = self._printed_sides.get(id(side))
        if text is None:
            text = self._printed_sides[id(side)] = unparse(side, self.figure_texts)
        return text

    @cached_property
    def _printed_sides(self) -> dict[int, str]:
        return {}  # id() of a side of this claim -> its printed text

    def _arithmetic(self, like: Figure | None) -> str:
        side = self.computed_side
        printed = self._printed(side)
        if isinstance(side, Name | Number):
            return ""
        try:
            value = evaluate(side, self.checker.point_resolver)
        except (CannotCheck, FigureError):
            return printed
        low, high = value.interval.lo, value.interval.hi
        if low is None or high is None:
            return printed
        # Printed figures as points give a point, up to the last of 60 digits.
        return f"{printed} = {value_text(low, like)}"

    def _suggestion(self, computed: Interval) -> str | None:
        stated = self._stated_figure()
        if self.claim.op != "==" or stated is None or stated.qualifier:
            return None
        if computed.lo is None or computed.hi is None:
            return None
        rounding = ROUND_DOWN if self.mode == "truncate" else ROUND_HALF_UP
        low = rounded_text(
            _just_inside(computed.lo, computed.lo_closed, 1, stated), stated, rounding
        )
        high = rounded_text(
            _just_inside(computed.hi, computed.hi_closed, -1, stated), stated, rounding
        )
        return low if low == high else f"{low} to {high}"

    def _message(
        self, stated: IntervalView, computed: IntervalView, arithmetic: str, suggestion: str | None
    ) -> str:
        lead = f"{self.rule.message}: " if self.rule.message else ""
        if self.claim.op == "==":
            printed = self._printed(self.stated_side)
            worked = arithmetic or self._printed(self.computed_side)
            text = f"{lead}the report prints {printed}, but {worked}"
            if suggestion:
                text += f"; it would read {suggestion}"
            return text
        left, right = (
            (stated, computed) if self.stated_side is self.claim.left else (computed, stated)
        )
        return (
            f"{lead}expected {self._printed(self.claim.left)} {self.claim.op} "
            f"{self._printed(self.claim.right)}, but no values the printed figures can stand "
            f"for satisfy it ({left.text} against {right.text})"
        )


def _just_inside(value: Decimal, closed: bool, step: int, like: Figure) -> Decimal:
    """``value`` when its end is closed; else a value nearer the middle by less than any
    rounding step: an open end is never attained, so it must not be suggested
    (truncated, ``[2, 4)`` prints as 2 to 3, not 2 to 4)."""
    if closed:
        return value
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    places = min(exponent, like.unit_in_last_place().adjusted() - 1) - 1
    return EXACT.add(value, Decimal((0 if step > 0 else 1, (1,), places)))


def _fingerprint(report_id: str, key: str) -> str:
    return hashlib.sha256(f"{report_id}|{key}".encode()).hexdigest()[:16]


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

"""What a finding says: for a claim that cannot hold or cannot be checked, the stated and
computed intervals, the arithmetic on the printed figures, the figure it would read, the
mentions involved and a stable fingerprint, in an editor's words."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import cache, cached_property
from typing import Any

from factlint.engine.counting import Item, explanation
from factlint.engine.evaluation import CannotCheck, Resolver, evaluate
from factlint.engine.implicit import Problem
from factlint.model import (
    Fact,
    FactSet,
    Finding,
    IntervalView,
    Mention,
    MentionRef,
    Origin,
    Rounding,
    Rule,
    Severity,
)
from factlint.numbers.display import interval_text, rounded_text, value_text
from factlint.numbers.figures import Figure, FigureError, parse_constant
from factlint.numbers.intervals import EXACT, Interval
from factlint.numbers.quantities import Quantity, unit_of
from factlint.records import dataclass
from factlint.rules.expressions import Comparison, Name, Node, Number, names_in, unparse


def mention_ref(facts: FactSet, fact: Fact, mention: Mention) -> MentionRef:
    """A mention as a finding names it: where it is printed and where it is declared
    (and, for a PDF, on which page and which line of that page)."""
    places = facts.report.source_places
    line = mention.line
    page, page_line = places[line - 1] if line and 0 < line <= len(places) else (None, None)
    return MentionRef(
        fact=fact.id,
        figure=mention.figure.text,
        section=mention.section,
        quote=mention.quote,
        file=facts.report.source,
        line=mention.line,
        declared_at=mention.declared_at or fact.declared_at,
        label=fact.label,
        page=page,
        page_line=page_line,
    )


def fingerprint(report_id: str, key: str) -> str:
    """A finding's stable fingerprint: the same finding in the same report, run after run."""
    digest: str = _sha256(f"{report_id}|{key}".encode()).hexdigest()
    return digest[:16]


def _sha256(data: bytes) -> Any:
    """``hashlib.sha256(data)``, from CPython's own SHA-2 module where there is one:
    ``hashlib`` loads OpenSSL, which costs a run that finds anything ~15 ms of start-up."""
    return _sha256_function()(data)


@cache
def _sha256_function() -> Any:
    """Found once: a module that is not there is searched for on every import of it (the
    whole ``sys.path``), which cost each finding ~0.3 ms."""
    try:
        from _sha2 import sha256  # type: ignore[import-not-found,unused-ignore]  # 3.12+
    except ImportError:
        try:
            from _sha256 import sha256  # type: ignore[import-not-found,no-redef,unused-ignore]
        except ImportError:
            from hashlib import sha256  # type: ignore[assignment,unused-ignore]
    return sha256


def problem_finding(
    facts: FactSet, problem: Problem, severity: Severity, mode: Rounding
) -> Finding:
    """The finding of an implicit check's problem, pointing at the fact's declaration."""
    check, fact, mentions = problem.check, problem.fact, problem.mentions
    key = "|".join([check, fact.id, *(f"{m.section}:{m.figure.text}" for m in mentions)])
    return Finding(
        rule=check,
        kind="",
        status="inconsistent",
        severity=severity,
        message=problem.message,
        rounding=mode,
        mentions=tuple(mention_ref(facts, fact, m) for m in mentions),
        rule_at=fact.declared_at,
        fingerprint=fingerprint(facts.report.id, key),
        origin=Origin.IMPLICIT,
    )


def printed_value(facts: FactSet, node: Node) -> Quantity:
    """The printed values themselves, to show the arithmetic as an editor would."""
    if isinstance(node, Number):
        figure = parse_constant(node.text)
    else:
        assert isinstance(node, Name)
        figure = facts.facts[node.name].figure
    return Quantity(Interval.point(figure.base), unit_of(figure))


@dataclass
class ClaimExplainer:
    """The findings of one claim of one rule."""

    facts: FactSet
    rule: Rule
    severity: Severity
    index: int
    claim: Comparison
    mode: Rounding
    resolve: Resolver | None = None
    """The values the claim was decided on, for words that name each item (count, highest)."""

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
            refs.extend(mention_ref(self.facts, fact, m) for m in fact.mentions)
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
            fingerprint=fingerprint(self.facts.report.id, key),
            **fields,  # type: ignore[arg-type]
        )

    def cannot_check(self, reason: str) -> Finding:
        lead = f"{self.rule.message}: " if self.rule.message else ""
        return self._finding(
            status="cannot-check",
            message=f"{lead}cannot check {self.claim_text}: {reason}",
            reason=reason,
        )

    def inconsistent(
        self, left: Quantity, right: Quantity, *, duplicate_of: Figure | None = None
    ) -> Finding:
        """The finding for a claim that cannot hold; ``duplicate_of`` is the stated
        figure's other printing, for an ``equal`` claim compared as duplicates."""
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
        if duplicate_of is None:
            suggestion = self._suggestion(computed_q.interval)
        else:
            stated_figure = self._stated_figure()
            assert stated_figure is not None  # a duplicate's both sides are facts
            suggestion = _duplicate_suggestion(stated_figure, duplicate_of, self.mode)
        message = self._message(stated, computed, arithmetic, suggestion)
        return self._finding(
            status="inconsistent",
            message=message,
            arithmetic=arithmetic,
            stated=stated,
            computed=computed,
            suggestion=suggestion,
        )

    def _item(self, node: Node) -> Item:
        """A listed fact or constant as a count or an extreme's finding shows it."""
        assert self.resolve is not None
        return Item(getattr(node, "name", ""), self._printed(node), self.resolve(node))

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
            value = evaluate(side, lambda node: printed_value(self.facts, node))
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
        if self.resolve is not None:
            explained = explanation(self.rule.kind, self.claim, self._item)
            if explained is not None:
                return lead + explained
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


def _duplicate_suggestion(stated: Figure, other: Figure, mode: Rounding) -> str | None:
    """The other figure as the stated one would print it, when the stated one is the less
    precise (a coarser figure cannot say what a finer one would read)."""
    if stated.qualifier or other.qualifier:
        return None
    if stated.unit_in_last_place() < other.unit_in_last_place():
        return None
    rounding = ROUND_DOWN if mode == "truncate" else ROUND_HALF_UP
    return rounded_text(other.base, stated, rounding)


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

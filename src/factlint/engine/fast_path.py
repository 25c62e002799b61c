"""The common case, decided quickly: claims over figures whose intervals are closed and
bounded, evaluated on plain Decimals.

Most rules of a report are sums, shares and growth rates over plainly printed figures,
and most of them hold. For those, an ``Interval`` and a ``Quantity`` per operand and per
step are most of the cost of the general evaluation (``evaluation.evaluate``). A claim
is compiled once, when its rule is made, into a small program over each figure's
midpoint and radius (its value and half its last place, in base units): a chain of
``+`` and ``-`` adds midpoints and radii exactly, and a product multiplies ends exactly
(as ``Interval`` does up to 240 digits; past them the general path decides); a quotient
divides ends with the same directed rounding as ``Interval``. A claim holding here holds
there: a quotient's rounding at its 60th digit could be what made it hold, so a share or
growth rate that holds is checked again on its quotient rounded inwards, and any other
claim with a quotient that holds is left to the general path (``precision``).

A claim that does not hold here, and anything unusual, goes to the general path, which
decides and explains: a qualifier (超, 约), truncation's half-open intervals, a
tolerance, a fact whose mentions disagree, mixed units, a divisor that could be zero,
a result that is out of range or not exact in 240 digits, a function call.

>>> from factlint.rules.expression_parser import parse_check
>>> from factlint.model import Fact
>>> program = compile_claim(parse_check("share == part / whole"))
>>> printed = {"share": "76.5%", "part": "39项", "whole": "51项"}
>>> facts = {name: Fact(name, parse_figure(text), ()) for name, text in printed.items()}
>>> program.holds(FactIntervals(facts, "nearest", broken=()))
True
>>> facts["share"] = Fact("share", parse_figure("75%"), ())
>>> program.holds(FactIntervals(facts, "nearest", broken=()))
False
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from factlint.numbers.figures import (  # noqa: F401  (parse_figure: the doctest)
    FigureError,
    parse_constant,
    parse_figure,
)
from factlint.numbers.intervals import EXACT, INWARD, closed_quotient
from factlint.numbers.quantities import (
    DIMENSIONLESS,
    Centred,
    Unit,
    centred,
    multiply_units,
    unit_of,
)
from factlint.rules.expressions import Binary, Comparison, Name, Node, Number, Unary

if TYPE_CHECKING:
    from factlint.model import Fact

Triple = tuple[Decimal, Decimal, Unit]
"""``(lo, hi, unit)``: a closed interval in base units, and its unit."""


# Compiling recurses once per level of nesting that is not a chain of + and -; the
# expression parser allows 100 levels, and anything this deep is rare enough to leave
# to the general path.
_MAX_DEPTH = 40
_ZERO = Decimal(0)


class Unusual(Exception):
    """Not for the fast path: the general evaluation decides (and explains)."""


class Side(Protocol):
    def centred(self, lookup: FactIntervals) -> Centred: ...

    def ends(self, lookup: FactIntervals) -> Triple: ...


class Program(Protocol):
    """A compiled claim: plain data, so a rule holding it pickles."""

    def holds(self, lookup: FactIntervals) -> bool | None:
        """Whether the claim can hold for some true values of its figures; None when the
        general path must decide."""

    @property
    def fact_ids(self) -> tuple[str, ...] | None:
        """The fact ids of the claim in the order written (as ``names_in``), repeats
        included; None when the program does not keep them."""


class FactIntervals:
    """Each fact's interval under one rounding, computed when first asked for. A fact
    whose mentions disagree (``broken``) or whose interval is not closed and bounded is
    ``Unusual``. Programs read ``known`` directly and call ``miss`` for the rest.

    Rounding to nearest, ``known`` is the index ``nearest_intervals`` made of the facts
    (less the broken facts, if any), and complete: a miss is a fact for the general
    path."""

    __slots__ = ("_broken", "_complete", "_facts", "_found", "_rounding", "known")

    def __init__(
        self,
        facts: Mapping[str, Fact],
        rounding: str,
        broken: Collection[str],
        nearest: Mapping[str, Centred] | None = None,
    ) -> None:
        self._facts = facts
        self._rounding = rounding
        self._broken = broken
        self._found: dict[str, Centred] = {}  # what ``miss`` computes
        self.known: Mapping[str, Centred] = self._found
        self._complete = nearest is not None and rounding == "nearest"
        if nearest is not None and self._complete:
            # Read, never written: complete, a miss is for the general path.
            self.known = (
                {k: v for k, v in nearest.items() if k not in broken} if broken else nearest
            )

    def __call__(self, fact_id: str) -> Centred:
        interval = self.known.get(fact_id)
        return interval if interval is not None else self.miss(fact_id)

    def miss(self, fact_id: str) -> Centred:
        if self._complete or fact_id in self._broken:
            raise Unusual
        fact = self._facts[fact_id]
        if fact.tolerance is not None:
            raise Unusual  # its own tolerance widens it: the general path reads it
        interval = centred(fact.figure, self._rounding, decimals=fact.decimals, exact=fact.exact)
        if interval is None:
            raise Unusual
        self._found[fact_id] = interval
        return interval


def compile_claim(claim: Comparison) -> Program | None:
    """The claim as a program, or None when some part of it is for the general path.

    Two shapes get a program of their own, being most rules: sums of fact ids on both
    sides (a sum rule, a comparison, ``a + b - c == d``) and a fact against a quotient
    of such sums, perhaps plus a constant (a share, a growth rate)."""
    left_terms, right_terms = _terms(claim.left), _terms(claim.right)
    if left_terms is not None and right_terms is not None:
        flipped = tuple((not minus, name) for minus, name in right_terms)
        return _SumsProgram(claim.op, left_terms + flipped)
    ratio = _ratio(claim)
    if ratio is not None:
        return ratio
    left = _compile(claim.left, 0)
    right = _compile(claim.right, 0)
    if left is None or right is None:
        return None
    by_centre = isinstance(left, _CENTRED) and isinstance(right, _CENTRED)
    rounds = "/" in _operators(claim)
    return _SidesProgram(claim.op, left, right, by_centre, rounds)


def _operators(claim: Comparison) -> set[str]:
    found: set[str] = set()
    stack: list[Node] = [claim.left, claim.right]
    while stack:
        node = stack.pop()
        if isinstance(node, Binary):
            found.add(node.op)
            stack.extend((node.left, node.right))
        elif isinstance(node, Unary):
            stack.append(node.operand)
    return found


Terms = tuple[tuple[bool, str], ...]
"""A sum of fact ids: ``a + b - c`` is ``((False, "a"), (False, "b"), (True, "c"))``."""


def _terms(node: Node) -> Terms | None:
    terms: list[tuple[bool, str]] = []
    current = node
    while isinstance(current, Binary) and current.op in ("+", "-"):
        if not isinstance(current.right, Name):
            return None
        terms.append((current.op == "-", current.right.name))
        current = current.left
    if not isinstance(current, Name):
        return None
    terms.append((False, current.name))
    return tuple(reversed(terms))


def _ratio(claim: Comparison) -> _RatioProgram | None:
    """``s op (sum) / (sum) [± constant]``, either way round, or None."""
    sides = ((claim.left, claim.right, True), (claim.right, claim.left, False))
    for stated, computed, stated_left in sides:
        if not isinstance(stated, Name):
            continue
        offset: _Constant | None = None
        other = computed
        if isinstance(other, Binary) and other.op in ("+", "-") and isinstance(other.right, Number):
            offset = _constant(other.right.text, negated=other.op == "-")
            other = other.left
        if offset is None and other is not computed:
            return None  # a constant that is not a figure: the general path explains
        if not (isinstance(other, Binary) and other.op == "/"):
            continue
        numerator, denominator = _terms(other.left), _terms(other.right)
        if numerator is None or denominator is None:
            continue
        return _RatioProgram(claim.op, stated.name, numerator, denominator, offset, stated_left)
    return None


def _decide(op: str, a_lo: Decimal, a_hi: Decimal, b_lo: Decimal, b_hi: Decimal) -> bool:
    """``a op b`` for some values in the closed intervals ``[a_lo, a_hi]``, ``[b_lo, b_hi]``."""
    if op == "==":
        return a_lo <= b_hi and b_lo <= a_hi
    if op == "<=":
        return a_lo <= b_hi
    if op == ">=":
        return b_lo <= a_hi
    if op == "<":
        return a_lo < b_hi
    if op == ">":
        return b_lo < a_hi
    return not (a_lo == a_hi == b_lo == b_hi)  # "!=": only two equal points break it


def _decide_apart(op: str, apart: Decimal, reach: Decimal) -> bool:
    """The same tests on ``[a - r, a + r]`` and ``[b - s, b + s]``, given ``apart = a - b``
    and ``reach = r + s``: they meet when ``|apart| <= reach``, and ``a - r <= b + s``
    when ``apart <= reach``."""
    if op == "==":
        return apart.copy_abs() <= reach
    if op == "<=":
        return apart <= reach
    if op == ">=":
        return apart.copy_negate() <= reach
    if op == "<":
        return apart < reach
    if op == ">":
        return apart.copy_negate() < reach
    return not (reach == 0 and apart == 0)


@dataclass(frozen=True, slots=True)
class _SumsProgram:
    """``a ± b … op c ± d …`` as one signed sum: ``apart`` (left minus right) adds the
    midpoints with their signs, ``reach`` every radius."""

    op: str
    terms: Terms  # the right side's with their signs flipped

    @property
    def fact_ids(self) -> tuple[str, ...]:
        return tuple(name for _, name in self.terms)

    def holds(self, lookup: FactIntervals) -> bool | None:
        # _sum_of's loop, written out: every sum rule runs it, and the call it saves is
        # measurable in the rule-kind benchmark (0.29 -> 0.30 of the bare loop, with the
        # shares' lookups below).
        known, miss = lookup.known, lookup.miss
        add, subtract = EXACT.add, EXACT.subtract
        try:
            fact_id = self.terms[0][1]  # a sum's first term is added
            apart, reach, unit = known.get(fact_id) or miss(fact_id)
            for minus, fact_id in self.terms[1:]:
                middle, radius, other_unit = known.get(fact_id) or miss(fact_id)
                if other_unit != unit:
                    return None
                apart = subtract(apart, middle) if minus else add(apart, middle)
                reach = add(reach, radius)
        except (Unusual, ArithmeticError):  # decimal's signals are ArithmeticErrors too
            return None
        return _decide_apart(self.op, apart, reach)


@dataclass(frozen=True, slots=True)
class _RatioProgram:
    """``stated op numerator / denominator [+ offset]``, or the other way round."""

    op: str
    stated: str
    numerator: Terms
    denominator: Terms
    offset: _Constant | None  # a constant added (its value negated when subtracted)
    stated_left: bool

    @property
    def fact_ids(self) -> tuple[str, ...]:
        quotient = [name for _, name in (*self.numerator, *self.denominator)]
        return (self.stated, *quotient) if self.stated_left else (*quotient, self.stated)

    def holds(self, lookup: FactIntervals) -> bool | None:
        known, miss = lookup.known, lookup.miss
        add, subtract = EXACT.add, EXACT.subtract
        try:
            middle, radius, s_unit = known.get(self.stated) or miss(self.stated)
            s_lo, s_hi = subtract(middle, radius), add(middle, radius)
            if len(self.numerator) == 1:  # a share's part: one fact, looked up in place
                middle, radius, n_unit = known.get(self.numerator[0][1]) or miss(
                    self.numerator[0][1]
                )
            else:
                middle, radius, n_unit = _sum_of(self.numerator, lookup)
            n_lo, n_hi = subtract(middle, radius), add(middle, radius)
            if len(self.denominator) == 1:
                middle, radius, d_unit = known.get(self.denominator[0][1]) or miss(
                    self.denominator[0][1]
                )
            else:
                middle, radius, d_unit = _sum_of(self.denominator, lookup)
            d_lo, d_hi = subtract(middle, radius), add(middle, radius)
            q_lo, q_hi = closed_quotient(n_lo, n_hi, d_lo, d_hi)
            q_unit = DIMENSIONLESS if n_unit == d_unit else multiply_units(n_unit, d_unit, -1)
            if self.offset is not None:
                value, _, offset_unit = self.offset.value
                if offset_unit != q_unit:
                    return None
                q_lo, q_hi = add(q_lo, value), add(q_hi, value)
            if s_unit != q_unit:
                return None
            if not self._decide(s_lo, s_hi, q_lo, q_hi):
                return False
            # It holds on the quotient rounded outwards; it surely holds when it does on
            # the quotient rounded inwards too (``precision``), else the general path says.
            i_lo, i_hi = closed_quotient(n_lo, n_hi, d_lo, d_hi, INWARD)
            if self.offset is not None:
                i_lo, i_hi = add(i_lo, self.offset.value[0]), add(i_hi, self.offset.value[0])
        except (Unusual, ArithmeticError):
            return None
        if i_lo <= i_hi:
            return True if self._decide(s_lo, s_hi, i_lo, i_hi) else None
        # A quotient narrower than its last digit (of exact figures): it surely holds when
        # it does at both ends of the outward quotient.
        surely = self._decide(s_lo, s_hi, q_lo, q_lo) and self._decide(s_lo, s_hi, q_hi, q_hi)
        return True if surely else None

    def _decide(self, s_lo: Decimal, s_hi: Decimal, q_lo: Decimal, q_hi: Decimal) -> bool:
        if self.stated_left:
            return _decide(self.op, s_lo, s_hi, q_lo, q_hi)
        return _decide(self.op, q_lo, q_hi, s_lo, s_hi)


def _sum_of(terms: Terms, lookup: FactIntervals) -> Centred:
    """A sum of facts, exactly: its midpoints added with their signs, its radii added.
    Raises ``Unusual`` for mixed units."""
    known, miss = lookup.known, lookup.miss
    fact_id = terms[0][1]  # a sum's first term is added
    middle, radius, unit = known.get(fact_id) or miss(fact_id)
    for minus, fact_id in terms[1:]:
        b_middle, b_radius, b_unit = known.get(fact_id) or miss(fact_id)
        if b_unit != unit:
            raise Unusual
        middle = EXACT.subtract(middle, b_middle) if minus else EXACT.add(middle, b_middle)
        radius = EXACT.add(radius, b_radius)
    return middle, radius, unit


@dataclass(frozen=True, slots=True)
class _SidesProgram:
    """Any other claim: each side a tree of operations (``Side``)."""

    op: str
    left: Side
    right: Side
    by_centre: bool  # both sides sums of facts and constants: decided on midpoints
    rounds: bool = False  # a quotient in it: a claim that holds goes to the general path

    @property
    def fact_ids(self) -> None:
        return None  # the rule reads them from the claim

    def holds(self, lookup: FactIntervals) -> bool | None:
        try:
            if self.by_centre:
                a, r, a_unit = self.left.centred(lookup)
                b, s, b_unit = self.right.centred(lookup)
                if a_unit != b_unit:
                    return None
                verdict = _decide_apart(self.op, EXACT.subtract(a, b), EXACT.add(r, s))
            else:
                a_lo, a_hi, a_unit = self.left.ends(lookup)
                b_lo, b_hi, b_unit = self.right.ends(lookup)
                if a_unit != b_unit:
                    return None
                verdict = _decide(self.op, a_lo, a_hi, b_lo, b_hi)
        except (Unusual, ArithmeticError):
            return None
        # A quotient was rounded at its last digit: whether that decided it is for the
        # general path to say (``precision``).
        return None if verdict and self.rounds else verdict


def _compile(node: Node, depth: int) -> Side | None:
    if depth > _MAX_DEPTH:
        return None
    if isinstance(node, Name):
        return _Fact(node.name)
    if isinstance(node, Number):
        return _constant(node.text)
    if isinstance(node, Binary):
        if node.op in ("+", "-"):
            return _additive(node, depth)
        left, right = _compile(node.left, depth + 1), _compile(node.right, depth + 1)
        if left is None or right is None:
            return None
        return _ProductOrQuotient(node.op == "/", left, right)
    if isinstance(node, Unary):
        operand = _compile(node.operand, depth + 1)
        return None if operand is None else _Negation(operand)
    return None  # abs, min, max, sum: the general path


def _constant(text: str, *, negated: bool = False) -> _Constant | None:
    try:
        figure = parse_constant(text)
    except FigureError:
        return None
    value = figure.base.copy_negate() if negated else figure.base
    return _Constant((value, _ZERO, unit_of(figure)))  # exact, as in the general path


def _additive(node: Binary, depth: int) -> Side | None:
    """A chain ``a + b - c …`` as one loop."""
    names = _terms(node)
    if names is not None:
        return _FactChain(names)
    terms: list[tuple[bool, Node]] = []
    current: Node = node
    while isinstance(current, Binary) and current.op in ("+", "-"):
        terms.append((current.op == "-", current.right))
        current = current.left
    terms.reverse()
    first = _compile(current, depth + 1)
    rest = [(minus, _compile(leaf, depth + 1)) for minus, leaf in terms]
    if first is None or any(side is None for _, side in rest):
        return None
    if isinstance(first, _CENTRED) and all(isinstance(side, _CENTRED) for _, side in rest):
        return _Chain(first, tuple(rest))  # type: ignore[arg-type]
    return _ChainOfEnds(first, tuple(rest))  # type: ignore[arg-type]


def _ends(interval: Centred) -> Triple:
    middle, radius, unit = interval
    return EXACT.subtract(middle, radius), EXACT.add(middle, radius), unit


def _centred(interval: Triple) -> Centred:
    lo, hi, unit = interval
    return EXACT.divide(EXACT.add(lo, hi), 2), EXACT.divide(EXACT.subtract(hi, lo), 2), unit


@dataclass(frozen=True, slots=True)
class _Fact:
    fact_id: str

    def centred(self, lookup: FactIntervals) -> Centred:
        return lookup(self.fact_id)

    def ends(self, lookup: FactIntervals) -> Triple:
        return _ends(lookup(self.fact_id))


@dataclass(frozen=True, slots=True)
class _Constant:
    value: Centred

    def centred(self, lookup: FactIntervals) -> Centred:
        return self.value

    def ends(self, lookup: FactIntervals) -> Triple:
        return _ends(self.value)


@dataclass(frozen=True, slots=True)
class _FactChain:
    """``a ± b ± c …`` over fact ids, inside a larger expression."""

    terms: Terms

    def centred(self, lookup: FactIntervals) -> Centred:
        return _sum_of(self.terms, lookup)

    def ends(self, lookup: FactIntervals) -> Triple:
        return _ends(self.centred(lookup))


@dataclass(frozen=True, slots=True)
class _Chain:
    first: Side
    rest: tuple[tuple[bool, Side], ...]

    def centred(self, lookup: FactIntervals) -> Centred:
        add, subtract = EXACT.add, EXACT.subtract
        middle, radius, unit = self.first.centred(lookup)
        for minus, term in self.rest:
            b_middle, b_radius, b_unit = term.centred(lookup)
            if b_unit != unit:
                raise Unusual
            middle = subtract(middle, b_middle) if minus else add(middle, b_middle)
            radius = add(radius, b_radius)
        return middle, radius, unit

    def ends(self, lookup: FactIntervals) -> Triple:
        return _ends(self.centred(lookup))


@dataclass(frozen=True, slots=True)
class _ChainOfEnds:
    """A chain with a product or quotient in it (``a / b - 1``): added on ends, exactly."""

    first: Side
    rest: tuple[tuple[bool, Side], ...]

    def centred(self, lookup: FactIntervals) -> Centred:
        return _centred(self.ends(lookup))

    def ends(self, lookup: FactIntervals) -> Triple:
        lo, hi, unit = self.first.ends(lookup)
        for minus, term in self.rest:
            b_lo, b_hi, b_unit = term.ends(lookup)
            if b_unit != unit:
                raise Unusual
            if minus:  # a - b is a + (-b): -b's ends are b's, swapped and negated
                lo, hi = EXACT.subtract(lo, b_hi), EXACT.subtract(hi, b_lo)
            else:
                lo, hi = EXACT.add(lo, b_lo), EXACT.add(hi, b_hi)
        return lo, hi, unit


@dataclass(frozen=True, slots=True)
class _ProductOrQuotient:
    """``left * right`` (exact) or ``left / right`` (rounded outwards), on ends, as
    ``Interval``."""

    divide: bool
    left: Side
    right: Side

    def centred(self, lookup: FactIntervals) -> Centred:
        return _centred(self.ends(lookup))

    def ends(self, lookup: FactIntervals) -> Triple:
        a_lo, a_hi, a_unit = self.left.ends(lookup)
        b_lo, b_hi, b_unit = self.right.ends(lookup)
        if self.divide:
            lo, hi = closed_quotient(a_lo, a_hi, b_lo, b_hi)
            return lo, hi, multiply_units(a_unit, b_unit, -1)
        times = EXACT.multiply  # exact, as the general path's (or not here at all)
        products = (times(a_lo, b_lo), times(a_lo, b_hi), times(a_hi, b_lo), times(a_hi, b_hi))
        lo, hi = min(products), max(products)
        return lo, hi, multiply_units(a_unit, b_unit)


@dataclass(frozen=True, slots=True)
class _Negation:
    operand: Side

    def centred(self, lookup: FactIntervals) -> Centred:
        middle, radius, unit = self.operand.centred(lookup)
        return middle.copy_negate(), radius, unit  # not -x: that rounds to 28 digits

    def ends(self, lookup: FactIntervals) -> Triple:
        lo, hi, unit = self.operand.ends(lookup)
        return hi.copy_negate(), lo.copy_negate(), unit


_CENTRED = (_Fact, _Constant, _FactChain, _Chain, _Negation)

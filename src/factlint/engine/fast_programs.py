"""The fast path's compiled programs and what they run on (``fast_path`` compiles them).

A program decides one claim over each fact's closed interval as a midpoint and radius in
base units (``FactIntervals``): ``SumsProgram`` for sums of fact ids, ``RatioProgram`` for
a fact against a quotient of sums, ``SidesProgram`` for any other claim, each side a tree
of ``Side`` nodes. Everything here is plain frozen data, so a compiled rule pickles.
``None`` from ``holds`` (and ``Unusual`` inside) leaves the claim to the general path.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from factlint.numbers.intervals import EXACT, INWARD, closed_quotient
from factlint.numbers.quantities import DIMENSIONLESS, Centred, Unit, interval_of, multiply_units
from factlint.records import dataclass

if TYPE_CHECKING:
    from factlint.model import Fact

Triple = tuple[Decimal, Decimal, Unit]
"""``(lo, hi, unit)``: a closed interval in base units, and its unit."""

Terms = tuple[tuple[bool, str], ...]
"""A sum of fact ids: ``a + b - c`` is ``((False, "a"), (False, "b"), (True, "c"))``."""


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
        interval = interval_of(
            fact.figure, self._rounding, decimals=fact.decimals, exact=fact.exact, centred=True
        )
        if interval is None:
            raise Unusual
        self._found[fact_id] = interval
        return interval


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
class SumsProgram:
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
class RatioProgram:
    """``stated op numerator / denominator [+ offset]``, or the other way round."""

    op: str
    stated: str
    numerator: Terms
    denominator: Terms
    offset: Constant | None  # a constant added (its value negated when subtracted)
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
class SidesProgram:
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


def _ends(interval: Centred) -> Triple:
    middle, radius, unit = interval
    return EXACT.subtract(middle, radius), EXACT.add(middle, radius), unit


def _centred(interval: Triple) -> Centred:
    lo, hi, unit = interval
    return EXACT.divide(EXACT.add(lo, hi), 2), EXACT.divide(EXACT.subtract(hi, lo), 2), unit


@dataclass(frozen=True, slots=True)
class FactSide:
    fact_id: str

    def centred(self, lookup: FactIntervals) -> Centred:
        return lookup(self.fact_id)

    def ends(self, lookup: FactIntervals) -> Triple:
        return _ends(lookup(self.fact_id))


@dataclass(frozen=True, slots=True)
class Constant:
    value: Centred

    def centred(self, lookup: FactIntervals) -> Centred:
        return self.value

    def ends(self, lookup: FactIntervals) -> Triple:
        return _ends(self.value)


@dataclass(frozen=True, slots=True)
class FactChain:
    """``a ± b ± c …`` over fact ids, inside a larger expression."""

    terms: Terms

    def centred(self, lookup: FactIntervals) -> Centred:
        return _sum_of(self.terms, lookup)

    def ends(self, lookup: FactIntervals) -> Triple:
        return _ends(self.centred(lookup))


@dataclass(frozen=True, slots=True)
class Chain:
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
class ChainOfEnds:
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
class ProductOrQuotient:
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
class Negation:
    operand: Side

    def centred(self, lookup: FactIntervals) -> Centred:
        middle, radius, unit = self.operand.centred(lookup)
        return middle.copy_negate(), radius, unit  # not -x: that rounds to 28 digits

    def ends(self, lookup: FactIntervals) -> Triple:
        lo, hi, unit = self.operand.ends(lookup)
        return hi.copy_negate(), lo.copy_negate(), unit


CENTRED = (FactSide, Constant, FactChain, Chain, Negation)

"""The common case, decided quickly: claims over figures whose intervals are closed and
bounded, evaluated on plain Decimals.

Most rules of a report are sums, shares and growth rates over plainly printed figures,
and most of them hold. For those, an ``Interval`` and a ``Quantity`` per operand and per
step are most of the cost of the general evaluation (``evaluation.evaluate``). A claim
is compiled once, when its rule is made, into a small program over each figure's
midpoint and radius (its value and half its last place, in base units): a chain of
``+`` and ``-`` adds midpoints and radii exactly; a product or quotient works on the
ends with the same directed rounding as ``Interval``. Every interval computed here is
therefore inside the general path's, computed exactly where that one may round outward
at its 60th digit: a claim that holds here holds there.

A claim that does not hold here, and anything unusual, goes to the general path, which
decides and explains: a qualifier (超, 约), truncation's half-open intervals, a
tolerance, a fact whose mentions disagree, mixed units, a divisor that could be zero,
a result that is out of range or not exact in 240 digits, a function call.

>>> from factlint.expressions import parse_check
>>> program = compile_claim(parse_check("share == part / whole"))
>>> figures = {"share": parse_figure("76.5%"), "part": parse_figure("39项"),
...          "whole": parse_figure("51项")}
>>> holds(program, lambda name: centred(figures[name], "nearest"))
True
>>> holds(program, lambda name: centred(parse_figure("76%"), "nearest"))
False
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from factlint.expressions import Binary, Comparison, Name, Node, Number, Unary
from factlint.figures import Figure, FigureError, half_last_place, parse_constant, parse_figure  # noqa: F401
from factlint.intervals import _DOWN, _UP, EXACT, closed_quotient
from factlint.quantities import KNOWN_UNITS, Unit, multiply_units, unit_of

if TYPE_CHECKING:
    from factlint.model import Fact

Triple = tuple[Decimal, Decimal, Unit]
"""``(lo, hi, unit)``: a closed interval in base units, and its unit."""

Centred = tuple[Decimal, Decimal, Unit]
"""``(midpoint, radius, unit)``: the same interval, as ``[mid - radius, mid + radius]``."""

Lookup = Callable[[str], Centred]
"""A fact's interval; raises ``Unusual`` when the fact is not for the fast path."""


# Compiling recurses once per level of nesting that is not a chain of + and -; the
# expression parser allows 100 levels, and anything this deep is rare enough to leave
# to the general path.
_MAX_DEPTH = 40
_ZERO = Decimal(0)


class Unusual(Exception):
    """Not for the fast path: the general evaluation decides (and explains)."""


class Side(Protocol):
    def centred(self, lookup: Lookup) -> Centred: ...

    def ends(self, lookup: Lookup) -> Triple: ...


@dataclass(frozen=True, slots=True)
class Program:
    """A compiled claim, ``left op right``: plain data, so a rule holding it pickles.

    ``by_centre``: both sides are sums of figures and constants, decided on midpoints
    and radii; otherwise on ends."""

    op: str
    left: Side
    right: Side
    by_centre: bool


def centred(
    figure: Figure, rounding: str, *, decimals: int | None = None, exact: bool = False
) -> Centred | None:
    """The closed interval a plainly printed figure stands for (as ``interval_of`` gives
    it), as its midpoint and radius; None when that interval is not closed and bounded
    (a qualifier, truncation)."""
    if figure.qualifier:
        return None
    if exact or figure.exact or rounding == "exact":
        return figure.base, _ZERO, unit_of(figure)
    if rounding != "nearest":
        return None
    radius = figure.radius if decimals is None else half_last_place(decimals, figure.scale)
    return None if radius is None else (figure.base, radius, unit_of(figure))


def fact_lookup(facts: Mapping[str, Fact], rounding: str, broken: Collection[str]) -> Lookup:
    """Each fact's interval under ``rounding``, computed once; a fact whose mentions
    disagree (``broken``) or whose interval is not closed and bounded is ``Unusual``."""
    known: dict[str, Centred] = {}
    nearest = rounding == "nearest"
    units = KNOWN_UNITS

    def lookup(fact_id: str) -> Centred:
        interval = known.get(fact_id)
        if interval is not None:
            return interval
        fact = facts[fact_id]
        figure = fact.figure
        if fact_id in broken or figure.qualifier:
            raise Unusual
        if nearest and fact.decimals is None and not (fact.exact or figure.exact):
            radius = figure.radius  # the usual case, inline
            if radius is None:
                raise Unusual
            unit = units.get(figure.unit)
            interval = (figure.base, radius, unit_of(figure) if unit is None else unit)
        else:
            interval = centred(figure, rounding, decimals=fact.decimals, exact=fact.exact)
            if interval is None:
                raise Unusual
        known[fact_id] = interval
        return interval

    return lookup


def compile_claim(claim: Comparison) -> Program | None:
    """The claim as a program, or None when some part of it is for the general path."""
    left = _compile(claim.left, 0)
    right = _compile(claim.right, 0)
    if left is None or right is None:
        return None
    by_centre = isinstance(left, _CENTRED) and isinstance(right, _CENTRED)
    return Program(claim.op, left, right, by_centre)


def holds(program: Program, lookup: Lookup) -> bool | None:
    """Whether the claim can hold for some true values of its figures; None when the
    general path must decide."""
    try:
        if program.by_centre:
            return _holds_by_centre(program, lookup)
        a_lo, a_hi, a_unit = program.left.ends(lookup)
        b_lo, b_hi, b_unit = program.right.ends(lookup)
    except (Unusual, ArithmeticError):  # decimal's signals are ArithmeticErrors too
        return None
    if a_unit != b_unit:
        return None
    op = program.op
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


def _holds_by_centre(program: Program, lookup: Lookup) -> bool | None:
    """The same tests on ``[a - r, a + r]`` and ``[b - s, b + s]``: they meet when
    ``|a - b| <= r + s``, and ``a - r <= b + s`` when ``a - b <= r + s``."""
    a, r, a_unit = program.left.centred(lookup)
    b, s, b_unit = program.right.centred(lookup)
    if a_unit != b_unit:
        return None
    apart, reach = EXACT.subtract(a, b), EXACT.add(r, s)
    op = program.op
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
    return not (reach == 0 and apart == 0)  # "!=": only two equal points break it


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
        return _Product(left, right) if node.op == "*" else _Quotient(left, right)
    if isinstance(node, Unary):
        operand = _compile(node.operand, depth + 1)
        return None if operand is None else _Negation(operand)
    return None  # abs, min, max, sum: the general path


def _constant(text: str) -> Side | None:
    try:
        figure = parse_constant(text)
    except FigureError:
        return None
    return _Constant((figure.base, _ZERO, unit_of(figure)))  # exact, as in the general path


def _additive(node: Binary, depth: int) -> Side | None:
    """A chain ``a + b - c …`` as one loop; a sum rule is a chain of fact ids."""
    terms: list[tuple[bool, Node]] = []
    current: Node = node
    while isinstance(current, Binary) and current.op in ("+", "-"):
        terms.append((current.op == "-", current.right))
        current = current.left
    terms.reverse()
    if isinstance(current, Name) and all(isinstance(leaf, Name) for _, leaf in terms):
        names = tuple((minus, leaf.name) for minus, leaf in terms)  # type: ignore[union-attr]
        return _FactChain(current.name, names)
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

    def centred(self, lookup: Lookup) -> Centred:
        return lookup(self.fact_id)

    def ends(self, lookup: Lookup) -> Triple:
        return _ends(lookup(self.fact_id))


@dataclass(frozen=True, slots=True)
class _Constant:
    value: Centred

    def centred(self, lookup: Lookup) -> Centred:
        return self.value

    def ends(self, lookup: Lookup) -> Triple:
        return _ends(self.value)


@dataclass(frozen=True, slots=True)
class _FactChain:
    """``first ± id ± id …``: the right side of a sum rule."""

    first: str
    rest: tuple[tuple[bool, str], ...]  # (subtracted, fact id)

    def centred(self, lookup: Lookup) -> Centred:
        add, subtract = EXACT.add, EXACT.subtract
        middle, radius, unit = lookup(self.first)
        for minus, fact_id in self.rest:
            b_middle, b_radius, b_unit = lookup(fact_id)
            if b_unit != unit:
                raise Unusual
            middle = subtract(middle, b_middle) if minus else add(middle, b_middle)
            radius = add(radius, b_radius)
        return middle, radius, unit

    def ends(self, lookup: Lookup) -> Triple:
        return _ends(self.centred(lookup))


@dataclass(frozen=True, slots=True)
class _Chain:
    first: Side
    rest: tuple[tuple[bool, Side], ...]

    def centred(self, lookup: Lookup) -> Centred:
        add, subtract = EXACT.add, EXACT.subtract
        middle, radius, unit = self.first.centred(lookup)
        for minus, term in self.rest:
            b_middle, b_radius, b_unit = term.centred(lookup)
            if b_unit != unit:
                raise Unusual
            middle = subtract(middle, b_middle) if minus else add(middle, b_middle)
            radius = add(radius, b_radius)
        return middle, radius, unit

    def ends(self, lookup: Lookup) -> Triple:
        return _ends(self.centred(lookup))


@dataclass(frozen=True, slots=True)
class _ChainOfEnds:
    """A chain with a product or quotient in it (``a / b - 1``): added on ends, rounded
    outwards as ``Interval`` adds."""

    first: Side
    rest: tuple[tuple[bool, Side], ...]

    def centred(self, lookup: Lookup) -> Centred:
        return _centred(self.ends(lookup))

    def ends(self, lookup: Lookup) -> Triple:
        lo, hi, unit = self.first.ends(lookup)
        for minus, term in self.rest:
            b_lo, b_hi, b_unit = term.ends(lookup)
            if b_unit != unit:
                raise Unusual
            if minus:  # a - b is a + (-b): -b's ends are b's, swapped and negated
                lo, hi = _DOWN.subtract(lo, b_hi), _UP.subtract(hi, b_lo)
            else:
                lo, hi = _DOWN.add(lo, b_lo), _UP.add(hi, b_hi)
        return lo, hi, unit


@dataclass(frozen=True, slots=True)
class _Product:
    left: Side
    right: Side

    def centred(self, lookup: Lookup) -> Centred:
        return _centred(self.ends(lookup))

    def ends(self, lookup: Lookup) -> Triple:
        a_lo, a_hi, a_unit = self.left.ends(lookup)
        b_lo, b_hi, b_unit = self.right.ends(lookup)
        down, up = _DOWN.multiply, _UP.multiply
        lo = min(down(a_lo, b_lo), down(a_lo, b_hi), down(a_hi, b_lo), down(a_hi, b_hi))
        hi = max(up(a_lo, b_lo), up(a_lo, b_hi), up(a_hi, b_lo), up(a_hi, b_hi))
        return lo, hi, multiply_units(a_unit, b_unit)


@dataclass(frozen=True, slots=True)
class _Quotient:
    left: Side
    right: Side

    def centred(self, lookup: Lookup) -> Centred:
        return _centred(self.ends(lookup))

    def ends(self, lookup: Lookup) -> Triple:
        a_lo, a_hi, a_unit = self.left.ends(lookup)
        b_lo, b_hi, b_unit = self.right.ends(lookup)
        lo, hi = closed_quotient(a_lo, a_hi, b_lo, b_hi)
        return lo, hi, multiply_units(a_unit, b_unit, -1)


@dataclass(frozen=True, slots=True)
class _Negation:
    operand: Side

    def centred(self, lookup: Lookup) -> Centred:
        middle, radius, unit = self.operand.centred(lookup)
        return middle.copy_negate(), radius, unit  # not -x: that rounds to 28 digits

    def ends(self, lookup: Lookup) -> Triple:
        lo, hi, unit = self.operand.ends(lookup)
        return hi.copy_negate(), lo.copy_negate(), unit


_CENTRED = (_Fact, _Constant, _FactChain, _Chain, _Negation)

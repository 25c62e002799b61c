"""The common case, decided quickly: claims over figures whose intervals are closed and
bounded, evaluated on plain Decimals.

Most rules of a report are sums, shares and growth rates over plainly printed figures,
and most of them hold. For those, an ``Interval`` and a ``Quantity`` per operand and per
step are most of the cost of the general evaluation (``evaluation.evaluate``). A claim
is compiled once, when its rule is made (here), into a small program over each figure's
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
>>> from factlint.engine.fast_programs import FactIntervals
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

from decimal import Decimal

from factlint.engine.fast_programs import (
    CENTRED,
    Chain,
    ChainOfEnds,
    Constant,
    FactChain,
    FactSide,
    Negation,
    ProductOrQuotient,
    Program,
    RatioProgram,
    Side,
    SidesProgram,
    SumsProgram,
    Terms,
)
from factlint.numbers.figures import (  # noqa: F401  (parse_figure: the doctest)
    FigureError,
    parse_constant,
    parse_figure,
)
from factlint.numbers.quantities import unit_of
from factlint.rules.expressions import Binary, Comparison, Name, Node, Number, Unary

# Compiling recurses once per level of nesting that is not a chain of + and -; the
# expression parser allows 100 levels, and anything this deep is rare enough to leave
# to the general path.
_MAX_DEPTH = 40
_ZERO = Decimal(0)


def compile_claim(claim: Comparison) -> Program | None:
    """The claim as a program, or None when some part of it is for the general path.

    Two shapes get a program of their own, being most rules: sums of fact ids on both
    sides (a sum rule, a comparison, ``a + b - c == d``) and a fact against a quotient
    of such sums, perhaps plus a constant (a share, a growth rate)."""
    left_terms, right_terms = _terms(claim.left), _terms(claim.right)
    if left_terms is not None and right_terms is not None:
        flipped = tuple((not minus, name) for minus, name in right_terms)
        return SumsProgram(claim.op, left_terms + flipped)
    ratio = _ratio(claim)
    if ratio is not None:
        return ratio
    left = _compile(claim.left, 0)
    right = _compile(claim.right, 0)
    if left is None or right is None:
        return None
    by_centre = isinstance(left, CENTRED) and isinstance(right, CENTRED)
    rounds = "/" in _operators(claim)
    return SidesProgram(claim.op, left, right, by_centre, rounds)


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


def _ratio(claim: Comparison) -> RatioProgram | None:
    """``s op (sum) / (sum) [± constant]``, either way round, or None."""
    sides = ((claim.left, claim.right, True), (claim.right, claim.left, False))
    for stated, computed, stated_left in sides:
        if not isinstance(stated, Name):
            continue
        offset: Constant | None = None
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
        return RatioProgram(claim.op, stated.name, numerator, denominator, offset, stated_left)
    return None


def _compile(node: Node, depth: int) -> Side | None:
    if depth > _MAX_DEPTH:
        return None
    if isinstance(node, Name):
        return FactSide(node.name)
    if isinstance(node, Number):
        return _constant(node.text)
    if isinstance(node, Binary):
        if node.op in ("+", "-"):
            return _additive(node, depth)
        left, right = _compile(node.left, depth + 1), _compile(node.right, depth + 1)
        if left is None or right is None:
            return None
        return ProductOrQuotient(node.op == "/", left, right)
    if isinstance(node, Unary):
        operand = _compile(node.operand, depth + 1)
        return None if operand is None else Negation(operand)
    return None  # abs, min, max, sum: the general path


def _constant(text: str, *, negated: bool = False) -> Constant | None:
    try:
        figure = parse_constant(text)
    except FigureError:
        return None
    value = figure.base.copy_negate() if negated else figure.base
    return Constant((value, _ZERO, unit_of(figure)))  # exact, as in the general path


def _additive(node: Binary, depth: int) -> Side | None:
    """A chain ``a + b - c …`` as one loop."""
    names = _terms(node)
    if names is not None:
        return FactChain(names)
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
    if isinstance(first, CENTRED) and all(isinstance(side, CENTRED) for _, side in rest):
        return Chain(first, tuple(rest))  # type: ignore[arg-type]
    return ChainOfEnds(first, tuple(rest))  # type: ignore[arg-type]

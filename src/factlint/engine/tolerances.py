"""Tolerances: how far apart two sides of a claim may be, and how much wider a fact is.

A rule's absolute tolerance ``d`` lets ``a == b`` hold when ``|a − b| <= d`` (and ``a <= b``
when ``a <= b + d``) for some true values a and b: the right side widened by ``d``.

A rule's relative tolerance ``t`` (below 100%) is symmetric: ``a == b`` holds when
``|a − b| <= t · max(|a|, |b|)`` for some true values, whichever side is written first.
That is ``|a − b| <= t·|a|`` or ``|a − b| <= t·|b|``, so the claim holds when it holds with
either side widened by ``t`` of itself (each end moved out by ``t`` times its own size:
for t < 1 the ends ``a ∓ t·|a|`` move with ``a``, so the widened set is an interval).
An unbounded end stays unbounded; the bounded end is still widened.

A fact's own ``tolerance`` widens that fact's interval wherever a rule reads it: by the
amount when absolute, by ``t`` times the printed value when relative. It also makes an
approximate figure (约, 近) checkable, as a rule's tolerance does.
"""

from __future__ import annotations

from decimal import Decimal

from factlint.model import Fact, Tolerance
from factlint.numbers.intervals import DOWN, UP, ArithmeticLimit, Interval, directed_contexts
from factlint.numbers.quantities import Quantity, unit_of


class ToleranceProblem(ArithmeticError):
    """A tolerance that cannot apply to a claim or a fact, with the reason."""


def relatively_widened(interval: Interval, share: Decimal) -> Interval:
    """Each end moved outwards by ``share`` (0 <= share < 1) of its own size."""
    lo, hi = interval.lo, interval.hi
    down, up = directed_contexts()
    try:
        lo = None if lo is None else down.subtract(lo, up.multiply(share, lo.copy_abs()))
        hi = None if hi is None else up.add(hi, up.multiply(share, hi.copy_abs()))
    except ArithmeticError as exc:
        raise ArithmeticLimit("a tolerance is outside the range factlint computes in") from exc
    return Interval(lo, hi, interval.lo_closed, interval.hi_closed)


def sides_within(
    tolerance: Tolerance, left: Quantity, right: Quantity
) -> list[tuple[Quantity, Quantity]]:
    """The pairs of sides to decide the claim on: it holds within the tolerance when it
    holds for one of them."""
    if tolerance.relative:
        share = tolerance.figure.base
        return [
            (Quantity(relatively_widened(left.interval, share), left.unit), right),
            (left, Quantity(relatively_widened(right.interval, share), right.unit)),
        ]
    if unit_of(tolerance.figure) != right.unit:
        raise ToleranceProblem(
            f"the tolerance {tolerance.figure.text} is not in the unit of the claim"
        )
    amount = tolerance.figure.base.copy_abs()
    return [(left, Quantity(right.interval + Interval(amount.copy_negate(), amount), right.unit))]


def fact_interval(fact: Fact, interval: Interval) -> Interval:
    """The fact's interval widened by its own ``tolerance`` (when it has one)."""
    tolerance = fact.tolerance
    if tolerance is None:
        return interval
    if tolerance.relative:
        try:
            amount = UP.multiply(tolerance.figure.base, fact.figure.base.copy_abs())
        except ArithmeticError as exc:
            raise ArithmeticLimit("a tolerance is outside the range factlint computes in") from exc
    else:
        if unit_of(tolerance.figure) != unit_of(fact.figure):
            raise ToleranceProblem(
                f"the tolerance {tolerance.figure.text} of {fact.id} is not in the unit of "
                f"its figure {fact.figure.text}"
            )
        amount = tolerance.figure.base.copy_abs()
    if amount == 0:
        return interval
    lo, hi = interval.lo, interval.hi
    try:
        lo = None if lo is None else DOWN.subtract(lo, amount)
        hi = None if hi is None else UP.add(hi, amount)
    except ArithmeticError as exc:
        raise ArithmeticLimit("a tolerance is outside the range factlint computes in") from exc
    # Within ``amount`` of an open end is still not at ``amount`` from it.
    return Interval(lo, hi, interval.lo_closed, interval.hi_closed)

"""Interval arithmetic: exact cases, and the containment property for every operation."""

from __future__ import annotations

from decimal import Context, Decimal, localcontext

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factlint.numbers.intervals import DivisionByZeroInterval, Interval

D = Decimal


def closed(lo: str, hi: str) -> Interval:
    return Interval(D(lo), D(hi))


def test_addition_keeps_a_closed_end_only_when_both_are_closed() -> None:
    result = Interval(D(1), D(2), True, False) + closed("1", "2")
    assert result == Interval(D(2), D(4), True, False)


def test_a_negative_factor_swaps_both_ends_and_their_flags() -> None:
    half_open = Interval(D(1), D(2), True, False)
    assert half_open * Interval.point(D(-3)) == Interval(D(-6), D(-3), False, True)
    assert -half_open == Interval(D(-2), D(-1), False, True)


def test_multiplication_spanning_zero() -> None:
    assert closed("0.5", "1.5") * Interval(D(-2), D(3), False, True) == Interval(
        D(-3), D("4.5"), False, True
    )


def test_a_closed_zero_end_makes_zero_attained() -> None:
    assert closed("0", "1") * Interval(D(2), D(3), False, False) == Interval(
        D(0), D(3), True, False
    )


def test_division_by_an_interval_containing_zero_is_refused() -> None:
    with pytest.raises(DivisionByZeroInterval):
        closed("1", "2") / closed("-1", "1")


def test_division_by_an_interval_open_at_zero_is_unbounded() -> None:
    assert closed("1", "1") / Interval(D(0), D(5), False, True) == Interval(D("0.2"), None, True)


def test_division_by_an_exact_divisor() -> None:
    assert closed("38.5", "39.5") / Interval.point(D(2)) == closed("19.25", "19.75")


def test_a_quotient_keeps_open_ends_where_they_are() -> None:
    # Truncated 2 and 3: [2, 3) / [3, 4) is (0.5, 1), never 1 (issue 12).
    quotient = Interval(D(2), D(3), True, False) / Interval(D(3), D(4), True, False)
    assert quotient == Interval(D("0.5"), D(1), False, False)
    assert not quotient.contains(D(1))
    # A negative divisor swaps the ends and their flags: [23.0, 23.1) / (-0.8, -0.7].
    negative = Interval(D("23.0"), D("23.1"), True, False) / Interval(
        D("-0.8"), D("-0.7"), False, True
    )
    assert negative == Interval(D(-33), D("-28.75"), False, False)


def test_a_quotient_with_an_unbounded_divisor_tends_to_zero() -> None:
    assert Interval.point(D(3)) / Interval(D(6), None, False) == Interval(
        D(0), D("0.5"), False, False
    )
    assert Interval.point(D(0)) / Interval(D(6), None, False) == Interval.point(D(0))
    assert Interval(D(1), None, False) / Interval(D(2), None, False) == Interval(D(0), None, False)


def test_inexact_quotients_round_outwards() -> None:
    third = Interval.point(D(1)) / Interval.point(D(3))
    assert third.lo is not None and third.hi is not None
    with localcontext(Context(prec=200)):
        assert third.lo * 3 < 1 < third.hi * 3


def test_touching_closed_ends_intersect_but_open_ones_do_not() -> None:
    assert closed("1.5", "2.5").intersects(closed("0.5", "1.5"))
    assert not closed("1.5", "2.5").intersects(Interval(D("0.5"), D("1.5"), True, False))


def test_unbounded_intervals() -> None:
    more_than_30 = Interval(D("0.3"), None, False)
    assert more_than_30.intersects(closed("0.3", "0.31"))
    assert not more_than_30.intersects(closed("0.2", "0.3"))
    assert (more_than_30 + closed("1", "1")).hi is None


def test_empty_intervals_cannot_be_built() -> None:
    with pytest.raises(ValueError):
        Interval(D(2), D(1))
    with pytest.raises(ValueError):
        Interval(D(1), D(1), True, False)


def test_abs_and_min_max() -> None:
    assert abs(closed("-3", "2")) == closed("0", "3")
    assert abs(closed("-3", "-2")) == closed("2", "3")
    assert closed("1", "5").minimum(closed("2", "3")) == closed("1", "3")
    assert closed("1", "5").maximum(closed("2", "3")) == closed("2", "5")


# ---- the containment property: every pointwise result lies in the interval result ----

decimals = st.decimals(
    min_value=-(10**6), max_value=10**6, places=3, allow_nan=False, allow_infinity=False
)


@st.composite
def interval_with_point(draw: st.DrawFn) -> tuple[Interval, Decimal]:
    a, b = sorted((draw(decimals), draw(decimals)))
    lo_closed, hi_closed = draw(st.booleans()), draw(st.booleans())
    if a == b:
        lo_closed = hi_closed = True
    unbounded_low, unbounded_high = draw(st.booleans()), draw(st.booleans())
    interval = Interval(
        None if unbounded_low else a, None if unbounded_high else b, lo_closed, hi_closed
    )
    # A point inside: an end when it is closed, else strictly between.
    fraction = draw(st.sampled_from([D(0), D("0.25"), D("0.5"), D(1)]))
    point = a + (b - a) * fraction
    if unbounded_low and fraction == 0:
        point = a - draw(st.integers(0, 10**6))
    if unbounded_high and fraction == 1:
        point = b + draw(st.integers(0, 10**6))
    assume(interval.contains(point))
    return interval, point


@given(interval_with_point(), interval_with_point())
def test_sum_contains_pointwise_sums(
    x: tuple[Interval, Decimal], y: tuple[Interval, Decimal]
) -> None:
    assert (x[0] + y[0]).contains(x[1] + y[1])
    assert (x[0] - y[0]).contains(x[1] - y[1])


@given(interval_with_point(), interval_with_point())
def test_product_contains_pointwise_products(
    x: tuple[Interval, Decimal], y: tuple[Interval, Decimal]
) -> None:
    assert (x[0] * y[0]).contains(x[1] * y[1])


@given(interval_with_point(), interval_with_point())
def test_quotient_contains_pointwise_quotients(
    x: tuple[Interval, Decimal], y: tuple[Interval, Decimal]
) -> None:
    if y[0].contains_zero():
        with pytest.raises(DivisionByZeroInterval):
            x[0] / y[0]
        return
    assume(y[1] != 0)
    quotient = x[0] / y[0]
    exact = x[1] / y[1]  # 28 digits: compare with a margin well inside the outward rounding
    assert quotient.contains(exact) or _near(quotient, exact)


@given(interval_with_point(), interval_with_point())
def test_abs_min_max_contain_pointwise_results(
    x: tuple[Interval, Decimal], y: tuple[Interval, Decimal]
) -> None:
    assert abs(x[0]).contains(abs(x[1]))
    assert x[0].minimum(y[0]).contains(min(x[1], y[1]))
    assert x[0].maximum(y[0]).contains(max(x[1], y[1]))


@given(interval_with_point(), interval_with_point())
def test_intersects_when_they_share_a_point(
    x: tuple[Interval, Decimal], y: tuple[Interval, Decimal]
) -> None:
    if y[0].contains(x[1]):
        assert x[0].intersects(y[0])
    assert x[0].intersects(y[0]) == y[0].intersects(x[0])


def _near(interval: Interval, value: Decimal) -> bool:
    """Within 1e-20 relative of an end: the test's own 28-digit division rounds too."""
    ends = [e for e in (interval.lo, interval.hi) if e is not None]
    return any(abs(e - value) <= abs(value) * D("1e-20") for e in ends)

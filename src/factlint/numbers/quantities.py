"""From a printed figure to the set of values it stands for, with its unit.

>>> interval_of(parse_figure("76.5%"), "nearest")
Interval(lo=Decimal('0.7645'), hi=Decimal('0.7655'), lo_closed=True, hi_closed=True)
>>> interval_of(parse_figure("超30%"), "nearest")
Interval(lo=Decimal('0.30'), hi=None, lo_closed=False, hi_closed=False)
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Literal, overload

from factlint.numbers.figures import (  # noqa: F401  (parse_figure: doctest)
    Figure,
    half_last_place,
    last_place,
    parse_figure,
)
from factlint.numbers.intervals import EXACT, ArithmeticLimit, Interval
from factlint.records import dataclass

Unit = tuple[tuple[str, int], ...]
DIMENSIONLESS: Unit = ()

# A count (个 户 项 …) is a pure number: 39项 / 51项 is a share, and `a <= 3` compares a
# count with a plain constant. Dates and ranks keep units of their own.
# Each unit name's Unit, filled as figures are met: one tuple per name, not per figure.
_UNITS: dict[str, Unit] = {"": DIMENSIONLESS, "count": DIMENSIONLESS}


class UnitMismatch(ArithmeticError):
    """Two quantities of different units were added, subtracted or compared."""


class NeedsTolerance(ArithmeticError):
    """An approximate figure (约, 近, about) used without a tolerance."""


def unit_of(figure: Figure) -> Unit:
    unit = _UNITS.get(figure.unit)
    if unit is None:
        unit = ((figure.unit, 1),)
        if len(_UNITS) < 10_000:
            _UNITS[figure.unit] = unit
    return unit


def unit_text(unit: Unit) -> str:
    if not unit:
        return "1"
    return "·".join(name if power == 1 else f"{name}^{power}" for name, power in unit)


@lru_cache(maxsize=1024)
def multiply_units(a: Unit, b: Unit, sign: int = 1) -> Unit:
    powers: dict[str, int] = dict(a)
    for name, power in b:
        powers[name] = powers.get(name, 0) + sign * power
    return tuple(sorted((n, p) for n, p in powers.items() if p))


@dataclass(frozen=True)
class Quantity:
    """An interval of values in base units (元, not 亿元; 0.765, not 76.5%), with a unit."""

    interval: Interval
    unit: Unit = DIMENSIONLESS

    def _same_unit(self, other: Quantity, operation: str) -> None:
        if self.unit != other.unit:
            raise UnitMismatch(
                f"cannot {operation} {unit_text(self.unit)} and {unit_text(other.unit)}"
            )

    def __add__(self, other: Quantity) -> Quantity:
        self._same_unit(other, "add")
        return Quantity(self.interval + other.interval, self.unit)

    def __sub__(self, other: Quantity) -> Quantity:
        self._same_unit(other, "subtract")
        return Quantity(self.interval - other.interval, self.unit)

    def __mul__(self, other: Quantity) -> Quantity:
        return Quantity(self.interval * other.interval, multiply_units(self.unit, other.unit))

    def __truediv__(self, other: Quantity) -> Quantity:
        return Quantity(self.interval / other.interval, multiply_units(self.unit, other.unit, -1))

    def __neg__(self) -> Quantity:
        return Quantity(-self.interval, self.unit)

    def __abs__(self) -> Quantity:
        return Quantity(abs(self.interval), self.unit)

    def minimum(self, other: Quantity) -> Quantity:
        self._same_unit(other, "compare")
        return Quantity(self.interval.minimum(other.interval), self.unit)

    def maximum(self, other: Quantity) -> Quantity:
        self._same_unit(other, "compare")
        return Quantity(self.interval.maximum(other.interval), self.unit)


Centred = tuple[Decimal, Decimal, Unit]
"""``(midpoint, radius, unit)``: a closed interval ``[mid - radius, mid + radius]`` in base
units, and its unit."""


@overload
def interval_of(
    figure: Figure,
    rounding: str,
    *,
    decimals: int | None = None,
    exact: bool = False,
    approximate_ok: bool = False,
    centred: Literal[False] = False,
) -> Interval: ...


@overload
def interval_of(
    figure: Figure,
    rounding: str,
    *,
    decimals: int | None = None,
    exact: bool = False,
    approximate_ok: bool = False,
    centred: Literal[True],
) -> Centred | None: ...


def interval_of(
    figure: Figure,
    rounding: str,
    *,
    decimals: int | None = None,
    exact: bool = False,
    approximate_ok: bool = False,
    centred: bool = False,
) -> Interval | Centred | None:
    """The true values a printed figure can stand for (docs/design.md §3).

    ``decimals`` (XBRL's meaning: accurate to 10^-decimals of the printed unit) overrides
    the places the figure was printed with; ``exact`` or an exact-by-nature figure (a
    count, a rank) is a single point. Qualifiers turn the figure into a bound.

    With ``centred``, the same interval as its midpoint, radius and unit (the form the fast
    path computes with), or None when it is not closed and centred on the figure (a
    qualifier, truncation):

    >>> interval_of(parse_figure("76.5%"), "nearest", centred=True)
    (Decimal('0.765'), Decimal('0.0005'), ())
    >>> interval_of(parse_figure("超30%"), "nearest", centred=True) is None
    True
    """
    if centred:
        return _centred(figure, rounding, decimals, exact)
    qualifier = figure.qualifier
    if qualifier == "about" and not approximate_ok:
        raise NeedsTolerance(
            f"'{figure.text}' is approximate; give the rule or the fact a tolerance"
        )
    if qualifier in ("more-than", "at-least"):
        return Interval(figure.base, None, qualifier == "at-least", False)
    if qualifier in ("less-than", "at-most"):
        return Interval(None, figure.base, False, qualifier == "at-most")
    point = _is_point(figure, rounding, exact)
    if qualifier == "range" and figure.upper_base is not None:
        low = _rounded(figure.base, figure, rounding, decimals, point)
        high = _rounded(figure.upper_base, figure, rounding, decimals, point)
        return Interval(low.lo, high.hi, low.lo_closed, high.hi_closed)
    return _rounded(figure.base, figure, rounding, decimals, point)


def _rounded(
    value: Decimal, figure: Figure, rounding: str, decimals: int | None, point: bool
) -> Interval:
    if point:
        return Interval.point(value)
    places = figure.places if decimals is None else decimals
    if rounding == "truncate":
        unit = last_place(places, figure.scale)
        if value > 0:
            return Interval(value, EXACT.add(value, unit), True, False)
        if value < 0:
            return Interval(EXACT.subtract(value, unit), value, False, True)
        return Interval(-unit, unit, False, False)
    half = _half_unit(figure, decimals)
    if half is None:
        raise ArithmeticLimit("a figure's last place is outside the range factlint computes in")
    return Interval(EXACT.subtract(value, half), EXACT.add(value, half))


# A helper of interval_of rather than a second way from a figure to its values: the fast
# path wants the interval as a midpoint and radius, made straight from the figure (an
# Interval built and taken apart again would cost more than the fast path saves), and
# only for the intervals that have that form; every rule of the semantics it applies is
# interval_of's own (_is_point, _half_unit), so the two cannot drift apart.
def _centred(figure: Figure, rounding: str, decimals: int | None, exact: bool) -> Centred | None:
    if figure.qualifier:
        return None
    if _is_point(figure, rounding, exact):
        return figure.base, _ZERO, unit_of(figure)
    if rounding != "nearest":
        return None
    radius = _half_unit(figure, decimals)
    return None if radius is None else (figure.base, radius, unit_of(figure))


_ZERO = Decimal(0)


def _is_point(figure: Figure, rounding: str, exact: bool) -> bool:
    """A figure that stands for its own value only: declared exact, exact by nature (a
    count, a rank), or under exact rounding."""
    return exact or figure.exact or rounding == "exact"


def _half_unit(figure: Figure, decimals: int | None) -> Decimal | None:
    """Half the figure's last place in base units (its radius rounded to nearest), at the
    ``decimals`` given instead of its printed places when there are."""
    return figure.radius if decimals is None else half_last_place(decimals, figure.scale)

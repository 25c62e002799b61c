"""Two printings of one quantity compared as XBRL compares duplicate facts (docs/design.md §4).

The more precise figure, rounded to the less precise one's places, must print the less
precise one: equivalently, the less precise figure's interval holds the more precise
figure's value. At the same precision that means the same digits (43% and 44% disagree
although [42.5%, 43.5%] and [43.5%, 44.5%] touch). A tie may round either way, as the
closed intervals of rounding to nearest already say (43.5% agrees with 43% and with 44%).

A figure with a qualifier (超30%, a range, 约) is not a rounding of one value: it agrees
with another when their intervals meet.

>>> from factlint.numbers.figures import parse_figure
>>> from factlint.numbers.quantities import interval_of
>>> def agree(a, b):
...     x, y = parse_figure(a), parse_figure(b)
...     return duplicates_agree(x, interval_of(x, "nearest"), y, interval_of(y, "nearest"))
>>> agree("43%", "44%"), agree("43.46%", "43.5%"), agree("43.4503%", "43.4%")
(False, True, False)
"""

from __future__ import annotations

from decimal import Decimal

from factlint.numbers.figures import Figure
from factlint.numbers.intervals import EXACT, Interval


def duplicates_agree(a: Figure, a_interval: Interval, b: Figure, b_interval: Interval) -> bool:
    """Whether two printings of one quantity, standing for these intervals, agree."""
    if a.qualifier or b.qualifier:
        return a_interval.intersects(b_interval)
    a_width, b_width = _width(a_interval), _width(b_interval)
    if a_width is None or b_width is None:  # not a plain rounding: compare as intervals
        return a_interval.intersects(b_interval)
    if a_width >= b_width:  # a is the less precise
        return a_interval.contains(b.base)
    return b_interval.contains(a.base)


def _width(interval: Interval) -> Decimal | None:
    if interval.lo is None or interval.hi is None:
        return None
    return EXACT.subtract(interval.hi, interval.lo)

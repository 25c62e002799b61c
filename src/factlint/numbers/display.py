"""Print values and intervals the way the report prints the figure they stand beside.

>>> like = parse_figure("76.5%")
>>> value_text(Decimal("0.76470588235"), like)
'76.471…%'
>>> interval_text(Interval(Decimal("0.7645"), Decimal("0.7655")), like)
'[76.45%, 76.55%]'
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal, InvalidOperation

from factlint.numbers.figures import Figure, parse_figure  # noqa: F401  (parse_figure: doctest)
from factlint.numbers.intervals import EXACT, EXPONENT_LIMIT, PRECISION, Interval

EXTRA_PLACES = 2
_WIDE = Context(
    prec=4 * PRECISION, Emax=EXPONENT_LIMIT, Emin=-EXPONENT_LIMIT, traps=[InvalidOperation]
)


def _number_text(number: Decimal) -> str:
    text = f"{number:f}"
    return "0" if text in ("-0", "-0.0") else text


def value_text(value: Decimal, like: Figure | None, *, extra: int = EXTRA_PLACES) -> str:
    """``value`` (base units) in ``like``'s unit, with up to ``extra`` more places than it.

    Values that need more digits are rounded and marked with an ellipsis.
    """
    if like is None:
        return _plain(value, extra)
    scaled = EXACT.divide(value, like.scale)
    places = max(like.places, 0)
    number = _fit(scaled, places, places + extra)
    return like.template.replace("{}", number, 1)


def _plain(value: Decimal, extra: int) -> str:
    return _fit(value, 0, 4 + extra)


def _fit(number: Decimal, least: int, most: int) -> str:
    exponent = number.normalize().as_tuple().exponent
    needed = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    try:
        if needed <= most:
            return _number_text(_quantize(number, max(needed, least), ROUND_HALF_EVEN))
        return _number_text(_quantize(number, most, ROUND_HALF_EVEN)) + "…"
    except InvalidOperation:
        return f"{number:E}"  # too many digits to print in full: say it in powers of ten


def _quantize(number: Decimal, places: int, rounding: str) -> Decimal:
    """``number`` to ``places`` decimals, in a context wide enough for any figure."""
    return number.quantize(Decimal(1).scaleb(-places), rounding=rounding, context=_WIDE)


def rounded_text(value: Decimal, like: Figure, rounding: str = ROUND_HALF_UP) -> str:
    """``value`` as ``like`` would print it: same unit, same places (half up by default)."""
    scaled = EXACT.divide(value, like.scale)
    try:
        number = _quantize(scaled, like.places, rounding)
    except InvalidOperation:
        return f"{scaled:E}"
    if number == 0:
        number = number.copy_abs()  # -0.0 prints as 0.0
    return like.template.replace("{}", f"{number:f}", 1)


def interval_text(interval: Interval, like: Figure | None) -> str:
    if interval.is_point and interval.lo is not None:
        return value_text(interval.lo, like)
    low = "−∞" if interval.lo is None else value_text(interval.lo, like)
    high = "∞" if interval.hi is None else value_text(interval.hi, like)
    if low == high:
        return low  # a point up to the digits shown, e.g. an exact count over an exact count
    opening = "[" if interval.lo_closed else "("
    closing = "]" if interval.hi_closed else ")"
    return f"{opening}{low}, {high}{closing}"

"""Print a value the way another figure is printed: same scale, places, grouping and words."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

from factlint.numbers.characters import fold_char, is_digit
from factlint.numbers.figure_value import MAX_CHARS, MAX_DIGITS, Figure


def format_figure(base: Decimal, like: Figure, places: int | None = None) -> str:
    """Print ``base`` (in base units) the way ``like`` is printed.

    Divides by ``like.scale`` exactly, rounds half up to ``places`` (default ``like.places``),
    keeps ``like``'s digit grouping, and fills ``like.template``.

    >>> from factlint.numbers.figures import parse_figure
    >>> format_figure(Decimal("16224000000"), parse_figure("162.24亿元"))
    '162.24亿元'
    >>> format_figure(Decimal("-1234567.85"), parse_figure("1,234,567.8 yuan"))
    '-1,234,567.9 yuan'
    """
    digits = like.places if places is None else places
    if digits < 0:
        raise ValueError(f"places must not be negative, got {digits}")
    if not base.is_finite():
        raise ValueError(f"cannot print {base} as a figure")
    value = _exact_quotient(base, like.scale)
    if value.adjusted() > 10 * MAX_CHARS:
        raise ValueError(f"{base} is too large to print as a figure")
    with localcontext() as ctx:
        ctx.prec = max(value.adjusted(), 0) + digits + 5
        ctx.Emax, ctx.Emin = 999_999_999, -999_999_999
        rounded = value.quantize(Decimal((0, (1,), -digits)), rounding=ROUND_HALF_UP)
    if rounded.is_zero():
        rounded = rounded.copy_abs()
    number = format(rounded, ",f" if _uses_grouping(like.text) else "f")
    return like.template.replace("{}", number, 1)


def _exact_quotient(base: Decimal, scale: Decimal) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = len(base.as_tuple().digits) + len(scale.as_tuple().digits) + MAX_DIGITS
        ctx.Emax, ctx.Emin = 999_999_999, -999_999_999
        return base / scale


def _uses_grouping(text: str) -> bool:
    folded = [fold_char(c) for c in text]
    return any(
        c == "," and 0 < i < len(folded) - 1 and is_digit(folded[i - 1]) and is_digit(folded[i + 1])
        for i, c in enumerate(folded)
    )

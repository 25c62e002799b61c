"""The Figure value type: one printed figure taken apart into exact ``Decimal`` parts.

``Figure`` is built by :func:`factlint.numbers.figures.parse_figure` (or by hand in tests);
``FigureError`` is what reading a figure raises. The limits on a figure's length and digits
live here because both the reader and the printer respect them.
"""

from __future__ import annotations

from dataclasses import field
from decimal import (
    Context,
    Decimal,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
    localcontext,
)
from functools import lru_cache

from factlint.numbers.intervals import EXACT
from factlint.records import dataclass, draft_class

MAX_CHARS = 200
MAX_DIGITS = 60


class FigureError(ValueError):
    """A string that is not a figure factlint can read.

    ``.column`` is the 0-based offset in the text as given (surrounding whitespace
    included) where the problem is.
    """

    def __init__(self, message: str, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.column = column


# Wide enough for any two figures' digits (MAX_DIGITS each, and a one-digit scale): a
# product computed here is exact, hence the same as with a context fitted to its digits,
# without entering a local context on every call (Figure.base is read for every check).
_PRODUCT = Context(
    prec=4 * MAX_DIGITS,
    Emax=999_999_999,
    Emin=-999_999_999,
    traps=[InvalidOperation, DivisionByZero, Overflow, Inexact],
)


@lru_cache(maxsize=1024)
def last_place(places: int, scale: Decimal) -> Decimal:
    """One step of the last digit printed, in base units (a report has few pairs)."""
    return EXACT.multiply(Decimal(1).scaleb(-places), scale)


@lru_cache(maxsize=1024)
def half_last_place(places: int, scale: Decimal) -> Decimal | None:
    """Half a step: how far a figure rounded to nearest can be from its true value; None
    when that is outside the range factlint computes in."""
    try:
        return EXACT.divide(last_place(places, scale), 2)
    except ArithmeticError:
        return None


def _exact_product(a: Decimal, b: Decimal) -> Decimal:
    """``a * b`` without rounding (a figure's number times its scale)."""
    try:
        return _PRODUCT.multiply(a, b)
    except (Inexact, InvalidOperation):
        pass  # more digits than the fast path holds (a Figure built by hand), or a NaN
    with localcontext() as ctx:
        ctx.prec = len(a.as_tuple().digits) + len(b.as_tuple().digits) + 2
        ctx.Emax, ctx.Emin = 999_999_999, -999_999_999
        ctx.traps[Inexact] = True
        return a * b


@dataclass(frozen=True, slots=True)
class Figure:
    """One printed figure, taken apart. See ``factlint.numbers.figures`` and ``parse_figure``."""

    text: str
    number: Decimal
    upper: Decimal | None
    places: int
    scale: Decimal
    scale_text: str
    unit: str
    unit_text: str
    kind: str
    qualifier: str
    qualifier_text: str
    exact: bool
    template: str
    base: Decimal = field(init=False, repr=False, compare=False)
    """``number`` in the base unit (元, not 亿元; 0.765, not 76.5%), exactly."""
    radius: Decimal | None = field(init=False, repr=False, compare=False)
    """Half a unit in the last printed place, in base units: how far the true value of
    a figure rounded to nearest can be from it. None when out of the decimal range."""

    def __post_init__(self) -> None:
        # Computed once: every check of every rule reads them.
        object.__setattr__(self, "base", _exact_product(self.number, self.scale))
        object.__setattr__(self, "radius", half_last_place(self.places, self.scale))

    @property
    def upper_base(self) -> Decimal | None:
        return None if self.upper is None else _exact_product(self.upper, self.scale)

    def unit_in_last_place(self) -> Decimal:
        """One step of the last printed digit, in base units: ``162.24亿元`` -> ``1E6``."""
        return _exact_product(Decimal((0, (1,), -self.places)), self.scale)


_FigureDraft = draft_class(Figure)
_new = object.__new__


def figure_of_class(prototype: Figure, text: str, number: Decimal) -> Figure:
    """``replace(prototype, text=text, number=number)`` for a prototype with no upper
    bound, made without ``__init__`` (see ``records.draft_class``): the fast reader of
    common figures makes one per figure. ``base`` is computed as ``__post_init__`` computes
    it; ``radius`` depends only on the places and the scale, which the two share."""
    figure = _new(_FigureDraft)
    figure.text = text
    figure.number = number
    figure.upper = None
    figure.places = prototype.places
    figure.scale = scale = prototype.scale
    figure.scale_text = prototype.scale_text
    figure.unit = prototype.unit
    figure.unit_text = prototype.unit_text
    figure.kind = prototype.kind
    figure.qualifier = prototype.qualifier
    figure.qualifier_text = prototype.qualifier_text
    figure.exact = prototype.exact
    figure.template = prototype.template
    try:  # _exact_product's first step, in place (a common figure's digits always fit)
        figure.base = _PRODUCT.multiply(number, scale)
    except (Inexact, InvalidOperation):
        figure.base = _exact_product(number, scale)
    figure.radius = prototype.radius
    figure.__class__ = Figure
    made: Figure = figure
    return made

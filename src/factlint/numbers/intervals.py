"""Interval arithmetic over ``Decimal`` with open and closed ends and outward rounding.

A printed figure stands for the set of true values it could be a rounding of; every
computation on figures is a computation on those sets. Ends are ``Decimal`` or ``None``
for an unbounded side, and each end says whether it belongs to the interval.

>>> a = Interval(Decimal("38.5"), Decimal("39.5"))
>>> (a / Interval.point(Decimal(51))).contains(Decimal("39") / Decimal("51"))
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import (
    ROUND_CEILING,
    ROUND_FLOOR,
    Clamped,
    Context,
    Decimal,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
    Rounded,
    Underflow,
)

from factlint.records import dataclass

PRECISION = 60
EXPONENT_LIMIT = 10_000

_TRAPS = [InvalidOperation, DivisionByZero, Overflow, Underflow, Clamped]
# Directed rounding, for the ends of a computed interval: a lower end rounds down, an upper
# end up, so the interval never shrinks.
DOWN = Context(
    prec=PRECISION, rounding=ROUND_FLOOR, Emax=EXPONENT_LIMIT, Emin=-EXPONENT_LIMIT, traps=_TRAPS
)
UP = Context(
    prec=PRECISION, rounding=ROUND_CEILING, Emax=EXPONENT_LIMIT, Emin=-EXPONENT_LIMIT, traps=_TRAPS
)

# The same, rounding each end towards the inside: an interval inside the exact one.
INWARD = (
    Context(
        prec=PRECISION,
        rounding=ROUND_CEILING,
        Emax=EXPONENT_LIMIT,
        Emin=-EXPONENT_LIMIT,
        traps=_TRAPS,
    ),
    Context(
        prec=PRECISION,
        rounding=ROUND_FLOOR,
        Emax=EXPONENT_LIMIT,
        Emin=-EXPONENT_LIMIT,
        traps=_TRAPS,
    ),
)

# For the few operations that must not round at all (a figure plus half its last place).
EXACT = Context(
    prec=4 * PRECISION,
    Emax=EXPONENT_LIMIT,
    Emin=-EXPONENT_LIMIT,
    traps=[*_TRAPS, Inexact, Rounded],
)

ZERO = Decimal(0)

# The contexts Interval's operations round with: (lower end, upper end). Outwards (DOWN,
# UP) unless ``directed_rounding`` says otherwise for this thread or task.
_DIRECTED: ContextVar[tuple[Context, Context]] = ContextVar("directed", default=(DOWN, UP))


def directed_contexts() -> tuple[Context, Context]:
    """The contexts interval ends are rounded with here: (lower end, upper end)."""
    return _DIRECTED.get()


@contextmanager
def directed_rounding(*, inward: bool = False) -> Iterator[Callable[[], bool]]:
    """Interval arithmetic, in this thread or task, with contexts of its own: yields a
    function saying whether any operation had to round (rather than being exact).

    ``inward`` rounds each computed end towards the inside instead: where every fact
    occurs once, each end is one directed operation on the inputs' ends, so the interval
    computed so is inside the exact one (or empty: ``ValueError``). A claim that holds on
    the outward interval but not on the inward one holds or fails only past the last of
    ``PRECISION`` digits.
    """
    down, up = DOWN.copy(), UP.copy()
    if inward:
        down.rounding, up.rounding = ROUND_CEILING, ROUND_FLOOR
    down.clear_flags()
    up.clear_flags()
    token = _DIRECTED.set((down, up))
    try:
        yield lambda: bool(down.flags[Inexact] or up.flags[Inexact])
    finally:
        _DIRECTED.reset(token)


class ArithmeticLimit(ArithmeticError):
    """A result outside the bounded decimal range factlint computes in."""


class DivisionByZeroInterval(ArithmeticError):
    """The divisor's interval contains zero, so the quotient is not bounded."""


@dataclass(frozen=True)
class Interval:
    """A non-empty set of reals between two ends; ``None`` is an unbounded end."""

    lo: Decimal | None
    hi: Decimal | None
    lo_closed: bool = True
    hi_closed: bool = True

    def __post_init__(self) -> None:
        if self.lo is None and self.lo_closed:
            object.__setattr__(self, "lo_closed", False)
        if self.hi is None and self.hi_closed:
            object.__setattr__(self, "hi_closed", False)
        lo, hi = self.lo, self.hi
        if (
            lo is not None
            and hi is not None
            and (lo > hi or (lo == hi and not (self.lo_closed and self.hi_closed)))
        ):
            raise ValueError(f"empty interval {self!r}")

    @classmethod
    def point(cls, value: Decimal) -> Interval:
        return cls(value, value)

    @property
    def is_point(self) -> bool:
        return self.lo is not None and self.lo == self.hi

    def contains(self, value: Decimal) -> bool:
        above = self.lo is None or value > self.lo or (value == self.lo and self.lo_closed)
        below = self.hi is None or value < self.hi or (value == self.hi and self.hi_closed)
        return above and below

    def contains_zero(self) -> bool:
        return self.contains(ZERO)

    def __neg__(self) -> Interval:
        return Interval(negated(self.hi), negated(self.lo), self.hi_closed, self.lo_closed)

    def __add__(self, other: Interval) -> Interval:
        down, up = _DIRECTED.get()
        lo = None if self.lo is None or other.lo is None else _exact_or(down.add, self.lo, other.lo)
        hi = None if self.hi is None or other.hi is None else _exact_or(up.add, self.hi, other.hi)
        return Interval(
            lo, hi, self.lo_closed and other.lo_closed, self.hi_closed and other.hi_closed
        )

    def __sub__(self, other: Interval) -> Interval:
        return self + (-other)

    def __mul__(self, other: Interval) -> Interval:
        return _hull([_product(a, b) for a in self._ends() for b in other._ends()])

    def __truediv__(self, other: Interval) -> Interval:
        """Each end is one quotient of two ends, rounded once, outwards (an open end
        stays exactly where it is: a tie at it is outside). Raises DivisionByZeroInterval
        when zero is inside the divisor."""
        if other.contains_zero():
            raise DivisionByZeroInterval
        if self._closed_and_bounded() and other._closed_and_bounded():
            assert self.lo is not None and self.hi is not None  # for type checkers
            assert other.lo is not None and other.hi is not None
            try:
                low, high = closed_quotient(self.lo, self.hi, other.lo, other.hi, _DIRECTED.get())
            except (Overflow, Underflow, Clamped, InvalidOperation) as exc:
                raise _limit(exc) from None
            return Interval(low, high)
        # The divisor lies on one side of zero (zero at most an open end of it).
        side = 1 if (other.hi is None or other.hi > 0) else -1
        quotients = [
            q
            for a in self._ends()
            for b in other._ends()
            if (q := _quotient(a, b, side)) is not None
        ]
        return _hull(quotients)

    def __abs__(self) -> Interval:
        if self.lo is not None and (self.lo > 0 or (self.lo == 0 and self.lo_closed)):
            return self
        if self.hi is not None and (self.hi < 0 or (self.hi == 0 and self.hi_closed)):
            return -self
        # Zero is inside: the absolute value reaches down to it.
        neg = -self
        if neg.hi is None or self.hi is None:
            return Interval(ZERO, None)
        if neg.hi > self.hi:
            return Interval(ZERO, neg.hi, True, neg.hi_closed)
        if self.hi > neg.hi:
            return Interval(ZERO, self.hi, True, self.hi_closed)
        return Interval(ZERO, self.hi, True, self.hi_closed or neg.hi_closed)

    def minimum(self, other: Interval) -> Interval:
        lo, lo_closed = _lower_of(self, other)
        hi, hi_closed = _smaller_upper(self, other)
        return Interval(lo, hi, lo_closed, hi_closed)

    def maximum(self, other: Interval) -> Interval:
        return -((-self).minimum(-other))

    def intersects(self, other: Interval) -> bool:
        lo, lo_closed = _larger_lower(self, other)
        hi, hi_closed = _smaller_upper(self, other)
        if lo is None or hi is None:
            return True
        return lo < hi or (lo == hi and lo_closed and hi_closed)

    def widened(self, amount: Decimal) -> Interval:
        """Both ends moved outwards by a non-negative amount; the new ends are closed."""
        down, up = _DIRECTED.get()
        lo = None if self.lo is None else _exact_or(down.subtract, self.lo, amount)
        hi = None if self.hi is None else _exact_or(up.add, self.hi, amount)
        if amount == 0:
            return self
        return Interval(lo, hi, True, True)

    def magnitude(self) -> Decimal | None:
        """The largest absolute value in the interval, None when unbounded."""
        if self.lo is None or self.hi is None:
            return None
        return max(self.lo.copy_abs(), self.hi.copy_abs())  # abs() rounds to 28 digits

    def _closed_and_bounded(self) -> bool:
        return self.lo is not None and self.hi is not None and self.lo_closed and self.hi_closed

    def _ends(self) -> tuple[_End, _End]:
        return (
            _End(self.lo, self.lo_closed, -1 if self.lo is None else 0),
            _End(self.hi, self.hi_closed, 1 if self.hi is None else 0),
        )


@dataclass(frozen=True)
class _End:
    """An interval end: a value, or an infinite end when ``sign`` is -1 or +1."""

    value: Decimal | None
    closed: bool
    sign: int = 0


@dataclass(frozen=True)
class _Product:
    """One endpoint product, rounded both ways; ``sign`` ±1 marks an infinite product."""

    down: Decimal
    up: Decimal
    closed: bool
    sign: int = 0


def _product(a: _End, b: _End) -> _Product:
    # A closed zero end makes the product 0 attained whatever the other end is.
    zero_attained = (a.value == ZERO and a.closed) or (b.value == ZERO and b.closed)
    if a.sign or b.sign:
        other = b if a.sign else a
        if other.value == ZERO:
            # 0 times an unbounded end counts as 0, the usual convention for endpoint
            # products; the unbounded side is carried by the other candidates.
            return _Product(ZERO, ZERO, zero_attained)
        sign = (a.sign or _sign(a.value)) * (b.sign or _sign(b.value))
        return _Product(ZERO, ZERO, False, sign)
    assert a.value is not None and b.value is not None
    lower, upper = _DIRECTED.get()
    down = _exact_or(lower.multiply, a.value, b.value)
    up = _exact_or(upper.multiply, a.value, b.value)
    return _Product(down, up, (a.closed and b.closed) or zero_attained)


def _quotient(a: _End, b: _End, side: int) -> _Product | None:
    """``a / b`` for ends of a dividend and of a divisor on the ``side`` of zero (+1, -1).
    None for a candidate that never bounds the quotient (0/0 at an open zero end of the
    divisor, ∞/∞: the other candidates carry those corners)."""
    if b.sign:  # an unbounded divisor end: the quotient tends to 0
        if a.sign:
            return None
        return _Product(ZERO, ZERO, a.value == ZERO and a.closed)
    assert b.value is not None
    if b.value == ZERO:  # an open end of the divisor at zero: the quotient is unbounded
        sign = a.sign or _sign(a.value)
        return None if sign == 0 else _Product(ZERO, ZERO, False, sign * side)
    if a.sign:
        return _Product(ZERO, ZERO, False, a.sign * _sign(b.value))
    assert a.value is not None
    lower, upper = _DIRECTED.get()
    down = _calc(lower.divide, a.value, b.value)
    up = _calc(upper.divide, a.value, b.value)
    return _Product(down, up, (a.closed and b.closed) or (a.value == ZERO and a.closed))


def _hull(candidates: list[_Product]) -> Interval:
    """The smallest interval holding every candidate end (a product or a quotient of the
    operands' ends): an end is closed when some candidate attains it."""
    lo = min(candidates, key=lambda p: _order_key(p.sign, p.down))
    hi = max(candidates, key=lambda p: _order_key(p.sign, p.up))
    lo_value = None if lo.sign else lo.down
    hi_value = None if hi.sign else hi.up
    lo_closed = lo_value is not None and any(
        p.closed and not p.sign and p.down == lo_value for p in candidates
    )
    hi_closed = hi_value is not None and any(
        p.closed and not p.sign and p.up == hi_value for p in candidates
    )
    return Interval(lo_value, hi_value, lo_closed, hi_closed)


def _order_key(sign: int, value: Decimal) -> tuple[int, Decimal]:
    return (sign, value if not sign else ZERO)


def _sign(value: Decimal | None) -> int:
    if value is None or value == 0:
        return 0
    return 1 if value > 0 else -1


def negated(value: Decimal | None) -> Decimal | None:
    # Not -value: unary minus rounds to the thread's context (28 digits by default), which
    # would move an end inwards and could even make an interval empty.
    return None if value is None else value.copy_negate()


_EXACT_OPERATIONS = {"add": EXACT.add, "subtract": EXACT.subtract, "multiply": EXACT.multiply}


def _exact_or(operation: Callable[[Decimal, Decimal], Decimal], a: Decimal, b: Decimal) -> Decimal:
    """The exact result when it has at most ``4 * PRECISION`` digits (sums and products of
    printed figures nearly always), else ``operation``'s directed rounding. The fast path
    adds and multiplies exactly too, so the two never differ on a printed figure."""
    try:
        return _EXACT_OPERATIONS[operation.__name__](a, b)
    except (Inexact, Rounded):
        return _calc(operation, a, b)
    except (Overflow, Underflow, Clamped, InvalidOperation) as exc:
        raise _limit(exc) from None


def _calc(operation: Callable[[Decimal, Decimal], Decimal], a: Decimal, b: Decimal) -> Decimal:
    try:
        return operation(a, b)
    except (Overflow, Underflow, Clamped, InvalidOperation) as exc:
        raise _limit(exc) from None


def _limit(exc: ArithmeticError) -> ArithmeticLimit:
    return ArithmeticLimit(
        f"a result is outside the range factlint computes in ({exc.__class__.__name__})"
    )


def closed_quotient(
    lo: Decimal,
    hi: Decimal,
    d_lo: Decimal,
    d_hi: Decimal,
    contexts: tuple[Context, Context] = (DOWN, UP),
) -> tuple[Decimal, Decimal]:
    """``[lo, hi] / [d_lo, d_hi]`` for closed, bounded intervals: each end is one
    quotient of two ends, rounded once, outwards. Raises DivisionByZeroInterval when
    the divisor contains zero, and the decimal signals of the directed contexts.

    Which ends give the extremes follows from the signs (rounding is monotone, so the
    rounded extreme is the extreme of the rounded candidates):

    >>> closed_quotient(Decimal(38), Decimal(40), Decimal(50), Decimal(52))
    (Decimal('0.730769230769230769230769230769230769230769230769230769230769'), Decimal('0.8'))
    """
    down, up = contexts
    if d_lo > 0:
        if lo >= 0:
            return down.divide(lo, d_hi), up.divide(hi, d_lo)
        if hi <= 0:
            return down.divide(lo, d_lo), up.divide(hi, d_hi)
        return down.divide(lo, d_lo), up.divide(hi, d_lo)
    if d_hi < 0:
        if lo >= 0:
            return down.divide(hi, d_hi), up.divide(lo, d_lo)
        if hi <= 0:
            return down.divide(hi, d_lo), up.divide(lo, d_hi)
        return down.divide(hi, d_hi), up.divide(lo, d_hi)
    raise DivisionByZeroInterval


def _larger_lower(a: Interval, b: Interval) -> tuple[Decimal | None, bool]:
    if a.lo is None:
        return b.lo, b.lo_closed
    if b.lo is None:
        return a.lo, a.lo_closed
    if a.lo != b.lo:
        return (a.lo, a.lo_closed) if a.lo > b.lo else (b.lo, b.lo_closed)
    return a.lo, a.lo_closed and b.lo_closed


def _lower_of(a: Interval, b: Interval) -> tuple[Decimal | None, bool]:
    if a.lo is None or b.lo is None:
        return None, False
    if a.lo != b.lo:
        return (a.lo, a.lo_closed) if a.lo < b.lo else (b.lo, b.lo_closed)
    return a.lo, a.lo_closed or b.lo_closed


def _smaller_upper(a: Interval, b: Interval) -> tuple[Decimal | None, bool]:
    if a.hi is None:
        return b.hi, b.hi_closed
    if b.hi is None:
        return a.hi, a.hi_closed
    if a.hi != b.hi:
        return (a.hi, a.hi_closed) if a.hi < b.hi else (b.hi, b.hi_closed)
    return a.hi, a.hi_closed and b.hi_closed

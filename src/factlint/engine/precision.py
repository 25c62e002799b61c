"""Claims decided past the bounded precision: "cannot check", never a guess.

Interval ends are computed with ``PRECISION`` (60) significant digits, rounded outwards
where a result is not exact (a quotient nearly always; a sum or product only past 240
digits). A claim that fails on those intervals fails on the exact ones too. A claim that
holds may hold only thanks to that last rounding (``1e37 + 1e-29 == 1e37`` in exact mode,
were the sum rounded): when some end was rounded, the claim is evaluated again with every
end rounded inwards (an interval inside the exact one, where each fact occurs once). It
holds there, or it is "cannot check": which way it goes lies past the digits factlint
computes with.
"""

from __future__ import annotations

from collections.abc import Callable

from factlint.engine.evaluation import CannotCheck
from factlint.numbers.intervals import PRECISION, Interval, directed_rounding
from factlint.numbers.quantities import Quantity

BEYOND = (
    f"whether it holds is decided only past the {PRECISION} significant digits factlint "
    "computes with"
)

Sides = tuple[Callable[[], Quantity], Callable[[], Quantity]]
"""The two sides of a claim, each computed when called (with the rounding in force)."""
Holds = Callable[[Quantity, Quantity], bool]


def outward(sides: Sides, holds: Holds) -> tuple[bool, bool, Quantity, Quantity]:
    """The claim decided on outward-rounded sides: (holds, some end rounded, the sides)."""
    with directed_rounding() as rounded:
        left, right = sides[0](), sides[1]()
        verdict = holds(left, right)
        return verdict, rounded(), left, right


def holds_inward(sides: Sides, holds: Holds, *, ordered: bool = False) -> bool:
    """Whether the claim surely holds, given that it holds on outward-rounded sides.

    Each side is computed again rounded inwards: inside its exact values. A side whose
    exact values are narrower than the last digit (a quotient of exact figures, such as
    39项 / 51项) has no interval inside them; its outward one is used instead, and then
    every value of it must satisfy the claim with some value of the other side (for the
    comparisons, those values form an interval, so its two ends are enough). When both
    sides are that narrow (``1/3 <= 1 + 1/3`` of exact figures), an order (``<``, ``<=``,
    ``>``, ``>=`` with no tolerance: ``ordered``) surely holds when it holds for every
    pair of their outward ends."""
    left_outward, right_outward = sides[0](), sides[1]()
    with directed_rounding(inward=True):
        left = _inward(sides[0])
        right = _inward(sides[1])
        if left is not None and right is not None:
            return holds(left, right)
        if left is None and right is not None:
            return all(holds(end, right) for end in _ends(left_outward))
        if right is None and left is not None:
            return all(holds(left, end) for end in _ends(right_outward))
    if left is None and right is None and ordered:
        pairs = [(a, b) for a in _ends(left_outward) for b in _ends(right_outward)]
        return bool(pairs) and all(holds(a, b) for a, b in pairs)
    return False


def _inward(side: Callable[[], Quantity]) -> Quantity | None:
    try:
        return side()
    except ValueError:  # an end rounded inwards past the other: narrower than a digit
        return None


def _ends(quantity: Quantity) -> list[Quantity]:
    interval = quantity.interval
    if interval.lo is None or interval.hi is None:
        return []  # unbounded: never narrower than a digit
    return [
        Quantity(Interval.point(interval.lo), quantity.unit),
        Quantity(Interval.point(interval.hi), quantity.unit),
    ]


def sure_verdict(sides: Sides, holds: Holds, *, ordered: bool = False) -> bool | None:
    """True when the claim surely holds, False when it fails, None when it holds only
    within the last digit's rounding (which way it goes is past the digits)."""
    verdict, rounded, _, _ = outward(sides, holds)
    if not verdict or not rounded:
        return verdict
    return True if holds_inward(sides, holds, ordered=ordered) else None


def confirm(sides: Sides, holds: Holds, *, ordered: bool = False) -> None:
    """Raise CannotCheck when a claim that holds outwards does not surely hold."""
    if not holds_inward(sides, holds, ordered=ordered):
        raise CannotCheck(BEYOND)

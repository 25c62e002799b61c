"""Claims that use a fact more than once, decided as one value per fact.

Interval arithmetic treats every occurrence of a fact as a value of its own: with a = b =
10亿元, ``a / (a + b)`` evaluates to [45.2%, 55.3%] although, a being one value, it lies in
[47.5%, 52.5%]; ``x - x`` spans [-1, 1]亿元 although it is 0. A claim is consistent when
there are true values, one per fact, that satisfy it (docs/design.md §3), so such a claim is
decided by splitting the intervals of the repeated facts:

- a part of their intervals on which the claim fails, evaluated as intervals (each
  occurrence on its own, which only widens the sides), holds no such values: dropped;
- a point of it on which the claim holds, evaluated with each repeated fact pinned to that
  one value (the facts left occur once each, where interval evaluation is exact), is a
  witness: the claim is consistent;
- anything else is split in two along the repeated fact it is widest in, and both halves
  are looked at again.

When every part is dropped the claim is inconsistent. The work is bounded
(``MAX_PARTS``); a claim still undecided then (a repeated fact with an unbounded interval,
a claim that holds only at a point no split lands on) is "cannot check", with the reason.

>>> from factlint.rules.expression_parser import parse_check
>>> repeated_names(parse_check("s == a / (a + b)"))
['a']
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from itertools import pairwise, product

from factlint.engine.evaluation import CannotCheck, Resolver, decide, evaluate
from factlint.engine.precision import BEYOND
from factlint.numbers.intervals import EXACT, Interval, directed_rounding
from factlint.numbers.quantities import Quantity
from factlint.rules.expressions import (
    Binary,
    Comparison,
    Name,
    Node,
    Number,
    Unary,
    children,
    unparse,
)

MAX_PARTS = 512
"""How many parts of the repeated facts' intervals are looked at, at most, per claim."""

Box = dict[str, Interval]
Holds = Callable[[Quantity, Quantity], bool]
Sides = tuple[Callable[[], Quantity], Callable[[], Quantity]]


def repeated_names(claim: Comparison) -> list[str]:
    """The fact ids the claim names more than once, in order of first appearance."""
    counts: dict[str, int] = {}
    stack: list[Node | Comparison] = [claim]
    while stack:
        node = stack.pop()
        if isinstance(node, Name):
            counts[node.name] = counts.get(node.name, 0) + 1
        else:
            stack.extend(reversed(children(node)))
    return [name for name, count in counts.items() if count > 1]


def decide_repeated(
    claim: Comparison,
    names: Sequence[str],
    resolve: Resolver,
    holds: Holds,
    surely: Callable[[Sides, Holds], bool | None],
    exact_op: str | None = None,
) -> bool:
    """Whether the claim holds for one value per fact (``names`` are the repeated ones);
    raises CannotCheck when that is not decided within ``MAX_PARTS`` parts. ``holds``
    decides on two sides; ``surely`` on sides computed again as it needs (``precision``):
    a witness must hold past any rounding (True; None when it holds only within it).
    ``exact_op`` is the claim's comparison when it holds exactly as written (no
    tolerance): then a part on which both sides move one way with each repeated fact is
    decided at once (``_monotone_verdict``)."""
    whole: Box = {}
    for name in names:
        interval = resolve(Name(name, 0)).interval
        if not interval.is_point:  # a point is one value already
            whole[name] = interval
    if not whole:
        verdict = surely(_thunks(claim, resolve, {}), holds)
        if verdict is None:
            raise CannotCheck(BEYOND)
        return verdict
    parts: deque[Box] = deque([whole])
    looked_at = 0
    while parts:
        if looked_at == MAX_PARTS:
            shown = ", ".join(whole)
            raise CannotCheck(
                f"{shown} {'is' if len(whole) == 1 else 'are'} used more than once, and the "
                f"claim was not decided as one value per fact within {MAX_PARTS} steps"
            )
        looked_at += 1
        box = parts.popleft()
        if not holds(*_sides(claim, resolve, box)):
            continue  # no values in this part satisfy it
        if exact_op is not None:
            if _mean_value_excludes(claim, exact_op, resolve, box):
                continue
            monotone = _monotone_verdict(claim, exact_op, resolve, box)
            if monotone is not None:
                if monotone:
                    return True
                continue
        for point in _witnesses(box):
            if surely(_thunks(claim, resolve, point), holds) is True:
                return True
        parts.extend(_halves(box, whole))
    return False


def _sides(
    claim: Comparison, resolve: Resolver, box: Mapping[str, Interval]
) -> tuple[Quantity, Quantity]:
    left, right = _thunks(claim, resolve, box)
    return left(), right()


def _thunks(claim: Comparison, resolve: Resolver, box: Mapping[str, Interval]) -> Sides:
    """The claim's two sides with the repeated facts pinned to ``box``, each computed when
    called."""

    def pinned(node: Node) -> Quantity:
        if isinstance(node, Name) and node.name in box:
            return Quantity(box[node.name], resolve(node).unit)
        return resolve(node)

    return (lambda: evaluate(claim.left, pinned), lambda: evaluate(claim.right, pinned))


def _witnesses(box: Box) -> Iterator[Box]:
    """Points of the part to try: its middle, and with one or two repeated facts its
    corners (the ends that belong to the intervals)."""
    middles = {name: _inside(interval) for name, interval in box.items()}
    if all(value is not None for value in middles.values()):
        yield {name: Interval.point(value) for name, value in middles.items()}  # type: ignore[arg-type]
    if len(box) > 2:
        return
    choices = [_closed_ends(interval) for interval in box.values()]
    for corner in product(*choices):
        yield {name: Interval.point(value) for name, value in zip(box, corner, strict=True)}


def _closed_ends(interval: Interval) -> list[Decimal]:
    ends = []
    if interval.lo is not None and interval.lo_closed:
        ends.append(interval.lo)
    if interval.hi is not None and interval.hi_closed and interval.hi != interval.lo:
        ends.append(interval.hi)
    return ends


def _inside(interval: Interval) -> Decimal | None:
    """A value inside the interval: its middle, or one step in from its one bounded end."""
    if interval.lo is not None and interval.hi is not None:
        return _middle(interval)
    return _cut(interval)


def _middle(interval: Interval) -> Decimal | None:
    if interval.lo is None or interval.hi is None:
        return None
    try:
        return EXACT.divide(EXACT.add(interval.lo, interval.hi), 2)
    except ArithmeticError:
        return None  # more digits than an exact middle holds


def _halves(box: Box, whole: Box) -> list[Box]:
    """The part split in two along the repeated fact it is widest in (relative to that
    fact's whole interval; an unbounded one first)."""
    name = max(box, key=lambda n: _share(box[n], whole[n]))
    interval = box[name]
    cut = _cut(interval)
    if cut is None:
        raise CannotCheck(
            f"{name} is used more than once, and splitting its interval needs more digits "
            "than factlint computes with"
        )
    lower = Interval(interval.lo, cut, interval.lo_closed, True)
    upper = Interval(cut, interval.hi, True, interval.hi_closed)
    return [{**box, name: lower}, {**box, name: upper}]


def _share(part: Interval, whole: Interval) -> Decimal:
    if part.lo is None or part.hi is None or whole.lo is None or whole.hi is None:
        return Decimal("Infinity")
    if whole.hi == whole.lo:
        return Decimal(0)
    return (part.hi - part.lo) / (whole.hi - whole.lo)


def _cut(interval: Interval) -> Decimal | None:
    lo, hi = interval.lo, interval.hi
    try:
        if lo is not None and hi is not None:
            return None if lo == hi else EXACT.divide(EXACT.add(lo, hi), 2)
        if lo is not None:  # (lo, ∞): cut further out each time
            return EXACT.add(lo, EXACT.add(lo.copy_abs(), 1))
        if hi is not None:
            return EXACT.subtract(hi, EXACT.add(hi.copy_abs(), 1))
        return Decimal(0)
    except ArithmeticError:
        return None


def refined_sides(
    claim: Comparison, names: Sequence[str], resolve: Resolver, pieces: int = 64
) -> tuple[Quantity, Quantity]:
    """Both sides of a claim with repeated facts, each the hull of its values over a grid
    of pieces of the repeated facts' intervals: still an outer bound, much tighter than
    one interval evaluation, for the finding to show (the computed range, the figure the
    claim would read)."""
    grids: dict[str, list[Interval]] = {}
    for name in names:
        interval = resolve(Name(name, 0)).interval
        if not interval.is_point and interval.lo is not None and interval.hi is not None:
            grids[name] = _pieces(interval, max(1, int(pieces ** (1 / max(1, len(names))))))
    left: Quantity | None = None
    right: Quantity | None = None
    for combination in product(*grids.values()):
        box = dict(zip(grids, combination, strict=True))
        a, b = _sides(claim, resolve, box)
        a = Quantity(_tightened(claim.left, a.interval, resolve, box), a.unit)
        b = Quantity(_tightened(claim.right, b.interval, resolve, box), b.unit)
        left = a if left is None else Quantity(_hull(left.interval, a.interval), a.unit)
        right = b if right is None else Quantity(_hull(right.interval, b.interval), b.unit)
    assert left is not None and right is not None
    return left, right


def _tightened(side: Node, values: Interval, resolve: Resolver, box: Box) -> Interval:
    """``values`` (a side over a part) cut down by the side's mean value form there."""
    middles = {name: _middle(interval) for name, interval in box.items()}
    if not box or any(value is None for value in middles.values()):
        return values
    try:
        pinned = {n: Interval.point(m) for n, m in middles.items()}  # type: ignore[arg-type]
        found = _value_and_slope(side, "", resolve, pinned)
        if found is None:
            return values
        enclosure = found[0]
        for name, interval in box.items():
            slope = _value_and_slope(side, name, resolve, box)
            if slope is None:
                return values
            enclosure = enclosure + slope[1] * (interval - pinned[name])
        return _meet(values, enclosure)
    except (ValueError, CannotCheck, ArithmeticError, RecursionError):
        return values


def _meet(a: Interval, b: Interval) -> Interval:
    """The intersection of two intervals that both hold the same values."""
    if a.lo is None or (b.lo is not None and (b.lo > a.lo or (b.lo == a.lo and not b.lo_closed))):
        lo, lo_closed = b.lo, b.lo_closed
    else:
        lo, lo_closed = a.lo, a.lo_closed
    if a.hi is None or (b.hi is not None and (b.hi < a.hi or (b.hi == a.hi and not b.hi_closed))):
        hi, hi_closed = b.hi, b.hi_closed
    else:
        hi, hi_closed = a.hi, a.hi_closed
    return Interval(lo, hi, lo_closed, hi_closed)


def _pieces(interval: Interval, count: int) -> list[Interval]:
    assert interval.lo is not None and interval.hi is not None
    try:
        step = EXACT.divide(EXACT.subtract(interval.hi, interval.lo), count)
        cuts = [EXACT.add(interval.lo, EXACT.multiply(step, i)) for i in range(1, count)]
    except ArithmeticError:
        return [interval]
    ends = [interval.lo, *cuts, interval.hi]
    return [
        Interval(
            lo,
            hi,
            interval.lo_closed if i == 0 else True,
            interval.hi_closed if i == count - 1 else True,
        )
        for i, (lo, hi) in enumerate(pairwise(ends))
    ]


def _hull(a: Interval, b: Interval) -> Interval:
    if a.lo is None or b.lo is None:
        lo, lo_closed = None, False
    elif a.lo != b.lo:
        lo, lo_closed = (a.lo, a.lo_closed) if a.lo < b.lo else (b.lo, b.lo_closed)
    else:
        lo, lo_closed = a.lo, a.lo_closed or b.lo_closed
    if a.hi is None or b.hi is None:
        hi, hi_closed = None, False
    elif a.hi != b.hi:
        hi, hi_closed = (a.hi, a.hi_closed) if a.hi > b.hi else (b.hi, b.hi_closed)
    else:
        hi, hi_closed = a.hi, a.hi_closed or b.hi_closed
    return Interval(lo, hi, lo_closed, hi_closed)


def _monotone_verdict(claim: Comparison, op: str, resolve: Resolver, box: Box) -> bool | None:
    """The claim decided on one part, when the difference of its sides, D = left − right,
    strictly rises or falls with each repeated fact there (its slope in each, computed
    as an interval over the whole part, excludes zero): D's values are then exactly those
    from its lowest corner to its highest (each corner pins the repeated facts to ends of
    the part; the facts left occur once, where interval evaluation is exact), and the
    claim holds when some value of D compares with 0 as the claim says. None when a slope
    may be zero, a corner is unbounded, or the verdict holds only within rounding."""
    low: dict[str, Interval] = {}
    high: dict[str, Interval] = {}
    low_reached = high_reached = True
    for name, interval in box.items():
        slope = _slope_of_difference(claim, name, resolve, box)
        if slope is None:
            return None
        rising = slope.lo is not None and (slope.lo > 0 or (slope.lo == 0 and not slope.lo_closed))
        falling = slope.hi is not None and (slope.hi < 0 or (slope.hi == 0 and not slope.hi_closed))
        if not (rising or falling):
            return None
        (lo, lo_in), (hi, hi_in) = (
            ((interval.lo, interval.lo_closed), (interval.hi, interval.hi_closed))
            if rising
            else ((interval.hi, interval.hi_closed), (interval.lo, interval.lo_closed))
        )
        if lo is None or hi is None:
            return None
        low[name], high[name] = Interval.point(lo), Interval.point(hi)
        low_reached, high_reached = low_reached and lo_in, high_reached and hi_in
    zero = Quantity(Interval.point(Decimal(0)))
    test = Comparison(op, claim.left, claim.right, claim.column)

    def verdict() -> bool:
        bottom = _difference(claim, resolve, low)
        top = _difference(claim, resolve, high)
        reached = (bottom.lo_closed and low_reached, top.hi_closed and high_reached)
        return decide(test, Quantity(Interval(bottom.lo, top.hi, *reached)), zero)

    try:
        if not verdict():
            return False
        with directed_rounding(inward=True):
            return True if verdict() else None
    except (ValueError, CannotCheck):
        return None


def _is_zero(slope: Interval | None) -> bool:
    return slope is not None and slope.lo == 0 and slope.hi == 0


def _difference(claim: Comparison, resolve: Resolver, box: Box) -> Interval:
    left, right = _sides(claim, resolve, box)
    return left.interval - right.interval


def _slope_of_difference(
    claim: Comparison, name: str, resolve: Resolver, box: Box
) -> Interval | None:
    """d(left − right)/d(name) over the part, as an interval; None when not computed (a
    function call, a chain too deep)."""
    try:
        left = _value_and_slope(claim.left, name, resolve, box)
        right = _value_and_slope(claim.right, name, resolve, box)
    except (RecursionError, ArithmeticError, ValueError):
        return None
    if left is None or right is None:
        return None
    return left[1] - right[1]


def _value_and_slope(
    node: Node, name: str, resolve: Resolver, box: Box
) -> tuple[Interval, Interval] | None:
    """Forward differentiation on intervals: the node's values and its slope in ``name``."""
    zero = Interval.point(Decimal(0))
    if isinstance(node, Name):
        if node.name in box:
            slope = Interval.point(Decimal(1 if node.name == name else 0))
            return box[node.name], slope
        return resolve(node).interval, zero
    if isinstance(node, Number):
        return resolve(node).interval, zero
    if isinstance(node, Unary):
        inner = _value_and_slope(node.operand, name, resolve, box)
        return None if inner is None else (-inner[0], -inner[1])
    if isinstance(node, Binary):
        if node.op in ("-", "/") and unparse(node.left) == unparse(node.right):
            # x - x and x / x, one value: 0 and 1 exactly, whatever x is (x / x was
            # evaluated first, so x is away from zero).
            return (Interval.point(Decimal(1)) if node.op == "/" else zero), zero
        left = _value_and_slope(node.left, name, resolve, box)
        right = _value_and_slope(node.right, name, resolve, box)
        if left is None or right is None:
            return None
        (a, da), (b, db) = left, right
        if node.op == "+":
            return a + b, da + db
        if node.op == "-":
            return a - b, da - db
        if node.op == "*":
            return a * b, da * b + a * db
        return a / b, (da * b - a * db) / (b * b)
    return None  # abs, min, max, sum: no slope here


def _mean_value_excludes(claim: Comparison, op: str, resolve: Resolver, box: Box) -> bool:
    """Whether the mean value form shows no values in the part satisfy the claim: D =
    left − right lies in D(middle) + Σ slope_i · (part_i − middle_i), an outer bound that
    tightens with the square of the part's width where plain interval evaluation only
    tightens with the width."""
    slopes = {name: _slope_of_difference(claim, name, resolve, box) for name in box}
    # A fact D does not depend on (a zero slope: x - x, x / x) can be pinned anywhere.
    middles = {
        name: _inside(interval) if _is_zero(slopes[name]) else _middle(interval)
        for name, interval in box.items()
    }
    if any(value is None for value in middles.values()):
        return False
    try:
        enclosure = _difference(claim, resolve, {n: Interval.point(m) for n, m in middles.items()})  # type: ignore[arg-type]
        for name, interval in box.items():
            slope = slopes[name]
            if slope is None:
                return False
            if _is_zero(slope):
                continue
            enclosure = enclosure + slope * (interval - Interval.point(middles[name]))  # type: ignore[arg-type]
        test = Comparison(op, claim.left, claim.right, claim.column)
        return not decide(test, Quantity(enclosure), Quantity(Interval.point(Decimal(0))))
    except (ValueError, CannotCheck, ArithmeticError):
        return False

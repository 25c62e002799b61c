"""Deciding a candidate relation on the intervals its printed figures stand for
(docs/design.md §3): whether it holds, holds only under truncation, misses by one in the last
digit or by a power of ten, and the figure the statement would read."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal

from factlint.extract.detectors.base import (
    HOLDS,
    MISMATCH,
    OFF_BY_ONE,
    OFF_BY_SCALE,
    TRUNCATION,
    Item,
    Relation,
    where,
)
from factlint.extract.pipeline import Found
from factlint.numbers.figures import Figure, format_figure
from factlint.numbers.intervals import DivisionByZeroInterval, Interval
from factlint.numbers.quantities import NeedsTolerance, interval_of

_SCALES = tuple(k for k in range(-8, 9) if k)


def interval_or_none(item: Item, mode: str) -> Interval | None:
    try:
        return interval_of(item.figure, mode, exact=item.exact)
    except NeedsTolerance:
        return None


def judge(
    computed: dict[str, Interval | None], stated: Item, negate: bool = False
) -> tuple[str, str]:
    """How a computed value (per rounding mode) meets a stated figure, and the figure the
    statement would read under nearest rounding."""
    near, trunc = computed.get("nearest"), computed.get("truncate")
    said_near, said_trunc = (
        interval_or_none(stated, "nearest"),
        interval_or_none(stated, "truncate"),
    )
    if near is None or said_near is None:
        return "", ""
    if negate:
        near, trunc = -near, -trunc if trunc is not None else None
    would = would_read(near, stated.figure)
    if near.intersects(said_near):
        return HOLDS, ""
    if trunc is not None and said_trunc is not None and trunc.intersects(said_trunc):
        return TRUNCATION, would
    if stated.figure.qualifier:
        return "", ""
    step = stated.figure.unit_in_last_place()
    for sign in (1, -1):
        shifted = Interval.point(stated.figure.base + sign * step)
        if near.intersects(_widen_half(shifted, step)):
            return OFF_BY_ONE, would
    for power in _SCALES:
        scaled = near * Interval.point(Decimal(10) ** power)
        if scaled.intersects(said_near):
            return OFF_BY_SCALE, would
    return "", ""


def decide(
    computed: dict[str, Interval | None], stated: Item, negate: bool = False
) -> tuple[str, str] | None:
    """``judge`` for a relation the words assert: one that misses without a near-miss
    pattern is a ``mismatch``, not a coincidence. None when it cannot be computed (a
    figure needs a tolerance, a whole of zero) or the statement only bounds its value."""
    near = computed.get("nearest")
    if near is None or interval_or_none(stated, "nearest") is None:
        return None
    status, would = judge(computed, stated, negate)
    if status:
        return status, would
    if stated.figure.qualifier:
        return None
    return MISMATCH, would_read(-near if negate else near, stated.figure)


def _widen_half(point: Interval, step: Decimal) -> Interval:
    return point.widened(step / 2)


def would_read(near: Interval, like: Figure) -> str:
    if near.lo is None or near.hi is None:
        return ""
    middle = (near.lo + near.hi) / 2
    try:
        return format_figure(middle, like)
    except ValueError:
        return ""


def per_mode(function: Callable[..., Interval], *items: Item) -> dict[str, Interval | None]:
    out: dict[str, Interval | None] = {}
    for mode in ("nearest", "truncate"):
        intervals = [interval_or_none(i, mode) for i in items]
        if any(i is None for i in intervals):
            out[mode] = None
            continue
        try:
            out[mode] = function(*intervals)
        except (DivisionByZeroInterval, ArithmeticError):
            out[mode] = None
    return out


def point(function: Callable[..., Decimal], *items: Item) -> Decimal | None:
    try:
        return function(*(i.figure.base for i in items))
    except (ArithmeticError, ValueError):
        return None


def add_all(intervals: Sequence[Interval]) -> Interval:
    total = intervals[0]
    for interval in intervals[1:]:
        total = total + interval
    return total


def stated_sum(
    total: Item,
    tf: Found,
    parts: Sequence[tuple[Item, Found]],
    *,
    score: float,
    words: str,
    because: str = "",
) -> Iterator[Relation]:
    """The sum the text states (parts add up to ``total``), decided on the printed figures;
    ``because`` says why these parts make up that total, after the arithmetic."""
    items = [item for item, _ in parts]
    decided = decide(per_mode(lambda *xs: add_all(xs), *items), total)
    if decided is None:
        return
    status, would = decided
    value = point(lambda *xs: sum(xs, Decimal(0)), *items)
    shown = " + ".join(item.fact.value for item in items)
    added = "?" if value is None else format_figure(value, total.figure, total.figure.places + 1)
    evidence = (
        f"{shown} = {added}, printed {total.fact.value}{because} "
        f"({where(tf, *(found for _, found in parts))})"
    )
    rule = {"sum": {"parts": [item.id for item in items], "total": total.id}}
    ids = (total.id, *(item.id for item in items))
    yield Relation("sum", ids, status, score, rule, evidence, total.fact.value, would, words)

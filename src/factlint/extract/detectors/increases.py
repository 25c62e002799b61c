"""``growth-from-increase``: an increase over a level gives the stated rate
(218.7万人，比上年增加8630人，增长0.4%)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from factlint.extract.detectors.base import (
    HOLDS,
    OFF_BY_ONE,
    TRUNCATION,
    Index,
    Item,
    Relation,
    has,
    is_quantity,
    pct,
    same_unit,
    where,
)
from factlint.extract.detectors.judging import judge, per_mode, point
from factlint.extract.pipeline import Found
from factlint.numbers.intervals import Interval

_CHANGE_CUES = ("增加", "减少", "increase", "up by", "down by")
_FALL_CUES = ("减少", "down by")


def detect(index: Index) -> Iterator[Relation]:
    """218.7万人，比上年增加8630人，增长0.4%: the level, the change just before the rate."""
    for rate in index.items:
        if rate.fact.kind != "growth" or rate.figure.kind != "percent":
            continue
        for mention in rate.fact.mentions:
            before = sorted(
                (f.spot.start, i, f)
                for i, f, d in index.near(mention, 0)
                if d == 0 and is_quantity(i) and f.spot.start < mention.spot.start
            )
            if len(before) < 2:
                continue
            _, change, cf = before[-1]
            earlier = [(i, f) for _, i, f in before[:-1] if same_unit(i, change)]
            if earlier and earlier[-1][0].id != change.id:
                level, lf = earlier[-1]
                yield from _increase(rate, mention, level, lf, change, cf)


def _increase(
    rate: Item, mention: Found, level: Item, lf: Found, change: Item, cf: Found
) -> Iterator[Relation]:
    said = cf.context.before[-6:]
    if not has(said, _CHANGE_CUES):
        return
    # 减少8630人 is read as -8630人: the signed change needs no turning round
    fell = change.figure.number > 0 and has(said, _FALL_CUES)
    sign = "+" if fell else "-"

    def previous(now: Decimal | Interval, delta: Decimal | Interval) -> Decimal | Interval:
        return now + delta if fell else now - delta  # type: ignore[operator]

    status, would = judge(per_mode(lambda n, d: d / previous(n, d), level, change), rate)
    if status not in (HOLDS, TRUNCATION, OFF_BY_ONE):
        return
    value = point(lambda n, d: d / previous(n, d), level, change)
    delta = _signed(change.fact.value)
    evidence = (
        f"{delta} / ({level.fact.value} {sign} {delta}) = "
        f"{pct(value)}, printed {rate.fact.value} ({where(mention, lf, cf)})"
    )
    rule = {"check": f"{change.id} / ({level.id} {sign} {change.id}) == {rate.id}"}
    ids = (level.id, change.id, rate.id)
    score = 3.0 + (status == HOLDS)
    stated = rate.fact.value
    yield Relation("growth-from-increase", ids, status, score, rule, evidence, stated, would)


def _signed(value: str) -> str:
    return f"({value})" if value.startswith(("-", "−")) else value

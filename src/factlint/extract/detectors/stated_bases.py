"""``growth`` stated in words with last year's value printed beside this year's:

- 营业收入120亿元，比上年同期的100亿元增长20.0% — the base after 比上年(同期)的;
- 营业收入120亿元，上年同期为100亿元，增长20.0% (or in brackets: （上年同期为100亿元）);
- 营业收入120亿元，比上年增长20.0%，上年为100亿元 (or （上年为100亿元）).

This year's value is the quantity printed just before the base, of its unit. A decline word
(下降, 减少) makes the rate one of decline. Checked whatever the numbers say; a rate that
fails is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from factlint.extract.detectors.base import (
    Index,
    Item,
    Relation,
    is_quantity,
    pct,
    same_unit,
    where,
)
from factlint.extract.detectors.judging import decide, per_mode, point
from factlint.extract.pipeline import Found
from factlint.numbers.intervals import Interval

_SCORE = 5.0
_PERIOD = r"(?:上年同期|去年同期|上年|去年|上年末|上月)"
_BASE_INSIDE = re.compile(r"\s*[，,]\s*(?:比|较|較)\s*" + _PERIOD + r"\s*的?\s*")
_BASE_AFTER = re.compile(r"\s*[，,(（]\s*" + _PERIOD + r"\s*(?:为|為|是)?\s*")
_RATE_INSIDE = re.compile(r"\s*(?P<verb>增长|增長|下降|增加|减少|減少|提高|降低)了?\s*")
_RATE_AFTER = re.compile(
    r"\s*[)）]?\s*[，,]\s*(?:同比|比上年|比去年)?\s*(?P<verb>增长|增長|下降|增加|减少|減少|提高|降低)了?\s*"
)
_DOWN = ("下降", "减少", "減少", "降低")
_LEVEL_TO_RATE = re.compile(
    r"\s*[，,]\s*(?:同比|比上年同期|比上年|比去年同期|比去年|较上年同期|较上年|較上年同期|較上年)\s*"
    r"(?P<verb>增长|增長|下降|增加|减少|減少|提高|降低)了?\s*"
)
_BASE_LAST = re.compile(r"\s*[，,(（]\s*" + _PERIOD + r"\s*(?:为|為|是)\s*")
_ONE = Interval.point(Decimal(1))


def detect(index: Index) -> Iterator[Relation]:
    yield from _base_after_rate(index)
    order = index.in_order
    for position in range(2, len(order)):
        rate, rf = order[position]
        if rate.figure.kind != "percent" or rate.figure.qualifier:
            continue
        (base, bf), (level, lf) = order[position - 1], order[position - 2]
        if not (lf.sentence == bf.sentence == rf.sentence and lf.section == rf.section):
            continue
        before_base, before_rate = index.between(lf, bf), index.between(bf, rf)
        said = _RATE_INSIDE.fullmatch(before_rate) if _BASE_INSIDE.fullmatch(before_base) else None
        if said is None and _BASE_AFTER.fullmatch(before_base):
            said = _RATE_AFTER.fullmatch(before_rate)
        if said is None:
            continue
        if not (is_quantity(level) and is_quantity(base) and same_unit(level, base)):
            continue
        if level.id == base.id:
            continue
        yield from _growth(index, level, lf, base, bf, rate, rf, said.group("verb") in _DOWN)


def _base_after_rate(index: Index) -> Iterator[Relation]:
    """营业收入120亿元，比上年增长9.1%，上年为110亿元: the base printed after the rate."""
    order = index.in_order
    for position in range(2, len(order)):
        (level, lf), (rate, rf), (base, bf) = order[position - 2 : position + 1]
        if rate.figure.kind != "percent" or rate.figure.qualifier:
            continue
        if not (lf.sentence == rf.sentence == bf.sentence and lf.section == bf.section):
            continue
        said = _LEVEL_TO_RATE.fullmatch(index.between(lf, rf))
        if said is None or not _BASE_LAST.fullmatch(index.between(rf, bf)):
            continue
        if not (is_quantity(level) and is_quantity(base) and same_unit(level, base)):
            continue
        if level.id == base.id:
            continue
        yield from _growth(index, level, lf, base, bf, rate, rf, said.group("verb") in _DOWN)


def _growth(
    index: Index,
    level: Item,
    lf: Found,
    base: Item,
    bf: Found,
    rate: Item,
    rf: Found,
    down: bool,
) -> Iterator[Relation]:
    if rate.figure.number < 0 and not down:
        return  # a signed fall the words call a rise
    down = down and rate.figure.number > 0  # 下降10% is read as -10%: no negation
    decided = decide(per_mode(lambda c, p: c / p - _ONE, level, base), rate, negate=down)
    if decided is None:
        return
    status, would = decided
    value = point(lambda c, p: c / p - 1, level, base)
    evidence = (
        f"{level.fact.value} / {base.fact.value} - 1 = {pct(value)}, printed "
        f"{'-' if down else ''}{rate.fact.value} ({where(rf, lf, bf)})"
    )
    if down:
        rule: dict[str, object] = {"check": f"1 - {level.id} / {base.id} == {rate.id}"}
    else:
        rule = {"growth": {"current": level.id, "previous": base.id, "is": rate.id}}
    ids = (level.id, base.id, rate.id)
    words = index.quote(lf.context.clause[0], max(rf.spot.end, bf.spot.end))
    yield Relation("growth", ids, status, _SCORE, rule, evidence, rate.fact.value, would, words)

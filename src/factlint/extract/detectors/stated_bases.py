"""A change stated in words with the other period's value printed beside this one's:

- 营业收入120亿元，比上年同期的100亿元增长20.0% — the base after 比上年(同期)的 (较2020年的);
- 营业收入120亿元，上年同期为100亿元，增长20.0% (（上年同期为…）, 2月份为…，环比增长…,
  上年完成投资…: the period, the measure named again, 为);
- 营业收入120亿元，比上年增长20.0%，上年为100亿元 (or （上年为100亿元）);
- 2022年…税收收入15.8亿元。2023年…税收收入17.2亿元，比上年增长8.9% — the same measure a
  sentence before, under the year before.

The change is what the words make it: a rate (``growth``), an amount (增加8.3亿元: this
period's less the other's, ``difference``), percentage points between two percents
(较上年提高0.12个百分点，上年为2.53%; 增速比一季度回落1.2个百分点（一季度增长8.0%）), or a
multiple grown by (增长1.5倍: N + 1 times the base, ``times``). The period compared with may
be a date (2020年, 2月份, 一季度), read as words. This period's value is the quantity printed
just before the base, of its unit. A decline word (下降, 减少, 回落) turns the change round.
Checked whatever the numbers say; a change that fails is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from factlint.extract.detectors.base import (
    Index,
    Item,
    Relation,
    is_multiple,
    is_quantity,
    pct,
    same_unit,
    where,
)
from factlint.extract.detectors.in_effect import year_in_effect
from factlint.extract.detectors.judging import decide, per_mode, point
from factlint.extract.detectors.wording import normal_label
from factlint.extract.pipeline import Found
from factlint.numbers.figures import format_figure
from factlint.numbers.intervals import Interval

_SCORE = 5.0
# the period compared with: last year's, a month's, a quarter's, a year's printed as a date
# (dates are no values here: they are read as words)
_LAST = r"(?:上年同期|去年同期|上年末|上年底|上年|去年|上月|上季度|上半年|同期)"
_DATED = (
    r"(?:(?:\d{4}|[一二三四五六七八九〇零]{4})\s*年(?:同期|末|底)?|\d{1,2}\s*月份?"
    r"|[一二三四]季度|第[一二三四]季度)"
)
_PERIOD = r"(?:" + _LAST + "|" + _DATED + ")"
# 比今年 (a budget for next year), 較114年度 (a fiscal year of the Republic's calendar), each
# perhaps with the measure named again (較上年度法定預算數): the base is what is compared with
_COMPARED = r"(?:" + _PERIOD + r"|今年|本年|\d{2,3}\s*年(?=度))\s*度?"
# the measure named after the period is a noun (法定預算數), never the change's verb (扩大, 增加)
_CHANGE_CHARS = "增减減扩擴缩縮多少降提升涨漲跌回下"
_BASE_INSIDE = re.compile(
    r"\s*[，,]\s*(?:比|较|較|与|與)\s*"
    + _COMPARED
    + r"\s*[^\d#，,。；;：:()（）"
    + _CHANGE_CHARS
    + r"]{0,8}?\s*的?\s*"
)
# ，上年同期为 / ，上年完成投资 (last year's, the measure named again) / （2月份为 (a date is
# any period, so it must say 为: 2011年达到 is this period's)
_BASE_AFTER = re.compile(
    r"\s*[，,(（]\s*(?:" + _LAST + r"\s*(?:[^\d#，,。；;：:()（）为為是]{1,8}?)??"
    r"|" + _DATED + r"\s*(?=[为為是]))\s*(?:为|為|是)?\s*"
)
_VERBS = r"增长|增長|下降|增加|减少|減少|提高|降低|回落|上升|下滑"
_RATE_INSIDE = re.compile(r"\s*[，,]?\s*(?P<verb>" + _VERBS + r")了?\s*")
_RATE_AFTER = re.compile(
    r"\s*[)）]?\s*[，,]\s*(?:(?:同比|环比|環比)|(?:比|较|較)\s*" + _PERIOD + r")?\s*"
    r"(?P<verb>" + _VERBS + r")了?\s*"
)
_DOWN = ("下降", "减少", "減少", "降低", "回落", "下滑")
_LEVEL_TO_RATE = re.compile(
    r"\s*[，,]\s*(?:同比|环比|環比|(?:比|较|較)\s*" + _PERIOD + r")\s*"
    r"(?P<verb>" + _VERBS + r")了?\s*"
)
_BASE_LAST = re.compile(r"\s*倍?\s*[，,(（]\s*" + _PERIOD + r"\s*(?:为|為|是|增长|增長)\s*")
_ONE = Interval.point(Decimal(1))


def detect(index: Index) -> Iterator[Relation]:
    """Each value with the two printed after it, dates read as words."""
    order = [
        pair
        for pair in index.in_order
        if pair[0].fact.kind != "date" and not _fiscal_year(index, pair[1])
    ]
    for position in range(1, len(order)):
        yield from _base_a_year_before(index, order[position - 1], order[position])
    for position in range(2, len(order)):
        first, second, third = order[position - 2 : position + 1]
        if not (first[1].sentence == second[1].sentence == third[1].sentence):
            continue
        if first[1].section != third[1].section:
            continue
        yield from _base_then_change(index, first, second, third)
        yield from _change_then_base(index, first, second, third)


def _fiscal_year(index: Index, found: Found) -> bool:
    """114年度: a year of the Republic's calendar, read as the words of a period."""
    return found.figure.unit == "years" and index.masked.startswith("度", found.spot.end)


def _base_then_change(
    index: Index,
    at_level: tuple[Item, Found],
    at_base: tuple[Item, Found],
    at_change: tuple[Item, Found],
) -> Iterator[Relation]:
    """营业收入120亿元，比上年同期的100亿元增长20.0%; 120亿元，上年同期为100亿元，增长20.0%;
    完成投资86.5亿元，上年完成投资78.2亿元，比上年增加8.3亿元."""
    lf, bf, cf = at_level[1], at_base[1], at_change[1]
    before_base, before_change = index.between(lf, bf), index.between(bf, cf)
    said = _RATE_INSIDE.fullmatch(before_change) if _BASE_INSIDE.fullmatch(before_base) else None
    if said is None and _BASE_AFTER.fullmatch(before_base):
        said = _RATE_AFTER.fullmatch(before_change)
    if said is not None:
        yield from _decided(index, at_level, at_base, at_change, said.group("verb") in _DOWN)


def _change_then_base(
    index: Index,
    at_level: tuple[Item, Found],
    at_change: tuple[Item, Found],
    at_base: tuple[Item, Found],
) -> Iterator[Relation]:
    """营业收入120亿元，比上年增长9.1%，上年为110亿元 (or （上年为110亿元）); 增长6.8%，增速比
    一季度回落1.2个百分点（一季度增长8.0%）."""
    lf, (change, cf), bf = at_level[1], at_change, at_base[1]
    said = _LEVEL_TO_RATE.fullmatch(index.between(lf, cf))
    if said is None and change.figure.kind == "points":
        # 增速比一季度回落: the level's own rate named again before the comparison
        said = _POINTS_AFTER.fullmatch(index.between(lf, cf))
    if said is None or not _BASE_LAST.fullmatch(index.between(cf, bf)):
        return
    yield from _decided(index, at_level, at_base, at_change, said.group("verb") in _DOWN)


_ON_LAST_YEAR = re.compile(
    r"\s*[，,]\s*(?:比|较|較)\s*(?:上年|去年)\s*(?P<verb>" + _VERBS + r")了?\s*"
)


def _base_a_year_before(
    index: Index, at_level: tuple[Item, Found], at_rate: tuple[Item, Found]
) -> Iterator[Relation]:
    """2022年，全县完成税收收入15.8亿元。2023年，全县完成税收收入17.2亿元，比上年增长8.9%: last
    year's value is the one of the same measure printed a sentence before under the year
    before (the only one)."""
    (level, lf), (rate, rf) = at_level, at_rate
    if rate.figure.kind != "percent" or rate.figure.qualifier or lf.sentence != rf.sentence:
        return
    said = _ON_LAST_YEAR.fullmatch(index.between(lf, rf))
    if said is None or not is_quantity(level) or level.figure.qualifier:
        return
    year = year_in_effect(index, lf)
    label = normal_label(lf.context.label)
    if year is None or len(label) < 2:
        return
    bases = {
        item.id: (item, found)
        for item, found, _ in index.near(lf, 1)
        if found.sentence == lf.sentence - 1
        and item.id != level.id
        and is_quantity(item)
        and not item.figure.qualifier
        and same_unit(item, level)
        and normal_label(found.context.label) == label
        and year_in_effect(index, found) == year - 1
    }
    if len(bases) != 1:
        return
    ((base, bf),) = bases.values()
    yield from _growth(index, level, lf, base, bf, rate, rf, said.group("verb") in _DOWN)


_POINTS_AFTER = re.compile(
    r"\s*[，,]\s*(?:增速|增幅|比重|占比)?\s*(?:比|较|較)\s*" + _PERIOD + r"\s*"
    r"(?P<verb>" + _VERBS + r")了?\s*"
)


def _decided(
    index: Index,
    at_level: tuple[Item, Found],
    at_base: tuple[Item, Found],
    at_change: tuple[Item, Found],
    down: bool,
) -> Iterator[Relation]:
    """A rate (growth), an amount or percentage points (difference), as the change is."""
    (level, lf), (base, bf), (change, cf) = at_level, at_base, at_change
    if level.id == base.id or change.id in (level.id, base.id):
        return
    if not same_unit(level, base) or level.figure.qualifier or base.figure.qualifier:
        return
    if change.figure.kind == "points":
        if level.figure.kind == base.figure.kind == "percent":
            yield from _difference(index, at_level, at_base, at_change, down)
        return
    if not (is_quantity(level) and is_quantity(base)):
        return
    if change.figure.kind == "number" and is_multiple(index, cf):
        if not down:  # 增长1.5倍: the level is 2.5 times the base
            yield from _times_more(index, at_level, at_base, at_change)
        return
    if change.figure.kind == "percent" and not change.figure.qualifier:
        yield from _growth(index, level, lf, base, bf, change, cf, down)
    elif is_quantity(change) and same_unit(change, level) and not change.figure.qualifier:
        yield from _difference(index, at_level, at_base, at_change, down)


def _times_more(
    index: Index,
    at_level: tuple[Item, Found],
    at_base: tuple[Item, Found],
    at_times: tuple[Item, Found],
) -> Iterator[Relation]:
    """比上年增长1.5倍（上年为5.0亿元）: grown by N times, the level is N + 1 times the base."""
    (level, lf), (base, bf), (times, tf) = at_level, at_base, at_times
    decided = decide(per_mode(lambda a, b: a / b - _ONE, level, base), times)
    if decided is None:
        return
    status, would = decided
    value = point(lambda a, b: a / b - 1, level, base)
    shown = "?" if value is None else f"{value.quantize(Decimal('0.001'))}"
    evidence = (
        f"{level.fact.value} / {base.fact.value} - 1 = {shown}, printed grown by "
        f"{times.fact.value} times ({where(tf, lf, bf)})"
    )
    rule = {"check": f"{level.id} / {base.id} - 1 == {times.id}"}
    ids = (level.id, base.id, times.id)
    words = index.quote(lf.context.clause[0], max(f.spot.end for f in (lf, bf, tf)) + 1)
    yield Relation("times", ids, status, _SCORE, rule, evidence, times.fact.value, would, words)


def _difference(
    index: Index,
    at_level: tuple[Item, Found],
    at_base: tuple[Item, Found],
    at_change: tuple[Item, Found],
    down: bool,
) -> Iterator[Relation]:
    """This period's less the other's is the change (下降, 减少, 回落 turn it round)."""
    (level, lf), (base, bf), (change, cf) = at_level, at_base, at_change
    turn = down and change.figure.number > 0  # 减少3亿元 read as -3亿元 already needs no turn
    first, second = (base, level) if turn else (level, base)
    decided = decide(per_mode(lambda a, b: a - b, first, second), change)
    if decided is None:
        return
    status, would = decided
    value = point(lambda a, b: a - b, first, second)
    shown = "?" if value is None else format_figure(value, change.figure, change.figure.places)
    evidence = (
        f"{first.fact.value} - {second.fact.value} = {shown}, printed {change.fact.value} "
        f"({where(cf, lf, bf)})"
    )
    rule = {"check": f"{first.id} - {second.id} == {change.id}"}
    ids = (level.id, base.id, change.id)
    spots = (lf, bf, cf)
    words = index.quote(lf.context.clause[0], max(f.spot.end for f in spots))
    yield Relation(
        "difference", ids, status, _SCORE, rule, evidence, change.fact.value, would, words
    )


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

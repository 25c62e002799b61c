"""``sum`` of the three industries, asserted by the statistical definition of GDP.

- 全区实现地区生产总值91.4亿元…其中，第一产业增加值2.9亿元…；第二产业增加值28.4亿元…；第三产业
  增加值18.2亿元 — the value added of the first, second and third industries (第一/第二/第三
  产业增加值, 一产/二产/三产) is the whole of the region's GDP (地区生产总值, 生产总值, GDP): the
  three printed after a GDP, one of each, must add up to it;
- 三次产业对经济增长的贡献率分别为5.1%、40.2%和55.6% — the three contributions to growth
  are the whole of it: they add up to 100%.

Checked whatever the numbers say; a split that does not add up is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from factlint.extract.detectors.base import (
    HOLDS,
    MISMATCH,
    TRUNCATION,
    WHOLE,
    Index,
    Item,
    Relation,
    is_additive,
    same_unit,
    where,
)
from factlint.extract.detectors.judging import add_all, per_mode, point, stated_sum
from factlint.extract.detectors.wording import normal_label
from factlint.extract.pipeline import Found
from factlint.numbers.intervals import Interval

_SCORE = 5.0
_GDP = re.compile(
    r"(?:地区生产总值|地區生產總值|生产总值|生產總值|GDP)\s*(?:实现|實現|为|為|达到?|達到?)?$"
)
_INDUSTRY = re.compile(
    r"(?:第([一二三])(?:产业|產業)|([一二三])(?:产|產))(?:实现|實現|完成)?(?:增加值)?"
    r"(?:实现|實現|完成|为|為|达到?|達到?)?$"
)
_REACH = 3  # sentences after the GDP that may print its three industries
_CONTRIBUTIONS = re.compile(  # 第一 may be read as a rank, masked as ##
    r"(?:三次(?:产业|產業)|(?:第一|#+)、(?:第二|二|#+)、(?:第三|三|#+)(?:产业|產業)|一、二、三产)"
    r"[^#。；;]{0,16}(?:贡献率|貢獻率)\s*(?:分别为|分別為|分别是|分別是|分别达|分別達)\s*$"
)
_VALUE_LIST = re.compile(
    r"(?:三次(?:产业|產業)|(?:第一|#+)、(?:第二|二|#+)、(?:第三|三|#+)(?:产业|產業)|一、二、三产|一二三产)"
    r"(?:增加值)?\s*(?:分别为|分別為|分别是|分別是|分别达到?|分別達到?|分别实现|分別實現)\s*$"
)
_JOIN = re.compile(r"^\s*(?:、|和|及|与|與|,|，)\s*$")


def detect(index: Index) -> Iterator[Relation]:
    yield from _gdp_splits(index)
    yield from _contributions(index)


def _industry(found: Found) -> int:
    """1, 2 or 3 for the value added of an industry, 0 for anything else."""
    match = _INDUSTRY.search(normal_label(found.context.label))
    if match is None:
        return 0
    return "一二三".index(match.group(1) or match.group(2)) + 1


def _is_gdp(found: Found) -> bool:
    label = normal_label(found.context.label)
    return _GDP.search(label) is not None and "人均" not in label


def _gdp_splits(index: Index) -> Iterator[Relation]:
    order = index.in_order
    listed = _listed_industries(index)
    for position, (total, tf) in enumerate(order):
        if not (is_additive(total) and total.figure.number > 0 and _is_gdp(tf)):
            continue
        parts: dict[int, list[tuple[Item, Found]]] = {}
        for item, found in order[position + 1 :]:
            if found.section != tf.section or found.sentence > tf.sentence + _REACH:
                break
            if _is_gdp(found) and is_additive(item):
                break  # the next total's split is its own
            number = _industry(found) or listed.get(id(found), 0)
            if number and is_additive(item) and item.figure.number > 0:
                parts.setdefault(number, []).append((item, found))
        if sorted(parts) != [1, 2, 3]:
            continue
        chosen = []
        for number in (1, 2, 3):
            if len({item.id for item, _ in parts[number]}) != 1:
                break  # two different values of one industry: which is this GDP's?
            chosen.append(parts[number][0])
        else:
            if all(same_unit(total, item) for item, _ in chosen):
                yield from _split(index, total, tf, chosen)


def _listed_industries(index: Index) -> dict[int, int]:
    """第一、二、三产业增加值分别为a、b和c (三次产业增加值分别为…): the industry of each value
    the list pairs with its name, by the mention's identity."""
    out: dict[int, int] = {}
    order = index.in_order
    for position, (first, ff) in enumerate(order):
        if not is_additive(first):
            continue
        begin = max(ff.context.sentence[0], ff.spot.start - 32)
        if _VALUE_LIST.search(index.masked[begin : ff.spot.start]) is None:
            continue
        run = [ff]
        for _, found in order[position + 1 : position + 3]:
            if found.sentence != ff.sentence or not _JOIN.match(index.between(run[-1], found)):
                break
            run.append(found)
        if len(run) == 3:
            out.update({id(found): number for number, found in enumerate(run, start=1)})
    return out


def _split(
    index: Index, total: Item, tf: Found, parts: list[tuple[Item, Found]]
) -> Iterator[Relation]:
    last = max(found.spot.end for _, found in parts)
    words = index.quote(tf.context.clause[0], last)
    yield from stated_sum(
        total,
        tf,
        parts,
        score=_SCORE,
        words=words,
        because=": the three industries make up the GDP",
    )


def _contributions(index: Index) -> Iterator[Relation]:
    order = index.in_order
    for position, (first, ff) in enumerate(order):
        if first.figure.kind != "percent" or first.figure.qualifier:
            continue
        begin = max(ff.context.sentence[0], ff.spot.start - 48)
        cue = _CONTRIBUTIONS.search(index.masked[begin : ff.spot.start])
        if cue is None:
            continue
        run = [(first, ff)]
        for item, found in order[position + 1 : position + 3]:
            if not _JOIN.match(index.between(run[-1][1], found)):
                break
            if item.figure.kind != "percent" or item.figure.qualifier:
                break
            run.append((item, found))
        if len(run) != 3 or len({item.id for item, _ in run}) != 3:
            continue
        yield from _to_hundred(index, run, begin + cue.start())


def _to_hundred(index: Index, run: list[tuple[Item, Found]], cue_at: int) -> Iterator[Relation]:
    items = [item for item, _ in run]
    computed = per_mode(lambda *xs: add_all(xs), *items)
    near, trunc = computed.get("nearest"), computed.get("truncate")
    if near is None:
        return
    whole = Interval.point(WHOLE)
    if near.intersects(whole):
        status = HOLDS
    elif trunc is not None and trunc.intersects(whole):
        status = TRUNCATION
    else:
        status = MISMATCH
    value = point(lambda *xs: sum(xs, Decimal(0)), *items)
    shown = " + ".join(item.fact.value for item in items)
    total = "?" if value is None else f"{(value * 100).normalize():f}%"
    evidence = (
        f"{shown} = {total}, printed as the three industries' contributions to growth, which "
        f"make up 100% ({where(*(found for _, found in run))})"
    )
    rule = {"check": " + ".join(item.id for item in items) + " == 100%"}
    ids = tuple(item.id for item in items)
    words = index.quote(cue_at, run[-1][1].spot.end)
    stated = "、".join(item.fact.value for item in items)
    yield Relation("structure", ids, status, _SCORE, rule, evidence, stated, asserted=words)

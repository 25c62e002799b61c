"""A contribution's pull on growth: 拉动 = 贡献率 × the growth it contributes to.

- 地区生产总值148.9亿元，增长12.0% … 第一产业对经济增长的贡献率为5.0%，拉动经济增长0.6个百分点;
- 三次产业对经济增长的贡献率分别为5.0%、45.0%和50.0%，分别拉动GDP增长0.6、5.4和6.0个百分点.

The growth is the GDP's (地区生产总值, 生产总值, GDP), the rate printed just after it, before the
pulls; each pull is paired with the contribution printed just before it, or in order with a
list of them (分别). A contribution of c to a growth of g pulls c × g points by definition:
checked whatever its numbers say, an error when it fails. A pull on another growth (拉动规上
工业增长) is not the GDP's: nothing is bound.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factlint.extract.detectors.base import Index, Item, Relation, where
from factlint.extract.detectors.judging import decide, per_mode, point
from factlint.extract.detectors.wording import normal_label
from factlint.extract.pipeline import Found
from factlint.numbers.figures import format_figure

_SCORE = 5.0
_GDP = re.compile(
    r"(?:地区生产总值|地區生產總值|生产总值|生產總值|GDP)\s*(?:实现|實現|完成|为|為|达到?|達到?)?$"
)
_GROWTH_AFTER = re.compile(
    r"^\s*[，,]?\s*(?:按可比价格?计算，?)?\s*(?:同比|比上年同期|比上年)?(?:增长|增長)\s*$"
)
_CONTRIBUTION = re.compile(r"(?:贡献率|貢獻率)\s*(?:分别|分別)?\s*(?:为|為|是|达|達)?\s*$")
_PULL = re.compile(
    r"^\s*[，,]\s*(?:分别|分別)?\s*(?:拉动|拉動)\s*(?:全[县市区省]|全縣|全區)?"
    r"(?:GDP|经济|經濟|地区生产总值|地區生產總值|生产总值|生產總值)?\s*(?:增长|增長)\s*$"
)
_JOIN = re.compile(r"^\s*(?:、|和|及|与|與|,|，)\s*$")
_MAX = 4


def detect(index: Index) -> Iterator[Relation]:
    growth: tuple[Item, Found] | None = None
    order = index.in_order
    for position, (item, found) in enumerate(order):
        if _is_gdp_growth(index, position):
            growth = (item, found)
            continue
        if growth is None or item.figure.kind != "percent" or item.figure.qualifier:
            continue
        lead = index.masked[
            max(found.context.sentence[0], found.spot.start - 24) : found.spot.start
        ]
        if not _CONTRIBUTION.search(lead):
            continue
        contributions = _run(index, position, "percent")
        after = position + len(contributions)
        if after >= len(order):
            continue
        if not _PULL.match(index.between(contributions[-1][1], order[after][1])):
            continue
        pulls = _run(index, after, "points")
        if len(pulls) != len(contributions):
            continue
        for (share, sf), (pull, pf) in zip(contributions, pulls, strict=True):
            yield from _pull(index, growth, (share, sf), (pull, pf))


def _is_gdp_growth(index: Index, position: int) -> bool:
    """The growth rate printed just after a GDP amount (地区生产总值148.9亿元，增长12.0%)."""
    if position == 0:
        return False
    (rate, rf), (amount, af) = index.in_order[position], index.in_order[position - 1]
    if rate.figure.kind != "percent" or rate.figure.qualifier or amount.fact.kind != "amount":
        return False
    if not _GDP.search(normal_label(af.context.label)) or "人均" in af.context.label:
        return False
    return _GROWTH_AFTER.match(index.between(af, rf)) is not None


def _run(index: Index, position: int, kind: str) -> list[tuple[Item, Found]]:
    order = index.in_order
    run = [order[position]]
    for item, found in order[position + 1 : position + _MAX]:
        if not _JOIN.match(index.between(run[-1][1], found)):
            break
        run.append((item, found))
    if any(item.figure.kind != kind or item.figure.qualifier for item, _ in run):
        return []
    return run if len({item.id for item, _ in run}) == len(run) else []


def _pull(
    index: Index, growth: tuple[Item, Found], share: tuple[Item, Found], pull: tuple[Item, Found]
) -> Iterator[Relation]:
    (rate, gf), (part, sf), (stated, pf) = growth, share, pull
    decided = decide(per_mode(lambda c, g: c * g, part, rate), stated)
    if decided is None:
        return
    status, would = decided
    value = point(lambda c, g: c * g, part, rate)
    try:
        shown = (
            "?" if value is None else format_figure(value, stated.figure, stated.figure.places + 1)
        )
    except ValueError:
        shown = "?"
    evidence = (
        f"a contribution of {part.fact.value} to a growth of {rate.fact.value} pulls "
        f"{shown}, printed {stated.fact.value} ({where(pf, sf, gf)})"
    )
    rule = {"check": f"{stated.id} == {part.id} * {rate.id}"}
    words = index.quote(sf.spot.start, pf.spot.end)
    ids = (part.id, rate.id, stated.id)
    yield Relation("pull", ids, status, _SCORE, rule, evidence, stated.fact.value, would, words)

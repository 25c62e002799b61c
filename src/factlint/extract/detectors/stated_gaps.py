"""``difference`` stated in words between a growth rate and another:

- 工业增加值同比增长5.3%，高于GDP增速1.1个百分点 — the rate printed just before 高于 (快于,
  低于, 慢于) minus the GDP's growth (地区生产总值…增长4.2%, printed earlier under that name:
  GDP, 地区生产总值, 生产总值, 全市经济增长, 经济增速) is the gap stated, in points; a GDP printed
  with more than one growth rate binds nothing;
- 同比增长9.1%，比全省(7.4%)和全国(6.3%)分别高1.7、2.8个百分点 — the rates compared with
  printed in brackets after their names, the gaps paired with them in order.

Checked whatever the numbers say; a gap that fails is an error.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from factlint.extract.detectors.base import Index, Item, Relation, where
from factlint.extract.detectors.judging import decide, per_mode, point
from factlint.extract.detectors.wording import normal_label, unglossed
from factlint.extract.pipeline import Found
from factlint.numbers.figures import format_figure

_SCORE = 5.0
_CUE = re.compile(
    r"\s*[，,]\s*(?:增速|增幅)?\s*(?P<way>高于|高於|快于|快於|低于|低於|慢于|慢於)\s*"
    r"(?:全市|全县|全縣|全区|全區|全省|全州|全盟|全旗)?\s*(?:的)?\s*"
    r"(?:GDP|地区生产总值|地區生產總值|生产总值|生產總值|经济|經濟)\s*"
    r"(?:的)?\s*(?:增速|增幅|增长|增長|增长速度|增長速度)?\s*",
    re.IGNORECASE,
)
_DOWN = ("低", "慢")
_NAME = r"[^#，,。；;：:()（）]{1,14}"
_FIRST_BRACKET = re.compile(
    r"\s*[，,]?\s*(?:增速|增幅|增长|增長)?\s*(?:比|较|較)\s*" + _NAME + r"[(（]\s*"
)
_NEXT_BRACKET = re.compile(r"\s*[)）]\s*(?:和|、|及|与|與)\s*" + _NAME + r"[(（]\s*")
_COMPARED = re.compile(r"\s*[)）]\s*(?P<each>分别|分別)?\s*(?P<way>高出?|快|低|慢)(?:于|於)?\s*")
_RATE_CHANGE = re.compile(
    r"\s*[，,]\s*(?:增速|增幅)\s*(?:同比|比上年|比一季度|比上半年|比1季度)?\s*"
    r"(?:提高|回落|加快|放缓|下降|上升|提升|回升)\s*"
)
_GAP_JOIN = re.compile(r"\s*(?:个|個)?\s*(?:、|和|,|，)\s*")
_GDP = re.compile(r"GDP|地区生产总值|地區生產總值|生产总值|生產總值", re.IGNORECASE)
_PER_HEAD = ("人均",)
_GROWTH = re.compile(r"(?:增长|增長|增速|下降)$")


def detect(index: Index) -> Iterator[Relation]:
    yield from _to_the_gdp(index)
    yield from _to_bracketed(index)


def _to_the_gdp(index: Index) -> Iterator[Relation]:
    order = index.in_order
    for position, (gap, gf) in enumerate(order[1:], start=1):
        if gap.figure.kind != "points" or gap.figure.qualifier:
            continue
        rate, rf = order[position - 1]
        if rf.sentence != gf.sentence or rate.figure.kind != "percent" or rate.figure.qualifier:
            continue
        cue = _CUE.fullmatch(unglossed(index.masked[rf.spot.end : gf.spot.start]))
        if cue is None:
            continue
        gdp = _gdp_growth(index, rf)
        if gdp is None or gdp[0].id == rate.id:
            continue
        down = cue.group("way")[0] in _DOWN
        words = index.quote(rf.context.clause[0], gf.spot.end)
        yield from _gap(rate, rf, gdp, gap, gf, down, words)


def _gdp_growth(index: Index, before: Found) -> tuple[Item, Found] | None:
    """The one growth rate printed before ``before`` for the GDP."""
    found: dict[str, tuple[Item, Found]] = {}
    for item, other in index.in_order:
        if other.spot.start >= before.spot.start:
            break
        if item.figure.kind != "percent" or item.fact.kind not in ("growth", "percent"):
            continue
        label = normal_label(other.context.label)
        if not _GROWTH.search(label):
            continue
        if _GDP.search(label) and not any(word in label for word in _PER_HEAD):
            found.setdefault(item.id, (item, other))
    values = {item.figure.base for item, _ in found.values()}
    if len(values) != 1:
        return None
    return min(found.values(), key=lambda pair: pair[1].spot.start)


def _gap(
    rate: Item,
    rf: Found,
    gdp: tuple[Item, Found],
    gap: Item,
    gf: Found,
    down: bool,
    words: str,
) -> Iterator[Relation]:
    other, of = gdp
    # 低于 a gap read with its sign (低于…-1.1): the rate minus the GDP's, whatever the word
    first, second = (other, rate) if down and gap.figure.number > 0 else (rate, other)
    decided = decide(per_mode(lambda a, b: a - b, first, second), gap)
    if decided is None:
        return
    status, would = decided
    value = point(lambda a, b: a - b, first, second)
    shown = "?" if value is None else format_figure(value, gap.figure, gap.figure.places)
    evidence = (
        f"{first.fact.value} - {second.fact.value} = {shown}, printed {gap.fact.value} "
        f"({where(rf, of, gf)})"
    )
    # 1.7 of 分别高1.7、2.8个百分点, printed plain, is read as points: its fact is a number
    scaled = gap.figure.scale != gap.fact.figure.scale
    right = f"{gap.id} / {int(1 / gap.figure.scale)}" if scaled else gap.id
    rule = {"check": f"{first.id} - {second.id} == {right}"}
    ids = (rate.id, other.id, gap.id)
    yield Relation("difference", ids, status, _SCORE, rule, evidence, gap.fact.value, would, words)


def _to_bracketed(index: Index) -> Iterator[Relation]:
    order = index.in_order
    for position, (rate, rf) in enumerate(order):
        if rate.figure.kind != "percent" or rate.figure.qualifier:
            continue
        run = _run(index, position, rf)
        if run is None:
            continue
        others, way, gaps = run
        down = way[0] in _DOWN
        words = index.quote(rf.context.clause[0], gaps[-1][1].spot.end)
        for other, (gap, gf) in zip(others, gaps, strict=True):
            yield from _gap(rate, rf, other, gap, gf, down, words)


def _run(
    index: Index, position: int, rf: Found
) -> tuple[list[tuple[Item, Found]], str, list[tuple[Item, Found]]] | None:
    """The bracketed rates after 比 and the gaps after 分别高, paired one to one."""
    order = index.in_order
    others: list[tuple[Item, Found]] = []
    at, last = position + 1, rf
    # 增长8.4%，增速同比提高0.8个百分点，比全省(7.7%)…: the rate's own change between
    if (
        at < len(order)
        and order[at][0].figure.kind == "points"
        and _RATE_CHANGE.fullmatch(index.between(rf, order[at][1]))
    ):
        at, last = at + 1, order[at][1]
    while at < len(order):
        item, found = order[at]
        pattern = _FIRST_BRACKET if not others else _NEXT_BRACKET
        if found.sentence != rf.sentence or not pattern.fullmatch(index.between(last, found)):
            break
        if item.figure.kind != "percent" or item.figure.qualifier:
            return None
        others.append((item, found))
        at, last = at + 1, found
    if not others or at >= len(order):
        return None
    said = _COMPARED.fullmatch(index.between(last, order[at][1]))
    if said is None or (len(others) > 1 and not said.group("each")):
        return None
    gaps = [order[at]]
    while len(gaps) < len(others) and at + len(gaps) < len(order):
        item, found = order[at + len(gaps)]
        if not _GAP_JOIN.fullmatch(index.between(gaps[-1][1], found)):
            break
        gaps.append((item, found))
    if len(gaps) != len(others):
        return None
    points = _as_points(gaps)
    return None if points is None else (others, said.group("way"), points)


def _as_points(gaps: list[tuple[Item, Found]]) -> list[tuple[Item, Found]] | None:
    """1.7、2.8个百分点: a plain number in the list takes the points of the last one."""
    unit = gaps[-1][0].figure
    if unit.kind != "points":
        return None
    out = []
    for item, found in gaps:
        figure = item.figure
        if figure.kind == "number" and figure.scale == 1 and not figure.qualifier:
            figure = dataclasses.replace(figure, scale=unit.scale, kind="points")
            item = dataclasses.replace(item, read_as=figure)
        if figure.kind != "points" or figure.qualifier:
            return None
        out.append((item, found))
    return out

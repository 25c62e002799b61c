"""``difference`` stated in words between a growth rate and the economy's: 工业增加值同比增长
5.3%，高于GDP增速1.1个百分点 — the rate printed just before 高于 (快于, 低于, 慢于) minus the
GDP's growth (地区生产总值…增长4.2%, printed earlier under that name: GDP, 地区生产总值, 生产总值,
全市经济增长, 经济增速) is the gap stated, in points. Checked whatever the numbers say; a gap
that fails is an error. A GDP printed with more than one growth rate binds nothing.
"""

from __future__ import annotations

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
_GDP = re.compile(r"GDP|地区生产总值|地區生產總值|生产总值|生產總值", re.IGNORECASE)
_PER_HEAD = ("人均",)
_GROWTH = re.compile(r"(?:增长|增長|增速|下降)$")


def detect(index: Index) -> Iterator[Relation]:
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
    rule = {"check": f"{first.id} - {second.id} == {gap.id}"}
    ids = (rate.id, other.id, gap.id)
    yield Relation("difference", ids, status, _SCORE, rule, evidence, gap.fact.value, would, words)

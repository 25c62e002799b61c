"""A level and its change on last year, with last year's value or without it.

- 完成投资120亿元，比上年增加20亿元，上年为110亿元 (or in the next sentence: 上年完成投资110亿
  元): the three are tied by the words — this year's = last year's + the change — so a base
  that is not the level less its change is an error (``difference``); 减少 turns the change
  round.
- 完成投资120亿元，是上年的1.5倍。上年完成投资80亿元: the level over the base is the
  multiple (``times``).
- 年末贷款余额723万元，比上年增加1489万元: last year's would be 723 − 1489 < 0, which a
  quantity that cannot be negative (a count, an area, a balance of deposits; not a profit, a
  net figure, a surplus) never was: a rise larger than the level it rose to is an error
  (``within``: the change is no more than the level). A fall may be larger than what is left.

The change is the quantity printed just after its level with only 比上年 (同期, 末) 增加 / 减少
between, of the level's unit; the base is printed after 上年(同期)为 in the same sentence, or
opens the next one (上年…), of the same unit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factlint.extract.detectors.base import (
    EXCEEDS,
    Index,
    Item,
    Relation,
    is_additive,
    is_multiple,
    is_quantity,
    same_unit,
    where,
)
from factlint.extract.detectors.judging import decide, interval_or_none, per_mode, point
from factlint.extract.detectors.stated_changes import times_relation
from factlint.extract.pipeline import Found
from factlint.numbers.figures import format_figure

_SCORE = 5.0
_PERIOD = r"(?:上年同期|去年同期|上年末|上年底|年初|上年|去年)"
_TO_CHANGE = re.compile(
    r"\s*[，,]?\s*(?:同比|比" + _PERIOD + r"|较" + _PERIOD + r"|較" + _PERIOD + r")\s*"
    r"(?P<verb>增加|减少|減少|净增|淨增|净减|淨減|多|少)了?\s*"
)
_TO_MULTIPLE = re.compile(r"\s*[，,]\s*(?:是|为|為|相当于|相當於)\s*(?:上年|去年)(?:同期)?的\s*")
_BASE_BESIDE = re.compile(r"\s*倍?\s*[，,(（]\s*" + _PERIOD + r"\s*(?:为|為|是)\s*")
_BASE_OPENS = re.compile(
    r"\s*" + _PERIOD + r"[^#，,。；;]{0,12}?(?:为|為|是|完成|实现|實現|达到|達到|共)?\s*"
)
_DOWN = ("减少", "減少", "净减", "淨減", "少")
# what may be negative: a profit, a net figure, a balance of two flows
_SIGNED = re.compile(
    r"利润|利潤|利税|利稅|净|淨|差额|差額|顺差|順差|逆差|结余|結餘|盈|亏|虧|损|損|收支|赤字|增加值"
)


def detect(index: Index) -> Iterator[Relation]:
    order = index.in_order
    for position in range(1, len(order)):
        (level, lf), (change, cf) = order[position - 1], order[position]
        if lf.sentence != cf.sentence or lf.section != cf.section or level.id == change.id:
            continue
        gap = index.between(lf, cf)
        if _TO_MULTIPLE.fullmatch(gap) and is_multiple(index, cf):
            yield from _multiple(index, position)
            continue
        said = _TO_CHANGE.fullmatch(gap)
        if said is None:
            continue
        if not (is_additive(level) and is_additive(change) and same_unit(level, change)):
            continue
        if level.figure.qualifier or change.figure.qualifier:
            continue
        fell = said.group("verb") in _DOWN
        base = _base(index, position, level)
        if base is not None:
            yield from _difference(index, (level, lf), (change, cf), base, fell)
        elif not fell and change.figure.number > 0:
            yield from _rise_above_level(index, (level, lf), (change, cf))


def _multiple(index: Index, position: int) -> Iterator[Relation]:
    """完成投资120亿元，是上年的1.5倍。上年完成投资80亿元: the level over the base."""
    (level, lf), (times, tf) = index.in_order[position - 1], index.in_order[position]
    if not is_quantity(level) or level.figure.qualifier or times.figure.kind != "number":
        return
    base = _base(index, position, level)
    if base is None:
        return
    words = index.quote(lf.context.clause[0], base[1].spot.end)
    yield from times_relation((level, lf), base, (times, tf), words, f"{times.fact.value}倍")


def _base(index: Index, position: int, level: Item) -> tuple[Item, Found] | None:
    """Last year's value: after 上年为 in the change's sentence, or opening the next."""
    order = index.in_order
    _, cf = order[position]
    if position + 1 >= len(order):
        return None
    base, bf = order[position + 1]
    if not (is_additive(base) and same_unit(base, level)) or base.figure.qualifier:
        return None
    if base.id == level.id:
        return None
    if bf.section != cf.section:
        return None
    if bf.sentence == cf.sentence:
        return (base, bf) if _BASE_BESIDE.fullmatch(index.between(cf, bf)) else None
    if bf.sentence != cf.sentence + 1:
        return None
    if index.between(cf, bf).count("。") + index.between(cf, bf).count(".") > 1:
        return None
    opening = index.masked[bf.context.sentence[0] : bf.spot.start]
    return (base, bf) if _BASE_OPENS.fullmatch(opening) else None


def _difference(
    index: Index,
    of_level: tuple[Item, Found],
    of_change: tuple[Item, Found],
    of_base: tuple[Item, Found],
    fell: bool,
) -> Iterator[Relation]:
    (level, lf), (change, cf), (base, bf) = of_level, of_change, of_base
    # 减少3亿元 may be read as -3亿元 already; a bare 3 after 减少 is turned round here
    turn = fell and change.figure.number > 0
    sign = "+" if turn else "-"
    decided = decide(
        per_mode((lambda a, d: a + d) if turn else (lambda a, d: a - d), level, change), base
    )
    if decided is None:
        return
    status, would = decided
    value = point((lambda a, d: a + d) if turn else (lambda a, d: a - d), level, change)
    computed = "?" if value is None else format_figure(value, base.figure, base.figure.places)
    evidence = (
        f"{level.fact.value} {sign} {_shown(change)} = {computed}, printed "
        f"{base.fact.value} for last year ({where(lf, cf, bf)})"
    )
    rule = {"check": f"{level.id} {sign} {change.id} == {base.id}"}
    words = index.quote(lf.context.clause[0], bf.spot.end)
    ids = (level.id, change.id, base.id)
    yield Relation("difference", ids, status, _SCORE, rule, evidence, base.fact.value, would, words)


def _rise_above_level(
    index: Index, of_level: tuple[Item, Found], of_change: tuple[Item, Found]
) -> Iterator[Relation]:
    (level, lf), (change, cf) = of_level, of_change
    if _SIGNED.search(level.fact.label) or _SIGNED.search(lf.context.label):
        return
    rise, now = interval_or_none(change, "nearest"), interval_or_none(level, "nearest")
    if rise is None or now is None or rise.lo is None or now.hi is None:
        return
    if rise.lo <= now.hi:
        return
    evidence = (
        f"a rise of {change.fact.value} to {level.fact.value} leaves last year below zero "
        f"({where(lf, cf)})"
    )
    rule = {"check": f"{change.id} <= {level.id}"}
    words = index.quote(lf.context.clause[0], cf.spot.end)
    ids = (level.id, change.id)
    yield Relation("within", ids, EXCEEDS, _SCORE, rule, evidence, change.fact.value, "", words)


def _shown(item: Item) -> str:
    value = item.fact.value
    return f"({value})" if value.startswith(("-", "−")) else value

"""``人均``: a figure per head is its total over the population (人均X = 总X / 人口).

耕地面积6.25万亩，人均1.36亩; 生产粮食24万吨，人均520千克; 财政总收入2741万元 … 人均财政收入
595.9元: the word 人均 says the figure is a total divided by the number of people, in the
total's unit or a smaller one of its kind (万元 → 元, 万吨 → 千克, 亿元 / 万人 → 元). The total
is the quantity 人均 follows bare (…6.25万亩，人均1.36亩), or the one whose label is the measure
人均 names (人均财政收入 → 财政总收入), printed within ``_REACH`` sentences. The population is a
count of people labelled 人口 (总人口, 户籍人口, 常住人口, 人口数量) printed anywhere in the
text: a report prints it once, often far from its per-head figures.

Several totals and populations may fit the words (财政总收入 and 地方财政收入; the year-end
population of two years; a header's 约3.12万人 and the text's 31451人): a relation is kept only
when **no** pairing of them gives the printed figure, and it is then written with the best
one (a total labelled 总 or 全, the population printed nearest). An approximate population
(约, 近) counts as printed here: it stands for what its digits round from.

Per-head GDP, incomes and spending are left alone: 人均GDP is computed on the year's average
population, which a report seldom prints, and 人均可支配收入 comes from household surveys, not
from a total (docs/design.md §3: a check must not fail on a figure computed another way).

The words tie the per-head figure to its total, so a miss is found whatever its size; it is
an error (asserted) when the population too is printed in the per-head figure's sentence or
the one next to it, and a warning otherwise (which population is meant is inferred).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from factlint.extract.detectors.base import HOLDS, Index, Item, Relation, is_quantity, where
from factlint.extract.detectors.in_effect import as_printed, label_or_key, year_in_effect
from factlint.extract.detectors.judging import decide, per_mode, point
from factlint.extract.detectors.wording import normal_label
from factlint.extract.pipeline import Found
from factlint.numbers.figures import format_figure
from factlint.numbers.intervals import Interval

_SCORE = 4.0
_REACH = 3  # sentences between a named per-head figure and its total
_POPULATIONS = 8  # populations tried per figure, the nearest ones
_PER_HEAD = re.compile(r"^(?P<prefix>.*?)(?:人均|人平)(?P<measure>.*)$")
# a place, or nothing: 农民人均, 城镇居民人均 are per member of a group, not of the population
_PLACE = re.compile(r"(?:^|[镇鎮县縣市乡鄉区區村旗州省])$|^全")
_NOT_FROM_A_TOTAL = re.compile(
    r"生产总值|生產總值|GDP|增加值|可支配收入|纯收入|純收入|收人|消费|消費|支出|寿命|壽命"
    r"|居住|住房|工资|工資|报酬|報酬",
    re.IGNORECASE,
)
_TOTAL_MARK = re.compile(r"[总總全]")
_POPULATION = re.compile(r"人口(?:数|數|总数|總數|数量|數量)?$")
_SUB_POPULATION = re.compile(
    r"城镇|城鎮|乡村|鄉村|农村|農村|农业|農業|非农|非農|出生|死亡|男|女|民族|流动|流動|迁|遷"
    r"|岁|歲|老年|少儿|少兒|劳动|勞動|就业|就業|从业|從業|贫困|貧困|外来|外來|暂住|暫住"
)
_BARE = re.compile(r"^\s*[，,；;]?\s*(?:人均|人平)\s*(?:为|為|达|達|达到|達到)?\s*$")
_ONE = Decimal(1)
# the per-head unit from the total's: (total unit, per-head unit) -> per-head units per total
# unit, and the constant the rule multiplies by (written as figures, so units cancel)
_CONVERSIONS: dict[tuple[str, str], tuple[Decimal, str]] = {
    ("t", "kg"): (Decimal(1000), "(1000千克 / 1吨)"),
    ("t", "jin"): (Decimal(2000), "(2000斤 / 1吨)"),
    ("kg", "jin"): (Decimal(2), "(2斤 / 1千克)"),
    ("hectare", "mu"): (Decimal(15), "(15亩 / 1公顷)"),
    ("km2", "mu"): (Decimal(1500), "(1500亩 / 1平方公里)"),
    ("km2", "m2"): (Decimal(1000000), "(1000000平方米 / 1平方公里)"),
    ("mu", "m2"): (Decimal(2000) / Decimal(3), ""),  # no exact constant: not checked
}


def detect(index: Index) -> Iterator[Relation]:
    for item, found in index.in_order:
        if not is_quantity(item) or item.fact.kind == "count" or item.figure.qualifier:
            continue
        named = _PER_HEAD.match(normal_label(found.context.label))
        if named is None or not _PLACE.search(named["prefix"]):
            continue
        measure = named["measure"]
        if _NOT_FROM_A_TOTAL.search(measure):
            continue
        totals = _totals(index, item, found, measure)
        if not totals:
            continue
        populations = _populations(index, found)
        if populations:
            yield from _per_head(index, item, found, totals, populations)


def _totals(index: Index, item: Item, found: Found, measure: str) -> list[tuple[Item, Found]]:
    """The quantities 人均 divides: the one it follows bare, else those its measure names."""
    if not measure:
        before = _previous_quantity(index, found)
        if before is None or _factor(before[0], item) is None:
            return []
        return [before]
    wanted = _without_total_mark(measure)
    if len(wanted) < 2:
        return []
    out: dict[str, tuple[Item, Found]] = {}
    for other, of, _ in index.near(found, _REACH):
        if other.id == item.id or not is_quantity(other) or other.figure.qualifier:
            continue
        label = _without_total_mark(normal_label(of.context.label))
        if "人均" in label or "人平" in label or not label.endswith(wanted):
            continue
        if _factor(other, item) is not None:
            out.setdefault(other.id, (other, of))
    return list(out.values())


def _previous_quantity(index: Index, found: Found) -> tuple[Item, Found] | None:
    """The quantity printed just before ``found`` in its sentence, with only 人均 between."""
    at = index.position(found)
    if at == 0:
        return None
    other, of = index.in_order[at - 1]
    if of.context.sentence != found.context.sentence or not is_quantity(other):
        return None
    if other.figure.qualifier or not _BARE.match(index.masked[of.spot.end : found.spot.start]):
        return None
    return other, of


def _without_total_mark(label: str) -> str:
    return _TOTAL_MARK.sub("", label)


def _factor(total: Item, per_head: Item) -> tuple[Decimal, str] | None:
    """How many per-head units one total unit makes, and the rule's constant for it."""
    a, b = total.figure.unit, per_head.figure.unit
    if a == b and total.figure.kind == per_head.figure.kind:
        return _ONE, ""
    conversion = _CONVERSIONS.get((a, b))
    if conversion is None or not conversion[1]:
        return None
    return conversion


def _populations(index: Index, found: Found) -> list[tuple[Item, Found]]:
    """The counts of people labelled 人口 that are no sub-group, nearest first."""
    everyone = index.memo.get("per-heads-populations")
    if not isinstance(everyone, list):
        everyone = index.memo["per-heads-populations"] = [
            (item, of) for item, of in index.in_order if _is_population(index, item, of)
        ]
    by_distance = sorted(everyone, key=lambda pair: abs(pair[1].spot.start - found.spot.start))
    seen: set[str] = set()
    out: list[tuple[Item, Found]] = []
    for item, of in by_distance:
        if item.id not in seen:
            seen.add(item.id)
            out.append((item, of))
    return out[:_POPULATIONS]


def _is_population(index: Index, item: Item, found: Found) -> bool:
    if item.fact.kind != "count" or item.figure.qualifier not in ("", "about"):
        return False
    if not item.figure.text.rstrip().endswith("人"):
        return False
    label, _ = label_or_key(index, found)
    return _POPULATION.search(label) is not None and _SUB_POPULATION.search(label) is None


def _ratio(factor: Decimal) -> object:
    scale = Interval.point(factor)
    return lambda total, people: total * scale / people


def _per_head(
    index: Index,
    item: Item,
    found: Found,
    totals: list[tuple[Item, Found]],
    populations: list[tuple[Item, Found]],
) -> Iterator[Relation]:
    year = year_in_effect(index, found)
    for total, tf in totals:
        factor, _ = _factor(total, item) or (_ONE, "")
        for people, pf in populations:
            computed = per_mode(_ratio(factor), total, as_printed(people))  # type: ignore[arg-type]
            said = decide(computed, item)
            if said is None:
                return  # a figure that cannot be decided: nothing is bound
            if said[0] == HOLDS:
                # some reading of the words gives the figure: the rule, if its figures are
                # exact, is that reading's
                if not people.figure.qualifier:
                    yield _relation(index, item, found, (total, tf), (people, pf), said)
                return
    exact = [pair for pair in populations if not pair[0].figure.qualifier]
    if not exact:
        return
    total, tf = max(totals, key=lambda pair: _rank_total(pair, found))
    people, pf = max(exact, key=lambda pair: _rank_population(index, pair, year))
    factor, _ = _factor(total, item) or (_ONE, "")
    decided = decide(per_mode(_ratio(factor), total, people), item)  # type: ignore[arg-type]
    if decided is not None:
        yield _relation(index, item, found, (total, tf), (people, pf), decided)


def _relation(
    index: Index,
    item: Item,
    found: Found,
    of_total: tuple[Item, Found],
    of_people: tuple[Item, Found],
    decided: tuple[str, str],
) -> Relation:
    (total, tf), (people, pf) = of_total, of_people
    status, would = decided
    factor, constant = _factor(total, item) or (_ONE, "")
    value = point(lambda t, p: t * factor / p, total, people)
    computed = "?" if value is None else format_figure(value, item.figure, item.figure.places + 1)
    evidence = (
        f"{total.fact.value} / {people.fact.value} = {computed} per head, printed "
        f"{item.fact.value} ({where(found, tf, pf)})"
    )
    scaled = f"{total.id} * {constant}" if constant else total.id
    rule = {"check": f"{item.id} == {scaled} / {people.id}"}
    near = _close(found, tf) and _close(found, pf)
    words = index.quote(min(tf.spot.start, found.spot.start), found.spot.end) if near else ""
    ids = (total.id, people.id, item.id)
    return Relation(
        "ratio", ids, status, _SCORE, rule, evidence, item.fact.value, would, asserted=words
    )


def _rank_total(pair: tuple[Item, Found], found: Found) -> tuple[bool, int]:
    """A total named as one (财政总收入, 全镇…) before another (地方财政收入), then the nearest."""
    _, of = pair
    named_total = _TOTAL_MARK.search(normal_label(of.context.label)) is not None
    return named_total, -abs(of.spot.start - found.spot.start)


def _rank_population(
    index: Index, pair: tuple[Item, Found], year: Decimal | None
) -> tuple[bool, bool]:
    """A population of the per-head figure's year (2011年末总人口 for 2011's figures), then one
    named as a total (总人口); ``populations`` lists them nearest first, which ``max`` keeps."""
    _, of = pair
    same_year = year is not None and year_in_effect(index, of) == year
    return same_year, _TOTAL_MARK.search(normal_label(of.context.label)) is not None


def _close(a: Found, b: Found) -> bool:
    return a.section == b.section and abs(a.sentence - b.sentence) <= 1

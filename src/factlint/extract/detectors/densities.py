"""``ratio``: a population density is the population over the area (人口密度 = 人口 / 面积).

关津乡区域总面积82.14平方千米 … 总人口57496人 … 人口密度为每平方千米709.8人; "covers 45.6 km²
… 32,000 residents … a population density of 701.8 people per km²": the word says how the
figure is made, whatever stands between the three, so the population and the area are
looked for anywhere in the text — a profile prints its area in the first lines, its
population in a paragraph of its own and its density after the age brackets.

- the density: a figure whose label says 人口密度 (or "density"), per square kilometre
  (每平方公里, 每平方千米, 人/平方公里, per km², per square kilometre);
- the area: an amount in km² labelled as the place's whole area (面积, 总面积, 国土面积,
  行政区域面积, "area", "covers"), not a part of it (耕地, 林地, 建成区, urban);
- the population: a count of people labelled 人口 (总人口, 户籍人口, 常住人口; "population",
  "residents", "inhabitants"), not a group of it (城镇, 流动, 男性, …).

Several populations and areas may fit the words (the 户籍 and 常住 populations, of several
years): a relation is kept only when **no** pairing gives the printed figure, and it is
then written with the best one (the population of the density's year, named as a total).
A density printed as a whole number of people (96人) is a rate, not a count: it stands
for its rounding interval, so the rule carries half its last place as a tolerance.

The words tie the density to a population and an area; when the text prints one area and
one population of the density's year, the pairing is beyond doubt and a miss is an error,
otherwise a warning (which population is meant is inferred).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from decimal import Decimal

from factlint.extract.detectors.base import HOLDS, Index, Item, Relation, is_latin, where
from factlint.extract.detectors.in_effect import label_or_key, year_in_effect
from factlint.extract.detectors.judging import decide, per_mode, point
from factlint.extract.detectors.wording import normal_label
from factlint.extract.pipeline import Found
from factlint.numbers.figures import format_figure
from factlint.numbers.intervals import Interval

_SCORE = 4.0
_MAX_CANDIDATES = 8  # populations and areas tried per density, the nearest ones
_DENSITY_LABEL = re.compile(r"人口密度|\bdensity\b", re.IGNORECASE)
_PER_KM2_BEFORE = re.compile(r"每平方(?:公里|千米)\s*(?:约|約|有|达|達)?\s*$")
_PER_KM2_AFTER = re.compile(
    r"^\s*(?:/|／|每)\s*(?:平方(?:公里|千米)|km²|km2|sq\.?\s*km)"
    r"|^\s*(?:people|persons|inhabitants|residents)?\s*(?:per|/)\s*"
    r"(?:km²|km2|sq\.?\s*km|square\s+kilomet(?:re|er))",
    re.IGNORECASE,
)
_APPROXIMATE = re.compile(r"约|約|近|大概|\b(?:about|around|approximately|some|nearly)\b", re.I)
_AREA_LABEL = re.compile(r"面[积積]|\barea\b|\bcovers?\b|\bcovering\b", re.IGNORECASE)
_SUB_AREA = re.compile(
    r"耕地|林地|草地|草原|牧|水域|水面|湿地|濕地|建成|城区|城區|城镇|城鎮|建设|建設|宅|园|園"
    r"|山地|森林|绿|綠|农|農|营业|營業|用地|占地|佔地|养殖|養殖|播种|播種"
    r"|\b(?:urban|built|farm|forest|land use|green)",
    re.IGNORECASE,
)
_POPULATION_ZH = re.compile(r"人口(?:数|數|总数|總數|数量|數量)?(?:为|為|有|达|達|是)?$")
_POPULATION_EN = re.compile(r"\b(?:population|residents|inhabitants|people)\b", re.IGNORECASE)
_SUB_POPULATION = re.compile(
    r"城镇|城鎮|乡村|鄉村|农村|農村|农业|農業|非农|非農|出生|死亡|男|女|民族|流动|流動|迁|遷"
    r"|岁|歲|老年|少儿|少兒|劳动|勞動|就业|就業|从业|從業|贫困|貧困|外来|外來|暂住|暫住|密度"
    r"|\b(?:urban|rural|male|female|men|women|aged|working|migrant|density|growth)\b",
    re.IGNORECASE,
)
_TOTAL_MARK = re.compile(r"[总總全]|\btotal\b", re.IGNORECASE)
_KM2 = Interval.point(Decimal(1))


def detect(index: Index) -> Iterator[Relation]:
    for item, found in index.in_order:
        if not _is_density(index, item, found):
            continue
        areas = _nearest(index, found, _areas(index))
        people = _nearest(index, found, _populations(index))
        if areas and people:
            yield from _density(index, _as_rate(item), found, areas, people)


def _is_density(index: Index, item: Item, found: Found) -> bool:
    figure = item.figure
    if figure.qualifier or figure.kind not in ("count", "number") or figure.scale != 1:
        return False
    if figure.kind == "count" and not figure.text.rstrip().endswith("人"):
        return False
    label = normal_label(found.context.label) or found.context.label
    if not _DENSITY_LABEL.search(label) and not _DENSITY_LABEL.search(found.context.before[-24:]):
        return False
    before = index.masked[max(found.context.clause[0], found.spot.start - 12) : found.spot.start]
    if _APPROXIMATE.search(before):
        return False  # 约每平方公里300人
    after = index.masked[found.spot.end : found.spot.end + 40]
    return _PER_KM2_BEFORE.search(before) is not None or _PER_KM2_AFTER.search(after) is not None


def _as_rate(item: Item) -> Item:
    """A density of 96人 is a rate: its rounding interval, not a count's single point."""
    if not item.figure.exact and not item.exact:
        return item
    return dataclasses.replace(
        item, exact=False, read_as=dataclasses.replace(item.figure, exact=False)
    )


def _areas(index: Index) -> list[tuple[Item, Found]]:
    cached = index.memo.get("densities-areas")
    if not isinstance(cached, list):
        cached = index.memo["densities-areas"] = [
            (item, found) for item, found in index.in_order if _is_area(index, item, found)
        ]
    return cached


def _is_area(index: Index, item: Item, found: Found) -> bool:
    figure = item.figure
    if figure.unit != "km2" or figure.qualifier or item.fact.kind != "amount":
        return False
    words = _words(index, found) or found.context.before[-24:]
    return _AREA_LABEL.search(words) is not None and _SUB_AREA.search(words) is None


def _populations(index: Index) -> list[tuple[Item, Found]]:
    cached = index.memo.get("densities-populations")
    if not isinstance(cached, list):
        cached = index.memo["densities-populations"] = [
            (item, found) for item, found in index.in_order if _is_population(index, item, found)
        ]
    return cached


def _is_population(index: Index, item: Item, found: Found) -> bool:
    figure = item.figure
    if figure.qualifier or item.fact.kind not in ("count", "number"):
        return False
    label = _words(index, found)
    if figure.text.rstrip().endswith("人"):
        return _POPULATION_ZH.search(label) is not None and not _SUB_POPULATION.search(label)
    if figure.unit not in ("", "count") or not is_latin(figure.text):
        return False  # an English population: 32,000, 1.2 million
    return _POPULATION_EN.search(label) is not None and not _SUB_POPULATION.search(label)


def _words(index: Index, found: Found) -> str:
    """The figure's label as printed, or the key a header line prints it under."""
    label, keyed = label_or_key(index, found)
    return label if keyed else found.context.label.strip()


def _nearest(
    index: Index, found: Found, candidates: list[tuple[Item, Found]]
) -> list[tuple[Item, Found]]:
    """One printing per fact, the fact's nearest, nearest facts first."""
    by_fact: dict[str, tuple[int, Item, Found]] = {}
    for item, of in candidates:
        distance = abs(of.spot.start - found.spot.start)
        if item.id not in by_fact or distance < by_fact[item.id][0]:
            by_fact[item.id] = (distance, item, of)
    ranked = sorted(by_fact.values(), key=lambda entry: entry[0])
    return [(item, of) for _, item, of in ranked[:_MAX_CANDIDATES]]


def _per_km2(people: Interval, area: Interval) -> Interval:
    return people / (area / _KM2)


def _density(
    index: Index,
    item: Item,
    found: Found,
    areas: list[tuple[Item, Found]],
    people: list[tuple[Item, Found]],
) -> Iterator[Relation]:
    year = year_in_effect(index, found)
    of_year = [pair for pair in people if _of_year(index, pair[1], year)]
    sure = len(areas) == 1 and len(of_year) == 1  # one reading of the words: asserted
    for area, af in areas:
        for population, pf in people:
            said = decide(per_mode(_per_km2, population, area), item)
            if said is None:
                return
            if said[0] == HOLDS:
                meant = sure and population.id == of_year[0][0].id
                yield _relation(index, item, found, (population, pf), (area, af), said, meant)
                return
    population, pf = max(of_year or people, key=_rank_population)
    area, af = max(areas, key=_rank_area)
    decided = decide(per_mode(_per_km2, population, area), item)
    if decided is not None:
        yield _relation(index, item, found, (population, pf), (area, af), decided, sure)


def _of_year(index: Index, found: Found, year: Decimal | None) -> bool:
    return year_in_effect(index, found) == year


def _rank_population(pair: tuple[Item, Found]) -> bool:
    """A population named as a total (总人口) first; ``max`` keeps the nearest of a tie."""
    return _TOTAL_MARK.search(pair[1].context.label) is not None


def _rank_area(pair: tuple[Item, Found]) -> bool:
    return _TOTAL_MARK.search(pair[1].context.label) is not None or "区域" in pair[1].context.label


def _relation(
    index: Index,
    item: Item,
    found: Found,
    of_people: tuple[Item, Found],
    of_area: tuple[Item, Found],
    decided: tuple[str, str],
    sure: bool,
) -> Relation:
    (population, pf), (area, af) = of_people, of_area
    status, would = decided
    value = point(lambda p, a: p / a, population, area)
    computed = "?" if value is None else format_figure(value, item.figure, item.figure.places + 1)
    evidence = (
        f"{population.fact.value} / {area.fact.value} = {computed} per km², printed "
        f"{item.fact.value} ({where(found, pf, af)})"
    )
    rule: dict[str, object] = {"check": f"{item.id} == {population.id} / ({area.id} / 1平方公里)"}
    if item.fact.figure.exact:  # a whole number of people per km² read as a count
        half = item.figure.unit_in_last_place() / 2
        rule["tolerance"] = format_figure(half, item.figure, 1)
    words = index.quote(found.context.clause[0], found.spot.end) if sure else ""
    ids = (population.id, area.id, item.id)
    return Relation("ratio", ids, status, _SCORE, rule, evidence, item.fact.value, would, words)

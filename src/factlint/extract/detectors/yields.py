"""``单产``, ``亩产``: a yield per unit of area is its output over the area sown.

粮食总产30万吨，平均亩产1250公斤 with 粮食作物播种面积0.14万公顷 printed before it; 全国夏粮
总产量12627万吨 … 播种面积27557千公顷 … 单产每公顷4582公斤: the word says the figure is an
output divided by an area, in a smaller unit of its kind (万吨 → 公斤 per 亩 or per 公顷).

The output is the quantity 亩产 follows bare (…30万吨，平均亩产…), or one whose label is the
crop the yield names (夏粮单产 → 夏粮总产量) with 产 in it, printed within ``_REACH``
sentences; the areas are those sown or harvested (播种, 种植, 收获 面积; never 耕地, which
a second crop sows twice) printed within ``_REACH`` sentences, of the output's crop when the
output names one. 亩产 is per 亩, a yield printed 每公顷 or /公顷 per 公顷; a bare 单产 may be
either.

Which area is meant is inferred, so the relation is kept only when **no** output, area and
unit of area the words allow gives the figure, and it is then a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from factlint.extract.detectors.base import Index, Item, Relation, is_quantity, where
from factlint.extract.detectors.judging import decide, per_mode, point
from factlint.extract.detectors.wording import normal_label
from factlint.extract.pipeline import Found
from factlint.numbers.figures import format_figure
from factlint.numbers.intervals import Interval

_SCORE = 3.0
_REACH = 6
_YIELD = re.compile(
    r"^(?:平均)?(?P<crop>.{0,8}?)(?:平均)?(?P<word>亩产|畝產|单产|單產)(?:量)?"
    r"(?P<per>每(?:公[顷頃]|[亩畝]))?(?:为|為|达|達)?$"
)
_PER_HECTARE = re.compile(r"每\s*公[顷頃]\s*$")
_PER_HECTARE_AFTER = re.compile(r"^\s*/\s*公[顷頃]")
_PER_MU = re.compile(r"每\s*[亩畝]\s*$")
_SOWN = re.compile(r"播种|播種|种植|種植|收获|收穫|收割")
_OUTPUT = re.compile(r"产|產")
_BARE = re.compile(
    r"^\s*[，,]\s*(?:平均)?\s*(?:亩产|畝產|单产|單產)(?:量)?\s*(?:每\s*(?:公[顷頃]|[亩畝]))?"
    r"\s*(?:为|為|达|達)?\s*$"
)
# kilograms, the yield's unit, per unit of the output: as a constant the rule multiplies by
_MASS: dict[str, tuple[Decimal, str]] = {
    "t": (Decimal(1000), "(1000千克 / 1吨)"),
    "kg": (Decimal(1), ""),
    "jin": (Decimal("0.5"), "(1千克 / 2斤)"),
}
_TO_KG: dict[str, Decimal] = {"kg": Decimal(1), "jin": Decimal(2)}  # yield units per kg
# (area unit of the figure's text, per what) -> area units per 亩 / 公顷, and the constant
_AREA: dict[tuple[str, str], tuple[int, int, str]] = {
    ("mu", "mu"): (1, 1, ""),
    ("hectare", "mu"): (15, 1, "(15亩 / 1公顷)"),
    ("hectare", "hectare"): (1, 1, ""),
    ("mu", "hectare"): (1, 15, "(1公顷 / 15亩)"),
}
_PER_WORD = {"mu": "1亩", "hectare": "1公顷"}


def detect(index: Index) -> Iterator[Relation]:
    for item, found in index.in_order:
        if item.figure.unit not in _TO_KG or item.figure.qualifier or not is_quantity(item):
            continue
        named = _YIELD.match(normal_label(found.context.label))
        if named is None:
            continue
        per = _per(index, found, named["word"], named["per"] or "")
        outputs = _outputs(index, item, found, named["crop"])
        if not outputs:
            continue
        areas = _areas(index, found, outputs)
        if areas:
            yield from _yield(index, item, found, outputs, areas, per)


def _per(index: Index, found: Found, word: str, named: str) -> tuple[str, ...]:
    if named:
        return ("mu",) if named[-1] in "亩畝" else ("hectare",)
    before = index.masked[max(0, found.spot.start - 6) : found.spot.start]
    after = index.masked[found.spot.end : found.spot.end + 6]
    if _PER_HECTARE.search(before) or _PER_HECTARE_AFTER.match(after):
        return ("hectare",)
    if _PER_MU.search(before) or word in ("亩产", "畝產"):
        return ("mu",)
    return ("mu", "hectare")


def _outputs(index: Index, item: Item, found: Found, crop: str) -> list[tuple[Item, Found]]:
    at = index.position(found)
    if at:
        other, of = index.in_order[at - 1]
        if (
            of.context.sentence == found.context.sentence
            and other.figure.unit in _MASS
            and is_quantity(other)
            and _BARE.match(index.masked[of.spot.end : found.spot.start])
        ):
            return [(other, of)]
    if len(crop) < 2:
        return []
    out: dict[str, tuple[Item, Found]] = {}
    for other, of, _ in index.near(found, _REACH):
        label = normal_label(of.context.label)
        if other.figure.unit not in _MASS or not is_quantity(other) or other.figure.qualifier:
            continue
        if crop in label and _OUTPUT.search(label.split(crop, 1)[1]) and "单产" not in label:
            out.setdefault(other.id, (other, of))
    return list(out.values())


def _crop(label: str) -> str:
    """粮食总产 → 粮食: the words before the output's 总产 / 产量."""
    return re.split(r"总产|總產|产量|產量|生产|生產|产|產", label, maxsplit=1)[0]


def _areas(
    index: Index, found: Found, outputs: list[tuple[Item, Found]]
) -> list[tuple[Item, Found]]:
    crops = {c for _, of in outputs if len(c := _crop(normal_label(of.context.label))) >= 2}
    out: dict[str, tuple[Item, Found]] = {}
    for other, of, _ in index.near(found, _REACH):
        if other.figure.unit not in ("mu", "hectare") or other.figure.qualifier:
            continue
        label = normal_label(of.context.label)
        if not _SOWN.search(label) or not is_quantity(other):
            continue
        if crops and not any(crop[-2:] in label for crop in crops):
            continue
        out.setdefault(other.id, (other, of))
    return list(out.values())


def _ratio(mass: Decimal, spread: tuple[int, int]) -> object:
    """Output over area: ``mass`` yield units per output unit, ``spread`` (num, den) the
    yield's areas per area unit, kept as two integers so no factor is rounded."""
    scale, num, den = (
        Interval.point(mass),
        Interval.point(Decimal(spread[0])),
        Interval.point(Decimal(spread[1])),
    )
    return lambda output, sown: output * scale * den / (sown * num)


def _factors(
    item: Item, output: Item, area: Item, per: str
) -> tuple[Decimal, tuple[int, int]] | None:
    to_kg, _ = _MASS[output.figure.unit]
    spread = _AREA.get((area.figure.unit, per))
    if spread is None:
        return None
    return to_kg * _TO_KG[item.figure.unit], spread[:2]


def _yield(
    index: Index,
    item: Item,
    found: Found,
    outputs: list[tuple[Item, Found]],
    areas: list[tuple[Item, Found]],
    pers: tuple[str, ...],
) -> Iterator[Relation]:
    tried: list[tuple[tuple[Item, Found], tuple[Item, Found], str, tuple[str, str]]] = []
    for of_output in outputs:
        for of_area in areas:
            for per in pers:
                factors = _factors(item, of_output[0], of_area[0], per)
                if factors is None:
                    continue
                mass, spread = factors
                said = decide(
                    per_mode(_ratio(mass, spread), of_output[0], of_area[0]),  # type: ignore[arg-type]
                    item,
                )
                if said is None or said[0] == "holds":
                    return  # some reading of the words gives the figure
                tried.append((of_output, of_area, per, said))
    if not tried:
        return
    (output, of), (area, af), per, (status, would) = tried[0]
    mass, (num, den) = _factors(item, output, area, per) or (Decimal(1), (1, 1))
    value = point(lambda o, a: o * mass * den / (a * num), output, area)
    computed = "?" if value is None else format_figure(value, item.figure, item.figure.places + 1)
    evidence = (
        f"{output.fact.value} / {area.fact.value} = {computed} per "
        f"{'亩' if per == 'mu' else '公顷'}, printed {item.fact.value} ({where(found, of, af)})"
    )
    mass_constant = _MASS[output.figure.unit][1]
    area_constant = _AREA[(area.figure.unit, per)][2]
    to_yield = "" if item.figure.unit == "kg" else " * (2斤 / 1千克)"
    top = f"{output.id} * {mass_constant}" if mass_constant else output.id
    bottom = f"({area.id} * {area_constant})" if area_constant else area.id
    rule = {"check": f"{item.id} == {top}{to_yield} / {bottom} * {_PER_WORD[per]}"}
    ids = (output.id, area.id, item.id)
    yield Relation("ratio", ids, status, _SCORE, rule, evidence, item.fact.value, would)

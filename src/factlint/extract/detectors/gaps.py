"""``difference`` between two rates: 分别增长10.6%和9.1%，增速分别比规模以上工业快4.6和
3.1个百分点 — each rate exceeds the rate named after 比 by the gap stated."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from factlint.extract.detectors.base import Index, Item, Relation, is_plain, where
from factlint.extract.detectors.judging import judge, per_mode, point
from factlint.extract.pipeline import Found
from factlint.numbers.figures import format_figure

_GAP = re.compile(r"(分别)?比([^，,。；;#]{2,12}?)(高出|快|高|低|慢|多|少)$")
_GAP_DOWN = ("低", "慢", "少")
_LIST_JOINS = ("和", "、", "与", " and ", ", ")
_GAP_REACH = 6  # sentences back to the rate compared with


def detect(index: Index) -> Iterator[Relation]:
    """分别增长10.6%和9.1%，增速分别比规模以上工业快4.6和3.1个百分点: each rate exceeds the
    rate named after 比 (printed before, under that name) by the gap stated."""
    order = index.in_order
    for number, (_, found) in enumerate(order):
        cue = _GAP.search(found.context.before[-24:])
        if cue is None:
            continue
        gaps = _listed(index, number)
        if not gaps or gaps[-1][0].figure.kind != "points":
            continue
        named, down = cue.group(2), cue.group(3) in _GAP_DOWN
        base = _rate_named(index, found, named)
        if base is None:
            continue
        clause_start = found.spot.start - len(found.context.before) + cue.start()
        rates = sorted(
            (
                (item, f)
                for item, f, _ in index.near(found, 0)
                if f.spot.start < clause_start
                and item.figure.kind == "percent"
                and item.id != base[0].id
            ),
            key=lambda pair: pair[1].spot.start,
        )
        if len(rates) < len(gaps) or (len(gaps) > 1 and not cue.group(1)):
            continue
        for (rate, rf), (gap, gf) in zip(rates[-len(gaps) :], gaps, strict=True):
            yield from _gap(rate, rf, base, gap, gf, down)


def _listed(index: Index, number: int) -> list[tuple[Item, Found]]:
    """The figure at ``number`` and those joined to it by 和 / 、 (4.6和3.1个百分点); plain
    numbers take the points of the last one."""
    order = index.in_order
    run = [order[number]]
    while number + len(run) < len(order):
        item, found = order[number + len(run)]
        if index.between(run[-1][1], found) not in _LIST_JOINS:
            break
        run.append((item, found))
    unit = run[-1][0].figure
    if unit.kind != "points":
        return run
    out = []
    for item, found in run:
        if is_plain(item):
            item = dataclasses.replace(
                item, read_as=dataclasses.replace(item.figure, scale=unit.scale, kind="points")
            )
        if item.figure.kind != "points":
            return []
        out.append((item, found))
    return out


def _rate_named(index: Index, found: Found, named: str) -> tuple[Item, Found] | None:
    """The nearest rate printed before ``found`` whose label holds ``named`` (规模以上工业)."""
    earlier = [
        (other.spot.start, item, other)
        for item, other, _ in index.near(found, _GAP_REACH)
        if other.spot.start < found.spot.start
        and item.figure.kind == "percent"
        and named in other.context.label
    ]
    if not earlier:
        return None
    _, item, other = max(earlier, key=lambda t: t[0])
    return item, other


def _gap(
    rate: Item,
    rf: Found,
    base: tuple[Item, Found],
    gap: Item,
    gf: Found,
    down: bool,
) -> Iterator[Relation]:
    other, of = base
    first, second = (other, rate) if down else (rate, other)
    status, would = judge(per_mode(lambda a, b: a - b, first, second), gap)
    if not status:
        return
    value = point(lambda a, b: a - b, first, second)
    shown = "?" if value is None else format_figure(value, gap.figure, gap.figure.places)
    evidence = (
        f"{first.fact.value} - {second.fact.value} = {shown}, printed {gap.fact.value} "
        f"({where(rf, of, gf)})"
    )
    printed = gap.fact.figure
    scaled = gap.figure.scale != printed.scale
    right = f"{gap.id} / {int(1 / gap.figure.scale)}" if scaled else gap.id
    rule = {"check": f"{first.id} - {second.id} == {right}"}
    ids = (rate.id, other.id, gap.id)
    yield Relation("difference", ids, status, 3.5, rule, evidence, gap.fact.value, would)

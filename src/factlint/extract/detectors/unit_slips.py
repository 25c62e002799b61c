"""A whole printed with the wrong scale word: its parts add up to its digits.

耕地面积17583万亩，其中水田15535亩，旱土2048亩: 15535 + 2048 = 17583, so the whole is the
sum of the parts the 其中 lists, printed with 万 where the parts have none — a unit slip (it
should read 17583亩). That the digits of a sum match exactly while the scale words differ is
no coincidence a report makes by chance, and the 其中 says which whole the parts belong
to, so it is an error (asserted): ``sum`` of the parts, off by the power of ten of the
slipped scale word. A breakdown whose parts do not reach the whole's digits says nothing
here (其中 may list only some of the parts); a part larger than its whole is ``within``'s.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from decimal import Decimal

from factlint.extract.detectors.base import (
    OFF_BY_SCALE,
    Index,
    Item,
    Relation,
    is_additive,
    same_unit,
    where,
)
from factlint.extract.detectors.judging import add_all, decide, interval_or_none, per_mode, point
from factlint.extract.detectors.wording import parts_under_wholes
from factlint.extract.pipeline import Found
from factlint.numbers.figures import format_figure

_SCORE = 4.5
_MAX_PARTS = 8


def detect(index: Index) -> Iterator[Relation]:
    for position, _, _, whole, wf, words in parts_under_wholes(index):
        run = _listed(index, position, whole)
        if len(run) < 2 or any(item.figure.scale == whole.figure.scale for item, _ in run):
            continue
        if len({item.figure.scale for item, _ in run}) != 1:
            continue
        yield from _slip(whole, wf, run, words)


def _listed(index: Index, position: int, whole: Item) -> list[tuple[Item, Found]]:
    """The quantities of the whole's unit listed from ``position`` on in its sentence (rates
    between them are skipped; a quantity of another unit ends the list)."""
    first = index.in_order[position][1]
    run: list[tuple[Item, Found]] = []
    seen: set[str] = {whole.id}
    for item, found in index.in_order[position : position + 3 * _MAX_PARTS]:
        if found.context.sentence != first.context.sentence or found.section != first.section:
            break
        if item.fact.kind in ("percent", "points"):
            continue
        if not is_additive(item) or not same_unit(whole, item) or item.id in seen:
            break
        seen.add(item.id)
        run.append((item, found))
        if len(run) == _MAX_PARTS:
            break
    return run


def _slip(whole: Item, wf: Found, run: list[tuple[Item, Found]], words: str) -> Iterator[Relation]:
    """The sum, when the parts add up to the whole's digits read at the parts' scale."""
    parts = [item for item, _ in run]
    as_parts = _rescaled(whole, parts[0].figure.scale)
    total = per_mode(lambda *xs: add_all(xs), *parts).get("nearest")
    said = interval_or_none(as_parts, "nearest")
    if total is None or said is None or not total.intersects(said):
        return
    decided = decide(per_mode(lambda *xs: add_all(xs), *parts), whole)
    if decided is None or decided[0] != OFF_BY_SCALE:
        return
    added = point(lambda *xs: sum(xs, Decimal(0)), *parts)
    shown = " + ".join(item.fact.value for item in parts)
    should = format_figure(as_parts.figure.base, parts[0].figure, whole.figure.places)
    summed = "?" if added is None else format_figure(added, parts[0].figure)
    evidence = (
        f"{shown} = {summed}, printed {whole.fact.value}: a unit slip, the whole should read "
        f"{should} ({where(wf, *(found for _, found in run))})"
    )
    rule = {"sum": {"parts": [item.id for item in parts], "total": whole.id}}
    ids = (whole.id, *(item.id for item in parts))
    yield Relation(
        "sum", ids, OFF_BY_SCALE, _SCORE, rule, evidence, whole.fact.value, should, words
    )


def _rescaled(whole: Item, scale: Decimal) -> Item:
    """The whole as if printed with the parts' scale word (17583万亩 read as 17583亩)."""
    figure = dataclasses.replace(whole.figure, scale=scale)
    return dataclasses.replace(whole, read_as=figure)

"""``within``: parts a 其中 lists as one list cannot add up to more than their whole.

耕地2500公顷，其中水稻1400公顷、玉米1300公顷: a 其中 need not list every part (the rest may be
other crops), so the parts may fall short of the whole, but parts of one list are disjoint
— items joined by 、 和 及 in one clause are kinds of one division, and so are the two halves
of a pair that splits a whole in two (男性/女性, 城镇/乡村, 出口/进口) — and together they cannot
exceed it (1400 + 1300 > 2500). A part too large alone is ``withins``'; parts named by 分别为
are ``stated_lists``'. Parts listed with commas and no such pair may overlap (其中规模以上企业
18家，国有企业5家) and bind nothing. The words assert the relation, so a sum above the whole,
on the intervals the printed figures stand for, is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from factlint.extract.detectors.base import (
    EXCEEDS,
    HOLDS,
    Index,
    Item,
    Relation,
    is_additive,
    same_unit,
    where,
)
from factlint.extract.detectors.judging import add_all, per_mode, point
from factlint.extract.detectors.wording import normal_label, parts_under_wholes
from factlint.extract.pipeline import Found
from factlint.numbers.figures import format_figure

_SCORE = 4.0
_MAX_PARTS = 12
# 、玉米 / 和旱地 / 及其他: the next item of one list, no clause between
_JOINED = re.compile(r"^\s*(?:、|和|及|与|與|以及)\s*[^#，,。；;：:()（）]{0,12}$")
_COMMA = re.compile(r"^\s*[，,；;]\s*[^#，,。；;：:()（）]{1,12}$")
_HALVES = (
    ("男", "女"),
    ("城镇", "乡村"),
    ("城鎮", "鄉村"),
    ("城镇", "农村"),
    ("城鎮", "農村"),
    ("城市", "农村"),
    ("城市", "農村"),
    ("出口", "进口"),
    ("出口", "進口"),
    ("公有", "非公有"),
    ("国有", "非国有"),
    ("國有", "非國有"),
)


def detect(index: Index) -> Iterator[Relation]:
    order = index.in_order
    for position, _, pf, whole, wf, _ in parts_under_wholes(index):
        if position and _joined(index, order[position - 1], pf):
            continue  # a list is read from its first item
        run = _list(index, position, whole)
        if len(run) >= 2:
            words = index.quote(wf.spot.start, run[-1][1].spot.end)
            yield from _within(whole, wf, run, words)


def _joined(index: Index, earlier: tuple[Item, Found], found: Found) -> bool:
    _, ef = earlier
    return ef.sentence == found.sentence and bool(_JOINED.match(index.between(ef, found)))


def _list(index: Index, position: int, whole: Item) -> list[tuple[Item, Found]]:
    """The items of one list from ``position`` on: joined by 、 和 及, or the two halves of a
    pair (男性…，女性…)."""
    run = [index.in_order[position]]
    for item, found in index.in_order[position + 1 : position + _MAX_PARTS]:
        last = run[-1][1]
        if found.sentence != last.sentence or found.section != last.section:
            break
        if not (is_additive(item) and same_unit(item, whole)) or item.id == whole.id:
            break
        gap = index.between(last, found)
        if _JOINED.match(gap):
            run.append((item, found))
        elif len(run) == 1 and _COMMA.match(gap) and _halves(last, found):
            run.append((item, found))
            break
        else:
            break
    if len({item.id for item, _ in run}) != len(run):
        return []
    return run


def _halves(a: Found, b: Found) -> bool:
    """男性人口 and 女性人口: two labels alike but for the halves of one division."""
    first, second = normal_label(a.context.label), normal_label(b.context.label)
    for one, other in _HALVES:
        for x, y in ((one, other), (other, one)):
            if first.startswith(x) and second.startswith(y):
                return first[len(x) :] == second[len(y) :]
    return False


def _within(
    whole: Item, wf: Found, run: list[tuple[Item, Found]], words: str
) -> Iterator[Relation]:
    items = [item for item, _ in run]
    added = per_mode(lambda *xs: add_all(xs), *items).get("nearest")
    limit = per_mode(lambda x: x, whole).get("nearest")
    if added is None or limit is None or added.lo is None or limit.hi is None:
        return
    status = EXCEEDS if added.lo > limit.hi else HOLDS
    value = point(lambda *xs: sum(xs, Decimal(0)), *items)
    shown = " + ".join(item.fact.value for item in items)
    summed = "?" if value is None else format_figure(value, whole.figure, whole.figure.places + 1)
    evidence = (
        f"{shown} = {summed}, one list after 其中 of parts of {whole.fact.value} "
        f"({where(wf, *(found for _, found in run))})"
    )
    rule = {"check": " + ".join(item.id for item in items) + f" <= {whole.id}"}
    ids = (whole.id, *(item.id for item in items))
    yield Relation("within", ids, status, _SCORE, rule, evidence, whole.fact.value, asserted=words)

"""``difference``: a change stated beside the two values it lies between (revised
down by 72,000, from +336,000 to +264,000; 由60.2%提高到61.5%，提高1.3个百分点)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from factlint.extract.detectors.base import (
    HOLDS,
    MISMATCH,
    Index,
    Item,
    Relation,
    has,
    is_multiple,
    same_unit,
    where,
)
from factlint.extract.detectors.judging import judge, per_mode, point
from factlint.extract.pipeline import Found
from factlint.numbers.figures import format_figure

_FROM = re.compile(
    r"(?:\bfrom|(?:由|从|從)\s*(?:上年同期|去年同期|上年末|上年|去年|年初|\d{4}年(?:末|底)?)?\s*的?)\s*$",
    re.IGNORECASE,
)
_FROM_TO = re.compile(
    r"^\s*(?:to|(?:提高|增加|上升|增长|下降|降低|减少|回落|升|降)?(?:到|至))\s*$", re.IGNORECASE
)
_UP = ("up", "increase", "rose", "higher", "增加", "提高", "上升", "增长", "升")
_DOWN = ("down", "decrease", "declin", "fell", "lower", "减少", "下降", "降低", "回落", "降")
_CHANGE_BEFORE = re.compile(
    r"(?:\bby|\bof|(?:增加|减少|提高|下降|降低|上升|回落|增长)了?)\s*$", re.IGNORECASE
)
_CHANGE_REACH = 60  # characters between a change and the two values it lies between


def detect(index: Index) -> Iterator[Relation]:
    """revised down by 72,000, from +336,000 to +264,000; 由60.2%提高到61.5%，提高1.3个百分点:
    a stated change beside the two values it lies between."""
    order = index.in_order
    for number in range(len(order) - 1):
        (old, of), (new, nf) = order[number], order[number + 1]
        if of.sentence != nf.sentence or old.id == new.id:
            continue
        if "date" in (old.fact.kind, new.fact.kind):  # 2008 to 2033: years, not values
            continue
        if not _FROM.search(index.flat[max(0, of.spot.start - 12) : of.spot.start]):
            continue
        if not _FROM_TO.match(index.between(of, nf)) or not same_unit(old, new):
            continue
        change = _change_beside(index, number, of, nf)
        if change is None:
            continue
        item, cf = change
        said = cf.context.before[-16:].lower() + index.between(of, nf)
        down = has(said, _DOWN) and not has(said, _UP)
        up = has(said, _UP) and not down
        if not (up or down):
            down = new.figure.base < old.figure.base
        # a change read with its sign (降低了1.3个百分点 is -1.3) is new - old
        first, second = (old, new) if down and item.figure.number > 0 else (new, old)
        status, would = judge(per_mode(lambda a, b: a - b, first, second), item)
        if not status and item.figure.kind == "percent" and old.figure.kind == "percent":
            continue  # up 70 percent, from 3.0 percent to 5.1 percent: a growth, not a gap
        status = status or MISMATCH  # from X to Y, by C: the words leave no doubt
        value = point(lambda a, b: a - b, first, second)
        shown = "?" if value is None else format_figure(value, item.figure, item.figure.places)
        evidence = (
            f"{first.fact.value} - {_signed(second.fact.value)} = {shown}, printed "
            f"{item.fact.value} ({where(of, nf, cf)})"
        )
        rule = {"check": f"{first.id} - {second.id} == {item.id}"}
        ids = (old.id, new.id, item.id)
        score = 3.0 + (status == HOLDS)
        # from X to Y, by C: the words bind the three
        words = index.quote(min(of.spot.start, cf.spot.start) - 5, max(nf.spot.end, cf.spot.end))
        yield Relation(
            "difference", ids, status, score, rule, evidence, item.fact.value, would, words
        )


def _signed(value: str) -> str:
    return f"({value})" if value.startswith(("-", "−")) else value


def _change_beside(index: Index, number: int, of: Found, nf: Found) -> tuple[Item, Found] | None:
    """The change stated nearest to the pair, in its sentence, after a cue (by, 提高)."""
    order = index.in_order
    old, new = order[number][0], order[number + 1][0]
    best: tuple[int, Item, Found] | None = None
    for at in (number - 1, number + 2):
        if not 0 <= at < len(order):
            continue
        item, found = order[at]
        if found.sentence != of.sentence or item.id in (old.id, new.id):
            continue
        if not _CHANGE_BEFORE.search(found.context.before[-12:]):
            continue
        if is_multiple(index, found):
            continue  # increased by 2.5-fold: a multiple, not the change's amount
        if not (same_unit(item, old) and _change_kind(item, old)):
            continue
        distance = of.spot.start - found.spot.end if at < number else found.spot.start - nf.spot.end
        if distance <= _CHANGE_REACH and (best is None or distance < best[0]):
            best = (distance, item, found)
    return None if best is None else (best[1], best[2])


def _change_kind(change: Item, value: Item) -> bool:
    """A change is counted as its values are, or in points between percents."""
    kinds = (value.figure.kind, change.figure.kind)
    return kinds[0] == kinds[1] or kinds in (("percent", "points"), ("number", "number"))

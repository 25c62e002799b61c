"""``structure``: the parts of a ratio (三次产业结构 6.8:42.7:50.5) add up to 100,
and each is the ``share`` of the amounts listed just before it in their total."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from decimal import Decimal

from factlint.extract.detectors.base import (
    HOLDS,
    MAX_DISTANCE,
    MISMATCH,
    OFF_BY_ONE,
    TRUNCATION,
    WHOLE,
    Index,
    Item,
    Relation,
    has,
    is_additive,
    is_plain,
    pct,
    same_unit,
    where,
)
from factlint.extract.detectors.judging import add_all, judge, per_mode, point
from factlint.extract.pipeline import Found
from factlint.numbers.figures import Figure
from factlint.numbers.intervals import Interval

_RATIO_MARKS = (":", "∶")
_STRUCTURE_CUES = ("结构", "比例", "构成", "之比", "structure", "ratio", "split", "mix")
_PERCENT = Decimal("0.01")


def detect(index: Index) -> Iterator[Relation]:
    """6.8:42.7:50.5 — the parts of a ratio add up to 100, and each is the share of the
    amounts listed just before it in their total."""
    order = index.in_order
    position = 0
    while position < len(order):
        run = [order[position]]
        while position + len(run) < len(order):
            item, found = order[position + len(run)]
            last = run[-1][1]
            if found.sentence != last.sentence or index.between(last, found) not in _RATIO_MARKS:
                break
            run.append((item, found))
        position += len(run)
        if len(run) < 2 or not all(is_plain(item) for item, _ in run):
            continue
        head = run[0][1]
        cue = has(index.flat[max(0, head.spot.start - 12) : head.spot.start], _STRUCTURE_CUES)
        if len(run) == 2 and not cue:
            continue  # 3:2 is a score or a ratio of two, not parts of a whole
        parts = [dataclasses.replace(item, read_as=_as_percent(item.figure)) for item, _ in run]
        status = _adds_to_hundred(parts)
        if status is None and cue and len(run) >= 3:
            status = MISMATCH  # a named structure of three parts or more: no coincidence
        if status is None:
            continue
        shown = ":".join(item.fact.value for item, _ in run)
        total = point(lambda *xs: sum(xs, Decimal(0)), *(item for item, _ in run))
        evidence = (
            f"{' + '.join(i.fact.value for i, _ in run)} = {total}, printed as the parts of "
            f"100 ({where(*[f for _, f in run])})"
        )
        rule = {"check": " + ".join(item.id for item, _ in run) + " == 100"}
        ids = tuple(item.id for item, _ in run)
        score = 2.0 + cue + (len(run) >= 3)
        # 三次产业结构 6.8:42.7:50.5 names the parts of a whole; a bare 3:2 does not
        words = index.quote(head.spot.start - 8, run[-1][1].spot.end) if cue else ""
        yield Relation("structure", ids, status, score, rule, evidence, shown, asserted=words)
        yield from _structure_shares(index, run, parts)


def _as_percent(figure: Figure) -> Figure:
    return dataclasses.replace(figure, scale=_PERCENT, kind="percent")


def _adds_to_hundred(parts: list[Item]) -> str | None:
    computed = per_mode(lambda *xs: add_all(xs), *parts)
    near, trunc = computed.get("nearest"), computed.get("truncate")
    whole = Interval.point(WHOLE)
    if near is None:
        return None
    if near.intersects(whole):
        return HOLDS
    if trunc is not None and trunc.intersects(whole):
        return TRUNCATION
    step = max(p.figure.unit_in_last_place() for p in parts)
    if near.intersects(whole.widened(step)):
        return OFF_BY_ONE
    return None


def _structure_shares(
    index: Index, run: list[tuple[Item, Found]], parts: list[Item]
) -> Iterator[Relation]:
    """The amounts listed just before the ratio, one for each of its parts, in their total
    (地区生产总值1077.9亿元 … 其中第一产业增加值72.8亿元 … 三次产业结构6.8:42.7:50.5)."""
    head = run[0][1]
    before = [
        (item, found)
        for item, found, _ in index.near(head, MAX_DISTANCE)
        if found.spot.start < head.spot.start and is_additive(item)
    ]
    before.sort(key=lambda pair: pair[1].spot.start)
    listed = before[-len(run) - 1 :]
    if len(listed) != len(run) + 1:
        return
    (whole, wf), amounts = listed[0], listed[1:]
    items = [item for item, _ in amounts]
    if not all(same_unit(whole, item) for item in items) or len({i.id for i in items}) < len(items):
        return
    if judge(per_mode(lambda *xs: add_all(xs), *items), whole)[0] not in (HOLDS, TRUNCATION):
        return  # the parts listed are not the breakdown of that total
    for (part, pf), stated, (share, sf) in zip(amounts, parts, run, strict=True):
        computed = per_mode(lambda a, b: a / b, part, whole)
        status, would = judge(computed, stated)
        if not status:
            continue
        value = point(lambda a, b: a / b, part, whole)
        evidence = (
            f"{part.fact.value} / {whole.fact.value} = {pct(value)}, printed "
            f"{share.fact.value} of {':'.join(i.fact.value for i, _ in run)} "
            f"({where(sf, pf, wf)})"
        )
        rule = {"check": f"{part.id} / {whole.id} * 100 == {share.id}"}
        ids = (part.id, whole.id, share.id)
        suggestion = would.rstrip("%") if would else ""
        yield Relation("share", ids, status, 4.5, rule, evidence, share.fact.value, suggestion)

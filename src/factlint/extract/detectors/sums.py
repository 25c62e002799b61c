"""``sum``: the parts listed after a total (其中, of which) add up to it."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from factlint.extract.detectors.base import (
    HOLDS,
    NEARBY_FIGURES,
    OFF_BY_ONE,
    TRUNCATION,
    Index,
    Item,
    Relation,
    has,
    is_additive,
    is_breakdown,
    printed_after,
    where,
)
from factlint.extract.detectors.judging import add_all, judge, per_mode, point
from factlint.extract.pipeline import Found
from factlint.numbers.figures import format_figure

_TOTAL_WORDS = ("总", "全", "合计", "total")


def detect(index: Index) -> Iterator[Relation]:
    for total in index.items:
        if not is_additive(total):
            continue
        for mention in total.fact.mentions:
            following = [(i, f) for i, f in printed_after(index, total, mention) if is_additive(i)]
            following = following[:NEARBY_FIGURES]
            # a total may be broken down more than once (按所在地分 …；按消费类型分 …)
            for begin in range(len(following) - 1):
                before_run = index.between(
                    mention if begin == 0 else following[begin - 1][1], following[begin][1]
                )
                if begin and not is_breakdown(before_run):
                    continue
                cue = is_breakdown(before_run) or has(total.fact.label, _TOTAL_WORDS)
                for end in range(begin + 2, len(following) + 1):
                    yield from _sum_candidate(total, mention, following[begin:end], cue)


def _sum_candidate(
    total: Item, mention: Found, run: list[tuple[Item, Found]], cue: bool
) -> Iterator[Relation]:
    parts = [item for item, _ in run]
    status, would = judge(per_mode(lambda *xs: add_all(xs), *parts), total)
    if status not in (HOLDS, TRUNCATION, OFF_BY_ONE):
        return
    score = 1.0 + 2 * cue + (len(parts) >= 3) - (status != HOLDS) * 0.5
    value = point(lambda *xs: sum(xs, Decimal(0)), *parts)
    shown = " + ".join(p.fact.value for p in parts)
    added = "?" if value is None else format_figure(value, total.figure, total.figure.places + 1)
    evidence = (
        f"{shown} = {added}, printed {total.fact.value} "
        f"({where(mention, *(found for _, found in run))})"
    )
    rule = {"sum": {"parts": [p.id for p in parts], "total": total.id}}
    ids = (total.id, *(p.id for p in parts))
    yield Relation("sum", ids, status, score, rule, evidence, total.fact.value, would)

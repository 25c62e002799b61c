"""``completion`` stated in words: 投资额427.3亿元，完成230亿元目标任务的185% — the actual
printed just before 完成 (rate clauses aside), the target printed inside the words, the
percent after 的. Checked whatever its numbers say; a completion that fails is an error.
(English "112% of its target of $5m" is read as a stated share.)"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factlint.extract.detectors.base import Index, Item, Relation, is_quantity, pct, same_unit
from factlint.extract.detectors.base import where as where_printed
from factlint.extract.detectors.judging import decide, per_mode, point
from factlint.extract.detectors.wording import figures_between, quantity_just_before
from factlint.extract.pipeline import Found

_SCORE = 5.0
_REACH = 64  # characters before the percent that may hold 完成…目标的
_CUE = re.compile(
    r"(?P<lead>[^#，,。；;：:]*?)(?P<verb>完成了?|實現|实现|达到|達到|占|佔)\s*"
    r"(?P<target>[^，,。；;：:]*?)\s*(?:年度|全年|年)?\s*(?:目标|目標|计划|計劃|预算|預算|任务|任務)"
    r"\s*(?:任务|任務)?\s*的\s*$"
)


def detect(index: Index) -> Iterator[Relation]:
    for stated, found in index.in_order:
        if stated.figure.kind != "percent" or stated.figure.qualifier:
            continue
        yield from _completion(index, stated, found)


def _completion(index: Index, stated: Item, sf: Found) -> Iterator[Relation]:
    begin = max(sf.context.clause[0], sf.spot.start - _REACH)
    match = _CUE.fullmatch(index.masked[begin : sf.spot.start])
    if match is None or match.group("lead").strip():
        return
    target_at = begin + match.start("target")
    inside = figures_between(index, target_at, target_at + len(match.group("target")))
    if len(inside) != 1 or match.group("target").count("#") != len(inside[0][1].text):
        return
    target, tf = inside[0]
    bound = quantity_just_before(index, sf, begin + match.start("verb"))
    if bound is None:
        return
    actual, af = bound
    if actual.id == target.id or not (is_quantity(target) and same_unit(actual, target)):
        return
    decided = decide(per_mode(lambda a, b: a / b, actual, target), stated)
    if decided is None:
        return
    status, would = decided
    value = point(lambda a, b: a / b, actual, target)
    evidence = (
        f"{actual.fact.value} / {target.fact.value} = {pct(value)}, printed "
        f"{stated.fact.value} ({where_printed(sf, af, tf)})"
    )
    rule = {"share": {"part": actual.id, "whole": target.id, "is": stated.id}}
    ids = (actual.id, target.id, stated.id)
    words = index.quote(af.context.clause[0], sf.spot.end)
    yield Relation(
        "completion", ids, status, _SCORE, rule, evidence, stated.fact.value, would, words
    )

"""``completion`` stated in words: 投资额427.3亿元，完成230亿元目标任务的185% — the actual
printed just before 完成 (rate clauses aside), the target printed inside the words, the
percent after 的. Checked whatever its numbers say; a completion that fails is an error.
(English "112% of its target of $5m" is read as a stated share.) With no target in the
words (完成年度计划的108%, 達成率104.7%), the sentence's two quantities of one unit are the
plan (labelled 计划, 目标, 预算) and the actual."""

from __future__ import annotations

import re
from collections.abc import Iterator

from factlint.extract.detectors.base import Index, Item, Relation, is_quantity, pct, same_unit
from factlint.extract.detectors.base import where as where_printed
from factlint.extract.detectors.judging import decide, per_mode, point
from factlint.extract.detectors.wording import (
    figures_between,
    normal_label,
    quantity_just_before,
)
from factlint.extract.pipeline import Found

_SCORE = 5.0
_REACH = 64  # characters before the percent that may hold 完成…目标的
_PLAN = r"(?:目标|目標|计划|計劃|预算|預算|任务|任務)"
_CUE = re.compile(
    r"(?P<lead>[^#，,。；;：:]*?)(?P<verb>完成了?|實現|实现|达到|達到|占|佔)\s*"
    r"(?P<target>[^，,。；;：:]*?)\s*(?:年度|全年|年)?\s*" + _PLAN + r"\s*(?:任务|任務)?\s*的\s*$"
)
# 完成年度目标80.0亿元的105.0%: the target printed after the word that names it
_CUE_AFTER = re.compile(
    r"(?P<lead>[^#，,。；;：:]*?)(?P<verb>完成了?|實現|实现|达到|達到|占|佔)\s*"
    r"(?:调整|調整|年初|年度|全年)?\s*"
    + _PLAN
    + r"\s*(?:任务|任務)?\s*(?P<target>#[^，,。；;：:]*?)"
    r"\s*的\s*$"
)
# 年度目标为80.0亿元: a target named by its label, printed earlier in the sentence
_PLAN_LABEL = re.compile(_PLAN + r"(?:任务|任務|数|數)?$")
# 年度计划投资15亿元 … 实际完成16.2亿元: a label naming a plan anywhere, and the actual
_PLAN_WORD = re.compile(_PLAN)
# 達成率107.4%, 完成率为: the completion named by its noun, actual and target before it
_RATE_CUE = re.compile(
    r"\s*(?P<verb>完成率|达成率|達成率|执行率|執行率|完成进度|完成進度)\s*(?:为|為|达到?|達到?|是)?\s*"
)


def detect(index: Index) -> Iterator[Relation]:
    for stated, found in index.in_order:
        if stated.figure.kind != "percent" or stated.figure.qualifier:
            continue
        yield from _completion(index, stated, found)


def _completion(index: Index, stated: Item, sf: Found) -> Iterator[Relation]:
    begin = max(sf.context.clause[0], sf.spot.start - _REACH)
    before = index.masked[begin : sf.spot.start]
    match = _CUE.fullmatch(before) or _CUE_AFTER.fullmatch(before)
    if match is None:
        named = _RATE_CUE.fullmatch(before)
        if named is not None:
            yield from _planned_and_actual(index, stated, sf, begin + named.start("verb"))
        return
    if match.group("lead").strip():
        return
    target_at = begin + match.start("target")
    inside = figures_between(index, target_at, target_at + len(match.group("target")))
    if not inside and "#" not in match.group("target"):
        yield from _named_target(index, stated, sf, begin + match.start("verb"))
        return
    if len(inside) != 1 or match.group("target").count("#") != len(inside[0][1].text):
        return
    target, tf = inside[0]
    bound = quantity_just_before(index, sf, begin + match.start("verb"))
    if bound is None:
        return
    actual, af = bound
    yield from _relation(index, stated, sf, actual, af, target, tf)


def _named_target(index: Index, stated: Item, sf: Found, verb_at: int) -> Iterator[Relation]:
    """投资88.6亿元，年度目标为80.0亿元，完成年度目标的110.8%: the target is the quantity
    just before the verb whose label names a target, the actual the one just before it."""
    bound = quantity_just_before(index, sf, verb_at)
    if bound is None:
        return
    target, tf = bound
    if not _PLAN_LABEL.search(normal_label(tf.context.label or target.fact.label)):
        yield from _planned_and_actual(index, stated, sf, verb_at)
        return
    actual_at = quantity_just_before(index, tf, tf.context.clause[0])
    if actual_at is None:
        return
    actual, af = actual_at
    yield from _relation(index, stated, sf, actual, af, target, tf)


def _relation(
    index: Index, stated: Item, sf: Found, actual: Item, af: Found, target: Item, tf: Found
) -> Iterator[Relation]:
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


def _planned_and_actual(index: Index, stated: Item, sf: Found, verb_at: int) -> Iterator[Relation]:
    """年度计划投资15亿元，实际完成16.2亿元，完成年度计划的108%; 實收12.36億元，預算數11.80億元，
    達成率104.7%: the sentence before the cue prints two quantities of one unit, one labelled
    as the plan (计划, 目标, 预算), the other the actual."""
    quantities = [
        (item, found)
        for item, found in figures_between(index, sf.context.sentence[0], verb_at)
        if is_quantity(item) and not item.figure.qualifier
    ]
    plans = [
        pair
        for pair in quantities
        if _PLAN_WORD.search(normal_label(pair[1].context.label or pair[0].fact.label))
    ]
    if len(quantities) != 2 or len(plans) != 1:
        return
    target, tf = plans[0]
    actual, af = next(pair for pair in quantities if pair[0] is not target)
    yield from _relation(index, stated, sf, actual, af, target, tf)

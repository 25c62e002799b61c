"""``share``: part / whole = a stated percent (占比, 开工率, of sales); ``completion``
when the percent is over 100 (完成目标任务的 185%)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from factlint.extract.detectors.base import (
    HOLDS,
    MAX_DISTANCE,
    OFF_BY_SCALE,
    WHOLE,
    Index,
    Item,
    Relation,
    has,
    is_compared,
    is_quantity,
    nearest,
    pct,
    same_unit,
    where,
)
from factlint.extract.detectors.judging import judge, per_mode, point
from factlint.extract.pipeline import Found

_SHARE_CUES = (
    "占比",
    "比重",
    "占",
    "率",
    "的",
    "share",
    "of sales",
    "of revenue",
    "of the",
    "rate",
)
_COMPLETION_CUES = ("完成", "目标", "计划", "target", "goal", "budget")
_MIN_SHARE_SCORE = 4.0


def detect(index: Index) -> Iterator[Relation]:
    for stated in index.items:
        figure = stated.figure
        if figure.kind != "percent" or stated.fact.kind == "growth":
            continue
        for mention in stated.fact.mentions:
            near = nearest(
                [(i, f, d) for i, f, d in index.near(mention, MAX_DISTANCE) if is_quantity(i)],
                mention.spot.start,
                lambda triple: triple[1].spot.start,
            )
            for (part, pf, pd), (whole, wf, wd) in itertools.permutations(near, 2):
                if part.id == whole.id or not same_unit(part, whole) or pd > 1:
                    continue
                yield from _share(stated, mention, part, pf, pd, whole, wf, wd)


def _share(
    stated: Item, mention: Found, part: Item, pf: Found, pd: int, whole: Item, wf: Found, wd: int
) -> Iterator[Relation]:
    completion = stated.figure.base > WHOLE
    if (part.figure.base > whole.figure.base) != completion:
        return
    if is_compared(pf) != is_compared(wf):
        return  # "$36.3 million (last year) or 5.2% of sales" is not a share of this year's sales
    # 51项 … 六新项目39项，占比76.5%: the whole comes first, then the part, then its
    # share; a completion prints the actual before the target (427.3 … 230 … 185%).
    first, second = (pf, wf) if completion else (wf, pf)
    in_order = first.spot.start < second.spot.start < mention.spot.start
    if not in_order and not _label_tie(stated, part):
        return
    before = mention.context.before + " " + mention.context.after
    cue = has(before, _COMPLETION_CUES if completion else _SHARE_CUES)
    computed = per_mode(lambda a, b: a / b, part, whole)
    status, would = judge(computed, stated)
    if not status:
        return
    tie = _label_tie(stated, part)
    score = 1.0 + cue + tie + (pd == 0) + (wd <= 1) + (stated.fact.kind == "share")
    if status != HOLDS:
        # a near miss is only worth saying when the words tie the three together
        if not (tie or (completion and cue)) or (status == OFF_BY_SCALE and not tie):
            return
        if _rate_only(stated, before):
            return  # 死亡率 6.28‰ of the year's average population, not the year-end one
        score -= 0.5
    if score < _MIN_SHARE_SCORE:
        return
    kind = "completion" if completion else "share"
    value = point(lambda a, b: a / b, part, whole)
    evidence = (
        f"{part.fact.value} / {whole.fact.value} = {pct(value)}, printed {stated.fact.value} "
        f"({where(mention, pf, wf)})"
    )
    rule = {_rule_key(kind): {"part": part.id, "whole": whole.id, "is": stated.id}}
    ids = (part.id, whole.id, stated.id)
    yield Relation(kind, ids, status, score, rule, evidence, stated.fact.value, would)


_PART_WORDS = ("占", "比重", "share", "of the", "of all", "of total")


def _rate_only(stated: Item, context: str) -> bool:
    """A rate (死亡率, 开工率, rate) named with no word of part and whole: its base may be
    another figure than the one printed (an average, the start of the period), so only a
    relation that holds is taken from the numbers."""
    label = stated.fact.label.lower().rstrip()
    return label.endswith(("率", "rate")) and not has(context, _PART_WORDS)


def _label_tie(stated: Item, part: Item) -> float:
    a, b = stated.fact.label.lower(), part.fact.label.lower()
    if not a or not b:
        return 0.0
    return 1.0 if b in a or a in b else 0.0


def _rule_key(kind: str) -> str:
    return "share" if kind in ("share", "completion") else kind

"""``equal``: a figure a summary repeats from the body (a sidebar, the lead, the headline)
under the same label, printed with another value.

全年固定资产投资162.24亿元 in the body and 固定资产投资累计完成162.42亿元 in a sidebar are one
quantity printed twice: when the two values differ like a slip of the pen — one digit
changed, two digits swapped, the last digit off by one, a 万/亿 slip — the repeat is a
finding. Nothing in the words says the two are one quantity, so it is a warning, and only
the strict near misses are kept: the same label in a summary and the body is no proof
when the values are far apart (another period, another scope).

The labels must match exactly, each section must print that label with one value only,
and the time words of the two sentences (全年, 上半年, 1-11月, 年末), when both print
some, must agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factlint.extract.detectors.base import (
    MISMATCH,
    OFF_BY_ONE,
    OFF_BY_SCALE,
    Index,
    Item,
    Relation,
    is_additive,
    where,
)
from factlint.extract.detectors.wording import normal_label
from factlint.extract.pipeline import Found
from factlint.numbers.quantities import unit_of

_SCORE = 3.0
_MIN_LABEL = 4
_TIME_WORDS = re.compile(
    r"全年|上半年|下半年|前三季度|[一二三四]季度|年末|年底|年初|上年|去年|同期|当月|本月"
    r"|#+月|[一二三四五六七八九十]+月|#+年"
)
_VERBS = re.compile(r"实现|實現|完成|累计|累計|达到|達到|共计|共")
_SUMMARIES = ("sidebar", "lead", "headline")


def detect(index: Index) -> Iterator[Relation]:
    groups: dict[tuple[str, object, str], list[tuple[Item, Found]]] = {}
    for item, found in index.in_order:
        if not is_additive(item) or found.context.framing:
            continue
        label = _VERBS.sub("", normal_label(found.context.label))
        if len(label) < _MIN_LABEL:
            continue
        key = (label, unit_of(item.figure), item.fact.kind)
        groups.setdefault(key, []).append((item, found))
    for mentions in groups.values():
        pair = _summary_and_body(mentions)
        if pair is not None:
            yield from _repeat(index, *pair)


def _summary_and_body(
    mentions: list[tuple[Item, Found]],
) -> tuple[tuple[Item, Found], tuple[Item, Found]] | None:
    """The one fact a summary prints under the label and the one fact the body prints."""
    by_section: dict[str, dict[str, tuple[Item, Found]]] = {}
    for item, found in mentions:
        by_section.setdefault(found.section, {}).setdefault(item.id, (item, found))
    if len(by_section) != 2 or any(len(facts) != 1 for facts in by_section.values()):
        return None
    summaries = [s for s in by_section if s.startswith(_SUMMARIES)]
    if len(summaries) != 1 or "body" not in by_section:
        return None
    (summary,) = by_section[summaries[0]].values()
    (body,) = by_section["body"].values()
    if summary[0].id == body[0].id:
        return None  # one value, linked: the duplicate check compares them
    return summary, body


def _repeat(
    index: Index, summary: tuple[Item, Found], body: tuple[Item, Found]
) -> Iterator[Relation]:
    (repeat, rf), (said, sf) = summary, body
    times = _times(index, rf), _times(index, sf)
    if all(times) and times[0] != times[1]:
        return  # 上半年 against 全年: another period
    status = _slip(repeat, said)
    if status is None:
        return
    evidence = (
        f"{said.fact.label or said.id} is printed {said.fact.value} in the body and "
        f"{repeat.fact.value} in {rf.section} ({where(sf, rf)})"
    )
    rule = {"check": f"{repeat.id} == {said.id}"}
    ids = (said.id, repeat.id)
    yield Relation("equal", ids, status, _SCORE, rule, evidence, repeat.fact.value)


def _times(index: Index, found: Found) -> frozenset[str]:
    start = found.context.sentence[0]
    return frozenset(_TIME_WORDS.findall(index.masked[start : found.spot.start]))


def _slip(first: Item, second: Item) -> str | None:
    """How two printings of one quantity differ when a hand slipped, or None."""
    a, b = first.figure, second.figure
    if a.number == b.number:
        return OFF_BY_SCALE if a.scale != b.scale else None
    if a.scale != b.scale or a.places != b.places:
        return None
    digits_a, digits_b = _digits(a.number), _digits(b.number)
    if len(digits_a) != len(digits_b):
        return None
    if abs(a.base - b.base) == a.unit_in_last_place():
        return OFF_BY_ONE
    changed = [i for i, (x, y) in enumerate(zip(digits_a, digits_b, strict=True)) if x != y]
    if len(changed) == 1:
        return MISMATCH  # one digit changed
    if len(changed) == 2 and changed[1] == changed[0] + 1:
        i, j = changed
        if digits_a[i] == digits_b[j] and digits_a[j] == digits_b[i]:
            return MISMATCH  # two digits swapped
    return None


def _digits(number: object) -> str:
    return re.sub(r"\D", "", str(number))

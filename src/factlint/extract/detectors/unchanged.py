"""``equal``: a value the words say did not change equals the one printed for the period
before.

- "The fee for 2023/24 remains unchanged from last year at £120.00." … "The fee for 2022/23
  was £120.00." — the two sentences name the same thing (the words before their first
  figure) and consecutive periods (2022/23 → 2023/24; 2022 → 2023);
- 2023年学费标准为每生1200元，与上年持平 … 2022年学费标准为每生1200元 (持平, 保持不变).

The value is the one amount the unchanged sentence prints after its period; the earlier one
the one amount of that unit in the sentence naming the period before. When the earlier
period is printed in no such sentence, or in more than one, nothing is bound. Checked
whatever the numbers say; a value that changed is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factlint.extract.detectors.base import (
    HOLDS,
    MISMATCH,
    Index,
    Item,
    Relation,
    in_span,
    is_quantity,
    same_unit,
    where,
)
from factlint.extract.detectors.judging import interval_or_none
from factlint.extract.detectors.wording import normal_label
from factlint.extract.pipeline import Found

_SCORE = 5.0
_UNCHANGED = re.compile(
    r"\b(?:remains?|remained|was|is|were|are|kept|held|left|stays?|stayed)\s+unchanged\b"
    r"|\bunchanged\s+(?:from|on|since)\b|\bthe\s+same\s+as\s+(?:last|the\s+previous)\s+year\b"
    r"|与上年持平|与去年持平|與上年持平|與去年持平|保持不变|保持不變|与上年相同|與上年相同",
    re.IGNORECASE,
)
# 2023/24, 2023-24, 2023年: a period, by its first year
_PERIOD = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s*[/-]\s*(\d\d))?(?!\d)")
_SUBJECT_CHARS = re.compile(r"[^\w]+")


def detect(index: Index) -> Iterator[Relation]:
    sentences = _sentences(index)
    by_subject: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for key, (subject, period, _) in sentences.items():
        if subject and period:
            by_subject.setdefault((subject, period), []).append(key)
    for key, (subject, period, text) in sentences.items():
        if not subject or not period or _UNCHANGED.search(text) is None:
            continue
        value_at = _one_amount(index, key, after_period=True)
        earlier = by_subject.get((subject, _before(period)), [])
        if value_at is None or len(earlier) != 1:
            continue
        base_at = _one_amount(index, earlier[0], like=value_at[0])
        if base_at is None:
            continue
        yield from _equal(index, value_at, base_at)


def _sentences(index: Index) -> dict[tuple[int, int], tuple[str, str, str]]:
    """Per sentence (by its span): the words before its first figure, the period they name,
    and the sentence."""
    out: dict[tuple[int, int], tuple[str, str, str]] = {}
    for _, found in index.in_order:
        span = found.context.sentence
        if span in out:
            continue
        flat = index.flat[span[0] : span[1]]
        period = _PERIOD.search(flat)
        out[span] = (_subject(index, span, period), _period_key(period), flat)
    return out


def _subject(index: Index, span: tuple[int, int], period: re.Match[str] | None) -> str:
    """The words naming what the sentence measures: before its period ("The fee for
    2023/24"), or between the period and the first figure (2023年学费标准为…)."""
    if period is None:
        return ""
    figures = [
        f.spot.start - span[0] for item, f in in_span(index, span) if item.fact.kind != "date"
    ]
    first = min((at for at in figures if at >= period.end()), default=-1)
    if first < 0:
        return ""
    flat = index.flat[span[0] : span[1]]
    lead = _SUBJECT_CHARS.sub(" ", flat[: period.start()]).strip().lower()
    if lead:
        return lead
    return normal_label(flat[period.end() : first].lstrip("年度"))


def _period_key(period: re.Match[str] | None) -> str:
    if period is None:
        return ""
    return period.group(1) + ("/" + period.group(2) if period.group(2) else "")


def _before(period: str) -> str:
    first, _, second = period.partition("/")
    earlier = str(int(first) - 1)
    if not second:
        return earlier
    return f"{earlier}/{(int(second) - 1) % 100:02d}"


def _one_amount(
    index: Index, span: tuple[int, int], *, after_period: bool = False, like: Item | None = None
) -> tuple[Item, Found] | None:
    """The one amount of the sentence (of ``like``'s unit), dates and counts of years aside."""
    found = [
        (item, f)
        for item, f in in_span(index, span)
        if is_quantity(item)
        and item.fact.kind == "amount"
        and (like is None or same_unit(like, item))
    ]
    if after_period:
        found = found[:1]
    return found[0] if len(found) == 1 else None


def _equal(
    index: Index, value_at: tuple[Item, Found], base_at: tuple[Item, Found]
) -> Iterator[Relation]:
    (value, vf), (base, bf) = value_at, base_at
    if value.id == base.id:
        return  # linked as one fact: the duplicate check compares them
    said, earlier = interval_or_none(value, "nearest"), interval_or_none(base, "nearest")
    if said is None or earlier is None:
        return
    status = HOLDS if said.intersects(earlier) else MISMATCH
    evidence = (
        f"{value.fact.value}, said to be unchanged, against {base.fact.value} the period "
        f"before ({where(vf, bf)})"
    )
    rule = {"equal": [value.id, base.id]}
    words = index.quote(vf.context.sentence[0], vf.context.sentence[1])
    yield Relation(
        "equal", (base.id, value.id), status, _SCORE, rule, evidence, value.fact.value, "", words
    )

"""What is in effect at a figure beyond its clause: the calendar year printed last before
it, the key a header line prints it under, and an approximate figure read as printed."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from factlint.extract.detectors.base import Index, Item
from factlint.extract.detectors.wording import normal_label
from factlint.extract.pipeline import Found

_YEAR_REACH = 40  # figures back to the calendar year a figure is of
# 人口数量:约3.12万人 | … : the key of a header line's value, up to the line's start or a bar
_KEY = re.compile(r"(?:^|[|｜\n])\s*(?P<key>[^|｜\n:：#，,。；;]{2,16}?)\s*[：:]\s*$")


def year_in_effect(index: Index, found: Found) -> Decimal | None:
    """The calendar year printed last before ``found`` (2011年，… 人均1.36亩 is 2011's)."""
    at = index.position(found)
    for item, _ in reversed(index.in_order[max(0, at - _YEAR_REACH) : at]):
        if item.fact.kind == "date" and item.figure.unit == "year":
            return item.figure.number
    return None


def label_or_key(index: Index, found: Found) -> tuple[str, bool]:
    """The figure's label, normalised, and whether it is the key a header line prints the
    figure under (人口数量:约3.12万人 |), which names it better than the clause does."""
    key = _KEY.search(index.masked[max(0, found.spot.start - 24) : found.spot.start])
    if key is not None:
        return normal_label(key["key"]), True
    return normal_label(found.context.label), False


def as_printed(item: Item) -> Item:
    """An approximate figure (约3.12万人) as the values its digits round from."""
    if item.figure.qualifier != "about":
        return item
    return dataclasses.replace(item, read_as=dataclasses.replace(item.figure, qualifier=""))

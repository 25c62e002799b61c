"""``sum`` inferred from the numbers: parts of a stated total that add up to more than it.

"In total, 374,307 applications were accepted … Northern Irish institutions … to 9,458.
Scottish institutions … to 35,413, English institutions … to 309,171 and Welsh
universities … to 20,505": a whole the words call a total (in total, a total of, overall,
altogether), and a paragraph after it whose quantities of the whole's unit — three or more,
each smaller than the whole and none itself a total — add up to a little more than it (by
at most ``_MARGIN``).
Parts may leave something out, so falling short is no evidence; exceeding the whole is,
since no part of a total can carry the total past itself. Inferred from the numbers, so a
warning with its near miss, never an error.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from decimal import Decimal

from factlint.extract.detectors.base import (
    EXCEEDS,
    Index,
    Item,
    Relation,
    is_additive,
    is_countable,
    same_unit,
    where,
)
from factlint.extract.detectors.judging import add_all, interval_or_none, per_mode, point
from factlint.extract.pipeline import Found
from factlint.numbers.figures import format_figure

_TOTAL = re.compile(
    r"\b(?:in\s+total|a\s+total\s+of|totall?(?:ed|ing)?|overall|altogether|in\s+all|all\s+told"
    r"|combined)\b",
    re.IGNORECASE,
)
_MARGIN = Decimal("0.02")  # parts past their total by more than this are another total's
_PARAGRAPHS = 2  # how many paragraphs after the total's own may list its parts
_MIN_PARTS = 3
_SCORE = 3.0


def detect(index: Index) -> Iterator[Relation]:
    paragraph_of = _paragraphs(index.extraction.text.source)
    for whole, wf in index.in_order:
        if not wf.text.isascii() or not is_additive(whole) or not _is_total(index, wf):
            continue
        own = paragraph_of[min(wf.line, len(paragraph_of)) - 1]
        groups: dict[int, list[tuple[Item, Found]]] = {}
        after = bisect.bisect_right(index.starts, wf.spot.end)
        for item, found in itertools.islice(index.in_order, after, None):
            if found.section != wf.section:
                continue
            paragraph = paragraph_of[min(found.line, len(paragraph_of)) - 1]
            if paragraph > own + _PARAGRAPHS:
                break
            if _is_total(index, found):
                continue  # another total: not a part
            if _addable(item) and same_unit(item, whole) and item.id != whole.id:
                groups.setdefault(paragraph, []).append((item, found))
        for parts in groups.values():
            yield from _exceeding(whole, wf, parts)


def _addable(item: Item) -> bool:
    """A quantity that adds up, or a bare number (to 9,458) of the whole's unit."""
    return is_additive(item) or (is_countable(item) and item.fact.kind == "number")


def _is_total(index: Index, wf: Found) -> bool:
    before = index.masked[max(wf.context.sentence[0], wf.spot.start - 24) : wf.spot.start]
    return bool(_TOTAL.search(before) or _TOTAL.search(wf.context.label))


def _paragraphs(source: str) -> list[int]:
    """The paragraph number of each line (1-based lines; blank lines part the paragraphs)."""
    numbers, current, blank = [], 0, True
    for line in source.splitlines() or [""]:
        if line.strip() and blank:
            current += 1
        blank = not line.strip()
        numbers.append(current)
    return numbers


def _exceeding(whole: Item, wf: Found, run: list[tuple[Item, Found]]) -> Iterator[Relation]:
    seen: dict[str, tuple[Item, Found]] = {}
    for item, found in run:
        seen.setdefault(item.id, (item, found))
    parts = list(seen.values())
    items = [item for item, _ in parts]
    if len(items) < _MIN_PARTS or any(i.figure.base >= whole.figure.base for i in items):
        return
    added = per_mode(lambda *xs: add_all(xs), *items).get("nearest")
    said = interval_or_none(whole, "nearest")
    if added is None or said is None or added.lo is None or said.hi is None:
        return
    if added.lo <= said.hi or added.lo > said.hi * (1 + _MARGIN):
        return
    value = point(lambda *xs: sum(xs, Decimal(0)), *items)
    shown = " + ".join(item.fact.value for item in items)
    total = "?" if value is None else format_figure(value, whole.figure, whole.figure.places)
    founds = [found for _, found in parts]
    evidence = (
        f"{shown} = {total}, more than the total {whole.fact.value} they are parts of "
        f"({where(wf, *founds)})"
    )
    rule = {"sum": {"parts": [item.id for item in items], "total": whole.id}}
    ids = (whole.id, *(item.id for item in items))
    yield Relation("sum", ids, EXCEEDS, _SCORE, rule, evidence, whole.fact.value, total)

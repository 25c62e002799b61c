"""``sum``: a whole printed in a paragraph and its parts in the dashed sub-items under it.

    全县义务教育学校30所，校舍总面积57.74万平方米，较上年增加0.56万平方米。
    ——小学。校数17所；校舍总面积25.48万平方米，比上年增加0.44万平方米。
    ——初中。校数13所；校舍总面积32.26万平方米，比上年增加0.12万平方米。

Each measure the paragraph prints once (校舍总面积, and its change 较上年增加) and every
sub-item prints once is the sum of the sub-items' values: the layout says so, not the
words (the sub-items may not be all of the whole), so only a near miss — truncation, a
slip in the last digit — is reported, as a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from factlint.extract.detectors.base import (
    HOLDS,
    OFF_BY_ONE,
    TRUNCATION,
    Index,
    Item,
    Relation,
    is_additive,
    same_unit,
    where,
)
from factlint.extract.detectors.judging import add_all, judge, per_mode, point
from factlint.extract.detectors.wording import normal_label
from factlint.extract.pipeline import Found
from factlint.numbers.figures import format_figure

_SCORE = 2.0
_ITEM = re.compile(r"^\s*(?:——|—|－－)")
_CHANGE = re.compile(
    r"^(?P<measure>.*?)(?:较|比|較)(?:上年|去年)(?:同期|末)?"
    r"(?P<verb>增加|减少|減少|增长|增長|下降|提高|降低)$"
)
_MIN_ITEMS = 2

Keyed = dict[str, list[tuple[Item, Found]]]


def detect(index: Index) -> Iterator[Relation]:
    by_line = _keyed_by_line(index)
    for whole_line, item_lines in _runs(index.extraction.text.source):
        whole = by_line.get(whole_line, {})
        items = [by_line.get(line, {}) for line in item_lines]
        for key, listed in whole.items():
            if len(listed) != 1 or key.endswith("#"):
                continue
            parts = [_named(found, key) for found in items]
            if any(len(part) != 1 for part in parts):
                continue
            yield from _sum(listed[0], [part[0] for part in parts])


def _named(keyed: Keyed, key: str) -> list[tuple[Item, Found]]:
    """The quantities of a sub-item measuring what ``key`` names: the same words, or the
    last words of a longer name (全市卫生机构共有床位 → 床位)."""
    if key in keyed:
        return keyed[key]
    ending = [
        pairs for name, pairs in keyed.items() if len(name.rstrip("Δ")) >= 2 and key.endswith(name)
    ]
    return ending[0] if len(ending) == 1 else []


def _runs(source: str) -> Iterator[tuple[int, list[int]]]:
    """(the paragraph's line, its sub-items' lines), 1-based."""
    whole = 0
    run: list[int] = []
    for number, line in enumerate(source.split("\n"), start=1):
        if not line.strip():
            continue
        if _ITEM.match(line):
            if whole:
                run.append(number)
            continue
        if whole and len(run) >= _MIN_ITEMS:
            yield whole, run
        whole, run = number, []
    if whole and len(run) >= _MIN_ITEMS:
        yield whole, run


def _keyed_by_line(index: Index) -> dict[int, Keyed]:
    """Each line's quantities by the measure they print (a change keyed by its level's)."""
    out: dict[int, Keyed] = {}
    previous: dict[int, str] = {}
    for item, found in index.in_order:
        if not is_additive(item):
            continue
        label = normal_label(found.context.label or item.fact.label)
        change = _CHANGE.match(label)
        if change is not None:
            measure = change.group("measure") or previous.get(found.line, "")
            key = f"{measure}Δ" if measure else "#"
        else:
            key = label or "#"
            previous[found.line] = label
        out.setdefault(found.line, {}).setdefault(key, []).append((item, found))
    return out


def _sum(whole_at: tuple[Item, Found], parts: list[tuple[Item, Found]]) -> Iterator[Relation]:
    total, tf = whole_at
    items = [item for item, _ in parts]
    if not all(same_unit(total, item) for item in items):
        return
    if len({total.id, *(item.id for item in items)}) != len(items) + 1:
        return
    status, would = judge(per_mode(lambda *xs: add_all(xs), *items), total)
    if status not in (HOLDS, TRUNCATION, OFF_BY_ONE):
        return
    value = point(lambda *xs: sum(xs, Decimal(0)), *items)
    shown = " + ".join(item.fact.value for item in items)
    added = "?" if value is None else format_figure(value, total.figure, total.figure.places + 1)
    evidence = (
        f"{shown} = {added}, printed {total.fact.value}: the sub-items under it "
        f"({where(tf, *(found for _, found in parts))})"
    )
    rule = {"sum": {"parts": [item.id for item in items], "total": total.id}}
    ids = (total.id, *(item.id for item in items))
    yield Relation("sum", ids, status, _SCORE, rule, evidence, total.fact.value, would)

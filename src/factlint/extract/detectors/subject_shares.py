"""``share`` for each subject of a list named again before its shares (分别为 a、b).

- 地区生产总值1228亿元，其中中直经济384.8亿元，地方经济843.2亿元。中直经济和地方经济占比
  分别为31.3%和68.7% — the subjects' amounts were printed earlier; the shares name them again;
- 城镇、乡村人口占总人口的比重分别为60.0%和40.0% — the same with the whole named.

Each name of the list is the start of the label of exactly one quantity printed before it
(中直经济 → 中直经济实现增加值); the whole is the quantity the words name (占总人口的比重) or,
with no name (占比分别为), the whole a 其中 before the first subject breaks down. The words pair
each subject with its share: each share is checked whatever its numbers say, and one that fails
is an error. A list whose names do not each name one quantity binds nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factlint.extract.detectors.base import Index, Item, Relation, is_quantity, same_unit
from factlint.extract.detectors.paired_shares import share_run
from factlint.extract.detectors.stated_shares import share_relation
from factlint.extract.detectors.wording import (
    expand_list,
    fact_named,
    normal_label,
    whole_broken_down,
)
from factlint.extract.pipeline import Found

_CUE = re.compile(
    r"(?P<names>[^#，,。；;：:！？!?\s]{4,40}?)"
    r"(?:(?:占|佔)(?P<named>[^#，,。；;]{2,20}?)的?(?:比重|比例)|(?:的|所)?(?:占比|佔比|比重|比例))"
    r"\s*(?:分别|分別)\s*(?:为|為|是|达|達)\s*$"
)
_LOOK_BACK = 400  # characters before the list in which its subjects were printed


def detect(index: Index) -> Iterator[Relation]:
    order = index.in_order
    for position, (first, ff) in enumerate(order):
        if first.figure.kind != "percent" or first.figure.qualifier:
            continue
        start = order[position - 1][1].spot.end if position else 0
        cue = _CUE.search(index.masked[max(start, ff.spot.start - 80) : ff.spot.start])
        if cue is None:
            continue
        shares = share_run(index, position)
        names = expand_list(cue.group("names"))
        if len(shares) < 2 or len(names) != len(shares):
            continue
        subjects = _subjects(index, names, ff.spot.start - len(cue.group(0)))
        if subjects is None:
            continue
        whole = _whole(index, cue.group("named") or "", subjects)
        if whole is None:
            continue
        words = index.quote(ff.spot.start - len(cue.group(0)), shares[-1][1].spot.end)
        for (part, pf), (stated, sf) in zip(subjects, shares, strict=True):
            yield from share_relation(stated, sf, part, pf, whole[0], whole[1], words)


def _subjects(index: Index, names: list[str], before: int) -> list[tuple[Item, Found]] | None:
    """The one quantity each name starts the label of, printed shortly before the list."""
    found: list[tuple[Item, Found]] = []
    for name in names:
        wanted = normal_label(name)
        if len(wanted) < 2:
            return None
        matches = {
            item.id: (item, other)
            for item, other in index.in_order
            if before - _LOOK_BACK <= other.spot.start < before
            and is_quantity(item)
            and normal_label(other.context.label or item.fact.label).startswith(wanted)
        }
        if len(matches) != 1:
            return None
        found.append(next(iter(matches.values())))
    unit = found[0][0]
    if len({item.id for item, _ in found}) != len(found):
        return None
    if not all(same_unit(item, unit) for item, _ in found):
        return None
    return found


def _whole(
    index: Index, named: str, subjects: list[tuple[Item, Found]]
) -> tuple[Item, Found] | None:
    part, pf = subjects[0]
    if named:
        whole = fact_named(index, named, pf.spot.start, like=part)
    else:
        broken = whole_broken_down(index, part, pf)
        whole = None if broken is None else broken[:2]
    if whole is None:
        return None
    if any(item.id == whole[0].id or not same_unit(item, whole[0]) for item, _ in subjects):
        return None
    return whole

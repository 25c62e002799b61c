"""``share`` for each value of a list, paired in order with a list of shares by 分别.

- 第一、二、三产业增加值分别为50亿元、200亿元和250亿元，分别占地区生产总值的10.0%、40.0%和50.0%;
- 出口60亿元、进口40亿元，分别占进出口总额的60.0%和40.0%;
- …分别为12个和8个，占全部项目的比重分别为60.0%和40.0% (占…比重分别为, 分别占比).

The values are the run of quantities of one unit just before the cue, as many as the shares
after it; the whole is the one quantity printed before them that the cue names (地区生产总值),
or, with no name (分别占比), the whole a 其中 before them breaks down. The words pair each
value with its share: each is checked whatever its numbers say, and one that fails is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factlint.extract.detectors.base import Index, Item, Relation, is_quantity, same_unit
from factlint.extract.detectors.implied_bases import note_unplaced
from factlint.extract.detectors.named_bases import core, named_base
from factlint.extract.detectors.stated_shares import share_relation
from factlint.extract.detectors.wording import fact_named, whole_broken_down
from factlint.extract.pipeline import Found

_CUE = re.compile(
    r"^[^#，,。；;()（）]{0,10}?\s*[，,(（]?\s*(?:"
    r"(?:分别|分別)(?:占|佔)(?P<named>[^#，,。；;]{2,20}?)(?:的)?(?:比重|比例)?(?:为|為|是|达|達)?"
    r"|(?:占|佔)(?P<named2>[^#，,。；;]{2,20}?)(?:的)?(?:比重|比例)(?:分别|分別)(?:为|為|是|达|達)"
    r"|(?:分别|分別)(?:占比|佔比)(?:为|為|是|达|達)?"
    r"|(?:占比|佔比)(?:分别|分別)(?:为|為|是|达|達)"
    r")\s*$"
)
_JOIN = re.compile(r"^\s*(?:、|和|及|与|與|以及|,|，)\s*$")
# 有986户通电，有242户通有线电视: each value's name may stand after it as well as before
_LIST_GAP = re.compile(
    r"[^#，,。；;、()（）]{0,8}\s*(?:、|和|及|与|與|以及|,|，)\s*[^#，,。；;、]{0,16}"
)
_MAX = 8
_ALL = ("全部", "所有")
_NAMED = 2  # characters of a name, total words aside, that name a whole of its own


def detect(index: Index) -> Iterator[Relation]:
    order = index.in_order
    for position, (first, ff) in enumerate(order):
        if first.figure.kind != "percent" or first.figure.qualifier:
            continue
        if position == 0:
            continue
        cue = _CUE.match(index.between(order[position - 1][1], ff))
        if cue is None:
            continue
        shares = share_run(index, position)
        values = _values_before(index, position - 1, len(shares))
        if len(shares) < 2 or len(values) != len(shares):
            continue
        named = cue.group("named") or cue.group("named2") or ""
        whole = _whole(index, named, values)
        if whole is None:
            _note_unplaced(index, named, values, shares)
            continue
        words = index.quote(values[0][1].spot.start, shares[-1][1].spot.end)
        for (part, pf), (stated, sf) in zip(values, shares, strict=True):
            yield from share_relation(stated, sf, part, pf, whole[0], whole[1], words)


def _note_unplaced(
    index: Index,
    named: str,
    values: list[tuple[Item, Found]],
    shares: list[tuple[Item, Found]],
) -> None:
    """分别占农户总数的100%和75.56%, no 农户总数 printed: each pair for ``implied_bases``."""
    if not named or len(core(named)) < _NAMED:
        return
    words = index.quote(values[0][1].spot.start, shares[-1][1].spot.end)
    for (part, pf), (stated, sf) in zip(values, shares, strict=True):
        note_unplaced(index, named, stated, sf, part, pf, words)


def share_run(index: Index, position: int) -> list[tuple[Item, Found]]:
    """The list that starts at ``position``: figures joined by 、 和 commas."""
    order = index.in_order
    run = [order[position]]
    for item, found in order[position + 1 : position + _MAX]:
        if found.sentence != run[-1][1].sentence or not _JOIN.match(
            index.between(run[-1][1], found)
        ):
            break
        if item.figure.kind != "percent" or item.figure.qualifier:
            return []
        run.append((item, found))
    return run if len({item.id for item, _ in run}) == len(run) else []


def _values_before(index: Index, last: int, count: int) -> list[tuple[Item, Found]]:
    """The ``count`` quantities of one unit ending at ``last``, joined as a list (their
    names may stand between them: 出口60亿元、进口40亿元)."""
    order = index.in_order
    run = [order[last]]
    if not is_quantity(run[0][0]):
        return []
    for item, found in reversed(order[max(0, last - count + 1) : last]):
        gap = index.masked[found.spot.end : run[-1][1].spot.start]
        if found.sentence != run[-1][1].sentence or not _list_gap(gap):
            return []
        if not (is_quantity(item) and same_unit(item, run[0][0])):
            return []
        run.append((item, found))
    run.reverse()
    return run if len({item.id for item, _ in run}) == len(run) == count else []


def _list_gap(gap: str) -> bool:
    """、 和 or a comma, perhaps with the next value's name (、进口); no rate clause."""
    if any(word in gap for word in ("增长", "增長", "下降", "比上年", "同比")):
        return False
    return _LIST_GAP.fullmatch(gap) is not None


def _whole(index: Index, named: str, values: list[tuple[Item, Found]]) -> tuple[Item, Found] | None:
    part, pf = values[0]
    generic = (
        bool(named) and len(core(named)) < _NAMED
    )  # 分别占总数的: the whole of the values' kind
    found = fact_named(index, named, pf.spot.start, like=part) if named and not generic else None
    if found is None and named and not named.startswith(_ALL):
        # 分别占农户总数的: the base printed elsewhere (现有农户973户)
        ids = {item.id for item, _ in values}
        found = named_base(index, named, part, pf, values[-1][1], exclude=ids)
    if found is not None:
        whole, wf = found
    elif named and not named.startswith(_ALL):
        return None  # 占全省的: a whole not printed here
    else:  # 分别占比, 占全部项目的比重: the whole a 其中 breaks down
        broken = whole_broken_down(index, part, pf)
        if broken is None:
            return None
        whole, wf, _ = broken
    if any(item.id == whole.id or not same_unit(item, whole) for item, _ in values):
        return None
    return whole, wf

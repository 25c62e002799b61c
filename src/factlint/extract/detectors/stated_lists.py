"""Lists of amounts paired with their names by 分别为, against the whole they break down.

- 全年共签约项目30个，其中工业项目、服务业项目、农业项目分别为12个、10个、9个 — the parts a
  其中 lists cannot add up to more than their whole: 31 > 30 is an error the words assert
  (``within``, a part too large alone is the ``within`` detector's);
- 户籍人口112635人 … 0-17岁、18-34岁、35-59岁、60岁及以上户籍人口分别为18891人、19099人、
  48951人和25594人 — brackets that run from 0 (or 以下) to 及以上 without a gap cover every
  member of the whole their names end with: they add up to it. That is read from the
  brackets, not said in words, so a miss is a warning (``sum``).

The names are paired with the values in order (第一、第二、第三产业 … 分别为 a、b、c); a list
whose names and values do not pair one to one binds nothing.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from decimal import Decimal

from factlint.extract.detectors.base import (
    EXCEEDS,
    HOLDS,
    MAX_DISTANCE,
    Index,
    Item,
    Relation,
    is_additive,
    same_unit,
    where,
)
from factlint.extract.detectors.judging import add_all, decide, per_mode, point
from factlint.extract.detectors.wording import (
    expand_list,
    fact_named,
    normal_label,
    whole_broken_down,
)
from factlint.extract.pipeline import Found
from factlint.numbers.figures import format_figure

_SCORE = 4.0
_CUE = re.compile(
    r"(?P<names>[^，,。；;：:]*?)(?:均|共)?\s*(?:分别为|分別為|分别是|分別是|分别达到?|分別達到?|分别有|分別有)"
    r"\s*$"
)
_JOIN = re.compile(r"^\s*(?:、|和|及|与|與|以及|,|，)\s*$")
_LEADING = ("其中", "其中：", "全年", "年末", "分别")
_RANGE = re.compile(r"^(\d+)\s*(?:-|—|–|~|～|至|到)\s*(\d+)")
_FROM_ZERO = re.compile(r"^(\d+)[^\d]{0,3}(?:以下|及以下)")
_TO_THE_TOP = re.compile(r"^(\d+)[^\d]{0,3}(?:及以上|以上)")
_MAX_VALUES = 12


def detect(index: Index) -> Iterator[Relation]:
    order = index.in_order
    for position, (first, ff) in enumerate(order):
        if not is_additive(first):
            continue
        begin = max(ff.context.clause[0], ff.spot.start - 60)
        cue = _CUE.search(index.masked[begin : ff.spot.start])
        if cue is None:
            continue
        run = _values(index, position)
        names_at = begin + cue.start("names")
        names = _strip(index.flat[names_at : begin + cue.end("names")])
        pieces = _names(names)
        if len(run) < 2 or len(pieces) != len(run):
            continue
        broken = whole_broken_down(index, first, ff)
        if broken is not None:
            whole, wf, _ = broken
            if is_additive(whole) and all(same_unit(whole, item) for item, _ in run):
                words = index.quote(wf.spot.start, run[-1][1].spot.end)
                yield from _within(whole, wf, run, words)
            continue
        if _brackets_cover_all(pieces):
            whole_at = _named_whole(index, ff, pieces[-1], first)
            if whole_at is not None:
                yield from _partition(index, whole_at, run, names_at)


def _values(index: Index, position: int) -> list[tuple[Item, Found]]:
    """The values 分别为 lists: quantities of one unit joined by 、 和 commas."""
    run = [index.in_order[position]]
    for item, found in index.in_order[position + 1 : position + _MAX_VALUES]:
        last = run[-1][1]
        if found.sentence != last.sentence or not _JOIN.match(index.between(last, found)):
            break
        if not (is_additive(item) and same_unit(item, run[0][0])):
            return []
        run.append((item, found))
    if len({item.id for item, _ in run}) != len(run):
        return []
    return run


def _names(names: str) -> list[str]:
    """The names a list abbreviates, 及以上 and 及以下 kept whole (60岁及以上户籍人口)."""
    kept = names.replace("及以上", "\x00").replace("及以下", "\x01")
    return [p.replace("\x00", "及以上").replace("\x01", "及以下") for p in expand_list(kept)]


def _strip(names: str) -> str:
    names = names.strip()
    changed = True
    while changed:
        changed = False
        for word in _LEADING:
            if names.startswith(word):
                names, changed = names[len(word) :].lstrip("，,：: "), True
    return names


def _brackets_cover_all(pieces: list[str]) -> bool:
    """0-17岁、18-34岁、35-59岁、60岁及以上: from the bottom to the top without a gap."""
    bounds: list[tuple[int, int | None]] = []
    for number, piece in enumerate(pieces):
        ranged = _RANGE.match(piece)
        if ranged:
            bounds.append((int(ranged.group(1)), int(ranged.group(2))))
            continue
        bottom = _FROM_ZERO.match(piece) if number == 0 else None
        top = _TO_THE_TOP.match(piece) if number == len(pieces) - 1 else None
        if bottom:
            bounds.append((0, int(bottom.group(1)) - 1))
        elif top:
            bounds.append((int(top.group(1)), None))
        else:
            return False
    if bounds[0][0] != 0 or bounds[-1][1] is not None:
        return False
    return all(
        high is not None and low == high + 1 for (_, high), (low, _) in itertools.pairwise(bounds)
    )


def _named_whole(index: Index, ff: Found, last_name: str, part: Item) -> tuple[Item, Found] | None:
    """The whole the brackets' names end with (60岁及以上户籍人口 → 户籍人口), printed just
    before the list."""
    tail = re.sub(r"^[\d\s]*[^\d]{0,3}?(?:及以上|以上)", "", last_name)
    tail = normal_label(tail)
    if len(tail) < 2:
        return None
    named = fact_named(index, tail, ff.spot.start, like=part)
    if named is None:
        return None
    _, found = named
    if found.section != ff.section or ff.sentence - found.sentence > MAX_DISTANCE:
        return None
    return named


def _within(
    whole: Item, wf: Found, run: list[tuple[Item, Found]], words: str
) -> Iterator[Relation]:
    items = [item for item, _ in run]
    if any(item.id == whole.id for item in items):
        return
    value = point(lambda *xs: sum(xs, Decimal(0)), *items)
    if value is None:
        return
    status = HOLDS if value <= whole.figure.base else EXCEEDS
    shown = " + ".join(item.fact.value for item in items)
    added = format_figure(value, whole.figure, whole.figure.places)
    evidence = (
        f"{shown} = {added}, listed after 其中 as parts of {whole.fact.value} "
        f"({where(wf, *(found for _, found in run))})"
    )
    rule = {"check": " + ".join(item.id for item in items) + f" <= {whole.id}"}
    ids = (whole.id, *(item.id for item in items))
    yield Relation("within", ids, status, _SCORE, rule, evidence, whole.fact.value, asserted=words)


def _partition(
    index: Index, whole_at: tuple[Item, Found], run: list[tuple[Item, Found]], names_at: int
) -> Iterator[Relation]:
    whole, wf = whole_at
    items = [item for item, _ in run]
    if any(item.id == whole.id for item in items):
        return
    decided = decide(per_mode(lambda *xs: add_all(xs), *items), whole)
    if decided is None:
        return
    status, would = decided
    value = point(lambda *xs: sum(xs, Decimal(0)), *items)
    shown = " + ".join(item.fact.value for item in items)
    added = "?" if value is None else format_figure(value, whole.figure, whole.figure.places)
    brackets = index.quote(names_at, run[0][1].spot.start)
    evidence = (
        f"{shown} = {added}, printed {whole.fact.value}: the brackets «{brackets}» cover "
        f"every one of them ({where(wf, *(found for _, found in run))})"
    )
    rule = {"sum": {"parts": [item.id for item in items], "total": whole.id}}
    ids = (whole.id, *(item.id for item in items))
    yield Relation("sum", ids, status, _SCORE, rule, evidence, whole.fact.value, would)

"""``ratio`` stated in words: 平均每户3.53人, 每千人拥有床位5.4张, 平均每场交易额3.05亿元 — a figure
per one of something (per thousand, per ten thousand people) is a total over the count of
those things.

- 全村共有农户326户、1152人，平均每户3.53人: the count is the quantity counted in 户, the
  total the one of the rate's own unit (人);
- 床位8640张，常住人口160万人，平均每千人拥有床位5.4张: per 千人 (万人) divides by the
  population (a count of people labelled 人口) in thousands (ten thousands);
- 全县186个行政村共有…收入3720万元，平均每个村20.0万元: per 个村, a count in 个 of what
  the words name (行政村).

Both figures are taken from the rate's sentence or the one before it, before the rate, and
each must be the only one that fits: the words say how the rate is made, so when they leave
one reading it is checked whatever its numbers say (an error when it fails); when they leave
several, nothing is bound. 人均 is ``per_heads``'.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from factlint.extract.detectors.base import Index, Item, Relation, is_quantity, same_unit, where
from factlint.extract.detectors.judging import decide, per_mode, point
from factlint.extract.detectors.wording import normal_label
from factlint.extract.pipeline import Found
from factlint.numbers.figures import format_figure
from factlint.numbers.intervals import Interval

_SCORE = 4.0
_REACH = 24  # characters before the rate that may hold 平均每…
_CUE = re.compile(
    r"(?:平均)?每\s*(?P<scale>[千万萬])?\s*(?P<counter>个|個)?(?P<per>[\u4e00-\u9fff]{1,2}?)"
    r"(?:拥有|擁有|有)?(?P<measure>[^#，,。；;：:（）()]{0,8}?)\s*(?:为|為|达|達|是)?\s*$"
)
_SCALES = {"千": Decimal(1000), "万": Decimal(10000), "萬": Decimal(10000)}
# a thing counted: its counter is the word itself (户, 场, 家) or 个 before a noun (个村)
_COUNTERS = frozenset("户戶场場家所名次件项項台辆輛")
_PEOPLE = frozenset("人")
_POPULATION = re.compile(r"人口")


def detect(index: Index) -> Iterator[Relation]:
    for rate, rf in index.in_order:
        if not is_quantity(rate) or rate.figure.qualifier:
            continue
        begin = max(rf.context.clause[0], rf.spot.start - _REACH)
        said = _CUE.search(index.masked[begin : rf.spot.start])
        if said is None or said.end() != rf.spot.start - begin:
            continue
        yield from _per_unit(index, rate, rf, said)


def _per_unit(index: Index, rate: Item, rf: Found, said: re.Match[str]) -> Iterator[Relation]:
    earlier = [
        (item, found)
        for item, found, step in index.near(rf, 1)
        if found.spot.start < rf.spot.start
        and found.sentence <= rf.sentence
        and is_quantity(item)
        and not item.figure.qualifier
        and item.id != rate.id
    ]
    counts = {i.id: (i, f) for i, f in earlier if _counts(index, i, f, said)}
    if len(counts) != 1:
        return
    ((count, cf),) = counts.values()
    totals = {
        i.id: (i, f)
        for i, f in earlier
        if i.id != count.id and same_unit(i, rate) and _measures(f, said.group("measure"))
    }
    if len(totals) != 1:
        return
    ((total, tf),) = totals.values()
    scale = _SCALES.get(said.group("scale") or "", Decimal(1))
    yield from _relation(index, rate, rf, total, tf, count, cf, scale)


def _counts(index: Index, item: Item, found: Found, said: re.Match[str]) -> bool:
    """Whether ``item`` counts what 每 names: people (人口) for 每人, 每千人; 户 for 每户; 个 and
    the noun before or after it for 每个村 (行政村186个, 186个行政村)."""
    if item.fact.kind != "count":
        return False
    printed = item.figure.text.rstrip()
    per, counter = said.group("per"), said.group("counter")
    label = normal_label(found.context.label or item.fact.label)
    if per in _PEOPLE:
        return printed.endswith("人") and _POPULATION.search(label) is not None
    if counter:
        after = index.flat[found.spot.end : found.spot.end + 6]
        named = label.endswith(per) or re.match(r"[^，,。；;]{0,4}" + per, after) is not None
        return printed.endswith(counter) and named
    return len(per) == 1 and per in _COUNTERS and printed.endswith(per)


def _measures(found: Found, measure: str) -> bool:
    """The total is the quantity the words name after 每…(拥有): its label ends with it, or
    none is named."""
    wanted = normal_label(measure)
    if not wanted:
        return True
    label = normal_label(found.context.label)
    return label.endswith(wanted) or (len(label) >= 2 and wanted.endswith(label[-2:]))


def _relation(
    index: Index,
    rate: Item,
    rf: Found,
    total: Item,
    tf: Found,
    count: Item,
    cf: Found,
    scale: Decimal,
) -> Iterator[Relation]:
    factor = Interval.point(scale)
    decided = decide(per_mode(lambda t, n: t / n * factor, total, count), rate)
    if decided is None:
        return
    status, would = decided
    value = point(lambda t, n: t / n * scale, total, count)
    computed = "?" if value is None else format_figure(value, rate.figure, rate.figure.places + 1)
    per = f" × {scale}" if scale != 1 else ""
    evidence = (
        f"{total.fact.value} / {count.fact.value}{per} = {computed}, printed "
        f"{rate.fact.value} ({where(rf, tf, cf)})"
    )
    written = f" * {scale}" if scale != 1 else ""
    rule = {"check": f"{rate.id} == {total.id} / {count.id}{written}"}
    words = index.quote(min(tf.spot.start, cf.spot.start), rf.spot.end)
    ids = (total.id, count.id, rate.id)
    yield Relation("ratio", ids, status, _SCORE, rule, evidence, rate.fact.value, would, words)

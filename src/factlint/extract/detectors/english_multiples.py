"""``times`` stated in English words with both values printed.

- "600 people in 2023, three times as many as the 150 it hired in 2022";
- "$50 million, twice the $20 million of a year earlier" (double, twice as much as);
- "1,200 cases, 2.5 times as many as the 480 …".

A multiple in words ("three times") is read as a whole number of times, as its printed
figure stands for (2.5 to 3.5); "twice" and "double" as two. The value is the quantity just
before the multiple, the base the one just after its "as many as" (or "the"), with nothing
but the value's noun and a year between. Checked whatever the numbers say; a multiple that
fails is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from factlint.extract.detectors.base import (
    Index,
    Item,
    Relation,
    is_countable,
    is_latin,
    same_unit,
    where,
)
from factlint.extract.detectors.judging import decide, per_mode, point
from factlint.extract.pipeline import Found
from factlint.numbers.intervals import Interval

_SCORE = 5.0
_AS = r"(?:as\s+(?:many|much|large|big|high|great)\s+as|the|that\s+of|those\s+of)"
_GAP = re.compile(
    r"^(?:\s*[a-z][a-z-]*){0,2}?(?:\s+(?:in|by|at|during)\s+#+)?\s*(?:[,(–—]|\s-)\s*"
    r"(?:or\s+|which\s+is\s+|which\s+was\s+)?"
    r"(?P<times>twice|double|#+\s+times)\s+" + _AS + r"\s+(?:the\s+|its\s+|their\s+)?$",
    re.IGNORECASE,
)
_TWO = Interval(Decimal("1.5"), Decimal("2.5"))


def detect(index: Index) -> Iterator[Relation]:
    order = [pair for pair in index.in_order if pair[0].fact.kind != "date"]
    for position, (value, vf) in enumerate(order[:-1]):
        next_item, nf = order[position + 1]
        if vf.sentence != nf.sentence or vf.section != nf.section:
            continue
        if not is_latin(vf.text) or not is_countable(value):
            continue
        if next_item.figure.kind != "number" or next_item.fact.kind != "number":
            yield from _multiple(index, value, vf, next_item, nf, None)
            continue
        # value, N times as many as the base: the figure after N is the base
        if position + 2 < len(order):
            base, bf = order[position + 2]
            if bf.sentence == nf.sentence and bf.section == nf.section:
                yield from _multiple(index, value, vf, base, bf, (next_item, nf))


def _multiple(
    index: Index,
    value: Item,
    vf: Found,
    base: Item,
    bf: Found,
    times: tuple[Item, Found] | None,
) -> Iterator[Relation]:
    said = _GAP.match(index.masked[vf.spot.end : bf.spot.start])
    if said is None:
        return
    spoken = said.group("times").lower()
    if (times is None) != (spoken in ("twice", "double")):
        return
    if not (is_countable(base) and same_unit(value, base)) or value.id == base.id:
        return
    ratio = point(lambda a, b: a / b, value, base)
    shown = "?" if ratio is None else f"{ratio.quantize(Decimal('0.01'))}"
    words = index.quote(vf.spot.start, bf.spot.end)
    if times is None:
        near = per_mode(lambda a, b: a / b, value, base).get("nearest")
        if near is None:
            return
        status = "holds" if near.intersects(_TWO) else "mismatch"
        rule: dict[str, object] = {"check": f"abs({value.id} / {base.id} - 2) <= 0.5"}
        evidence = (
            f"{value.fact.value} / {base.fact.value} = {shown}, said {spoken} ({where(vf, bf)})"
        )
        ids: tuple[str, ...] = (value.id, base.id)
        yield Relation("times", ids, status, _SCORE, rule, evidence, spoken, "", words)
        return
    multiple, mf = times
    if multiple.figure.qualifier:
        return
    decided = decide(per_mode(lambda a, b: a / b, value, base), multiple)
    if decided is None:
        return
    status, would = decided
    evidence = (
        f"{value.fact.value} / {base.fact.value} = {shown}, printed {multiple.fact.value} "
        f"times ({where(mf, vf, bf)})"
    )
    rule = {"check": f"{value.id} / {base.id} == {multiple.id}"}
    ids = (value.id, base.id, multiple.id)
    yield Relation("times", ids, status, _SCORE, rule, evidence, multiple.fact.value, would, words)

"""``equal``: a figure written in full (歲出編列302億1,292萬9,000元) against its rounded
repeat (歲出編列302.12億元).

A report that prints an amount to the yuan writes it in pieces, each under its scale word:
302億 1,292萬 9,000元 is 30,212,929,000元, which the text reads as three figures. Put
together, it is the exact value of the measure its label names; the same measure printed
elsewhere in 億元 must be that value rounded to its places (302.13億元), and 302.12億元 is
it truncated. The repeat is the amount of the same unit whose label names the same measure
(編列, 總 and the verbs set aside; the repeat's label may say more before it: 苗栗縣政府歲出
預算編列) — every such amount, when several are printed, must print one value.

Nothing in the words says the two are one quantity, so a difference is a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from factlint.extract.detectors.base import Index, Item, Relation, where
from factlint.extract.detectors.judging import decide
from factlint.extract.detectors.wording import normal_label
from factlint.extract.pipeline import Found
from factlint.numbers.intervals import Interval
from factlint.numbers.quantities import unit_of

_SCORE = 3.0
_YI, _WAN = Decimal("1E+8"), Decimal("1E+4")
_BETWEEN = re.compile(r"\s*")
_NOT_MEASURE = re.compile(r"編列|编列|預算|预算|共計|共计|總|总|為|为|達|达|約|约|\s")
_MIN_MEASURE = 2


def detect(index: Index) -> Iterator[Relation]:
    for at, (item, _) in enumerate(index.in_order):
        if item.figure.scale != _YI or item.figure.places or item.figure.qualifier:
            continue
        pieces = _pieces(index, at)
        if pieces is None:
            continue
        yield from _repeats(index, pieces)


def _pieces(index: Index, at: int) -> list[tuple[Item, Found]] | None:
    """302億 1,292萬 9,000元: a 億 figure followed, with nothing but spaces between, by a
    萬 figure below 10,000 and perhaps a plain one below 10,000, the last with the unit."""
    pieces = [index.in_order[at]]
    for scale in (_WAN, Decimal(1)):
        if at + len(pieces) >= len(index.in_order):
            break
        item, found = index.in_order[at + len(pieces)]
        figure = item.figure
        gap = index.masked[pieces[-1][1].spot.end : found.spot.start]
        if _BETWEEN.fullmatch(gap) is None or figure.scale != scale or figure.places:
            break
        if not 0 < figure.number < 10000 or figure.qualifier or pieces[-1][0].figure.unit:
            break
        pieces.append((item, found))
    if len(pieces) < 2 or not pieces[-1][0].figure.unit:
        return None
    return pieces


def _repeats(index: Index, pieces: list[tuple[Item, Found]]) -> Iterator[Relation]:
    ff = pieces[0][1]
    unit_item, uf = pieces[-1]
    measure = _measure(ff.context.label)
    if len(measure) < _MIN_MEASURE:
        return
    whole = sum((item.figure.base for item, _ in pieces), Decimal(0))
    unit = unit_of(unit_item.figure)
    used = {item.id for item, _ in pieces}
    repeats = [
        (item, found)
        for item, found in index.in_order
        if item.id not in used
        and unit_of(item.figure) == unit
        and item.figure.places
        and not item.figure.qualifier
        and _measure(found.context.label).endswith(measure)
    ]
    values = {item.figure.base for item, _ in repeats}
    if not repeats or len(values) != 1:
        return  # none, or several values: another measure's or a list's
    said, sf = min(repeats, key=lambda pair: abs(pair[1].spot.start - ff.spot.start))
    point = Interval.point(whole)
    decided = decide({"nearest": point, "truncate": point}, said)
    if decided is None:
        return
    status, would = decided
    printed = index.flat[ff.spot.start : uf.spot.end]
    full = f"{whole.normalize():f}{unit_item.figure.unit_text}"
    evidence = (
        f"{said.fact.value} repeats {printed} = {full} rounded "
        f"({where(sf, ff, uf)}): one measure written in full and rounded"
    )
    rule = {"check": f"{said.id} == {full}"}
    yield Relation("equal", (said.id,), status, _SCORE, rule, evidence, said.fact.value, would)


def _measure(label: str) -> str:
    return _NOT_MEASURE.sub("", normal_label(label))

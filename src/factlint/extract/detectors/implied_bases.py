"""Shares of one named base the text never prints: each implies the base, and they must
agree.

农业总产值9515万元，占GDP的比重为45% … 工业总产值2865.2万元，占GDP的比重25%: GDP is printed
nowhere, but the first share says it is 9515 / 45% ≈ 21144万元, so the second must be
2865.2 / 21144 ≈ 13.6%, not 25%. 有150户通电（占农户总数的100%）… 拥有电视机农户118户（占农户总数
的75.56%）: the households number 150, so 118 is 78.7% of them. Each share the words bind to
a part, whose named base ``named_bases`` finds no quantity for, is noted by the share
detectors; shares noted under the same name (the same words, a name of a measure — 农户总数,
GDP, 农业总产值 — not a place's alone: 占全省的 may be of the province's output or of its
investment), of parts counted alike or measured in one unit, of one year, are checked each
against the base the first of them implies (``detect`` runs after the share detectors, which
note them on the index). The words assert every share of that base, so
one that cannot hold beside the first is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from factlint.extract.detectors.base import Index, Item, Relation, pct, same_unit, where
from factlint.extract.detectors.in_effect import year_in_effect
from factlint.extract.detectors.judging import decide, per_mode, point
from factlint.extract.detectors.named_bases import PLACE_SCOPE, core
from factlint.extract.detectors.wording import normal_label
from factlint.extract.pipeline import Found

_SCORE = 5.0
_MEMO = "unplaced-shares"
# a name that says what is measured (产值, GDP, 收入, 户数), not only whose it is (全省)
_MEASURES = re.compile(r"(?:[值额額入出资資费費税稅量数數户戶人口]|GDP|利润|利潤)$", re.IGNORECASE)


@dataclass(frozen=True)
class Unplaced:
    """A share the words bind to its part and name the base of, no quantity printed so."""

    name: str
    stated: Item
    sf: Found
    part: Item
    pf: Found
    words: str


def note_unplaced(
    index: Index, name: str, stated: Item, sf: Found, part: Item, pf: Found, words: str
) -> None:
    """Keep a share whose named base is printed nowhere, for ``detect`` to compare."""
    wanted = normal_label(name.rstrip("的之"))
    if len(core(wanted)) < 2 or not _MEASURES.search(wanted):
        return
    noted = index.memo.setdefault(_MEMO, {})
    if isinstance(noted, dict):
        noted.setdefault(sf.spot.start, Unplaced(wanted, stated, sf, part, pf, words))


def detect(index: Index) -> Iterator[Relation]:
    noted = index.memo.get(_MEMO)
    if not isinstance(noted, dict):
        return
    groups: dict[str, list[Unplaced]] = {}
    for start in sorted(noted):
        share = noted[start]
        groups.setdefault(share.name, []).append(share)
    for group in groups.values():
        first = group[0]
        year = year_in_effect(index, first.pf)
        for other in group[1:]:
            if other.part.id == first.part.id or not same_unit(other.part, first.part):
                continue
            if year_in_effect(index, other.pf) != year:
                continue
            if len({_scope(index, other.pf), _scope(index, first.pf)} - {""}) > 1:
                continue  # 全县…占GDP的, 全市…占GDP的: two places' GDPs
            yield from _against_first(first, other)


def _scope(index: Index, found: Found) -> str:
    """The place the part's sentence says it is of (全县, 全市), if it says one."""
    said = PLACE_SCOPE.findall(index.masked[found.context.sentence[0] : found.spot.start])
    return said[-1] if said else ""


def _against_first(first: Unplaced, other: Unplaced) -> Iterator[Relation]:
    p1, s1, p2, s2 = first.part, first.stated, other.part, other.stated
    decided = decide(per_mode(lambda a, b, c: a / (b / c), p2, p1, s1), s2)
    if decided is None:
        return
    status, would = decided
    base = point(lambda b, c: b / c, p1, s1)
    value = point(lambda a, b, c: a / (b / c), p2, p1, s1)
    shown = "?" if base is None else f"{base.normalize():f}"
    evidence = (
        f"{p1.fact.value} at {s1.fact.value} of {first.name} puts it at {shown}; "
        f"{p2.fact.value} / that = {pct(value)}, printed {s2.fact.value} "
        f"({where(other.sf, other.pf, first.pf, first.sf)})"
    )
    rule = {"check": f"{s2.id} == {p2.id} / ({p1.id} / {s1.id})"}
    ids = (p2.id, p1.id, s1.id, s2.id)
    words = f"{first.words} … {other.words}"
    yield Relation("share", ids, status, _SCORE, rule, evidence, s2.fact.value, would, words)

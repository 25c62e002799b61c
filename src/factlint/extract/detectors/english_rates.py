"""A rate per head or per N people stated in English: the rate is a total over a population.

- "£96bn, shared among 3.2 million residents, is £30,000 per head" (per head, per capita,
  per person, per resident, per inhabitant; "spending per capita was $2,150: $43m across
  20,000 residents");
- "1,350 offences in a population of 450,000, a rate of 300 per 100,000" (per 1,000, per
  10,000, per 100,000: the rate is total / population × N).

Each figure takes its role from the words beside it: the rate from "per head" after it
or "per capita was" before it, or the "per N" after it; the population from the people it
counts ("3.2 million residents", "people", "inhabitants") or "a population of"; the total is
the one other quantity of the rate's kind in the sentence (an amount of the rate's
currency, or a count for a rate per N). When a role has no figure or more than one, nothing
is bound. The words say the rate is the total over the population, so it is checked
whatever the numbers say: a rate that fails is an error. A text that says none of these
words is passed over with one search.
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
from factlint.numbers.figures import format_figure
from factlint.numbers.intervals import Interval

_SCORE = 5.0
_WORD = re.compile(r"\bper\s+(?:head|capita|person|resident|inhabitant|#)", re.IGNORECASE)
_HEADS = r"(?:head|capita|person|resident|inhabitant)"
_PER_HEAD_AFTER = re.compile(r"^\s*(?:per|a|an)\s+" + _HEADS + r"\b", re.IGNORECASE)
_PER_HEAD_BEFORE = re.compile(
    r"\bper\s+" + _HEADS + r"\s+(?:was|is|were|are|of|at|stood\s+at|came\s+to|reached)\s*$",
    re.IGNORECASE,
)
_PER_N_AFTER = re.compile(r"^\s*(?:[a-z][\w-]*\s+){0,2}?per\s+$", re.IGNORECASE)  # 12 beds per
_PEOPLE_AFTER = re.compile(
    r"^\s*(?:residents|people|inhabitants|citizens|persons|population)\b", re.IGNORECASE
)
_POPULATION_BEFORE = re.compile(r"\bpopulation\s+of\s+(?:some\s+|about\s+)?$", re.IGNORECASE)
_JOINS = re.compile(
    r"\b(?:among|amongst|across|for|in|between|over|from|by|of|shared|spread)\b", re.IGNORECASE
)
_OPENS_POPULATION = re.compile(r"\b(?:of|among|across|for)\s+(?:the\s+|its\s+)?$", re.IGNORECASE)
_TIE_REACH = 90
# output, incomes and pay per head come from accounts and surveys over an average population,
# not from the total the text prints beside them
_NOT_FROM_A_TOTAL = re.compile(
    r"\b(?:gdp|gva|gni|output|incomes?|earnings|wages?|salar(?:y|ies)|pay)\b", re.IGNORECASE
)
_BASES = frozenset(Decimal(10) ** k for k in range(2, 7))  # per 100 … per 1,000,000


def detect(index: Index) -> Iterator[Relation]:
    if not _WORD.search(index.masked):
        return
    for position, (rate, rf) in enumerate(index.in_order):
        if not is_latin(rf.text) or rate.fact.kind == "date" or rate.figure.qualifier:
            continue
        if rate.figure.kind == "percent" or rate.figure.number <= 0:
            continue
        tail = index.masked[rf.spot.end : rf.spot.end + 32]
        lead = index.masked[max(rf.context.sentence[0], rf.spot.start - 24) : rf.spot.start]
        base: tuple[Item, Found] | None = None
        if _PER_N_AFTER.match(tail[: tail.find("#")] if "#" in tail else ""):
            base = _base_after(index, position)
            if base is None:
                continue
        elif not (_PER_HEAD_AFTER.match(tail) or _PER_HEAD_BEFORE.search(lead)):
            continue
        yield from _rate(index, (rate, rf), base)


def _base_after(index: Index, position: int) -> tuple[Item, Found] | None:
    """The N of "per N": the next figure, a power of ten from 100 up."""
    if position + 1 >= len(index.in_order):
        return None
    item, found = index.in_order[position + 1]
    if item.figure.qualifier or item.figure.base not in _BASES:
        return None
    return item, found


def _rate(
    index: Index, rated: tuple[Item, Found], base: tuple[Item, Found] | None
) -> Iterator[Relation]:
    rate, rf = rated
    taken = {rf.spot.start} | ({base[1].spot.start} if base else set())
    populations: list[tuple[Item, Found]] = []
    totals: list[tuple[Item, Found]] = []
    for item, found in index.by_sentence.get((rf.section, rf.sentence), []):
        if found.spot.start in taken or item.fact.kind == "date" or item.figure.qualifier:
            continue
        tail = index.masked[found.spot.end : found.spot.end + 16]
        lead = index.masked[
            max(found.context.sentence[0], found.spot.start - 20) : found.spot.start
        ]
        if (
            is_countable(item)
            and item.figure.unit == ""
            and (_PEOPLE_AFTER.match(tail) or _POPULATION_BEFORE.search(lead))
        ):
            populations.append((item, found))
        elif _total_like(item, rate, base is not None):
            totals.append((item, found))
    if len(populations) != 1 or len(totals) != 1:
        return
    (population, pf), (total, tf) = populations[0], totals[0]
    if not _tied(index, tf, pf, rf) or _NOT_FROM_A_TOTAL.search(_measure(index, rf)):
        return
    if len({rate.id, population.id, total.id, *([base[0].id] if base else [])}) != 3 + bool(base):
        return
    n = base[0].figure.base if base else Decimal(1)
    computed = per_mode(lambda t, p: t / p * Interval.point(n), total, population)
    decided = decide(computed, rate)
    if decided is None:
        return
    status, would = decided
    value = point(lambda t, p: t / p * n, total, population)
    shown = "?" if value is None else format_figure(value, rate.figure, rate.figure.places + 1)
    per = f" × {base[0].fact.value}" if base else ""
    founds = [rf, pf, tf, *([base[1]] if base else [])]
    evidence = (
        f"{total.fact.value} / {population.fact.value}{per} = {shown}, printed "
        f"{rate.fact.value} ({where(*founds)})"
    )
    times = f" * {base[0].id}" if base else ""
    rule = {"check": f"{total.id} / {population.id}{times} == {rate.id}"}
    ids = (total.id, population.id, rate.id, *([base[0].id] if base else []))
    start = min(found.spot.start for found in founds)
    end = max(found.spot.end for found in founds)
    words = index.quote(start, end)
    yield Relation("per-head", ids, status, _SCORE, rule, evidence, rate.fact.value, would, words)


def _tied(index: Index, tf: Found, pf: Found, rf: Found) -> bool:
    """The words join the total to its population: "£96bn, shared among 3.2 million", "90
    thefts in a population of 60,000", "Of 40,000 residents, 240 …" — a preposition between
    them (the rate may stand between too), or one before a population printed first."""
    first, second = (tf, pf) if tf.spot.start < pf.spot.start else (pf, tf)
    gap = index.masked[first.spot.end : second.spot.start]
    if rf.spot.start > first.spot.end and rf.spot.end < second.spot.start:
        gap = gap.replace(index.masked[rf.spot.start : rf.spot.end], " ", 1)
    if "#" in gap or len(gap) > _TIE_REACH:
        return False
    if _JOINS.search(gap):
        return True
    lead = index.masked[max(pf.context.sentence[0], pf.spot.start - 12) : pf.spot.start]
    return first is pf and _OPENS_POPULATION.search(lead) is not None


def _measure(index: Index, rf: Found) -> str:
    return index.masked[rf.context.sentence[0] : rf.spot.end + 40]


def _total_like(item: Item, rate: Item, per_n: bool) -> bool:
    """A total the rate divides: an amount of the rate's currency, or a count per N."""
    if not is_countable(item) or item.figure.kind == "percent" or item.figure.number <= 0:
        return False
    if per_n:
        return item.figure.unit == "" and item.figure.kind != "amount"
    return rate.figure.kind == "amount" and same_unit(item, rate)

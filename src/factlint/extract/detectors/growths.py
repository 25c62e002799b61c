"""``growth``: current / previous − 1 = a stated rate (to $1.13bn from $639m)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from decimal import Decimal

from factlint.extract.detectors.base import (
    HOLDS,
    OFF_BY_ONE,
    TRUNCATION,
    Index,
    Relation,
    has,
    is_quantity,
    nearest,
    pct,
    same_unit,
    where,
)
from factlint.extract.detectors.judging import judge, per_mode, point
from factlint.numbers.intervals import Interval

_FROM_CUES = ("from", "比上年", "较上年", "比", "较", "由", "compared")
_DECREASE_CUES = ("下降", "减少", "降低", "回落", "decline", "declined", "fell", "fall", "dropped",
                  "down", "slump", "decrease", "lower")  # fmt: skip


def detect(index: Index) -> Iterator[Relation]:
    for rate in index.items:
        if rate.fact.kind != "growth" or rate.figure.kind != "percent":
            continue
        for mention in rate.fact.mentions:
            sentence = nearest(
                [(i, f) for i, f, d in index.near(mention, 0) if d == 0 and is_quantity(i)],
                mention.spot.start,
                lambda pair: pair[1].spot.start,
            )
            text = mention.context.before + mention.context.after
            for (current, cf), (previous, pf) in itertools.permutations(sentence, 2):
                if current.id == previous.id or not same_unit(current, previous):
                    continue
                if not has(pf.context.before[-12:], _FROM_CUES):
                    continue
                # a decline read with its sign (下降2.0% is -2.0%) needs no negation
                negate = rate.figure.number > 0 and has(
                    mention.context.before[-12:], _DECREASE_CUES
                )
                computed = per_mode(
                    lambda c, p: c / p - Interval.point(Decimal(1)), current, previous
                )
                status, would = judge(computed, rate, negate)
                if status not in (HOLDS, TRUNCATION, OFF_BY_ONE):
                    continue
                value = point(lambda c, p: c / p - 1, current, previous)
                score = 2.0 + (status == HOLDS) + has(text, _FROM_CUES)
                evidence = (
                    f"{current.fact.value} / {previous.fact.value} - 1 = {pct(value)}, printed "
                    f"{'-' if negate else ''}{rate.fact.value} ({where(mention, cf, pf)})"
                )
                rule: dict[str, object]
                if negate:
                    rule = {"check": f"1 - {current.id} / {previous.id} == {rate.id}"}
                else:
                    rule = {
                        "growth": {"current": current.id, "previous": previous.id, "is": rate.id}
                    }
                ids = (current.id, previous.id, rate.id)
                stated = rate.fact.value
                yield Relation("growth", ids, status, score, rule, evidence, stated, would)

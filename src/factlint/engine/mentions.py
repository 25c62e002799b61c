"""Compare the mentions of one fact, as XBRL compares duplicate facts (docs/design.md §4).

- complete: same figure, same precision; consistent: the more precise figure rounded to the
  less precise one's places prints it (``duplicates``); anything else is inconsistent.
- Beyond the number: the unit, the framing (累计完成 vs 预计) and the period must agree.

Linear in the number of mentions: mentions printed at one precision must print the same
digits, and the few precisions left are compared pairwise.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from factlint.engine.duplicates import duplicates_agree
from factlint.model import Fact, Mention
from factlint.numbers.intervals import Interval
from factlint.numbers.quantities import interval_of
from factlint.records import dataclass


@dataclass(frozen=True)
class MentionProblem:
    check: str  # mentions-agree · mentions-framing · mentions-period
    message: str
    mentions: tuple[Mention, ...]


def _place(mention: Mention) -> str:
    return mention.section or "one place"


def mention_interval(fact: Fact, mention: Mention, rounding: str) -> Interval:
    decimals = mention.decimals if mention.decimals is not None else fact.decimals
    return interval_of(
        mention.figure, rounding, decimals=decimals, exact=fact.exact, approximate_ok=True
    )


def mention_problems(fact: Fact, rounding: str) -> Iterator[MentionProblem]:
    if len(fact.mentions) < 2:
        return
    yield from _units_agree(fact)
    yield from _values_agree(fact, rounding)
    yield from _framing_agrees(fact)
    yield from _periods_agree(fact)


def _units_agree(fact: Fact) -> Iterator[MentionProblem]:
    first = fact.mentions[0]
    for other in fact.mentions[1:]:
        if other.figure.unit != first.figure.unit:
            yield MentionProblem(
                "mentions-agree",
                f"{fact.id} is printed as {first.figure.text} in {_place(first)} but as "
                f"{other.figure.text} in {_place(other)}: different units",
                (first, other),
            )
            return


def _values_agree(fact: Fact, rounding: str) -> Iterator[MentionProblem]:
    mentions = [m for m in fact.mentions if m.figure.unit == fact.mentions[0].figure.unit]
    by_precision: dict[tuple[int, Decimal], Mention] = {}
    for mention in mentions:
        decimals = mention.decimals if mention.decimals is not None else fact.decimals
        key = (mention.figure.places if decimals is None else decimals, mention.figure.scale)
        seen = by_precision.setdefault(key, mention)
        if (
            seen.figure.base != mention.figure.base
            or seen.figure.qualifier != mention.figure.qualifier
        ):
            yield MentionProblem(
                "mentions-agree",
                f"{fact.id} is printed as {seen.figure.text} in {_place(seen)} but as "
                f"{mention.figure.text} in {_place(mention)}",
                (seen, mention),
            )
            return
    if len(by_precision) == 1:
        return  # the same number at the same precision everywhere: the same interval
    # One mention per precision (the others print the same digits): every two of them
    # compared as duplicates; a report prints a quantity at few precisions.
    shown = [(m, mention_interval(fact, m, rounding)) for m in by_precision.values()]
    for index, (a, a_interval) in enumerate(shown):
        for b, b_interval in shown[index + 1 :]:
            if not duplicates_agree(a.figure, a_interval, b.figure, b_interval):
                yield MentionProblem(
                    "mentions-agree",
                    f"{fact.id} is printed as {a.figure.text} in {_place(a)} but as "
                    f"{b.figure.text} in {_place(b)}{_scale_hint(a, b)}",
                    (a, b),
                )
                return


def _scale_hint(a: Mention, b: Mention) -> str:
    """Name the classic typo: the same digits under 万 in one place and 亿 in another."""
    if a.figure.number == b.figure.number and a.figure.scale != b.figure.scale:
        first, second = a.figure.scale_text or "no scale", b.figure.scale_text or "no scale"
        return f" (the same digits under {first} and {second})"
    return ""


def _framing_agrees(fact: Fact) -> Iterator[MentionProblem]:
    first = fact.mentions[0]
    framing = first.qualifier or fact.qualifier
    for other in fact.mentions[1:]:
        other_framing = other.qualifier or fact.qualifier
        if other_framing != framing:
            yield MentionProblem(
                "mentions-framing",
                f"{fact.id} is framed as {_framing(framing)} in {_place(first)} but as "
                f"{_framing(other_framing)} in {_place(other)}",
                (first, other),
            )
            return


def _framing(word: str) -> str:
    return word or "a plain figure"


def _periods_agree(fact: Fact) -> Iterator[MentionProblem]:
    first = fact.mentions[0]
    period = first.period or fact.period
    for other in fact.mentions[1:]:
        other_period = other.period or fact.period
        if other_period != period:
            yield MentionProblem(
                "mentions-period",
                f"{fact.id} is for {period or 'no period'} in {_place(first)} but for "
                f"{other_period or 'no period'} in {_place(other)}",
                (first, other),
            )
            return

"""A remainder stated in English: "the remaining 1,080", "the rest, 38%", "the other 15",
"the balance of £2.9m" — the last part of a whole the words break down, so the parts
before it and the remainder add up to that whole (docs/design.md §5, ``sum``).

The parts are the quantities of the remainder's unit printed before it in its sentence
(one clause of words between each, no other figure); the whole is

- 100% when the parts and the remainder are shares: "62% of the grant went to schools
  and the rest, 38%, to colleges";
- the quantity an "Of" opens the sentence with: "Of the 1,500 homes built, 420 were
  affordable; the remaining 1,080 …";
- else the one quantity of the parts' unit in the sentence before, when the parts' sentence
  prints none before them: "The appeal raised £7.5m. Donors gave £4.6m and the remaining
  £2.9m came from the public."

"The remaining"/"the rest" says the parts exhaust the whole, so the sum is asserted:
checked whatever the numbers say, an error when it fails. When the whole is in doubt
(two quantities in the sentence before, a figure of another unit among the parts) nothing
is bound. A text without the words is passed over with one search.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from factlint.extract.detectors.base import (
    HOLDS,
    MISMATCH,
    Index,
    Item,
    Relation,
    is_countable,
    is_latin,
    same_unit,
    where,
)
from factlint.extract.detectors.judging import add_all, per_mode, point, stated_sum
from factlint.extract.pipeline import Found
from factlint.numbers.figures import format_figure
from factlint.numbers.intervals import Interval

_SCORE = 5.0
_WORD = re.compile(r"\b(?:remaining|remainder|rest|balance|other)\b", re.IGNORECASE)
# the remaining 1,080; the rest, 38%; with the remaining 43 per cent; the other 15
_REST_BEFORE = re.compile(
    r"\bthe\s+(?:remaining|remainder|rest|other|balance)(?:\s+of)?\s*[,:(–—]?\s*$", re.IGNORECASE
)
# a clause of words between two parts: "were affordable; ", " of the grant went to schools and "
_BETWEEN = re.compile(r"^[^#.!?]{0,80}$")
_CHANGE = re.compile(
    r"\b(?:up|down|rose|fell|increased|decreased|grew|declined|dropped|more|less|fewer|than"
    r"|compared|against|from|to\s+reach)\b",
    re.IGNORECASE,
)
_OF_OPENS = re.compile(r"^\s*(?:out\s+)?of\s+(?:the\s+|all\s+|its\s+|their\s+|some\s+)?$", re.I)
_OF_CLOSES = re.compile(r"^(?:\s*[a-z][\w'-]*){0,6}\s*,", re.IGNORECASE)
_LEAD = 24
_MAX_PARTS = 6
_HUNDRED = Decimal(1)  # 100% as a percent figure's value


def detect(index: Index) -> Iterator[Relation]:
    if not _WORD.search(index.flat):
        return
    for position, (rest, rf) in enumerate(index.in_order):
        if not is_latin(rf.text) or rest.fact.kind == "date" or rest.figure.qualifier:
            continue
        lead = index.masked[max(rf.context.sentence[0], rf.spot.start - _LEAD) : rf.spot.start]
        if not _REST_BEFORE.search(lead):
            continue
        found = _parts_and_whole(index, position)
        if found is None:
            continue
        parts, whole = found
        if whole is None:
            yield from _of_hundred(index, [*parts, (rest, rf)])
        else:
            words = index.quote(min(whole[1].spot.start, parts[0][1].spot.start), rf.spot.end)
            yield from stated_sum(
                whole[0], whole[1], [*parts, (rest, rf)], score=_SCORE, words=words,
                because=f", {rf.text} being the rest",
            )  # fmt: skip


def _kind_of(item: Item) -> str | None:
    if item.figure.qualifier or item.figure.number <= 0:
        return None
    if item.figure.kind == "percent":
        return "share" if item.fact.kind != "growth" else None
    return "level" if is_countable(item) else None


def _parts_and_whole(
    index: Index, position: int
) -> tuple[list[tuple[Item, Found]], tuple[Item, Found] | None] | None:
    """The parts before the remainder at ``position`` and the whole (None: 100%)."""
    rest, rf = index.in_order[position]
    kind = _kind_of(rest)
    if kind is None:
        return None
    parts: list[tuple[Item, Found]] = []
    whole: tuple[Item, Found] | None = None
    end = rf.spot.start
    for at in range(position - 1, max(-1, position - 1 - 2 * _MAX_PARTS), -1):
        item, found = index.in_order[at]
        if found.sentence != rf.sentence or found.section != rf.section:
            break
        if item.fact.kind == "date":
            return None  # another period in the sentence: the parts may be of two years
        gap = index.masked[found.spot.end : end]
        if not _BETWEEN.match(gap) or _CHANGE.search(gap):
            return None
        if _kind_of(item) == kind and same_unit(item, rest) and not _opens(index, found):
            parts.append((item, found))
            end = found.spot.start
            continue
        if kind == "level" and _opens(index, found) and same_unit(item, rest):
            whole = (item, found)
            break
        if kind == "share" and _opens(index, found) and _kind_of(item) == "level":
            break  # Of the 1,200 staff, 62% …: the shares still cover 100%
        return None
    if not parts or len(parts) > _MAX_PARTS:
        return None
    parts.reverse()
    if kind == "share":
        return parts, None
    if whole is None:
        whole = _said_before(index, rest, rf)
    if whole is None:
        return None
    ids = {item.id for item, _ in (*parts, whole, (rest, rf))}
    if len(ids) != len(parts) + 2:
        return None
    return parts, whole


def _opens(index: Index, found: Found) -> bool:
    """ "Of the 1,500 homes built, …": the figure an "Of" opens its sentence with."""
    lead = index.masked[found.context.sentence[0] : found.spot.start]
    tail = index.masked[found.spot.end : found.spot.end + 60]
    return _OF_OPENS.match(lead) is not None and _OF_CLOSES.match(tail) is not None


def _said_before(index: Index, rest: Item, rf: Found) -> tuple[Item, Found] | None:
    """The one quantity of the remainder's unit in the sentence before."""
    start = rf.context.sentence[0]
    earlier = [
        (item, found)
        for item, found in index.by_sentence.get((rf.section, rf.sentence - 1), [])
        if item.fact.kind != "date"
    ]
    if any(found.spot.start >= start for _, found in earlier):
        return None
    if len(earlier) != 1:
        return None
    item, found = earlier[0]
    if _kind_of(item) != "level" or not same_unit(item, rest):
        return None
    return item, found


def _of_hundred(index: Index, shares: list[tuple[Item, Found]]) -> Iterator[Relation]:
    """Shares that, with "the rest", cover the whole: they add up to 100%."""
    items = [item for item, _ in shares]
    near = per_mode(lambda *xs: add_all(xs), *items).get("nearest")
    if near is None:
        return
    status = HOLDS if near.intersects(Interval.point(_HUNDRED)) else MISMATCH
    value = point(lambda *xs: sum(xs, Decimal(0)), *items)
    added = "?" if value is None else format_figure(value, items[0].figure)
    founds = [found for _, found in shares]
    rest = items[-1]
    evidence = (
        f"{' + '.join(item.fact.value for item in items)} = {added}, printed as the whole "
        f"with {rest.fact.value} the rest ({where(*founds)})"
    )
    rule = {"check": " + ".join(item.id for item in items) + " == 100%"}
    ids = tuple(item.id for item in items)
    if len(set(ids)) != len(ids):
        return
    words = index.quote(founds[0].context.clause[0], founds[-1].spot.end)
    would = (
        "" if value is None else format_figure(Decimal(1) - (value - rest.figure.base), rest.figure)
    )
    yield Relation("sum", ids, status, _SCORE, rule, evidence, rest.fact.value, would, words)

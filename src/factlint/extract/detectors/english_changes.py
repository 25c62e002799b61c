"""Changes between two printed levels stated in English words.

- ``difference``: "rose by $15 million to $120 million from $100 million", "fell $5 million
  from $26 million to $20 million", "rose from 1,200 to 1,450, an increase of 250";
- ``times``: "doubled to $50 million from $20 million", "tripled from 40 to 120" (halved,
  quadrupled): the multiple a word of change names, rounded as a whole number of times.

The words bind the previous level (after "from"), the new one (after "to") and the change
(after the verb or "by"), all in one clause. A decline word (fell, dropped, a decrease of)
makes the change one of decline. Checked whatever the numbers say; a change that fails is
an error.
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
    is_multiple,
    same_unit,
    where,
)
from factlint.extract.detectors.judging import decide, per_mode, point
from factlint.extract.detectors.stated_changes import increase_relation, times_relation
from factlint.extract.pipeline import Found
from factlint.numbers.figures import format_figure
from factlint.numbers.intervals import Interval

_SCORE = 5.0
_UP = (
    r"(?:rose|rise|rises|risen|increased|increases|grew|grown|gained|climbed|jumped"
    r"|was\s+up|were\s+up|up)"
)
_DOWN = (
    r"(?:fell|fall|falls|fallen|dropped|drops|declined|declines|decreased|decreases|slipped"
    r"|was\s+down|were\s+down|down)"
)
_CHANGE_LEAD = re.compile(
    r"\b(?P<verb>" + _UP + "|" + _DOWN + r")\s+(?:by\s+)?(?:some\s+)?$", re.IGNORECASE
)
_NOUN_LEAD = re.compile(
    r"\b(?:an?\s+)?(?P<verb>increase|rise|gain|decrease|decline|drop|fall|reduction)\s+of\s*$",
    re.IGNORECASE,
)
_TO = re.compile(r"^\s*,?\s*to\s*$", re.IGNORECASE)
_RESTATED = re.compile(
    r"^\s*(?:,|\()\s*(?:an?\s+(?:increase|rise|gain|decrease|decline|drop|fall|reduction)"
    r"\s+of\s*|up\s+|down\s+|or\s+)?$",
    re.IGNORECASE,
)
_FROM = re.compile(r"^\s*,?\s*from\s*$", re.IGNORECASE)
_FROM_AFTER = re.compile(
    r"^\s*,?\s*(?:from|compared\s+(?:with|to)|versus|vs\.?)\s*(?:the\s+)?$", re.IGNORECASE
)
_MULTIPLE_LEAD = re.compile(
    r"\b(?P<verb>doubled|tripled|trebled|quadrupled|halved"
    r"|(?:two|three|four|five|six|seven|eight|nine|ten)[\s-]?fold)"
    r"(?:\s+(?:since|in|between)\s+#+(?:\s+and\s+#+)?)?\s*,?\s*(?:to|from)\s*$",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"\ban?\s*$", re.IGNORECASE)
_FOLD_THEN = re.compile(
    r"^\s*(?:-\s*|\s)?fold(?:\s+(?:increase|rise|jump|gain|growth))?\s*,?\s*"
    r"(?P<word>from|to)\s*$",
    re.IGNORECASE,
)
_FOLDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_TIMES = {
    **{f"{word}fold": Decimal(n) for n, word in enumerate(_FOLDS, 2)},
    "doubled": Decimal(2),
    "tripled": Decimal(3),
    "trebled": Decimal(3),
    "quadrupled": Decimal(4),
    "halved": Decimal("0.5"),
}
_HALF = Interval(Decimal(1) / Decimal(3) + Decimal(1) / Decimal(12), Decimal(7) / Decimal(12))
_LEAD = 24


def detect(index: Index) -> Iterator[Relation]:
    order = index.in_order
    for position, (item, found) in enumerate(order):
        if not is_latin(found.text):
            continue
        lead = index.masked[
            max(found.context.clause[0], found.spot.start - _LEAD) : found.spot.start
        ]
        change = _CHANGE_LEAD.search(lead) or _NOUN_LEAD.search(lead)
        if is_multiple(index, found):
            # increased by 2.5-fold from A to B; a 2.5-fold rise from A to B
            if change is not None or _ARTICLE.search(lead):
                yield from _fold(index, position)
            continue
        if change is not None and (is_countable(item) or item.figure.kind == "percent"):
            down = _is_down(change.group("verb"))
            if is_countable(item):
                yield from _change(index, position, down)
            yield from _to_level(index, position, down)
        # Nottingham's tripled, from A to B: the comma ends the clause, not the words
        wider = index.masked[
            max(found.context.sentence[0], found.spot.start - _LEAD) : found.spot.start
        ]
        multiple = _MULTIPLE_LEAD.search(wider)
        if multiple is not None:
            verb = re.sub(r"[\s-]", "", multiple.group("verb").lower())
            yield from _multiple(index, position, verb)


def _is_down(verb: str) -> bool:
    return re.fullmatch(_DOWN, verb.lower()) is not None or verb.lower() in (
        "decrease",
        "decline",
        "drop",
        "fall",
        "reduction",
    )


def _at(index: Index, position: int, found: Found) -> tuple[Item, Found] | None:
    if not 0 <= position < len(index.in_order):
        return None
    item, other = index.in_order[position]
    if other.sentence != found.sentence or other.section != found.section:
        return None
    return item, other


def _gap(index: Index, first: Found, second: Found) -> str:
    return index.masked[first.spot.end : second.spot.start]


def _levels(
    index: Index, position: int, found: Found
) -> tuple[tuple[Item, Found], tuple[Item, Found]] | None:
    """(previous, current) printed right after the figure at ``position``: "to B from A",
    "from A to B"."""
    one, two = _at(index, position + 1, found), _at(index, position + 2, found)
    if one is None or two is None:
        return None
    first, second = _gap(index, found, one[1]), _gap(index, one[1], two[1])
    if _TO.match(first) and _FROM_AFTER.match(second):
        return two, one
    if _FROM.match(first) and _TO.match(second):
        return one, two
    return None


def _change(index: Index, position: int, down: bool) -> Iterator[Relation]:
    change, cf = index.in_order[position]
    levels = _levels(index, position, cf)
    if levels is None:
        return
    (previous, pf), (current, nf) = levels
    if not (is_countable(previous) and is_countable(current)):
        return
    if not (same_unit(previous, current) and same_unit(previous, change)):
        return
    if len({previous.id, current.id, change.id}) < 3:
        return
    signed = change.figure.number < 0
    negate = down and not signed  # "fell by 5" printed unsigned: the change is -5
    decided = decide(per_mode(lambda c, p: c - p, current, previous), change, negate=negate)
    if decided is None:
        return
    status, would = decided
    value = point(lambda c, p: c - p, current, previous)
    shown = "?" if value is None else format_figure(value, change.figure, change.figure.places)
    evidence = (
        f"{current.fact.value} - {previous.fact.value} = {shown}, printed "
        f"{'-' if negate else ''}{change.fact.value} ({where(cf, pf, nf)})"
    )
    if negate:
        rule: dict[str, object] = {"check": f"{previous.id} - {current.id} == {change.id}"}
    else:
        rule = {"check": f"{current.id} - {previous.id} == {change.id}"}
    ids = (current.id, previous.id, change.id)
    words = _words(index, cf, pf, nf)
    yield Relation(
        "difference", ids, status, _SCORE, rule, evidence, change.fact.value, would, words
    )


def _to_level(index: Index, position: int, down: bool) -> Iterator[Relation]:
    """rose by $2.0 million to $14.0 million, an increase of 16.7%; rose 16.7% to $14.0
    million, an increase of $2.0 million: the change over the year before (level − change)
    gives the rate."""
    first, ff = index.in_order[position]
    one, two = _at(index, position + 1, ff), _at(index, position + 2, ff)
    if one is None or two is None:
        return
    (level, lf), (other, of) = one, two
    if not (_TO.match(_gap(index, ff, lf)) and _RESTATED.match(_gap(index, lf, of))):
        return
    if first.figure.kind == "percent" and is_countable(other):
        (rate, rf), (change, cf) = (first, ff), (other, of)
    elif other.figure.kind == "percent" and is_countable(first):
        (rate, rf), (change, cf) = (other, of), (first, ff)
    else:
        return
    if rate.figure.qualifier or not (is_countable(level) and same_unit(level, change)):
        return
    if level.id == change.id or level.figure.number <= 0:
        return
    yield from increase_relation(index, (level, lf), (change, cf), (rate, rf), down)


def _multiple(index: Index, position: int, verb: str) -> Iterator[Relation]:
    """doubled to B from A: B / A is two, rounded to a whole number of times."""
    item, found = index.in_order[position]
    one = _at(index, position + 1, found)
    if one is None:
        return
    between = _gap(index, found, one[1])
    tail = index.masked[max(0, found.spot.start - 6) : found.spot.start]
    if re.search(r"\bto\s*$", tail, re.IGNORECASE) and _FROM_AFTER.match(between):
        (current, nf), (previous, pf) = (item, found), one
    elif re.search(r"\bfrom\s*$", tail, re.IGNORECASE) and _TO.match(between):
        (previous, pf), (current, nf) = (item, found), one
    else:
        return
    if not (is_countable(previous) and is_countable(current) and same_unit(previous, current)):
        return
    if previous.id == current.id:
        return
    times = _TIMES[verb]
    band = _HALF if verb == "halved" else Interval(times - Decimal("0.5"), times + Decimal("0.5"))
    computed = per_mode(lambda c, p: c / p, current, previous)
    near = computed.get("nearest")
    if near is None:
        return
    holds = near.intersects(band)
    value = point(lambda c, p: c / p, current, previous)
    shown = "?" if value is None else f"{value.quantize(Decimal('0.01'))}"
    evidence = (
        f"{current.fact.value} / {previous.fact.value} = {shown}, said to have "
        f"{'risen ' + verb if verb.endswith('fold') else verb} "
        f"({where(pf, nf)})"
    )
    low, high = band.lo, band.hi
    assert low is not None and high is not None
    rule = {
        "check": f"abs({current.id} / {previous.id} - {_plain((low + high) / 2)}) <= "
        f"{_plain((high - low) / 2)}"
    }
    status = "holds" if holds else "mismatch"
    ids = (current.id, previous.id)
    words = _words(index, pf, nf)
    yield Relation("times", ids, status, _SCORE, rule, evidence, verb, "", words)


def _fold(index: Index, position: int) -> Iterator[Relation]:
    """rose 2.5-fold from A to B: B / A is the printed multiple, as it rounds."""
    multiple, mf = index.in_order[position]
    if multiple.figure.kind != "number" or multiple.figure.qualifier:
        return
    one, two = _at(index, position + 1, mf), _at(index, position + 2, mf)
    if one is None or two is None:
        return
    said = _FOLD_THEN.match(_gap(index, mf, one[1]))
    if said is None:
        return
    second = _gap(index, one[1], two[1])
    if said.group("word").lower() == "from" and _TO.match(second):
        (previous, pf), (current, nf) = one, two
    elif said.group("word").lower() == "to" and _FROM_AFTER.match(second):
        (current, nf), (previous, pf) = one, two
    else:
        return
    if not (is_countable(previous) and is_countable(current) and same_unit(previous, current)):
        return
    if previous.id == current.id or multiple.id in (previous.id, current.id):
        return
    words = _words(index, mf, pf, nf)
    printed = f"{multiple.fact.value}-fold"
    yield from times_relation((current, nf), (previous, pf), (multiple, mf), words, printed)


def _plain(value: Decimal) -> str:
    return format(value.quantize(Decimal("0.0001")).normalize(), "f")


def _words(index: Index, *found: Found) -> str:
    start = min(f.spot.start for f in found)
    end = max(f.spot.end for f in found)
    return index.quote(max(found[0].context.clause[0], start - _LEAD), end)

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
_AS = (
    r"(?:as\s+(?:many|much|large|big|high|great)\s+as|that\s+of|those\s+of|of"
    r"|(?:the\s+)?(?:[a-z][a-z-]*\s+){1,2}?of|the)"
)
# half, a third, two-thirds: a share in words of the base printed after it
_FRACTIONS = {
    "tenth": Decimal(1) / 10,
    "fifth": Decimal(1) / 5,
    "quarter": Decimal(1) / 4,
    "third": Decimal(1) / 3,
    "half": Decimal(1) / 2,
    "two-thirds": Decimal(2) / 3,
    "three-quarters": Decimal(3) / 4,
    "four-fifths": Decimal(4) / 5,
    "nine-tenths": Decimal(9) / 10,
}
_FRACTION = (
    r"half|(?:a|one)[\s-](?:third|quarter|fifth|tenth)"
    r"|(?:two[\s-]thirds|three[\s-]quarters|four[\s-]fifths|nine[\s-]tenths)"
)
_GAP = re.compile(
    r"^(?:\s*[a-z][a-z-]*){0,2}?(?:\s+(?:in|by|at|during)\s+#+)?"
    r"\s*(?:[,(–—](?:\s*(?:was|were|is|are)\s)?|\s-|\s(?:was|were|is|are)\s)\s*"
    r"(?:or\s+|which\s+is\s+|which\s+was\s+)?"
    r"(?P<times>twice|double|#+\s+times|"
    + _FRACTION
    + r")\s+"
    + _AS
    # "four times those of 2019 (£30m)": the base in brackets after its year
    + r"\s+(?:the\s+|its\s+|their\s+|all\s+)?(?:#+\s*\(\s*)?$",
    re.IGNORECASE,
)
_TWO = Interval(Decimal("1.5"), Decimal("2.5"))
# Two-thirds of the 900 pupils (600); Half of the £3.6m grant – £1.8m –; A quarter of the
# 480 bridges, 120, …: not after "nearly", "about", "more than" (a bound, not the fraction)
_FRACTION_OF = re.compile(
    r"(?:^|[,;:]\s*|\b(?:and|but|while)\s+)(?P<times>" + _FRACTION + r")\s+of\s+"
    r"(?:the\s+|its\s+|their\s+|all\s+)?(?:[a-z][\w'’-]*'s\s+)?$",
    re.IGNORECASE,
)
_RESTATED_PART = re.compile(
    r"^(?:\s*[a-z][\w'’-]*){0,3}\s*(?:,|\(|[–—]|\s-)\s*(?:or\s+)?$", re.IGNORECASE
)
# "At $7.8bn, the order book is 2.5 times …": a figure an "At" opens the sentence with is
# the level of the subject after its comma
_AT_OPENS = re.compile(r"^\s*at\s+$", re.IGNORECASE)
_SUBJECT_THEN_VERB = re.compile(
    r"^\s*,\s*(?:[a-z][\w'’-]*\s+){1,5}?(?=(?:was|were|is|are)\s)", re.IGNORECASE
)


def _gap(index: Index, vf: Found, end: int) -> str:
    """The words from the value to ``end``; after an "At …," opener, the subject between
    the comma and its verb left out."""
    gap = index.masked[vf.spot.end : end]
    if _AT_OPENS.match(index.masked[vf.context.sentence[0] : vf.spot.start]):
        gap = _SUBJECT_THEN_VERB.sub(", ", gap, count=1)
    return gap


def _spoken(said: re.Match[str]) -> str:
    return re.sub(r"\s+", " ", said.group("times").lower())


def _band(spoken: str) -> tuple[Interval, str] | None:
    """What a multiple or fraction in words stands for: twice is 1.5 to 2.5 times; a
    fraction reaches halfway to the fractions next to it (a third: 0.29 to 0.42)."""
    if spoken in ("twice", "double"):
        return _TWO, spoken
    name = re.sub(r"^(?:a|one)[\s-]", "", spoken).replace(" ", "-")
    value = _FRACTIONS.get(name)
    if value is None:
        return None
    ordered = sorted(_FRACTIONS.values())
    at = ordered.index(value)
    low = (ordered[at - 1] + value) / 2 if at else value / 2
    high = (ordered[at + 1] + value) / 2 if at + 1 < len(ordered) else (value + 1) / 2
    return Interval(low, high), name


def detect(index: Index) -> Iterator[Relation]:
    order = [pair for pair in index.in_order if pair[0].fact.kind != "date"]
    for position, (value, vf) in enumerate(order[:-1]):
        next_item, nf = order[position + 1]
        if vf.sentence != nf.sentence or vf.section != nf.section:
            continue
        if not is_latin(vf.text) or not is_countable(value):
            continue
        yield from _fraction_first(index, value, vf, next_item, nf)
        said = _GAP.match(_gap(index, vf, nf.spot.start))
        if said is not None and _band(_spoken(said)) is not None:
            # twice the 20, a third of the 900: the figure after the words is the base
            yield from _multiple(index, value, vf, next_item, nf, None)
            continue
        if next_item.figure.kind != "number" or next_item.fact.kind != "number":
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
    said = _GAP.match(_gap(index, vf, bf.spot.start))
    if said is None:
        return
    band = _band(_spoken(said))
    if (times is None) != (band is not None):
        return
    if not (is_countable(base) and same_unit(value, base)) or value.id == base.id:
        return
    ratio = point(lambda a, b: a / b, value, base)
    shown = "?" if ratio is None else f"{ratio.quantize(Decimal('0.01'))}"
    words = index.quote(vf.spot.start, bf.spot.end)
    if band is not None:
        yield from _banded(value, vf, base, bf, band, words)
        return
    assert times is not None
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


def _banded(
    value: Item, vf: Found, base: Item, bf: Found, band: tuple[Interval, str], words: str
) -> Iterator[Relation]:
    """value / base within the band a multiple or fraction in words stands for."""
    near = per_mode(lambda a, b: a / b, value, base).get("nearest")
    if near is None:
        return
    ratio = point(lambda a, b: a / b, value, base)
    shown = "?" if ratio is None else f"{ratio.quantize(Decimal('0.01'))}"
    interval, spoken = band
    assert interval.lo is not None and interval.hi is not None
    middle = _plain((interval.lo + interval.hi) / 2)
    radius = _plain((interval.hi - interval.lo) / 2)
    # decided on the band as the rule writes it, so check and discovery agree
    written = Interval(Decimal(middle) - Decimal(radius), Decimal(middle) + Decimal(radius))
    status = "holds" if near.intersects(written) else "mismatch"
    rule: dict[str, object] = {"check": f"abs({value.id} / {base.id} - {middle}) <= {radius}"}
    evidence = f"{value.fact.value} / {base.fact.value} = {shown}, said {spoken} ({where(vf, bf)})"
    yield Relation("times", (value.id, base.id), status, _SCORE, rule, evidence, spoken, "", words)


def _fraction_first(
    index: Index, base: Item, bf: Found, value: Item, vf: Found
) -> Iterator[Relation]:
    """ "Two-thirds of the 900 pupils (600) passed", "Half of the £3.6m grant – £1.8m –": the
    fraction opens its clause, the whole follows its "of", the part is restated after it."""
    start = max(bf.context.sentence[0], bf.spot.start - 60)
    lead = index.masked[start : bf.spot.start]
    if start != bf.context.sentence[0]:
        lead = "… " + lead  # a window cut inside the sentence does not start it
    said = _FRACTION_OF.search(lead)
    if said is None or not _RESTATED_PART.match(index.masked[bf.spot.end : vf.spot.start]):
        return
    band = _band(re.sub(r"\s+", " ", said.group("times").lower()))
    if band is None or not (is_countable(value) and same_unit(value, base)):
        return
    if value.id == base.id or value.figure.qualifier or base.figure.qualifier:
        return
    yield from _banded(value, vf, base, bf, band, index.quote(bf.spot.start, vf.spot.end))


def _plain(value: Decimal) -> str:
    """A band's end as a rule writes it: four places at most, no exponent."""
    return format(value.quantize(Decimal("0.0001")).normalize(), "f")

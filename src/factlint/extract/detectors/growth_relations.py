"""The relations a change statement's roles fix (``english_growths`` reads the roles):
new − old = change; new / old − 1 = rate; change / (new − change) = rate; change / old =
rate; an increase of a count no larger than the level it reached. A decline word makes the
change and the rate negative, whether or not the figure carries the sign already
(docs/design.md §3)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from factlint.extract.detectors.base import (
    EXCEEDS,
    HOLDS,
    Index,
    Item,
    Relation,
    pct,
    same_unit,
    where,
)
from factlint.extract.detectors.judging import decide, per_mode, point
from factlint.extract.pipeline import Found
from factlint.numbers.figures import format_figure
from factlint.numbers.intervals import Interval

_SCORE = 5.0


@dataclass
class Statement:
    """The figures of one change statement, by role."""

    down: bool
    cue_start: int
    change: tuple[Item, Found] | None = None
    rate: tuple[Item, Found] | None = None
    new: tuple[Item, Found] | None = None
    old: tuple[Item, Found] | None = None
    elsewhere: bool = False  # the level is named in another sentence: new or old
    noun_after: bool = False  # a £5 million increase: the cue's noun follows the figure
    comparative: bool = False  # 15 per cent more than the 2,300: the level compared follows

    @property
    def points(self) -> bool:
        """A change in percentage points: its levels are percents, its rate is not read."""
        return self.change is not None and self.change[0].figure.kind == "points"

    def founds(self) -> list[Found]:
        pairs = (self.change, self.rate, self.new, self.old)
        return [pair[1] for pair in pairs if pair is not None]


def relations(index: Index, s: Statement) -> Iterator[Relation]:
    if s.points:
        s.rate = None  # the rate of a percent is ambiguous (relative or in points)
    elif s.change is not None and not _same_units(s.change, s.new, s.old):
        s.new = s.old = None
    if s.new is not None and s.old is not None and not same_unit(s.new[0], s.old[0]):
        return
    ids = {pair[0].id for pair in (s.change, s.rate, s.new, s.old) if pair is not None}
    if len(ids) < len(s.founds()):
        return  # one fact in two roles: not a statement we can read
    words = _words(index, s)
    if s.new is not None and s.old is not None:
        if s.change is not None:
            yield from _difference(s, s.new, s.old, s.change, words)
        if s.rate is not None:
            yield from _growth(s, s.new, s.old, s.rate, words)
        return
    if s.change is not None and s.rate is not None:
        if s.old is not None:
            yield from _on_base(s, s.old, s.change, s.rate, words)
        elif s.new is not None:
            yield from _to_level(s, s.new, s.change, s.rate, words)
        return
    if s.change is not None and s.new is not None and not s.down and not s.elsewhere:
        yield from _within_level(s, s.new, s.change, words)


def _same_units(change: tuple[Item, Found], *levels: tuple[Item, Found] | None) -> bool:
    return all(level is None or same_unit(change[0], level[0]) for level in levels)


def _signed(item: Item, down: bool) -> tuple[int, str]:
    """The sign the words give a printed change, and how a rule writes the signed value."""
    if down and item.figure.number > 0:
        return -1, f"(-{item.id})"
    return 1, item.id


def _scaled(value: Interval, sign: int) -> Interval:
    return -value if sign < 0 else value


def _difference(
    s: Statement,
    new: tuple[Item, Found],
    old: tuple[Item, Found],
    change: tuple[Item, Found],
    words: str,
) -> Iterator[Relation]:
    (n, nf), (o, of), (c, cf) = new, old, change
    sign, _ = _signed(c, s.down)
    decided = decide(per_mode(lambda a, b: a - b, n, o), c, negate=sign < 0)
    if decided is None:
        return
    status, would = decided
    value = point(lambda a, b: a - b, n, o)
    shown = "?" if value is None else format_figure(value, c.figure, c.figure.places)
    evidence = (
        f"{n.fact.value} - {o.fact.value} = {shown}, printed "
        f"{'-' if sign < 0 else ''}{c.fact.value} ({where(cf, of, nf)})"
    )
    check = f"{o.id} - {n.id} == {c.id}" if sign < 0 else f"{n.id} - {o.id} == {c.id}"
    rule: dict[str, object] = {"check": check}
    ids = (n.id, o.id, c.id)
    yield Relation("difference", ids, status, _SCORE, rule, evidence, c.fact.value, would, words)


def _growth(
    s: Statement,
    new: tuple[Item, Found],
    old: tuple[Item, Found],
    rate: tuple[Item, Found],
    words: str,
) -> Iterator[Relation]:
    (n, nf), (o, of), (r, rf) = new, old, rate
    sign, _ = _signed(r, s.down)
    decided = decide(per_mode(lambda a, b: a / b - Interval.point(Decimal(1)), n, o), r, sign < 0)
    if decided is None:
        return
    status, would = decided
    value = point(lambda a, b: a / b - 1, n, o)
    evidence = (
        f"{n.fact.value} / {o.fact.value} - 1 = {pct(value)}, printed "
        f"{'-' if sign < 0 else ''}{r.fact.value} ({where(rf, nf, of)})"
    )
    if sign < 0:
        rule: dict[str, object] = {"check": f"1 - {n.id} / {o.id} == {r.id}"}
    else:
        rule = {"growth": {"current": n.id, "previous": o.id, "is": r.id}}
    ids = (n.id, o.id, r.id)
    yield Relation("growth", ids, status, _SCORE, rule, evidence, r.fact.value, would, words)


def _on_base(
    s: Statement,
    old: tuple[Item, Found],
    change: tuple[Item, Found],
    rate: tuple[Item, Found],
    words: str,
) -> Iterator[Relation]:
    """an increase of $5 million, or 20%, from $25 million: change / old = rate."""
    (o, of), (c, cf), (r, rf) = old, change, rate
    c_sign, c_written = _signed(c, s.down)
    r_sign, _ = _signed(r, s.down)
    computed = per_mode(lambda d, b: _scaled(d, c_sign) / b, c, o)
    decided = decide(computed, r, negate=r_sign < 0)
    if decided is None:
        return
    status, would = decided
    value = point(lambda d, b: c_sign * d / b, c, o)
    evidence = (
        f"{c_written.replace(c.id, c.fact.value)} / {o.fact.value} = {pct(value)}, printed "
        f"{'-' if r_sign < 0 else ''}{r.fact.value} ({where(rf, cf, of)})"
    )
    rate_written = f"(-{r.id})" if r_sign < 0 else r.id
    rule: dict[str, object] = {"check": f"{c_written} / {o.id} == {rate_written}"}
    ids = (o.id, c.id, r.id)
    yield Relation(
        "growth-on-base", ids, status, _SCORE, rule, evidence, r.fact.value, would, words
    )


def _to_level(
    s: Statement,
    new: tuple[Item, Found],
    change: tuple[Item, Found],
    rate: tuple[Item, Found],
    words: str,
) -> Iterator[Relation]:
    """an increase of £6.56 or 2.99% on a level of £225.40: change / (new − change) = rate;
    a level named in another sentence may be the old one: change / old = rate."""
    (n, nf), (c, cf), (r, rf) = new, change, rate
    c_sign, c_written = _signed(c, s.down)
    r_sign, _ = _signed(r, s.down)

    def from_new(d: Interval, level: Interval) -> Interval:
        signed = _scaled(d, c_sign)
        return signed / (level - signed)

    readings: list[tuple[Callable[[Interval, Interval], Interval], str, str]] = [
        (from_new, f"{c_written} / ({n.id} - {c_written})", "(new - change)")
    ]
    if s.elsewhere:
        readings.append((lambda d, level: _scaled(d, c_sign) / level, f"{c_written} / {n.id}", ""))
    chosen: tuple[str, str, str, str] | None = None
    for function, check, how in readings:
        decided = decide(per_mode(function, c, n), r, negate=r_sign < 0)
        if decided is None:
            return
        status, would = decided
        if chosen is None or status == HOLDS:
            chosen = (status, would, check, how)
        if status == HOLDS:
            break
    assert chosen is not None
    status, would, check, how = chosen
    signed_change = c_sign * c.figure.base
    if how:
        value = point(lambda d, level: signed_change / (level - signed_change), c, n)
        shown = f"{c.fact.value} / ({n.fact.value} - {c.fact.value})"
        if c_sign < 0:  # fell by 245 to 3,069: the year before was 3,069 + 245
            shown = f"-{c.fact.value} / ({n.fact.value} + {c.fact.value})"
    else:
        value = point(lambda d, level: signed_change / level, c, n)
        shown = f"{c.fact.value} / {n.fact.value}"
    evidence = (
        f"{shown} = {pct(value)}, printed {'-' if r_sign < 0 else ''}{r.fact.value} "
        f"({where(rf, nf, cf)})"
    )
    rate_written = f"(-{r.id})" if r_sign < 0 else r.id
    rule: dict[str, object] = {"check": f"{check} == {rate_written}"}
    ids = (n.id, c.id, r.id)
    yield Relation(
        "growth-from-increase", ids, status, _SCORE, rule, evidence, r.fact.value, would, words
    )


def _within_level(
    s: Statement, new: tuple[Item, Found], change: tuple[Item, Found], words: str
) -> Iterator[Relation]:
    """723 homicides, an increase of 1,489: a count that rose by more than it now stands
    at was negative before."""
    (n, nf), (c, cf) = new, change
    if n.fact.kind != "count" or c.figure.number < 0:
        return
    low, high = per_mode(lambda d: d, c).get("nearest"), per_mode(lambda x: x, n).get("nearest")
    if low is None or high is None or low.lo is None or high.hi is None:
        return
    status = HOLDS if low.lo <= high.hi else EXCEEDS
    evidence = (
        f"an increase of {c.fact.value} to {n.fact.value} leaves "
        f"{n.fact.value} - {c.fact.value} before, below zero ({where(cf, nf)})"
        if status == EXCEEDS
        else f"{c.fact.value} <= {n.fact.value} ({where(cf, nf)})"
    )
    rule: dict[str, object] = {"check": f"{c.id} <= {n.id}"}
    ids = (n.id, c.id)
    yield Relation(
        "change-within-level", ids, status, _SCORE, rule, evidence, c.fact.value, "", words
    )


def _words(index: Index, s: Statement) -> str:
    founds = s.founds()
    start = min(s.cue_start, *(f.spot.start for f in founds))
    end = max(f.spot.end for f in founds)
    return index.quote(start, end)

"""``difference`` to a level the words name rather than print beside the change: "to set the
precept at £18,000 – £700 below the budget", "spending of $4.6m, $0.3m over its budget" — an
amount, then in apposition the gap, a comparison (below, above, under, over, short of) and
"the"/"its"/"their" with a noun that names exactly one amount printed earlier in the text
(the budget of £18,767). The level and the named amount differ by the gap stated, in the
direction the comparison says; asserted, so a slip is an error. A noun that names no amount,
or several, binds nothing; so does a clause that prints the level compared with itself (that
is english_growths's "higher than the £25m").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factlint.extract.detectors.base import Index, Item, Relation, is_latin, same_unit, where
from factlint.extract.detectors.judging import decide, per_mode, point
from factlint.extract.pipeline import Found
from factlint.numbers.figures import format_figure

_SCORE = 5.0
_ANY = re.compile(r"\b(?:below|above|under|over|short\s+of)\s+(?:the|its|their)\s", re.I)
_NAMED = re.compile(
    r"^\s*(?P<way>below|above|under|over|short\s+of)\s+(?:the|its|their)\s+"
    r"(?P<noun>[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)\b",
    re.IGNORECASE,
)
_DOWN = ("below", "under", "short")
_APPOSITION = re.compile(r"^\s*(?:[–—,]|\s-)\s*$")
_TAIL = re.compile(r"[a-z][a-z-]+")
_AFTER_NAME = frozenset(("of", "for", "in", "at", "on", "to", "by", "from", "and", "set", "last"))
_NOT_NAMES = frozenset(("year", "years", "same", "level", "rate", "average", "national"))


def detect(index: Index) -> Iterator[Relation]:
    if _ANY.search(index.flat) is None:
        return  # most texts: one search
    order = index.in_order
    for position, (gap, gf) in enumerate(order[1:], start=1):
        if not _amount(gap) or not is_latin(gf.text):
            continue
        named = _NAMED.match(index.masked[gf.spot.end : gf.context.clause[1]])
        if named is None:
            continue
        noun = " ".join(_name(named.group("noun")))
        level, lf = order[position - 1]
        if noun.split()[-1] in _NOT_NAMES or lf.sentence != gf.sentence or not _amount(level):
            continue
        if not _APPOSITION.match(index.masked[lf.spot.end : gf.spot.start]):
            continue
        if not (same_unit(level, gap) and level.id != gap.id):
            continue
        if _prints_its_level(index, position, gf):
            continue
        base = _named_amount(index, position - 1, noun, level)
        if base is None:
            continue
        yield from _difference(index, (level, lf), base, (gap, gf), named.group("way"))


def _name(words: str) -> list[str]:
    """The noun phrase of "the budget for 2024/25", "the reserves of last year": up to
    the first word that is none of its nouns."""
    name: list[str] = []
    for word in words.lower().split():
        if word in _AFTER_NAME:
            break
        name.append(word)
    return name or ["?"]


def _amount(item: Item) -> bool:
    figure = item.figure
    return figure.kind == "amount" and not figure.qualifier and figure.number > 0


def _prints_its_level(index: Index, position: int, gf: Found) -> bool:
    """A figure other than a date after the gap in its clause: the level compared with is
    printed there."""
    for item, other in index.in_order[position + 1 :]:
        if other.spot.start >= gf.context.clause[1]:
            return False
        if not _period(index, item, other):
            return True
    return False


def _period(index: Index, item: Item, found: Found) -> bool:
    """A date, or the 25 of 2024/25."""
    before = index.masked[max(0, found.spot.start - 2) : found.spot.start]
    return item.fact.kind == "date" or re.search(r"#\s*[/–-]\s*$", before) is not None


def _named_amount(index: Index, before: int, noun: str, level: Item) -> tuple[Item, Found] | None:
    """The one amount printed before ``before`` whose own words (up to six, after the
    figure before it) hold ``noun``."""
    chosen: dict[str, tuple[Item, Found]] = {}
    start = 0  # where the words of the next figure may begin: after the last figure no date
    for item, found in index.in_order[:before]:
        begin = max(start, found.context.sentence[0], found.spot.start - 60)
        if not _period(index, item, found):
            start = found.spot.end
        if not _amount(item) or not same_unit(item, level) or item.id == level.id:
            continue
        words = " " + " ".join(_TAIL.findall(index.masked[begin : found.spot.start].lower())[-6:])
        if f" {noun} " in words + " ":
            chosen.setdefault(item.id, (item, found))
    return next(iter(chosen.values())) if len(chosen) == 1 else None


def _difference(
    index: Index,
    level: tuple[Item, Found],
    base: tuple[Item, Found],
    gap: tuple[Item, Found],
    way: str,
) -> Iterator[Relation]:
    (n, nf), (o, of), (c, cf) = level, base, gap
    down = way.lower().startswith(_DOWN)
    decided = decide(per_mode(lambda a, b: a - b, n, o), c, negate=down)
    if decided is None:
        return
    status, would = decided
    value = point(lambda a, b: a - b, n, o)
    shown = "?" if value is None else format_figure(value, c.figure, c.figure.places)
    evidence = (
        f"{n.fact.value} - {o.fact.value} = {shown}, printed "
        f"{'-' if down else ''}{c.fact.value} ({where(cf, of, nf)})"
    )
    check = f"{o.id} - {n.id} == {c.id}" if down else f"{n.id} - {o.id} == {c.id}"
    words = index.quote(nf.context.clause[0], cf.context.clause[1])
    ids = (n.id, o.id, c.id)
    rule: dict[str, object] = {"check": check}
    yield Relation("difference", ids, status, _SCORE, rule, evidence, c.fact.value, would, words)

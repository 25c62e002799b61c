"""Turn the parts a reader found into a :class:`Figure`: check that they go together, and
decide the figure's qualifier, unit, kind, exactness and template."""

from __future__ import annotations

import sys
from decimal import Decimal

from factlint.numbers.characters import is_letter
from factlint.numbers.figure_value import Figure
from factlint.numbers.reader import FigureReader, Number, Parts, Piece
from factlint.numbers.vocabulary import (
    AT_LEAST,
    CURRENCY_PREFIXES,
    MORE_THAN,
    POST_QUALIFIERS,
    PRE_QUALIFIERS,
    RANGE,
    SCALES,
    UNITS,
)
from factlint.records import dataclass

_ONE = Decimal(1)


@dataclass(frozen=True, slots=True)
class _Meaning:
    unit: str
    kind: str
    exact: bool


def build_figure(r: FigureReader, parts: Parts) -> Figure:
    """The Figure the parts make, or the reader fails at the first part that does not fit."""
    low = parts.low
    assert low is not None
    high = parts.high
    qualifier, qualifier_text = _qualifier(r, parts)
    meaning = _meaning(r, parts)
    places = max(low.places, high.places if high else 0)
    scale = _ONE if parts.scale is None else SCALES[parts.scale.key].factor
    template, shown = _template(r, parts)
    unit_text = _unit_text(r, parts, shown)
    return Figure(
        text=r.text,
        number=low.value,
        upper=None if high is None else high.value,
        places=places,
        scale=scale,
        # The short texts repeat across figures: interned, a million figures share them.
        scale_text=sys.intern(shown.get("scale", "")),
        unit=meaning.unit,
        unit_text=sys.intern(unit_text),
        kind=meaning.kind,
        qualifier=qualifier,
        qualifier_text=sys.intern(qualifier_text),
        exact=meaning.exact and (meaning.kind != "count" or (scale == _ONE and places == 0)),
        template=sys.intern(template),
    )


def _qualifier(r: FigureReader, parts: Parts) -> tuple[str, str]:
    if parts.high is not None:
        return _range_qualifier(r, parts, parts.high)
    if parts.between is not None:
        r.fail("'between' needs a range such as 'between 3 and 5'", parts.between.start)
    pre, post = parts.pre, parts.post
    if pre is None or post is None:
        only = pre or post
        return ("", "") if only is None else (_meaning_of_qualifier(only), r.printed(only))
    first, second = _meaning_of_qualifier(pre), _meaning_of_qualifier(post)
    # 超过30%以上 and 约30%左右 are redundant but common; 超30%左右 contradicts itself.
    if first != second and {first, second} != {MORE_THAN, AT_LEAST}:
        r.fail(f"the qualifiers {r.printed(pre)!r} and {r.printed(post)!r} disagree", post.start)
    return first, f"{r.printed(pre)}…{r.printed(post)}"


def _range_qualifier(r: FigureReader, parts: Parts, high: Number) -> tuple[str, str]:
    other = parts.pre or parts.post
    if other is not None:
        r.fail(f"a range cannot also have the qualifier {r.printed(other)!r}", other.start)
    assert parts.low is not None and parts.separator is not None
    if high.value < parts.low.value:
        r.fail("a range must run from low to high", high.start)
    return RANGE, r.printed(parts.separator)


def _meaning_of_qualifier(piece: Piece) -> str:
    word = PRE_QUALIFIERS.get(piece.key) or POST_QUALIFIERS[piece.key]
    return word.value


def _meaning(r: FigureReader, parts: Parts) -> _Meaning:
    if parts.rank is not None:
        return _rank_meaning(r, parts)
    family = "" if parts.scale is None else SCALES[parts.scale.key].value
    if family in ("percent", "points"):
        if parts.currency is not None:
            r.fail(f"a currency cannot go with a {family} figure", parts.currency.start)
        return _Meaning("", family, False)
    unit = _unit_meaning(r, parts)
    if parts.scale is not None and parts.scale.key == "m" and unit.kind != "amount":
        r.fail("'m' is read as million only beside a currency", parts.scale.start)
    return unit


def _rank_meaning(r: FigureReader, parts: Parts) -> _Meaning:
    low = parts.low
    assert low is not None
    extra = parts.scale or parts.unit
    if extra is not None:
        r.fail(f"a rank takes no scale or unit, found {r.printed(extra)!r}", extra.start)
    for end in (low, parts.high):
        if end is not None and (end.places or end.value < 1):
            r.fail("a rank must be a whole number from 1 up", end.start)
    return _Meaning("rank", "rank", True)


def _unit_meaning(r: FigureReader, parts: Parts) -> _Meaning:
    currency = None if parts.currency is None else CURRENCY_PREFIXES[parts.currency.key].value
    if parts.unit is None:
        if currency is not None:
            return _Meaning(currency, "amount", False)
        return _Meaning("", "number", False)
    word = UNITS[parts.unit.key]
    if parts.currency is not None and (word.kind != "amount" or word.value != currency):
        r.fail(
            f"the currency {r.printed(parts.currency)!r} does not go with "
            f"{r.printed(parts.unit)!r}",
            parts.unit.start,
        )
    if word.value == "month":
        return _month_meaning(r, parts)
    if word.value == "years" and _is_calendar_year(parts):
        return _Meaning("year", "date", True)
    return _Meaning(word.value, word.kind, word.kind == "count")


def _whole_numbers(parts: Parts) -> list[Number]:
    return [n for n in (parts.low, parts.high) if n is not None]


def _is_calendar_year(parts: Parts) -> bool:
    return parts.scale is None and all(
        n.four_digit_year and n.value > 0 for n in _whole_numbers(parts)
    )


def _month_meaning(r: FigureReader, parts: Parts) -> _Meaning:
    for n in _whole_numbers(parts):
        if parts.scale is not None or n.places or not 1 <= n.value <= 12:
            r.fail("a month must be a whole number from 1 to 12", n.start)
    return _Meaning("month", "date", True)


# --------------------------------------------------------------------------- template


def _template(r: FigureReader, parts: Parts) -> tuple[str, dict[str, str]]:
    """The template, and each kept piece as it shows in it (with its leading space)."""
    low = parts.low
    assert low is not None
    number_end = parts.high.end if parts.high is not None else low.end
    kept = [
        p
        for p in (
            parts.currency,
            parts.rank,
            Piece("number", low.start, number_end),
            parts.scale,
            parts.unit,
            parts.rank_suffix,
        )
        if p is not None
    ]
    kept.sort(key=lambda p: p.start)
    out: list[str] = []
    shown: dict[str, str] = {}
    previous: Piece | None = None
    for piece in kept:
        gap = "" if previous is None else _gap(r, previous.end, piece.start)
        body = "{}" if piece.role == "number" else r.printed(piece)
        role = _role_name(parts, piece)
        shown[role] = gap + body
        out.append(gap + body)
        previous = piece
    return "".join(out), shown


def _role_name(parts: Parts, piece: Piece) -> str:
    for name in ("currency", "rank", "scale", "unit", "rank_suffix"):
        if getattr(parts, name) is piece:
            return name
    return "number"


def _gap(r: FigureReader, end: int, start: int) -> str:
    """One space where the text had space beside an English word; Chinese runs together."""
    has_space = any(c.isspace() for c in r.s[end:start])
    beside_word = is_letter(r.s[end - 1]) or (start < len(r.s) and is_letter(r.s[start]))
    return " " if has_space and beside_word else ""


def _unit_text(r: FigureReader, parts: Parts, shown: dict[str, str]) -> str:
    if parts.rank is not None:
        return "第" + shown.get("rank_suffix", "")
    if "unit" in shown:
        return shown["unit"]
    return r.printed(parts.currency) if parts.currency is not None else ""

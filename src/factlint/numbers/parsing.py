"""Read one printed figure into a :class:`Figure`: its parts in order, then checked and built.

The order is: a qualifier (``超``, ``about``), ``between``, a sign, a currency (``$``), ``第``
for a rank, the number, a range's separator and second number, then suffixes (scale word,
unit, qualifier after) in any order the checks allow. What the parts mean together is
decided by :mod:`factlint.numbers.building`.
"""

from __future__ import annotations

from factlint.numbers.building import build_figure
from factlint.numbers.characters import match_key
from factlint.numbers.fast_figures import CommonFigures
from factlint.numbers.figure_value import MAX_CHARS, MAX_DIGITS, Figure, FigureError
from factlint.numbers.reader import SIGNS, FigureReader, Number, Parts, Piece
from factlint.numbers.vocabulary import (
    BETWEEN,
    CURRENCY_PREFIXES,
    DIRECTIONS,
    PRE_QUALIFIERS,
    RANK_SUFFIXES,
    SCALES,
    SEPARATORS,
    SUFFIXES,
)

_CONSTANTS: dict[str, Figure] = {}


def parse_constant(text: str) -> Figure:
    """``parse_figure`` for the constants written in rules (``- 1``, ``230亿元``), which
    are read again for every check: the first 10,000 distinct texts are kept."""
    figure = _CONSTANTS.get(text)
    if figure is None:
        figure = parse_figure(text)
        if len(_CONSTANTS) < 10_000:
            _CONSTANTS[text] = figure
    return figure


def parse_figure(text: str) -> Figure:
    """Read one printed figure; raise :class:`FigureError` for anything else.

    >>> f = parse_figure("$1.5 billion")
    >>> f.number, f.scale, f.unit, f.template
    (Decimal('1.5'), Decimal('1E+9'), 'USD', '${} billion')
    """
    figure = _COMMON.read(text)
    return figure if figure is not None else read_figure(text)


def read_figure(text: str) -> Figure:
    """``parse_figure`` by the general reader alone, for every spelling it knows."""
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    if not stripped:
        raise FigureError("empty figure", 0)
    if len(stripped) > MAX_CHARS:
        raise FigureError(
            f"a figure may have at most {MAX_CHARS} characters, this one has {len(stripped)}",
            lead + MAX_CHARS,
        )
    reader = FigureReader(stripped, lead)
    parts = _read_parts(reader)
    return build_figure(reader, parts)


# Plain digits with a scale word and a unit: read once per class by the general reader,
# then built from that (numbers.fast_figures).
_COMMON = CommonFigures(read_figure, MAX_DIGITS)
common_figure = _COMMON.read
"""``parse_figure``'s fast path alone: the figure of a common spelling, None for any other
text (which ``parse_figure`` reads or refuses). For loaders, which read one per fact."""


def _read_parts(r: FigureReader) -> Parts:
    parts = Parts()
    parts.pre = r.take(PRE_QUALIFIERS, "qualifier")
    if parts.pre is None:  # "up to 20 pp" is a bound, not a rise
        parts.direction = r.take(DIRECTIONS, "direction")
        if parts.direction is not None:
            parts.pre = r.take(PRE_QUALIFIERS, "qualifier")
    parts.between = r.take(BETWEEN, "qualifier")
    r.skip_space()
    sign = r.take_sign() or _sign_before_currency(r)
    parts.currency = r.take(CURRENCY_PREFIXES, "currency")
    r.skip_space()
    if parts.currency is None and r.peek() == "第":
        parts.rank = Piece("rank", r.pos, r.pos + 1, "第")
        r.pos += 1
        r.skip_space()
    if sign is None:
        sign = r.take_sign()
    parts.low = _signed(r.read_number(), sign)
    _read_range(r, parts)
    _read_suffixes(r, parts)
    r.skip_space()
    if r.pos < len(r.s):
        r.fail(f"cannot read {r.rest(r.pos)!r} after the number", r.pos)
    if parts.direction is not None:
        _directed(r, parts, sign)
    return parts


def _directed(r: FigureReader, parts: Parts, sign: Piece | None) -> None:
    """下降2.0% is -2.0%: a fall word makes the number negative, a rise word keeps it."""
    direction = parts.direction
    assert direction is not None and parts.low is not None
    word = r.printed(direction)
    if sign is not None:
        r.fail(f"a figure takes a sign or the word {word!r}, not both", sign.start)
    if parts.high is not None or parts.between is not None:
        r.fail(f"the word {word!r} cannot stand before a range; write each end", direction.start)
    bound = parts.pre or parts.post
    if bound is not None:
        r.fail(
            f"the word {word!r} and the qualifier {r.printed(bound)!r} together are "
            "ambiguous; write the bound with a sign (超过-5%)",
            bound.start,
        )
    if DIRECTIONS[direction.key].value == "down":
        parts.low = _signed(parts.low, Piece("sign", direction.start, direction.end, "-"))


def _sign_before_currency(r: FigureReader) -> Piece | None:
    """``-$1.5 billion``: a sign may also stand right before a currency symbol."""
    if r.peek() not in SIGNS:
        return None
    after = r.pos + 1
    keys = CURRENCY_PREFIXES.starting_with(r.peek(1))
    if not any(match_key(r.s, after, key) >= 0 for key in keys):
        return None
    r.pos = after
    return Piece("sign", after - 1, after, r.s[after - 1])


def _signed(number: Number, sign: Piece | None) -> Number:
    negative = sign is not None and sign.key in "-−"
    value = number.value.copy_negate() if negative else number.value  # unary minus rounds
    if value.is_zero():
        value = value.copy_abs()  # "-0" prints a zero
    return Number(value, number.places, number.start, number.end, number.four_digit_year)


def _read_range(r: FigureReader, parts: Parts) -> None:
    save = r.pos
    separator = r.take(SEPARATORS, "separator")
    if separator is None or (separator.key == "and" and parts.between is None):
        r.pos = save
        return
    r.skip_space()
    if parts.currency is not None:
        again = r.take(CURRENCY_PREFIXES, "currency")
        if again is not None and again.key != parts.currency.key:
            r.pos = save
            return
        r.skip_space()
    sign = r.take_sign()
    if not r.starts_number():
        r.pos = save  # "30-plus": not a range; the leftover is reported as unreadable
        return
    parts.separator = separator
    parts.high = _signed(r.read_number(), sign)


def _read_suffixes(r: FigureReader, parts: Parts) -> None:
    while (piece := r.take(SUFFIXES, "suffix")) is not None:
        word = SUFFIXES[piece.key]
        if parts.rank is not None and piece.key in RANK_SUFFIXES and parts.rank_suffix is None:
            parts.rank_suffix = piece
        elif word.role == "qualifier":
            _place_post_qualifier(r, parts, piece)
        elif word.role == "scale":
            _place_scale(r, parts, piece)
        else:
            _place_unit(r, parts, piece)


def _place_post_qualifier(r: FigureReader, parts: Parts, piece: Piece) -> None:
    if parts.post is not None:
        r.fail(
            f"two qualifiers after the number: {r.printed(parts.post)!r} and {r.printed(piece)!r}",
            piece.start,
        )
    parts.post = piece


def _place_scale(r: FigureReader, parts: Parts, piece: Piece) -> None:
    if parts.scale is not None:
        r.fail(f"two scale words: {r.printed(parts.scale)!r} and {r.printed(piece)!r}", piece.start)
    if parts.unit is not None:
        r.fail(
            f"the scale word {r.printed(piece)!r} must come before the unit "
            f"{r.printed(parts.unit)!r}",
            piece.start,
        )
    parts.scale = piece


def _place_unit(r: FigureReader, parts: Parts, piece: Piece) -> None:
    if parts.unit is not None:
        r.fail(f"two units: {r.printed(parts.unit)!r} and {r.printed(piece)!r}", piece.start)
    if parts.scale is not None and SCALES[parts.scale.key].value != "scale":
        r.fail(
            f"a {r.printed(parts.scale)!r} figure takes no unit, found {r.printed(piece)!r}",
            piece.start,
        )
    parts.unit = piece

"""Read a figure as a report prints it into exact ``Decimal`` parts, and print others like it.

A *figure* is a number the way a report prints it, in Chinese or English: ``162.24亿元``,
``超30%``, ``第一``, ``四十一人``, ``$1.5 billion``, ``3–5万元``, ``１２３．４５％``,
``twenty-five``, ``two million``, ``three months``.
:func:`parse_figure` reads one into a :class:`Figure`; :func:`format_figure` prints another
value the same way. No float is involved anywhere.

>>> fig = parse_figure("162.24亿元")
>>> fig.number, fig.places, fig.scale, fig.unit, fig.kind, fig.template
(Decimal('162.24'), 2, Decimal('1E+8'), 'CNY', 'amount', '{}亿元')
>>> fig.base == Decimal("16224000000"), fig.unit_in_last_place()
(True, Decimal('1E+6'))
>>> format_figure(Decimal("0.7647058"), parse_figure("76.5%"))
'76.5%'
>>> parse_figure("超30%").qualifier
'more-than'
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from decimal import (
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
    localcontext,
)
from functools import lru_cache
from typing import NoReturn

from factlint.numbers.intervals import EXACT

MAX_CHARS = 200
MAX_DIGITS = 60

_ONE = Decimal(1)
_PERCENT = Decimal("0.01")
_PER_MILLE = Decimal("0.001")

MORE_THAN, AT_LEAST, ABOUT = "more-than", "at-least", "about"
LESS_THAN, AT_MOST, RANGE = "less-than", "at-most", "range"

CNY, USD, EUR, JPY, GBP, HKD = "CNY", "USD", "EUR", "JPY", "GBP", "HKD"

# --------------------------------------------------------------------------- errors


class FigureError(ValueError):
    """A string that is not a figure factlint can read.

    ``.column`` is the 0-based offset in the text as given (surrounding whitespace
    included) where the problem is.
    """

    def __init__(self, message: str, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.column = column


# --------------------------------------------------------------------------- the figure


# Wide enough for any two figures' digits (MAX_DIGITS each, and a one-digit scale): a
# product computed here is exact, hence the same as with a context fitted to its digits,
# without entering a local context on every call (Figure.base is read for every check).
_PRODUCT = Context(
    prec=4 * MAX_DIGITS,
    Emax=999_999_999,
    Emin=-999_999_999,
    traps=[InvalidOperation, DivisionByZero, Overflow, Inexact],
)


@lru_cache(maxsize=1024)
def last_place(places: int, scale: Decimal) -> Decimal:
    """One step of the last digit printed, in base units (a report has few pairs)."""
    return EXACT.multiply(Decimal(1).scaleb(-places), scale)


@lru_cache(maxsize=1024)
def half_last_place(places: int, scale: Decimal) -> Decimal | None:
    """Half a step: how far a figure rounded to nearest can be from its true value; None
    when that is outside the range factlint computes in."""
    try:
        return EXACT.divide(last_place(places, scale), 2)
    except ArithmeticError:
        return None


def _exact_product(a: Decimal, b: Decimal) -> Decimal:
    try:
        return _PRODUCT.multiply(a, b)
    except (Inexact, InvalidOperation):
        pass  # more digits than the fast path holds (a Figure built by hand), or a NaN
    with localcontext() as ctx:
        ctx.prec = len(a.as_tuple().digits) + len(b.as_tuple().digits) + 2
        ctx.Emax, ctx.Emin = 999_999_999, -999_999_999
        ctx.traps[Inexact] = True
        return a * b


@dataclass(frozen=True, slots=True)
class Figure:
    """One printed figure, taken apart. See the module docstring and ``parse_figure``."""

    text: str
    number: Decimal
    upper: Decimal | None
    places: int
    scale: Decimal
    scale_text: str
    unit: str
    unit_text: str
    kind: str
    qualifier: str
    qualifier_text: str
    exact: bool
    template: str
    base: Decimal = field(init=False, repr=False, compare=False)
    """``number`` in the base unit (元, not 亿元; 0.765, not 76.5%), exactly."""
    radius: Decimal | None = field(init=False, repr=False, compare=False)
    """Half a unit in the last printed place, in base units: how far the true value of
    a figure rounded to nearest can be from it. None when out of the decimal range."""

    def __post_init__(self) -> None:
        # Computed once: every check of every rule reads them.
        object.__setattr__(self, "base", _exact_product(self.number, self.scale))
        object.__setattr__(self, "radius", half_last_place(self.places, self.scale))

    @property
    def upper_base(self) -> Decimal | None:
        return None if self.upper is None else _exact_product(self.upper, self.scale)

    def unit_in_last_place(self) -> Decimal:
        """One step of the last printed digit, in base units: ``162.24亿元`` -> ``1E6``."""
        return _exact_product(Decimal((0, (1,), -self.places)), self.scale)


# --------------------------------------------------------------------------- vocabulary


@dataclass(frozen=True, slots=True)
class _Word:
    role: str  # "qualifier" | "scale" | "unit" | "currency" | "separator"
    value: str = ""  # qualifier meaning, unit code, or scale family
    kind: str = ""  # for units: the figure kind they give
    factor: Decimal = _ONE  # for scales


def _words(role: str, table: dict[str, str], kind: str = "") -> dict[str, _Word]:
    return {key: _Word(role, value, kind) for key, value in table.items()}


_PRE_QUALIFIERS = _words(
    "qualifier",
    {
        "超过": MORE_THAN, "超": MORE_THAN, "逾": MORE_THAN,
        "近": ABOUT, "约": ABOUT, "大约": ABOUT, "将近": ABOUT,
        "不到": LESS_THAN, "不足": LESS_THAN, "未满": LESS_THAN,
        "more than": MORE_THAN, "over": MORE_THAN, "above": MORE_THAN,
        "at least": AT_LEAST,
        "about": ABOUT, "around": ABOUT, "approximately": ABOUT,
        "nearly": ABOUT, "almost": ABOUT,
        "less than": LESS_THAN, "under": LESS_THAN, "below": LESS_THAN,
        "up to": AT_MOST, "at most": AT_MOST,
    },
)  # fmt: skip

_POST_QUALIFIERS = _words(
    "qualifier",
    {
        "以上": AT_LEAST, "多": MORE_THAN, "余": MORE_THAN, "左右": ABOUT,
        "以下": AT_MOST, "以内": AT_MOST, "or more": AT_LEAST, "plus": AT_LEAST,
    },
)  # fmt: skip

_CURRENCY_PREFIXES = _words(
    "currency",
    {
        "$": USD, "us$": USD, "hk$": HKD, "¥": CNY, "€": EUR, "£": GBP,
        "rmb": CNY, "cny": CNY, "usd": USD, "eur": EUR, "gbp": GBP, "hkd": HKD, "jpy": JPY,
        "人民币": CNY,
    },
)  # fmt: skip


def _scales(factor: Decimal, family: str, keys: str) -> dict[str, _Word]:
    return {key: _Word("scale", family, factor=factor) for key in keys.split("|")}


_SCALES = {
    **_scales(Decimal("1E2"), "scale", "百"),
    **_scales(Decimal("1E3"), "scale", "千|thousand|k"),
    **_scales(Decimal("1E4"), "scale", "万"),
    # "m" is million only beside a currency (else it is metres); checked after reading.
    **_scales(Decimal("1E6"), "scale", "百万|million|mn|m"),
    **_scales(Decimal("1E7"), "scale", "千万"),
    **_scales(Decimal("1E8"), "scale", "亿"),
    **_scales(Decimal("1E9"), "scale", "billion|bn"),
    **_scales(Decimal("1E12"), "scale", "万亿|trillion"),
    **_scales(_PERCENT, "percent", "%|percent|per cent"),
    **_scales(_PER_MILLE, "percent", "‰"),
    **_scales(_PERCENT, "points", "个百分点|百分点|percentage points|percentage point|pp|points"),
    **_scales(_PER_MILLE, "points", "个千分点|千分点"),
}


def _units(code: str, kind: str, keys: str) -> dict[str, _Word]:
    return {key: _Word("unit", code, kind) for key in keys.split("|")}


_COUNTERS = "个户项人家次件名位座所台辆套批条处宗栋张株头只篇场届期类种支架艘"

_UNITS = {
    **_units(CNY, "amount", "元|人民币|元人民币|人民币元|yuan|rmb|cny|renminbi"),
    **_units(USD, "amount", "美元|美金|dollars|dollar|us dollars|usd"),
    **_units(EUR, "amount", "欧元|euros|euro|eur"),
    **_units(JPY, "amount", "日元|yen|jpy"),
    **_units(GBP, "amount", "英镑|pounds|gbp"),
    **_units(HKD, "amount", "港元|港币|hk dollars|hkd"),
    **_units("count", "count", "|".join(_COUNTERS) + "|人次"),
    **_units("years", "count", "年"),  # a 4-digit 年 becomes a calendar year after reading
    **_units("month", "date", "月"),
    **_units("months", "count", "个月|months"),
    **_units("years", "count", "years"),  # English plurals only: "2019 year-end" is no count
    **_units("weeks", "count", "weeks"),
    **_units("days", "count", "days"),
    **_units(
        "m2",
        "measure",
        "平方米|平米|㎡|m2|m²|sq m|sqm|square metres|square meters|square metre|square meter",
    ),
    **_units(
        "km2", "measure", "平方公里|平方千米|km2|km²|sq km|square kilometres|square kilometers"
    ),
    **_units("mu", "measure", "亩|mu"),
    **_units("hectare", "measure", "公顷|hectares|hectare"),
    **_units("t", "measure", "吨|tonnes|tonne|tons"),
    **_units("jin", "measure", "斤"),
    **_units("kg", "measure", "公斤|千克|kg"),
    **_units("kWh", "measure", "千瓦时|kwh"),
    **_units("kW", "measure", "千瓦|kw"),
    **_units("km", "measure", "公里|千米|km|kilometres|kilometers"),
}

_SUFFIXES = {**_SCALES, **_UNITS, **_POST_QUALIFIERS}

_SEPARATORS = {
    key: _Word("separator") for key in ("-", "–", "—", "−", "~", "〜", "至", "到", "to", "and")
}
_BETWEEN = {"between": _Word("qualifier", RANGE)}
_RANK_SUFFIXES = frozenset("名位")

_CN_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_SECTIONS = {"万": 10**4, "亿": 10**8}
_CN_NUMERALS = frozenset(_CN_DIGITS) | frozenset(_CN_UNITS) | frozenset(_CN_SECTIONS)

# English cardinal words. Only whole numbers: "a third", "first" and "half" are no figures.
_EN_SMALL = dict(
    zero=0, one=1, two=2, three=3, four=4, five=5, six=6, seven=7, eight=8, nine=9, ten=10,
    eleven=11, twelve=12, thirteen=13, fourteen=14, fifteen=15, sixteen=16, seventeen=17,
    eighteen=18, nineteen=19,
)  # fmt: skip
_EN_TENS = dict(
    twenty=20, thirty=30, forty=40, fifty=50, sixty=60, seventy=70, eighty=80, ninety=90
)
_EN_LARGE = {"thousand": 10**3, "million": 10**6, "billion": 10**9}

_SIGNS = frozenset("-−+")
_NOT_NUMBERS = ("infinity", "snan", "nan", "inf", "∞")

_EXTRA_FOLDS = {"\uffe0": "¢", "\uffe1": "£", "\uffe5": "¥", "\uffe6": "₩"}


def _index(words: dict[str, _Word]) -> dict[str, tuple[str, ...]]:
    """Keys by first character, longest first, so that matching is longest-match."""
    index: dict[str, list[str]] = {}
    for key in words:
        index.setdefault(key[0], []).append(key)
    return {first: tuple(sorted(keys, key=len, reverse=True)) for first, keys in index.items()}


_TABLES = {
    id(table): _index(table)
    for table in (_PRE_QUALIFIERS, _CURRENCY_PREFIXES, _SUFFIXES, _SEPARATORS, _BETWEEN)
}


def figure_words() -> dict[str, tuple[str, ...]]:
    """The words ``parse_figure`` reads around a number, by role, lowercase, longest first.

    For scanners that look for figures in running text and hand each span to
    ``parse_figure``: ``prefix`` (qualifiers before), ``currency``, ``suffix`` (scales,
    units, qualifiers after) and ``separator`` (of a range).

    >>> "个百分点" in figure_words()["suffix"]
    True
    """
    tables = {
        "prefix": _PRE_QUALIFIERS,
        "currency": _CURRENCY_PREFIXES,
        "suffix": _SUFFIXES,
        "separator": _SEPARATORS,
    }
    return {
        role: tuple(sorted(table, key=lambda key: (-len(key), key)))
        for role, table in tables.items()
    }


# --------------------------------------------------------------------------- characters


def _fold_char(char: str) -> str:
    """Full-width ASCII forms as ASCII, one character for one so columns stay put."""
    code = ord(char)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    if char == "\u3000":
        return " "
    return _EXTRA_FOLDS.get(char, char)


def _is_digit(char: str) -> bool:
    return "0" <= char <= "9"


def _is_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def figure_digits(text: str) -> str:
    """``text`` without whitespace, full-width ASCII forms folded: ``7.73 亿\\n元`` -> ``7.73亿元``.

    Used to compare a figure with the PDF-extracted words around it. Folds exactly what
    ``factlint.engine.quotes`` folds (U+FF01..U+FF5E), so the two compare.
    """
    return "".join(
        chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in text if not c.isspace()
    )


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class _Piece:
    role: str
    start: int
    end: int
    key: str = ""


@dataclass(frozen=True, slots=True)
class _Number:
    value: Decimal
    places: int
    start: int
    end: int
    four_digit_year: bool  # printed like a calendar year: 2020, 二〇二〇


def _match_key(s: str, pos: int, key: str) -> int:
    """End of ``key`` read at ``s[pos:]``, or -1; a space in a key matches any whitespace."""
    i, n = pos, len(s)
    for char in key:
        if char == " ":
            if i >= n or not s[i].isspace():
                return -1
            while i < n and s[i].isspace():
                i += 1
        elif i < n and s[i] == char:
            i += 1
        else:
            return -1
    if _is_letter(key[-1]) and i < n and _is_letter(s[i]):
        return -1  # "over" must not read the start of "overall"
    return i


class _Reader:
    """A cursor over one stripped figure; ``s`` is the folded, ASCII-lowercased text."""

    def __init__(self, text: str, lead: int) -> None:
        self.text = text
        self.lead = lead
        folded = (_fold_char(c) for c in text)
        self.s = "".join(c.lower() if c.isascii() else c for c in folded)
        self.pos = 0

    # ---- cursor helpers

    def fail(self, message: str, pos: int) -> NoReturn:
        raise FigureError(message, self.lead + pos)

    def peek(self, offset: int = 0) -> str:
        i = self.pos + offset
        return self.s[i] if i < len(self.s) else ""

    def skip_space(self) -> None:
        while self.pos < len(self.s) and self.s[self.pos].isspace():
            self.pos += 1

    def rest(self, pos: int) -> str:
        return self.text[pos:].strip()

    def take(self, words: dict[str, _Word], role: str) -> _Piece | None:
        """Read the longest word of ``words`` at the cursor (after whitespace), if any."""
        save = self.pos
        self.skip_space()
        start = self.pos
        for key in _TABLES[id(words)].get(self.peek(), ()):
            end = _match_key(self.s, start, key)
            if end >= 0:
                self.pos = end
                return _Piece(role, start, end, key)
        self.pos = save
        return None

    def take_sign(self) -> _Piece | None:
        if self.peek() in _SIGNS and self.starts_number(1):
            self.pos += 1
            return _Piece("sign", self.pos - 1, self.pos, self.s[self.pos - 1])
        return None

    def starts_number(self, offset: int = 0) -> bool:
        if _starts_english(self.s, self.pos + offset):
            return True
        char = self.peek(offset)
        if _is_digit(char) or char in _CN_NUMERALS:
            return True
        return char == "." and _is_digit(self.peek(offset + 1))

    # ---- numbers

    def read_number(self) -> _Number:
        self.skip_space()
        if _starts_english(self.s, self.pos):
            return self.read_english()
        if self.starts_number() and self.peek() not in _CN_NUMERALS:
            return self.read_arabic()
        if self.peek() in _CN_NUMERALS:
            return self.read_chinese()
        self.no_number()

    def no_number(self) -> NoReturn:
        at = self.pos + (1 if self.peek() in _SIGNS else 0)
        for word in _NOT_NUMBERS:
            if _match_key(self.s, at, word) >= 0:
                printed = self.text[at : at + len(word)]
                self.fail(f"{printed!r} is not a printed figure", at)
        if not any(_is_digit(c) or c in _CN_NUMERALS for c in self.s):
            self.fail("no digits in the figure", 0)
        self.fail(f"expected a number, found {self.rest(self.pos)!r}", self.pos)

    def read_arabic(self) -> _Number:
        start = self.pos
        whole = self.read_digit_run()
        grouped = self.read_groups(start, whole)
        fraction = ""
        if self.peek() == "." and _is_digit(self.peek(1)):
            self.pos += 1
            fraction = self.read_digit_run()
        if self.peek() == "e" and (
            _is_digit(self.peek(1)) or (self.peek(1) in "+-" and _is_digit(self.peek(2)))
        ):
            self.fail("scientific notation is not a printed figure", self.pos)
        digits = "".join(grouped) + fraction
        if len(digits) > MAX_DIGITS:
            self.fail(f"a figure may have at most {MAX_DIGITS} digits", start)
        value = Decimal("".join(grouped) + "." + fraction if fraction else "".join(grouped))
        year_like = len(grouped) == 1 and len(whole) == 4 and whole[0] != "0" and not fraction
        return _Number(value, len(fraction), start, self.pos, year_like)

    def read_digit_run(self) -> str:
        start = self.pos
        while _is_digit(self.peek()):
            self.pos += 1
        return self.s[start : self.pos]

    def read_groups(self, start: int, whole: str) -> list[str]:
        """``1,234,567``: groups of three after a comma; a full-width ``，`` only if so."""
        groups = [whole]
        while self.peek() == "," and _is_digit(self.peek(1)):
            comma = self.pos
            self.pos += 1
            group = self.read_digit_run()
            if len(group) == 3 and len(whole) <= 3:
                groups.append(group)
                continue
            if self.text[comma] == "，":  # a Chinese clause comma, not grouping
                self.pos = comma
                break
            where = start if len(whole) > 3 else comma
            self.fail(f"malformed digit grouping in {self.text[start : self.pos]!r}", where)
        return groups

    def read_chinese(self) -> _Number:
        start = self.pos
        while self.peek() in _CN_NUMERALS:
            self.pos += 1
        # "五千瓦" is 五 千瓦: give back a last character that starts a longer unit word.
        last = self.pos - 1
        if self.pos - start > 1 and any(
            len(key) > 1 and _match_key(self.s, last, key) >= 0
            for key in _TABLES[id(_SUFFIXES)].get(self.s[last], ())
        ):
            self.pos = last
        run = self.s[start : self.pos]
        value = _chinese_value(run)
        if value is None:
            self.fail(f"cannot read the Chinese numeral {run!r}", start)
        if len(str(value)) > MAX_DIGITS:
            self.fail(f"a figure may have at most {MAX_DIGITS} digits", start)
        year_like = len(run) == 4 and all(c in _CN_DIGITS for c in run)
        return _Number(Decimal(value), 0, start, self.pos, year_like)

    def read_english(self) -> _Number:
        """``twenty-five``, ``two hundred thousand``: a whole number in English words. A
        last ``thousand``/``million``/``billion`` is left to be read as the scale word, so
        ``two million`` is 2 million as ``2 million`` is."""
        start = self.pos
        words = _english_words(self.s, start)
        value, used = _english_value([word for word, _ in words])
        large = [word for word, _ in words[:used] if word in _EN_LARGE]
        if large == [words[used - 1][0]] and used > 1:
            value //= _EN_LARGE[large[0]]
            used -= 1
        self.pos = words[used - 1][1]
        return _Number(Decimal(value), 0, start, self.pos, False)


def _english_word(s: str, pos: int) -> tuple[str, int] | None:
    """The English number word at ``pos`` of lowercased ``s``, and its end."""
    if pos > 0 and _is_letter(s[pos - 1]):
        return None
    end = pos
    while end < len(s) and "a" <= s[end] <= "z":
        end += 1
    word = s[pos:end]
    known = word in _EN_SMALL or word in _EN_TENS or word in _EN_LARGE or word == "hundred"
    return (word, end) if known else None


def _starts_english(s: str, pos: int) -> bool:
    found = _english_word(s, pos) if pos < len(s) and "a" <= s[pos] <= "z" else None
    return found is not None and (found[0] in _EN_SMALL or found[0] in _EN_TENS)


def _english_words(s: str, pos: int) -> list[tuple[str, int]]:
    """The number words from ``pos`` on, each with its end; a hyphen joins only a ten and a
    unit (``twenty-five``), whitespace any two."""
    words: list[tuple[str, int]] = []
    while (found := _english_word(s, pos)) is not None and len(words) < MAX_CHARS:
        words.append(found)
        word, end = found
        if s[end : end + 1] == "-" and word in _EN_TENS:
            after = _english_word(s, end + 1)
            if after is None or not 1 <= _EN_SMALL.get(after[0], 0) <= 9:
                break
            pos = end + 1
            continue
        pos = end
        while pos < len(s) and s[pos].isspace():
            pos += 1
        if pos == end:
            break
    return words


def _english_value(words: list[str]) -> tuple[int, int]:
    """The value of the longest well-formed run of ``words``, and how many it uses."""
    total = group = 0
    previous = ""  # "small", "tens", "hundred", "large" or "" at the start
    cap = 10**12  # each thousand/million/billion must be below the one before it
    used = 0
    for word in words:
        if word in _EN_SMALL:
            value = _EN_SMALL[word]
            if (
                previous == "small"
                or (value == 0 and previous)
                or (previous == "tens" and not 1 <= value <= 9)
            ):
                break
            group, previous = group + value, "small"
        elif word in _EN_TENS:
            if previous in ("small", "tens") or group % 100:
                break
            group, previous = group + _EN_TENS[word], "tens"
        elif word == "hundred":
            if previous != "small" or not 1 <= group <= 9:
                break
            group, previous = group * 100, "hundred"
        else:
            factor = _EN_LARGE[word]
            if not previous or previous == "large" or group == 0 or factor >= cap:
                break
            total, group, previous, cap = total + group * factor, 0, "large", factor
        used += 1
    return total + group, used


def _chinese_value(run: str) -> int | None:
    """四十一 -> 41, 一百零五 -> 105, 三千五百万 -> 35000000, 二〇二〇 -> 2020; else None."""
    if all(c in _CN_DIGITS for c in run):
        return int("".join(str(_CN_DIGITS[c]) for c in run))
    return _positional_value(run)


def _positional_value(run: str) -> int | None:
    total = wan = section = 0
    digit: int | None = None
    cap = last = 10**4  # next 十/百/千 must be below cap; last multiplier used
    zero = False
    for index, char in enumerate(run):
        if char in _CN_DIGITS:
            if digit is not None:
                return None
            if _CN_DIGITS[char] == 0:
                zero = True
            else:
                digit = _CN_DIGITS[char]
        elif char in _CN_UNITS:
            unit = _CN_UNITS[char]
            if unit >= cap or (digit is None and unit != 10 and index > 0):
                return None  # 十二 and 百余人 say no 一, but 一百二千 and 一千百 are wrong
            section += (1 if digit is None else digit) * unit
            digit, cap, last, zero = None, unit, unit, False
        else:
            head = section + (digit or 0)
            if char == "万":
                if head == 0 or wan:
                    return None
                wan = head * 10**4
            else:
                if head + wan + total == 0:
                    return None
                total, wan = (total + wan + head) * 10**8, 0
            section, digit, cap, last, zero = 0, None, 10**4, _CN_SECTIONS[char], False
    if digit is not None:
        # 一万五 is 15000 and 三百五 is 350, but 一百零五 is 105.
        section += digit * (last // 10 if last >= 100 and not zero else 1)
    return total + wan + section


# --------------------------------------------------------------------------- parsing


@dataclass(slots=True)
class _Parts:
    """What the reader found, before it is checked and turned into a Figure."""

    pre: _Piece | None = None
    between: _Piece | None = None
    currency: _Piece | None = None
    rank: _Piece | None = None
    low: _Number | None = None
    high: _Number | None = None
    separator: _Piece | None = None
    post: _Piece | None = None
    scale: _Piece | None = None
    unit: _Piece | None = None
    rank_suffix: _Piece | None = None


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
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    if not stripped:
        raise FigureError("empty figure", 0)
    if len(stripped) > MAX_CHARS:
        raise FigureError(
            f"a figure may have at most {MAX_CHARS} characters, this one has {len(stripped)}",
            lead + MAX_CHARS,
        )
    reader = _Reader(stripped, lead)
    parts = _read_parts(reader)
    return _build(reader, parts)


def _read_parts(r: _Reader) -> _Parts:
    parts = _Parts()
    parts.pre = r.take(_PRE_QUALIFIERS, "qualifier")
    parts.between = r.take(_BETWEEN, "qualifier")
    r.skip_space()
    sign = r.take_sign() or _sign_before_currency(r)
    parts.currency = r.take(_CURRENCY_PREFIXES, "currency")
    r.skip_space()
    if parts.currency is None and r.peek() == "第":
        parts.rank = _Piece("rank", r.pos, r.pos + 1, "第")
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
    return parts


def _sign_before_currency(r: _Reader) -> _Piece | None:
    """``-$1.5 billion``: a sign may also stand right before a currency symbol."""
    if r.peek() not in _SIGNS:
        return None
    after = r.pos + 1
    keys = _TABLES[id(_CURRENCY_PREFIXES)].get(r.peek(1), ())
    if not any(_match_key(r.s, after, key) >= 0 for key in keys):
        return None
    r.pos = after
    return _Piece("sign", after - 1, after, r.s[after - 1])


def _signed(number: _Number, sign: _Piece | None) -> _Number:
    negative = sign is not None and sign.key in "-−"
    value = number.value.copy_negate() if negative else number.value  # unary minus rounds
    if value.is_zero():
        value = value.copy_abs()  # "-0" prints a zero
    return _Number(value, number.places, number.start, number.end, number.four_digit_year)


def _read_range(r: _Reader, parts: _Parts) -> None:
    save = r.pos
    separator = r.take(_SEPARATORS, "separator")
    if separator is None or (separator.key == "and" and parts.between is None):
        r.pos = save
        return
    r.skip_space()
    if parts.currency is not None:
        again = r.take(_CURRENCY_PREFIXES, "currency")
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


def _read_suffixes(r: _Reader, parts: _Parts) -> None:
    while (piece := r.take(_SUFFIXES, "suffix")) is not None:
        word = _SUFFIXES[piece.key]
        if parts.rank is not None and piece.key in _RANK_SUFFIXES and parts.rank_suffix is None:
            parts.rank_suffix = piece
        elif word.role == "qualifier":
            _place_post_qualifier(r, parts, piece)
        elif word.role == "scale":
            _place_scale(r, parts, piece)
        else:
            _place_unit(r, parts, piece)


def _printed(r: _Reader, piece: _Piece) -> str:
    return " ".join(r.text[piece.start : piece.end].split())


def _place_post_qualifier(r: _Reader, parts: _Parts, piece: _Piece) -> None:
    if parts.post is not None:
        r.fail(
            f"two qualifiers after the number: {_printed(r, parts.post)!r} and "
            f"{_printed(r, piece)!r}",
            piece.start,
        )
    parts.post = piece


def _place_scale(r: _Reader, parts: _Parts, piece: _Piece) -> None:
    if parts.scale is not None:
        r.fail(
            f"two scale words: {_printed(r, parts.scale)!r} and {_printed(r, piece)!r}", piece.start
        )
    if parts.unit is not None:
        r.fail(
            f"the scale word {_printed(r, piece)!r} must come before the unit "
            f"{_printed(r, parts.unit)!r}",
            piece.start,
        )
    parts.scale = piece


def _place_unit(r: _Reader, parts: _Parts, piece: _Piece) -> None:
    if parts.unit is not None:
        r.fail(f"two units: {_printed(r, parts.unit)!r} and {_printed(r, piece)!r}", piece.start)
    if parts.scale is not None and _SCALES[parts.scale.key].value != "scale":
        r.fail(
            f"a {_printed(r, parts.scale)!r} figure takes no unit, found {_printed(r, piece)!r}",
            piece.start,
        )
    parts.unit = piece


# --------------------------------------------------------------------------- checking


@dataclass(frozen=True, slots=True)
class _Meaning:
    unit: str
    kind: str
    exact: bool


def _build(r: _Reader, parts: _Parts) -> Figure:
    low = parts.low
    assert low is not None
    high = parts.high
    qualifier, qualifier_text = _qualifier(r, parts)
    meaning = _meaning(r, parts)
    places = max(low.places, high.places if high else 0)
    scale = _ONE if parts.scale is None else _SCALES[parts.scale.key].factor
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


def _qualifier(r: _Reader, parts: _Parts) -> tuple[str, str]:
    if parts.high is not None:
        return _range_qualifier(r, parts, parts.high)
    if parts.between is not None:
        r.fail("'between' needs a range such as 'between 3 and 5'", parts.between.start)
    pre, post = parts.pre, parts.post
    if pre is None or post is None:
        only = pre or post
        return ("", "") if only is None else (_meaning_of_qualifier(only), _printed(r, only))
    first, second = _meaning_of_qualifier(pre), _meaning_of_qualifier(post)
    # 超过30%以上 and 约30%左右 are redundant but common; 超30%左右 contradicts itself.
    if first != second and {first, second} != {MORE_THAN, AT_LEAST}:
        r.fail(
            f"the qualifiers {_printed(r, pre)!r} and {_printed(r, post)!r} disagree", post.start
        )
    return first, f"{_printed(r, pre)}…{_printed(r, post)}"


def _range_qualifier(r: _Reader, parts: _Parts, high: _Number) -> tuple[str, str]:
    other = parts.pre or parts.post
    if other is not None:
        r.fail(f"a range cannot also have the qualifier {_printed(r, other)!r}", other.start)
    assert parts.low is not None and parts.separator is not None
    if high.value < parts.low.value:
        r.fail("a range must run from low to high", high.start)
    return RANGE, _printed(r, parts.separator)


def _meaning_of_qualifier(piece: _Piece) -> str:
    word = _PRE_QUALIFIERS.get(piece.key) or _POST_QUALIFIERS[piece.key]
    return word.value


def _meaning(r: _Reader, parts: _Parts) -> _Meaning:
    if parts.rank is not None:
        return _rank_meaning(r, parts)
    family = "" if parts.scale is None else _SCALES[parts.scale.key].value
    if family in ("percent", "points"):
        if parts.currency is not None:
            r.fail(f"a currency cannot go with a {family} figure", parts.currency.start)
        return _Meaning("", family, False)
    unit = _unit_meaning(r, parts)
    if parts.scale is not None and parts.scale.key == "m" and unit.kind != "amount":
        r.fail("'m' is read as million only beside a currency", parts.scale.start)
    return unit


def _rank_meaning(r: _Reader, parts: _Parts) -> _Meaning:
    low = parts.low
    assert low is not None
    extra = parts.scale or parts.unit
    if extra is not None:
        r.fail(f"a rank takes no scale or unit, found {_printed(r, extra)!r}", extra.start)
    for end in (low, parts.high):
        if end is not None and (end.places or end.value < 1):
            r.fail("a rank must be a whole number from 1 up", end.start)
    return _Meaning("rank", "rank", True)


def _unit_meaning(r: _Reader, parts: _Parts) -> _Meaning:
    currency = None if parts.currency is None else _CURRENCY_PREFIXES[parts.currency.key].value
    if parts.unit is None:
        if currency is not None:
            return _Meaning(currency, "amount", False)
        return _Meaning("", "number", False)
    word = _UNITS[parts.unit.key]
    if parts.currency is not None and (word.kind != "amount" or word.value != currency):
        r.fail(
            f"the currency {_printed(r, parts.currency)!r} does not go with "
            f"{_printed(r, parts.unit)!r}",
            parts.unit.start,
        )
    if word.value == "month":
        return _month_meaning(r, parts)
    if word.value == "years" and _is_calendar_year(parts):
        return _Meaning("year", "date", True)
    return _Meaning(word.value, word.kind, word.kind == "count")


def _whole_numbers(parts: _Parts) -> list[_Number]:
    return [n for n in (parts.low, parts.high) if n is not None]


def _is_calendar_year(parts: _Parts) -> bool:
    return parts.scale is None and all(
        n.four_digit_year and n.value > 0 for n in _whole_numbers(parts)
    )


def _month_meaning(r: _Reader, parts: _Parts) -> _Meaning:
    for n in _whole_numbers(parts):
        if parts.scale is not None or n.places or not 1 <= n.value <= 12:
            r.fail("a month must be a whole number from 1 to 12", n.start)
    return _Meaning("month", "date", True)


# --------------------------------------------------------------------------- template


def _template(r: _Reader, parts: _Parts) -> tuple[str, dict[str, str]]:
    """The template, and each kept piece as it shows in it (with its leading space)."""
    low = parts.low
    assert low is not None
    number_end = parts.high.end if parts.high is not None else low.end
    kept = [
        p
        for p in (
            parts.currency,
            parts.rank,
            _Piece("number", low.start, number_end),
            parts.scale,
            parts.unit,
            parts.rank_suffix,
        )
        if p is not None
    ]
    kept.sort(key=lambda p: p.start)
    out: list[str] = []
    shown: dict[str, str] = {}
    previous: _Piece | None = None
    for piece in kept:
        gap = "" if previous is None else _gap(r, previous.end, piece.start)
        body = "{}" if piece.role == "number" else _printed(r, piece)
        role = _role_name(parts, piece)
        shown[role] = gap + body
        out.append(gap + body)
        previous = piece
    return "".join(out), shown


def _role_name(parts: _Parts, piece: _Piece) -> str:
    for name in ("currency", "rank", "scale", "unit", "rank_suffix"):
        if getattr(parts, name) is piece:
            return name
    return "number"


def _gap(r: _Reader, end: int, start: int) -> str:
    """One space where the text had space beside an English word; Chinese runs together."""
    has_space = any(c.isspace() for c in r.s[end:start])
    beside_word = _is_letter(r.s[end - 1]) or (start < len(r.s) and _is_letter(r.s[start]))
    return " " if has_space and beside_word else ""


def _unit_text(r: _Reader, parts: _Parts, shown: dict[str, str]) -> str:
    if parts.rank is not None:
        return "第" + shown.get("rank_suffix", "")
    if "unit" in shown:
        return shown["unit"]
    return _printed(r, parts.currency) if parts.currency is not None else ""


# --------------------------------------------------------------------------- formatting


def format_figure(base: Decimal, like: Figure, places: int | None = None) -> str:
    """Print ``base`` (in base units) the way ``like`` is printed.

    Divides by ``like.scale`` exactly, rounds half up to ``places`` (default ``like.places``),
    keeps ``like``'s digit grouping, and fills ``like.template``.

    >>> format_figure(Decimal("16224000000"), parse_figure("162.24亿元"))
    '162.24亿元'
    >>> format_figure(Decimal("-1234567.85"), parse_figure("1,234,567.8 yuan"))
    '-1,234,567.9 yuan'
    """
    digits = like.places if places is None else places
    if digits < 0:
        raise ValueError(f"places must not be negative, got {digits}")
    if not base.is_finite():
        raise ValueError(f"cannot print {base} as a figure")
    value = _exact_quotient(base, like.scale)
    if value.adjusted() > 10 * MAX_CHARS:
        raise ValueError(f"{base} is too large to print as a figure")
    with localcontext() as ctx:
        ctx.prec = max(value.adjusted(), 0) + digits + 5
        ctx.Emax, ctx.Emin = 999_999_999, -999_999_999
        rounded = value.quantize(Decimal((0, (1,), -digits)), rounding=ROUND_HALF_UP)
    if rounded.is_zero():
        rounded = rounded.copy_abs()
    number = format(rounded, ",f" if _uses_grouping(like.text) else "f")
    return like.template.replace("{}", number, 1)


def _exact_quotient(base: Decimal, scale: Decimal) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = len(base.as_tuple().digits) + len(scale.as_tuple().digits) + MAX_DIGITS
        ctx.Emax, ctx.Emin = 999_999_999, -999_999_999
        return base / scale


def _uses_grouping(text: str) -> bool:
    folded = [_fold_char(c) for c in text]
    return any(
        c == ","
        and 0 < i < len(folded) - 1
        and _is_digit(folded[i - 1])
        and _is_digit(folded[i + 1])
        for i, c in enumerate(folded)
    )

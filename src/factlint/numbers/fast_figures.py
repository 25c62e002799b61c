"""The common printed figures read by one regular expression, exactly as the general reader
reads them.

Most figures in facts files and reports are ASCII digits, perhaps thousands separators and
a decimal point, then at most a scale word and a unit: ``7009900元``, ``162.24亿元``,
``1,234.5 million yuan``, ``76.5%``, ``51项``. For those, everything but the number
depends only on what follows the digits (the *suffix*), on how many decimals are printed,
and on a few properties of the number the general reader looks at (a calendar year
``2020年`` is a date, ``7年`` a count of years; ``13月`` is no month; a negative number is
no year). So the general reader reads one figure of each such *class* and this module
builds the others of the class from it, changing only the text and the number.

A class is taken only when the general reader gives the same figure, text and number
aside, for the figure at hand and a second number of the same class; otherwise (and for
anything else: a qualifier, a currency before the number, a range, Chinese numerals,
full-width digits, a malformed grouping) the general reader reads every figure of it.
``tests/test_fast_figures.py`` holds the two equal on generated spellings and on every
figure of the first report and the test data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any

from factlint.numbers.figure_value import Figure, figure_of_class

# sign, whole part (grouped by threes, or not), decimals, suffix. The suffix has no digit
# (ASCII or full-width) anywhere, does not start with what the general reader would take
# as part of the number (a point or a comma, in either width) and does not end in space.
# ``CommonFigures.read`` takes a text apart as COMMON would match it, without a regular
# expression (tests/test_fast_figures.py holds the two equal); only a class's suffix is
# matched, once, by SUFFIX. Neither is compiled at import (start-up).
SUFFIX = r"[^0-9\uff10-\uff19.,\uff0c\uff0e\u3002][^0-9\uff10-\uff19]*(?<!\s)"
COMMON = rf"([-+\u2212]?)((?:[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+)(?:\.([0-9]+))?)({SUFFIX})?\Z"
_SIGNS = frozenset("-+\u2212")
_NUMBER_CHARS = "0123456789.,"
_MAX_CLASSES = 4096
_Decimal = Decimal
_UNSEEN: Any = object()


class CommonFigures:
    """Reads common figures through ``general`` (the general reader) once per class.

    ``max_digits`` is the general reader's limit on digits: a longer number is left to it.
    """

    def __init__(self, general: Callable[[str], Figure], max_digits: int) -> None:
        self.general = general
        self.max_digits = max_digits
        self.prototypes: dict[tuple[str, int, str], Figure | None] = {}

    def read(self, text: str) -> Figure | None:
        """The figure ``general(text)`` would return, or None when this text is not
        common (then nothing is known about it: call the general reader)."""
        # COMMON's groups, read without it: the suffix cannot start with a digit, a point
        # or a comma, so the number is the longest run of those after the sign, and it
        # matches COMMON's number or nothing does. Whether the suffix is one COMMON
        # allows depends on it alone: decided once per class (_first_of_class).
        sign = text[:1]
        if sign in _SIGNS:
            body = text[1:]
        else:
            sign, body = "", text
        suffix = body.lstrip(_NUMBER_CHARS)
        printed = body[: len(body) - len(suffix)]
        whole, point, fraction = printed.partition(".")
        if point:
            if not fraction.isdigit():  # only ASCII digits, points and commas are here
                return None
            places = len(fraction)
        else:
            places = 0
        grouped = "," in whole
        if grouped:  # only digits and commas: groups of three after one of one to three
            groups = whole.split(",")
            if not 0 < len(groups[0]) <= 3 or any(len(group) != 3 for group in groups[1:]):
                return None
            digits = printed.replace(",", "")
        elif whole.isdigit():
            digits = printed
        else:
            return None
        if len(digits) - (places > 0) > self.max_digits:
            return None
        number = _Decimal(digits)
        if not number:
            number_class = "other0"  # "-0" prints a zero: no sign
            number = number.copy_abs()
        elif places:  # _number_class of a number with decimals, in place
            if sign and sign != "+":
                number = number.copy_negate()
                number_class = "other-"
            else:
                number_class = "other+"
        else:
            if sign and sign != "+":
                number = number.copy_negate()
            number_class = _number_class(digits, grouped, places, number)
        key = (suffix, places, number_class)
        prototype = self.prototypes.get(key, _UNSEEN)
        if prototype is _UNSEEN:
            if len(self.prototypes) >= _MAX_CLASSES:
                return None  # many unusual suffixes: no class is learnt any more
            return self._first_of_class(key, text, number)
        if prototype is None:
            return None
        return figure_of_class(prototype, text, number)

    def _first_of_class(
        self, key: tuple[str, int, str], text: str, number: Decimal
    ) -> Figure | None:
        """Read ``text`` and a second figure of its class generally; keep the class when
        the two agree. Returns the figure of ``text`` (or None: the general reader then
        reads it, and words its error)."""
        suffix, places, number_class = key
        figure: Figure | None
        other: Figure | None
        if suffix and not re.fullmatch(SUFFIX, suffix):
            return None  # COMMON matches no text with this suffix (not learnt: rare)
        try:
            figure = self.general(text)
            other = self.general(_sample(number_class, places) + suffix)
        except ValueError:  # FigureError: this class is not common
            figure = other = None
        prototype = None
        if (
            figure is not None
            and other is not None
            and figure.upper is None
            and figure.number == number
            and str(figure.number) == str(number)
            and replace(other, text=figure.text, number=figure.number) == figure
        ):
            prototype = figure
        self.prototypes[key] = prototype
        return prototype


def _number_class(digits: str, grouped: bool, places: int, number: Decimal) -> str:
    """What the general reader asks of a nonzero number beyond its value: printed like a
    calendar year (four digits, no grouping or decimals, not starting with 0), a whole
    number from 1 to 12 (a month), its sign. (A zero is of the class ``other0``.)"""
    if places:
        return "other-" if number.is_signed() else "other+"
    sign = "-" if number.is_signed() else "+"
    if not grouped and len(digits) == 4 and digits[0] != "0":
        return "year" + sign
    if sign == "+" and number <= 12:
        return "month"
    return "other" + sign


def _sample(number_class: str, places: int) -> str:
    """A number of ``number_class`` with ``places`` decimals, other than most in it."""
    fraction = "." + "7" * places if places else ""
    return {
        "year+": "1987",
        "year-": "-1987",
        "month": "11",
        "other+": "98765" + fraction,
        "other-": "-98765" + fraction,
        "other0": "0" + ("." + "0" * places if places else ""),
    }[number_class]

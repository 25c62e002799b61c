"""A cursor over one printed figure: reads its words and its number, and says where it fails.

``FigureReader`` knows the characters and the numbers (Arabic with digit grouping, Chinese,
English); :mod:`factlint.numbers.parsing` decides the order the parts of a figure come in.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NoReturn

from factlint.numbers.characters import fold_char, is_digit, match_key
from factlint.numbers.figure_value import MAX_DIGITS, FigureError
from factlint.numbers.numerals import (
    CN_DIGITS,
    CN_NUMERALS,
    chinese_value,
    english_number,
    starts_english,
)
from factlint.numbers.vocabulary import SUFFIXES, WordTable
from factlint.records import dataclass

SIGNS = frozenset("-−+")
_NOT_NUMBERS = ("infinity", "snan", "nan", "inf", "∞")


@dataclass(frozen=True, slots=True)
class Piece:
    """A word read from the figure: its role, where it is, and its key in its word table."""

    role: str
    start: int
    end: int
    key: str = ""


@dataclass(frozen=True, slots=True)
class Number:
    """A number read from the figure, exactly as printed."""

    value: Decimal
    places: int
    start: int
    end: int
    four_digit_year: bool  # printed like a calendar year: 2020, 二〇二〇


@dataclass(slots=True)
class Parts:
    """What the reader found, before it is checked and turned into a Figure."""

    direction: Piece | None = None
    pre: Piece | None = None
    between: Piece | None = None
    currency: Piece | None = None
    rank: Piece | None = None
    low: Number | None = None
    high: Number | None = None
    separator: Piece | None = None
    post: Piece | None = None
    scale: Piece | None = None
    unit: Piece | None = None
    rank_suffix: Piece | None = None


class FigureReader:
    """A cursor over one stripped figure; ``s`` is the folded, ASCII-lowercased text."""

    def __init__(self, text: str, lead: int) -> None:
        self.text = text
        self.lead = lead
        folded = (fold_char(c) for c in text)
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

    def printed(self, piece: Piece) -> str:
        """``piece`` as the text prints it, its inner whitespace as single spaces."""
        return " ".join(self.text[piece.start : piece.end].split())

    def take(self, words: WordTable, role: str) -> Piece | None:
        """Read the longest word of ``words`` at the cursor (after whitespace), if any."""
        save = self.pos
        self.skip_space()
        start = self.pos
        for key in words.starting_with(self.peek()):
            end = match_key(self.s, start, key)
            if end >= 0:
                self.pos = end
                return Piece(role, start, end, key)
        self.pos = save
        return None

    def take_sign(self) -> Piece | None:
        if self.peek() in SIGNS and self.starts_number(1):
            self.pos += 1
            return Piece("sign", self.pos - 1, self.pos, self.s[self.pos - 1])
        return None

    def starts_number(self, offset: int = 0) -> bool:
        if starts_english(self.s, self.pos + offset):
            return True
        char = self.peek(offset)
        if is_digit(char) or char in CN_NUMERALS:
            return True
        return char == "." and is_digit(self.peek(offset + 1))

    # ---- numbers

    def read_number(self) -> Number:
        self.skip_space()
        if starts_english(self.s, self.pos):
            return self.read_english()
        if self.starts_number() and self.peek() not in CN_NUMERALS:
            return self.read_arabic()
        if self.peek() in CN_NUMERALS:
            return self.read_chinese()
        self.no_number()

    def no_number(self) -> NoReturn:
        at = self.pos + (1 if self.peek() in SIGNS else 0)
        for word in _NOT_NUMBERS:
            if match_key(self.s, at, word) >= 0:
                printed = self.text[at : at + len(word)]
                self.fail(f"{printed!r} is not a printed figure", at)
        if not any(is_digit(c) or c in CN_NUMERALS for c in self.s):
            self.fail("no digits in the figure", 0)
        self.fail(f"expected a number, found {self.rest(self.pos)!r}", self.pos)

    def read_arabic(self) -> Number:
        start = self.pos
        whole = self.read_digit_run()
        grouped = self.read_groups(start, whole)
        fraction = ""
        if self.peek() == "." and is_digit(self.peek(1)):
            self.pos += 1
            fraction = self.read_digit_run()
        if self.peek() == "e" and (
            is_digit(self.peek(1)) or (self.peek(1) in "+-" and is_digit(self.peek(2)))
        ):
            self.fail("scientific notation is not a printed figure", self.pos)
        digits = "".join(grouped) + fraction
        if len(digits) > MAX_DIGITS:
            self.fail(f"a figure may have at most {MAX_DIGITS} digits", start)
        value = Decimal("".join(grouped) + "." + fraction if fraction else "".join(grouped))
        year_like = len(grouped) == 1 and len(whole) == 4 and whole[0] != "0" and not fraction
        return Number(value, len(fraction), start, self.pos, year_like)

    def read_digit_run(self) -> str:
        start = self.pos
        while is_digit(self.peek()):
            self.pos += 1
        return self.s[start : self.pos]

    def read_groups(self, start: int, whole: str) -> list[str]:
        """``1,234,567``: groups of three after a comma; a full-width ``，`` only if so."""
        groups = [whole]
        while self.peek() == "," and is_digit(self.peek(1)):
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

    def read_chinese(self) -> Number:
        start = self.pos
        while self.peek() in CN_NUMERALS:
            self.pos += 1
        # "五千瓦" is 五 千瓦: give back a last character that starts a longer unit word.
        last = self.pos - 1
        if self.pos - start > 1 and any(
            len(key) > 1 and match_key(self.s, last, key) >= 0
            for key in SUFFIXES.starting_with(self.s[last])
        ):
            self.pos = last
        run = self.s[start : self.pos]
        value = chinese_value(run)
        if value is None:
            self.fail(f"cannot read the Chinese numeral {run!r}", start)
        if len(str(value)) > MAX_DIGITS:
            self.fail(f"a figure may have at most {MAX_DIGITS} digits", start)
        year_like = len(run) == 4 and all(c in CN_DIGITS for c in run)
        return Number(Decimal(value), 0, start, self.pos, year_like)

    def read_english(self) -> Number:
        start = self.pos
        value, self.pos = english_number(self.s, start)
        return Number(Decimal(value), 0, start, self.pos, False)

"""Numbers written in words: Chinese numerals (``四十一``, ``三千五百万``, ``二〇二〇``) and English
cardinals (``twenty-five``, ``two hundred thousand``), as whole numbers.

>>> chinese_value("一百零五"), english_number("twenty-five", 0)
(105, (25, 11))
>>> english_number("two million", 0)  # the last large word is left to be the scale word
(2, 3)
"""

from __future__ import annotations

from factlint.numbers.characters import is_letter
from factlint.numbers.figure_value import MAX_CHARS

CN_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_SECTIONS = {"万": 10**4, "亿": 10**8}
CN_NUMERALS = frozenset(CN_DIGITS) | frozenset(_CN_UNITS) | frozenset(_CN_SECTIONS)

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


def english_number(s: str, start: int) -> tuple[int, int]:
    """The whole number written in English words from ``start`` of lowercased ``s``, and
    its end. A last ``thousand``/``million``/``billion`` is left to be read as the scale
    word, so ``two million`` is 2 million as ``2 million`` is. ``s[start:]`` must start
    with a number word (see :func:`starts_english`)."""
    words = _english_words(s, start)
    value, used = _english_value([word for word, _ in words])
    large = [word for word, _ in words[:used] if word in _EN_LARGE]
    if large == [words[used - 1][0]] and used > 1:
        value //= _EN_LARGE[large[0]]
        used -= 1
    return value, words[used - 1][1]


def _english_word(s: str, pos: int) -> tuple[str, int] | None:
    """The English number word at ``pos`` of lowercased ``s``, and its end."""
    if pos > 0 and is_letter(s[pos - 1]):
        return None
    end = pos
    while end < len(s) and "a" <= s[end] <= "z":
        end += 1
    word = s[pos:end]
    known = word in _EN_SMALL or word in _EN_TENS or word in _EN_LARGE or word == "hundred"
    return (word, end) if known else None


def starts_english(s: str, pos: int) -> bool:
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


def chinese_value(run: str) -> int | None:
    """四十一 -> 41, 一百零五 -> 105, 三千五百万 -> 35000000, 二〇二〇 -> 2020; else None."""
    if all(c in CN_DIGITS for c in run):
        return int("".join(str(CN_DIGITS[c]) for c in run))
    return _positional_value(run)


def _positional_value(run: str) -> int | None:
    total = wan = section = 0
    digit: int | None = None
    cap = last = 10**4  # next 十/百/千 must be below cap; last multiplier used
    zero = False
    for index, char in enumerate(run):
        if char in CN_DIGITS:
            if digit is not None:
                return None
            if CN_DIGITS[char] == 0:
                zero = True
            else:
                digit = CN_DIGITS[char]
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

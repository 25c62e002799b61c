"""Find the figures printed in running text; ``parse_figure`` reads each one.

A scan finds number cores (Arabic digits, runs of Chinese numerals, English number words:
``twenty-five``, ``two million``), widens each over the
words ``parse_figure`` knows around a number (qualifiers, currencies, 第, ranges, scales,
units), and keeps the widest span the parser reads. Then it drops what is a number but
not a figure: parts of names (``NO.4``, ``COVID-19``, ``5G``), slogans and set phrases
(“三个一批”, 一批, 第一时间), bare Chinese numerals with no counter, the pronoun and article
``one`` (one of the biggest), word compounds (one-off, three-year) and fractions (two thirds).

>>> from factlint.extract.text import NormalText
>>> [s.text for s in find_figures(NormalText.of("总额累计完成 7.73 亿\\n元，排位第一，一批项目"))]
['7.73亿元', '第一']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factlint.extract.text import WIDE_LETTERS, NormalText, is_wide
from factlint.numbers.figures import Figure, FigureError, figure_words, parse_figure
from factlint.records import dataclass, draft_class

_WORDS = figure_words()


def _by_first(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for word in words:
        index.setdefault(word[0], []).append(word)
    return {first: tuple(found) for first, found in index.items()}


def _by_last(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for word in words:
        index.setdefault(word[-1], []).append(word)
    return {last: tuple(found) for last, found in index.items()}


_SUFFIXES = _by_first(_WORDS["suffix"])
_CURRENCIES = _by_first(_WORDS["currency"])
_CURRENCIES_BEFORE = _by_last(_WORDS["currency"])
_PREFIXES_BEFORE = _by_last(_WORDS["prefix"])
# "to" and "and" make ranges only in parse_figure's own reading of a whole figure; in
# running text "from 3.9 to 4.0 percent" is a change, not a range.
_SEPARATORS = ("-", "–", "—", "~", "〜", "至")
_SIGNS = "+-−"
_CN_DIGITS = "〇零一二两三四五六七八九十"
_EN_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)(?![a-z])"
_EN_BELOW_100 = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?![a-z])(?:[- ]" + _EN_UNIT
    + r")?|(?:zero|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
    r"|nineteen)(?![a-z])|" + _EN_UNIT + ")"
)  # fmt: skip
_EN_BELOW_1000 = _EN_BELOW_100 + r"(?:\s(?:hundred)(?![a-z])(?:\s" + _EN_BELOW_100 + ")?)?"
_EN_NUMBER = (
    r"(?<![a-z])" + _EN_BELOW_1000
    + r"(?:\s(?:thousand|million|billion)(?![a-z])(?:\s" + _EN_BELOW_1000 + ")?)*"
)  # fmt: skip
# Matched in the lowercased text: digits, Chinese numerals, English number words. The
# lookahead names every first character a core can have, so re skips the rest of the
# text quickly instead of trying each number word at every letter.
_CORE_PATTERN = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+|[〇零一二两三四五六七八九十百千万亿]+|"
    + _EN_NUMBER
)
_CORE = re.compile(r"(?=[\d.〇零一二两三四五六七八九十百千万亿efnostz])(?:" + _CORE_PATTERN + ")")
_FRACTIONS = ("half", "halves", "third", "thirds", "fourth", "fourths", "fifth", "fifths",
              "sixth", "sixths", "eighth", "eighths", "tenth", "tenths")  # fmt: skip
_NEXT_WORD = re.compile(r"\s*([a-z]+)")
_SENTENCE_OPENERS = frozenset(".!?:;\n\"“‘'(（[—")
_ARABIC = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_DATE_STAMP = re.compile(
    r"(\d{1,2})[-/](\d{1,2})[-/](\d{4}|\d{2})(?![\d.-])"
    r"|((?:19|20)\d\d)([-/])(0?[1-9]|1[0-2])\5(0?[1-9]|[12]\d|3[01])(?![\d.-])"  # 2016-09-29
)
_REFERENCES = ("table", "tables", "figure", "fig.", "chart", "page", "p.", "footnote", "note",
               "section", "表", "图", "附表", "附件")  # fmt: skip
_TIME = re.compile(r"(?:[01]?\d|2[0-3]):[0-5]\d(?![\d.:])")
_NOTE_BRACKETS = frozenset({("[", "]"), ("［", "］"), ("〔", "〕"), ("【", "】")})
_SET_PHRASES = ("三次产业",)  # the three sectors of an economy, not "three times"
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-/_")
_MAX_SUFFIXES = 3
_MAX_QUOTED = 10
_OPEN_QUOTES, _CLOSE_QUOTES = '“‘「『"', '”’」』"'
_RANK_ENDINGS = frozenset("名位")
# After these a counter starts a longer word, not a count: 九十年代 (the nineties).
_NOT_AFTER_UNIT = {"年": "代级級", "个": "人体", "個": "人體"}


@dataclass(frozen=True, slots=True)
class Spot:
    """One figure printed in the text: flat offsets, the parsed figure, the printed text."""

    start: int
    end: int
    figure: Figure
    text: str
    date_part: bool = False  # 11, 29 and 17 of the date stamp 11-29-17 (or 2017-11-29)
    value: str = ""  # the figure as a facts file writes it, when not its text (-2.0%)

    @property
    def written(self) -> str:
        """The figure as a facts file writes it: its text, signed when it is a decline."""
        return self.value or self.text


# A text prints thousands of figures: each spot is made without ``__init__``'s
# ``object.__setattr__`` per field (see ``records.draft_class``); ``tests/test_makers.py``
# holds the maker equal to the constructor.
_new = object.__new__
_SpotDraft = draft_class(Spot)


def make_spot(
    start: int, end: int, figure: Figure, text: str, date_part: bool = False, value: str = ""
) -> Spot:
    """``Spot(start, end, figure, text, date_part, value)``."""
    spot = _new(_SpotDraft)
    spot.start = start
    spot.end = end
    spot.figure = figure
    spot.text = text
    spot.date_part = date_part
    spot.value = value
    spot.__class__ = Spot
    made: Spot = spot
    return made


def find_figures(text: NormalText) -> list[Spot]:
    return list(_spots(text))


def _spots(text: NormalText) -> Iterator[Spot]:
    covered = 0
    # Each spelling read once per text: a long report prints the same figures and years
    # again and again, and a span that is no figure costs the general reader most.
    parsed: dict[str, Figure | None] = {}
    for match in _CORE.finditer(text.lower):
        start, end = match.span()
        if start < covered:
            continue
        core = match.group()
        if core[0].isascii() and core[0].isalpha():
            spot = _widest(text, start, end, False, parsed)
            if spot is not None and _is_word_figure(text, spot):
                covered = spot.end
                yield spot
            continue
        chinese = not (core[0].isdigit() or core[0] == ".")
        if chinese and not any(c in _CN_DIGITS for c in core):
            continue
        if not chinese and start > 0 and text.flat[start - 1].isdigit():
            continue
        clock = _TIME.match(text.flat, start) if not chinese else None
        if clock is not None:
            covered = clock.end()  # 8:30 a.m. is a time of day
            continue
        stamp = _DATE_STAMP.match(text.flat, start) if not chinese else None
        if stamp is not None and not _in_a_name_at(text.flat, start):
            covered = stamp.end()
            yield from _date_parts(text, stamp)
            continue
        spaced = None if chinese else _spaced_figure(text, start, end)
        if spaced is not None:
            covered = spaced.end
            yield spaced
            continue
        spot = _widest(text, start, end, chinese, parsed)
        if spot is None or not _is_figure(text, spot, chinese):
            continue
        covered = spot.end
        yield spot


# 27 362人: groups of three digits after a head of one to three, each after one space
# (PDFs and web pages print NBSP, thin or ideographic spaces; the flat text has one space).
_SPACED = re.compile(r"\d{1,3}(?: \d{3})+(?:\.\d+)?(?!\d|[.,]\d)")


def _spaced_figure(text: NormalText, start: int, end: int) -> Spot | None:
    """``总人口27 362人``: a number grouped by spaces in Chinese prose, read as one figure.

    Only in prose: the number is followed at once by a unit, counter or scale word in
    Chinese (人, 万元, 亩), or stands between a Chinese word and a Chinese character or
    punctuation mark (人口为27 362，). A year (2020 123人) has a head of four digits and
    is never joined; 第3 456 is an ordinal and a number; columns of a table (12 345 678 on
    its own, aligned) have nothing Chinese after them. The figure's text is the number
    without its spaces, as a facts file writes it."""
    flat = text.flat
    if end - start > 3 or not flat[start:end].isdigit() or flat[end : end + 1] != " ":
        return None
    if _after_reference(text, start):
        return None  # 表1 110年度: table 1, then a year
    match = _SPACED.match(flat, start)
    if match is None:
        return None
    stop = match.end()
    after = text.shown[stop : stop + 1]  # shown: a full-width ，is folded in flat
    if not after or not is_wide(after):
        return None
    for space in range(start, stop):
        if (
            flat[space] == " "
            and text.source_offset(space + 1) - text.source_offset(space - 1) != 2
        ):
            return None  # more than one character between groups: columns, not a number
    number = text.shown[start:stop].replace(" ", "")
    spot = None
    for right in reversed(_ends(text, stop, False)):
        for left in reversed(_starts(text, start)):
            printed = text.shown[left:start] + number + text.shown[stop:right]
            try:
                figure = parse_figure(printed)
            except FigureError:
                continue
            spot = make_spot(left, right, figure, printed)
            break
        if spot is not None:
            break
    if spot is None or spot.figure.kind == "date" or not _is_figure(text, spot, False):
        return None  # 1 100年 is no year anyone prints
    counted = bool(spot.figure.unit_text) or spot.figure.scale != 1
    if counted and spot.end > stop and WIDE_LETTERS[after]:
        return spot
    before = flat[spot.start - 1 : spot.start]
    if before and before != "第" and WIDE_LETTERS[before] and spot.end == stop:
        return spot
    return None


def _after_reference(text: NormalText, start: int) -> bool:
    before = text.lower[max(0, start - 12) : start].rstrip()
    return any(before.endswith(word) for word in _REFERENCES)


def _date_parts(text: NormalText, stamp: re.Match[str]) -> Iterator[Spot]:
    for group in (1, 2, 3) if stamp.group(1) else (4, 6, 7):
        start, end = stamp.span(group)
        printed = text.shown[start:end]
        yield make_spot(start, end, parse_figure(printed), printed, True)


def _widest(
    text: NormalText, start: int, end: int, chinese: bool, parsed: dict[str, Figure | None]
) -> Spot | None:
    ends = _ends(text, end, chinese)
    starts = _starts(text, start)
    for right in reversed(ends):
        for left in reversed(starts):
            printed = text.shown[left:right]
            if printed in parsed:
                figure = parsed[printed]
            else:
                try:
                    figure = parse_figure(printed)
                except FigureError:
                    figure = None
                parsed[printed] = figure
            if figure is not None:
                return make_spot(left, right, figure, printed)
    return None


def _ends(text: NormalText, end: int, chinese: bool) -> list[int]:
    ends = [end]
    position = _range_end(text, end, chinese)
    if position != end:
        ends.append(position)
    for _ in range(_MAX_SUFFIXES):
        at = position
        if (
            text.flat[at : at + 1] in (" ", "\n")
            and at + 1 < len(text)
            and not is_wide(text.flat[at + 1])
        ):
            at += 1
        word = _word_at(text.lower, at, _SUFFIXES)
        if word is None:
            break
        position = at + len(word)
        ends.append(position)
    return ends


def _range_end(text: NormalText, end: int, chinese: bool) -> int:
    flat = text.flat
    if end >= len(flat) or flat[end] not in _SEPARATORS:
        return end
    at = end + 1
    currency = _word_at(text.lower, at, _CURRENCIES)
    if currency is not None:
        at += len(currency)
    if chinese:
        match = _CORE.match(flat, at)
        return match.end() if match and not match.group()[0].isdigit() else end
    match = _ARABIC.match(flat, at)
    return match.end() if match else end


def _starts(text: NormalText, start: int) -> list[int]:
    flat, starts = text.flat, [start]
    if start > 0 and flat[start - 1] == "第":
        return [start - 1]  # 第十三届 is an ordinal or nothing, never 十三届
    position = start
    if _sign_at(flat, position - 1):
        position -= 1
        starts.append(position)
    currency = _word_before(text.lower, position, _CURRENCIES_BEFORE)
    if currency is not None:
        position -= len(currency)
        starts.append(position)
        if _sign_at(flat, position - 1):
            position -= 1
            starts.append(position)
    at = position - 1 if flat[position - 1 : position] in (" ", "\n") else position
    prefix = _word_before(text.lower, at, _PREFIXES_BEFORE)
    if prefix is not None and not _ends_a_word(flat, at - len(prefix), prefix):
        starts.append(at - len(prefix))
    return starts


# Words that end in a one-character qualifier without being one: 签约51项 is "signed 51",
# not "about 51" (约); 最近3年 is "the last 3 years", not "nearly 3" (近).
WORDS_ENDING_IN_A_QUALIFIER = frozenset({
    "签约", "合约", "节约", "条约", "制约", "预约", "履约", "违约", "特约", "公约", "契约",
    "相约", "续约", "解约", "毁约", "践约",
    "最近", "附近", "邻近", "临近", "靠近", "就近", "新近",
    "赶超", "高超",
})  # fmt: skip


def _ends_a_word(flat: str, start: int, prefix: str) -> bool:
    """Whether the qualifier ``prefix`` at ``start`` is the last character of a longer word."""
    return len(prefix) == 1 and flat[start - 1 : start + 1] in WORDS_ENDING_IN_A_QUALIFIER


def _sign_at(flat: str, index: int) -> bool:
    if index < 0 or flat[index] not in _SIGNS:
        return False
    before = flat[index - 1] if index > 0 else " "
    return not (before.isalnum() or before in "%)]")


def _word_at(lower: str, at: int, words: dict[str, tuple[str, ...]]) -> str | None:
    """The longest of ``words`` (indexed by first letter) at ``at``."""
    for word in words.get(lower[at : at + 1], ()):
        if lower.startswith(word, at):
            after = at + len(word)
            if word[-1].isascii() and word[-1].isalpha() and _letter(lower, after):
                continue
            return word
    return None


def _word_before(lower: str, end: int, words: dict[str, tuple[str, ...]]) -> str | None:
    """The longest of ``words`` (indexed by last letter) ending at ``end``."""
    for word in words.get(lower[end - 1 : end] if end > 0 else "", ()):
        if end - len(word) >= 0 and lower.startswith(word, end - len(word)):
            if word[0].isascii() and word[0].isalpha() and _letter(lower, end - len(word) - 1):
                continue
            return word
    return None


def _letter(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isascii() and text[index].isalpha()


# --------------------------------------------------------------------------- not figures


def _is_figure(text: NormalText, spot: Spot, chinese: bool) -> bool:
    flat = text.flat
    if _in_a_name(flat, spot) or _is_reference(text, spot) or _is_note_mark(flat, spot):
        return False
    figure = spot.figure
    if figure.kind == "rank":
        return _is_rank(flat, spot)
    if not chinese:
        return True
    if figure.kind == "number":
        return False  # 十四五, 千亿级: a Chinese numeral with no counter is a word
    if figure.kind == "count" and figure.number == 1:
        return False  # 一批, 一次, 一年: the article "a", not a count
    after = flat[spot.end : spot.end + 1]
    if after and after in _CN_DIGITS:
        return False  # 三个一批: a slogan of numbers
    if any(flat.startswith(phrase, spot.start) for phrase in _SET_PHRASES):
        return False
    unit = figure.unit_text[-1:] if figure.unit_text else ""
    if after and after in _NOT_AFTER_UNIT.get(unit, ""):
        return False
    return not _in_short_quote(flat, spot)


def _is_word_figure(text: NormalText, spot: Spot) -> bool:
    """three months, twenty-five, two million; not the pronoun or article one (one of the
    biggest), a compound (one-off, three-year), a fraction (two thirds), a name (Big Three)."""
    flat, lower, figure = text.flat, text.lower, spot.figure
    if _in_a_name(flat, spot) or _is_reference(text, spot):
        return False
    plain = figure.scale == 1 and not figure.unit_text
    if plain and figure.number <= 1 and figure.upper is None:
        return False
    if flat[spot.end : spot.end + 1] == "-" and _letter(lower, spot.end + 1):
        return False
    if spot.start > 0 and flat[spot.start - 1] == "-" and _letter(lower, spot.start - 2):
        return False
    if plain and _word_at_after(lower, spot.end) in _FRACTIONS:
        return False
    first = next(c for c in spot.text if c.isalpha() or c.isdigit())
    if first.isupper():
        before = _before_spaces(flat, spot.start)
        return before == "" or before in _SENTENCE_OPENERS
    return True


def _before_spaces(flat: str, index: int) -> str:
    """``flat[:index].rstrip(" ")[-1:]`` without copying the text before ``index``."""
    while index > 0 and flat[index - 1] == " ":
        index -= 1
    return flat[index - 1 : index] if index > 0 else ""


def _word_at_after(lower: str, end: int) -> str:
    match = _NEXT_WORD.match(lower, end)
    return match.group(1) if match else ""


def _in_a_name(flat: str, spot: Spot) -> bool:
    """NO.4, COVID-19, USDL-21-0158, G20, 5G, Q3, adjusted1: digits glued to Latin letters."""
    glued_before = (spot.text[:1].isdigit() or spot.text[:1] == ".") and _in_a_name_at(
        flat, spot.start
    )
    last, after = flat[spot.end - 1], flat[spot.end : spot.end + 1]
    glued_after = last.isascii() and last.isalnum() and after.isascii() and after.isalnum()
    return glued_before or glued_after


def _in_a_name_at(flat: str, start: int) -> bool:
    index = start - 1
    while index >= 0 and flat[index] in _NAME_CHARS:
        if flat[index].isalpha():
            return True
        index -= 1
    return False


def _is_reference(text: NormalText, spot: Spot) -> bool:
    """table 1, 表2, page 4: a pointer to a part of the document, not a quantity."""
    if spot.figure.kind != "number":
        return False
    before = text.lower[max(0, spot.start - 12) : spot.start].rstrip()
    for word in _REFERENCES:
        if before.endswith(word):
            ahead = before[-len(word) - 1 : -len(word)]
            return not (word[0].isascii() and ahead.isalpha())
    return False


def _is_note_mark(flat: str, spot: Spot) -> bool:
    """常住人口[2]为, revenue[3] was: a footnote's number in brackets glued to a word."""
    if spot.figure.kind != "number" or len(spot.text) > 2 or not spot.text.isdigit():
        return False
    opening, closing = flat[spot.start - 1 : spot.start], flat[spot.end : spot.end + 1]
    word = flat[spot.start - 2 : spot.start - 1]
    return (opening, closing) in _NOTE_BRACKETS and bool(word) and not word.isspace()


def _is_rank(flat: str, spot: Spot) -> bool:
    """排位第一，but not 第一时间, 第一宗, 第一产业, or the list 第一、第二、第三产业."""
    after = flat[spot.end : spot.end + 1]
    if after in _RANK_ENDINGS:
        return True
    if flat.startswith("、第", spot.end) or (
        flat[max(spot.start - 3, 0) : spot.start].find("、") >= 0
        and flat[spot.start - 3 : spot.start - 2] == "第"
    ):
        return False
    return not (after and is_wide(after) and after.isalnum())


def _in_short_quote(flat: str, spot: Spot) -> bool:
    """Inside “三个一批”, “十四五”: a name in quotes, not a count."""
    left = flat.rfind("“", max(0, spot.start - _MAX_QUOTED), spot.start)
    if left < 0:
        return False
    closing = flat.find("”", spot.end, spot.end + _MAX_QUOTED)
    between = flat[left + 1 : spot.start]
    return closing >= 0 and "”" not in between

"""Units written in a table's headers and captions, and the figure a bare cell stands for.

A header says what every number under it is: ``比重(%)``, ``% under 18``, ``per cent``,
``年末数(万人)``, ``(亿元)``, ``$ millions``, ``(in millions)``; a line above the table can
say it for all columns (``单位：万元``, ``Unit: £000``). A cell that prints its own unit
(``78.5%``) keeps it.

>>> unit_in("比重(%)"), unit_in("年末数（万人）"), unit_in("$ millions"), unit_in("Offence group")
('%', '万人', '$ million', '')
>>> cell_figure("32.3", "%").text, cell_figure("2.194 B", "").text, cell_figure("(1,204)", "").text
('32.3%', '2.194 billion', '-1,204')
"""

from __future__ import annotations

import functools
import re

from factlint.numbers.figures import Figure, FigureError, parse_figure
from factlint.numbers.header_units import with_unit

# The unit a header (or a caption) names, most specific first.
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"[(（]\s*[%％]\s*[)）]|[%％]|\bper ?cent\b|\bpercentage\b", re.I), "%"),
    (re.compile(r"[(（]\s*‰\s*[)）]|‰"), "‰"),
    (re.compile(r"个百分点|percentage points?", re.I), "个百分点"),
    (re.compile(r"(?:US)?\$\s*(?:in\s+)?(?:millions?|mn|m)\b", re.I), "$ million"),
    (re.compile(r"(?:US)?\$\s*(?:in\s+)?(?:billions?|bn)\b", re.I), "$ billion"),
    (re.compile(r"(?:US)?\$\s*(?:in\s+)?(?:thousands?|000s?|'000)\b", re.I), "$ thousand"),
    (re.compile(r"£\s*(?:in\s+)?(?:millions?|mn|m)\b", re.I), "£ million"),
    (re.compile(r"£\s*(?:000s?|'000|thousands?)", re.I), "£ thousand"),
    (re.compile(r"\(\s*in (?:millions?)\b", re.I), "million"),
    (re.compile(r"\(\s*in (?:billions?)\b", re.I), "billion"),
    (re.compile(r"\(\s*in (?:thousands?)\b", re.I), "thousand"),
)
_CHINESE = re.compile(
    r"(?:单位|單位)\s*[:：]\s*([万亿千百萬億]*(?:元|美元|人|户|戶|个|個|项|項|吨|噸|千瓦时|千瓦時|亩|畝|平方米|辆|輛|家))"
    r"|[(（]\s*([万亿千百萬億]*(?:元|美元|人|户|戶|个|個|项|項|吨|噸|千瓦时|千瓦時|亩|畝|平方米|辆|輛|家))\s*[)）]"
)
_BARE_UNIT = re.compile(
    r"[万亿千百萬億]*(?:元|美元|人|户|戶|个|個|项|項|吨|噸|千瓦时|千瓦時|亩|畝|平方米|辆|輛|家)"
)
_LISTED = re.compile(r"(?:单位|單位)\s*[:：]\s*([^\s|()（）]+)")
_SUFFIXES = {"B": " billion", "BN": " billion", "M": " million", "MN": " million",
             "K": " thousand"}  # fmt: skip
_SCALED = re.compile(r"^([-+−]?[\d,]*\.?\d+)\s*(B|BN|M|MN|K)$", re.I)
_PARENTHESISED = re.compile(r"^\((\d[\d,]*\.?\d*)\)\s*([%％]?)$")
_EMPTY = frozenset({"", "-", "–", "—", "－", "…", "...", "..", ".", "x", "n/a", "na", "*", "/"})
_LONGEST_EMPTY = max(map(len, _EMPTY))
_CODED_EMPTY = re.compile(r"^\[[a-z]{1,4}\]$", re.I)  # [x] not available, [c] confidential
NOTE_MARK = r"(?:\s?(?:\*{1,3}|[†‡§]|\([a-z]\)|\[[a-z0-9]{1,6}\])|\s[rpe])?"
"""A note printed after a figure in a table cell (``9.5*``, ``12(a)``, ``40[note1]``, ``8,799
r`` revised): no part of the figure."""
_NOTE_MARK = re.compile(NOTE_MARK[:-1] + "$")
_BEFORE_MARK = frozenset("0123456789%％")


@functools.lru_cache(maxsize=1 << 12)  # headers and captions repeat: each read once
def unit_in(text: str) -> str:
    """The unit a header or caption names, or "" when it names none."""
    for pattern, unit in _PATTERNS:
        if pattern.search(text):
            return unit
    match = _CHINESE.search(text)
    if match:
        return match.group(1) or match.group(2)
    return ""


_RATIO = re.compile(r"性别比|性別比|抚养比|撫養比|老少比|指数|指數|系数|係數")


def column_unit(header: str, shared: str) -> str:
    """A column's unit: its header's own, else the one stated for the whole table, which
    a ratio does not take (a 性别比 or a 指数 under ``单位：人`` is a pure number).

    >>> column_unit("年末数(万人)", "人"), column_unit("性别比", "人"), column_unit("男", "人")
    ('万人', '', '人')
    """
    return unit_in(header) or ("" if _RATIO.search(header) else shared)


def listed_units(text: str) -> list[str]:
    """The units a caption lists one a column, in order: ``单位：人、%`` is ``['人', '%']``
    (``[]`` when it lists none)."""
    match = _LISTED.search(text)
    if not match:
        return []
    units = []
    for word in re.split(r"[、,，/]", match.group(1)):
        word = word.strip()
        if word in ("%", "％"):
            units.append("%")
        elif _BARE_UNIT.fullmatch(word):
            units.append(word)
        else:
            return []
    return units


def bare_unit(text: str) -> str:
    """A cell that is only a unit (``亿元``, ``万吨``, ``%``): the unit, else ""."""
    word = text.strip()
    if word in ("%", "％"):
        return "%"
    return word if _BARE_UNIT.fullmatch(word) else ""


@functools.lru_cache(maxsize=1 << 15)  # asked of each cell several times
def is_empty_cell(text: str) -> bool:
    """A placeholder for a cell with no figure: a dash, dots, ``n/a``."""
    shown = text.strip()
    # lowering never shortens a text: a longer one is no mark (and is not lowered)
    if _CODED_EMPTY.match(shown):
        return True
    return len(shown) <= _LONGEST_EMPTY and shown.lower() in _EMPTY


def cell_figure(text: str, unit: str) -> Figure | None:
    """The figure a cell stands for under a column of ``unit``; None when it is no figure."""
    shown = text.strip()
    marked = _NOTE_MARK.search(shown)
    if marked and marked.group(0) and shown[: marked.start()][-1:] in _BEFORE_MARK:
        shown = shown[: marked.start()]  # 9.5* and 8,799,000 r are 9.5 and 8,799,000
    scaled = _SCALED.match(shown)
    if scaled:
        shown = scaled.group(1) + _SUFFIXES[scaled.group(2).upper()]
    negative = _PARENTHESISED.match(shown)
    if negative:  # (1,204) and (9.7)%
        shown = "-" + negative.group(1) + negative.group(2)
    try:
        figure = parse_figure(shown)
    except FigureError:
        return None
    if figure.kind != "number" or figure.qualifier or not unit:
        return figure if figure.kind in ("number", "percent", "amount", "count") else None
    return _with_unit(shown, unit) or figure


def _with_unit(shown: str, unit: str) -> Figure | None:
    try:
        return parse_figure(with_unit(shown, unit))
    except FigureError:
        return None


_CURRENCY = re.compile(r"^[-−(]?\s*([$£€¥])")


def carried_currency(texts: list[str], figures: list[Figure]) -> str:
    """The currency sign a financial statement prints only on a column's first and total
    rows (``$1,250.4`` over ``812.7``): "" unless every figure of the column is an amount
    with that one sign or a plain number, and both are there."""
    signs = set()
    plain = 0
    for text, figure in zip(texts, figures, strict=True):
        sign = _CURRENCY.match(text.strip())
        if figure.kind == "amount" and sign:
            signs.add(sign.group(1))
        elif figure.kind == "number" and not figure.unit and not figure.scale_text:
            plain += 1
        else:
            return ""
    return signs.pop() if len(signs) == 1 and plain else ""


def with_currency(figure: Figure, sign: str) -> Figure | None:
    """A plain number read in the currency of its column: ``812.7`` → ``$812.7``."""
    text = figure.text
    signed = text.startswith(("-", "−"))
    try:
        return parse_figure(("-" if signed else "") + sign + text.lstrip("-−"))
    except FigureError:
        return None

"""The words a printed figure may carry around its number, by role.

Qualifiers before (``超``, ``more than``) and after (``以上``, ``or more``), currency signs
and codes before (``$``, ``人民币``), scale words (``亿``, ``billion``, ``%``, ``个百分点``),
units (``元``, ``人``, ``平方米``), and the separators of a range (``-``, ``至``, ``to``).
Every table is keyed by its word's lowercase spelling; :class:`WordTable` also indexes the
words by their first character for the reader's longest-match lookup.
"""

from __future__ import annotations

from decimal import Decimal

from factlint.records import dataclass

_ONE = Decimal(1)
_PERCENT = Decimal("0.01")
_PER_MILLE = Decimal("0.001")

MORE_THAN, AT_LEAST, ABOUT = "more-than", "at-least", "about"
LESS_THAN, AT_MOST, RANGE = "less-than", "at-most", "range"

CNY, USD, EUR, JPY, GBP, HKD = "CNY", "USD", "EUR", "JPY", "GBP", "HKD"


@dataclass(frozen=True, slots=True)
class Word:
    role: str  # "qualifier" | "scale" | "unit" | "currency" | "separator" | "direction"
    value: str = ""  # qualifier meaning, unit code, or scale family
    kind: str = ""  # for units: the figure kind they give
    factor: Decimal = _ONE  # for scales


class WordTable(dict[str, Word]):
    """Words by spelling, and their spellings by first character, longest first.

    Built once at import and never changed (a dict for the speed of its lookups).

    >>> WordTable({"超": Word("qualifier"), "超过": Word("qualifier")}).starting_with("超")
    ('超过', '超')
    """

    def __init__(self, words: dict[str, Word]) -> None:
        super().__init__(words)
        index: dict[str, list[str]] = {}
        for key in words:
            index.setdefault(key[0], []).append(key)
        self._by_first = {
            first: tuple(sorted(keys, key=len, reverse=True)) for first, keys in index.items()
        }

    def starting_with(self, char: str) -> tuple[str, ...]:
        """The spellings that start with ``char``, longest first, so that matching is
        longest-match."""
        return self._by_first.get(char, ())


def _words(role: str, table: dict[str, str]) -> WordTable:
    return WordTable({key: Word(role, value) for key, value in table.items()})


PRE_QUALIFIERS = _words(
    "qualifier",
    {
        "超过": MORE_THAN, "超": MORE_THAN, "逾": MORE_THAN,
        "超過": MORE_THAN,
        "近": ABOUT, "约": ABOUT, "大约": ABOUT, "将近": ABOUT,
        "約": ABOUT, "大約": ABOUT, "將近": ABOUT,
        "不到": LESS_THAN, "不足": LESS_THAN, "未满": LESS_THAN, "未滿": LESS_THAN,
        "more than": MORE_THAN, "over": MORE_THAN, "above": MORE_THAN,
        "at least": AT_LEAST,
        "about": ABOUT, "around": ABOUT, "approximately": ABOUT,
        "nearly": ABOUT, "almost": ABOUT,
        "less than": LESS_THAN, "under": LESS_THAN, "below": LESS_THAN,
        "up to": AT_MOST, "at most": AT_MOST,
    },
)  # fmt: skip

POST_QUALIFIERS = _words(
    "qualifier",
    {
        "以上": AT_LEAST, "多": MORE_THAN, "余": MORE_THAN, "餘": MORE_THAN,
        "左右": ABOUT,
        "以下": AT_MOST, "以内": AT_MOST, "or more": AT_LEAST, "plus": AT_LEAST,
    },
)  # fmt: skip

# A fact may be written as printed, with the word that says it is a rise or a fall:
# 下降2.0% and "fell 2.0%" are -2.0%, 增长2.0% and "up 2.0%" are 2.0% (docs/design.md §3).
DIRECTIONS = _words(
    "direction",
    {
        "下降": "down", "减少": "down", "減少": "down", "回落": "down", "降低": "down",
        "下滑": "down", "下跌": "down", "fell": "down", "dropped": "down", "declined": "down",
        "decreased": "down", "down": "down",
        "增长": "up", "增長": "up", "增加": "up", "提高": "up", "上升": "up", "上涨": "up",
        "rose": "up", "up": "up", "increased": "up", "grew": "up",
    },
)  # fmt: skip

CURRENCY_PREFIXES = _words(
    "currency",
    {
        "$": USD, "us$": USD, "hk$": HKD, "¥": CNY, "€": EUR, "£": GBP,
        "rmb": CNY, "cny": CNY, "usd": USD, "eur": EUR, "gbp": GBP, "hkd": HKD, "jpy": JPY,
        "人民币": CNY, "人民幣": CNY,
    },
)  # fmt: skip


def _scales(factor: Decimal, family: str, keys: str) -> dict[str, Word]:
    return {key: Word("scale", family, factor=factor) for key in keys.split("|")}


SCALES = {
    **_scales(Decimal("1E2"), "scale", "百"),
    **_scales(Decimal("1E3"), "scale", "千|thousand|k"),
    **_scales(Decimal("1E4"), "scale", "万|萬"),
    # "m" is million only beside a currency (else it is metres); checked after reading.
    **_scales(Decimal("1E6"), "scale", "百万|million|mn|m"),
    **_scales(Decimal("1E7"), "scale", "千万"),
    **_scales(Decimal("1E8"), "scale", "亿|億"),
    **_scales(Decimal("1E9"), "scale", "billion|bn"),
    **_scales(Decimal("1E12"), "scale", "万亿|萬億|trillion"),
    **_scales(_PERCENT, "percent", "%|percent|per cent"),
    **_scales(_PER_MILLE, "percent", "‰"),
    **_scales(_PERCENT, "points", "个百分点|百分点|個百分點|百分點"),
    **_scales(_PERCENT, "points", "percentage points|percentage point|pp|points"),
    **_scales(_PER_MILLE, "points", "个千分点|千分点|個千分點|千分點"),
}


def _units(code: str, kind: str, keys: str) -> dict[str, Word]:
    return {key: Word("unit", code, kind) for key in keys.split("|")}


_COUNTERS = "个户项人家次件名位座所台辆套批条处宗栋张株头只篇场届期类种支架艘册票"
# the same counters as traditional characters print them (個 戶 項 …)
_TRADITIONAL_COUNTERS = "個戶項輛條處棟張頭隻場屆類種冊"

UNITS = {
    **_units(
        CNY, "amount", "元|人民币|元人民币|人民币元|人民幣|元人民幣|人民幣元|yuan|rmb|cny|renminbi"
    ),
    **_units(USD, "amount", "美元|美金|dollars|dollar|us dollars|usd"),
    **_units(EUR, "amount", "欧元|歐元|euros|euro|eur"),
    **_units(JPY, "amount", "日元|yen|jpy"),
    **_units(GBP, "amount", "英镑|英鎊|pounds|gbp"),
    **_units(HKD, "amount", "港元|港币|港幣|hk dollars|hkd"),
    **_units("count", "count", "|".join(_COUNTERS + _TRADITIONAL_COUNTERS) + "|人次"),
    **_units("years", "count", "年"),  # a 4-digit 年 becomes a calendar year after reading
    **_units("month", "date", "月"),
    **_units("months", "count", "个月|個月|months"),
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
    **_units("mu", "measure", "亩|畝|mu"),
    **_units("hectare", "measure", "公顷|公頃|hectares|hectare"),
    **_units("t", "measure", "吨|噸|tonnes|tonne|tons"),
    **_units("jin", "measure", "斤"),
    **_units("kg", "measure", "公斤|千克|kg"),
    **_units("kWh", "measure", "千瓦时|千瓦時|kwh"),
    **_units("kW", "measure", "千瓦|kw"),
    **_units("km", "measure", "公里|千米|km|kilometres|kilometers"),
}

SUFFIXES = WordTable({**SCALES, **UNITS, **POST_QUALIFIERS})

SEPARATORS = WordTable(
    {key: Word("separator") for key in ("-", "–", "—", "−", "~", "〜", "至", "到", "to", "and")}
)
BETWEEN = WordTable({"between": Word("qualifier", RANGE)})
RANK_SUFFIXES = frozenset("名位")


def figure_words() -> dict[str, tuple[str, ...]]:
    """The words ``parse_figure`` reads around a number, by role, lowercase, longest first.

    For scanners that look for figures in running text and hand each span to
    ``parse_figure``: ``prefix`` (qualifiers before), ``currency``, ``suffix`` (scales,
    units, qualifiers after) and ``separator`` (of a range).

    >>> "个百分点" in figure_words()["suffix"]
    True
    """
    tables = {
        "prefix": PRE_QUALIFIERS,
        "currency": CURRENCY_PREFIXES,
        "suffix": SUFFIXES,
        "separator": SEPARATORS,
    }
    return {
        role: tuple(sorted(table, key=lambda key: (-len(key), key)))
        for role, table in tables.items()
    }

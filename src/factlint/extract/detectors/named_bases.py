"""The one quantity a share's words name as its base, wherever the text prints it.

占农户总数的25.05% names 农户总数: the report printed it as 现有农户973户 three sentences
before; 占农业总产值的2.7% names the 农业总产值 that a paragraph earlier rose 从1949年的96.2万元
… 2011年达到9515万元; 占总人口的31.1% names 关津乡总人口57496人. The name and a quantity's
label are compared once the words that only say "all of it" are set aside — 总/總, 全村/全镇/
全县, 现有/現有, 共有, 年末, 总数/总量/总额 — and a label may add a place before the name
(关津乡总人口). A quantity is the base when it measures the same thing in the same unit (户,
人, 元 whatever its scale: 3030000元 and 9515万元 are both 元), is of the same year as the
part (the calendar year in effect at each, when both are known), and is the only one so
named: printed before the share, else after it. Two candidates, or none, bind nothing
(docs/design.md §9: an asserted relation is bound only when the words leave one reading).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from decimal import Decimal

from factlint.extract.detectors.base import Index, Item, counts_alike, is_quantity, same_unit
from factlint.extract.detectors.wording import CLAUSE_MARKS, normal_label
from factlint.extract.pipeline import Found

_PLACE = "村镇鎮乡鄉县縣市区區省州国國"
_MODIFIER = re.compile(r"全[" + _PLACE + r"]?|现有|現有|共有|年末|年底|期末|全部|所有|总|總")
_TOTAL_END = re.compile(r"(?:总数|總數|总量|總量|总额|總額|总计|總計|合计|合計|数|數)$")
_WHOLE_WORD = re.compile(r"[总總共]|全部|所有|合计|合計")
PLACE_SCOPE = re.compile(r"全[" + _PLACE + r"]")  # 全镇: where, not how much
# 城镇人口, 乡村人口: kinds of people, not a place's
_KINDS_OF_PLACE = frozenset(
    (
        "城镇",
        "城鎮",
        "乡村",
        "鄉村",
        "农村",
        "農村",
        "城市",
        "城区",
        "城區",
        "市区",
        "市區",
        "镇区",
        "鎮區",
        "城乡",
        "城鄉",
        "村镇",
        "村鎮",
    )
)
_PLACE_NAME = 3  # characters of a place's own name (关津乡); 该村, 本镇 say "this one"
# a label that is itself a share, a rate or an average names no base
_NOT_A_BASE = re.compile(r"[占佔率]|比重|比例|人均|平均|每")
_MIN_CORE = 2
# 农业总产值从1949年的96.2万元，增加到1978年的268.2万元，2011年达到9515万元: a level of a
# chain named once, at its start
_CHAIN_START = re.compile(r"^\s*(?P<name>[^#\d\s从由從]{2,12}?)\s*(?:从|由|從)")
_CHAIN_STEP = re.compile(r"[到至达達]")
_CHAIN_BREAK = re.compile(r"[占佔比较較]")
_CHAIN_REACH = 3  # clauses back from a level to the start of its chain


def core(name: str) -> str:
    """农户总数 → 农户, 农业总产值 → 农业产值, 全村总人口 → 人口: the name with the words that
    only say "all of it" set aside."""
    text = _TOTAL_END.sub("", normal_label(name).rstrip("的之"))
    return _MODIFIER.sub("", text)


def named_base(
    index: Index,
    name: str,
    part: Item,
    pf: Found,
    at: Found,
    exclude: Collection[str] = (),
) -> tuple[Item, Found] | None:
    """The one quantity printed before the share ``at`` that ``name`` names, of ``part``'s
    unit and year. A quantity whose label the name could abbreviate (工业产值 for
    工业销售产值) counts as a second candidate; with a word of the whole in the name (总人口)
    only labels with one of their own (or the name's core) do."""
    wanted = core(name)
    if len(wanted) < _MIN_CORE:
        # 占总数的: the whole of what the part counts (农户数577户 → 农户)
        wanted = core(_name_of(index, part, pf))
    if len(wanted) < _MIN_CORE:
        return None
    total = _WHOLE_WORD.search(PLACE_SCOPE.sub("", name)) is not None
    chosen: dict[str, tuple[Item, Found]] = {}
    for item, found in index.in_order:
        if found.spot.start >= at.spot.start:
            break
        if item.id == part.id or item.id in exclude or not _may_be_base(part, item):
            continue
        label = _name_of(index, item, found)
        if not label or _NOT_A_BASE.search(label) or _qualified(index, found, label):
            continue
        if not (_names(label, wanted) or _fits(label, wanted, total)):
            continue
        if same_year(index, pf, found):
            chosen.setdefault(item.id, (item, found))
    return next(iter(chosen.values())) if len(chosen) == 1 else None


def names_label(index: Index, whole: tuple[Item, Found], name: str) -> bool:
    """Whether ``name`` (占总收入的) names the quantity ``whole`` (农村经济总收入3158万元)."""
    wanted = core(name)
    label = _name_of(index, *whole)
    if len(wanted) < _MIN_CORE or not label:
        return False
    total = _WHOLE_WORD.search(PLACE_SCOPE.sub("", name)) is not None
    return _names(label, wanted) or _fits(label, wanted, total)


def same_year(index: Index, part: Found, base: Found) -> bool:
    """Whether no calendar year tells the two apart: 2019年末，总人口1000人 is no base of
    2021年，…250人. A year only in effect from an earlier sentence (2007年全村经济总收入… then
    耕地总面积) is too weak to set a candidate aside, unless the other's is its own."""
    own, own_said = _year(index, part)
    other, other_said = _year(index, base)
    if own is None or other is None or own == other:
        return True
    return not (own_said or other_said)


_YEAR_REACH = 40  # figures back to the calendar year a figure is of


def _year(index: Index, found: Found) -> tuple[Decimal | None, bool]:
    """The calendar year printed last before ``found`` and whether its sentence prints it."""
    at = index.position(found)
    for item, other in reversed(index.in_order[max(0, at - _YEAR_REACH) : at]):
        if item.fact.kind == "date" and item.figure.unit == "year":
            return item.figure.number, other.spot.start >= found.context.sentence[0]
    return None, False


def _may_be_base(part: Item, item: Item) -> bool:
    return (
        is_quantity(item)
        and not item.figure.qualifier
        and item.figure.kind != "percent"
        and same_unit(part, item)
        and counts_alike(part, item)
    )


def _names(label: str, wanted: str) -> bool:
    """Whether a quantity labelled ``label`` is the one ``wanted`` (a core) names: the same
    core (全村耕地总面积 names 耕地面积), or the core after a place's name (关津乡总人口,
    该村现有农户); not a kind of it (城镇常住人口, 乡村人口 are no 总人口)."""
    own = core(label)
    if own == wanted:
        return True
    if not own.endswith(wanted):
        return False
    head = own[: -len(wanted)]
    if head[-1] not in _PLACE or head in _KINDS_OF_PLACE:
        return False
    return len(head) >= _PLACE_NAME or head[0] in "该該本此"


def _fits(label: str, wanted: str, total: bool) -> bool:
    """A label the name may abbreviate: its characters in order, ending alike (工业产值 and
    工业销售产值); under a name of the whole, only a label that says whole too."""
    own = core(label)
    if not own or own[-1] != wanted[-1] or not keeps_in_order(wanted, own):
        return False
    return not total or _WHOLE_WORD.search(PLACE_SCOPE.sub("", label)) is not None


def keeps_in_order(short: str, full: str) -> bool:
    """Whether ``full`` holds every character of ``short`` in its order."""
    chars = iter(full)
    return all(char in chars for char in short)


def _qualified(index: Index, found: Found, label: str) -> bool:
    """安装固定电话的农户数577户: a label after 的 names a kind of the thing, not all of it."""
    begin = max(0, found.spot.start - len(label) - 8)
    before = index.masked[begin : found.spot.start]
    at = before.rfind(label[:2])
    return at > 0 and before[at - 1] in "的之"


def _name_of(index: Index, item: Item, found: Found) -> str:
    """The words that name a quantity: its label, or for a level of a chain the name at the
    chain's start (农业总产值从…，…，2011年达到9515万元)."""
    label = normal_label(found.context.label or item.fact.label or "")
    if label:
        return label
    start = found.context.sentence[0]
    clauses = re.split("[" + CLAUSE_MARKS + "]", index.masked[start : found.spot.start])
    for step, clause in enumerate(reversed(clauses[-_CHAIN_REACH:])):
        chain = _CHAIN_START.match(clause)
        if chain is not None and "#" in clause[chain.end() :]:
            return normal_label(chain.group("name"))
        if _CHAIN_BREAK.search(clause) or (step and not _CHAIN_STEP.search(clause)):
            break
    return ""

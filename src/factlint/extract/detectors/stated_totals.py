"""``sum`` stated in words: a list of parts, then the word that totals them.

- 第一产业100亿元、第二产业400亿元、第三产业500亿元，合计1000亿元 (合计, 共计, 总计, 总共,
  一共, 共, 累计; 两项合计 and 以上三项合计 take that many parts); who is counted may
  stand before the cue (上半年合计, 两类企业共) and the measure after it (累计完成投资, which
  the parts' labels must end with), and the parts may each name their period (一月…，二月…);
- 中直经济增加值384.8亿元，地方经济增加值843.2亿元，合计1228亿元 — clauses joined by commas
  list one measure when their labels end alike (…经济增加值);
- "$10 million in Europe, $20 million in Asia and $5 million elsewhere, a total of $35
  million" (a total of, for a total of, totalling, combined, altogether, in total).

The parts are the run of quantities of the total's unit printed just before it in its
sentence, one after another with only their labels between (、, and, commas); a rate
clause, another unit or a 其中 ends the run. ``共 51 项，其中…`` lists some parts, not all: no
sum. Checked whatever its numbers say; a total that does not add up is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factlint.extract.detectors.base import (
    Index,
    Item,
    Relation,
    is_countable,
    same_unit,
)
from factlint.extract.detectors.judging import stated_sum
from factlint.extract.detectors.wording import figures_between, normal_label, unmasked
from factlint.extract.pipeline import Found

_SCORE = 5.0
# the words between the comma and the total: who is counted (以上三项, 两类企业; 上半年, 全年
# before a cue of two characters), the cue, and the measure the parts share (累计完成投资)
_ZH_TOTAL = re.compile(
    r"[，,]\s*(?:(?:以上|上述)?(?P<count>#{1,4}|[两兩二三四五六七八九十])(?:项|項|者|类|類)?"
    r"(?P<counted>[^#，,。；;：:]{0,6}?)|以上|上述|(?P<subject>[^#，,。；;：:]{1,6}?)(?=[合共总總一累]\w))?"
    r"\s*(?P<cue>合计|合計|共计|共計|总计|總計|总共|總共|一共|共|累计|累計)"
    r"\s*(?P<measure>[^#，,。；;：:]{0,8}?)\s*(?:完成|实现|實現|為|为|达到?|達到?|有)?\s*$"
)
# 公共预算, 共同, 共享: 共 inside a word
_NOT_A_CUE = re.compile(r"[公]$")
_COUNTS = {"两": 2, "兩": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
           "十": 10}  # fmt: skip
_EN_TOTAL = re.compile(
    r",?\s*(?:(?:for\s+)?a\s+total\s+of|totall?ing|(?:a\s+)?combined|altogether|together"
    # "… and donations (£5.4m) brought total income to £14.7m"
    r"|\)?\s*(?:brought|bringing|took|taking|made|making|lifted|lifting)\s+(?:the\s+|their\s+"
    r"|its\s+)?(?:total|combined|overall)\s+(?:[a-z]+\s+){0,2}?to"
    # "Staff (£7.5m) and buildings (£5.5m) make up the £12.0m budget"
    r"|\)?\s*(?:together\s+)?(?:make|makes|made)\s+up\s+(?:the|a|its|their)(?:\s+total\s+of)?"
    r"|\)?\s*(?:together\s+)?account(?:s|ed)?\s+for)\s*$",
    re.IGNORECASE,
)
# "…, making 25 in all", "… – 25 altogether", "…, £20m in total": the total after its parts
_EN_IN_TOTAL = re.compile(
    r"^\s*(?:[a-z][a-z-]*\s+){0,2}?(?:in\s+total|in\s+all|altogether|all\s+told)\b", re.IGNORECASE
)
_EN_TOTAL_AFTER = re.compile(r"(?:,|–|—|\s-)\s*(?:making|to\s+make|giving)?\s*$", re.IGNORECASE)
# parts joined as a list, each with its label before or after it: 、 和 及 与 in Chinese (a
# comma may end a clause about something else: 地区生产总值1000亿元，第一产业…), commas and
# "and" in English
_LABEL = r"[^#,.;:!?()、，。；：！？（）]{0,20}?"
_ZH_LIST_GAP = re.compile(r"^\s*" + _LABEL + r"\s*(?:、|和|及|与|與|以及)\s*" + _LABEL + r"\s*$")
# 第一产业增加值159.5亿元，第二产业增加值87.9亿元，合计…: clauses of one list, when their
# labels end alike (see _parallel)
_ZH_CLAUSE_GAP = re.compile(r"^\s*" + _LABEL + r"\s*[，,]\s*" + _LABEL + r"\s*$")
_EN_LIST_GAP = re.compile(
    r"^\s*\)?\s*" + _LABEL + r"\s*(?:,\s*and|,|and|plus)\s+" + _LABEL + r"\s*\(?\s*$",
    re.IGNORECASE,
)
_BREAKS = re.compile(
    r"其中|增长|下降|增加(?!值)|减少|比上年|同比|\b(?:of which|including|up|down|rose|fell|was|were"
    r"|is|are|had|has|totaled|totalled|reached)\b",
    re.IGNORECASE,
)
_MAX_PARTS = 12
_COUNTED = re.compile(r"(\d{1,2}|[两兩二三四五六七八九十])\s*(?:项|項|者|类|類)")
_MIN_SHARED = 2  # characters the labels of a list of clauses share at their end


def detect(index: Index) -> Iterator[Relation]:
    for position, (total, tf) in enumerate(index.in_order):
        if not is_countable(total) or total.figure.number <= 0:
            continue
        # 40 characters: "… brought total income to", 前两月累计完成出口
        lead_at = max(tf.context.sentence[0], tf.spot.start - 40)
        lead = unmasked(index, lead_at, tf.spot.start, ("date",))
        after = index.masked[tf.spot.end : tf.spot.end + 24]
        said = _zh_total(lead) or _EN_TOTAL.search(lead)
        closing = _EN_TOTAL_AFTER.search(lead) if _EN_IN_TOTAL.match(after) else None
        if said is None and closing is None:
            continue
        cue_at = tf.spot.start - len(lead) + (said or closing).start()  # type: ignore[union-attr]
        parts = _parts_before(index, position, total, tf, cue_at)
        wanted = _count(index, cue_at, tf.spot.start) if said is not None else None
        if wanted is not None:  # 两项合计: the last two
            if len(parts) < wanted:
                continue
            parts = parts[-wanted:]
        if len(parts) < 2:
            continue
        measure = said.groupdict().get("measure") if said is not None else None
        if measure and not _measured(measure, parts):
            continue  # 累计用户 after 一月新增…、二月新增…: a stock, not their sum
        yield from _total(index, total, tf, parts)


def _zh_total(lead: str) -> re.Match[str] | None:
    said = _ZH_TOTAL.search(lead)
    if said is None:
        return None
    if said.group("cue") == "共":
        before = lead[: said.start("cue")]
        if _NOT_A_CUE.search(before) or said.group("subject") or said.group("measure"):
            return None  # 一般公共预算, 共同; a bare 共 takes no words around it
    return said


def _measured(measure: str, parts: list[tuple[Item, Found]]) -> bool:
    """累计完成投资 over 一季度完成投资、二季度完成投资: the parts measure what the total does."""
    wanted = normal_label(measure)
    return all(normal_label(found.context.label).endswith(wanted) for _, found in parts)


def _parts_before(
    index: Index, position: int, total: Item, tf: Found, cue_at: int
) -> list[tuple[Item, Found]]:
    """The run of the total's unit just before its cue, nearest last; [] when it is not a
    clean list (a rate clause, another figure or a 其中 between)."""
    run: list[tuple[Item, Found]] = []
    end = cue_at
    for item, found in reversed(index.in_order[max(0, position - _MAX_PARTS - 1) : position]):
        if found.spot.start >= cue_at:
            continue  # the 两项 of 两项合计
        if found.sentence != tf.sentence or found.section != tf.section:
            break
        if item.fact.kind == "date":
            continue  # 一月…，二月…: the parts' periods, read as words
        gap = unmasked(index, found.spot.end, end, ("date",))
        if "#" in gap or _BREAKS.search(gap):
            break
        if not (is_countable(item) and same_unit(item, total)) or item.id == total.id:
            break
        if run and not (_EN_LIST_GAP if gap.isascii() else _ZH_LIST_GAP).match(gap):
            if gap.isascii() or not _ZH_CLAUSE_GAP.match(gap):
                break
            if not _parallel([_dated(index, found), *(_dated(index, f) for _, f in run)]):
                break
        run.append((item, found))
        end = found.spot.start
    run.reverse()
    if len({item.id for item, _ in run}) != len(run):
        return []
    return run


def _dated(index: Index, found: Found) -> str:
    """A part's label with the period its clause names first (一月完成出口, 二月完成出口)."""
    dates = [
        other.text
        for item, other in figures_between(index, found.context.clause[0], found.spot.start)
        if item.fact.kind == "date"
    ]
    return "".join(dates) + found.context.label


def _count(index: Index, cue_at: int, end: int) -> int | None:
    """How many parts the cue counts (两项合计, 以上三项合计), if it does."""
    said = _COUNTED.search(index.flat[cue_at:end])
    if said is None:
        return None
    number = said.group(1)
    return int(number) if number.isdigit() else _COUNTS[number]


def _parallel(labels: list[str]) -> bool:
    """Labels of one list: distinct, ending in the same words (第一产业增加值, 第二产业增加值)."""
    names = [normal_label(label) for label in labels]
    if len(set(names)) != len(names):
        return False
    shared = 0
    for chars in zip(*(reversed(name) for name in names), strict=False):
        if len(set(chars)) != 1:
            break
        shared += 1
    return shared >= _MIN_SHARED


def _total(
    index: Index, total: Item, tf: Found, parts: list[tuple[Item, Found]]
) -> Iterator[Relation]:
    words = index.quote(parts[0][1].context.clause[0], tf.spot.end)
    yield from stated_sum(total, tf, parts, score=_SCORE, words=words)

"""``equal``: one named measure of one period printed twice, with two values.

全镇国内生产总值13406万元 … 全镇国内生产总值19050万元; a header's 人口数量:约3.12万人 against
年末总人口31451人 in the text: a report names a quantity and prints its value; when it names
the same quantity again for the same period, the two values must agree within their
rounding (an approximate 约, 近, 約 stands for what its digits round from: 约3.1万人 is
31451人, 约3.12万人 is not). Unlike ``repeats`` (a summary's slip of the pen), the values may
be far apart: what makes them one quantity is the name, so the name must match strictly:

- the same label (a verb such as 实现 and 总 dropped; a header's ``key:`` read as the label),
  of the same unit and kind of figure, no per-head or per-unit rate, no change (比上年增加);
- exactly two facts of the text carry it (a third means a list over places or years), printed
  within ``_MAX_APART`` sentences of each other unless one is a header's key (a report that
  names a measure again far on speaks of another part of it);
- printed in two sentences whose periods agree: the same time words (全年, 上半年, 年末, 1-11
  月) when both print some, and the same calendar year printed last before them, and the places
  named in the clauses before them agree (东村：… 西村：… bind nothing);
- the same words before the label in both sentences (义务教育阶段…专任教师 is not 专任教师;
  其中：税收收入 is not 按构成分：税收收入), and no breakdown before a figure compared with a
  header's key;
- a Chinese label (a report in English names its measures too loosely) of four characters at
  least, or a header's key (人口数量) against the body; what a glued heading says before 全村
  and a verb of having (有, 拥有, 共有) are no part of it (自然资源全村有耕地总面积 names
  全村耕地面积);
- a label of two or three characters (林地) only when its two printings stand in the very two
  sentences that print a longer measure twice (a profile's summary and its section: 全村耕地
  面积…林地 against 全村有耕地总面积…拥有林地).

Nothing in the words says the two are one quantity, so a difference is a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from factlint.extract.detectors.base import (
    HOLDS,
    MISMATCH,
    Index,
    Item,
    Relation,
    is_additive,
    where,
)
from factlint.extract.detectors.in_effect import as_printed, label_or_key, year_in_effect
from factlint.extract.detectors.judging import interval_or_none
from factlint.extract.detectors.wording import normal_label
from factlint.extract.pipeline import Found
from factlint.numbers.figures import format_figure
from factlint.numbers.quantities import unit_of

_SCORE = 3.0
_MIN_LABEL = 4
_MAX_APART = 8  # sentences between two printings in the body
_FAR = 4000  # characters: no nearer than this is far apart whatever the sentences
_SENTENCE_ENDS = re.compile(r"[。！？!?]|\n\s*\n")
_TOTAL_MARK = re.compile(r"[总總]")
_VERBS = re.compile(r"实现|實現|完成|累计|累計|达到|達到|共计|共計")
_WHOLE_PLACE = re.compile(r"^全[镇鎮乡鄉县縣市区區村旗州省]")
_WHOLE_REACH = 16  # figures back from a part of a breakdown to its whole
_WHOLE_PLACE_ANYWHERE = re.compile(r"全[镇鎮乡鄉县縣市区區村旗州省]")
_POSSESSION = re.compile(r"拥有|擁有|共有|现有|現有|有(?!效)|共")
_COUNTED = re.compile(r"(?:数量|數量|总数|總數|数|數)$")
_PERIOD_LEAD = re.compile(r"^(?:年末|年底|全年)")
_TIME_WORDS = re.compile(
    r"全年|上半年|下半年|前三季度|[一二三四]季度|年末|年底|年初|上年|去年|同期|当月|本月|當月"
    r"|(?:[首前])?(?:#+|[一二三四五六七八九十两兩]+)[个個]?月|#+年"
)
_LOOK_BACK = 600  # characters before a sentence without time words, for the ones in effect
_PLACES = re.compile(
    r"[\u4e00-\u9fff]{1,5}?(?:省|市|县|縣|区|區|镇|鎮|乡|鄉|村|街道|社区|社區|州|旗)"
)
_CLAUSES = re.compile(r"[，,；;：:|｜]")
_CHANGE_BEFORE = re.compile(r"(?:增加|减少|減少|增长|增長|下降|提高|降低|多|少|净增|淨增)了?\s*$")
_NON_ADDITIVE_UNITS = ("percent", "points", "date", "rank")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_BASES = ("占", "佔", "比", "较", "較", "为", "為")  # 占年初预算10065万元: the base of a share
_BREAKDOWN = re.compile(r"其中|按.{0,8}分|分别|分別|[：:]")
_NOT_SUBJECT = re.compile(r"[#\s，,。；;、()（）]|全年|上半年|下半年|年末|年底|年初")


def detect(index: Index) -> Iterator[Relation]:
    groups: dict[tuple[str, object, str], dict[str, _Printed]] = {}
    for item, found in index.in_order:
        if (
            not is_additive(item)
            or found.context.framing
            or item.figure.kind in _NON_ADDITIVE_UNITS
        ):
            continue
        label, keyed = label_or_key(index, found)
        measure = _measure(label)
        if "|" in label or len(_CJK.findall(measure)) < 2 or measure.startswith(_BASES):
            continue
        whole_place = _WHOLE_PLACE.match(measure)
        if whole_place is not None and not keyed:  # 全镇X: X of the place a header is about
            measure, keyed_to = measure[whole_place.end() :], measure
        else:
            keyed_to = measure
        if _CHANGE_BEFORE.search(index.masked[max(0, found.spot.start - 8) : found.spot.start]):
            continue
        key = (measure, unit_of(item.figure), item.fact.kind)
        groups.setdefault(key, {}).setdefault(item.id, (item, found, keyed, keyed_to))
    short: list[tuple[_Printed, _Printed]] = []
    anchors: set[frozenset[tuple[str, int]]] = set()
    for (measure, _, _), facts in groups.items():
        if len(facts) != 2:
            continue
        first, second = facts.values()
        if len(measure) >= _MIN_LABEL or first[2] or second[2]:
            for relation in _twice(index, first, second):
                anchors.add(_sentences(first, second))
                yield relation
        else:
            short.append((first, second))
    for first, second in short:
        # 林地 names too little on its own; printed in the very two sentences that print
        # another measure twice (全村耕地面积 … 林地; 全村有耕地总面积 … 拥有林地), it is
        # that passage's repeat, and what stands before it there is the same subject
        if _sentences(first, second) in anchors:
            yield from _twice(index, first, second, anchored=True)


_Printed = tuple[Item, Found, bool, str]
"""A fact's printing: the fact, where, whether under a header's key, its full measure."""


def _measure(label: str) -> str:
    """A label as it names a measure: 年末总人口 and 人口数量 both name 人口; 全村有耕地总面积
    and 拥有林地 name 全村耕地面积 and 林地 (what a heading glued to the label says before
    全村 is no part of it, unless it names a place)."""
    measure = _VERBS.sub("", _TOTAL_MARK.sub("", label))
    measure = _COUNTED.sub("", measure) if len(measure) > 3 else measure
    measure = _PERIOD_LEAD.sub("", measure)
    wholes = [match.start() for match in _WHOLE_PLACE_ANYWHERE.finditer(measure)]
    if wholes and wholes[-1] > 0 and not _PLACES.search(measure[: wholes[-1]]):
        measure = measure[wholes[-1] :]
    place = _WHOLE_PLACE.match(measure)
    head, rest = (measure[: place.end()], measure[place.end() :]) if place else ("", measure)
    owned = _POSSESSION.match(rest)
    if owned is not None and len(rest) - owned.end() >= 2:
        rest = rest[owned.end() :]
    return head + rest


def _sentences(*printed: _Printed) -> frozenset[tuple[str, int]]:
    return frozenset((found.section, found.sentence) for _, found, _, _ in printed)


def _twice(
    index: Index, one: _Printed, other: _Printed, anchored: bool = False
) -> Iterator[Relation]:
    (a, af, a_keyed, a_named), (b, bf, b_keyed, b_named) = one, other
    if af.context.sentence == bf.context.sentence:
        return
    if not (a_keyed or b_keyed) and a_named != b_named:
        return  # 全镇X against X: only a header's key names the place's X
    if a_keyed == b_keyed and (a_keyed or af.section != bf.section):
        return  # two header keys, or the body against a summary: ``repeats``' question
    if not (a_keyed or b_keyed) and _sentences_between(index, af, bf) > _MAX_APART:
        return  # far apart in one text: another part of the report (another place or time)
    if not _same_period(index, af, bf) or not _same_places(index, af, bf):
        return
    if not anchored and not _same_subject(index, (af, a_keyed), (bf, b_keyed)):
        return
    wholes = _whole_of(index, a, af), _whole_of(index, b, bf)
    if wholes[0] != wholes[1]:
        return  # 其中：外国人 under 入境旅游人数 and under 入境过夜游客人数: parts of two wholes
    # the precise figure is the one checked; an approximate one stands for its digits
    (said, sf), (other_item, of) = sorted(
        ((a, af), (b, bf)), key=lambda pair: pair[0].figure.qualifier != ""
    )
    if said.figure.qualifier:
        return  # both approximate: nothing decides them
    if other_item.figure.qualifier not in ("", "about"):
        return
    mine = interval_or_none(said, "nearest")
    theirs = interval_or_none(as_printed(other_item), "nearest")
    if mine is None or theirs is None:
        return
    status = HOLDS if mine.intersects(theirs) else MISMATCH
    rule: dict[str, object] = {"check": f"{said.id} == {other_item.id}"}
    if other_item.figure.qualifier:
        half = other_item.figure.unit_in_last_place() / 2
        rule["tolerance"] = format_figure(half, other_item.figure, _places(half, other_item))
    name = normal_label(sf.context.label) or label_or_key(index, of)[0]
    evidence = (
        f"{name} is printed {said.fact.value} and {other_item.fact.value} "
        f"({where(sf, of)}): one measure of one period"
    )
    ids = (other_item.id, said.id)
    yield Relation("equal", ids, status, _SCORE, rule, evidence, said.fact.value)


def _whole_of(index: Index, item: Item, found: Found) -> str | None:
    """The fact a breakdown (其中) the figure stands in is the part of: the last quantity of
    its unit printed before the 其中; None when it stands in no breakdown."""
    start = found.context.sentence[0]
    cue = index.masked.rfind("其中", max(0, start - 2), found.spot.start)
    if cue < 0 or re.search(r"[)）]", index.masked[cue : found.spot.start]):
        return None  # （其中：水田…，旱地…）closed before the figure
    unit = unit_of(item.figure)
    at = index.position(found)
    for other, of in reversed(index.in_order[max(0, at - _WHOLE_REACH) : at]):
        if of.spot.end <= cue and unit_of(other.figure) == unit:
            return other.id
    return ""


def _places(value: Decimal, item: Item) -> int:
    """Decimal places that print ``value`` exactly in ``item``'s scale."""
    scaled = (value / item.figure.scale).normalize()
    exponent = scaled.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _sentences_between(index: Index, a: Found, b: Found) -> int:
    first, second = sorted((a, b), key=lambda found: found.spot.start)
    if second.spot.start - first.spot.end > _FAR:
        return _MAX_APART + 1  # counted only over a bounded stretch of text
    return len(_SENTENCE_ENDS.findall(index.flat, first.spot.end, second.spot.start))


def _same_period(index: Index, a: Found, b: Found) -> bool:
    times = _times(index, a), _times(index, b)
    if all(times) and times[0] != times[1]:
        return False
    years = year_in_effect(index, a), year_in_effect(index, b)
    return years[0] == years[1] or None in years


def _times(index: Index, found: Found) -> frozenset[str]:
    """The time words of the figure's sentence, else those of the last sentence of its
    paragraph that prints some (今年十月…。不过夜旅客为785,369人次 is October's; 今年首十个月…。
    不过夜旅客为6,854,887人次 the ten months')."""
    start = found.context.sentence[0]
    own = _TIME_WORDS.findall(index.masked[start : found.spot.start])
    if own:
        return frozenset(own)
    before = index.masked[max(0, start - _LOOK_BACK) : start]
    paragraph = before[before.rfind("\n\n") + 1 :]
    for sentence in reversed(_SENTENCE_ENDS.split(paragraph)):
        if words := _TIME_WORDS.findall(sentence):
            return frozenset(words)
    return frozenset()


def _same_subject(index: Index, *printed: tuple[Found, bool]) -> bool:
    """Both printings stand at the top of their sentences' subject: what a sentence says before
    the label (义务教育阶段…，专任教师; 其中：税收收入) is the same for both, and no breakdown
    (其中, 按…分) leads to a body figure a header's key is compared with."""
    subjects = [None if keyed else _subject(index, found) for found, keyed in printed]
    if None in subjects:
        return not any(_BREAKDOWN.search(s) for s in subjects if s is not None)
    return subjects[0] == subjects[1]


def _subject(index: Index, found: Found) -> str:
    before = index.masked[found.context.sentence[0] : found.spot.start]
    label = found.context.label
    if label and before.endswith(label):
        before = before[: -len(label)]
    return _NOT_SUBJECT.sub("", before)


def _same_places(index: Index, a: Found, b: Found) -> bool:
    """No place named in the two clauses before one figure differs from the other's (东村：
    耕地面积1200亩 against 西村：耕地面积900亩)."""
    places = [frozenset(_PLACES.findall(_lead(index, found))) for found in (a, b)]
    return not (all(places) and places[0] != places[1])


def _lead(index: Index, found: Found) -> str:
    """The two clauses before the figure, without its label: where a subject is named (a
    header's value has only its key)."""
    if label_or_key(index, found)[1]:
        return ""
    before = index.masked[found.context.sentence[0] : found.spot.start]
    lead = "".join(_CLAUSES.split(before)[-2:])
    label = found.context.label
    return lead.replace(label, "") if label else lead

"""A bare number in a list of amounts takes the unit of its siblings.

第一产业增加值2.9亿元，增长3.7%；第二产业增加值28.4，增长4.5%；第三产业增加值18.2亿元 —
the report forgot 亿元 after 28.4, but the list says what it is: the figures printed just
before and after it in its sentence measure the same kind of thing (their labels end alike,
产业增加值) in the same printed unit. Read bare, 28.4 would drop out of every sum of the
list; read with its siblings' unit it is checked like them. The facts file writes such a
mention as a table cell is written: the printed number with a ``unit``.

>>> from factlint.extract.figures_in_text import find_figures
>>> from factlint.extract.labels import contexts
>>> from factlint.extract.text import NormalText
>>> text = NormalText.of("第一产业增加值2.9亿元；第二产业增加值28.4；第三产业增加值18.2亿元。")
>>> spots = find_figures(text)
>>> inherited(text, spots, contexts(text, spots))
{1: '亿元'}
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factlint.extract.figures_in_text import Spot
from factlint.extract.labels import Context
from factlint.extract.text import NormalText
from factlint.numbers.figures import FigureError, figure_words, parse_figure
from factlint.numbers.header_units import with_unit

_NUMBER = re.compile(r"^[-+−]?[\d,.·]+\s*")
_BARE_END = re.compile(r"^\s*(?:[，,；;。）)]|$)")
_LISTED_KINDS = frozenset(("amount", "count"))
_LIST_JOIN = re.compile(r"\s*(?:、|和|及|与|與|,|，)\s*")
POINTS = "百分点"
_MIN_SHARED = 2  # characters the labels of a list share at their end (产业增加值, 收入)


def inherited(text: NormalText, spots: Sequence[Spot], found: Sequence[Context]) -> dict[int, str]:
    """For each bare number (by its index in ``spots``) that a list of amounts prints, the
    unit its siblings print."""
    out: dict[int, str] = {}
    for at, (spot, context) in enumerate(zip(spots, found, strict=True)):
        if not _is_bare(text, spot, context):
            continue
        before = _sibling(spots, found, at, -1)
        after = _sibling(spots, found, at, 1)
        if before is None or after is None:
            continue
        units = {_unit_text(spots[before]), _unit_text(spots[after])}
        if len(units) != 1 or "" in units:
            continue
        labels = [found[before].label, context.label, found[after].label]
        if not _parallel(labels):
            continue
        out[at] = units.pop()
    return out


def with_sibling_unit(spot: Spot, unit: str) -> Spot | None:
    """``spot`` read in ``unit``; None when the two do not make one figure."""
    try:
        figure = parse_figure(with_unit(spot.text, unit))
    except FigureError:
        return None
    if figure.kind not in _LISTED_KINDS:
        return None
    return Spot(spot.start, spot.end, figure, spot.text, spot.date_part, spot.value)


def shared_points(text: NormalText, spots: Sequence[Spot]) -> dict[int, Spot]:
    """分别拉动0.7个、5.1个和6.5个百分点: the list's last member names the unit its members
    share, so 0.7个 is 0.7个百分点 (points), not a count of 0.7. Each such member (by its index
    in ``spots``) read with the unit."""
    out: dict[int, Spot] = {}
    for at in range(len(spots) - 2, -1, -1):
        spot, following = spots[at], out.get(at + 1, spots[at + 1])
        if spot.figure.kind != "count" or not spot.text.endswith(("个", "個")):
            continue
        if following.figure.kind != "points" or not _LIST_JOIN.fullmatch(
            text.flat[spot.end : following.start]
        ):
            continue
        try:
            figure = parse_figure(spot.text + POINTS)
        except FigureError:
            continue
        if figure.kind == "points":
            out[at] = Spot(spot.start, spot.end, figure, spot.text, spot.date_part, spot.value)
    return out


# 312.87萬(wàn)人: a pinyin gloss (web copies of traditional texts) between the scale and
# the unit it belongs with
_GLOSS_THEN_UNIT = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[)）]\s*(\S{1,4})")
_SCALE_ENDS = ("万", "萬", "亿", "億", "千", "百")
_UNIT_WORDS = sorted(
    (word for word in figure_words()["suffix"] if not word.isascii()), key=len, reverse=True
)


def glossed_units(text: NormalText, spots: Sequence[Spot]) -> dict[int, tuple[Spot, str]]:
    """Each figure (by its index in ``spots``) printed with a scale, a pinyin gloss and
    then its unit (312.87萬(wàn)人), read with the unit after the gloss, and that unit."""
    out: dict[int, tuple[Spot, str]] = {}
    for at, spot in enumerate(spots):
        if not spot.text.endswith(_SCALE_ENDS) or spot.figure.unit or spot.value:
            continue
        glossed = _GLOSS_THEN_UNIT.match(text.flat, spot.end)
        if glossed is None:
            continue
        unit = next((w for w in _UNIT_WORDS if glossed.group(1).startswith(w)), "")
        if not unit:
            continue
        try:
            figure = parse_figure(with_unit(spot.text, unit))
        except FigureError:
            continue
        if figure.kind == "number" or figure.number != spot.figure.number:
            continue
        read = Spot(spot.start, spot.end, figure, spot.text, spot.date_part, spot.value)
        out[at] = (read, unit)
    return out


# 增收4,376万: a change of money printed with its scale but not its currency
_MONEY_CHANGE = re.compile(r"(?:增收|增支|增加|多收)了?\s*$")
_REACH = 240  # characters back from the change to its level


def scaled_changes(
    text: NormalText, spots: Sequence[Spot], found: Sequence[Context]
) -> dict[int, str]:
    """For each change printed with a scale and no unit (收入28,583万元，…，增收2,798万),
    by its index in ``spots``, the unit of the amount its sentence printed before it in the
    same scale; and for each level so printed, the unit of the amount it is compared with
    or broken down into right after it (196.47億，較上年度128.94億元)."""
    out: dict[int, str] = {}
    for at, spot in enumerate(spots):
        figure = spot.figure
        if figure.kind != "number" or figure.scale == 1 or figure.qualifier or spot.value:
            continue
        before = text.flat[max(0, spot.start - 4) : spot.start]
        if _MONEY_CHANGE.search(before) is None:
            unit = _compared_unit(text, spots, found, at)
            if unit:
                out[at] = unit
            continue
        earlier = [
            other
            for other in range(at - 1, -1, -1)
            if found[other].sentence == found[at].sentence
            and spots[other].figure.kind == "amount"
            and spots[other].start >= spot.start - _REACH
        ]
        if not earlier:
            continue
        level = spots[earlier[0]]
        if level.figure.scale != figure.scale:
            continue
        scale_and_unit = _unit_text(level)
        scale = _unit_text(spot)
        if not scale_and_unit.startswith(scale) or len(scale_and_unit) == len(scale):
            continue
        out[at] = scale_and_unit[len(scale) :]
    return out


# 統籌分配稅196.47億，較上年度法定預算數128.94億元 / 收入50.48億，包括補助款17.56億元: the
# amount compared with, or broken down into, says what the scaled figure is
_COMPARED_WITH = re.compile(r"^\s*[，,]?\s*(?:較|较|比|包括|其中)[^\d，,。；;：:]{0,12}$")


def _compared_unit(
    text: NormalText, spots: Sequence[Spot], found: Sequence[Context], at: int
) -> str:
    """The unit of the amount of the same scale printed next in the sentence, when the
    words between compare the two or break the first down ("" otherwise)."""
    spot, following = spots[at], at + 1
    if following >= len(spots) or found[following].sentence != found[at].sentence:
        return ""
    other = spots[following]
    if other.figure.kind != "amount" or other.figure.scale != spot.figure.scale:
        return ""
    if _COMPARED_WITH.match(text.flat[spot.end : other.start]) is None:
        return ""
    scale_and_unit, scale = _unit_text(other), _unit_text(spot)
    if not scale_and_unit.startswith(scale) or len(scale_and_unit) == len(scale):
        return ""
    return scale_and_unit[len(scale) :]


def _is_bare(text: NormalText, spot: Spot, context: Context) -> bool:
    figure = spot.figure
    if figure.kind != "number" or figure.scale != 1 or figure.qualifier or spot.date_part:
        return False
    if spot.value:  # a decline (下降28.4): its sign is written with the number, keep it bare
        return False
    if context.kind != "number" or len(context.label) < _MIN_SHARED:
        return False
    return _BARE_END.match(text.flat[spot.end : spot.end + 2]) is not None


def _sibling(spots: Sequence[Spot], found: Sequence[Context], at: int, step: int) -> int | None:
    """The nearest amount printed before (``step`` −1) or after (+1) in the sentence,
    rates and shares between them aside."""
    sentence = found[at].sentence
    other = at + step
    while 0 <= other < len(spots) and found[other].sentence == sentence:
        kind = found[other].kind
        if kind in _LISTED_KINDS:
            return other
        if kind not in ("growth", "share", "percent"):
            return None
        other += step
    return None


def _unit_text(spot: Spot) -> str:
    return _NUMBER.sub("", spot.text).strip()


def _parallel(labels: list[str]) -> bool:
    """Labels of one list: distinct, ending in the same words (第一产业增加值, 第二产业增加值)."""
    if len(set(labels)) != len(labels):
        return False
    shared = 0
    for chars in zip(*(reversed(label) for label in labels), strict=False):
        if len(set(chars)) != 1:
            break
        shared += 1
    return shared >= _MIN_SHARED

"""``sum`` asserted by a compound name: a whole named by the parts it is made of.

- 进出口总额120亿元 … 其中出口70亿元 … 进口50亿元 — 进出口 is 进口 and 出口;
- 农林牧渔业总产值4.8亿元 … 其中农业产值1.9亿元 … 林业 … 牧业 … 渔业 … 农林牧渔服务业产值
  0.2亿元 — 农林牧渔业 is its four branches and their services (a split that prints no
  services is left alone: older statistics left them out);
- 城乡居民储蓄存款 … 城镇 … 乡村; 男女 … 男性 … 女性.

The parts are the quantities of the whole's unit and measure (总产值 ~ 产值, 增加值) printed
after it in its paragraph, one per component, the component named in the part's label or
at the head of its clause group (农业产值1.9亿元，增长3%，增加值1.1亿元: the 增加值 is
农业's). The name says the parts make the whole, so the sum is checked whatever its numbers
say, and a split that does not add up is an error.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator

from factlint.extract.detectors.base import (
    Index,
    Item,
    Relation,
    is_additive,
    same_unit,
    source_lines,
)
from factlint.extract.detectors.judging import stated_sum
from factlint.extract.detectors.wording import normal_label
from factlint.extract.pipeline import Found

_SCORE = 5.0
# compound → its components (each a tuple of names, the first preferred), optional ones last
_COMPOUNDS: tuple[tuple[str, tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]], ...] = (
    ("进出口", (("出口",), ("进口",)), ()),
    ("進出口", (("出口",), ("進口",)), ()),
    (
        "农林牧渔业",
        (("农业", "种植业"), ("林业",), ("牧业", "畜牧业"), ("渔业",)),
        (("农林牧渔服务业", "农林牧渔专业及辅助性活动", "服务业"),),
    ),
    (
        "農林牧漁業",
        (("農業", "種植業"), ("林業",), ("牧業", "畜牧業"), ("漁業",)),
        (("農林牧漁服務業", "服務業"),),
    ),
    ("城乡", (("城镇", "城市"), ("乡村", "农村")), ()),
    ("城鄉", (("城鎮", "城市"), ("鄉村", "農村")), ()),
)
_GROUP_MARKS = re.compile(r"[；;。：:]")
_REACH = 600  # characters after the whole that may print its parts
_MEASURE_NOISE = re.compile(r"^(?:总|總|全年|全县|全市|全区|全省|实现|完成)+|(?:总额|總額|额|額)$")


def detect(index: Index) -> Iterator[Relation]:
    for total, tf in index.in_order:
        if not is_additive(total) or total.figure.number <= 0:
            continue
        label = normal_label(tf.context.label)
        for compound, needed, optional in _COMPOUNDS:
            at = label.find(compound)
            if at < 0:
                continue
            measure = _measure(label[at + len(compound) :])
            parts = _parts(index, total, tf, compound, measure, (*needed, *optional))
            chosen = [parts.get(names) for names in needed]
            extra = [parts[names] for names in optional if names in parts]
            if optional and not extra:
                continue  # the services left out: not the whole split
            if any(part is None for part in chosen):
                continue
            listed = [part for part in (*chosen, *extra) if part is not None]
            yield from _split(index, total, tf, listed, compound)


def _measure(text: str) -> str:
    return _MEASURE_NOISE.sub("", text)


def _parts(
    index: Index,
    total: Item,
    tf: Found,
    compound: str,
    measure: str,
    components: tuple[tuple[str, ...], ...],
) -> dict[tuple[str, ...], tuple[Item, Found]]:
    """The first quantity of each component after the whole, in the whole's paragraph."""
    end = tf.spot.end + _REACH
    lines = source_lines(index)
    out: dict[tuple[str, ...], tuple[Item, Found]] = {}
    after = bisect.bisect_right(index.starts, tf.spot.end)
    for item, found in itertools.islice(index.in_order, after, None):
        if found.spot.start >= end or found.section != tf.section:
            break
        if any(not line.strip() for line in lines[tf.line : found.line - 1]):
            break  # a blank line between: another paragraph
        if item.id == total.id or not is_additive(item) or not same_unit(total, item):
            continue
        label = normal_label(found.context.label)
        if compound in label:
            if _measure(label[label.find(compound) + len(compound) :]) == measure:
                break  # another whole of the same name and measure: its own split
            continue
        group = _group_before(index, found).replace(compound, "")
        for names in components:
            if names in out:
                continue
            name = _named(label, names) or _named(group, names)
            if name is None:
                continue
            own = label[label.find(name) + len(name) :] if name in label else label
            if _measure(own) in (measure, ""):  # 城镇 alone: 城镇's share of the measure
                out[names] = (item, found)
            break
    return out


def _named(text: str, names: tuple[str, ...]) -> str | None:
    found = [name for name in names if name in text]
    return max(found, key=len) if found else None


def _group_before(index: Index, found: Found) -> str:
    """The words from the start of the figure's clause group (after ；, 。 or ：) to it."""
    start = max(found.context.sentence[0], found.spot.start - 120)
    text = index.masked[start : found.spot.start]
    marks = list(_GROUP_MARKS.finditer(text))
    return normal_label(text[marks[-1].end() :] if marks else text)


def _split(
    index: Index, total: Item, tf: Found, parts: list[tuple[Item, Found]], compound: str
) -> Iterator[Relation]:
    if len({item.id for item, _ in parts}) != len(parts):
        return
    last = max(found.spot.end for _, found in parts)
    words = index.quote(tf.context.clause[0], last)
    yield from stated_sum(
        total, tf, parts, score=_SCORE, words=words, because=f": {compound} is made of its parts"
    )

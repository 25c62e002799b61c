"""Binding figures to the words that state a relation between them.

The detectors of asserted relations (占比, 其中, "or 32 per cent") read the report's
words, not its arithmetic: a relation is bound only when the words leave one reading —
the part is the quantity printed just before its share with nothing but rate clauses
between, the whole is the one a 其中 breaks down or the one the words name. When the
binding is in doubt they bind nothing: a wrong rule would be a false alarm.

Chinese cue words are matched in simplified and traditional characters (占/佔, 为/為).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator

from factlint.extract.detectors.base import (
    Index,
    Item,
    counts_alike,
    is_additive,
    is_quantity,
    same_unit,
)
from factlint.extract.pipeline import Found
from factlint.numbers.vocabulary import ABOUT

CLAUSE_MARKS = "，,；;：:。！？!?"
_RELATIVE_CLAUSE = re.compile(
    r"^\s*(?:按可比价(?:格)?计算|可比价)?\s*(?:同比|比上年同期|比上年|比去年同期|比去年|较上年同期|较上年"
    r"|较去年同期|较去年|比[上去]年同期|年均|[环同]比)?\s*"
    r"(?:增长|增長|下降|提高|降低|减少|減少|回落|上升|增加|增幅|增速|下滑|up|down|rose|fell"
    r"|increased|decreased|declined|grew)?\s*(?:了|为|為|达|達)?\s*#+\s*(?:个百分点|個百分點)?\s*$",
    re.IGNORECASE,
)
_ASIDE = re.compile(r"^\s*(?:按可比价格?计算|按可比價格?計算|可比价|扣除价格因素)\s*$")
# 完成28,583万元(自然口径)，占调整预算105.47%，同比增长…: a note in brackets and the share of
# its budget or target still speak of the amount before them
_NOTE = re.compile(r"^\s*[(（][^#()（）]{1,10}[)）]\s*$")
_OF_PLAN = re.compile(
    r"^\s*(?:占|佔|为|為|完成|达到|達到)\s*(?:调整|調整)?(?:年初|年度|全年)?"
    r"(?:预算|預算|计划|計劃|目标|目標|任务|任務)(?:数|數)?的?\s*#+\s*$"
)
# 51 个项目中，: a whole broken down in the next clause
_IN_WHOLE = re.compile(r"#[^#，,。；;]{0,8}中\s*[，,：:]\s*$")
_CHANGE_BEFORE = re.compile(
    r"(?:增加|减少|減少|增长|增長|下降|提高|降低|回落|多|少|增收|减收|減收|增支|减支|減支|up|down|by)了?\s*$",
    re.IGNORECASE,
)
_QIZHONG = re.compile(r"其\s*中|\bof which\b|\bincluding\b", re.IGNORECASE)
# PDF and web text: pinyin glosses after a character (產業(yè)) and stray spaces
_GLOSS = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüɡ ]{1,8}(?:[)）]|$)")
_LABEL_VERBS = ("实现", "實現", "完成", "达到", "達到", "为", "為", "达", "達", "是", "共", "有")
_SHARE_WORD = re.compile("[占佔]")
_PARENS = str.maketrans("", "", "()（）“”\"' \n")


def figures_between(index: Index, start: int, end: int) -> list[tuple[Item, Found]]:
    """The kept figures printed in [start, end), in reading order."""
    starts = index.starts
    first = bisect.bisect_left(starts, start)
    last = bisect.bisect_left(starts, end)
    return index.in_order[first:last]


def unmasked(index: Index, begin: int, end: int, kinds: tuple[str, ...]) -> str:
    """The masked text of [begin, end) with the figures of ``kinds`` printed as words again:
    第一、二、三产业 is a list of names, 一月…二月… name the periods of a list's parts."""
    text = index.masked[begin:end]
    for item, found in figures_between(index, begin, end):
        if item.fact.kind in kinds and found.spot.end <= end:
            at = found.spot.start - begin
            text = text[:at] + found.text + text[at + len(found.text) :]
    return text


def sentence_start(found: Found) -> int:
    return found.context.sentence[0]


def quantity_just_before(index: Index, found: Found, until: int) -> tuple[Item, Found] | None:
    """The quantity the words between it and ``until`` (where the relation's cue begins)
    still speak of: printed in ``found``'s sentence, with only rate clauses (增长 9.1%,
    down 3%) or nothing between. None when another noun phrase intervenes."""
    begin = max(sentence_start(found), until - _BREAKDOWN_REACH)
    earlier = figures_between(index, begin, until)
    for item, other in reversed(earlier):
        if other is found:
            continue
        if is_quantity(item) and item.fact.kind != "date":
            # 工业投资75.11亿元（占总投资的32.1%）: the share in brackets after its part
            gap = index.masked[other.spot.end : until].rstrip().rstrip("(（")
            if _only_rate_clauses(gap):
                return item, other
            return None
        if item.fact.kind in ("amount", "count", "date"):
            return None
    return None


def _only_rate_clauses(gap: str) -> bool:
    pieces = re.split("[" + CLAUSE_MARKS + "]", gap)
    return all(
        not piece.strip()
        or _RELATIVE_CLAUSE.match(piece)
        or _ASIDE.match(piece)
        or _NOTE.match(piece)
        or _OF_PLAN.match(piece)
        for piece in pieces
    )


def whole_broken_down(index: Index, part: Item, pf: Found) -> tuple[Item, Found, str] | None:
    """The whole a 其中 (of which, including, 51 个项目中，) before ``pf`` breaks down, with
    the words that say so.

    The part's label names its whole when one candidate carries it (实现税金 … 其中 …
    实现税金); otherwise only the first part after the cue is bound: to the nearest
    quantity of its unit before a 其中 inside a sentence, to the first of the sentence
    before when 其中 opens one (全年实现地区生产总值1077.9亿元，增长4.5%。其中，第一产业…)."""
    begin = max(sentence_start(pf), pf.spot.start - _BREAKDOWN_REACH)
    text = index.masked[begin : pf.spot.start]
    if _CHANGE_BEFORE.search(text[-12:]):
        return None  # 亏损企业共计73家，比去年同期减少了13家: a change, not a part
    matches = list(_QIZHONG.finditer(text))
    if matches:
        cue = begin + matches[-1].start()
        listed = figures_between(index, cue, pf.spot.start)
        if len(listed) > _LIST_REACH:
            return None
        first = not any(_whole_for(part, item) or item.id == part.id for item, _ in listed)
        inside = _clause_group_before(index, part, begin, cue)
        candidates = inside or [
            pair
            for pair in _previous_sentence(index, pf)
            if _whole_for(part, pair[0]) and not _is_change(index, pair[1])
        ]
        chosen = _by_label(part, pf, candidates, siblings=bool(inside))
        if chosen is None and first and candidates:
            chosen = candidates[-1] if inside else candidates[0]
        if chosen is None:
            return None
        item, found = chosen
        return item, found, index.quote(found.spot.start, pf.spot.end)
    in_whole = None
    for clause_end in _clause_ends(text):
        if _IN_WHOLE.search(text, 0, clause_end):
            in_whole = begin + clause_end
    if in_whole is None:
        return None
    candidates = [pair for pair in figures_between(index, begin, in_whole) if pair[1] is not pf]
    if not candidates or not _whole_for(part, candidates[-1][0]):
        return None
    item, found = candidates[-1]
    gap = index.masked[found.spot.end : in_whole]
    if sum(gap.count(mark) for mark in "，,") > 1:
        return None
    return item, found, index.quote(found.spot.start, pf.spot.end)


def parts_under_wholes(
    index: Index,
) -> Iterator[tuple[int, Item, Found, Item, Found, str]]:
    """Each additive figure that a 其中 (of which, including, …中，) puts under an additive
    whole: its position in ``index.in_order``, the part, the whole and the words between."""
    for position, (part, pf) in enumerate(index.in_order):
        if not is_additive(part):
            continue
        broken = whole_broken_down(index, part, pf)
        if broken is None:
            continue
        whole, wf, words = broken
        # 约1250万人次，其中约620万人次: approximate figures need a tolerance no text gives,
        # so a rule binding them could only be "cannot check" (docs/design.md §3)
        if is_additive(whole) and ABOUT not in (part.figure.qualifier, whole.figure.qualifier):
            yield position, part, pf, whole, wf, words


def _clause_group_before(
    index: Index, part: Item, begin: int, cue: int
) -> list[tuple[Item, Found]]:
    """The candidate wholes before a 其中 inside a sentence: those of the clause group just
    before it (原煤产量…；其中…；精煤产量947.5万吨…；其中 → 精煤产量), else all of them."""
    text = index.masked[begin:cue]
    marks = [at for at, char in enumerate(text) if char in "；;"]
    bounds = [0, *(at + 1 for at in marks), len(text)]
    for start, end in reversed(list(itertools.pairwise(bounds))):
        group = [
            pair
            for pair in figures_between(index, begin + start, begin + end)
            if _whole_for(part, pair[0]) and not _is_change(index, pair[1])
        ]
        if group:
            return group
    return []


def _by_label(
    part: Item, pf: Found, candidates: list[tuple[Item, Found]], siblings: bool = False
) -> tuple[Item, Found] | None:
    """The one candidate whose measure the part's label repeats (实现税金 … 实现税金). In
    the part's own sentence a candidate labelled exactly as the part is a sibling (其中，
    县属企业完成… ；其中，县属企业完成…), not its whole."""
    label = normal_label(pf.context.label)
    if len(label) < 2:
        return None
    named = [
        (item, found)
        for item, found in candidates
        if (other := normal_label(found.context.label))
        and len(other) >= 2
        and (label.endswith(other) or other.endswith(label))
        and not (siblings and other == label)
    ]
    return named[0] if len({item.id for item, _ in named}) == 1 else None


_LIST_REACH = 8  # figures between a 其中 and the part it lists
_BREAKDOWN_REACH = 400  # characters back from a part to its 其中 and whole


def _clause_ends(text: str) -> Iterator[int]:
    for number, char in enumerate(text):
        if char in CLAUSE_MARKS:
            yield number + 1


def _whole_for(part: Item, whole: Item) -> bool:
    return (
        whole.id != part.id
        and is_quantity(whole)
        and same_unit(part, whole)
        and counts_alike(part, whole)
    )


def _is_change(index: Index, found: Found) -> bool:
    """比上年末增加0.1万人: a change, which no 其中 breaks down."""
    return (
        _CHANGE_BEFORE.search(index.masked[max(0, found.spot.start - 12) : found.spot.start])
        is not None
    )


def _previous_sentence(index: Index, found: Found) -> list[tuple[Item, Found]]:
    pairs = index.by_sentence.get((found.section, found.sentence - 1), [])
    return sorted(pairs, key=lambda pair: pair[1].spot.start)


def unglossed(text: str) -> str:
    """Text with the pinyin glosses of PDF and web text dropped (產業(yè) → 產業)."""
    return _GLOSS.sub("", text)


def normal_label(text: str) -> str:
    """A label as compared with words naming it: glosses, quotes, brackets and spaces
    gone, a closing verb (实现, 完成) dropped."""
    text = _GLOSS.sub("", text).translate(_PARENS)
    changed = True
    while changed:
        changed = False
        for verb in _LABEL_VERBS:
            if text.endswith(verb) and len(text) > len(verb) + 1:
                text, changed = text[: -len(verb)], True
    return text


def is_share_label(label: str) -> bool:
    """A label that holds 占 (占农户总数) is a share's words, never the name of a whole."""
    return _SHARE_WORD.search(label) is not None


def fact_named(
    index: Index, name: str, before: int, like: Item | None = None
) -> tuple[Item, Found] | None:
    """The one quantity printed before ``before`` whose label is ``name`` (or ends with
    it); None when no fact or more than one is named so."""
    wanted = normal_label(name)
    if len(wanted) < 2:
        return None
    labels = quantity_labels(index)
    until = bisect.bisect_left(index.starts, before)
    chosen: dict[str, tuple[Item, Found]] = {}
    for positions in (labels.exact(wanted), labels.ending(wanted)):
        for position in positions:
            if position >= until:
                break
            item, found = index.in_order[position]
            if is_share_label(found.context.label or item.fact.label):
                continue  # 拥有电视机农户118户（分别占农户总数的: a part, labelled by its share
            if like is None or _whole_for(like, item):
                chosen.setdefault(item.id, (item, found))
        if chosen:
            break
    if len(chosen) != 1:
        return None
    return next(iter(chosen.values()))


class QuantityLabels:
    """The quantities of a text by their normal label, and by what a label ends with or
    starts with once a closing word of up to two characters is read off (第三產業增加值
    names 第三產業增加值實現): where each is in ``Index.in_order``, so a name is looked up
    rather than compared with every quantity printed before it."""

    def __init__(self, labels: Iterable[tuple[int, str]]) -> None:
        """``labels``: (position, normal label), positions rising."""
        self._by_label: dict[str, list[int]] = {}
        for position, label in labels:
            self._by_label.setdefault(label, []).append(position)
        self._by_part: dict[str, list[str]] = {}
        for label in self._by_label:
            parts = {label[cut:] for cut in range(1, len(label) - 1)}  # endings of 2 or more
            parts.update(label[:-cut] for cut in (1, 2) if len(label) - cut >= 2)
            for part in parts:
                self._by_part.setdefault(part, []).append(label)

    def exact(self, wanted: str) -> list[int]:
        return self._by_label.get(wanted, [])

    def ending(self, wanted: str) -> list[int]:
        """Labels that end with ``wanted``, or are ``wanted`` and up to two characters."""
        labels = self._by_part.get(wanted, [])
        if len(labels) == 1:
            return self._by_label[labels[0]]
        return sorted(position for label in labels for position in self._by_label[label])


def quantity_labels(index: Index) -> QuantityLabels:
    """The quantities of ``index`` by label, built once per text."""
    labels = index.memo.get("quantity-labels")
    if not isinstance(labels, QuantityLabels):
        labels = index.memo["quantity-labels"] = QuantityLabels(
            (position, normal_label(found.context.label or item.fact.label))
            for position, (item, found) in enumerate(index.in_order)
            if is_quantity(item)
        )
    return labels


def expand_list(names: str) -> list[str]:
    """第一、第二、第三产业增加值 → the three labels it abbreviates; 城镇和乡村 → two."""
    pieces = [p for p in re.split(r"、|和|与|與|及|以及|,|，", names) if p.strip()]
    if len(pieces) < 2:
        return []
    ordinals = _ordinal_list(pieces)
    if ordinals:
        return ordinals
    last = pieces[-1]
    heads = {len(p) for p in pieces[:-1]}
    if len(heads) == 1:
        head = heads.pop()
        if len(last) > head:
            tail = last[head:]
            return [p + tail for p in pieces[:-1]] + [last]
    return pieces


_ORDINAL = re.compile(r"^(第?)([一二三四五六七八九十])")


def _ordinal_list(pieces: list[str]) -> list[str]:
    """第一、二、三产业增加值 → 第一产业增加值, 第二产业增加值, 第三产业增加值: numbered
    names share the last one's words and the first one's 第."""
    heads = [_ORDINAL.match(piece) for piece in pieces]
    if any(head is None for head in heads) or any(len(p) > 2 for p in pieces[:-1]):
        return []
    last = heads[-1]
    assert last is not None and heads[0] is not None
    tail, mark = pieces[-1][last.end() :], heads[0].group(1)
    if not tail:
        return []
    return [mark + head.group(2) + tail for head in heads if head is not None]

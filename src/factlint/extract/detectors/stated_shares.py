"""``share`` stated in words: the text says which figure is the part, which the whole.

- 其中新项目39项，占比75.5% — the part printed just before 占比 (rate clauses aside), the
  whole the one 其中 breaks down (签约项目51项，其中…; 51 个项目中，…);
- 工业投资51.7亿元，占全部投资的31.9% / 占年预算30820万元的41.06% — the whole named after
  占: printed inside the words, or the one fact the report labels so;
- 第一、第二、第三产业增加值占GDP的比重分别为6.8%、40.1%、53.1% — each part named in the list;
- "39 of the 51 projects, or 75.5%", "of 291,567 burglaries … 95,872 – or 32 per cent",
  "95,872, or 32% of the 291,567" in English.

The relation is checked whatever its numbers say; a share that fails is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factlint.extract.detectors.base import (
    Index,
    Item,
    Relation,
    is_compared,
    is_countable,
    pct,
    same_unit,
    where,
)
from factlint.extract.detectors.implied_bases import note_unplaced
from factlint.extract.detectors.judging import decide, per_mode, point
from factlint.extract.detectors.named_bases import (
    PLACE_SCOPE,
    core,
    keeps_in_order,
    named_base,
    same_year,
)
from factlint.extract.detectors.wording import (
    expand_list,
    fact_named,
    figures_between,
    is_share_label,
    normal_label,
    quantity_just_before,
    sentence_start,
    unmasked,
    whole_broken_down,
)
from factlint.extract.pipeline import Found

_SCORE = 5.0
_REACH = 64  # characters before a share that may hold its cue words
_ZH_CUE = re.compile(
    r"(?P<lead>[^#，,。；;：:]*?)"
    r"(?:(?P<plain>所?[占佔](?:到|了)?(?:比(?:重|例)?)?|比重|比例)"
    r"|(?P<zhan>[占佔](?:到|了)?)(?P<whole>[^，,。；;：:]{1,30}?)(?:的|之)?"
    r"(?P<measure>比重|比例|份额|份額)?)"
    r"\s*(?P<verb>分别为|分別為|分别是|分別是|分别达到?|分別達到?|为|為|达到|達到|达|達|是|约为"
    r"|約為|约|約)?\s*$"
)
_GDP_NAME = re.compile(
    r"^(?:全市|全县|全縣|全区|全區|全省|全州|全国|全國)?(?:GDP|地区生产总值|地區生產總值|生产总值|生產總值)$",
    re.IGNORECASE,
)
_GDP_LABEL = re.compile(
    r"(?:GDP|地区生产总值|地區生產總值|生产总值|生產總值)(?:实现|實現|完成|为|為|达到?|達到?)?$",
    re.IGNORECASE,
)
_NAMED_PART = 2  # characters of a subject that names its part
_GENERIC = re.compile(r"^(?:总|總|全部|全)(.{2,8})$")
_FILLERS = ("其", "并", "並", "且", "均", "约", "約", "共", "也", "则", "則")
_LIST_JOIN = re.compile(r"^\s*(?:、|和|与|與|及|,|，)\s*$")
_EN_OR = re.compile(
    r"^(?P<noun>[^#]{0,40}?)(?:,|\(|–|—|-|;)?\s*(?:or|representing|equivalent to|i\.e\.)"
    r"(?:\s+(?:about|around|nearly|almost|some|just over|just under))?\s*$",
    re.IGNORECASE,
)
# "39 (75.5%)": the share in brackets right after its part
_EN_BRACKET_OPEN = re.compile(
    r"^\s*\(\s*(?:about\s+|around\s+|nearly\s+|almost\s+)?$", re.IGNORECASE
)
_EN_BRACKET_CLOSE = re.compile(r"^\s*\)")
# "51 projects, of which 39": the whole named before the part it breaks down
_EN_OF_WHICH = re.compile(
    r"^[^#]{0,40}?(?:,|\(|–|—|;)\s*(?:of\s+(?:which|whom|these|them)|including)\s*$",
    re.IGNORECASE,
)
_EN_OF_WHOLE = re.compile(
    r"^\s*(?:[a-z-]+\s+){0,2}?(?:out\s+)?of\s+(?:the\s+|all\s+|a\s+total\s+of\s+)?$",
    re.IGNORECASE,
)
_EN_OF_BEFORE = re.compile(
    r"(?:\bout\s+of\s+(?:the\s+|all\s+)?|\bof\s+(?:the|all|a\s+total\s+of)\s+|^\s*of\s+)$",
    re.IGNORECASE,
)
_EN_OF_AFTER = re.compile(
    r"^\s*of\s+(?:the\s+|all\s+|its\s+|their\s+)?(?:(?:total|estimated|net|annual)\s+)?"
    r"(?:[a-z-]+\s+){0,2}?(?:of\s+)?$",
    re.IGNORECASE,
)
_EN_PART_GAP = re.compile(
    r"^(?:\s*[A-Za-z][\w-]*){0,4}\s*(?:,|\(|–|—|-|;)\s*(?:or\s+)?(?:about\s+)?$", re.IGNORECASE
)


def detect(index: Index) -> Iterator[Relation]:
    for stated, found in index.in_order:
        if stated.figure.kind != "percent" or stated.fact.kind == "growth":
            continue
        if stated.figure.qualifier:
            continue
        yield from _chinese(index, stated, found)
        yield from _english(index, stated, found)


# --------------------------------------------------------------------------- Chinese


def _chinese(index: Index, stated: Item, pf: Found) -> Iterator[Relation]:
    begin = max(pf.context.clause[0], pf.spot.start - _REACH)
    clause = unmasked(index, begin, pf.spot.start, ("rank",))
    if _in_list(index, pf):
        return  # a later share of 分别为 6.8%、40.1%: read with the first
    match = _ZH_CUE.fullmatch(clause) or _ZH_CUE.fullmatch(clause.rsplit("#", 1)[-1])
    if match is None:
        return
    cue_at = pf.spot.start - len(match.group(0)) + len(match.group("lead"))
    lead = _strip_fillers(match.group("lead").strip().lstrip("(（"))
    verb = match.group("verb") or ""
    if match.group("lead").rstrip().endswith(("分别", "分別")):
        return  # 有300户…，有100户…（分别占农户总数的75.0%和25.0%）: paired_shares' list
    if verb.startswith(("分别", "分別")):
        yield from _listed(index, stated, pf, lead, match, cue_at)
        return
    # 民营经济占GDP的比重: the subject named, its figure printed earlier in the sentence
    bound = _named_part(index, pf, lead) if lead else quantity_just_before(index, pf, cue_at)
    if bound is None and not lead:
        bound = _counted_before(index, cue_at)
    if bound is None:
        return
    part, partf = bound
    whole = _whole(index, part, partf, stated, pf, match)
    if whole is None:
        return
    (whole_item, wf), _ = whole
    words = index.quote(min(partf.context.clause[0], wf.spot.start), pf.spot.end)
    yield from share_relation(stated, pf, part, partf, whole_item, wf, words)


def _whole(
    index: Index, part: Item, partf: Found, stated: Item, pf: Found, match: re.Match[str]
) -> tuple[tuple[Item, Found], str] | None:
    if match.group("plain"):
        broken = whole_broken_down(index, part, partf)
        if broken is None or _has_own_share(index, broken[1]):
            return None
        return (broken[0], broken[1]), broken[2]
    name = match.group("whole")
    name_start = pf.spot.start - len(match.string) + match.start("whole")
    inside = figures_between(index, name_start, name_start + len(name))
    if "#" in name:
        if len(inside) != 1 or not _fits_whole(part, inside[0][0], inside=True):
            return None
        return inside[0], name
    named = fact_named(index, name.rstrip("的"), pf.spot.start, like=part)
    if named is None:
        named = _generic_whole(index, part, partf, name.rstrip("的"))
    if named is None and _GDP_NAME.search(name):
        named = _the_gdp(index, part, pf)
    if named is None:
        named = _abbreviated_whole(index, part, partf, pf, name)
    if named is None:
        named = _named_after(index, part, pf, name)
    if named is None:
        named = named_base(index, name, part, partf, pf)
    if named is None:
        words = index.quote(partf.context.clause[0], pf.spot.end)
        note_unplaced(index, name, stated, pf, part, partf, words)
    if named is None or not same_year(index, partf, named[1]):
        return None  # 2019年末总人口 is no base of 2021年's share
    return named, name


def _named_after(index: Index, part: Item, pf: Found, name: str) -> tuple[Item, Found] | None:
    """占固定资产投资总额的比重为38.4%。全市固定资产投资总额为512.6亿元: the whole named in full
    and printed after the share, in its sentence or the next (the only one so labelled)."""
    wanted = normal_label(name.rstrip("的之"))
    if len(wanted) < _NAMED_AFTER:
        return None
    named = {
        item.id: (item, found)
        for item, found, _ in index.near(pf, 1)
        if found.spot.start > pf.spot.start
        and found.sentence <= pf.sentence + 1
        and _fits_whole(part, item)
        and normal_label(found.context.label).endswith(wanted)
    }
    return next(iter(named.values())) if len(named) == 1 else None


_NAMED_AFTER = 4  # characters of a name that binds a whole printed after the share


_TOTAL_WORDS = re.compile(r"[总總]|全部|所有")
_WHOLE_WORDS = re.compile(r"[总總全共]|合计|合計")


def _abbreviated_whole(
    index: Index, part: Item, partf: Found, pf: Found, name: str
) -> tuple[Item, Found] | None:
    """占规上工业总产值的 (规模以上工业总产值), 佔耕地總面積的 (全縣共有耕地面積), 占公司营业总
    收入的 (公司实现营业总收入): a Chinese short name keeps characters of the full one, in
    order, and its last; 总 (全部, 所有) may be added or dropped. The one quantity of the
    part's unit printed from two sentences before the share to the next one whose label
    holds the name so."""
    short = normal_label(name.rstrip("的之"))
    wanted = _TOTAL_WORDS.sub("", short)
    if len(wanted) < 2:
        return None
    named: dict[str, tuple[Item, Found]] = {}
    for item, found, _ in index.near(pf, 2):
        if found.spot.start >= pf.spot.start or found is partf or not _fits_whole(part, item):
            continue
        full = normal_label(found.context.label or item.fact.label)
        if wanted != short and not (
            _WHOLE_WORDS.search(PLACE_SCOPE.sub("", full)) or core(full) == core(short)
        ):
            continue  # 占总人口的: a total, not 乡村人口 (nor 全镇城镇常住人口)
        if not same_year(index, partf, found):
            continue
        label = _TOTAL_WORDS.sub("", full)
        if label and label[-1] == wanted[-1] and keeps_in_order(wanted, label):
            named.setdefault(item.id, (item, found))
    return next(iter(named.values())) if len(named) == 1 else None


_OWN_SHARE = re.compile(r"\s*[，,（(]?\s*(?:所?[占佔](?:比重?)?|比重)\s*(?:为|為|达|達)?\s*#")


def _has_own_share(index: Index, wf: Found) -> bool:
    """60岁及以上人口22182万人，占16.15%，其中65岁及以上人口14374万人，占10.47%: a whole
    with a share of its own is one of the shares of a larger base, and so are its parts."""
    return _OWN_SHARE.match(index.masked, wf.spot.end) is not None


def _named_part(index: Index, pf: Found, name: str) -> tuple[Item, Found] | None:
    """The one quantity printed earlier in the share's sentence whose label holds ``name``
    (民营经济 → 全年实现民营经济增加值); None when the words name none or several."""
    wanted = normal_label(name)
    if len(wanted) < _NAMED_PART:
        return None
    named = {
        item.id: (item, found)
        for item, found in figures_between(index, sentence_start(pf), pf.spot.start)
        if is_countable(item) and wanted in normal_label(found.context.label)
    }
    return next(iter(named.values())) if len(named) == 1 else None


def _the_gdp(index: Index, part: Item, before: Found) -> tuple[Item, Found] | None:
    """占GDP的: the one GDP (地区生产总值, 生产总值, GDP) of the part's unit printed before."""
    found: dict[str, tuple[Item, Found]] = {}
    for item, other in index.in_order:
        if other.spot.start >= before.spot.start:
            break
        label = normal_label(other.context.label)
        if _GDP_LABEL.search(label) and "人均" not in label and _fits_whole(part, item):
            found.setdefault(item.id, (item, other))
    return next(iter(found.values())) if len(found) == 1 else None


def _generic_whole(index: Index, part: Item, partf: Found, name: str) -> tuple[Item, Found] | None:
    """占总投资的: the whole a 其中 before the part breaks down, when its label ends with
    what the words name after 总 (全部, 全): 固定资产投资 … 其中工业投资…（占总投资的32.1%）."""
    generic = _GENERIC.match(name)
    if generic is None:
        return None
    broken = whole_broken_down(index, part, partf)
    if broken is None:
        return None
    whole, wf, _ = broken
    label = normal_label(wf.context.label or whole.fact.label)
    return (whole, wf) if label.endswith(generic.group(1)) else None


def _fits_whole(part: Item, whole: Item, inside: bool = False) -> bool:
    """A whole for ``part``; printed outside the share's words (``inside`` False), one not
    labelled by a share of its own (150戶（占農戶總數的75.0%）: a part, not the whole)."""
    return (
        whole.id != part.id
        and is_countable(whole)
        and same_unit(part, whole)
        and (inside or not is_share_label(whole.fact.label))
    )


def _listed(
    index: Index, first: Item, ff: Found, lead: str, match: re.Match[str], cue_at: int
) -> Iterator[Relation]:
    """第一、第二、第三产业增加值占GDP的比重分别为6.8%、40.1%、53.1%: each part named."""
    shares = [(first, ff), *_list_after(index, ff)]
    names = expand_list(lead)
    if len(names) != len(shares) or match.group("plain"):
        return
    name = match.group("whole")
    if "#" in name:
        return
    parts = [fact_named(index, n, ff.spot.start) for n in names]
    if any(p is None for p in parts):
        return
    bound = [p for p in parts if p is not None]
    if len({item.id for item, _ in bound}) != len(bound):
        return
    whole = fact_named(index, name.rstrip("的"), ff.spot.start, like=bound[0][0])
    if whole is None or any(not _fits_whole(item, whole[0]) for item, _ in bound):
        return
    last = shares[-1][1]
    words = index.quote(cue_at - len(lead), last.spot.end)
    for (part, partf), (stated, sf) in zip(bound, shares, strict=True):
        yield from share_relation(stated, sf, part, partf, whole[0], whole[1], words)


def _list_after(index: Index, found: Found) -> list[tuple[Item, Found]]:
    """The percents joined to ``found`` by 、 / 和: 6.8%、40.1%和53.1%."""
    out: list[tuple[Item, Found]] = []
    position = index.position(found)
    last = found
    for item, other in index.in_order[position + 1 :]:
        if not _LIST_JOIN.match(index.masked[last.spot.end : other.spot.start]):
            break
        if item.figure.kind != "percent":
            return []
        out.append((item, other))
        last = other
    return out


def _in_list(index: Index, found: Found) -> bool:
    position = index.position(found)
    if position == 0:
        return False
    item, before = index.in_order[position - 1]
    joined = _LIST_JOIN.match(index.masked[before.spot.end : found.spot.start])
    return bool(joined) and item.figure.kind == "percent"


# 有242户通有线电视，占农户总数的24.9%: what is counted is said after the count
_COUNTED = re.compile(
    r"(?:^|[，,；;。])\s*[^#，,。；;：:]{0,4}?有\s*#+(?P<what>[^#，,。；;：:()（）]{1,12})[，,]\s*$"
)


def _counted_before(index: Index, cue_at: int) -> tuple[Item, Found] | None:
    begin = max(0, cue_at - _REACH)
    said = _COUNTED.search(index.masked[begin:cue_at])
    if said is None:
        return None
    at = begin + said.start("what")
    counted = [pair for pair in figures_between(index, begin, at) if pair[1].spot.end == at]
    if len(counted) != 1 or not is_countable(counted[0][0]):
        return None
    return counted[0]


def _strip_fillers(lead: str) -> str:
    lead = lead.strip()
    changed = True
    while changed and lead:
        changed = False
        for word in _FILLERS:
            if lead.startswith(word):
                lead, changed = lead[len(word) :].strip(), True
    return lead


# --------------------------------------------------------------------------- English


def _english(index: Index, stated: Item, pf: Found) -> Iterator[Relation]:
    begin = sentence_start(pf)
    earlier = [
        pair
        for pair in figures_between(index, begin, pf.spot.start)
        if pair[1] is not pf and pair[0].fact.kind != "date"
    ]
    if not earlier:
        return
    near, nf = earlier[-1]
    gap = index.masked[nf.spot.end : pf.spot.start]
    after = _next_figure(index, pf)
    if after is not None and _EN_OF_AFTER.match(index.masked[pf.spot.end : after[1].spot.start]):
        # 95,872, or 32% of the 291,567 burglaries
        whole, wf = after
        if is_countable(near) and _EN_PART_GAP.match(gap) and _fits_whole(near, whole):
            words = index.quote(nf.spot.start, wf.spot.end)
            yield from share_relation(stated, pf, near, nf, whole, wf, words)
        return
    said = _EN_OR.match(gap)
    if said is not None and "#" in said.group("noun"):
        return
    if said is None and not (
        _EN_BRACKET_OPEN.match(gap)
        and _EN_BRACKET_CLOSE.match(index.masked[pf.spot.end : pf.spot.end + 4])
    ):
        return
    if not is_countable(near):
        return
    if len(earlier) >= 2:
        part, partf = earlier[-2]
        between = index.masked[partf.spot.end : nf.spot.start]
        if is_countable(part) and _EN_OF_WHOLE.match(between) and _fits_whole(part, near):
            # 39 of the 51 projects, or 75.5%
            words = index.quote(partf.spot.start, pf.spot.end)
            yield from share_relation(stated, pf, part, partf, near, nf, words)
            return
    # of 291,567 burglaries … offenders were caught in 95,872 – or 32 per cent
    for whole, wf in reversed(earlier[:-1]):
        if whole.figure.kind == "percent":
            return  # a share stated before this one: "or 8.1% of sales, compared to … or 5.2%"
        if not is_countable(whole) or _range_end(index, wf):
            continue
        if not _fits_whole(near, whole):
            return  # another quantity of the part's unit stands between
        if _EN_OF_BEFORE.search(index.masked[max(begin, wf.spot.start - 16) : wf.spot.start]):
            # of the 291,567 burglaries, out of 51: the whole the part is taken from
            words = index.quote(wf.spot.start - 7, pf.spot.end)
            yield from share_relation(stated, pf, near, nf, whole, wf, words)
        elif _EN_OF_WHICH.match(index.masked[wf.spot.end : nf.spot.start]):
            # 51 projects, of which 39: the whole named first, then broken down
            words = index.quote(wf.spot.start, pf.spot.end)
            yield from share_relation(stated, pf, near, nf, whole, wf, words)
        return


def _range_end(index: Index, found: Found) -> bool:
    """The 20 of 2019-20: the end of a span of years, not a quantity."""
    before = index.masked[max(0, found.spot.start - 2) : found.spot.start]
    return len(before) == 2 and before[0] == "#" and before[1] in "-–/"


def _next_figure(index: Index, found: Found) -> tuple[Item, Found] | None:
    position = index.position(found)
    if position + 1 >= len(index.in_order):
        return None
    item, other = index.in_order[position + 1]
    if other.sentence != found.sentence or other.section != found.section:
        return None
    return item, other


# --------------------------------------------------------------------------- relation


def share_relation(
    stated: Item,
    sf: Found,
    part: Item,
    pf: Found,
    whole: Item,
    wf: Found,
    words: str,
    masked: str = "",
) -> Iterator[Relation]:
    if is_compared(pf, masked) != is_compared(wf, masked):
        return  # "as compared with $168.1 million, or 17.3% of sales": last year's sales
    decided = decide(per_mode(lambda a, b: a / b, part, whole), stated)
    if decided is None:
        return
    status, would = decided
    value = point(lambda a, b: a / b, part, whole)
    evidence = (
        f"{part.fact.value} / {whole.fact.value} = {pct(value)}, printed {stated.fact.value} "
        f"({where(sf, pf, wf)})"
    )
    rule = {"share": {"part": part.id, "whole": whole.id, "is": stated.id}}
    ids = (part.id, whole.id, stated.id)
    yield Relation(
        "share", ids, status, _SCORE, rule, evidence, stated.fact.value, would, asserted=words
    )

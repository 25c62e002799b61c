"""Changes stated in words: the words bind a level, its change and its rate.

- ``growth-from-increase``: 营业收入120亿元，比上年增加20亿元，增长20.0% — the level, then
  比上年增加 the change, then 增长 the rate, each right after the other; "27.5 million in
  2033, an increase of 5.8 million (27 per cent)";
- ``growth``: "rose 5% to $1.05 billion from $1.00 billion", "up 5% from A to B", "from A
  to B, up 5%", "$1.05 billion, up 5% from $1.00 billion", 由A增长到B，增长5%;
- ``times``: 签约额427.3亿元，是上年200亿元的2.1倍; "$30 million, 3.0 times the $10 million".

A decline word (下降, 减少, fell, down, a decrease of) makes the rate or change one of
decline. The period may be any before (比上年末, 较上月, 与上年同期, 同比, 环比), the rate named
by its noun (增幅为, 降幅), a unit's words run on past the figure (万吨标准煤); the base of
是…的N倍 may carry its name and its year (是农村居民人均可支配收入21380元的, 相当于2015年（28.8亿
元）的). Checked whatever the numbers say; a change that fails is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from factlint.extract.detectors.base import (
    Index,
    Item,
    Relation,
    is_countable,
    is_quantity,
    pct,
    same_unit,
    where,
)
from factlint.extract.detectors.judging import decide, per_mode, point
from factlint.extract.detectors.wording import quantity_just_before
from factlint.extract.pipeline import Found
from factlint.numbers.intervals import Interval

_SCORE = 5.0
# the period a change is on: 比 (较, 較, 与…相比) a period before, or 同比 / 环比
_PERIOD = (
    r"(?:(?:比|较|較|与|與)\s*(?:上年同期|去年同期|上年末|上年底|去年末|去年底|上年|去年|年初"
    r"|上月末?|上季度?末?|上半年|同期)|同比|环比|環比)"
)
# 126.4万吨标准煤，: the words of a unit the figure's own run on past it, before the comma
_UNIT_TAIL = r"(?:[\u4e00-\u9fff]{1,4}(?=\s*[，,]))?"
# 增幅为 9.5%, 降幅达: the rate named by its noun
_RATE_NOUNS = r"增幅|增速|涨幅|漲幅|降幅|跌幅"
_UP_WORDS = r"增加|增长|增長|增产|增產|增收|多|增|提高|上升"
_DOWN_WORDS = r"减少|減少|下降|减产|減產|减收|減收|少|减|減|降低|回落|下滑"
_LEVEL_TO_CHANGE = re.compile(
    r"^\s*"
    + _UNIT_TAIL
    + r"\s*[，,]?\s*"
    + _PERIOD
    + r"\s*(?P<verb>"
    + _UP_WORDS
    + "|"
    + _DOWN_WORDS
    + r")了?\s*$"
)
_CHANGE_TO_RATE = re.compile(
    r"^\s*"
    + _UNIT_TAIL
    + r"\s*[，,]?\s*(?:同比)?\s*(?P<verb>"
    + _UP_WORDS
    + "|"
    + _DOWN_WORDS
    + "|"
    + _RATE_NOUNS
    + r")(?:了|为|為|达|達|是)?\s*$"
)
_FALLING = "减減下降回少跌"  # the first character of a verb of decline (减收, 下降, 回落, 降幅)
_CLAUSE_TO_RATE = re.compile(
    r"^\s*(?:" + _PERIOD + r")?\s*(?P<verb>增长|增長|下降|提高|降低|回落|上升)了?\s*$"
)
_RATE_TO_CHANGE = re.compile(
    r"^\s*[，,]\s*(?:" + _PERIOD + r")?\s*(?P<verb>增加|增收|增支|增产|增產|减少|減少|减收|減收"
    r"|减支|減支|减产|減產|多|少)了?\s*$"
)
_EN_LEVEL_TO_CHANGE = re.compile(
    r"^(?:\s+(?:in|by|at)\s+#+)?\s*,?\s*(?:an?\s+)?(?P<verb>increase|rise|gain|growth|decrease"
    r"|decline|fall|drop|reduction)\s+of\s*$",
    re.IGNORECASE,
)
_EN_CHANGE_TO_RATE = re.compile(r"^\s*(?:\(|,\s*or\s+|or\s+)\s*$", re.IGNORECASE)
_DOWN = re.compile(
    r"(?:" + _DOWN_WORDS + r"|\b(?:fell|fall|falls|dropped|drop|drops|declined|decline|declines"
    r"|decreased|decrease|decreases|down|lower|reduction)\b)",
    re.IGNORECASE,
)
_UP = re.compile(
    r"(?:" + _UP_WORDS + r"|\b(?:rose|rise|rises|increased|increase|increases|up|grew|gained"
    r"|higher|jumped|climbed)\b)",
    re.IGNORECASE,
)
_FROM = re.compile(r"^\s*,?\s*(?:from|由|从|從)\s*$", re.IGNORECASE)
# from A; 由A, 由上年的A, 从2019年的A: the earlier value, its period named
_FROM_BEFORE = re.compile(
    r"(?:\bfrom|(?:由|从|從)\s*(?:上年同期|去年同期|上年末|上年|去年|年初|#+年?(?:末|底)?)?\s*的?)\s*$",
    re.IGNORECASE,
)
_TO = re.compile(
    r"^\s*(?:to|(?:" + _UP_WORDS + "|" + _DOWN_WORDS + r")?(?:到|至))\s*$",
    re.IGNORECASE,
)
# from 289.4 before the change, to 529.4: words of the first value's period between them
_TO_AFTER_WORDS = re.compile(r"^[^.;:!?]{0,60}?(?:,\s*|\s)to\s*$", re.IGNORECASE)
_FROM_AFTER = re.compile(
    r"^\s*,?\s*(?:from|compared\s+(?:with|to)|versus|vs\.?)\s*(?:the\s+)?$",
    re.IGNORECASE,
)
_RATE_AFTER = re.compile(
    r"^\s*[,，(]?\s*(?:or\s+|(?:an?\s+)?(?:increase|rise|gain|decrease|decline|drop|fall)\s+of\s+"
    r"|up\s+|down\s+|(?:同比)?(?:" + _UP_WORDS + "|" + _DOWN_WORDS + r")了?)?\s*$",
    re.IGNORECASE,
)
_RATE_BETWEEN = re.compile(
    r"^\s*[,，(]?\s*(?:up|down|an?\s+(?:increase|rise|gain|decrease|decline|drop|fall)\s+of)\s*$",
    re.IGNORECASE,
)
_TIMES_ZH = re.compile(r"^\s*倍")
_TIMES_EN = re.compile(r"^\s*times\b", re.IGNORECASE)
# A，是 (为, 相当于) [the base's name, its year] B 的 N 倍: the name may be long (是农村居民
# 人均可支配收入21380元的), the base in brackets (为进口额（12.4亿元）的)
_ZH_IS_BEFORE = re.compile(
    r"^\s*[，,]?\s*(?:是|为|為|相当于|相當於)[^#，,。；;：:]{0,16}?(?:[(（]\s*)?$"
)
_ZH_OF = re.compile(r"^\s*[)）]?\s*的\s*$")
_EN_TIMES_BEFORE = re.compile(
    r"^\s*(?:,|\(|—|–)?\s*(?:or\s+|is\s+|was\s+|are\s+|were\s+)?$", re.IGNORECASE
)
_EN_TIMES_AFTER = re.compile(
    r"^\s*times\s+(?:the\s+|its\s+|as\s+(?:much|many|large)\s+as\s+)?$", re.IGNORECASE
)
_ONE = Interval.point(Decimal(1))


def detect(index: Index) -> Iterator[Relation]:
    order = index.in_order
    for position, (item, _) in enumerate(order):
        if item.figure.kind == "percent" and not item.figure.qualifier:
            yield from _increase(index, position)
            yield from _rate_then_change(index, position)
            yield from _from_to(index, position)
        if item.figure.kind == "number" and item.fact.kind == "number":
            yield from _times(index, position)


def _at(index: Index, position: int, found: Found) -> tuple[Item, Found] | None:
    """The figure at ``position`` when it is in ``found``'s sentence."""
    if not 0 <= position < len(index.in_order):
        return None
    item, other = index.in_order[position]
    if other.sentence != found.sentence or other.section != found.section:
        return None
    return item, other


def _gap(index: Index, first: Found, second: Found) -> str:
    return index.masked[first.spot.end : second.spot.start]


# --------------------------------------------------------------------------- increases


def _increase(index: Index, position: int) -> Iterator[Relation]:
    """level, 比上年增加 change, 增长 rate: three figures in a row, bound by the words."""
    rate, rf = index.in_order[position]
    change_at, level_at = _at(index, position - 1, rf), _at(index, position - 2, rf)
    if level_at is not None and level_at[0].fact.kind == "date":
        level_at = _at(index, position - 3, rf)  # 27.5 million in 2033, an increase of …
    if change_at is None or level_at is None:
        return
    (change, cf), (level, lf) = change_at, level_at
    if not (is_countable(change) and is_countable(level) and same_unit(change, level)):
        return
    if level.id == change.id:
        return
    first, second = _gap(index, lf, cf), _gap(index, cf, rf)
    zh = _LEVEL_TO_CHANGE.match(first), _CHANGE_TO_RATE.match(second)
    en = _EN_LEVEL_TO_CHANGE.match(first), _EN_CHANGE_TO_RATE.match(second)
    if zh[0] and zh[1]:
        fell = bool(_DOWN.fullmatch(zh[0].group("verb")))
        rate_word = zh[1].group("verb")
        if rate_word in _RATE_NOUNS.split("|"):
            if rate_word[0] in _FALLING and not fell:
                return  # 增加…降幅: the words disagree with themselves; leave it
        elif fell != bool(_DOWN.fullmatch(rate_word)):
            return  # 增加…下降: the words disagree with themselves; leave it
    elif en[0] and en[1]:
        fell = bool(_DOWN.fullmatch(en[0].group("verb")))
    else:
        return
    yield from increase_relation(index, (level, lf), (change, cf), (rate, rf), fell)


def _rate_then_change(index: Index, position: int) -> Iterator[Relation]:
    """level, 同比增长 rate, 增收 change: the rate first, the change right after it, and
    the level the quantity the rate's clause still speaks of (占调整预算 x% and a note in
    brackets between them are no other noun phrase)."""
    rate, rf = index.in_order[position]
    change_at = _at(index, position + 1, rf)
    if change_at is None:
        return
    change, cf = change_at
    said_change = _RATE_TO_CHANGE.match(_gap(index, rf, cf))
    clause_start = rf.context.clause[0]
    said_rate = _CLAUSE_TO_RATE.match(index.masked[clause_start : rf.spot.start])
    if said_change is None or said_rate is None:
        return
    bound = quantity_just_before(index, rf, clause_start)
    if bound is None:
        return
    level, lf = bound
    if not (is_countable(change) and is_countable(level) and same_unit(change, level)):
        return
    if level.id == change.id or level.figure.number <= 0:
        return
    fell = said_change.group("verb")[0] in _FALLING
    if fell != (said_rate.group("verb")[0] in _FALLING):
        return  # 增长…减少: the words disagree with themselves; leave it
    yield from increase_relation(index, (level, lf), (change, cf), (rate, rf), fell)


def increase_relation(
    index: Index,
    level_at: tuple[Item, Found],
    change_at: tuple[Item, Found],
    rate_at: tuple[Item, Found],
    fell: bool,
) -> Iterator[Relation]:
    """The rate a change over a level gives (change / (level − change)), decided."""
    (level, lf), (change, cf), (rate, rf) = level_at, change_at, rate_at
    if change.figure.number < 0 or rate.figure.number < 0:
        # 减少91万吨，下降2.7%: read with their signs, the words must agree with both
        if not (fell and change.figure.number < 0 and rate.figure.number < 0):
            return
        fell = False  # the signed change: level - change is the year before
    sign = "+" if fell else "-"

    def previous(now: Decimal | Interval, delta: Decimal | Interval) -> Decimal | Interval:
        return now + delta if fell else now - delta  # type: ignore[operator]

    decided = decide(per_mode(lambda n, d: d / previous(n, d), level, change), rate)
    if decided is None:
        return
    status, would = decided
    value = point(lambda n, d: d / previous(n, d), level, change)
    delta = _signed(change.fact.value)
    evidence = (
        f"{delta} / ({level.fact.value} {sign} {delta}) = "
        f"{pct(value)}, printed {rate.fact.value} ({where(rf, lf, cf)})"
    )
    rule = {"check": f"{change.id} / ({level.id} {sign} {change.id}) == {rate.id}"}
    ids = (level.id, change.id, rate.id)
    words = index.quote(min(lf.spot.start, cf.spot.start), max(rf.spot.end, cf.spot.end))
    stated = rate.fact.value
    yield Relation(
        "growth-from-increase",
        ids,
        status,
        _SCORE,
        rule,
        evidence,
        stated,
        would,
        words,
    )


# --------------------------------------------------------------------------- from … to


def _from_to(index: Index, position: int) -> Iterator[Relation]:
    rate, rf = index.in_order[position]
    bound = _from_to_binding(index, position)
    if bound is None:
        return
    (previous, pf), (current, cf), cue = bound
    if not same_unit(previous, current) or previous.id == current.id:
        return
    if not (is_countable(previous) and is_countable(current)):
        return  # from 3.0% to 5.1%, up 2.1%: points or a relative change? leave it
    down = bool(_DOWN.search(cue)) and not _UP.search(cue)
    up = bool(_UP.search(cue)) and not down
    if not (up or down):
        return
    if rate.figure.number < 0 and not down:
        return  # a signed fall the words call a rise
    down = down and rate.figure.number > 0  # fell 10% is read as -10%: no negation
    decided = decide(per_mode(lambda c, p: c / p - _ONE, current, previous), rate, negate=down)
    if decided is None:
        return
    status, would = decided
    value = point(lambda c, p: c / p - 1, current, previous)
    evidence = (
        f"{current.fact.value} / {previous.fact.value} - 1 = {pct(value)}, printed "
        f"{'-' if down else ''}{rate.fact.value} ({where(rf, cf, pf)})"
    )
    if down:
        rule: dict[str, object] = {"check": f"1 - {current.id} / {previous.id} == {rate.id}"}
    else:
        rule = {"growth": {"current": current.id, "previous": previous.id, "is": rate.id}}
    ids = (current.id, previous.id, rate.id)
    spots = (pf.spot.start, cf.spot.start, rf.spot.start)
    words = index.quote(min(spots) - 8, max(pf.spot.end, cf.spot.end, rf.spot.end))
    yield Relation("growth", ids, status, _SCORE, rule, evidence, rate.fact.value, would, words)


def _values_after(
    index: Index, position: int, found: Found
) -> tuple[tuple[Item, Found] | None, tuple[Item, Found] | None]:
    """The next two figures of ``found``'s sentence that are no dates (from $1.00 billion
    in 2019 to …: the year names the value's period)."""
    out: list[tuple[Item, Found] | None] = []
    at = position + 1
    while len(out) < 2:
        pair = _at(index, at, found)
        if pair is None:
            out.append(None)
        elif pair[0].fact.kind != "date":
            out.append(pair)
        at += 1
    return out[0], out[1]


def _from_to_binding(
    index: Index, position: int
) -> tuple[tuple[Item, Found], tuple[Item, Found], str] | None:
    """(previous, current, the words that say up or down) around the rate at ``position``."""
    rf = index.in_order[position][1]
    before = index.masked[max(rf.context.clause[0], rf.spot.start - 12) : rf.spot.start]
    one, two = _values_after(index, position, rf)
    if one is not None and two is not None:
        gap_a, gap_b = _gap(index, rf, one[1]), _gap(index, one[1], two[1])
        if _FROM.match(gap_a) and (
            _TO.match(gap_b) or (rf.text.isascii() and _TO_AFTER_WORDS.match(gap_b))
        ):  # up 5% from A to B; up 5% from A in 2019, before the change, to B
            return one, two, before + gap_b
        if _TO.match(gap_a) and _FROM_AFTER.match(gap_b):  # rose 5% to B from A
            return two, one, before + gap_a
    back_one, back_two = _at(index, position - 1, rf), _at(index, position - 2, rf)
    if back_one is not None and back_two is not None:
        previous, current = back_two, back_one
        lead = index.masked[max(0, previous[1].spot.start - 12) : previous[1].spot.start]
        between, after = (
            _gap(index, previous[1], current[1]),
            _gap(index, current[1], rf),
        )
        said_from = _FROM_BEFORE.search(lead)
        if said_from and _TO.match(between) and _RATE_AFTER.match(after):
            return previous, current, between + after + before  # from A to B, up 5%
    if back_one is not None and one is not None:
        gap_a = _gap(index, back_one[1], rf)
        if _RATE_BETWEEN.match(gap_a) and _FROM_AFTER.match(_gap(index, rf, one[1])):
            return one, back_one, gap_a  # B, up 5% from A
    return None


# --------------------------------------------------------------------------- times


def _times(index: Index, position: int) -> Iterator[Relation]:
    """A，是B的N倍; "A, 3.0 times the B": A = B × N."""
    times, tf = index.in_order[position]
    after = index.masked[tf.spot.end : tf.spot.end + 8]
    if not any(ch.isdigit() for ch in tf.text):
        return  # "three times" in prose is a manner of speaking more often than a claim
    if _TIMES_ZH.match(after):
        other_at = _at(index, position - 1, tf)
        whole_at = _at(index, position - 2, tf)
        if whole_at is not None and whole_at[0].fact.kind == "date":
            whole_at = _at(index, position - 3, tf)  # 相当于2015年（28.8亿元）的: its year
            dated = True
        else:
            dated = False
        if other_at is None or whole_at is None:
            return
        if not _ZH_OF.match(_gap(index, other_at[1], tf)):
            return
        between = _gap(index, whole_at[1], other_at[1])
        if dated:  # the year read as words
            year = index.in_order[position - 2][1]
            at = year.spot.start - whole_at[1].spot.end
            between = between[:at] + year.text + between[at + len(year.text) :]
        if not _ZH_IS_BEFORE.match(between):
            return
        (base, bf), (value, vf) = other_at, whole_at
    elif _TIMES_EN.match(after):
        value_at, base_at = _at(index, position - 1, tf), _at(index, position + 1, tf)
        if value_at is None or base_at is None:
            return
        if not _EN_TIMES_BEFORE.match(_gap(index, value_at[1], tf)):
            return
        if not _EN_TIMES_AFTER.match(_gap(index, tf, base_at[1])):
            return
        (value, vf), (base, bf) = value_at, base_at
    else:
        return
    if not (is_quantity(value) and is_quantity(base) and same_unit(value, base)):
        return
    if value.id == base.id:
        return
    words = index.quote(vf.spot.start, tf.spot.end + 1 + (len(after) - len(after.lstrip())))
    yield from times_relation(
        (value, vf), (base, bf), (times, tf), words, f"{times.fact.value} times"
    )


def times_relation(
    value_at: tuple[Item, Found],
    base_at: tuple[Item, Found],
    times_at: tuple[Item, Found],
    words: str,
    printed: str,
) -> Iterator[Relation]:
    """``times``: value / base is the printed multiple (``printed``: how the evidence names
    it, "3 times" or "2.5-fold")."""
    (value, vf), (base, bf), (times, tf) = value_at, base_at, times_at
    decided = decide(per_mode(lambda a, b: a / b, value, base), times)
    if decided is None:
        return
    status, would = decided
    ratio = point(lambda a, b: a / b, value, base)
    shown = "?" if ratio is None else f"{ratio.quantize(Decimal('0.001'))}"
    evidence = f"{value.fact.value} / {base.fact.value} = {shown}, printed {printed} " + (
        f"({where(tf, vf, bf)})"
    )
    rule = {"check": f"{value.id} / {base.id} == {times.id}"}
    ids = (value.id, base.id, times.id)
    yield Relation("times", ids, status, _SCORE, rule, evidence, times.fact.value, would, words)


def _signed(value: str) -> str:
    return f"({value})" if value.startswith(("-", "−")) else value

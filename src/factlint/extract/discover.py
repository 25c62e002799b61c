"""Find the relations an editor would check among a report's figures, and the near misses.

Only figures the text ties together are tried: printed in the same sentence or in
neighbouring ones of the same section. Each candidate is decided on the intervals the
printed figures stand for (DESIGN.md §3):

- ``share``: part / whole = a stated percent (占比, 开工率, of sales), ``completion`` when
  the percent is over 100 (完成目标任务的 185%);
- ``sum``: parts listed after a total (其中, of which) add up to it;
- ``growth``: current / previous − 1 = a stated rate (to $1.13bn from $639m);
- ``growth-from-increase``: an increase over a level gives the stated rate (218.7万人,
  比上年增加8630人, 增长0.4%);
- ``within``: a part named with 其中 / of which does not exceed its whole;
- ``structure``: the parts of a ratio (三次产业结构 6.8:42.7:50.5) add up to 100, and each
  is the ``share`` of the amounts listed just before it in their total;
- ``difference``: a change stated beside the two values it lies between (revised down by
  72,000, from +336,000 to +264,000; 由60.2%提高到61.5%，提高1.3个百分点), or the gap between
  two rates (分别增长10.6%和9.1%，增速分别比规模以上工业快4.6和3.1个百分点).

A relation that holds becomes a rule in the public rules format, with its evidence in
``message``. One that only nearly holds — consistent only under truncation, off by one
in the last digit, off by a power of ten (万 vs 亿) — is a finding, and its rule is written
too so ``check`` reports it. Candidates are ranked by how strongly the text ties them;
without a cue word and proximity a match is taken for a coincidence and dropped.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from factlint.extract.pipeline import ExtractedFact, Extraction, Found
from factlint.numbers.figures import Figure, format_figure
from factlint.numbers.intervals import DivisionByZeroInterval, Interval
from factlint.numbers.quantities import NeedsTolerance, interval_of, unit_of

HOLDS, TRUNCATION, OFF_BY_ONE, OFF_BY_SCALE, EXCEEDS, MISMATCH = (
    "holds",
    "truncation-only",
    "off-by-one",
    "off-by-scale",
    "exceeds",
    "mismatch",  # figures the words tie beyond doubt (三次产业结构 a:b:c; from X to Y, by C)
)
NEAR_MISSES = (TRUNCATION, OFF_BY_ONE, OFF_BY_SCALE, EXCEEDS, MISMATCH)

_SHARE_CUES = (
    "占比",
    "比重",
    "占",
    "率",
    "的",
    "share",
    "of sales",
    "of revenue",
    "of the",
    "rate",
)
_COMPLETION_CUES = ("完成", "目标", "计划", "target", "goal", "budget")
_SUM_CUES = ("其中", "分别", "包括", "of which", "including", "分产业", "分季度")
_WITHIN_CUES = ("其中", "of which", "including")
_FROM_CUES = ("from", "比上年", "较上年", "比", "较", "由", "compared")
_DECREASE_CUES = ("下降", "减少", "降低", "回落", "decline", "declined", "fell", "fall", "dropped",
                  "down", "slump", "decrease", "lower")  # fmt: skip
_COMPARISON_CUES = ("compared to", "compared with", "versus", " vs", "from", "上年", "去年同期")
_CHANGE_CUES = ("增加", "减少", "increase", "up by", "down by")
_FALL_CUES = ("减少", "down by")
_BY_KIND = re.compile(r"按[^，,。；;]{1,8}分")
_TOTAL_WORDS = ("总", "全", "合计", "total")
_AVERAGES = ("人均", "平均", "均价", "per capita", "per share", "average", "每股")
_MIN_SCORE = 2.0
_MIN_SHARE_SCORE = 4.0
_MAX_DISTANCE = 2
_SCALES = tuple(k for k in range(-8, 9) if k)
_WHOLE = Decimal(1)  # 100%


@dataclass(frozen=True)
class Relation:
    """One discovered relation: a rule in the public format, how it was decided, why."""

    kind: str
    facts: tuple[str, ...]
    status: str
    score: float
    rule: dict[str, object]
    evidence: str
    stated: str  # the printed figure the relation checks; the rule's id is made from it
    suggestion: str = ""

    @property
    def is_finding(self) -> bool:
        return self.status in NEAR_MISSES

    def order_key(self) -> tuple[str, ...]:
        return (self.kind, *self.facts)


@dataclass(frozen=True)
class _Item:
    id: str
    fact: ExtractedFact
    exact: bool
    read_as: Figure | None = None  # 6.8 of 6.8:42.7:50.5 read as 6.8%

    @property
    def figure(self) -> Figure:
        return self.read_as or self.fact.figure


@dataclass
class _Index:
    items: list[_Item]
    flat: str
    by_sentence: dict[tuple[str, int], list[tuple[_Item, Found]]] = field(default_factory=dict)
    in_order: list[tuple[_Item, Found]] = field(default_factory=list)

    def __post_init__(self) -> None:
        for item in self.items:
            for found in item.fact.mentions:
                self.by_sentence.setdefault((found.section, found.sentence), []).append(
                    (item, found)
                )
                self.in_order.append((item, found))
        self.in_order.sort(key=lambda pair: pair[1].spot.start)

    def between(self, first: Found, second: Found) -> str:
        return self.flat[first.spot.end : second.spot.start]

    def near(self, found: Found, distance: int) -> Iterator[tuple[_Item, Found, int]]:
        for step in range(-distance, distance + 1):
            for item, other in self.by_sentence.get((found.section, found.sentence + step), []):
                yield item, other, abs(step)


def discover(
    extraction: Extraction,
    ids: Mapping[str, str] | None = None,
    exact: Mapping[str, bool] | None = None,
) -> list[Relation]:
    """Relations among the facts of ``extraction``, best first.

    ``ids`` renames extracted facts (extracted id → id in a curated facts file); facts
    missing from it are left out. ``exact`` marks facts declared exact (targets)."""
    items = [
        _Item(ids.get(f.id, "") if ids is not None else f.id, f, f.exact) for f in extraction.facts
    ]
    items = [_Item(i.id, i.fact, (exact or {}).get(i.id, i.exact)) for i in items if i.id]
    index = _Index(items, extraction.text.flat)
    found: dict[tuple[str, tuple[str, ...]], Relation] = {}
    for relation in itertools.chain(
        _shares(index),
        _sums(index),
        _growths(index),
        _increases(index),
        _withins(index),
        _structures(index),
        _differences(index),
        _gaps(index),
    ):
        key = (relation.kind, relation.facts)
        if relation.score >= _MIN_SCORE and (key not in found or relation.score > found[key].score):
            found[key] = relation
    chosen = _best_per_claim(list(found.values()))
    return _named(sorted(chosen, key=lambda r: (-r.score, r.order_key())))


# --------------------------------------------------------------------------- deciding


def _interval(item: _Item, mode: str) -> Interval | None:
    try:
        return interval_of(item.figure, mode, exact=item.exact)
    except NeedsTolerance:
        return None


def _judge(
    computed: dict[str, Interval | None], stated: _Item, negate: bool = False
) -> tuple[str, str]:
    """How a computed value (per rounding mode) meets a stated figure, and the figure the
    statement would read under nearest rounding."""
    near, trunc = computed.get("nearest"), computed.get("truncate")
    said_near, said_trunc = _interval(stated, "nearest"), _interval(stated, "truncate")
    if near is None or said_near is None:
        return "", ""
    if negate:
        near, trunc = -near, -trunc if trunc is not None else None
    would = _would_read(near, stated.figure)
    if near.intersects(said_near):
        return HOLDS, ""
    if trunc is not None and said_trunc is not None and trunc.intersects(said_trunc):
        return TRUNCATION, would
    if stated.figure.qualifier:
        return "", ""
    step = stated.figure.unit_in_last_place()
    for sign in (1, -1):
        shifted = Interval.point(stated.figure.base + sign * step)
        if near.intersects(_widen_half(shifted, step)):
            return OFF_BY_ONE, would
    for power in _SCALES:
        scaled = near * Interval.point(Decimal(10) ** power)
        if scaled.intersects(said_near):
            return OFF_BY_SCALE, would
    return "", ""


def _widen_half(point: Interval, step: Decimal) -> Interval:
    return point.widened(step / 2)


def _would_read(near: Interval, like: Figure) -> str:
    if near.lo is None or near.hi is None:
        return ""
    middle = (near.lo + near.hi) / 2
    try:
        return format_figure(middle, like)
    except ValueError:
        return ""


def _computed(function, *items: _Item) -> dict[str, Interval | None]:  # type: ignore[no-untyped-def]
    out: dict[str, Interval | None] = {}
    for mode in ("nearest", "truncate"):
        intervals = [_interval(i, mode) for i in items]
        if any(i is None for i in intervals):
            out[mode] = None
            continue
        try:
            out[mode] = function(*intervals)
        except (DivisionByZeroInterval, ArithmeticError):
            out[mode] = None
    return out


def _point(function, *items: _Item) -> Decimal | None:  # type: ignore[no-untyped-def]
    try:
        return function(*(i.figure.base for i in items))
    except (ArithmeticError, ValueError):
        return None


def _same_unit(*items: _Item) -> bool:
    first = unit_of(items[0].figure)
    return all(unit_of(i.figure) == first for i in items[1:])


def _quantity(item: _Item) -> bool:
    return item.fact.kind in ("amount", "count") and item.figure.qualifier in ("", "about")


def _breakdown(text: str) -> bool:
    """其中, of which, 按消费类型分: the words that open a list of parts."""
    return _has(text, _SUM_CUES) or _BY_KIND.search(text) is not None


def _has(text: str, cues: Sequence[str]) -> bool:
    lowered = text.lower()
    return any(cue in lowered for cue in cues)


def _where(*mentions: Found) -> str:
    first = min(mentions, key=lambda m: m.line)
    lines = sorted({m.line for m in mentions})
    section = f"{first.section} " if first.section else ""
    return f"{section}line {', '.join(map(str, lines))}"


def _pct(value: Decimal | None) -> str:
    if value is None:
        return "?"
    return f"{(value * 100).quantize(Decimal('0.01'))}%"


# --------------------------------------------------------------------------- relations


def _shares(index: _Index) -> Iterator[Relation]:
    for stated in index.items:
        figure = stated.figure
        if figure.kind != "percent" or stated.fact.kind == "growth":
            continue
        for mention in stated.fact.mentions:
            near = [(i, f, d) for i, f, d in index.near(mention, _MAX_DISTANCE) if _quantity(i)]
            for (part, pf, pd), (whole, wf, wd) in itertools.permutations(near, 2):
                if part.id == whole.id or not _same_unit(part, whole) or pd > 1:
                    continue
                yield from _share(stated, mention, part, pf, pd, whole, wf, wd)


def _share(
    stated: _Item, mention: Found, part: _Item, pf: Found, pd: int, whole: _Item, wf: Found, wd: int
) -> Iterator[Relation]:
    completion = stated.figure.base > _WHOLE
    if (part.figure.base > whole.figure.base) != completion:
        return
    if _comparison(pf) != _comparison(wf):
        return  # "$36.3 million (last year) or 5.2% of sales" is not a share of this year's sales
    # 51项 … 六新项目39项，占比76.5%: the whole comes first, then the part, then its
    # share; a completion prints the actual before the target (427.3 … 230 … 185%).
    first, second = (pf, wf) if completion else (wf, pf)
    in_order = first.spot.start < second.spot.start < mention.spot.start
    if not in_order and not _label_tie(stated, part):
        return
    before = mention.context.before + " " + mention.context.after
    cue = _has(before, _COMPLETION_CUES if completion else _SHARE_CUES)
    computed = _computed(lambda a, b: a / b, part, whole)
    status, would = _judge(computed, stated)
    if not status:
        return
    tie = _label_tie(stated, part)
    score = 1.0 + cue + tie + (pd == 0) + (wd <= 1) + (stated.fact.kind == "share")
    if status != HOLDS:
        # a near miss is only worth saying when the words tie the three together
        if not (tie or (completion and cue)) or (status == OFF_BY_SCALE and not tie):
            return
        score -= 0.5
    if score < _MIN_SHARE_SCORE:
        return
    kind = "completion" if completion else "share"
    value = _point(lambda a, b: a / b, part, whole)
    evidence = (
        f"{part.fact.value} / {whole.fact.value} = {_pct(value)}, printed {stated.fact.value} "
        f"({_where(mention, pf, wf)})"
    )
    rule = {kind_key(kind): {"part": part.id, "whole": whole.id, "is": stated.id}}
    ids = (part.id, whole.id, stated.id)
    yield Relation(kind, ids, status, score, rule, evidence, stated.fact.value, would)


def _comparison(found: Found) -> bool:
    """A figure of the period compared with: "compared to $36.3 million", 上年同期."""
    return _has(found.context.before[-16:], _COMPARISON_CUES)


def _label_tie(stated: _Item, part: _Item) -> float:
    a, b = stated.fact.label.lower(), part.fact.label.lower()
    if not a or not b:
        return 0.0
    return 1.0 if b in a or a in b else 0.0


def _sums(index: _Index) -> Iterator[Relation]:
    for total in index.items:
        if not _additive(total):
            continue
        for mention in total.fact.mentions:
            following = [(i, f) for i, f in _following(index, total, mention) if _additive(i)]
            # a total may be broken down more than once (按所在地分 …；按消费类型分 …)
            for begin in range(len(following) - 1):
                before_run = index.between(
                    mention if begin == 0 else following[begin - 1][1], following[begin][1]
                )
                if begin and not _breakdown(before_run):
                    continue
                cue = _breakdown(before_run) or _has(total.fact.label, _TOTAL_WORDS)
                for end in range(begin + 2, len(following) + 1):
                    yield from _sum_candidate(total, mention, following[begin:end], cue)


def _sum_candidate(
    total: _Item, mention: Found, run: list[tuple[_Item, Found]], cue: bool
) -> Iterator[Relation]:
    parts = [item for item, _ in run]
    status, would = _judge(_computed(lambda *xs: _sum(xs), *parts), total)
    if status not in (HOLDS, TRUNCATION, OFF_BY_ONE):
        return
    score = 1.0 + 2 * cue + (len(parts) >= 3) - (status != HOLDS) * 0.5
    value = _point(lambda *xs: sum(xs, Decimal(0)), *parts)
    shown = " + ".join(p.fact.value for p in parts)
    added = "?" if value is None else format_figure(value, total.figure, total.figure.places + 1)
    evidence = (
        f"{shown} = {added}, printed {total.fact.value} "
        f"({_where(mention, *(found for _, found in run))})"
    )
    rule = {"sum": {"parts": [p.id for p in parts], "total": total.id}}
    ids = (total.id, *(p.id for p in parts))
    yield Relation("sum", ids, status, score, rule, evidence, total.fact.value, would)


def _additive(item: _Item) -> bool:
    """Averages (人均, per capita, per share) do not add up, nor bound each other."""
    return _quantity(item) and not _has(item.fact.label, _AVERAGES)


def _sum(intervals: Sequence[Interval]) -> Interval:
    total = intervals[0]
    for interval in intervals[1:]:
        total = total + interval
    return total


def _following(index: _Index, total: _Item, mention: Found) -> list[tuple[_Item, Found]]:
    """Distinct facts of the total's unit printed after it, up to two sentences on."""
    out: list[tuple[_Item, Found]] = []
    seen = {total.id}
    candidates = sorted(
        (
            (f.spot.start, i, f)
            for i, f, _ in index.near(mention, _MAX_DISTANCE)
            if f.spot.start > mention.spot.start
        ),
        key=lambda t: t[0],
    )
    for _, item, found in candidates:
        if item.id in seen or not _quantity(item):
            continue
        if not _same_unit(total, item):
            continue
        seen.add(item.id)
        out.append((item, found))
    return out


def _growths(index: _Index) -> Iterator[Relation]:
    for rate in index.items:
        if rate.fact.kind != "growth" or rate.figure.kind != "percent":
            continue
        for mention in rate.fact.mentions:
            sentence = [(i, f) for i, f, d in index.near(mention, 0) if d == 0 and _quantity(i)]
            text = mention.context.before + mention.context.after
            for (current, cf), (previous, pf) in itertools.permutations(sentence, 2):
                if current.id == previous.id or not _same_unit(current, previous):
                    continue
                if not _has(pf.context.before[-12:], _FROM_CUES):
                    continue
                negate = _has(mention.context.before[-12:], _DECREASE_CUES)
                computed = _computed(
                    lambda c, p: c / p - Interval.point(Decimal(1)), current, previous
                )
                status, would = _judge(computed, rate, negate)
                if status not in (HOLDS, TRUNCATION, OFF_BY_ONE):
                    continue
                value = _point(lambda c, p: c / p - 1, current, previous)
                score = 2.0 + (status == HOLDS) + _has(text, _FROM_CUES)
                evidence = (
                    f"{current.fact.value} / {previous.fact.value} - 1 = {_pct(value)}, printed "
                    f"{'-' if negate else ''}{rate.fact.value} ({_where(mention, cf, pf)})"
                )
                if negate:
                    rule = {"check": f"1 - {current.id} / {previous.id} == {rate.id}"}
                else:
                    rule = {
                        "growth": {"current": current.id, "previous": previous.id, "is": rate.id}
                    }
                ids = (current.id, previous.id, rate.id)
                stated = rate.fact.value
                yield Relation("growth", ids, status, score, rule, evidence, stated, would)


def _increases(index: _Index) -> Iterator[Relation]:
    """218.7万人，比上年增加8630人，增长0.4%: the level, the change just before the rate."""
    for rate in index.items:
        if rate.fact.kind != "growth" or rate.figure.kind != "percent":
            continue
        for mention in rate.fact.mentions:
            before = sorted(
                (f.spot.start, i, f)
                for i, f, d in index.near(mention, 0)
                if d == 0 and _quantity(i) and f.spot.start < mention.spot.start
            )
            if len(before) < 2:
                continue
            _, change, cf = before[-1]
            earlier = [(i, f) for _, i, f in before[:-1] if _same_unit(i, change)]
            if earlier and earlier[-1][0].id != change.id:
                level, lf = earlier[-1]
                yield from _increase(rate, mention, level, lf, change, cf)


def _increase(
    rate: _Item, mention: Found, level: _Item, lf: Found, change: _Item, cf: Found
) -> Iterator[Relation]:
    said = cf.context.before[-6:]
    if not _has(said, _CHANGE_CUES):
        return
    fell = _has(said, _FALL_CUES)
    sign = "+" if fell else "-"

    def previous(now: Decimal | Interval, delta: Decimal | Interval) -> Decimal | Interval:
        return now + delta if fell else now - delta  # type: ignore[operator]

    status, would = _judge(_computed(lambda n, d: d / previous(n, d), level, change), rate)
    if status not in (HOLDS, TRUNCATION, OFF_BY_ONE):
        return
    value = _point(lambda n, d: d / previous(n, d), level, change)
    evidence = (
        f"{change.fact.value} / ({level.fact.value} {sign} {change.fact.value}) = "
        f"{_pct(value)}, printed {rate.fact.value} ({_where(mention, lf, cf)})"
    )
    rule = {"check": f"{change.id} / ({level.id} {sign} {change.id}) == {rate.id}"}
    ids = (level.id, change.id, rate.id)
    score = 3.0 + (status == HOLDS)
    stated = rate.fact.value
    yield Relation("growth-from-increase", ids, status, score, rule, evidence, stated, would)


def _withins(index: _Index) -> Iterator[Relation]:
    for whole in index.items:
        if not _additive(whole):
            continue
        for mention in whole.fact.mentions:
            following = _following(index, whole, mention)
            if not following:
                continue
            part, pf = following[0]
            between = index.between(mention, pf)
            if (
                not _has(between, (*_WITHIN_CUES, "中,", "中，"))
                or pf.sentence - mention.sentence > 1
            ):
                continue
            holds = part.figure.base <= whole.figure.base
            status = HOLDS if holds else EXCEEDS
            evidence = f"{part.fact.value} is part of {whole.fact.value} ({_where(mention, pf)})"
            rule = {"check": f"{part.id} <= {whole.id}"}
            ids = (part.id, whole.id)
            yield Relation("within", ids, status, 2.5, rule, evidence, part.fact.value)


_RATIO_MARKS = (":", "∶")
_STRUCTURE_CUES = ("结构", "比例", "构成", "之比", "structure", "ratio", "split", "mix")
_HUNDRED = Decimal(100)
_PERCENT = Decimal("0.01")
_FROM = re.compile(r"(?:\bfrom|由|从)\s*$", re.IGNORECASE)
_FROM_TO = re.compile(
    r"^\s*(?:to|(?:提高|增加|上升|增长|下降|降低|减少|回落|升|降)?(?:到|至))\s*$", re.IGNORECASE
)
_UP = ("up", "increase", "rose", "higher", "增加", "提高", "上升", "增长", "升")
_DOWN = ("down", "decrease", "declin", "fell", "lower", "减少", "下降", "降低", "回落", "降")
_CHANGE_BEFORE = re.compile(
    r"(?:\bby|\bof|(?:增加|减少|提高|下降|降低|上升|回落|增长)了?)\s*$", re.IGNORECASE
)
_CHANGE_REACH = 60  # characters between a change and the two values it lies between
_GAP = re.compile(r"(分别)?比([^，,。；;#]{2,12}?)(高出|快|高|低|慢|多|少)$")
_GAP_DOWN = ("低", "慢", "少")
_LIST_JOINS = ("和", "、", "与", " and ", ", ")
_GAP_REACH = 6  # sentences back to the rate compared with


def _structures(index: _Index) -> Iterator[Relation]:
    """6.8:42.7:50.5 — the parts of a ratio add up to 100, and each is the share of the
    amounts listed just before it in their total."""
    order = index.in_order
    position = 0
    while position < len(order):
        run = [order[position]]
        while position + len(run) < len(order):
            item, found = order[position + len(run)]
            last = run[-1][1]
            if found.sentence != last.sentence or index.between(last, found) not in _RATIO_MARKS:
                break
            run.append((item, found))
        position += len(run)
        if len(run) < 2 or not all(_plain(item) for item, _ in run):
            continue
        head = run[0][1]
        cue = _has(index.flat[max(0, head.spot.start - 12) : head.spot.start], _STRUCTURE_CUES)
        if len(run) == 2 and not cue:
            continue  # 3:2 is a score or a ratio of two, not parts of a whole
        parts = [dataclasses.replace(item, read_as=_as_percent(item.figure)) for item, _ in run]
        status = _adds_to_hundred(parts)
        if status is None and cue and len(run) >= 3:
            status = MISMATCH  # a named structure of three parts or more: no coincidence
        if status is None:
            continue
        shown = ":".join(item.fact.value for item, _ in run)
        total = _point(lambda *xs: sum(xs, Decimal(0)), *(item for item, _ in run))
        evidence = (
            f"{' + '.join(i.fact.value for i, _ in run)} = {total}, printed as the parts of "
            f"100 ({_where(*[f for _, f in run])})"
        )
        rule = {"check": " + ".join(item.id for item, _ in run) + " == 100"}
        ids = tuple(item.id for item, _ in run)
        score = 2.0 + cue + (len(run) >= 3)
        yield Relation("structure", ids, status, score, rule, evidence, shown)
        yield from _structure_shares(index, run, parts)


def _plain(item: _Item) -> bool:
    figure = item.figure
    return figure.kind == "number" and figure.scale == 1 and not figure.qualifier


def _as_percent(figure: Figure) -> Figure:
    return dataclasses.replace(figure, scale=_PERCENT, kind="percent")


def _adds_to_hundred(parts: list[_Item]) -> str | None:
    computed = _computed(lambda *xs: _sum(xs), *parts)
    near, trunc = computed.get("nearest"), computed.get("truncate")
    whole = Interval.point(_WHOLE)
    if near is None:
        return None
    if near.intersects(whole):
        return HOLDS
    if trunc is not None and trunc.intersects(whole):
        return TRUNCATION
    step = max(p.figure.unit_in_last_place() for p in parts)
    if near.intersects(whole.widened(step)):
        return OFF_BY_ONE
    return None


def _structure_shares(
    index: _Index, run: list[tuple[_Item, Found]], parts: list[_Item]
) -> Iterator[Relation]:
    """The amounts listed just before the ratio, one for each of its parts, in their total
    (地区生产总值1077.9亿元 … 其中第一产业增加值72.8亿元 … 三次产业结构6.8:42.7:50.5)."""
    head = run[0][1]
    before = [
        (item, found)
        for item, found, _ in index.near(head, _MAX_DISTANCE)
        if found.spot.start < head.spot.start and _additive(item)
    ]
    before.sort(key=lambda pair: pair[1].spot.start)
    listed = before[-len(run) - 1 :]
    if len(listed) != len(run) + 1:
        return
    (whole, wf), amounts = listed[0], listed[1:]
    items = [item for item, _ in amounts]
    if not all(_same_unit(whole, item) for item in items) or len({i.id for i in items}) < len(
        items
    ):
        return
    if _judge(_computed(lambda *xs: _sum(xs), *items), whole)[0] not in (HOLDS, TRUNCATION):
        return  # the parts listed are not the breakdown of that total
    for (part, pf), stated, (share, sf) in zip(amounts, parts, run, strict=True):
        computed = _computed(lambda a, b: a / b, part, whole)
        status, would = _judge(computed, stated)
        if not status:
            continue
        value = _point(lambda a, b: a / b, part, whole)
        evidence = (
            f"{part.fact.value} / {whole.fact.value} = {_pct(value)}, printed "
            f"{share.fact.value} of {':'.join(i.fact.value for i, _ in run)} "
            f"({_where(sf, pf, wf)})"
        )
        rule = {"check": f"{part.id} / {whole.id} * 100 == {share.id}"}
        ids = (part.id, whole.id, share.id)
        suggestion = would.rstrip("%") if would else ""
        yield Relation("share", ids, status, 4.5, rule, evidence, share.fact.value, suggestion)


def _differences(index: _Index) -> Iterator[Relation]:
    """revised down by 72,000, from +336,000 to +264,000; 由60.2%提高到61.5%，提高1.3个百分点:
    a stated change beside the two values it lies between."""
    order = index.in_order
    for number in range(len(order) - 1):
        (old, of), (new, nf) = order[number], order[number + 1]
        if of.sentence != nf.sentence or old.id == new.id:
            continue
        if not _FROM.search(index.flat[max(0, of.spot.start - 8) : of.spot.start]):
            continue
        if not _FROM_TO.match(index.between(of, nf)) or not _same_unit(old, new):
            continue
        change = _change_beside(index, number, of, nf)
        if change is None:
            continue
        item, cf = change
        said = cf.context.before[-16:].lower() + index.between(of, nf)
        down = _has(said, _DOWN) and not _has(said, _UP)
        up = _has(said, _UP) and not down
        if not (up or down):
            down = new.figure.base < old.figure.base
        first, second = (old, new) if down else (new, old)
        status, would = _judge(_computed(lambda a, b: a - b, first, second), item)
        if not status and item.figure.kind == "percent" and old.figure.kind == "percent":
            continue  # up 70 percent, from 3.0 percent to 5.1 percent: a growth, not a gap
        status = status or MISMATCH  # from X to Y, by C: the words leave no doubt
        value = _point(lambda a, b: a - b, first, second)
        shown = "?" if value is None else format_figure(value, item.figure, item.figure.places)
        evidence = (
            f"{first.fact.value} - {_signed(second.fact.value)} = {shown}, printed "
            f"{item.fact.value} ({_where(of, nf, cf)})"
        )
        rule = {"check": f"{first.id} - {second.id} == {item.id}"}
        ids = (old.id, new.id, item.id)
        score = 3.0 + (status == HOLDS)
        yield Relation("difference", ids, status, score, rule, evidence, item.fact.value, would)


def _signed(value: str) -> str:
    return f"({value})" if value.startswith(("-", "−")) else value


def _change_beside(index: _Index, number: int, of: Found, nf: Found) -> tuple[_Item, Found] | None:
    """The change stated nearest to the pair, in its sentence, after a cue (by, 提高)."""
    order = index.in_order
    old, new = order[number][0], order[number + 1][0]
    best: tuple[int, _Item, Found] | None = None
    for at in (number - 1, number + 2):
        if not 0 <= at < len(order):
            continue
        item, found = order[at]
        if found.sentence != of.sentence or item.id in (old.id, new.id):
            continue
        if not _CHANGE_BEFORE.search(found.context.before[-12:]):
            continue
        if not (_same_unit(item, old) and _change_kind(item, old)):
            continue
        distance = of.spot.start - found.spot.end if at < number else found.spot.start - nf.spot.end
        if distance <= _CHANGE_REACH and (best is None or distance < best[0]):
            best = (distance, item, found)
    return None if best is None else (best[1], best[2])


def _change_kind(change: _Item, value: _Item) -> bool:
    """A change is counted as its values are, or in points between percents."""
    kinds = (value.figure.kind, change.figure.kind)
    return kinds[0] == kinds[1] or kinds in (("percent", "points"), ("number", "number"))


def _gaps(index: _Index) -> Iterator[Relation]:
    """分别增长10.6%和9.1%，增速分别比规模以上工业快4.6和3.1个百分点: each rate exceeds the
    rate named after 比 (printed before, under that name) by the gap stated."""
    order = index.in_order
    for number, (_, found) in enumerate(order):
        cue = _GAP.search(found.context.before[-24:])
        if cue is None:
            continue
        gaps = _listed(index, number)
        if not gaps or gaps[-1][0].figure.kind != "points":
            continue
        named, down = cue.group(2), cue.group(3) in _GAP_DOWN
        base = _rate_named(index, found, named)
        if base is None:
            continue
        clause_start = found.spot.start - len(found.context.before) + cue.start()
        rates = sorted(
            (
                (item, f)
                for item, f, _ in index.near(found, 0)
                if f.spot.start < clause_start
                and item.figure.kind == "percent"
                and item.id != base[0].id
            ),
            key=lambda pair: pair[1].spot.start,
        )
        if len(rates) < len(gaps) or (len(gaps) > 1 and not cue.group(1)):
            continue
        for (rate, rf), (gap, gf) in zip(rates[-len(gaps) :], gaps, strict=True):
            yield from _gap(rate, rf, base, gap, gf, down)


def _listed(index: _Index, number: int) -> list[tuple[_Item, Found]]:
    """The figure at ``number`` and those joined to it by 和 / 、 (4.6和3.1个百分点); plain
    numbers take the points of the last one."""
    order = index.in_order
    run = [order[number]]
    while number + len(run) < len(order):
        item, found = order[number + len(run)]
        if index.between(run[-1][1], found) not in _LIST_JOINS:
            break
        run.append((item, found))
    unit = run[-1][0].figure
    if unit.kind != "points":
        return run
    out = []
    for item, found in run:
        if _plain(item):
            item = dataclasses.replace(
                item, read_as=dataclasses.replace(item.figure, scale=unit.scale, kind="points")
            )
        if item.figure.kind != "points":
            return []
        out.append((item, found))
    return out


def _rate_named(index: _Index, found: Found, named: str) -> tuple[_Item, Found] | None:
    """The nearest rate printed before ``found`` whose label holds ``named`` (规模以上工业)."""
    earlier = [
        (other.spot.start, item, other)
        for item, other, _ in index.near(found, _GAP_REACH)
        if other.spot.start < found.spot.start
        and item.figure.kind == "percent"
        and named in other.context.label
    ]
    if not earlier:
        return None
    _, item, other = max(earlier, key=lambda t: t[0])
    return item, other


def _gap(
    rate: _Item,
    rf: Found,
    base: tuple[_Item, Found],
    gap: _Item,
    gf: Found,
    down: bool,
) -> Iterator[Relation]:
    other, of = base
    first, second = (other, rate) if down else (rate, other)
    status, would = _judge(_computed(lambda a, b: a - b, first, second), gap)
    if not status:
        return
    value = _point(lambda a, b: a - b, first, second)
    shown = "?" if value is None else format_figure(value, gap.figure, gap.figure.places)
    evidence = (
        f"{first.fact.value} - {second.fact.value} = {shown}, printed {gap.fact.value} "
        f"({_where(rf, of, gf)})"
    )
    printed = gap.fact.figure
    scaled = gap.figure.scale != printed.scale
    right = f"{gap.id} / {int(1 / gap.figure.scale)}" if scaled else gap.id
    rule = {"check": f"{first.id} - {second.id} == {right}"}
    ids = (rate.id, other.id, gap.id)
    yield Relation("difference", ids, status, 3.5, rule, evidence, gap.fact.value, would)


def kind_key(kind: str) -> str:
    return "share" if kind in ("share", "completion") else kind


# --------------------------------------------------------------------------- choosing


def _best_per_claim(relations: list[Relation]) -> list[Relation]:
    """One explanation per stated figure: the best-tied candidate, a relation that holds
    before a near miss. Sums and containments are kept as they are."""
    best: dict[str, Relation] = {}
    rest: list[Relation] = []
    for relation in relations:
        if relation.kind in ("sum", "within", "structure"):
            rest.append(relation)
            continue
        claim = relation.facts[-1]
        current = best.get(claim)
        if current is None or _rank(relation) > _rank(current):
            best[claim] = relation
    sums = _best_sums(rest)
    summed = {r.facts[0] for r in sums if r.kind == "sum" and r.status == HOLDS}
    kept = [r for r in sums if not (r.kind == "within" and r.facts[1] in summed)]
    return [*best.values(), *kept]


def _rank(relation: Relation) -> tuple[int, float]:
    return (relation.status == HOLDS, relation.score)


def _best_sums(relations: list[Relation]) -> list[Relation]:
    """Per total, the breakdowns that hold, longest first, using each part once."""
    out = [r for r in relations if r.kind != "sum"]
    by_total: dict[str, list[Relation]] = {}
    for relation in relations:
        if relation.kind == "sum":
            by_total.setdefault(relation.facts[0], []).append(relation)
    for candidates in by_total.values():
        used: set[str] = set()
        for relation in sorted(candidates, key=lambda r: (_rank(r), len(r.facts)), reverse=True):
            parts = set(relation.facts[1:])
            if parts & used:
                continue
            used |= parts
            out.append(relation)
    return out


def _named(relations: list[Relation]) -> list[Relation]:
    """Give each rule a stable kebab-case id from its kind and the figure it checks."""
    used: set[str] = set()
    out = []
    for relation in relations:
        base = f"{relation.kind}-{_ascii(relation.stated)}".strip("-")
        rule_id, number = base, 2
        while rule_id in used:
            rule_id, number = f"{base}-{number}", number + 1
        used.add(rule_id)
        rule: dict[str, object] = {"id": rule_id, **relation.rule}
        severity = "warning" if relation.status in (TRUNCATION,) else "error"
        rule["severity"] = severity
        rule["message"] = _message(relation)
        rule["tags"] = ["discovered", relation.kind]
        out.append(dataclasses.replace(relation, rule=rule))
    return out


def _message(relation: Relation) -> str:
    note = {
        HOLDS: "",
        TRUNCATION: " — consistent only if the figures were truncated, not rounded",
        OFF_BY_ONE: " — off by one in the last digit",
        OFF_BY_SCALE: " — off by a power of ten (a 万/亿 or thousand/million slip?)",
        EXCEEDS: " — the part exceeds the whole",
        MISMATCH: " — the figures do not agree",
    }[relation.status]
    would = f"; would read {relation.suggestion}" if relation.suggestion else ""
    return f"discovered {relation.kind}: {relation.evidence}{note}{would}"


def _ascii(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("%", "pct")).strip("-")

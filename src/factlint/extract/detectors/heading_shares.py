"""``share`` of each part a heading lists, of the whole the heading names; ``sum`` of the
parts whose shares make up the whole.

The heading is a name (总人口中，) or a quantity broken down (农村经济总收入3158万元，其中：种植业
收入1665万元，占总收入的49.5%；林业收入3万元；…): a part may go without a share (林业收入3万元),
an aside in brackets after a share is passed over, and a share that names its base (占总收入的)
must name the heading's whole.

总人口中，男性2100人，占52.5%；女性1900人，占47.5%。14岁以下600人，占15.0%；15—64岁2800人，
占70.0%；65岁以上600人，占15.0%。 — 总人口中 names the whole (the one quantity the text prints
as 总人口, ``named_bases``), and each "part, 占 share" after it, sentence after sentence until
another kind of clause, is a share of it: asserted by 占, so a share that fails is an error.
Shares of one heading that add up to 100% in a row (52.5 + 47.5; 15.0 + 70.0 + 15.0) say
their parts divide the whole, so those parts must add up to it: that sum is the numbers'
say (the words never state it), a warning when it fails.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from decimal import Decimal

from factlint.extract.detectors.base import (
    WHOLE,
    Index,
    Item,
    Relation,
    counts_alike,
    is_additive,
    is_countable,
    same_unit,
)
from factlint.extract.detectors.judging import stated_sum
from factlint.extract.detectors.named_bases import named_base, names_label
from factlint.extract.detectors.stated_shares import share_relation
from factlint.extract.detectors.wording import quantity_just_before, unmasked
from factlint.extract.pipeline import Found

_SCORE = 5.0
_NAMED = re.compile(r"(?P<name>[^#\d\s，,。；;：:、()（）其]{2,10})中\s*[，,：:]")
_BROKEN_DOWN = re.compile(r"#\s*[，,]?\s*其\s*中\s*[，,：:]?")
_SHARE_CUE = re.compile(
    r"^\s*[，,]?\s*所?(?:占|佔)\s*(?P<name>[^#，,。；;：:]{0,12}?)\s*的?\s*(?:比重|比例)?\s*"
    r"(?:为|為|达|達)?\s*$"
)
_NEXT_PART = re.compile(r"^[^#，,。；;：:]{0,4}[，,；;、][^#，,。；;：:]{0,16}$")
_SKIPPED = ("number", "date", "rank")  # 18—35歲, 60歲以上, 第二、三產業: names of the parts
_RUN = 16  # parts a heading may list
Entry = tuple[tuple[Item, Found], tuple[Item, Found] | None]  # a part and its share, if any


def detect(index: Index) -> Iterator[Relation]:
    for heading in _NAMED.finditer(index.masked):
        entries = _entries_after(index, heading.end())
        if not _shared(entries):
            continue
        part, pf = entries[0][0]
        whole = named_base(index, heading["name"], part, pf, pf)
        if whole is not None:
            yield from _relations(index, f"{heading['name']}中", entries, whole)
    for heading in _BROKEN_DOWN.finditer(index.masked):
        entries = _entries_after(index, heading.end())
        if not _shared(entries):
            continue
        # 全村经济总收入2000万元，比上年增长6.0%，其中：the quantity before, rate clauses aside
        whole = quantity_just_before(index, entries[0][0][1], heading.start() + 1)
        if whole is not None and is_additive(whole[0]):
            yield from _relations(index, "其中", entries, whole)


def _shared(entries: list[Entry]) -> bool:
    return sum(share is not None for _, share in entries) >= 2


def _relations(
    index: Index, heading: str, entries: list[Entry], whole: tuple[Item, Found]
) -> Iterator[Relation]:
    if any(part.id == whole[0].id for (part, _), _ in entries):
        return
    if not all(_names_whole(index, share, whole, part) for part, share in entries):
        return
    if not all(same_unit(part, whole[0]) for (part, _), _ in entries):
        return
    yield from _shares(index, heading, entries, whole)
    yield from _sums(entries, whole)


def _entries_after(index: Index, begin: int) -> list[Entry]:
    """The parts printed one after another from ``begin`` in one line, each with the share
    占 gives it right after it (or none), asides in brackets passed over."""
    entries: list[Entry] = []
    part: tuple[Item, Found] | None = None
    at, depth = begin, 0
    for item, found in index.in_order[bisect.bisect_left(index.starts, begin) :]:
        gap = index.masked[at : found.spot.start]
        if "\n" in gap:
            break
        depth = max(0, depth + sum(gap.count(c) for c in "(（") - sum(gap.count(c) for c in ")）"))
        at = found.spot.end
        if depth or item.fact.kind in _SKIPPED:
            continue
        first = entries[0][0][0] if entries else part[0] if part else None
        if first is not None and item.fact.kind == "count" and not counts_alike(first, item):
            continue  # 有苗、瑶等8个少数民族，共75人: a count of other things names the part
        if part is not None:
            between = unmasked(index, part[1].spot.end, found.spot.start, (*_SKIPPED, "count"))
            if item.figure.kind == "percent" and _SHARE_CUE.match(between):
                entries.append((part, (item, found)))
                part = None
                continue
            if not (_is_part(item) and _NEXT_PART.match(between)):
                break
            entries.append((part, None))  # 林业收入3万元；: a part with no share of its own
        if not _is_part(item) or len(entries) >= _RUN:
            break
        part = (item, found)
    while entries and entries[-1][1] is None:
        entries.pop()
    return entries


def _is_part(item: Item) -> bool:
    return is_countable(item) and item.figure.kind != "percent"


def _names_whole(
    index: Index,
    share: tuple[Item, Found] | None,
    whole: tuple[Item, Found],
    part: tuple[Item, Found],
) -> bool:
    """A share that names its base (占总收入的) names the heading's whole."""
    if share is None:
        return True
    cue = _SHARE_CUE.match(index.masked[part[1].spot.end : share[1].spot.start])
    name = cue["name"] if cue else ""
    if not name:
        return True
    return named_base(index, name, part[0], part[1], share[1]) == whole or names_label(
        index, whole, name
    )


def _shares(
    index: Index, heading: str, entries: list[Entry], whole: tuple[Item, Found]
) -> Iterator[Relation]:
    for (part, pf), share in entries:
        if share is None:
            continue
        stated, sf = share
        words = f"{heading} … {index.quote(pf.context.clause[0], sf.spot.end)}"
        yield from share_relation(stated, sf, part, pf, whole[0], whole[1], words)


def _sums(entries: list[Entry], whole: tuple[Item, Found]) -> Iterator[Relation]:
    """Parts in a row whose shares add up to 100% must add up to the whole (a part printed
    without a share between them is one of them)."""
    start = 0
    while start < len(entries):
        total, slack = Decimal(0), Decimal(0)
        for end in range(start, len(entries)):
            share = entries[end][1]
            if share is None:
                continue
            total += share[0].figure.base
            slack += share[0].figure.unit_in_last_place() / 2
            if abs(total - WHOLE) <= slack:
                yield from _sum(entries[start : end + 1], whole)
                start = end
                break
            if total - slack > WHOLE:
                break
        start += 1


def _sum(group: list[Entry], whole: tuple[Item, Found]) -> Iterator[Relation]:
    parts = [part for part, _ in group]
    if len(parts) >= 2 and all(is_additive(p) for p, _ in [*parts, whole]):
        because = ": their shares add up to 100%"
        # the words state each share, not the sum: inferred, a warning when it fails
        yield from stated_sum(*whole, parts, score=_SCORE, words="", because=because)

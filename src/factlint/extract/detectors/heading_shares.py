"""``share`` of each part a heading lists, of the whole the heading names; ``sum`` of the
parts whose shares make up the whole.

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
    is_additive,
    is_countable,
)
from factlint.extract.detectors.judging import stated_sum
from factlint.extract.detectors.named_bases import named_base
from factlint.extract.detectors.stated_shares import share_relation
from factlint.extract.pipeline import Found

_SCORE = 5.0
_HEADING = re.compile(r"(?P<name>[^#\d\s，,。；;：:、()（）其]{2,10})中\s*[，,：:]")
_SHARE_CUE = re.compile(r"^\s*[，,]?\s*(?:所)?(?:占|佔)\s*(?:比重?|比例)?\s*(?:为|為|达|達)?\s*$")
_SKIPPED = ("number", "date")  # 18—35歲, 60歲以上: the names of the parts
_RUN = 16  # pairs a heading may list


def detect(index: Index) -> Iterator[Relation]:
    headings = list(_HEADING.finditer(index.masked))
    for number, heading in enumerate(headings):
        until = headings[number + 1].start() if number + 1 < len(headings) else len(index.masked)
        pairs = _pairs_after(index, heading.end(), until)
        if not pairs:
            continue
        part, pf = pairs[0][0]
        whole = named_base(index, heading["name"], part, pf, pf)
        if whole is None or any(p.id == whole[0].id for (p, _), _ in pairs):
            continue
        yield from _shares(index, heading, pairs, whole)
        yield from _sums(pairs, whole)


def _pairs_after(
    index: Index, begin: int, until: int
) -> list[tuple[tuple[Item, Found], tuple[Item, Found]]]:
    """The "part, 占 share" pairs printed one after another from ``begin``, in one line."""
    pairs: list[tuple[tuple[Item, Found], tuple[Item, Found]]] = []
    part: tuple[Item, Found] | None = None
    at = begin
    for item, found in index.in_order[_first_at(index, begin) :]:
        if found.spot.start >= until or "\n" in index.masked[at : found.spot.start]:
            break
        if item.fact.kind in _SKIPPED and part is None:
            at = found.spot.end
            continue
        if part is None:
            if not is_countable(item) or item.figure.kind == "percent":
                break
            part = (item, found)
        else:
            between = index.masked[part[1].spot.end : found.spot.start]
            if item.figure.kind != "percent" or not _SHARE_CUE.match(between):
                break
            pairs.append((part, (item, found)))
            part = None
        at = found.spot.end
        if len(pairs) >= _RUN:
            break
    return pairs


def _first_at(index: Index, begin: int) -> int:
    return bisect.bisect_left(index.starts, begin)


def _shares(
    index: Index,
    heading: re.Match[str],
    pairs: list[tuple[tuple[Item, Found], tuple[Item, Found]]],
    whole: tuple[Item, Found],
) -> Iterator[Relation]:
    for (part, pf), (stated, sf) in pairs:
        words = f"{heading['name']}中 … {index.quote(pf.context.clause[0], sf.spot.end)}"
        yield from share_relation(stated, sf, part, pf, whole[0], whole[1], words)


def _sums(
    pairs: list[tuple[tuple[Item, Found], tuple[Item, Found]]], whole: tuple[Item, Found]
) -> Iterator[Relation]:
    """Parts in a row whose shares add up to 100% must add up to the whole."""
    start = 0
    while start < len(pairs):
        total, low = Decimal(0), Decimal(0)
        for end in range(start, len(pairs)):
            share = pairs[end][1][0].figure
            total += share.base
            low += share.unit_in_last_place() / 2
            if abs(total - WHOLE) <= low:
                yield from _sum(pairs[start : end + 1], whole)
                start = end
                break
            if total - low > WHOLE:
                break
        start += 1


def _sum(
    group: list[tuple[tuple[Item, Found], tuple[Item, Found]]], whole: tuple[Item, Found]
) -> Iterator[Relation]:
    parts = [part for part, _ in group]
    if len(parts) >= 2 and all(is_additive(p) for p, _ in [*parts, whole]):
        because = ": their shares add up to 100%"
        # the words state each share, not the sum: inferred, a warning when it fails
        yield from stated_sum(*whole, parts, score=_SCORE, words="", because=because)

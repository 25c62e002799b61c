"""``share`` of each item of a list whose items print their share in brackets.

- "Green 412 (51.5%), Red 300 (37.5%), Blue 88 (11.0%)" — election results, survey
  answers, a breakdown by region: each count is followed by its share, the first figure in
  its brackets (a change may follow it there: "412 (51.5%, +4.0%)");
- 城区1200户（占60.0%）、乡镇800户（占40.0%） — the same in Chinese, with or without 占.

When the shares printed add up to 100% (within their rounding) the list is the whole they
are shares of, so each share is its count over the sum of the counts. The brackets state
the relation: it is checked whatever its numbers say, and a share that does not match its
count is an error. A list whose shares do not add up to 100% names no whole and binds
nothing (its shares may be of a total printed elsewhere).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from factlint.extract.detectors.base import (
    WHOLE,
    Index,
    Item,
    Relation,
    is_countable,
    pct,
    same_unit,
    where,
)
from factlint.extract.detectors.judging import add_all, decide, per_mode, point
from factlint.extract.pipeline import Found
from factlint.numbers.intervals import Interval

_SCORE = 5.0
# between a count and its share: an opening bracket, perhaps 占 / 占比 / or
_OPENS_SHARE = re.compile(r"^\s*[(（]\s*(?:占比?|佔比?|or\s+)?\s*$", re.IGNORECASE)
# after a share, to the end of its brackets: anything but another bracket or a sentence end
_REST_OF_BRACKETS = re.compile(r"^[^()（）。;；]*[)）]")
# from the closing bracket to the next item's count: a separator, then the item's name (no
# figure, no sentence end; a name may carry a bracket of its own: Independent (Lowther))
_NEXT_ITEM = re.compile(
    r"^\s*(?:[,，、;；]\s*(?:and\s+|和|及|与|與)?|and\s+|和|及|与|與)"
    r"(?:[^#.。:：;；!?！？]|\.(?=\S)){0,60}$",
    re.IGNORECASE,
)
_MAX_ITEMS = 20


def detect(index: Index) -> Iterator[Relation]:
    entries = _entries(index)
    for run in _runs(index, entries):
        yield from _shares_of_list(index, run)


def _entries(index: Index) -> list[tuple[tuple[Item, Found], tuple[Item, Found], int]]:
    """Each count followed by its bracketed share: (count, share, where its brackets end)."""
    out = []
    order = index.in_order
    for position in range(len(order) - 1):
        (count, cf), (share, sf) = order[position], order[position + 1]
        if not _is_count(count) or not _is_share(share, sf):
            continue
        if not _OPENS_SHARE.match(index.masked[cf.spot.end : sf.spot.start]):
            continue
        closing = _REST_OF_BRACKETS.match(index.masked[sf.spot.end : sf.spot.end + 80])
        if closing is None:
            continue
        out.append(((count, cf), (share, sf), sf.spot.end + closing.end()))
    return out


def _is_count(item: Item) -> bool:
    return is_countable(item) and item.figure.kind != "percent" and item.figure.number >= 0


def _is_share(item: Item, found: Found) -> bool:
    figure = item.figure
    return (
        figure.kind == "percent"
        and not figure.qualifier
        and figure.number >= 0
        and not found.text.lstrip().startswith("+")
    )


def _runs(
    index: Index, entries: list[tuple[tuple[Item, Found], tuple[Item, Found], int]]
) -> Iterator[list[tuple[tuple[Item, Found], tuple[Item, Found]]]]:
    run: list[tuple[tuple[Item, Found], tuple[Item, Found]]] = []
    closed = 0
    for count, share, end in entries:
        if run and not (
            count[1].spot.start >= closed
            and _NEXT_ITEM.match(index.masked[closed : count[1].spot.start])
            and same_unit(run[0][0][0], count[0])
            and len(run) < _MAX_ITEMS
        ):
            yield run
            run = []
        run.append((count, share))
        closed = end
    if run:
        yield run


def _shares_of_list(
    index: Index, run: list[tuple[tuple[Item, Found], tuple[Item, Found]]]
) -> Iterator[Relation]:
    if len(run) < 2:
        return
    counts = [count for (count, _), _ in run]
    shares = [share for _, (share, _) in run]
    ids = [item.id for item in (*counts, *shares)]
    if len(set(ids)) != len(ids):
        return  # one fact twice: not a list of distinct items
    if not _cover_the_whole(shares):
        return
    whole = " + ".join(item.id for item in counts)
    founds = [found for pair in run for _, found in pair]
    words = index.quote(run[0][0][1].context.clause[0], run[-1][1][1].spot.end)
    for position, ((count, cf), (share, sf)) in enumerate(run):
        computed = per_mode(lambda *xs, at=position: xs[at] / add_all(xs), *counts)
        decided = decide(computed, share)
        if decided is None:
            continue
        status, would = decided
        value = point(lambda *xs, at=position: xs[at] / sum(xs, Decimal(0)), *counts)
        evidence = (
            f"{count.fact.value} / ({' + '.join(c.fact.value for c in counts)}) = "
            f"{pct(value)}, printed {share.fact.value}: the listed shares add up to 100% "
            f"({where(cf, sf, *founds)})"
        )
        rule = {"share": {"part": count.id, "whole": whole, "is": share.id}}
        facts = (*(c.id for c in counts), share.id)
        yield Relation(
            "share", facts, status, _SCORE, rule, evidence, share.fact.value, would, words
        )


def _cover_the_whole(shares: list[Item]) -> bool:
    near = per_mode(lambda *xs: add_all(xs), *shares).get("nearest")
    return near is not None and near.intersects(Interval.point(WHOLE))

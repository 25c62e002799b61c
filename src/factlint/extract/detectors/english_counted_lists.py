"""A count the text states over a list it prints (issue 11: counts): "Only four forces
caught fewer than 15% of offenders: Avon 12%, Dyfed 14%, Gwent 11%, Kent 16% and Essex 13%"
— a ``count`` rule: how many of the listed figures meet the condition is the count.

In one sentence: a count (a whole number, "four"), then a comparison and its bound ("fewer
than 15%", "below 3%", "more than", "at least", "at most"), then a colon or a dash and a
list of names each with its figure of the bound's kind. The list is the set counted, so it
must print at least as many items as the count says. An item whose figure straddles the
bound may count either way (docs/design.md §5, ``count``). Checked whatever the numbers
say: a count that fails is an error. A text without a comparison word is passed over with
one search.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factlint.extract.detectors.base import HOLDS, MISMATCH, Index, Item, Relation, is_latin, where
from factlint.extract.detectors.judging import interval_or_none
from factlint.extract.pipeline import Found

_SCORE = 5.0
_ANY = re.compile(
    r"\b(?:fewer|less|lower|slower|smaller|more|greater|higher|faster|larger)\s+than\b|\b(?:below|under|above|over|exceeding)\b"
    r"|\bat\s+(?:least|most)\b",
    re.IGNORECASE,
)
_BEFORE = {
    "<": re.compile(
        r"(?:\b(?:fewer|less|lower|slower|smaller)\s+than|\b(?:below|under))\s+$", re.I
    ),
    ">": re.compile(
        r"(?:\b(?:more|greater|higher|faster|larger)\s+than|\b(?:above|over|exceeding))\s+$", re.I
    ),
    ">=": re.compile(r"\bat\s+least\s+$", re.I),
    "<=": re.compile(r"\b(?:at\s+most|no\s+more\s+than)\s+$", re.I),
}
# the words from the count to its bound: "forces caught offenders in", "regions grew faster"
_COUNT_TO_BOUND = re.compile(r"^[^#:;.!?]{1,80}$")
# the list opens after the bound's clause: "… of cases: Avon"
_OPENS = re.compile(r"^[^#:;.!?]{0,40}(?::|\s[–—])\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+$")
# each further item: ", Dyfed ", " and Essex "
_NEXT = re.compile(r"^\s*(?:,|;|,?\s+and)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+$")
_QUALIFIED = {"less-than": "<", "more-than": ">", "at-least": ">=", "at-most": "<="}
_MAX_COUNT = 50
_OPS = {
    "<": lambda lo, hi, b: (hi < b, lo < b),
    ">": lambda lo, hi, b: (lo > b, hi > b),
    ">=": lambda lo, hi, b: (lo >= b, hi >= b),
    "<=": lambda lo, hi, b: (hi <= b, lo <= b),
}


def detect(index: Index) -> Iterator[Relation]:
    if not _ANY.search(index.flat):
        return
    order = index.in_order
    for position, (bound, bf) in enumerate(order):
        if not is_latin(bf.text) or bound.fact.kind == "date":
            continue
        lead = index.masked[max(bf.context.sentence[0], bf.spot.start - 24) : bf.spot.start]
        if bound.figure.qualifier:  # "below 10%" read as one figure
            op = _QUALIFIED.get(bound.figure.qualifier)
        else:
            op = next((op for op, cue in _BEFORE.items() if cue.search(lead)), None)
        if op is None or position == 0:
            continue
        counted = _count_before(index, position)
        if counted is None:
            continue
        items = _listed(index, position)
        if len(items) < 2 or len(items) < counted[0].figure.number:
            continue
        yield from _count(index, counted, (bound, bf), op, items)


def _count_before(index: Index, position: int) -> tuple[Item, Found] | None:
    """The count just before the bound in its sentence: a whole number, nothing between."""
    count, cf = index.in_order[position - 1]
    _, bf = index.in_order[position]
    if cf.sentence != bf.sentence or cf.section != bf.section:
        return None
    figure = count.figure
    if figure.kind not in ("number", "count") or figure.qualifier or figure.unit:
        return None
    if figure.places or figure.base != figure.number or not 0 <= figure.number <= _MAX_COUNT:
        return None
    if not _COUNT_TO_BOUND.match(index.masked[cf.spot.end : bf.spot.start]):
        return None
    return count, cf


def _listed(index: Index, position: int) -> list[tuple[Item, Found]]:
    """The named figures of the bound's kind listed after it in its sentence."""
    bound, bf = index.in_order[position]
    items: list[tuple[Item, Found]] = []
    last = bf
    for item, found in index.in_order[position + 1 : position + 1 + 2 * _MAX_COUNT]:
        if found.sentence != bf.sentence or found.section != bf.section:
            break
        gap = index.masked[last.spot.end : found.spot.start]
        if "#" in gap:
            return []
        if not (_NEXT if items else _OPENS).match(gap):
            return items
        if item.figure.kind != bound.figure.kind or item.figure.unit != bound.figure.unit:
            return []
        items.append((item, found))
        last = found
    return items


def _count(
    index: Index,
    counted: tuple[Item, Found],
    bounded: tuple[Item, Found],
    op: str,
    items: list[tuple[Item, Found]],
) -> Iterator[Relation]:
    (count, cf), (bound, bf) = counted, bounded
    ids = [item.id for item, _ in items]
    if len(set(ids)) != len(ids) or count.id in ids or bound.id in ids:
        return
    threshold = bound.figure.base
    surely = possibly = 0
    for item, _ in items:
        interval = interval_or_none(item, "nearest")
        if interval is None or interval.lo is None or interval.hi is None:
            return
        yes, maybe = _OPS[op](interval.lo, interval.hi, threshold)
        surely += yes
        possibly += maybe
    stated = count.figure.number
    status = HOLDS if surely <= stated <= possibly else MISMATCH
    number = bound.figure.number
    condition = f"{op} {number}%" if bound.figure.kind == "percent" else f"{op} {number}"
    rule = {"count": {"of": ids, "where": condition, "is": count.id}}
    shown = surely if surely == possibly else f"{surely} to {possibly}"
    evidence = (
        f"{shown} of the {len(items)} listed {condition}, printed {count.fact.value} "
        f"({where(cf, bf, *(found for _, found in items))})"
    )
    words = index.quote(cf.spot.start, items[-1][1].spot.end)
    yield Relation(
        "count", (count.id, *ids), status, _SCORE, rule, evidence, count.fact.value, "", words
    )

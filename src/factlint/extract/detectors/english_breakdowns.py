"""Parts of a stated whole in English words.

- "1,200 applications, of which 500 were approved and the remaining 700 refused": the
  parts cover the whole when the last is "the remaining", "the rest" or "the other" —
  a ``sum``;
- "1,200 staff, comprising 500 teachers and 700 nurses" (consisting of, made up of, split
  between, divided into, broken down into): the words say the parts make up the whole — a
  ``sum``;
- "1,200 staff, including 500 teachers and 400 nurses", "… of which 500 were approved",
  "1,200 applications. Of these, 500 …", "A total of 120 stores were open: 70 …": the parts
  listed do not exceed it — ``within``.

The parts are the quantities of the whole's unit printed after the cue in its sentence,
joined by commas and "and" (a share in brackets between them is left aside). Checked
whatever the numbers say; a breakdown that fails is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from factlint.extract.detectors.base import (
    EXCEEDS,
    HOLDS,
    Index,
    Item,
    Relation,
    is_countable,
    is_latin,
    same_unit,
    where,
)
from factlint.extract.detectors.judging import add_all, decide, interval_or_none, per_mode, point
from factlint.extract.pipeline import Found
from factlint.numbers.figures import format_figure

_SCORE = 5.0
_WORDS = r"(?:\s*[a-z][a-z'-]*){0,4}"
_COVERING = (
    r"(?:compris(?:e|es|ed|ing)|consist(?:s|ed|ing)?\s+of|made\s+up\s+of"
    r"|(?:split|divided)\s+(?:between|into)|broken\s+down\s+into|breaks?\s+down\s+(?:as|into))"
)
# A colon opens a list of parts when the first part follows it on its line: "OVER VOTES:" over
# a line "1" is a form's label and value, not a breakdown.
# A dash opens one too ("2,310 patients – 1,480 at …"), and a verb of including ("the 1,240
# arrests included 712 …"); a part may come after its label and "of", or in brackets after
# its name ("made up of product sales of $1.21bn", "split between health (£1.3bn)").
_CUE = re.compile(
    r"^" + _WORDS + r"\s*(?:[,;(–—]\s*(?:of\s+which|including|of\s+whom)"
    r"|\.\s+of\s+(?:these|them|those|which|this|the\s+total)\s*,"
    r"|(?<=[a-z])(?::|\s[–—])[^\S\n]|\s+includ(?:e|es|ed)\s|,?\s*" + _COVERING + r")"
    r"\s*(?:[a-z][a-z'-]*\s+){0,3}?(?:of\s+)?\(?\s*$",
    re.IGNORECASE,
)
# "120 stores, comprising 70 … and 50 …": the words say the parts make up the whole
_COVERS = re.compile(_COVERING, re.IGNORECASE)
_JOIN = re.compile(
    r"^\s*\)?"
    + _WORDS
    + r"\s*(?:,|;|,?\s+and|,?\s+while|,?\s+with)\s+(?:[a-z][a-z'-]*\s*){0,3}?,?\s*\(?\s*$",
    re.IGNORECASE,
)
# "split between Labour (29), the Conservatives (12) and others": the list goes on without
# figures, so the parts printed do not cover the whole
_MORE_LISTED = re.compile(r"^\s*\)?\s*(?:,\s*|\s+)(?:and|or|plus)\s+[^#.;:]*?(?:[.;:]|$)", re.I)
_REST = re.compile(r"\b(?:the\s+(?:remaining|rest|other|balance\s+of)|another)\s*,?\s*$", re.I)
_MAX_PARTS = 8


def detect(index: Index) -> Iterator[Relation]:
    order = [pair for pair in index.in_order if pair[0].fact.kind != "date"]
    for position, (whole, wf) in enumerate(order):
        if not is_latin(wf.text) or not is_countable(whole) or whole.figure.number <= 0:
            continue
        parts = _parts(index, order, position)
        if parts:
            yield from _breakdown(index, whole, wf, parts)


def _parts(
    index: Index, order: list[tuple[Item, Found]], position: int
) -> list[tuple[Item, Found, str]]:
    """The parts listed after the whole at ``position``, each with the words before it."""
    whole, wf = order[position]
    parts: list[tuple[Item, Found, str]] = []
    last = wf
    for item, found in order[position + 1 : position + 1 + 2 * _MAX_PARTS]:
        if item.figure.kind == "percent" and parts:
            last = found  # 500 (42%) were approved: the part's share, not a part
            continue
        gap = index.masked[last.spot.end : found.spot.start]
        if "#" in gap or not (is_countable(item) and same_unit(item, whole)):
            break
        if not parts:
            if not _CUE.match(gap) or found.sentence - wf.sentence > 1:
                return []
        elif found.sentence != parts[0][1].sentence or not _JOIN.match(gap):
            break
        if item.id == whole.id:
            return []
        parts.append((item, found, gap))
        last = found
    if len({item.id for item, _, _ in parts}) != len(parts) or len(parts) > _MAX_PARTS:
        return []
    return parts


def _breakdown(
    index: Index, whole: Item, wf: Found, parts: list[tuple[Item, Found, str]]
) -> Iterator[Relation]:
    items = [item for item, _, _ in parts]
    founds = [found for _, found, _ in parts]
    words = index.quote(wf.spot.start, founds[-1].spot.end)
    shown = " + ".join(item.fact.value for item in items)
    value = point(lambda *xs: sum(xs, Decimal(0)), *items)
    added = "?" if value is None else format_figure(value, whole.figure, whole.figure.places)
    listed_all = not _MORE_LISTED.match(
        index.masked[founds[-1].spot.end : founds[-1].spot.end + 60]
    )
    if (
        len(parts) >= 2
        and listed_all
        and (_REST.search(parts[-1][2]) or _COVERS.search(parts[0][2]))
    ):
        decided = decide(per_mode(lambda *xs: add_all(xs), *items), whole)
        if decided is None:
            return
        status, would = decided
        evidence = f"{shown} = {added}, printed {whole.fact.value} ({where(wf, *founds)})"
        rule: dict[str, object] = {"sum": {"parts": [i.id for i in items], "total": whole.id}}
        ids = (whole.id, *(i.id for i in items))
        yield Relation("sum", ids, status, _SCORE, rule, evidence, whole.fact.value, would, words)
        return
    low = per_mode(lambda *xs: add_all(xs), *items).get("nearest")
    high = interval_or_none(whole, "nearest")
    if low is None or high is None or low.lo is None or high.hi is None:
        return
    holds = low.lo <= high.hi
    status = HOLDS if holds else EXCEEDS
    summed = f"{shown} = {added}," if len(items) > 1 else f"{shown} is"
    evidence = f"{summed} part of {whole.fact.value} ({where(wf, *founds)})"
    sides = " + ".join(i.id for i in items)
    rule = {"check": f"{sides} <= {whole.id}"}
    ids = (*(i.id for i in items), whole.id)
    yield Relation(
        "within", ids, status, _SCORE - 2.5, rule, evidence, items[0].fact.value, "", words
    )

"""``count``: "All 12 of the regions …" over the list of them the text prints, one a line.

All 12 of the regions show an annual rise. / The regional picture is: / Scotland - £653, up
3.3 per cent / Wales - £616, up 3.9 per cent / …: the count says how many lines the list
holds. The list is the run of lines after the claim (past an introducing line or two) that
each start with a name and print figures of one unit first; it is the list the count speaks
of when the line that introduces it names what is counted (regions → "The regional
picture"), or when the claim itself ends with a colon and the list follows. All N, each of
the N, 全部N个, 所有N个 make the claim; it is asserted, so a list of another length is an
error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from factlint.extract.detectors.base import HOLDS, MISMATCH, Index, Item, Relation, source_lines
from factlint.extract.pipeline import Found
from factlint.numbers.quantities import unit_of

_SCORE = 4.0
_ALL_BEFORE = re.compile(r"(?:\b(?:all|each\s+of|every\s+one\s+of)(?:\s+the)?|全部|所有)\s*$", re.I)
_NOUN_AFTER = re.compile(
    r"\s*(?:of\s+(?:the|its|our|their)\s+)?(?P<noun>[a-z]{4,})\b|\s*[个個家所项項]?(?P<zh>[\u4e00-\u9fff]{2,4})",
    re.I,
)
_MAX_INTRO = 2  # lines between the claim and its list
_MIN_ITEMS = 3
_MAX_COUNT = 100
_NAME_FIRST = re.compile(r"^\s*(?:[-•*·]\s*)?[^\W\d_]")


def detect(index: Index) -> Iterator[Relation]:
    by_line: dict[int, list[tuple[Item, Found]]] = {}
    for item, found in index.in_order:
        if item.fact.kind != "date":
            by_line.setdefault(found.line, []).append((item, found))
    for item, found in index.in_order:
        claim = _claim(index, item, found)
        if claim is not None:
            yield from _listed(index, item, found, claim, by_line)


def _claim(index: Index, item: Item, found: Found) -> str | None:
    """What the count counts, when its words claim a whole list (all 12 of the regions)."""
    figure = item.figure
    if figure.qualifier or figure.scale != 1 or figure.places or item.fact.kind == "date":
        return None
    if not _MIN_ITEMS <= figure.number <= _MAX_COUNT:
        return None
    before = index.masked[max(found.context.clause[0], found.spot.start - 20) : found.spot.start]
    if _ALL_BEFORE.search(before) is None:
        return None
    after = _NOUN_AFTER.match(index.masked, found.spot.end, found.spot.end + 40)
    if after is None:
        return None
    return (after.group("noun") or after.group("zh") or "").lower()


def _listed(
    index: Index,
    item: Item,
    found: Found,
    noun: str,
    by_line: dict[int, list[tuple[Item, Found]]],
) -> Iterator[Relation]:
    lines = source_lines(index)
    at = found.line  # 1-based: lines[at] is the line after the claim's
    intro: list[str] = []
    while at < len(lines) and at + 1 not in by_line and len(intro) < _MAX_INTRO:
        if not lines[at].strip():
            return  # a blank line: the claim's paragraph ends before any list
        intro.append(lines[at])
        at += 1
    items = _run(lines, at + 1, by_line)
    if len(items) < _MIN_ITEMS or not _names_it(noun, intro, lines[found.line - 1]):
        return
    counted = Decimal(len(items))
    status = HOLDS if counted == item.figure.number else MISMATCH
    first, last = items[0][1].line, items[-1][1].line
    evidence = (
        f"{item.fact.value} {noun} are claimed; the list at lines {first}–{last} holds "
        f"{len(items)} (line {found.line})"
    )
    rule = {"check": f"{item.id} == {len(items)}"}
    words = index.quote(found.context.clause[0], found.spot.end + len(noun) + 8)
    yield Relation("count", (item.id,), status, _SCORE, rule, evidence, item.fact.value, "", words)


def _run(
    lines: list[str], first: int, by_line: dict[int, list[tuple[Item, Found]]]
) -> list[tuple[Item, Found]]:
    """The first figure of each line of the run starting at line ``first`` (1-based): lines
    that start with a name and print first a figure of the first line's unit."""
    out: list[tuple[Item, Found]] = []
    unit: object = None
    line = first
    while line in by_line and line <= len(lines) and _NAME_FIRST.match(lines[line - 1]):
        item, found = by_line[line][0]
        if unit is None:
            unit = unit_of(item.figure)
        elif unit_of(item.figure) != unit:
            break
        out.append((item, found))
        line += 1
    return out


def _names_it(noun: str, intro: list[str], claim_line: str) -> bool:
    """The list is what the count counts: its introducing line names it (regions → "The
    regional picture"), or the claim introduces it itself (… regions:)."""
    if not intro:
        return claim_line.rstrip().endswith((":", "："))
    stem = noun[:-1] if noun.endswith("s") and len(noun) > 4 else noun
    stem = stem[:6] if stem.isascii() else stem[:2]
    return any(stem in line.lower() for line in intro)

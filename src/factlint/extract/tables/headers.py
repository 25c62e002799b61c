"""Column headers and units: which header line names the columns, which spans them.

A header line with as many cells as the body has columns names them (one more cell: the
first is the label column's heading). A line above it with fewer cells, a whole number of
columns each, spans groups of them (``2019  2020`` over ``Total  Share  Total  Share``):
the group is written before each column's own header. A unit comes from the column's own
header (``比重(%)``), else from a line above the table that says it for all
(``单位：万元``, ``Percentage``, ``(in millions)``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factlint.extract.tables.cells import Piece
from factlint.extract.tables.keys import column_keys
from factlint.extract.tables.model import Column
from factlint.extract.tables.units import unit_in

_LOOK_ABOVE = 3
_LOOK_FOR_UNIT_LINE = 12  # 单位：万元 may sit above a title and a blank line
_FOR_ALL = re.compile(r"^\s*[(（]?\s*(?:单位|單位|units?\b|all figures|figures)", re.I)
_CJK = re.compile(r"[\u4e00-\u9fff]")


def label_heading(header_lines: Sequence[tuple[int, list[Piece]]], width: int) -> str:
    """The heading of the label column: the first cell of a header line with one cell more
    than the body has columns."""
    for _, pieces in reversed(header_lines):
        if len(pieces) == width + 1:
            return pieces[0].text
    return ""


def columns_for(
    header_lines: Sequence[tuple[int, list[Piece]]], width: int, unit: str
) -> tuple[Column, ...]:
    """The ``width`` columns a body has, named by the header lines above it."""
    own: list[str] = [""] * width
    groups: list[str] = [""] * width
    named = False
    for _, pieces in reversed(header_lines):  # nearest the body first
        texts = [p.text for p in pieces]
        if not named and len(texts) in (width, width + 1):
            own = texts[-width:]
            named = True
            continue
        spans = [t for t in texts if t]
        if named and 1 < len(spans) < width and width % len(spans) == 0:
            step = width // len(spans)
            groups = [spans[i // step] for i in range(width)]
            break
        if named and 2 < len(spans) <= width and width % (len(spans) - 1) == 0:
            step = width // (len(spans) - 1)
            groups = [spans[1 + i // step] for i in range(width)]
            break
    headers = [" ".join(t for t in (g, o) if t) for g, o in zip(groups, own, strict=True)]
    units = [unit_in(header) or unit for header in headers]
    keys = column_keys(headers)
    return tuple(
        Column(header, unit_, key, group)
        for header, unit_, key, group in zip(headers, units, keys, groups, strict=True)
    )


def table_unit(
    lines: Sequence[str], first_body: int, header_lines: Sequence[tuple[int, list[Piece]]]
) -> str:
    """A unit stated for the whole table on a line of its own above it."""
    top = header_lines[0][0] if header_lines else first_body
    candidates = [pieces for _, pieces in header_lines if len([p for p in pieces if p.text]) == 1]
    texts = [(0, next(p.text for p in pieces if p.text)) for pieces in candidates]
    for number in range(top - 1, max(0, top - 1 - _LOOK_FOR_UNIT_LINE), -1):
        text = lines[number - 1].strip().strip("|").strip()
        if text and len(text) <= 40:
            texts.append((top - number, text))
    for distance, text in texts:
        unit = unit_in(text)
        if not unit:
            continue
        if _FOR_ALL.match(text) or (
            distance <= _LOOK_ABOVE and len(text) <= 16 and not _CJK.search(text)
        ):
            return unit
    return ""

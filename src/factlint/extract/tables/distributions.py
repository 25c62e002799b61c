"""Rows of percents that each split one whole: most of them add up to 100, so each must.

A table of shares by year (each row a year's vote split among the parties), an age
structure by town (each row a town's people by age band): when most rows' percents add up
to 100 within their rounding — three at least, and no more rows break it than slips would —
each row is a whole split into the columns' parts, and a row that adds up to more or less
is a finding. The rows' agreement alone says so (no header names it): a warning. A part of
0.0% is no less than zero, so it can make a row's sum no smaller (a party that did not
stand). The columns of a table are read the same way, each a whole split into the rows.
docs/design.md §9 (tables).

>>> from factlint.extract.tables.reading import read_tables
>>> text = '''Year    Red    Blue   Green   Gold
... 2010   51.0   49.0     0.0    0.0
... 2014   47.5   52.5     0.0    0.0
... 2018   46.0   50.0     4.0    0.0
... 2022   44.0   48.0     5.5    3.5
... '''
>>> table = read_tables("(%)\\n" + text)[0]
>>> [(r.kind, [c.row.label for c in r.failing()]) for r in distributions(table)]
[('parts-at-most', ['2022']), ('parts-sum', ['2022'])]
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from decimal import Decimal

from factlint.extract.tables.deciding import (
    MIN_SUPPORT,
    RowCheck,
    TableRelation,
    Verdict,
    asserted,
    decide,
)
from factlint.extract.tables.model import Cell, Row, Table
from factlint.numbers.intervals import Interval

_WHOLE = Interval.point(Decimal(1))  # 100% as a percent figure's value


def distributions(table: Table, turned: Table | None = None) -> list[TableRelation]:
    """The rows of ``table`` (and of ``turned``, the table read the other way) that split
    one whole each, when most of them add up to 100: that they add up to 100 at most (the
    parts printed as more than 0) and to 100 (every part)."""
    found = _of_rows(table)
    if turned is not None:
        found += [dataclasses.replace(r, transposed=True) for r in _of_rows(turned)]
    return found


def _of_rows(table: Table) -> list[TableRelation]:
    rows = [(row, cells) for row in table.rows if (cells := _percents(row))]
    if len(rows) < MIN_SUPPORT:
        return []
    agreement = TableRelation(
        table, "parts-sum", -1, (), tuple(RowCheck(r, c[0], c[1:], _splits(c)) for r, c in rows)
    )
    if not asserted(agreement):
        return []
    at_most, exactly = [], []
    for row, cells in rows:
        printed = [c for c in cells if c.figure.number]
        if len(printed) >= 2:
            verdict = decide(printed[0], printed[1:], _rest, "<=")
            if verdict is not None:
                at_most.append(RowCheck(row, printed[0], tuple(printed[1:]), verdict))
        verdict = decide(cells[0], cells[1:], _rest)
        if verdict is not None:
            exactly.append(RowCheck(row, cells[0], tuple(cells[1:]), verdict))
    return [
        TableRelation(table, kind, -1, (), tuple(checks))
        for kind, checks in (("parts-at-most", at_most), ("parts-sum", exactly))
        if checks
    ]


def _percents(row: Row) -> tuple[Cell, ...]:
    """The row's cells when it prints three percents at least and nothing else."""
    cells = tuple(c for c in row.cells if c is not None)
    if len(cells) < MIN_SUPPORT or any(c.figure.kind != "percent" for c in cells):
        return ()
    return cells


def _splits(cells: Sequence[Cell]) -> Verdict:
    """Whether the percents can add up to 100, each part no less than zero."""
    printed = [c for c in cells if c.figure.number]
    if len(printed) >= 2:
        over = decide(printed[0], printed[1:], _rest, "<=")
        if over == "fails":
            return "fails"
    verdict = decide(cells[0], cells[1:], _rest)
    return "fails" if verdict is None else verdict


def _rest(values: Sequence[Interval]) -> Interval:
    rest = _WHOLE
    for value in values:
        rest = rest - value
    return rest

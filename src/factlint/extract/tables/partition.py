"""A percent column that adds up to 100 with no total row: each row's share of the column
it sits beside, whose total the table does not print.

``比重`` beside ``常住人口`` for twelve towns and no 合计 row: the shares add up to 100 (within
their rounding), so the rows are the whole, and each share is its row's figure over the
sum of the column. As for every relation of a table, most rows must agree before the table
asserts it (``deciding.asserted``); a row that does not is a finding.

>>> from factlint.extract.tables.reading import read_tables
>>> text = '''村     户数   比重(%)
... 东村    200    20.0
... 西村    300    30.0
... 南村    100    10.0
... 北村    400    40.2
... '''
>>> [(r.describe(), r.support, [c.row.label for c in r.failing()])
...  for r in shares_of_sums(read_tables(text)[0])]
[('比重(%) = 户数 / the sum of 户数', 3, ['北村'])]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from factlint.extract.tables.deciding import (
    RowCheck,
    TableRelation,
    asserted,
    decide,
    share_of,
    sum_of,
)
from factlint.extract.tables.model import Row, Table
from factlint.numbers.intervals import Interval
from factlint.numbers.quantities import unit_of

_HUNDRED = Decimal(100)
_SUB_ROW = ("#", "＃", "其中", "of which")


def shares_of_sums(table: Table) -> list[TableRelation]:
    """Each percent column adding up to 100 over rows with no total among them, or headed
    as a share of the whole (``% of all``, ``Share``, ``占比``: its rows need not add up,
    one may be a slip), against the amount column whose shares most rows print."""
    if any(row.is_total() for row in table.rows):
        return []  # a total row is the whole: ``relations`` checks the shares against it
    rows = [row for row in table.rows if not row.label.lstrip().startswith(_SUB_ROW)]
    found: list[TableRelation] = []
    for target in range(len(table.columns)):
        whole = _OF_THE_WHOLE.search(table.columns[target].header) is not None
        if not (adds_up_to_100(rows, target) or (whole and _percents(rows, target))):
            continue
        for column in range(len(table.columns)):
            relation = _against(table, rows, target, column)
            if relation is not None and asserted(relation):
                found.append(relation)
                break
    return found


def shares_of_total(table: Table) -> list[TableRelation]:
    """A percent column adding up to 100 over the rows above a total row: the rows are
    the whole, so each share is its row's figure over the total's, and the total is the
    sum of the rows, in the amount column most shares agree with (an election's votes and
    shares over its Total votes row). The shares adding up assert both, however few the
    rows are."""
    totals = [row for row in table.rows if row.is_total()]
    if len(totals) != 1:
        return []
    total = totals[0]
    rows = [
        row
        for row in table.rows
        if row is not total and not row.label.lstrip().startswith(_SUB_ROW)
    ]
    found: list[TableRelation] = []
    for target in range(len(table.columns)):
        if not adds_up_to_100(rows, target):
            continue
        best: TableRelation | None = None
        for column in range(len(table.columns)):
            relation = _over_total(table, rows, total, target, column)
            if relation is not None and (best is None or relation.support > best.support):
                best = relation
        if best is None or best.support < 2 or best.support * 2 < best.checked:
            continue
        found.append(best)
        parts = [row.cells[best.operands[0]] for row in rows]
        whole = total.cells[best.operands[0]]
        if whole is not None and all(parts):
            cells = tuple(c for c in parts if c is not None)
            verdict = decide(whole, cells, sum_of)
            if verdict is not None:
                check = RowCheck(total, whole, cells, verdict)
                found.append(TableRelation(table, "total-row", -1, (), (check,), total))
    return found


def _over_total(
    table: Table, rows: Sequence[Row], total: Row, target: int, column: int
) -> TableRelation | None:
    whole = total.cells[column]
    if whole is None or whole.figure.kind == "percent":
        return None
    checks = []
    for row in rows:
        stated, part = row.cells[target], row.cells[column]
        if stated is None or part is None or unit_of(part.figure) != unit_of(whole.figure):
            continue
        verdict = decide(stated, (part, whole), share_of)
        if verdict is not None:
            checks.append(RowCheck(row, stated, (part, whole), verdict))
    return TableRelation(table, "structure", target, (column,), tuple(checks), total)


_OF_THE_WHOLE = re.compile(
    r"%\s*of\s+(?:all|the\s+total|total)|per\s?cent\s+of\s+(?:all|total)|\bshare\b"
    r"|占比|佔比|比重|构成|構成",
    re.I,
)


def _percents(rows: Sequence[Row], target: int) -> bool:
    cells = [row.cells[target] for row in rows]
    return len(cells) >= 3 and all(c is not None and c.figure.kind == "percent" for c in cells)


def adds_up_to_100(rows: Sequence[Row], target: int) -> bool:
    cells = [row.cells[target] for row in rows]
    if len(cells) < 3 or any(c is None or c.figure.kind != "percent" for c in cells):
        return False
    total = sum((c.figure.number for c in cells if c is not None), Decimal(0))
    half = sum(
        (c.figure.unit_in_last_place() / c.figure.scale / 2 for c in cells if c is not None),
        Decimal(0),
    )
    return abs(total - _HUNDRED) <= half


def _against(table: Table, rows: Sequence[Row], target: int, column: int) -> TableRelation | None:
    parts = [row.cells[column] for row in rows]
    if any(c is None for c in parts):
        return None
    units = {(c.figure.kind, unit_of(c.figure)) for c in parts if c is not None}
    if len(units) != 1 or next(iter(units))[0] == "percent":
        return None
    checks: list[RowCheck] = []
    for row, part in zip(rows, parts, strict=True):
        stated = row.cells[target]
        assert stated is not None and part is not None
        inputs = (part, *(c for c in parts if c is not None))
        verdict = decide(stated, inputs, _share_of_sum)
        if verdict is not None:
            checks.append(RowCheck(row, stated, inputs, verdict))
    return TableRelation(table, "share-of-sum", target, (column,), tuple(checks))


def _share_of_sum(values: Sequence[Interval]) -> Interval:
    return values[0] / sum_of(values[1:])

"""A block of percentages printed under a table of amounts over periods: each of its rows
is the growth of a row of the table above from one period to the next (``% Increases``),
or from the first period to each (``cumulative``).

The block has one column fewer than the table (no growth for the first period), and its
rows are paired with the table's by the numbers: each row of the block with the row of the
table, and the reading of the periods (newest first or last, year on year or from the
base), that most of its cells agree with. The block asserts the growth once most of its
cells agree (``deciding.asserted``), and a cell that does not is an error.

>>> from factlint.extract.tables.reading import read_tables
>>> text = '''             2023     2022     2021     2020
... Rates       121.00   110.00   100.00    80.00
... Fees         66.00    60.00    50.00    40.00
... Grants       39.60    36.00    30.00    20.00
...
... % change         %        %        %
... Rates         10.0     10.0     25.0
... Fees          10.0     12.0     25.0
... Grants        10.0     20.0     50.0
... '''
>>> [(r.support, r.checked, [c.stated.text for c in r.failing()])
...  for r in growth_blocks(read_tables(text))]
[(8, 9, ['12.0'])]
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from factlint.extract.tables.deciding import RowCheck, TableRelation, asserted, decide, growth_of
from factlint.extract.tables.model import Cell, Row, Table

_GAP = 4  # lines between the table and the block under it
# the two cells of the table a growth cell ``j`` of the block compares, given the table's
# ``n`` periods: year on year or from the base period, newest first or last
Reading = Callable[[int, int], tuple[int, int]]
_READINGS: tuple[Reading, ...] = (
    lambda j, n: (j, j + 1),
    lambda j, n: (j + 1, j),
    lambda j, n: (j, n - 1),
    lambda j, n: (j + 1, 0),
)


def growth_blocks(tables: Sequence[Table]) -> list[TableRelation]:
    """The growth blocks among ``tables`` whose cells agree with the table above."""
    found = []
    for upper, lower in itertools.pairwise(tables):
        if not _is_block(upper, lower):
            continue
        checks: list[RowCheck] = []
        for row in lower.rows:
            checks += _best(row, upper.rows)
        relation = TableRelation(lower, "growth-block", -1, (), tuple(checks))
        if checks and asserted(relation):
            found.append(relation)
    return found


def _is_block(upper: Table, lower: Table) -> bool:
    width = len(upper.columns)
    if len(lower.columns) != width - 1 or width < 3:
        return False
    first_row = lower.rows[0].line if lower.rows else lower.first_line
    if not 0 < first_row - upper.last_line <= _GAP + 2:
        return False
    percent = all(c.figure.kind == "percent" for r in lower.rows for c in r.cells if c)
    amounts = all(c.figure.kind != "percent" for r in upper.rows for c in r.cells if c)
    return percent and amounts


def _best(row: Row, table_rows: Sequence[Row]) -> list[RowCheck]:
    """The checks of ``row`` against the table's row and reading most of its cells meet
    (two at least), or none."""
    best: list[RowCheck] = []
    best_support = 1
    for other in table_rows:
        for reading in _READINGS:
            checks = _checks(row, other, reading)
            support = sum(c.verdict != "fails" for c in checks)
            if support > best_support and support * 5 >= len(checks) * 3:
                best, best_support = checks, support
    return best


def _checks(row: Row, other: Row, reading: Reading) -> list[RowCheck]:
    n = len(other.cells)
    out = []
    for j, stated in enumerate(row.cells):
        current, previous = (other.cells[i] for i in reading(j, n))
        if stated is None or current is None or previous is None:
            continue
        inputs: tuple[Cell, ...] = (current, previous)
        verdict = decide(stated, inputs, growth_of)
        if verdict is not None:
            out.append(RowCheck(row, stated, inputs, verdict))
    return out

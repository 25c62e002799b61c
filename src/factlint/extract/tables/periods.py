"""Changes down a table over periods: a column of each row against the row before.

A table whose rows are periods in order (``2021/22``, ``2022/23``, … or the latest first)
often prints, beside an amount, its change on the period before: a percent column
(``Change``, ``% increase``) that is the amount's growth, or an amount column that is its
difference. Such a column is found as the other relations are, by agreement across the
rows (``deciding.asserted``: most rows hold, no more break it than slips would), and a
row that breaks it is an error in the table.

>>> from factlint.extract.tables.reading import read_tables
>>> text = '''Year      Precept   Change
... 2021/22    12,000
... 2022/23    12,600     5.0%
... 2023/24    13,104     4.0%
... 2024/25    13,759     5.0%
... 2025/26    14,447     5.0%
... '''
>>> [(r.kind, r.describe(), r.support) for r in period_changes(read_tables(text)[0])]
[('period-growth', 'Change = Precept / Precept of the period before − 1', 4)]
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from factlint.extract.tables.deciding import (
    Formula,
    RowCheck,
    TableRelation,
    asserted,
    decide,
    difference_of,
    growth_of,
)
from factlint.extract.tables.model import Table
from factlint.numbers.quantities import unit_of

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def time_order(table: Table) -> int:
    """1 for rows labelled by periods from the earliest down (1971–72, 1972–73, …), −1
    for the latest first, 0 for rows that are no periods in order."""
    years = [_year(row.label) for row in table.rows]
    known = [y for y in years if y is not None]
    if len(known) != len(years) or len(set(known)) < 2:
        return 0
    if known == sorted(known):
        return 1
    return -1 if known == sorted(known, reverse=True) else 0


def _year(label: str) -> int | None:
    found = _YEAR.search(label)
    return None if found is None else int(found.group())


def period_changes(table: Table) -> list[TableRelation]:
    """The columns that print each row's change on the period before, that most rows
    agree on."""
    order = time_order(table)
    if not order:
        return []
    return [relation for relation in _candidates(table, order) if asserted(relation)]


def _kinds(table: Table, column: int) -> set[str]:
    return {cell.figure.kind for _, cell in table.cells_of(column)}


def _candidates(table: Table, order: int) -> Iterator[TableRelation]:
    width = len(table.columns)
    for target in range(width):
        percent = _kinds(table, target) == {"percent"}
        for source in range(width):
            if source == target or "percent" in _kinds(table, source):
                continue
            if percent:
                yield _down(table, order, "period-growth", target, source, growth_of)
            elif _same_unit(table, target, source):
                yield _down(table, order, "period-difference", target, source, difference_of)


def _same_unit(table: Table, a: int, b: int) -> bool:
    units = {unit_of(cell.figure) for column in (a, b) for _, cell in table.cells_of(column)}
    return len(units) == 1


def _down(
    table: Table, order: int, kind: str, target: int, source: int, formula: Formula
) -> TableRelation:
    rows = table.rows if order > 0 else tuple(reversed(table.rows))
    checks = []
    for before, row in itertools.pairwise(rows):
        stated, now, then = row.cells[target], row.cells[source], before.cells[source]
        if stated is None or now is None or then is None:
            continue
        verdict = decide(stated, [now, then], formula)
        if verdict is not None:
            checks.append(RowCheck(row, stated, (now, then), verdict))
    return TableRelation(table, kind, target, (source,), tuple(checks))

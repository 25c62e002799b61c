"""Totals of groups of rows, as yearbooks print them: a row that is the sum of the rows
printed right under it (a subtotal: 稻谷 over 早稻, 中稻, 晚稻), and a total row that is the
sum of each group of rows a heading line opens (按收获季节分, 按品种分), once every subtotal's
rows are folded into it.

Only a table whose rows sit under headings of their own is read so (a financial
statement's lines add up in many ways that are not subtotals). Subtotals are found from
the bottom up: a row is the sum of the fewest rows after it (two
at least, of its own group) that add up to it in most columns, the rows already folded
into a subtotal below standing for themselves only through it. A subtotal is inferred from
the numbers, so a column where it fails is a warning; it needs two columns that agree to a
figure of three digits or more (a coincidence to the last digit twice is none), or the
same rows under the same label elsewhere in the table that agree (``中等专业学校`` over the
same two kinds of school, for schools, teachers and pupils). A group whose heading says
its rows are *among* the total (其中, 在总计中, of which) is not a part of it; a row
marked ``#`` is one of its parent's rows but none of the total's.

>>> from factlint.extract.tables.reading import read_tables
>>> text = '''项目        2021     2022
... 合计       90.40    98.10
... 按用途分
... 客车       30.10    33.00
... 货车       60.30    65.10
... 重型货车   40.10    45.00
... 轻型货车   20.20    20.10
... '''
>>> [(r.describe(), r.support, r.checked) for r in group_totals(read_tables(text)[0])]
[('货车 = the sum of the rows under it', 2, 2), ('合计 = the sum of the rows under 按用途分', 2, 2)]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factlint.extract.tables.deciding import (
    AGREEMENT,
    MIN_SUPPORT,
    RowCheck,
    TableRelation,
    asserted,
    decide,
    sum_of,
)
from factlint.extract.tables.model import Cell, Row, Table
from factlint.numbers.quantities import unit_of

MAX_CHILDREN = 12
_PRECISE = 100  # a total of three digits or more, met to its last digit, is no coincidence
_AMONG = re.compile(r"其中|在.{0,8}中|of which|among|including", re.I)
_SUB_ROW = ("#", "＃", "其中", "of which")


def has_groups(table: Table) -> bool:
    """Whether the table's rows sit under headings of their own."""
    return any(row.section for row in table.rows)


def group_totals(table: Table) -> list[TableRelation]:
    """The subtotals a table's rows agree on, then its total row against each group."""
    columns = _amount_columns(table)
    if not columns or not has_groups(table):
        return []  # a statement's lines add up in many ways: only a yearbook's groups are read
    rows = table.rows
    alive = list(range(len(rows)))
    found: list[TableRelation] = []
    for parent in reversed(range(len(rows))):
        if parent not in alive or rows[parent].is_total():
            continue
        at = alive.index(parent)
        subtotal = _subtotal(table, columns, parent, alive[at + 1 : at + 1 + MAX_CHILDREN])
        if subtotal is not None:
            relation, children = subtotal
            found.append(relation)
            alive = [i for i in alive if i not in children]
    found.reverse()
    total = _total_row(table)
    if total is None:
        return found
    for heading, members in _groups(rows, alive, total):
        checks = _checks(columns, rows[total], [rows[i] for i in members])
        relation = TableRelation(
            table, "total-row", -1, (), tuple(checks), rows[total], scope=heading
        )
        if asserted(relation) or _agree(checks):  # a row labelled total says it is one
            found.append(relation)
    return found


def _amount_columns(table: Table) -> list[int]:
    out = []
    for index in range(len(table.columns)):
        cells = [c for _, c in table.cells_of(index)]
        units = {(c.figure.kind, unit_of(c.figure)) for c in cells}
        if cells and len(units) == 1 and next(iter(units))[0] != "percent":
            out.append(index)
    return out


def _total_row(table: Table) -> int | None:
    labelled = [i for i, row in enumerate(table.rows) if row.is_total()]
    return labelled[0] if len(labelled) == 1 else None


def _checks(columns: Sequence[int], parent: Row, children: Sequence[Row]) -> list[RowCheck]:
    checks = []
    for column in columns:
        stated = parent.cells[column]
        inputs = [row.cells[column] for row in children]
        if stated is None or any(cell is None for cell in inputs):
            continue
        parts: list[Cell] = [cell for cell in inputs if cell is not None]
        verdict = decide(stated, parts, sum_of)
        if verdict is not None:
            checks.append(RowCheck(parent, stated, tuple(parts), verdict))
    return checks


def _subtotal(
    table: Table, columns: Sequence[int], parent: int, after: Sequence[int]
) -> tuple[TableRelation, set[int]] | None:
    """The subtotal ``parent`` is of the fewest rows of ``after`` that agree, if any."""
    rows = table.rows
    for count in range(2, len(after) + 1):
        children = [rows[i] for i in after[:count]]
        if children[-1].section != rows[parent].section or children[-1].is_total():
            return None
        checks = _checks(columns, rows[parent], children)
        if _agree(checks) or _agree([*checks, *_twins(table, columns, parent, after[:count])]):
            relation = TableRelation(table, "subtotal", -1, (), tuple(checks), rows[parent])
            return (relation, set(after[:count])) if checks else None
    return None


def _twins(
    table: Table, columns: Sequence[int], parent: int, children: Sequence[int]
) -> list[RowCheck]:
    """The checks of the same label over the same labels elsewhere in the table."""
    rows = table.rows
    if list(children) != list(range(parent + 1, parent + 1 + len(children))):
        return []  # only rows printed together are compared by their labels
    labels = [rows[i].label for i in children]
    out: list[RowCheck] = []
    for other, row in enumerate(rows):
        if other == parent or row.label != rows[parent].label:
            continue
        under = rows[other + 1 : other + 1 + len(labels)]
        if [r.label for r in under] == labels:
            out += _checks(columns, row, under)
    return out


def _agree(checks: Sequence[RowCheck]) -> bool:
    holding = [c for c in checks if c.verdict != "fails"]
    precise = [c for c in holding if _precise(c.stated)]
    if len(precise) < 2 or len(holding) < AGREEMENT * len(checks):
        return False
    return len(holding) >= MIN_SUPPORT or len(precise) == len(holding)


def _precise(cell: Cell) -> bool:
    figure = cell.figure
    return abs(figure.number) >= _PRECISE * figure.unit_in_last_place() / figure.scale


def _groups(rows: Sequence[Row], alive: Sequence[int], total: int) -> list[tuple[str, list[int]]]:
    """The rows of each group a total row adds up: the rows left once subtotals are
    folded, group by group, without the total, the rows marked as among it, and the
    groups whose heading says so."""
    groups: dict[str, list[int]] = {}
    for index in alive:
        row = rows[index]
        if index == total or row.label.lstrip().startswith(_SUB_ROW):
            continue
        if row.section and _AMONG.search(row.section):
            continue
        groups.setdefault(row.section, []).append(index)
    return [(heading, members) for heading, members in groups.items() if len(members) >= 2]

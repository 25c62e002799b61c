"""Relations a table's structure asserts, found by agreement across its rows.

A column that is A / B in most rows is a share column; A / B − 1, a growth column; A + B
(or the sum of all the other columns of its unit), a total column; a row that is the sum of
the others in most columns, a total row; a percent column that is each row's A over the
total row's A, a structure (比重) column; two columns (or rows) of one unit that print the
same figure in most rows are equal, and a row where they differ is a warning. Once most
rows agree (at least ``MIN_SUPPORT`` rows and ``AGREEMENT`` of those that print every
figure, and no more rows break it than slips would: one, or one in ten), the table asserts
the relation, and every row is checked: a row that disagrees is an error in the table. A
row of a sum whose parts are zero but one (57 = 57 + 0) supports nothing.

Each row is decided on the intervals its printed figures stand for (docs/design.md §3),
under rounding to nearest and under truncation. A relation's rounding habit is the one its
rows need: rows that hold only when truncated make the table a truncating one; a table
with rows that need nearest rounding and rows that need truncation is mixed.

>>> from factlint.extract.tables.reading import read_tables
>>> text = '''Force        Caught   Under 18   % under 18
... Durham        1,000        120           12
... Kent          2,000        300           15
... Lincs           400         52           13
... Norfolk         500         80           17
... '''
>>> [(r.kind, r.describe(), r.support, r.checked) for r in table_relations(read_tables(text)[0])]
[('share', '% under 18 = Under 18 / Caught', 3, 4)]
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

from factlint.engine.duplicates import duplicates_agree
from factlint.extract.tables.deciding import (
    EQUAL_AGREEMENT,
    MIN_SUPPORT,
    Formula,
    RowCheck,
    TableRelation,
    Verdict,
    asserted,
    checked_rows,
    decide,
    difference_of,
    few_failing,
    first_of,
    growth_of,
    interval,
    share_of,
    sum_of,
)
from factlint.extract.tables.distributions import distributions
from factlint.extract.tables.hierarchy import group_totals, has_groups
from factlint.extract.tables.model import Cell, Column, Row, Table
from factlint.extract.tables.named import named_relations
from factlint.extract.tables.naming import names_relation
from factlint.extract.tables.partition import adds_up_to_100, shares_of_sums, shares_of_total
from factlint.extract.tables.parts import parts_of_whole
from factlint.extract.tables.periods import period_changes
from factlint.extract.tables.statements import additive, is_statement_total, statement_totals
from factlint.numbers.quantities import unit_of

__all__ = ["RowCheck", "TableRelation", "table_relations", "transpose"]

MAX_COLUMNS = 16  # pairs of columns are tried; a wider table is read but not searched
_MAIN_ITEM = re.compile(r"^[一二三四五六七八九十]+[、.．]")
_HUNDRED = Decimal(100)
_PRECISE = 100
_YEARS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_NET = re.compile(r"净|淨|\bnet\b", re.I)  # what is left: 净收入, net income


# ----------------------------------------------------------------------------- searching


def table_relations(table: Table, wholes: Sequence[Cell] = ()) -> list[TableRelation]:
    """The relations ``table`` asserts by agreement across its rows (then across its
    columns, for a table whose rows are line items), strongest first; ``wholes`` are the
    figures printed near it that may be the whole its rows are parts of (``parts``)."""
    found = _chosen(table, _candidates(table)) if len(table.columns) <= MAX_COLUMNS else []
    turned = transpose(table)
    searched = turned if turned is None or len(turned.columns) <= MAX_COLUMNS else _main(table)
    if searched is not None:
        pairs = (
            dataclasses.replace(relation, transposed=True)
            for relation in _candidates(searched, pairs_only=True)
        )
        found += _chosen(searched, pairs)
    named = named_relations(table, turned)  # asserted by the headers: before agreement's
    stated = {(r.transposed, r.target) for r in named}
    equations = {(r.transposed, frozenset((r.target, *r.operands))) for r in named}
    found = named + [
        r
        for r in found
        if (r.transposed, r.target) not in stated
        and (r.transposed, frozenset((r.target, *r.operands))) not in equations
    ]
    grouped = group_totals(table)
    if grouped or has_groups(table):  # the total row adds up each group, not every row
        found = [r for r in found if r.kind != "total-row"]
    found += grouped + shares_of_sums(table)
    explained_columns = {r.target for r in found if not r.transposed and r.target >= 0}
    found += [r for r in period_changes(table) if r.target not in explained_columns]
    said = {(r.kind, r.target, r.operands) for r in found if not r.transposed}
    found += [r for r in shares_of_total(table) if (r.kind, r.target, r.operands) not in said]
    lines = _without_cells(statement_totals(table), found)
    found = [*_without_held(found, lines), *lines]
    accounted = frozenset(r.target for r in found if not r.transposed and r.target >= 0)
    found += parts_of_whole(table, wholes, accounted)
    found += distributions(table, turned)
    equal = [*_equals(table), *(dataclasses.replace(r, transposed=True) for r in _equals(turned))]
    explained = {frozenset((r.target, *r.operands)) for r in found if not r.transposed}
    return found + [
        r for r in equal if r.transposed or frozenset((r.target, *r.operands)) not in explained
    ]


def _without_cells(lines: list[TableRelation], found: list[TableRelation]) -> list[TableRelation]:
    """A statement's total lines (``statements``) without the cells a total row found
    already checks (the sum of every other row, or of each group)."""
    said = {
        id(check.stated)
        for relation in found
        if relation.kind in ("total-row", "subtotal")
        for check in relation.checks
    }
    out = []
    for relation in lines:
        checks = tuple(c for c in relation.checks if id(c.stated) not in said)
        if checks:
            out.append(dataclasses.replace(relation, checks=checks))
    return out


def _without_held(found: list[TableRelation], lines: list[TableRelation]) -> list[TableRelation]:
    """The relations found by agreement across columns without the failing cells a
    statement's total line finds holding: a total that is the sum of all the lines above it
    (``Donations`` + ``Charitable activities`` + ``Investments``) is not broken by a pair of
    them that other columns agree on (a column where the first line is empty)."""
    held = {id(c.stated) for relation in lines for c in relation.checks if c.verdict != "fails"}
    out = []
    for relation in found:
        if relation.transposed and relation.kind in ("sum", "difference"):
            checks = tuple(
                c for c in relation.checks if c.verdict != "fails" or id(c.stated) not in held
            )
            relation = dataclasses.replace(relation, checks=checks)
        out.append(relation)
    return out


def _main(table: Table) -> Table | None:
    """A long table of line items read the other way on its main items only, the rows
    numbered ``一、`` ``二、`` (总收入, 总费用, 净收入): too many rows to try every pair."""
    main = tuple(row for row in table.rows if _MAIN_ITEM.match(row.label.strip()))
    if not MIN_SUPPORT <= len(main) <= MAX_COLUMNS:
        return None
    return transpose(dataclasses.replace(table, rows=main))


def _chosen(table: Table, candidates: Iterator[TableRelation]) -> list[TableRelation]:
    found: list[TableRelation] = []
    taken: set[int] = set()
    equations: set[frozenset[int]] = set()  # a = b + c is c = a − b: said once
    for relation in sorted(candidates, key=_strength, reverse=True):
        if relation.target in taken and relation.kind != "total-row":
            continue  # one explanation per column
        columns = frozenset((relation.target, *relation.operands))
        if relation.kind in ("sum", "difference") and any(columns <= e for e in equations):
            continue  # said already, or part of a longer one (a = b + d of a = b + c + d)
        whole = _whole_row(relation)
        if asserted(relation) or _named_total(relation) or whole:
            # the row printing 100 in a share column is named the whole by that 100
            named = whole and relation.kind == "structure"
            found.append(dataclasses.replace(relation, named=True) if named else relation)
            if relation.kind != "total-row":
                taken.add(relation.target)
            if relation.kind in ("sum", "difference"):
                equations.add(columns)
    return found


def _named_total(relation: TableRelation) -> bool:
    """A column headed as a total (``Total``, ``合计``, ``Fiscal Year``) that most rows, two
    at least, find the sum of other columns: its header asserts it, so fewer rows need to
    agree than for a relation the numbers alone show (a quarterly table of three rows)."""
    return (
        relation.kind == "sum"
        and names_relation(relation)
        and relation.support >= 2
        and 2 * relation.support > relation.checked
        and few_failing(relation)
    )


def _whole_row(relation: TableRelation) -> bool:
    """A row that is the whole, checked with fewer rows or columns than agreement alone
    needs: a row labelled as the total (``Total``, ``合计``, ``全市``) that holds in as many
    of two columns or more as break it, one at least (the one that breaks it is a slip, not
    a sign that the row is something else); a row no word names (first or last) that is
    the sum of the others to three digits in two columns of three or more, one slip at most
    (the numbers' say: a warning); a row printing 100 in a share column (``地区生产总值 …
    100.0``) whose other rows, most of them and two at least, are its shares."""
    total = relation.total_row
    if total is None:
        return False
    if relation.kind == "total-row":
        # a list of one column is a statement's: its total may add up subtotals (statements)
        held = relation.support >= max(1, len(relation.failing()))
        if total.is_total():
            return relation.checked >= 2 and held
        if is_statement_total(total.label):
            return False  # Grand total, Net …: a statement's total line, named (statements)
        # a row no word names the whole: two columns met to three digits, one slip at most
        precise = [c for c in relation.checks if c.verdict != "fails" and _precise(c.stated)]
        return relation.checked >= 3 and len(precise) >= 2 and len(relation.failing()) <= 1
    if relation.kind != "structure":
        return False
    hundred = total.cells[relation.target]
    return (
        hundred is not None
        and hundred.figure.kind == "percent"
        and hundred.figure.number == _HUNDRED
        and names_relation(dataclasses.replace(relation, total_row=_as_total(total)))
        and relation.support >= 2
        and 2 * relation.support > relation.checked
        and few_failing(relation)
    )


def _precise(cell: Cell) -> bool:
    """A figure of three digits or more: a sum met to its last digit is no coincidence."""
    figure = cell.figure
    return abs(figure.number) >= _PRECISE * figure.unit_in_last_place() / figure.scale


def _as_total(row: Row) -> Row:
    return dataclasses.replace(row, label="Total")


def transpose(table: Table) -> Table | None:
    """The table read the other way: each row a column, each column a row (None when
    its columns have no headers to name the new rows)."""
    if not all(column.header for column in table.columns):
        return None
    columns = tuple(Column(row.label.strip(), "", row.key) for row in table.rows)
    rows = tuple(
        Row(column.header, column.key, 0, tuple(row.cells[index] for row in table.rows))
        for index, column in enumerate(table.columns)
    )
    return dataclasses.replace(table, columns=columns, rows=rows)


def _strength(relation: TableRelation) -> tuple[bool, Decimal, int, int, bool]:
    ratio = Decimal(relation.support) / Decimal(max(1, relation.checked))
    simple = -len(relation.operands)
    # a = b + c read as a total, not as b = a − c (tables print totals), unless b is
    # named as what is left (净收入 = 总收入 − 总费用)
    headers = [relation.table.columns[i].header for i in (relation.target, *relation.operands)]
    net = [_left(header) for header in headers]
    if relation.kind == "difference":
        preferred = net[0]
    else:
        preferred = relation.kind == "sum" and not any(net[1:])
    # a column at least another is what is left to say of it when no sum explains it
    return (relation.kind != "within", ratio, relation.support, simple, preferred)


def _left(header: str) -> bool:
    """A header naming what is left of other columns: net (净收入, net income), or a
    change (Increase, Change, +/-, 增减) of one period on another."""
    return _NET.search(header) is not None or _CHANGE_WORDS.search(header) is not None


_POINTS = re.compile(r"\bpp\b|\bpoints?\b|\bpts?\b|百分点", re.I)
_CHANGE_WORDS = re.compile(
    r"\b(?:change|changes|increase|decrease|difference|rise|fall|variance)\b|\+/-|±"
    r"|增减|差额|变动",
    re.I,
)


def _percent(table: Table, column: int) -> bool:
    kinds = {cell.figure.kind for _, cell in table.cells_of(column)}
    return kinds == {"percent"}


def _unit(table: Table, column: int) -> tuple[object, ...] | None:
    """The unit every cell of a column prints, or, in a table with a column of units
    (``亿元``, ``万吨`` row by row), the unit of each row: columns of the same units are
    compared (None for percents, or a column with no unit to compare)."""
    units = {unit_of(cell.figure) for _, cell in table.cells_of(column)}
    if not units or _percent(table, column):
        return None
    if len(units) == 1:
        return (next(iter(units)),)
    cells = [row.cells[column] for row in table.rows]
    if any(c is None for c in cells):
        return None  # a gap: the column is not read row by row
    return ("by row", *(unit_of(c.figure) for c in cells if c is not None))


def _candidates(table: Table, *, pairs_only: bool = False) -> Iterator[TableRelation]:
    width = len(table.columns)
    percent = [c for c in range(width) if _percent(table, c)]
    amounts = [c for c in range(width) if _unit(table, c) is not None]
    for target in percent:
        for a, b in itertools.permutations(amounts, 2):
            if _unit(table, a) != _unit(table, b):
                continue
            yield _by_rows(table, "share", target, (a, b), share_of)
            yield _by_rows(table, "growth", target, (a, b), growth_of)
        if _CHANGE_WORDS.search(table.columns[target].header) or _POINTS.search(
            table.columns[target].header
        ):  # a change in percentage points: one rate less another (Change (pp), 增减百分点)
            others = [c for c in percent if c != target]
            for a, b in itertools.permutations(others, 2):
                yield _by_rows(table, "difference", target, (a, b), difference_of)
    for target in amounts:
        same = [c for c in amounts if c != target and _unit(table, c) == _unit(table, target)]
        if len(same) >= 3 and not pairs_only:
            yield _by_rows(table, "sum", target, tuple(same), sum_of)
            for run in _runs(same, target):
                yield _by_rows(table, "sum", target, run, sum_of)
        for a, b in itertools.combinations(same, 2):
            yield _by_rows(table, "sum", target, (a, b), sum_of)
        for a, b in itertools.permutations(same, 2):
            yield _by_rows(table, "difference", target, (a, b), difference_of)
    if pairs_only:
        return
    yield from _withins(table)
    yield from _total_rows(table, amounts)
    for target in percent:
        yield from _structures(table, target, amounts)


def _runs(same: list[int], target: int) -> Iterator[tuple[int, ...]]:
    """The runs of three or more adjacent columns (of the target's unit) just after a
    total column or just before it (合计 | 劳动者报酬 | 折旧 | 税 | 盈余 | 按可比价格), other
    than all of them, which is tried already."""
    after = [c for c in same if c > target]
    before = [c for c in same if c < target]
    runs: set[tuple[int, ...]] = set()
    for end in range(3, len(after) + 1):
        run = tuple(after[:end])
        if run == tuple(range(target + 1, target + 1 + end)):
            runs.add(run)
    for start in range(len(before) - 2):
        run = tuple(before[start:])
        if run == tuple(range(target - len(run), target)):
            runs.add(run)
    yield from sorted(r for r in runs if len(r) < len(same))


def _withins(table: Table) -> Iterator[TableRelation]:
    """A column headed as a total (``Total detection rate``) is at least each other column
    of its group and unit (``Sanction detection rate``), when most rows agree."""
    for target, column in enumerate(table.columns):
        if not column.is_total():
            continue
        for part, other in enumerate(table.columns):
            if part == target or other.group != column.group or other.is_total():
                continue
            if _YEARS.findall(other.header) != _YEARS.findall(column.header):
                continue  # Total 2023 is no bound of a column of 2024
            units = {unit_of(c.figure) for _, c in [*table.cells_of(part), *table.cells_of(target)]}
            if len(units) == 1:
                yield _by_rows(table, "within", target, (part,), first_of, ">=")


def _equals(table: Table | None) -> list[TableRelation]:
    """Two columns of one unit that print the same figure in most rows (``Net income
    basic`` and ``Net income`` in six quarters of seven): the rows where they differ are
    inferred from the numbers alone, so the relation is weaker than a total's (a warning).
    Each pair is said once, the later column stated against the earlier."""
    if table is None or len(table.columns) > MAX_COLUMNS:
        return []
    out: list[TableRelation] = []
    for first, second in itertools.combinations(range(len(table.columns)), 2):
        if any(r.target == second for r in out):
            continue
        if _kind_of(table, first) is None or _kind_of(table, first) != _kind_of(table, second):
            continue
        relation = _by_rows(table, "equal", second, (first,), first_of)
        checks = tuple(
            dataclasses.replace(check, verdict=_same(check.stated, check.inputs[0]))
            for check in relation.checks
        )
        relation = dataclasses.replace(relation, checks=checks)
        support = relation.support
        if (
            support >= MIN_SUPPORT
            and support >= EQUAL_AGREEMENT * relation.checked
            and few_failing(relation)
        ):
            out.append(relation)
    return out


def _kind_of(table: Table, column: int) -> tuple[object, ...] | None:
    return ("%",) if _percent(table, column) else _unit(table, column)


def _same(stated: Cell, other: Cell) -> Verdict:
    """Two printings of one quantity agree as duplicates do (docs/design.md §4)."""
    a, b = interval(stated, "nearest"), interval(other, "nearest")
    if a is None or b is None:
        return "fails"
    return "both" if duplicates_agree(stated.figure, a, other.figure, b) else "fails"


def _by_rows(
    table: Table,
    kind: str,
    target: int,
    operands: tuple[int, ...],
    formula: Formula,
    op: str = "==",
) -> TableRelation:
    # a year's earnings per share or average shares are no sum of quarters'
    skip = _not_additive if kind == "sum" else None
    return checked_rows(table, kind, target, operands, formula, op, skip=skip)


def _not_additive(row: Row) -> bool:
    return not additive(row.label)


def _total_row(table: Table) -> Row | None:
    """The row labelled as a total, else the first row when the table lists it first."""
    labelled = [row for row in table.rows if row.is_total()]
    if len(labelled) == 1:
        return labelled[0]
    return None if labelled else table.rows[0]


def _items(table: Table, total: Row) -> list[Row]:
    """The rows a total adds up: not the total, not a sub-item (``#城镇人口``, 其中)."""
    return [
        row
        for row in table.rows
        if row is not total and not row.label.lstrip().startswith(("#", "＃", "其中", "of which"))
    ]


def _total_rows(table: Table, amounts: list[int]) -> Iterator[TableRelation]:
    total = _total_row(table) if table.complete else None
    if total is None:
        return
    yield from _total_row_checks(table, amounts, total)
    if not total.is_total() and table.rows[-1] is not total:
        yield from _total_row_checks(table, amounts, table.rows[-1])  # or the last row


def _total_row_checks(table: Table, amounts: list[int], total: Row) -> Iterator[TableRelation]:
    items = _items(table, total)
    if len(items) < 2:
        return
    checks = []
    for column in amounts:
        if not additive(table.columns[column].header):
            continue  # a rate or an average column: its total row is no sum
        stated = total.cells[column]
        inputs = [row.cells[column] for row in items]
        if stated is None or any(cell is None for cell in inputs):
            continue
        verdict = decide(stated, inputs, sum_of)  # type: ignore[arg-type]
        if verdict is not None:
            checks.append(RowCheck(total, stated, tuple(inputs), verdict))  # type: ignore[arg-type]
    # A total row is asserted by its columns' agreement; two columns are enough when all agree.
    yield TableRelation(table, "total-row", -1, (), tuple(checks), total)


def _structures(table: Table, target: int, amounts: list[int]) -> Iterator[TableRelation]:
    total = _total_row(table)
    if total is None or (not total.is_total() and adds_up_to_100(table.rows, target)):
        return  # shares of every row adding up to 100: the first row is a part, not the whole
    for column in amounts:
        whole = total.cells[column]
        if whole is None:
            continue
        checks = []
        for row in table.rows:
            stated, part = row.cells[target], row.cells[column]
            if row is total or stated is None or part is None:
                continue
            verdict = decide(stated, [part, whole], share_of)
            if verdict is not None:
                checks.append(RowCheck(row, stated, (part, whole), verdict))
        yield TableRelation(table, "structure", target, (column,), tuple(checks), total)

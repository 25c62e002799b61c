"""A percent column of the parts of one whole, beside the column that counts them.

An election's results (``Seats``, ``Seats %``, ``Votes``, ``Votes %``), a census table of
towns (``常住人口``, ``比重``), a school's pupils by grade (``n``, ``%``): each row is a part,
its share is its count over one whole — the same for every row. The whole is found by
agreement across the rows among the figures that could be it: the column's own sum, a
total row, or a figure the text prints near the table ("21 (of the 26) seats", "Turnout
39,812"). Once most rows agree on one (two at least, more than break it, when the header
names the share of that column — ``Seats %`` beside ``Seats``, ``% of total``, ``占比`` —;
as many as any relation of the numbers needs otherwise), the table asserts:

- each row's share is its count over that whole (a row that breaks it is a finding);
- the shares add up to at most 100, and to 100 when the rows are the whole (their counts
  add up to it): parts of one whole never make more than it;
- the counts add up to at most the whole, when the whole is printed (counts are exact:
  seats adding to 24 of "22 seats").

A rate (each row's count over its own base: pass rates of schools, the share of offenders
under 18 in each force) is no part of a whole: its rows agree on no common whole, so none
of this is asserted. docs/design.md §9 (tables).

>>> from factlint.extract.tables.reading import read_tables
>>> text = '''Party     Seats   Seats %
... Red          10      47.6
... Blue          3       9.5
... Green         4      19.0
... Gold          4      19.0
... '''
>>> [(r.kind, r.describe(), r.support, [c.row.label for c in r.failing()])
...  for r in parts_of_whole(read_tables(text)[0], ())]
... # doctest: +NORMALIZE_WHITESPACE
[('share-of-sum', 'Seats % = Seats / the sum of Seats', 3, ['Blue']),
 ('parts-sum', 'the Seats % of the rows add up to 100', 0, ['Red'])]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from factlint.extract.tables.deciding import (
    MIN_SUPPORT,
    RowCheck,
    TableRelation,
    asserted,
    decide,
    interval,
    share_of,
    sum_of,
)
from factlint.extract.tables.model import Cell, Column, Row, Table
from factlint.numbers.intervals import Interval

_WHOLE = Interval.point(Decimal(1))  # 100% as a percent figure's value
_SUB_ROW = ("#", "＃", "其中", "of which")
# a header that names the share of the whole: ``% of total``, ``Share``, ``占比``, ``比重``
_OF_THE_WHOLE = re.compile(
    r"%\s*of\s+(?:all|the\s+total|total)|per\s?cent\s+of\s+(?:all|total)|\bshare\b"
    r"|占比|佔比|比重|构成|構成",
    re.I,
)
_PERCENT_WORDS = re.compile(r"[(（]?\s*(?:%|％|per\s?cent|percentage|pct)\s*[)）]?", re.I)
_NOT_WORD = re.compile(r"[^\w]+")


def parts_of_whole(
    table: Table, wholes: Sequence[Cell], explained: frozenset[int] = frozenset()
) -> list[TableRelation]:
    """The relations of each percent column (not in ``explained``: a column some other
    relation of the table accounts for) that is the shares of a count column over one
    whole: each row's share, the shares' sum, the counts' sum (see the module's doc).
    ``wholes`` are the figures printed near the table, as cells where they are printed."""
    total = _total_row(table)
    rows = [
        row
        for row in table.rows
        if row is not total and not row.label.lstrip().startswith(_SUB_ROW)
    ]
    found: list[TableRelation] = []
    for target in range(len(table.columns)):
        if target in explained or not _percents(rows, target):
            continue
        best: tuple[tuple[int, int, int], list[TableRelation]] | None = None
        for column in range(len(table.columns)):
            if column == target or not _counts(rows, column):
                continue
            named = table.bracketed or _names_share_of(table.columns[target], table.columns[column])
            for far, relations in _readings(table, rows, total, target, column, wholes, named):
                shares = relations[0]
                if not _accepted(shares):
                    continue
                strength = (shares.support, -len(shares.failing()), -far)  # nearest first
                if best is None or strength > best[0]:
                    best = (strength, relations)
        if best is not None:
            found += best[1]
        else:
            found += _over_an_unprinted_whole(table, rows, target)
    return found


def _over_an_unprinted_whole(table: Table, rows: Sequence[Row], target: int) -> list[TableRelation]:
    """A column headed as the share of a count column (``Votes %`` beside ``Votes``)
    whose rows agree on one whole the text does not print (8,702 at 21.8% and 8,091 at
    20.3% are both of some 39,830 votes): its shares add up to 100 at most. The rows'
    own bases differ in a column of rates (each school's pass rate over its own pupils),
    which asserts nothing."""
    for column in range(len(table.columns)):
        if column == target or not _counts(rows, column):
            continue
        if not _names_share_of(table.columns[target], table.columns[column]):
            continue
        bases = [
            base
            for row in rows
            if (stated := row.cells[target]) is not None
            and (part := row.cells[column]) is not None
            and part.figure.number
            and (base := _base(part, stated)) is not None
        ]
        agreeing = _most_meeting(bases)
        if agreeing >= MIN_SUPPORT and len(bases) - agreeing <= max(1, len(bases) // _SLIPS):
            return _shares_add_up(table, rows, target, True, exhaustive=False)
    return []


_SLIPS = 10  # rows per row that may break a relation the others agree on (deciding)


def _base(part: Cell, share: Cell) -> Interval | None:
    """The wholes of which the part is the share, to nearest."""
    count, fraction = interval(part, "nearest"), interval(share, "nearest")
    if count is None or fraction is None or fraction.lo is None or fraction.lo <= 0:
        return None
    try:
        return count / fraction
    except ArithmeticError:
        return None


def _most_meeting(intervals: Sequence[Interval]) -> int:
    """How many of the intervals share a point, at most (closed ends: a touch is a point)."""
    ends = [(i.lo, 0) for i in intervals if i.lo is not None and i.hi is not None]
    ends += [(i.hi, 1) for i in intervals if i.lo is not None and i.hi is not None]
    most = inside = 0
    for _, closing in sorted(ends):
        inside += -1 if closing else 1
        most = max(most, inside)
    return most


def _total_row(table: Table) -> Row | None:
    labelled = [row for row in table.rows if row.is_total()]
    return labelled[0] if len(labelled) == 1 else None


def _percents(rows: Sequence[Row], target: int) -> bool:
    cells = [row.cells[target] for row in rows]
    printed = [c for c in cells if c is not None]
    return len(printed) >= MIN_SUPPORT and all(c.figure.kind == "percent" for c in printed)


def _counts(rows: Sequence[Row], column: int) -> bool:
    """A column of amounts none below zero: what parts of a whole are counted in."""
    cells = [row.cells[column] for row in rows]
    printed = [c for c in cells if c is not None]
    return (
        len(printed) >= MIN_SUPPORT
        and all(c.figure.kind != "percent" and c.figure.number >= 0 for c in printed)
        and not any(c.text.lstrip().startswith(("+", "-", "−")) for c in printed)
    )


def _own(column: Column) -> str:
    return column.header[len(column.group) :].strip() or column.header


def _names_share_of(share: Column, count: Column) -> bool:
    """Whether the percent column's header names the share of the whole (``% of total``,
    ``占比``) or of the count column (``Seats %`` beside ``Seats``, ``Vote (%)`` beside
    ``Votes``)."""
    header = _own(share)
    if _OF_THE_WHOLE.search(header):
        return True
    if not _PERCENT_WORDS.search(header):
        return False  # no % in the header: ``Pass rate`` is no share of ``Pupils``
    noun, counted = _words(_PERCENT_WORDS.sub(" ", header)), _words(_own(count))
    if not noun or not counted:
        return False
    return noun == counted or noun.rstrip("s") == counted.rstrip("s")


def _words(text: str) -> str:
    return _NOT_WORD.sub(" ", text.lower()).strip()


def _readings(
    table: Table,
    rows: Sequence[Row],
    total: Row | None,
    target: int,
    column: int,
    wholes: Sequence[Cell],
    named: bool,
) -> list[tuple[int, list[TableRelation]]]:
    """For each figure that may be the whole (the column's sum, the total row's cell, a
    figure printed near the table), how far from the table it is printed and the
    relations it makes, the rows' shares first."""
    pairs = [
        (row, stated, part)
        for row in rows
        if (stated := row.cells[target]) is not None and (part := row.cells[column]) is not None
    ]
    if len(pairs) < MIN_SUPPORT:
        return []
    parts = tuple(part for _, _, part in pairs)
    out: list[tuple[int, list[TableRelation]]] = []
    # over the column's own sum: the rows are the whole
    checks = tuple(
        RowCheck(row, stated, (part, *parts), verdict)
        for row, stated, part in pairs
        if (verdict := decide(stated, (part, *parts), _share_of_sum)) is not None
    )
    over_sum = TableRelation(table, "share-of-sum", target, (column,), checks, named=named)
    out.append((0, [over_sum, *_shares_add_up(table, rows, target, named, exhaustive=True)]))
    printed: list[tuple[Cell, Row | None, str]] = []
    if total is not None and (cell := total.cells[column]) is not None:
        printed.append((cell, total, ""))
    printed += [(cell, None, f"{cell.text} (line {cell.line})") for cell in wholes]
    for whole, row_of_whole, scope in printed:
        if whole.figure.kind == "percent" or whole.figure.number <= 0:
            continue
        checks = tuple(
            RowCheck(row, stated, (part, whole), verdict)
            for row, stated, part in pairs
            if (verdict := decide(stated, (part, whole), share_of)) is not None
        )
        kind = "structure" if row_of_whole is not None else "share-of-stated"
        shares = TableRelation(
            table, kind, target, (column,), checks, row_of_whole, scope=scope, named=named
        )
        counted = decide(whole, parts, sum_of, ">=")
        exhaustive = _reaches(whole, parts)  # or beyond it: a count too many is a finding
        reading = [shares, *_shares_add_up(table, rows, target, named, exhaustive=exhaustive)]
        if counted is not None and all(c.exact for c in parts):
            check = RowCheck(row_of_whole or pairs[0][0], whole, parts, counted)
            reading.append(
                TableRelation(
                    table,
                    "parts-count",
                    column,
                    (column,),
                    (check,),
                    row_of_whole,
                    scope=scope,
                    named=named,
                )
            )
        out.append((_lines_from(table, whole), reading))
    return out


def _lines_from(table: Table, cell: Cell) -> int:
    """How many lines a figure printed outside the table is from it (0 inside it)."""
    return max(table.first_line - cell.line, cell.line - table.last_line, 0)


def _share_of_sum(values: Sequence[Interval]) -> Interval:
    return values[0] / sum_of(values[1:])


def _reaches(whole: Cell, parts: Sequence[Cell]) -> bool:
    """Whether the parts add up to the whole (or more): then they are all of it."""
    return decide(whole, parts, sum_of, "<=") not in (None, "fails")


def _shares_add_up(
    table: Table, rows: Sequence[Row], target: int, named: bool, *, exhaustive: bool
) -> list[TableRelation]:
    """The shares' sum: 100 when the rows are the whole, at most 100 when they may be only
    some of its parts (a zero share, a party that did not stand, is left out of that sum:
    it is no less than zero, whatever its rounding)."""
    cells = [c for row in rows if (c := row.cells[target]) is not None]
    if not exhaustive:
        cells = [c for c in cells if c.figure.number]
    if len(cells) < 2:
        return []
    stated, others = cells[0], tuple(cells[1:])
    verdict = decide(stated, others, _rest_of_hundred, "==" if exhaustive else "<=")
    if verdict is None:
        return []
    row = next(row for row in rows if row.cells[target] is stated)
    kind = "parts-sum" if exhaustive else "parts-at-most"
    return [
        TableRelation(
            table, kind, target, (), (RowCheck(row, stated, others, verdict),), named=named
        )
    ]


def _rest_of_hundred(values: Sequence[Interval]) -> Interval:
    rest = _WHOLE
    for value in values:
        rest = rest - value
    return rest


def _accepted(shares: TableRelation) -> bool:
    """The rows agree on the whole: as any relation of the numbers needs, or, when the
    header names the share, two rows at least and more than break it, or three at least
    and as many as break it (three shares meeting one whole to their last digit are no
    coincidence: the rows that miss it are slips)."""
    if asserted(shares):
        return True
    support, failing = shares.support, len(shares.failing())
    return shares.named and (
        (support >= 2 and support > failing) or (support >= MIN_SUPPORT and support >= failing)
    )

"""A table read from plain text: columns with their headers and units, rows with labels,
cells with the figure they print and where they print it.

Plain frozen values; ``reading`` builds them, ``relations`` reasons about them.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass

from factlint.extract.tables.units import carried_currency, with_currency
from factlint.numbers.figures import Figure


@dataclass(frozen=True)
class Cell:
    """One number in a table: as printed, where (1-based line and column), and the figure
    it stands for once the column's unit is applied (``32.3`` under ``比重(%)`` is 32.3%)."""

    text: str
    line: int
    column: int
    figure: Figure
    exact: bool = False
    """A count: a whole number in a column of whole numbers with no unit or scale
    (offenders caught, projects), exact as counts are (docs/design.md §3)."""


@dataclass(frozen=True)
class Column:
    """A column of numbers: its header as printed (both header lines joined), its unit, and
    a short key for ids."""

    header: str
    unit: str
    key: str
    group: str = ""
    """The header of the group of columns it belongs to (``2005-06`` over ``Total`` and
    ``Sanction``), also written at the start of ``header``."""

    def is_total(self) -> bool:
        """A column whose own header names a total (Total, 合计, 总量 …)."""
        own = self.header[len(self.group) :].strip().lower()
        return own.startswith(_TOTAL_COLUMNS)


@dataclass(frozen=True)
class Row:
    """One row: its label as printed, a key for ids, and one cell per column (None where
    the row prints nothing, a dash or a note)."""

    label: str
    key: str
    line: int
    cells: tuple[Cell | None, ...]
    section: str = ""
    """The heading printed on a line of its own above the group of rows it belongs to
    (``按品种分``, ``Number of Schools``), "" when none."""

    def is_total(self) -> bool:
        """A row whose label names a total (合计, 全市, Total, All …)."""
        label = _SPACED_OUT.sub("", self.label.strip().lower())  # 总 计 is 总计
        return label.startswith(_TOTAL_LABELS) or label in ("all", "total", "overall")


_TOTAL_LABELS = ("合计", "总计", "總計", "合計", "总体", "全市", "全县", "全縣", "全省", "全区",
                 "全国", "全國", "total", "all ")  # fmt: skip


_SPACED_OUT = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
_TOTAL_COLUMNS = ("total", "合计", "合計", "总计", "總計", "总", "總", "全部")


@dataclass(frozen=True)
class Table:
    """A table found in a text: ``first_line`` and ``last_line`` span its header and body."""

    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    first_line: int
    last_line: int
    complete: bool = True
    """Every body line was placed in the columns (a total row can be checked against
    the rest only then)."""
    label_header: str = ""
    """The heading of the label column (``Police force``, ``县（市、区）``), when printed."""
    ranked: bool = False
    """A list of one figure a line that the text says is in rank order (``ranked``)."""
    bracketed: bool = False
    """A list of counts each with its share in brackets (``340 (38.4%)``, ``bracketed``):
    the brackets name the share of the count."""

    def cells_of(self, column: int) -> list[tuple[Row, Cell]]:
        return [(row, cell) for row in self.rows if (cell := row.cells[column]) is not None]


class TableLines:
    """The lines some table spans, from its first line to its last: ``line in spans`` in
    O(log tables), where asking every table costs a pass over them for each figure.

    >>> spans = TableLines([(3, 5), (4, 9), (20, 20)])
    >>> [line in spans for line in (2, 3, 9, 10, 20)]
    [False, True, True, False, True]
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for first, last in sorted(spans):
            if merged and first <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], last)
            elif first <= last:
                merged.append([first, last])
        self._firsts = [first for first, _ in merged]
        self._lasts = [last for _, last in merged]

    @classmethod
    def of(cls, tables: Iterable[Table]) -> TableLines:
        return cls((table.first_line, table.last_line) for table in tables)

    def __contains__(self, line: int) -> bool:
        at = bisect.bisect_right(self._firsts, line) - 1
        return at >= 0 and line <= self._lasts[at]


def _is_count(cell: Cell) -> bool:
    figure = cell.figure
    plain = figure.kind == "number" and not figure.scale_text and not figure.unit
    return plain and figure.places == 0


def mark_counts_exact(rows: tuple[Row, ...], width: int) -> tuple[Row, ...]:
    """The rows with the cells of columns that print only whole numbers with no unit or
    scale marked exact: such columns count things (offenders caught, projects)."""
    counts = [
        all(_is_count(cell) for row in rows if (cell := row.cells[index]) is not None)
        for index in range(width)
    ]
    return tuple(
        dataclasses.replace(
            row,
            cells=tuple(
                dataclasses.replace(cell, exact=True) if cell is not None and counts[i] else cell
                for i, cell in enumerate(row.cells)
            ),
        )
        for row in rows
    )


def carry_currencies(rows: tuple[Row, ...], width: int) -> tuple[Row, ...]:
    """The rows with the plain numbers of a column that prints its currency only on some
    rows (``$1,250.4`` over ``812.7``) read in that currency."""
    out = [list(row.cells) for row in rows]
    for index in range(width):
        cells = [(number, cell) for number, row in enumerate(rows) if (cell := row.cells[index])]
        sign = carried_currency([c.text for _, c in cells], [c.figure for _, c in cells])
        if not sign:
            continue
        for number, cell in cells:
            if cell.figure.kind == "number":
                figure = with_currency(cell.figure, sign)
                if figure is not None:
                    out[number][index] = dataclasses.replace(cell, figure=figure)
    return tuple(
        dataclasses.replace(row, cells=tuple(cells)) for row, cells in zip(rows, out, strict=True)
    )

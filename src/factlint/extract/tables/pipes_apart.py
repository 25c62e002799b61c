"""Pipe tables whose cells come one a line: a web page's table copied as text, the header
row on one line (``Party | Votes | Share |``), then every cell on a line of its own with the
pipes between cells on lines of their own (``Green`` / ``|`` / ``412`` / ``|`` / ``51.5%``).

The cells are read in order between the pipes, a row every as many cells as the header
has. A row that prints fewer figures than the table has columns (the page dropped its
empty cells and padded the row at its end) is placed only when its figures, left to right,
are of the kinds the full rows print in those columns; otherwise it is left out. The stream
of cells ends at a line that is neither a pipe nor followed by one.

>>> lines = ["Party | Votes | Share |", "Green |", "412", "|", "51.5%", "|", "Red", "|",
...          "300", "|", "37.5%", "|", "Blue", "|", "88", "|", "11.0%", "|", "Total", "|",
...          "800", "|", "The count was held on Friday night at the town hall."]
>>> table = read_pipes_apart(lines)[0]
>>> [(r.label, [c.figure.text for c in r.cells if c]) for r in table.rows][::3]
[('Green', ['412', '51.5%']), ('Total', ['800'])]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from factlint.extract.tables.cells import is_number
from factlint.extract.tables.keys import column_keys, row_keys
from factlint.extract.tables.model import Cell, Column, Row, Table, mark_counts_exact
from factlint.extract.tables.units import cell_figure, is_empty_cell, unit_in

MIN_ROWS = 3
MAX_COLUMNS = 24
_CELL = 40  # a line this long with no pipe is running text, not a cell


@dataclass(frozen=True)
class _Text:
    text: str
    line: int  # 1-based
    column: int  # 1-based, where the text starts


def read_pipes_apart(lines: Sequence[str]) -> list[Table]:
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        header = _header(lines[index])
        if header is None or index + 1 >= len(lines) or lines[index + 1].count("|") > 1:
            index += 1
            continue
        cells, end = _stream(lines, index + 1)
        table = _table(index + 1, header, cells)
        if table is not None:
            tables.append(table)
        index = max(end, index + 1)
    return tables


def _header(text: str) -> list[str] | None:
    """The cells of a header line: three or more, none a figure."""
    if text.count("|") < 3:
        return None
    cells = [part.strip() for part in text.split("|")]
    if cells and not cells[0] and text.lstrip().startswith("|"):
        cells = cells[1:]
    while cells and not cells[-1]:
        cells.pop()
    if not 3 <= len(cells) <= MAX_COLUMNS or any(is_number(c) or not c for c in cells):
        return None
    return cells


def _stream(lines: Sequence[str], start: int) -> tuple[list[_Text], int]:
    """The cells between pipes from line ``start`` on (0-based), and where they end."""
    cells: list[_Text] = []
    current: list[_Text] = []
    index = start
    while index < len(lines):
        text = lines[index]
        if "|" not in text:
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if len(text.strip()) > _CELL or "|" not in following:
                break
        offset = 0
        for number, part in enumerate(text.split("|")):
            if number:
                cells.append(_joined(current, index + 1))
                current = []
            if part.strip():
                column = offset + len(part) - len(part.lstrip()) + 1
                current.append(_Text(part.strip(), index + 1, column))
            offset += len(part) + 1
        index += 1
    return cells, index


def _joined(parts: list[_Text], line: int) -> _Text:
    if not parts:
        return _Text("", line, 0)
    return _Text(" ".join(p.text for p in parts), parts[0].line, parts[0].column)


def _kind(text: str) -> str:
    if not text or is_empty_cell(text):
        return ""
    if not is_number(text):
        return "t"
    return "%" if text.endswith(("%", "％")) else "n"


def _table(first: int, header: list[str], cells: list[_Text]) -> Table | None:
    width = len(header) - 1
    groups = [cells[i : i + width + 1] for i in range(0, len(cells), width + 1)]
    groups = [g + [_Text("", 0, 0)] * (width + 1 - len(g)) for g in groups]
    while groups and not any(_kind(t.text) in ("n", "%") for t in groups[-1][1:]):
        groups.pop()
    if any(_kind(g[0].text) != "t" for g in groups):
        return None  # the cells do not fall into rows under the header
    full = [g for g in groups if all(_kind(t.text) for t in g[1:])]
    kinds = [{_kind(g[i].text) for g in full} for i in range(1, width + 1)]
    placed = [g for g in groups if _fits(g, kinds)]
    if len(placed) < MIN_ROWS:
        return None
    headers = header[1:]
    columns = tuple(
        Column(h, unit_in(h), key, "") for h, key in zip(headers, column_keys(headers), strict=True)
    )
    rows = []
    for group, key in zip(placed, row_keys([g[0].text for g in placed]), strict=True):
        row_cells: list[Cell | None] = []
        for text, column in zip(group[1:], columns, strict=True):
            figure = cell_figure(text.text, column.unit) if _kind(text.text) in "n%" else None
            cell = Cell(text.text, text.line, text.column, figure) if figure else None
            row_cells.append(cell if text.text else None)
        rows.append(Row(group[0].text, key, group[0].line, tuple(row_cells)))
    last = max(t.line for g in placed for t in g)
    return Table(
        columns,
        mark_counts_exact(tuple(rows), width),
        first,
        last,
        complete=len(placed) == len(groups),
        label_header=header[0],
    )


def _fits(group: list[_Text], kinds: list[set[str]]) -> bool:
    """A row whose figures are each of a kind the full rows print in its column."""
    filled = [_kind(t.text) for t in group[1:]]
    return all(not kind or kind in allowed for kind, allowed in zip(filled, kinds, strict=True))

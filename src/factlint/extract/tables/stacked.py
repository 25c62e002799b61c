"""Tables whose cells come one per line: web pages copied as text, where every cell of an
HTML table lands on a line of its own (blank lines between, often).

A body is at least three rows of the same shape: a label line, then ``k`` lines that each
print one figure (``k`` ≥ 2). The ``k`` text lines just above the first label name the
columns; a line above them (``指 標``, ``Offence group``) is the label column's heading, and
a run of lines above that whose count divides ``k`` spans groups of columns (five periods
over ten measures: each period over two).

>>> lines = ["单位：万人", "指标", "年末数", "比重(%)", "全县", "85.64", "100.0", "城镇",
...          "27.68", "32.3", "乡村", "57.96", "67.7"]
>>> table = read_stacked(lines)[0]
>>> [(c.header, c.unit) for c in table.columns]
[('年末数', '万人'), ('比重(%)', '%')]
>>> [(r.key, [c.figure.text for c in r.cells if c]) for r in table.rows][1]
('城镇', ['27.68万人', '32.3%'])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from factlint.extract.tables.cells import is_number
from factlint.extract.tables.headers import table_unit
from factlint.extract.tables.keys import column_keys, row_keys
from factlint.extract.tables.model import Cell, Column, Row, Table, mark_counts_exact
from factlint.extract.tables.units import cell_figure, is_empty_cell, unit_in

MIN_ROWS = 3
MAX_COLUMNS = 24
_LABEL = 40  # a label line longer than this is running text
_HEADER = 30


@dataclass(frozen=True)
class _Line:
    number: int  # 1-based line in the text
    text: str  # stripped
    column: int  # 1-based column where the text starts
    numeric: bool  # a figure or an empty cell's mark: found once, read for every row tried


def _line(number: int, text: str) -> _Line:
    stripped = text.strip()
    numeric = is_number(stripped) or (is_empty_cell(stripped) and bool(stripped))
    return _Line(number, stripped, len(text) - len(text.lstrip()) + 1, numeric)


def read_stacked(lines: Sequence[str]) -> list[Table]:
    """The one-cell-a-line tables of a text given as its lines."""
    filled = [_line(number, text) for number, text in enumerate(lines, 1) if text.strip()]
    tables: list[Table] = []
    index = 0
    while index < len(filled):
        width = _row_width(filled, index)
        if width < 2:
            index += 1
            continue
        rows = _rows(filled, index, width)
        if len(rows) < MIN_ROWS:
            index += 1
            continue
        table = _table(lines, filled, index, width, rows)
        if table is not None:
            tables.append(table)
        index += len(rows) * (width + 1)
    return tables


def _row_width(filled: Sequence[_Line], index: int) -> int:
    """How many figure lines follow a label line at ``index`` (0 when it is no label)."""
    label = filled[index]
    if label.numeric or len(label.text) > _LABEL:
        return 0
    width = 0
    while index + 1 + width < len(filled) and filled[index + 1 + width].numeric:
        width += 1
    return width if width <= MAX_COLUMNS else 0


def _rows(filled: Sequence[_Line], start: int, width: int) -> list[int]:
    rows = []
    index = start
    while index < len(filled) and _row_width(filled, index) == width:
        rows.append(index)
        index += width + 1
    return rows


def _table(
    lines: Sequence[str], filled: Sequence[_Line], start: int, width: int, rows: list[int]
) -> Table | None:
    above = filled[max(0, start - 2 * width - 2) : start]
    own = [line for line in above[-width:] if not line.numeric and len(line.text) <= _HEADER]
    if len(own) != width:
        # no heading for each column: the columns cannot be named with confidence, unless
        # one caption over them says which add up to 100 per cent
        return _captioned(lines, filled, above[-1:], width, rows)
    rest = list(above[: len(above) - width])
    groups = [""] * width
    first = own[0].number
    heading = ""
    if rest and not rest[-1].numeric and len(rest[-1].text) <= _HEADER:
        first = rest[-1].number
        heading = rest[-1].text
        rest = rest[:-1]  # the label column's heading
    spans: list[_Line] = []
    for line in reversed(rest):
        if line.numeric or len(line.text) > _HEADER:
            break
        spans.insert(0, line)
    for count in range(len(spans), 1, -1):
        if width % count == 0 and count < width:
            chosen = spans[len(spans) - count :]
            step = width // count
            groups = [chosen[i // step].text for i in range(width)]
            first = chosen[0].number
            break
    headers = [" ".join(t for t in (g, o.text) if t) for g, o in zip(groups, own, strict=True)]
    unit = table_unit(lines, first, [])
    units = [unit_in(header) or unit for header in headers]
    return _built(filled, rows, headers, units, groups, first, heading)


def _built(
    filled: Sequence[_Line],
    rows: list[int],
    headers: list[str],
    units: list[str],
    groups: list[str],
    first: int,
    heading: str,
) -> Table:
    width = len(headers)
    keys = column_keys(headers)
    columns = tuple(
        Column(header, unit_, key, group)
        for header, unit_, key, group in zip(headers, units, keys, groups, strict=True)
    )
    total = _short_total(filled, rows[-1] + width + 1, width)
    labels = [filled[i].text for i in rows] + ([filled[total].text] if total else [])
    body: list[Row] = []
    for index, key in zip([*rows, *([total] if total else [])], row_keys(labels), strict=True):
        label = filled[index]
        cells: list[Cell | None] = [None] * width
        for offset, column in enumerate(columns, 1):
            if index == total and offset > _row_width(filled, index):
                break  # a total row printing the first columns only
            line = filled[index + offset]
            figure = None if is_empty_cell(line.text) else cell_figure(line.text, column.unit)
            cell = None if figure is None else Cell(line.text, line.number, line.column, figure)
            cells[offset - 1] = cell
        body.append(Row(label.text, key, label.number, tuple(cells)))
    end = total + _row_width(filled, total) if total else rows[-1] + width
    rows_ = mark_counts_exact(tuple(body), width)
    return Table(columns, rows_, first, filled[end].number, label_header=heading)


def _short_total(filled: Sequence[_Line], index: int, width: int) -> int | None:
    """The total row after the rows, when it prints its first figures only (the total of
    a count column, and no share): ``Total`` / ``148,880``."""
    if index >= len(filled) or not 0 < _row_width(filled, index) < width:
        return None
    return index if Row(filled[index].text, "", 0, ()).is_total() else None


def _captioned(
    lines: Sequence[str],
    filled: Sequence[_Line],
    caption: Sequence[_Line],
    width: int,
    rows: list[int],
) -> Table | None:
    """A table under one caption line that names its columns in words too close to split
    (``Decile Number of pupils Percentage of pupils``): a column whose figures add up to
    100 is the percentage the caption names; the others have no name."""
    if not caption or caption[0].numeric or unit_in(caption[0].text) != "%":
        return None
    unit = table_unit(lines, caption[0].number, [])
    units = [
        "%" if _adds_up_to_100([filled[i + offset].text for i in rows]) else unit
        for offset in range(1, width + 1)
    ]
    if "%" not in units:
        return None
    return _built(filled, rows, [""] * width, units, [""] * width, caption[0].number, "")


def _adds_up_to_100(texts: list[str]) -> bool:
    """Figures as printed (``12.1``, ``18,090``) that add up to 100 within their rounding."""
    total = half = Decimal(0)
    for text in texts:
        try:
            value = Decimal(text.replace(",", ""))
        except ArithmeticError:
            return False
        exponent = value.as_tuple().exponent
        if not isinstance(exponent, int) or value < 0:
            return False
        total += value
        half += Decimal(1).scaleb(exponent) / 2
    return abs(total - 100) <= half

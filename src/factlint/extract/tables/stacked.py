"""Tables whose cells come one per line: web pages copied as text, where every cell of an
HTML table lands on a line of its own (blank lines between, often).

A body is at least three rows of the same shape: a label line, then ``k`` lines that each
print one figure (``k`` ≥ 2). The ``k`` text lines just above the first label name the
columns; a line above them (``指 標``, ``Offence group``) is the label column's heading, and
a run of lines above that whose count divides ``k`` spans groups of columns (five periods
over ten measures: each period over two). A financial statement copied from a web page
prints a currency sign and a negative's closing bracket on lines of their own (``$`` /
``69,510``; ``(22,271`` / ``)``): they go back on their figures. A period on a line of its
own between rows (``2017`` over the second year's rows) heads the rows under it.

>>> lines = ["单位：万人", "指标", "年末数", "比重(%)", "全县", "85.64", "100.0", "城镇",
...          "27.68", "32.3", "乡村", "57.96", "67.7"]
>>> table = read_stacked(lines)[0]
>>> [(c.header, c.unit) for c in table.columns]
[('年末数', '万人'), ('比重(%)', '%')]
>>> [(r.key, [c.figure.text for c in r.cells if c]) for r in table.rows][1]
('城镇', ['27.68万人', '32.3%'])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from factlint.extract.tables.cell_lines import CellLine, cell_lines
from factlint.extract.tables.cells import is_number
from factlint.extract.tables.headers import table_unit
from factlint.extract.tables.keys import column_keys, row_keys
from factlint.extract.tables.model import Cell, Column, Row, Table, mark_counts_exact
from factlint.extract.tables.units import cell_figure, column_unit, is_empty_cell, unit_in

MIN_ROWS = 3
MAX_COLUMNS = 24
_LABEL = 60  # a label line longer than this is running text
_HEADER = 30  # a line heading the label column or a group of columns
_COLUMN_HEADER = 50  # a column's own header may say more (Response outcome: Number withdrawn*)
_PAIR_WORD = 12  # a header printed one word a line: each line a short word
_MAX_HEADINGS = 2  # heading lines in a row inside a table (一、受教育人口 / 每十万人…)
_SIGNS = frozenset({"$", "£", "€", "¥", "US$"})
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_ENUMERATED = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）])")


@dataclass(frozen=True)
class _Row:
    index: int  # of its label in the filled lines
    section: str  # the heading of its group, "" when none


@dataclass(frozen=True)
class _Line:
    number: int  # 1-based line in the text
    text: str  # stripped
    column: int  # 1-based column where the text starts
    numeric: bool  # a figure or an empty cell's mark: found once, read for every row tried


def _line(cell: CellLine, numeric: dict[str, bool]) -> _Line:
    """``numeric`` keeps what each text printed is (a long report repeats its lines)."""
    text = cell.text
    is_numeric = numeric.get(text)
    if is_numeric is None:
        is_numeric = numeric[text] = is_number(text) or (is_empty_cell(text) and bool(text))
    return _Line(cell.number, text, cell.column, is_numeric)


def read_stacked(lines: Sequence[str]) -> list[Table]:
    """The one-cell-a-line tables of a text given as its lines."""
    numeric: dict[str, bool] = {}
    filled = _glued([_line(cell, numeric) for cell in cell_lines(lines)])
    tables: list[Table] = []
    index = 0
    while index < len(filled):
        width = _row_width(filled, index)
        if width < 2:
            index += 1
            continue
        rows, end = _rows(filled, index, width)
        if len(rows) < MIN_ROWS:
            index += 1
            continue
        table = _table(lines, filled, index, width, rows)
        if table is not None:
            tables.append(table)
        index = end
    return tables


def _glued(filled: list[_Line]) -> list[_Line]:
    """The lines with the marks a financial statement copied from a web page prints on
    lines of their own put back on their figures: a currency sign before its number
    (``$`` / ``69,510``), the closing bracket of a negative after it (``(22,271`` / ``)``)."""
    out: list[_Line] = []
    for index, line in enumerate(filled):
        after = filled[index + 1] if index + 1 < len(filled) else None
        if line.text in _SIGNS and after is not None and after.numeric:
            continue  # the number's column tells its currency
        if line.text in (")", ")%") and out and out[-1].numeric and out[-1].text.startswith("("):
            last = out[-1]
            out[-1] = _Line(last.number, last.text + line.text, last.column, True)
            continue
        out.append(line)
    return out


def _row_width(filled: Sequence[_Line], index: int) -> int:
    """How many figure lines follow a label line at ``index`` (0 when it is no label)."""
    label = filled[index]
    if label.numeric or len(label.text) > _LABEL:
        return 0
    width = 0
    while index + 1 + width < len(filled) and filled[index + 1 + width].numeric:
        width += 1
    return width if width <= MAX_COLUMNS else 0


def _rows(filled: Sequence[_Line], start: int, width: int) -> tuple[list[_Row], int]:
    """The rows from ``start`` on, each with the heading of its group (``二、城乡人口``,
    a label line of its own between rows), and the index just after the last."""
    rows: list[_Row] = []
    index = start
    section = _headings_above(filled, start)
    while index < len(filled):
        if _is_row(filled, index, width):
            rows.append(_Row(index, section))
            index += width + 1
            continue
        count = _headings(filled, index, width)
        if not count:
            break
        section = " ".join(filled[i].text for i in range(index, index + count))
        index += count
    return rows, index


def _headings(filled: Sequence[_Line], index: int, width: int) -> int:
    """How many heading lines (labels with no figure) start at ``index`` before a row of
    ``width`` figures: 0 when none does."""
    for count in range(1, _MAX_HEADINGS + 1):
        at = index + count - 1
        if at >= len(filled) or not _heading(filled[at]):
            return 0
        if _row_width(filled, at) != 0:
            return 0
        if _is_row(filled, at + 1, width):
            return count
    return 0


def _heading(line: _Line) -> bool:
    """A line that may head a group of rows: a short text, or a period (``2017``)."""
    if line.numeric:
        return bool(_YEAR.match(line.text))
    return len(line.text) <= _LABEL


def _is_row(filled: Sequence[_Line], index: int, width: int) -> bool:
    """A label line at ``index`` with ``width`` figures after it (the last one perhaps
    followed by a period heading the next group of rows: ``2017`` over ``Net revenue``)."""
    if index >= len(filled):
        return False
    if _row_width(filled, index) == width:
        return True
    after = index + width + 1
    return (
        _row_width(filled, index) > width
        and bool(_YEAR.match(filled[after].text))
        and _row_width(filled, after + 1) == width
    )


def _headings_above(filled: Sequence[_Line], start: int) -> str:
    """The enumerated headings (``一、总户数和总人口``) or the period (``2018``) just above a
    table's first row: the first group's heading, not a column's."""
    found: list[str] = []
    index = start - 1
    if index >= 0 and filled[index].numeric and _YEAR.match(filled[index].text):
        return filled[index].text  # 2018 over the first year's rows
    while index >= 0 and len(found) < _MAX_HEADINGS and _ENUMERATED.match(filled[index].text):
        found.insert(0, filled[index].text)
        index -= 1
    return " ".join(found)


def _table(
    lines: Sequence[str], filled: Sequence[_Line], start: int, width: int, rows: list[_Row]
) -> Table | None:
    top = start - len(rows[0].section.split()) if rows[0].section else start
    above = filled[max(0, top - 2 * width - 2) : top]
    paired = _paired_header(above, width)
    if paired is not None:
        above = [*above[: len(above) - 2 * width], *paired]
    # a year alone on its line over the rows heads a column (``2022`` / ``2023`` / ``% change``)
    own = [line for line in above[-width:] if _header_cell(line)]
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
    units = [column_unit(header, unit) for header in headers]
    return _built(filled, rows, headers, units, groups, first, heading)


def _header_cell(line: _Line) -> bool:
    sentence = line.text.endswith(("。", ".")) and " " in line.text
    if len(line.text) > _COLUMN_HEADER or sentence:
        return False  # running text: a sentence is no header
    return not line.numeric or bool(_YEAR.match(line.text))


def _paired_header(above: Sequence[_Line], width: int) -> list[_Line] | None:
    """Column headers printed one word a line (``First`` / ``Quarter`` / ``Second`` /
    ``Quarter`` … ``Fiscal`` / ``Year``), joined two by two: when the last ``width`` lines
    would name two columns alike and the pairs name each column once, with a word the
    pairs share in the same place (``Quarter``)."""
    lines = list(above[-2 * width :])
    if len(lines) != 2 * width or any(
        line.numeric or len(line.text) > _PAIR_WORD or " " in line.text.strip() for line in lines
    ):
        return None
    single = [line.text for line in lines[-width:]]
    pairs = [f"{lines[i].text} {lines[i + 1].text}" for i in range(0, 2 * width, 2)]
    if len(set(single)) == width or len(set(pairs)) != width:
        return None
    firsts = [lines[i].text for i in range(0, 2 * width, 2)]
    seconds = [lines[i + 1].text for i in range(0, 2 * width, 2)]
    if max(seconds.count(w) for w in seconds) < 2 and max(firsts.count(w) for w in firsts) < 2:
        return None
    return [
        _Line(lines[i].number, pair, lines[i].column, False)
        for i, pair in zip(range(0, 2 * width, 2), pairs, strict=True)
    ]


def _built(
    filled: Sequence[_Line],
    rows: list[_Row],
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
    total = _short_total(filled, rows[-1].index + width + 1, width)
    placed = [*rows, *([_Row(total, rows[-1].section)] if total else [])]
    labels = [filled[row.index].text for row in placed]
    body: list[Row] = []
    for row, key in zip(placed, row_keys(labels), strict=True):
        label = filled[row.index]
        # a row naming its own unit (总人口(万人), 城镇化率(%)) under columns that name
        # none (1990年, 2000年): the row's unit, else its group heading's
        section = unit_in(row.section)
        cells: list[Cell | None] = [None] * width
        for offset, column in enumerate(columns, 1):
            if row.index == total and offset > _row_width(filled, row.index):
                break  # a total row printing the first columns only
            line = filled[row.index + offset]
            own = unit_in(column.header)
            unit = own or column_unit(label.text, section or column.unit)
            if unit_in(label.text) == "%":
                unit = "%"  # a row of rates (比上年增长(%)) under columns of amounts
            figure = None if is_empty_cell(line.text) else cell_figure(line.text, unit)
            cell = None if figure is None else Cell(line.text, line.number, line.column, figure)
            cells[offset - 1] = cell
        body.append(Row(label.text, key, label.number, tuple(cells), row.section))
    end = total + _row_width(filled, total) if total else rows[-1].index + width
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
    rows: list[_Row],
) -> Table | None:
    """A table under one caption line that names its columns in words too close to split
    (``Decile Number of pupils Percentage of pupils``): a column whose figures add up to
    100 is the percentage the caption names; the others have no name."""
    if not caption or caption[0].numeric or unit_in(caption[0].text) != "%":
        return None
    unit = table_unit(lines, caption[0].number, [])
    units = [
        "%" if _adds_up_to_100([filled[r.index + offset].text for r in rows]) else unit
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

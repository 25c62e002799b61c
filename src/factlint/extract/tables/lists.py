"""Lists of one figure a line that end in a total: a budget, a precept or a bill printed as
``label  £figure`` lines (space-aligned, tab- or pipe-separated, or the label on a line
and its figure on the next, as PDFs and web pages give them), with heading lines between
groups (``Expenditure Adjustments``) and total lines (``Total Expenditure Adjustments``,
``Net requirement``, ``合计``).

Such a list is read as a table of one column only when it holds a total line with lines
above it, for ``statements`` to check: a list with no total asserts nothing about its
lines (and its figures stay the prose detectors').

>>> lines = ["Spending £m", "Staff  12.5", "Premises  3.1", "Transport", "4.0",
...          "Total spending  19.6", ""]
>>> table = read_lists(lines)[0]
>>> [(r.label, r.cells[0].text) for r in table.rows]
[('Staff', '12.5'), ('Premises', '3.1'), ('Transport', '4.0'), ('Total spending', '19.6')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from factlint.extract.tables.cells import Piece, is_rule, split_line
from factlint.extract.tables.headers import table_unit
from factlint.extract.tables.keys import column_keys, row_keys
from factlint.extract.tables.model import Cell, Column, Row, Table, carry_currencies
from factlint.extract.tables.statements import HEADINGS_APART, is_statement_total
from factlint.extract.tables.units import cell_figure

MIN_ROWS = 3
_LABEL = 90  # a longer label is running text
_HEADING = 60
_MAX_HEADINGS = 2
_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_END = ("。", ".", "!", "?", "！", "？", ";", "；", ",", "，")


@dataclass(frozen=True)
class _Item:
    label: str
    line: int  # of the label
    figure: Piece
    figure_line: int
    section: str


def read_lists(
    lines: Sequence[str], split: Callable[[str], list[Piece]] = split_line
) -> list[Table]:
    """The lists of one figure a line in ``lines`` that hold a total line. ``split`` is
    ``split_line`` or one that keeps its cells per line: a list is looked for from every
    line, and the lines after one are read again from the next."""
    tables: list[Table] = []
    read = _Reader(split)
    index = 0
    while index < len(lines):
        items, end = _run(lines, index, read)
        table = _table(lines, items) if len(items) >= MIN_ROWS else None
        if table is not None:
            tables.append(table)
        index = max(end, index + 1)
    return tables


def _label_of(text: str, split: Callable[[str], list[Piece]] = split_line) -> str | None:
    """The text of a line that may label a figure or head a group of lines."""
    stripped = text.strip().strip("|").strip()
    if not stripped or len(stripped) > _LABEL or _LETTER.search(stripped) is None:
        return None
    if stripped.endswith(_SENTENCE_END) or is_rule(text):
        return None
    pieces = [p for p in split(text) if p.text]
    if len(pieces) != 1 or pieces[0].numeric:
        return None
    return pieces[0].text.rstrip(":：").strip()


def _item(text: str, split: Callable[[str], list[Piece]] = split_line) -> tuple[str, Piece] | None:
    """A label and the one figure after it on one line (``Staff  12.5``, ``Staff | 12.5 |``)."""
    if len(text) > _LABEL + 30 or is_rule(text):
        return None
    pieces = split(text)
    filled = [p for p in pieces if p.text]
    if len(filled) != 2 or pieces[0] is not filled[0] or filled[0].numeric:
        return None
    if not filled[1].numeric:
        return None
    label = filled[0].text.rstrip(":：").strip()
    if not label or _LETTER.search(label) is None or label.endswith(_SENTENCE_END):
        return None
    return label, filled[1]


def _lone_figure(text: str, split: Callable[[str], list[Piece]] = split_line) -> Piece | None:
    pieces = [p for p in split(text) if p.text]
    return pieces[0] if len(pieces) == 1 and pieces[0].numeric else None


class _Reader:
    """What each line is (blank or a rule, an item, a label, a lone figure), read once per
    distinct text: a list is looked for from every line, and its lines are read again
    from the next (a long report also prints the same lines again)."""

    def __init__(self, split: Callable[[str], list[Piece]]) -> None:
        self.split = split
        self.skipped: dict[str, bool] = {}
        self.items: dict[str, tuple[str, Piece] | None] = {}
        self.labels: dict[str, str | None] = {}
        self.figures: dict[str, Piece | None] = {}

    def skip(self, text: str) -> bool:
        found = self.skipped.get(text)
        if found is None:
            found = self.skipped[text] = not text.strip() or is_rule(text)
        return found

    def item(self, text: str) -> tuple[str, Piece] | None:
        if text in self.items:
            return self.items[text]
        found = self.items[text] = _item(text, self.split)
        return found

    def label(self, text: str) -> str | None:
        if text in self.labels:
            return self.labels[text]
        found = self.labels[text] = _label_of(text, self.split)
        return found

    def figure(self, text: str) -> Piece | None:
        if text in self.figures:
            return self.figures[text]
        found = self.figures[text] = _lone_figure(text, self.split)
        return found


def _run(lines: Sequence[str], start: int, read: _Reader) -> tuple[list[_Item], int]:
    """The items of the list starting at ``start`` (none when no list starts there) and
    the index after it."""
    items: list[_Item] = []
    headings: list[str] = []
    section = ""
    index = start
    while index < len(lines):
        text = lines[index]
        if read.skip(text):
            index += 1
            continue
        item = read.item(text)
        if item is not None:
            if headings:
                section, headings = HEADINGS_APART.join(headings), []
            items.append(_Item(item[0], index + 1, item[1], index + 1, section))
            index += 1
            continue
        label = read.label(text)
        if label is None:
            break  # neither a label over a figure nor a heading (the next line not read)
        after = _next_filled(lines, index + 1)
        figure = read.figure(lines[after]) if after is not None else None
        if figure is not None and after is not None:
            if headings:
                section, headings = HEADINGS_APART.join(headings), []
            items.append(_Item(label, index + 1, figure, after + 1, section))
            index = after + 1
            continue
        if len(label) <= _HEADING and len(headings) < _MAX_HEADINGS:
            headings.append(label)  # a heading, if lines follow it
            index += 1
            continue
        break
    return items, index if items else start + 1


def _next_filled(lines: Sequence[str], index: int) -> int | None:
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index if index < len(lines) else None


def _table(lines: Sequence[str], items: list[_Item]) -> Table | None:
    totals = [i for i, item in enumerate(items) if is_statement_total(item.label)]
    if not any(at >= 2 for at in totals):
        return None  # no total with lines above it: nothing to check
    last = max(totals)
    items = items[: last + 1]  # lines after the last total are no part of a sum
    first = items[0].line
    unit = table_unit(lines, first, [])
    cells: list[Cell | None] = []
    for item in items:
        figure = cell_figure(item.figure.text, unit)
        at = (
            Cell(item.figure.text, item.figure_line, item.figure.column, figure) if figure else None
        )
        cells.append(at)
    if sum(cell is not None for cell in cells) < MIN_ROWS:
        return None
    keys = row_keys([item.label for item in items])
    rows = tuple(
        Row(item.label, key, item.line, (cell,), item.section)
        for item, key, cell in zip(items, keys, cells, strict=True)
    )
    rows = carry_currencies(rows, 1)
    column = Column("", unit, column_keys([""])[0])
    return Table((column,), rows, first, items[-1].figure_line)

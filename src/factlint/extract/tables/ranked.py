"""Lists the text says are in rank order: one figure a line after its label
(``Lancashire 206``), under a request or a caption that says the list is ranked ("in rank
order", "ranked", 按…排序, 排名).

A list of one column is read as a table only then: a label and one figure a line is too
common in running text to be a table on its own. The order the text claims is the one most
neighbouring rows follow (ascending or descending), and each pair of neighbours is a claim
the text makes, so a pair out of order is an error. A last row that breaks the order with
a figure inside the others' range is the whole the list ranks the parts of (``England and
Wales 351`` after the forces) and is left out of the ranking; a repeated header line inside
the list is skipped.

>>> lines = ["Towns ranked by rate", "Town  Rate", "Ashby 12", "Barton 15", "Cleve 14",
...          "Dunham 19", "Eston 23", "Fulwell 25", "County 16"]
>>> table = read_ranked(lines)[0]
>>> [(r.label, r.cells[0].figure.text) for r in table.rows if r.cells[0]][-2:]
[('Fulwell', '25'), ('County', '16')]
>>> [(a.label, b.label) for a, b in out_of_order(table)]
[('Barton', 'Cleve')]
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

from factlint.extract.tables.cells import Piece, is_number, split_line
from factlint.extract.tables.keys import row_keys
from factlint.extract.tables.model import Cell, Column, Row, Table, mark_counts_exact
from factlint.extract.tables.units import cell_figure

MIN_ROWS = 5
_LOOK_ABOVE = 14
_LABEL = 60
_RANKED = re.compile(
    r"\brank(?:ed)? order\b|\branked\b|\bin (?:descending|ascending) order\b|排序|排名|位次",
    re.I,
)
_ORDERED = 4 / 5  # of neighbouring pairs in one direction
_DIGIT = re.compile(r"\d")


def read_ranked(
    lines: Sequence[str], split: Callable[[str], list[Piece]] = split_line
) -> list[Table]:
    tables: list[Table] = []
    # each line's item read once: a list is looked for from every line, and the lines
    # after one that starts none are read again from the next; a line printed again (a
    # long report repeats its lines) is not read again
    items: dict[int, tuple[str, str, int] | None] = {}
    by_text: dict[str, tuple[str, str, int] | None] = {}
    index = 0
    while index < len(lines):
        rows: list[tuple[int, str, str, int]] = []  # line, label, figure, column
        header = ""
        at = index
        while at < len(lines):
            if at in items:
                item = items[at]
            else:
                text = lines[at]
                if text in by_text:
                    item = items[at] = by_text[text]
                else:
                    item = items[at] = by_text[text] = _item(text, split)
            if item is not None:
                rows.append((at + 1, *item))
            elif rows and header and lines[at].strip() == header:
                pass  # the header printed again inside the list
            elif not rows and lines[at].strip() and not header:
                header = lines[at].strip()
            elif rows or lines[at].strip():
                break
            at += 1
        if len(rows) >= MIN_ROWS and _ranked_above(lines, rows[0][0] - 1):
            tables.append(_table(rows, header))
        index = max(at, index + 1) if rows else index + 1
    return tables


def _item(
    text: str, split: Callable[[str], list[Piece]] = split_line
) -> tuple[str, str, int] | None:
    """A line printing a label and one figure after it."""
    if _DIGIT.search(text) is None:
        return None  # no figure (cells.is_number needs a digit): not split into cells
    pieces = split(text)
    if len(pieces) == 1:
        words = text.rstrip().rsplit(" ", 1)
        if len(words) != 2 or not is_number(words[1]) or is_number(words[0].strip()):
            return None
        label, figure = words[0].strip(), words[1]
        return (label, figure, len(words[0]) + 2) if 0 < len(label) <= _LABEL else None
    if len(pieces) == 2 and not pieces[0].numeric and pieces[1].numeric:
        return (pieces[0].text, pieces[1].text, pieces[1].column) if pieces[0].text else None
    return None


def _ranked_above(lines: Sequence[str], first: int) -> bool:
    above = lines[max(0, first - _LOOK_ABOVE) : first]
    return any(_RANKED.search(text) for text in above)


def _table(rows: list[tuple[int, str, str, int]], header: str) -> Table:
    column = Column("", "", "value")
    body = []
    for (line, label, text, at), key in zip(rows, row_keys([r[1] for r in rows]), strict=True):
        figure = cell_figure(text, "")
        cell = Cell(text, line, at, figure) if figure is not None else None
        body.append(Row(label, key, line, (cell,)))
    first = rows[0][0] - (1 if header else 0)
    return Table((column,), mark_counts_exact(tuple(body), 1), first, rows[-1][0], ranked=True)


def out_of_order(table: Table) -> list[tuple[Row, Row]]:
    """The neighbouring rows of a ranked list in the wrong order (the first of each pair
    is the one printed first)."""
    return [(a, b) for a, b in ranked_pairs(table) if not _in_order(a, b, direction(table))]


def ranked_pairs(table: Table) -> list[tuple[Row, Row]]:
    """The neighbouring rows the ranking compares; empty when the list follows no order."""
    rows = [row for row in table.rows if row.cells[0] is not None]
    if len(rows) < MIN_ROWS or direction(table) == 0:
        return []
    pairs = list(itertools.pairwise(rows))
    last = rows[-1].cells[0]
    others = [r.cells[0].figure.number for r in rows[:-1] if r.cells[0]]
    inside = last is not None and min(others) < last.figure.number < max(others)
    if inside and not _in_order(rows[-2], rows[-1], direction(table)):
        pairs = pairs[:-1]  # the whole after its parts
    return pairs


def direction(table: Table) -> int:
    """1 when the list rises, -1 when it falls, 0 when it follows no order (its last row,
    perhaps the whole, left out)."""
    values = [row.cells[0].figure.number for row in table.rows if row.cells[0] is not None]
    values = values[:-1]
    steps = [b - a for a, b in itertools.pairwise(values) if b != a]
    if not steps:
        return 0
    rising = sum(step > 0 for step in steps)
    if rising >= _ORDERED * len(steps):
        return 1
    return -1 if len(steps) - rising >= _ORDERED * len(steps) else 0


def _in_order(a: Row, b: Row, direction: int) -> bool:
    first, second = a.cells[0], b.cells[0]
    if first is None or second is None:
        return True
    step = second.figure.number - first.figure.number
    return step * direction >= 0

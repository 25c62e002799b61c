"""Tables flattened onto one line: a page's rows run together when its line breaks are
lost (``North 1,200 40.0% South 1,050 35.0% East 750 25.0% Total 3,000 100.0%``).

A line is read so when, after whatever words open it, it is nothing but labels each
followed by the same number (one to six) of figures, at least three times, and ends with
a figure (a sentence ends with a word or a stop, and its figures sit among words: ``rose
from 1,200 in 2019 to 1,350``). The words before the first figure are the first label,
cut to as many words as the longest other label (the rest is the table's caption).

>>> line = "Survey by region North 1,200 40.0% South 1,050 35.0% Total 2,250 75.0%"
>>> table = read_flat([line])[0]
>>> [(r.label, [c.text for c in r.cells if c]) for r in table.rows]
[('North', ['1,200', '40.0%']), ('South', ['1,050', '35.0%']), ('Total', ['2,250', '75.0%'])]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factlint.extract.tables.cells import is_number
from factlint.extract.tables.keys import column_keys, row_keys
from factlint.extract.tables.model import Cell, Column, Row, Table, mark_counts_exact
from factlint.extract.tables.units import cell_figure

MIN_ROWS = 3
MAX_WIDTH = 6
_MAX_LINE = 4_000
_LETTER = re.compile(r"[^\W\d_]")
_TOKEN = re.compile(r"\S+")
_MAX_LABEL_WORDS = 6


def read_flat(lines: Sequence[str]) -> list[Table]:
    """The tables of ``lines`` flattened onto one line each."""
    tables = []
    for number, text in enumerate(lines, 1):
        if len(text) > _MAX_LINE or "|" in text or "\t" in text:
            continue
        table = _flat(number, text)
        if table is not None:
            tables.append(table)
    return tables


def _flat(number: int, text: str) -> Table | None:
    last = text.rsplit(None, 1)  # split's spaces are \s's: the last token, not all of them
    if not last or not is_number(last[-1]):
        return None  # a line of prose ends with a word or a stop: not read token by token
    tokens = [(m.group(0), m.start() + 1) for m in _TOKEN.finditer(text)]
    groups: list[tuple[list[str], list[tuple[str, int]]]] = []
    for token, column in tokens:
        if is_number(token):
            if not groups:
                return None  # figures before any label
            groups[-1][1].append((token, column))
        elif not groups or groups[-1][1]:
            if _LETTER.search(token) is None:
                return None  # a mark or a dash between figures: no label
            groups.append(([token], []))
        else:
            groups[-1][0].append(token)
    widths = {len(figures) for _, figures in groups}
    if len(groups) < MIN_ROWS or len(widths) != 1:
        return None
    width = widths.pop()
    if not 1 <= width <= MAX_WIDTH or (width == 1 and len(groups) < MIN_ROWS + 1):
        return None
    longest = max(len(words) for words, _ in groups[1:])
    if longest > _MAX_LABEL_WORDS:
        return None  # long runs of words between figures: prose
    labels = [" ".join(words) for words, _ in groups]
    labels[0] = " ".join(groups[0][0][-longest:])
    columns = tuple(Column("", "", key) for key in column_keys([""] * width))
    rows = []
    for label, key, (_, figures) in zip(labels, row_keys(labels), groups, strict=True):
        cells: list[Cell | None] = []
        for token, column in figures:
            figure = cell_figure(token, "")
            cells.append(None if figure is None else Cell(token, number, column, figure))
        rows.append(Row(label, key, number, tuple(cells)))
    table_rows = mark_counts_exact(tuple(rows), width)
    return Table(columns, table_rows, number, number)

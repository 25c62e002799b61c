"""Lists of counts each followed by its share in brackets: a by-election's candidates
(``Smith, Jo – Labour – 340 (38.4%) elected``), a survey's answers (``Yes 412 (51.5%)``),
three lines at least in a row.

Each is read as a table of two columns — the count and its share — whose share the
brackets name: ``parts`` then finds the whole its rows are parts of (their sum, or a total
printed under them: ``Votes: 885``) and checks each share, as for a results table.

>>> lines = ["Adams, Ann – Red – 412 (51.5%) elected", "Brown, Bo – Blue – 300 (37.5%)",
...          "Chan, Cy – Green – 88 (11.0%)", "", "Votes: 800"]
>>> table = read_bracketed(lines)[0]
>>> [(r.label, [c.text for c in r.cells if c]) for r in table.rows]
... # doctest: +NORMALIZE_WHITESPACE
[('Adams, Ann – Red', ['412', '51.5%']), ('Brown, Bo – Blue', ['300', '37.5%']),
 ('Chan, Cy – Green', ['88', '11.0%'])]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factlint.extract.tables.keys import column_keys, row_keys
from factlint.extract.tables.model import Cell, Column, Row, Table, mark_counts_exact
from factlint.extract.tables.units import cell_figure

MIN_ROWS = 3
_ITEM = re.compile(
    r"^(?P<label>.*?[^\W\d_].*?)[\s:–—-]+(?P<count>\d{1,3}(?:,\d{3})+|\d+)\s*"
    r"[(（]\s*(?P<share>\d+(?:\.\d+)?\s*[%％])\s*[)）]"
    r"(?P<tail>[^\d]{0,30})$"
)


def read_bracketed(lines: Sequence[str]) -> list[Table]:
    """Every run of three lines or more that each print a label, a count and its share
    in brackets (and perhaps a word or two after: ``elected``)."""
    tables: list[Table] = []
    run: list[tuple[int, re.Match[str]]] = []
    for number, text in enumerate([*lines, ""], 1):
        match = _ITEM.match(text.strip()) if "(" in text or "（" in text else None
        if match is not None:
            run.append((number, match))
            continue
        if len(run) >= MIN_ROWS:
            table = _table(lines, run)
            if table is not None:
                tables.append(table)
        run = []
    return tables


def _table(lines: Sequence[str], run: list[tuple[int, re.Match[str]]]) -> Table | None:
    rows: list[Row] = []
    keys = row_keys([_label(match) for _, match in run])
    for (number, match), key in zip(run, keys, strict=True):
        offset = len(lines[number - 1]) - len(lines[number - 1].lstrip())
        cells = []
        for group in ("count", "share"):
            figure = cell_figure(match.group(group), "")
            if figure is None:
                return None
            column = offset + match.start(group) + 1
            cells.append(Cell(match.group(group), number, column, figure))
        rows.append(Row(_label(match), key, number, tuple(cells)))
    width = 2
    counted = mark_counts_exact(tuple(rows), width)
    columns = tuple(
        Column(header, unit, key)
        for (header, unit), key in zip((("", ""), ("", "%")), column_keys(["", "%"]), strict=True)
    )
    return Table(columns, counted, run[0][0], run[-1][0], bracketed=True)


def _label(match: re.Match[str]) -> str:
    return match.group("label").strip().rstrip("–—-:").strip()

"""The lines of a text as the cells of a one-cell-a-line table: a table copied from a
spreadsheet or a web page often ends every cell with a pipe (``63.82 |``), prints an empty
cell as a pipe alone, and wraps a long header cell over two lines before its pipe
(``限上零售额`` / ``(亿元) |``).

Each cell keeps the line and column where it starts. A line of pipes only is an empty
cell and is dropped; a line with no pipe between a pipe-ended line and a pipe-ended header
cell is the first part of that cell (inside a run of pipe-ended cells only, so a caption
above the table is never joined to the table's first cell).

>>> [c.text for c in cell_lines(["行业 |", "零售额", "(亿元) |", "|", "批发业 |", "49.02 |"])]
['行业', '零售额(亿元)', '批发业', '49.02']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from factlint.extract.tables.cells import is_number

_WRAPPED = 30  # a header cell wrapped over two lines is short


@dataclass(frozen=True)
class CellLine:
    number: int  # 1-based line in the text
    text: str  # stripped, without the pipes around a lone cell
    column: int  # 1-based column where the text starts
    piped: bool  # the line ended (or began) with a pipe


def cell_lines(lines: Sequence[str]) -> list[CellLine]:
    """The non-empty cells of ``lines``, one per line, with wrapped header cells joined."""
    cells = [cell for number, text in enumerate(lines, 1) if (cell := _cell(number, text))]
    out: list[CellLine] = []
    index = 0
    while index < len(cells):
        cell = cells[index]
        after = cells[index + 1] if index + 1 < len(cells) else None
        if (
            not cell.piped
            and out
            and out[-1].piped
            and after is not None
            and after.piped
            and after.number == cell.number + 1
            and len(cell.text) + len(after.text) <= _WRAPPED
            and not is_number(cell.text)
            and not is_number(after.text)
        ):
            out.append(CellLine(cell.number, cell.text + after.text, cell.column, True))
            index += 2
            continue
        out.append(cell)
        index += 1
    return out


def _cell(number: int, text: str) -> CellLine | None:
    stripped = text.strip()
    if not stripped or not stripped.strip("|").strip():
        return None  # blank, or an empty cell's pipe
    column = len(text) - len(text.lstrip()) + 1
    inner = stripped.strip("|")
    if inner != stripped and "|" not in inner:
        column += len(stripped) - len(stripped.lstrip("|"))
        column += len(inner) - len(inner.lstrip())
        return CellLine(number, inner.strip(), column, True)
    return CellLine(number, stripped, column, False)

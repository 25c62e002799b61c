"""Row labels of pipe tables made from PDFs: OCR and pdf-to-markdown split a label over
several leading cells (``|Donations<br>and|legacies|||5,440|``, ``|Fund balances|at 1
April|2020||126,210|``) and break lines inside a cell with ``<br>``.

A pipe row's label is then the text of all its cells before its first figure, joined by a
space, a year right after a month or period word (``at 1 April | 2020``) being part of it.
Its figures are placed by the cell they sit in, counted from the line's first pipe, when
the row has as many cells as the table's full rows (``reading._place``).

>>> label = pipe_label(split_line("|Net incoming||resources before transfers||10,902|"))
>>> label.text, label.after
('Net incoming resources before transfers', 3)
>>> pipe_label(split_line("|Fund balances|at 1 April|2020|||126,210|")).text
'Fund balances at 1 April 2020'
>>> pipe_slots("|a<br>b|c||5|"), pipe_slots("a  5  6")
(4, 0)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from factlint.extract.tables.cells import Piece, split_line

_YEAR = re.compile(r"^(?:19|20)\d\d$")
_PERIOD_WORDS = frozenset(
    re.split(
        r"\s+",
        "january february march april may june july august september october november december"
        " jan feb mar apr jun jul aug sep sept oct nov dec ended ending",
    )
)
MAX_LABEL_CELLS = 4

__all__ = [
    "PipeLabel",
    "PipeRow",
    "full_cells",
    "pipe_grid",
    "pipe_label",
    "pipe_slots",
    "place_in_cells",
    "split_line",
]


class PipeRow(Protocol):
    """A row of a table as ``reading`` reads it: its label, the figures and blanks after
    the label, the cells of its line and the cell the first of those is in."""

    @property
    def label(self) -> str: ...
    @property
    def numbers(self) -> tuple[Piece, ...]: ...
    @property
    def slots(self) -> int: ...
    @property
    def first_cell(self) -> int: ...


@dataclass(frozen=True)
class PipeLabel:
    text: str
    after: int  # the index of the first cell after the label


def pipe_slots(text: str) -> int:
    """How many cells a pipe line has between its outer pipes, empty ones at its end
    included (``split_line`` drops those); 0 for a line that is no pipe row."""
    inner = text.strip()
    if inner.count("|") < 2:
        return 0
    inner = inner.removeprefix("|").removesuffix("|")
    return inner.count("|") + 1


def pipe_label(pieces: Sequence[Piece]) -> PipeLabel | None:
    """The label of a pipe row whose first cell holds text: every text cell before its
    first figure. None when the row starts with an empty cell or a figure, or its label
    takes more than a few cells (running text split at its pipes)."""
    if not pieces or pieces[0].blank or pieces[0].numeric:
        return None
    texts: list[str] = []
    after = 0
    for index, piece in enumerate(pieces):
        if piece.numeric and not _year_of_period(piece, texts):
            break
        if not piece.blank:
            texts.append(piece.text)
            after = index + 1
    if len(texts) > MAX_LABEL_CELLS:
        return None
    return PipeLabel(" ".join(texts), after)


def _year_of_period(piece: Piece, texts: Sequence[str]) -> bool:
    """A year in the cell after one ending with a month or period word (``at 1 April``)."""
    if not texts or not _YEAR.match(piece.text):
        return False
    return texts[-1].split()[-1].lower().rstrip(",.") in _PERIOD_WORDS


def pipe_grid(body: Sequence[PipeRow]) -> tuple[int, int, int] | None:
    """A pipe table's cells a row, the cell its first column is in, and how many rows have
    that many cells, when every row is a pipe row: a row whose label runs over two cells
    (``|Donations<br>and|legacies|||5,440|``) is one of them."""
    if not all(line.slots for line in body):
        return None
    slots, count = Counter(line.slots for line in body).most_common(1)[0]
    starts = [line.first_cell for line in body if line.slots == slots and line.label]
    return (slots, min(starts), count) if starts else None


def full_cells(full: Sequence[PipeRow]) -> tuple[int, int]:
    """The cells a full pipe row has and the cell its first figure or blank is in
    ((0, 0) when the rows are no pipe rows)."""
    if not full or not all(line.slots for line in full):
        return (0, 0)
    return Counter((line.slots, line.first_cell) for line in full).most_common(1)[0][0]


@dataclass(frozen=True)
class _Row:
    label: str
    numbers: tuple[Piece, ...]
    slots: int
    first_cell: int


def place_in_cells(
    line: PipeRow, width: int, grid: tuple[int, int]
) -> tuple[Piece | None, ...] | None:
    """A pipe row with as many cells as the table's rows, its figures placed by the cell
    they sit in: a label over two cells (``|Donations|and legacies||5,440|``) takes the
    place of an empty one, and a row whose last cells are empty keeps its figures in their
    cells. None for a row of another length, a row as long as the full rows' with its label
    in their cells (placed as it is), or no pipe row.

    >>> row = _Row("Green", tuple(split_line("| Green | 4 | 19.0 | ||")[1:]), 5, 1)
    >>> [p.text if p else None for p in place_in_cells(row, 3, (5, 1))]
    ['4', '19.0', None]"""
    slots, first_cell = grid
    if not slots or line.slots != slots:
        return None
    if line.first_cell == first_cell and len(line.numbers) >= width:
        return None  # as many figures as the full rows: placed as they are (reading._place)
    # the same cells as the full rows, its last ones empty (``| 6,610 | | |``): the
    # figures are where their pipes put them, however few
    placed: list[Piece | None] = [None] * width
    for index, piece in enumerate(line.numbers, line.first_cell - first_cell):
        if 0 <= index < width:
            placed[index] = piece
        elif not piece.blank:
            return None
    return tuple(placed)

"""A PDF page's characters as lines of text in reading order: pure geometry, no PDF library.

The PDF reader (``pdf_text``) hands over each page's characters (text and box), its drawn
rectangles and the tables its library found. This module:

- sets the characters inside a table aside and prints each table as whitespace-aligned
  rows (cells padded to their column's display width, two spaces apart), the form the
  table reader takes;
- takes a drawn rectangle around text (not a table, not a frame around the whole page) as
  a boxed sidebar, printed after the page's other text;
- finds columns from the gutters no line crosses, and reads the page in bands: a line that
  spans the gutters (a headline) closes a band, and within a band each column is read top
  to bottom, left to right;
- leaves blank lines where the page leaves vertical space (a paragraph break, a
  double-spaced column), so the text's layout heuristics see what a reader sees;
- joins what print spaces out: a space next to a CJK character (``投 资 额`` → ``投资额``)
  and runs of letter-spaced single characters (``2 0 2 0`` → ``2020``).

>>> chars = [Char(c, 10 + 10 * i, 100, 10 + 10 * i + 9, 110) for i, c in enumerate("投资 额")]
>>> [line.text for line in page_lines(Page(1, 600, 800, tuple(chars)))]
['投资额']
"""

from __future__ import annotations

import itertools
import re
import statistics
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import field

from factlint.records import dataclass

_MAX_BLANKS = 2
# three or more single narrow characters one space apart: ``2 0 . 5 %``, ``T O T A L``
_SPACES = re.compile(" +")
_LETTER_SPACED = re.compile(r"(?<![!-~])[!-~](?: [!-~]){2,}(?![!-~])")
_BOX_MIN_SIDE = 24.0  # points: thinner rectangles are rules and underlines
_FRAME_SHARE = 0.8  # a rectangle covering this much of the page is a frame, not a sidebar


@dataclass(frozen=True, slots=True)
class Char:
    """One printed character; ``top`` grows downwards, as pdfplumber measures it."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def size(self) -> float:
        return max(self.bottom - self.top, 1.0)

    @property
    def middle(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.top + self.bottom) / 2


@dataclass(frozen=True, slots=True)
class Box:
    x0: float
    top: float
    x1: float
    bottom: float

    def holds(self, char: Char) -> bool:
        x, y = char.middle
        return self.x0 <= x <= self.x1 and self.top <= y <= self.bottom

    def inside(self, other: Box) -> bool:
        return (
            other.x0 - 1 <= self.x0
            and self.x1 <= other.x1 + 1
            and other.top - 1 <= self.top
            and self.bottom <= other.bottom + 1
        )

    @property
    def area(self) -> float:
        return (self.x1 - self.x0) * (self.bottom - self.top)


@dataclass(frozen=True)
class Table:
    """A table the PDF library found: its outline and its rows of cell texts."""

    box: Box
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Page:
    number: int
    width: float
    height: float
    chars: tuple[Char, ...]
    rects: tuple[Box, ...] = ()
    tables: tuple[Table, ...] = ()


@dataclass(frozen=True)
class Line:
    """One line of the text layer: its text (empty for a blank line), and the region it
    belongs to: ``""`` for the page's running text, ``"box"`` for a sidebar (each box a
    new ``region_index``), ``"table"`` for a table row."""

    text: str
    region: str = ""
    region_index: int = 0


@dataclass
class _Row:
    chars: list[Char] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min(c.top for c in self.chars)

    @property
    def bottom(self) -> float:
        return max(c.bottom for c in self.chars)

    @property
    def x0(self) -> float:
        return min(c.x0 for c in self.chars)

    @property
    def x1(self) -> float:
        return max(c.x1 for c in self.chars)


def page_lines(page: Page) -> list[Line]:
    """The page's text in reading order: running text, then boxed sidebars, tables where
    they stand in the running text."""
    printed = [c for c in page.chars if c.text and not c.text.isspace()]
    tables = list(page.tables)
    boxes = _sidebars(page, tables, printed)
    in_table: list[list[Char]] = [[] for _ in tables]
    in_box: list[list[Char]] = [[] for _ in boxes]
    running: list[Char] = []
    for char in printed:
        table = next((i for i, t in enumerate(tables) if t.box.holds(char)), None)
        if table is not None:
            in_table[table].append(char)
            continue
        box = next((i for i, b in enumerate(boxes) if b.holds(char)), None)
        if box is not None:
            in_box[box].append(char)
        else:
            running.append(char)
    lines = _running_text(running, [t for t, chars in zip(tables, in_table, strict=True) if chars])
    for index, chars in enumerate(in_box):
        if not chars:
            continue
        if lines:
            lines.append(Line(""))
        lines += [
            Line(line.text, "box", index) for line in _flow(_rows(chars), separate_blanks=True)
        ]
    return lines


def _sidebars(page: Page, tables: Sequence[Table], chars: Sequence[Char]) -> list[Box]:
    page_area = page.width * page.height
    candidates = [
        r
        for r in page.rects
        if r.x1 - r.x0 >= _BOX_MIN_SIDE
        and r.bottom - r.top >= _BOX_MIN_SIDE
        and r.area < _FRAME_SHARE * page_area
        and not any(r.inside(t.box) or t.box.inside(r) for t in tables)
        and any(r.holds(c) for c in chars)
    ]
    # a box drawn inside another (a shaded title strip in a framed sidebar) is part of it
    outer = [b for b in candidates if not any(o is not b and b.inside(o) for o in candidates)]
    return sorted(set(outer), key=lambda b: (b.top, b.x0))


def _running_text(chars: list[Char], tables: list[Table]) -> list[Line]:
    rows = _rows(chars)
    if not rows and not tables:
        return []
    gutters = _gutters(rows)
    items: list[tuple[float, int, float, list[Line]]] = []  # (band key, column, top, lines)
    bands = _bands(rows, gutters)
    for band_index, (spanning, band_rows) in enumerate(bands):
        if spanning:
            items.append((band_index, 0, band_rows[0].top, _flow(band_rows)))
            continue
        columns: dict[int, list[_Row]] = {}
        for row in band_rows:
            columns.setdefault(_column_of(row, gutters), []).append(row)
        for column in sorted(columns):
            items.append((band_index, column, columns[column][0].top, _flow(columns[column])))
    lines: list[Line] = []
    placed = sorted(items, key=lambda item: (item[0], item[1]))
    for number, table in enumerate(tables):
        # a table goes after the text that starts above it
        position = sum(1 for item in placed if item[2] < table.box.top)
        placed.insert(position, (0, 0, table.box.top, _table_lines(table, number)))
    for _, _, _, block in placed:
        if lines and block and lines[-1].text and block[0].text:
            lines.append(Line(""))
        lines += block
    return lines


def _rows(chars: Iterable[Char]) -> list[_Row]:
    """Characters grouped into printed lines: those whose middles stand at one height."""
    rows: list[_Row] = []
    for char in sorted(chars, key=lambda c: (c.middle[1], c.x0)):
        row = rows[-1] if rows else None
        if row is not None and abs(char.middle[1] - _middle(row)) <= 0.4 * char.size:
            row.chars.append(char)
        else:
            rows.append(_Row([char]))
    # lines at one height in two columns are split by the gutters later
    return rows


def _middle(row: _Row) -> float:
    return (row.top + row.bottom) / 2


def _gutters(rows: Sequence[_Row]) -> list[tuple[float, float]]:
    """Vertical strips of the page that the text of (nearly) no line crosses."""
    if len(rows) < 4:
        return []
    left = min(r.x0 for r in rows)
    right = max(r.x1 for r in rows)
    width = int(right - left) + 1
    if width <= 0:
        return []
    covered = [0] * width
    for row in rows:
        seen = [False] * width
        for char in row.chars:
            for x in range(int(char.x0 - left), min(width, int(char.x1 - left) + 1)):
                seen[x] = True
        for x, hit in enumerate(seen):
            covered[x] += hit
    allowed = max(1, len(rows) // 20)  # headlines cross the gutters
    size = statistics.median(c.size for r in rows for c in r.chars)
    gutters: list[tuple[float, float]] = []
    start = None
    for x in range(width + 1):
        empty = x < width and covered[x] <= allowed
        if empty and start is None:
            start = x
        elif not empty and start is not None:
            if x - start >= 0.8 * size and start > 0 and x < width:
                gutters.append((left + start, left + x))
            start = None
    return gutters


def _bands(
    rows: Sequence[_Row], gutters: Sequence[tuple[float, float]]
) -> list[tuple[bool, list[_Row]]]:
    """Runs of rows read column by column, cut by rows that span a gutter."""
    bands: list[tuple[bool, list[_Row]]] = []
    for row in rows:
        pieces = _split_at_gutters(row, gutters)
        for piece in pieces:
            spanning = len(gutters) > 0 and _crosses(piece, gutters)
            if bands and bands[-1][0] == spanning:
                bands[-1][1].append(piece)
            else:
                bands.append((spanning, [piece]))
    return bands


def _split_at_gutters(row: _Row, gutters: Sequence[tuple[float, float]]) -> list[_Row]:
    if not gutters or _crosses(row, gutters):
        return [row]
    pieces: dict[int, _Row] = {}
    for char in row.chars:
        pieces.setdefault(_column_of(_Row([char]), gutters), _Row()).chars.append(char)
    return [pieces[k] for k in sorted(pieces)]


def _crosses(row: _Row, gutters: Sequence[tuple[float, float]]) -> bool:
    return any(any(c.x0 < right and c.x1 > left for c in row.chars) for left, right in gutters)


def _column_of(row: _Row, gutters: Sequence[tuple[float, float]]) -> int:
    x = (row.x0 + row.x1) / 2
    return sum(1 for left, _ in gutters if x >= left)


def _flow(rows: Sequence[_Row], separate_blanks: bool = True) -> list[Line]:
    """Rows top to bottom, with blank lines where the page leaves vertical space."""
    ordered = sorted(rows, key=lambda r: r.top)
    # rows are measured at their characters' usual foot: a tall bracket or dash in a row
    # does not move it
    feet = [statistics.median(c.bottom for c in row.chars) for row in ordered]
    size = statistics.median(c.size for r in ordered for c in r.chars) if ordered else 0.0
    # the usual distance from one line to the next: a low quantile, since a double-spaced
    # column has more gaps than lines set close (and at most 1.5 sizes: a page of
    # double-spaced lines is still double spaced)
    pitches = sorted(b - a for a, b in itertools.pairwise(feet) if b - a >= size)
    pitch = min(pitches[len(pitches) // 5], 1.5 * size) if pitches else 0.0
    lines: list[Line] = []
    for index, row in enumerate(ordered):
        if index and separate_blanks and pitch > 0:
            blanks = min(_MAX_BLANKS, round((feet[index] - feet[index - 1]) / pitch) - 1)
            lines += [Line("")] * max(0, blanks)
        lines.append(Line(row_text(row.chars)))
    return lines


def row_text(chars: Sequence[Char]) -> str:
    """One printed line's text: a space where the gap between two characters is wider
    than a quarter of their size, then the joins of ``join_spaced``."""
    ordered = sorted(chars, key=lambda c: c.x0)
    pieces: list[str] = []
    for index, char in enumerate(ordered):
        if index:
            previous = ordered[index - 1]
            if char.x0 - previous.x1 > 0.25 * min(char.size, previous.size):
                pieces.append(" ")
        pieces.append(char.text)
    return join_spaced("".join(pieces))


def join_spaced(text: str) -> str:
    """Drop the spaces print puts next to CJK characters and inside letter-spaced runs.

    >>> join_spaced("投 资 额 427.3 亿元，5 million")
    '投资额427.3亿元，5 million'
    >>> join_spaced("共 1 2 3 个 in 2 0 2 0")
    '共123个in 2020'
    """
    text = _SPACES.sub(" ", text)
    text = _LETTER_SPACED.sub(lambda m: m.group().replace(" ", ""), text)
    return _SPACES.sub(lambda m: _space_between(text, m.start(), m.end()), text)


def _space_between(text: str, start: int, end: int) -> str:
    """One space for a run of them between two narrow characters, else none."""
    if start == 0 or end == len(text) or _wide(text[start - 1]) or _wide(text[end]):
        return ""
    return " "


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _table_lines(table: Table, number: int) -> list[Line]:
    """Rows with each cell padded to its column's display width, two spaces apart."""
    rows = [tuple(_cell(c) for c in row) for row in table.rows]
    rows = [row for row in rows if any(row)]
    if not rows:
        return []
    columns = max(len(row) for row in rows)
    widths = [
        max((display_width(row[i]) for row in rows if i < len(row)), default=0)
        for i in range(columns)
    ]
    lines = []
    for row in rows:
        padded = list(row) + [""] * (columns - len(row))
        cells = [cell + " " * (widths[i] - display_width(cell)) for i, cell in enumerate(padded)]
        lines.append(Line("  ".join(cells).rstrip(), "table", number))
    return lines


def _cell(text: str) -> str:
    # a cell's wrapped lines are one value
    return join_spaced(" ".join(text.split()))


def display_width(text: str) -> int:
    return sum(2 if _wide(c) else 1 for c in text)

"""Find the tables in a text whose rows are lines: pipe, tab-separated or space-aligned.

A body is a run of at least three lines that each print a label and the same number of
figures (blank lines and drawn rules may sit between them). A row printing fewer figures
is placed by the columns its numbers end at; one that cannot be placed with confidence
is left out (no cell of it becomes a fact of the table). The lines just above the body are
its header (``headers``), and a line like ``单位：万元`` above it gives every column a unit.

>>> text = "单位：亿元\\n地区   生产总值   增速(%)\\n太原   5121.6   6.2\\n"
>>> text += "大同   1526.8   4.8\\n晋中   1838.4   7.1\\n"
>>> table = read_tables(text)[0]
>>> [c.header for c in table.columns], [c.unit for c in table.columns]
(['生产总值', '增速(%)'], ['亿元', '%'])
>>> [(r.label, [c.figure.text for c in r.cells if c]) for r in table.rows][:2]
[('太原', ['5121.6亿元', '6.2%']), ('大同', ['1526.8亿元', '4.8%'])]
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import factlint.extract.tables.pipe_labels as pipes
from factlint.extract.tables.bracketed import read_bracketed
from factlint.extract.tables.cells import Piece, is_rule, split_line
from factlint.extract.tables.flat import read_flat
from factlint.extract.tables.headers import columns_for, label_heading, table_units
from factlint.extract.tables.keys import row_keys
from factlint.extract.tables.lists import read_lists
from factlint.extract.tables.model import (
    Cell,
    Column,
    Row,
    Table,
    carry_currencies,
    mark_counts_exact,
)
from factlint.extract.tables.pipes_apart import read_pipes_apart
from factlint.extract.tables.ranked import read_ranked
from factlint.extract.tables.row_shapes import (
    kinds_of,
    minus_apart,
    numbered_labels,
    place_by_kind,
    place_without_change,
)
from factlint.extract.tables.stacked import read_stacked
from factlint.extract.tables.text_end import last_line_cut
from factlint.extract.tables.units import bare_unit, cell_figure, unit_in
from factlint.extract.text import is_wide

MIN_ROWS = 3
MAX_COLUMNS = 40
_DIGIT = re.compile(r"\d")  # what every figure of a cell (cells.is_number) holds
_PROSE = 60  # a line this long ending a sentence is running text, not a table line
_LABEL_PIECES = 3
_RANK = re.compile(r"^=?\d{1,3}[.)]?$")
_LETTER = re.compile(r"[^\W\d_]")
_HEADING = 40


@dataclass(frozen=True)
class _Line:
    number: int  # 1-based
    label: str
    label_column: int
    numbers: tuple[Piece, ...]  # the figures and the blanks after the label
    text: str
    section: str = ""  # the heading of the rows it sits under, inside the table
    unit: str = ""  # printed in a column of units after the label (指标  亿元  1234.5)
    slots: int = 0  # a pipe row's cells, empty ones at its end included (0: no pipe row)
    first_cell: int = 0  # the cell of a pipe row its first figure or blank is in


def read_tables(source: str) -> list[Table]:
    """Every table of ``source`` whose columns can be read with confidence: rows as lines,
    one cell a line (``stacked``), and pipe tables with one cell a line (``pipes_apart``)."""
    lines = source.splitlines()
    if lines and not source.endswith(("\n", "\r")):
        lines[-1] = last_line_cut(lines)
    apart = read_pipes_apart(lines)
    # a pipe table with one cell a line reads as one-cell-a-line too (its pipes dropped)
    stacked = [t for t in read_stacked(lines) if not any(_overlap(t, other) for other in apart)]
    split = _split_once()  # the rows and the lists split the same lines
    found = [*_row_tables(lines, split), *stacked, *apart]
    ranked = read_ranked(lines, split)
    found += [t for t in ranked if not any(_overlap(t, other) for other in found)]
    found += [t for t in read_lists(lines, split) if not any(_overlap(t, other) for other in found)]
    found += [t for t in read_bracketed(lines) if not any(_overlap(t, other) for other in found)]
    found += [t for t in read_flat(lines) if not any(_overlap(t, other) for other in found)]
    return sorted(found, key=lambda t: t.first_line)


def _overlap(a: Table, b: Table) -> bool:
    return a.first_line <= b.last_line and b.first_line <= a.last_line


def _split_once() -> Callable[[str], list[Piece]]:
    """``split_line`` kept per line for one text (the lists it gives are not changed)."""
    pieces: dict[str, list[Piece]] = {}

    def split(text: str) -> list[Piece]:
        found = pieces.get(text)
        if found is None:
            found = pieces[text] = split_line(text)
        return found

    return split


def data_lines(
    lines: Sequence[str], split: Callable[[str], list[Piece]] = split_line
) -> list[_Line | None]:
    """``_data_line`` of every line. A line's text decides what it is, its number only
    where: a line printed again (blank lines, rules, a table per chapter) is not read again."""
    read: dict[str, _Line | None] = {}
    parsed: list[_Line | None] = []
    for number, text in enumerate(lines, 1):
        if text in read:
            same = read[text]
            parsed.append(None if same is None else dataclasses.replace(same, number=number))
        else:
            parsed.append(read.setdefault(text, _data_line(number, text, split)))
    return parsed


def _row_tables(lines: list[str], split: Callable[[str], list[Piece]] = split_line) -> list[Table]:
    parsed = data_lines(lines, split)
    tables: list[Table] = []
    index = floor = 0
    while index < len(lines):
        line = parsed[index]
        if line is None or sum(p.numeric for p in line.numbers) < 2 or _all_years(line.numbers):
            index += 1  # a table starts with a row of two figures at least, not of periods
            continue  # (项目  2019  2020 is its header)
        body, index = _body(lines, parsed, _first_row(parsed, index, floor))
        floor = index
        table = _table(lines, body)
        if table is not None:
            tables.append(table)
    return tables


def _first_row(parsed: list[_Line | None], index: int, floor: int) -> int:
    """Where a table whose first row of two figures is at ``index`` starts: a labelled row
    printing one figure right above it is its first row (a history whose first year has no
    change on the year before: ``2021/22   12,000`` over ``2022/23   12,600   5.0%``)."""
    above = index - 1
    line = parsed[above] if above >= floor else None
    if line is None or not line.label or _all_years(line.numbers):
        return index
    return above if sum(p.numeric for p in line.numbers) == 1 else index


def _data_line(
    number: int, text: str, split: Callable[[str], list[Piece]] = split_line
) -> _Line | None:
    """A line that prints a label (perhaps empty) and at least two figures or blanks, at
    least two of them figures, and nothing after them."""
    if not text.strip() or is_rule(text) or len(text) > 2_000:
        return None
    if _DIGIT.search(text) is None:
        return None  # no figure (most lines of prose): not split into cells
    pieces = split(text)
    if len(pieces) < 2 or len(pieces) > MAX_COLUMNS + _LABEL_PIECES:
        return None
    first = _label_pieces(pieces)
    shift = 0
    if first == 0 and _ranked_label(pieces):
        pieces = pieces[1:]  # 1  Northfield  12,400  63.0%: a rank before the label
        first, shift = _label_pieces(pieces), 1
    if first == 0 and _year_label(pieces):
        first = 1  # 1974  51  139: a row of a table over periods, labelled by its year
    rest = pieces[first:]
    unit = bare_unit(pieces[first - 1].text) if first >= 2 else ""
    label = " ".join(p.text for p in pieces[: first - 1 if unit else first])
    slots = pipes.pipe_slots(text)
    piped = pipes.pipe_label(pieces) if slots and not shift else None
    if piped is not None and piped.after > first:  # |Fund balances|at 1 April|2020||126,210|
        label, unit, first, rest = piped.text, "", piped.after, pieces[piped.after :]
    if any(not (p.numeric or p.blank) for p in rest):
        return None
    if not any(p.numeric for p in rest) or (not label and len(rest) < 2):
        return None
    if _all_years(rest) and not label:
        return None  # a header of periods: 2019  2020  2021
    column = pieces[0].column if first else 0
    return _Line(
        number, label, column, tuple(rest), text, unit=unit, slots=slots, first_cell=first + shift
    )


def _ranked_label(pieces: Sequence[Piece]) -> bool:
    """A line that starts with a rank in a cell of its own (``1``, ``12.``, ``=3``) and
    then a label with letters, before its figures: the rank is no figure of the row."""
    return (
        len(pieces) >= 3
        and _RANK.match(pieces[0].text) is not None
        and not pieces[1].numeric
        and not pieces[1].blank
        and _LETTER.search(pieces[1].text) is not None
        and pieces[2].numeric
    )


def _year_label(pieces: Sequence[Piece]) -> bool:
    """A line that starts with a year and prints two figures after it, none of them a year:
    the year is the row's label, not one of its figures."""
    rest = [p for p in pieces[1:] if p.numeric]
    return (
        _all_years(pieces[:1])
        and len(rest) >= 2
        and not any(_all_years([p]) for p in rest)
        and all(p.numeric or p.blank for p in pieces[1:])
    )


def _label_pieces(pieces: Sequence[Piece]) -> int:
    """How many cells at the start of a line make its label: a label may be printed in
    two languages (``稻谷 | rice``) or split by a wide gap (``高 中      Senior``)."""
    count = 0
    while count < len(pieces) and not pieces[count].numeric and not pieces[count].blank:
        count += 1
    return count if count <= _LABEL_PIECES else 1


def _section(text: str, width: int) -> str:
    """The heading of a group of rows printed on a line of its own inside a table
    (``按品种分``, ``Number of Schools``, ``在总计中:``), or "" when the line is none."""
    if not text.strip() or is_rule(text) or len(text) > _PROSE:
        return ""
    pieces = split_line(text)
    words = [p.text for p in pieces if p.text]
    if not words or len(words) > min(_LABEL_PIECES, width) or any(p.numeric for p in pieces):
        return ""  # as many words as the table has columns name them: a header
    if any(unit_in(word) and len(word) <= 4 for word in words[1:]):
        return ""  # % change  %  %: a header over the columns' units
    heading = " ".join(words)
    if len(heading) > _HEADING or heading[-1] in "。.!?;；，,":
        return ""
    return heading


def _runs_on(heading: str, label: str) -> bool:
    """Whether a line of words is the first line of the label under it, not a heading
    over a group of rows: it breaks off after a word that cannot end a label (``Violence
    against the`` / ``person``), or the label goes on in lower case (``Households with`` /
    ``children``)."""
    last = heading.split()[-1].lower()
    return last in _RUNS_ON or heading.endswith(("-", ",", "&")) or label[:1].islower()


_RUNS_ON = frozenset(
    re.split(r"\s+", "the a an of and or to in on for with without by from at against than as per")
)


def _all_years(pieces: Sequence[Piece]) -> bool:
    texts = [p.text for p in pieces if p.text]
    return bool(texts) and all(len(t) == 4 and t.isdigit() and t[:2] in ("19", "20") for t in texts)


def _body(lines: list[str], parsed: list[_Line | None], start: int) -> tuple[list[_Line], int]:
    body: list[_Line] = []
    index = start
    section = wrapped = ""
    while index < len(lines):
        line = parsed[index]
        if line is not None:
            if wrapped:
                line = dataclasses.replace(line, label=f"{wrapped} {line.label}".strip())
            body.append(dataclasses.replace(line, section=section) if section else line)
            wrapped = ""
        elif lines[index].strip() and not is_rule(lines[index]):
            width = Counter(len(b.numbers) for b in body).most_common(1)[0][0] if body else 0
            heading = _section(lines[index], width)
            after = _next_data(parsed, lines, index + 1)
            if heading and after is None:
                second = _wrapped_twice(parsed, lines, index + 1, width)
                if second is not None:  # 2017/18 / Increases / £21.23 £32.66 £53.89
                    wrapped, index = f"{heading} {lines[second].strip()}", second + 1
                    continue
            if not heading or after is None:
                break
            if after.label and not _runs_on(heading, after.label):
                section = heading
            else:
                wrapped = heading  # a label wrapped above its figures
        index += 1
    return body, index


def _wrapped_twice(
    parsed: list[_Line | None], lines: list[str], index: int, width: int
) -> int | None:
    """The second line of a label wrapped over two lines above a row that prints its
    figures only, when the line at ``index`` (after blank lines) is one."""
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index >= len(lines) or not _section(lines[index], width):
        return None
    after = _next_data(parsed, lines, index + 1)
    return index if after is not None and not after.label else None


def _next_data(parsed: list[_Line | None], lines: list[str], index: int) -> _Line | None:
    """The data line after ``index`` with only blank lines and rules before it."""
    while index < len(lines):
        if parsed[index] is not None:
            return parsed[index]
        if lines[index].strip() and not is_rule(lines[index]):
            return None
        index += 1
    return None


def _table(lines: list[str], body: list[_Line]) -> Table | None:
    body = _shaped(lines, body)
    counts = Counter(len(line.numbers) for line in body)
    width, full = counts.most_common(1)[0]
    grid = pipes.pipe_grid(body) if full < MIN_ROWS else None
    if grid is not None:  # rows of the same cells, as many with a label over two as not
        width, full = grid[0] - grid[1], grid[2]
    if full < MIN_ROWS or width < 2:
        return None
    full_lines = [line for line in body if len(line.numbers) == width]
    ends = _column_ends(lines, full_lines, width) if full_lines else None
    signature = kinds_of([line.numbers for line in full_lines]) if full_lines else None
    slots = grid[:2] if grid is not None else pipes.full_cells(full_lines)
    first_body = body[0].number
    above = lines[first_body - 2].strip() if first_body >= 2 else ""
    if body[0].label and _section(above, width) and _runs_on(above, body[0].label):
        body = [dataclasses.replace(body[0], label=f"{above} {body[0].label}"), *body[1:]]
        first_body -= 1  # the first row's label wrapped above it: no line of the header
    header_lines = _header_lines(lines, first_body)
    units = table_units(lines, first_body, header_lines, width)
    columns = columns_for(header_lines, width, units)
    placed: list[tuple[_Line, tuple[Piece | None, ...]]] = []
    for line in body:
        cells = pipes.place_in_cells(line, width, slots) or _place(
            lines[line.number - 1], line, width, ends
        )
        if cells is None:
            cells = place_by_kind(line.numbers, signature)
        if cells is None:
            cells = place_without_change(line.numbers, [f.numbers for f in full_lines])
        if cells is not None:
            placed.append((line, cells))
    last = body.index(placed[-1][0]) if placed else len(body)
    if all(sum(p.numeric for p in line.numbers) == 1 for line in body[last + 1 :]):
        body = body[: last + 1]  # a figure of the prose after the table is no row of it
    complete = len(placed) == len(body)
    keys = row_keys([line.label for line, _ in placed])
    rows = tuple(
        Row(line.label, key, line.number, _cells(line, cells, columns), line.section)
        for (line, cells), key in zip(placed, keys, strict=True)
    )
    if sum(any(c is not None for c in row.cells) for row in rows) < MIN_ROWS:
        return None
    rows = mark_counts_exact(carry_currencies(rows, len(columns)), len(columns))
    first = header_lines[0][0] if header_lines else first_body
    heading = label_heading(header_lines, width)
    return Table(columns, rows, first, body[-1].number, complete=complete, label_header=heading)


def _shaped(lines: list[str], body: list[_Line]) -> list[_Line]:
    """The body's rows with the minus signs printed apart and the labels ending in a number
    read as ``row_shapes`` says (labels only in a space-aligned table, under its header)."""
    numbers = minus_apart([line.numbers for line in body])
    rows = [(line.label, line.label_column, row) for line, row in zip(body, numbers, strict=True)]
    text = lines[body[0].number - 1] if body else "|"
    header = _header_lines(lines, body[0].number) if "|" not in text and "\t" not in text else []
    if header:
        shaped = numbered_labels(rows, [p for p in header[-1][1] if p.text])
    else:
        shaped = [(label, row) for label, _, row in rows]
    return [
        line
        if (label, row) == (line.label, line.numbers)
        else dataclasses.replace(line, label=label, numbers=row)
        for line, (label, row) in zip(body, shaped, strict=True)
    ]


def _cells(
    line: _Line, pieces: Sequence[Piece | None], columns: Sequence[Column]
) -> tuple[Cell | None, ...]:
    out: list[Cell | None] = []
    for piece, column in zip(pieces, columns, strict=True):
        # the row's own unit, unless the column's header names one (比上年增长%)
        unit = line.unit if line.unit and not unit_in(column.header) else column.unit
        figure = None if piece is None or piece.blank else cell_figure(piece.text, unit)
        out.append(None if figure is None else Cell(piece.text, line.number, piece.column, figure))  # type: ignore[union-attr]
    return tuple(out)


def _display_end(text: str, piece: Piece) -> int:
    """The display column just after ``piece``: wide (CJK) characters count twice."""
    before = text[: piece.column - 1 + len(piece.text)]
    return sum(2 if is_wide(char) else 1 for char in before)


def _column_ends(lines: list[str], full: list[_Line], width: int) -> list[int] | None:
    """The display column each figure column ends at, when the full rows agree on it
    (right-aligned numbers); None when they do not (numbers one space apart)."""
    ends: list[list[int]] = [[] for _ in range(width)]
    for line in full:
        text = lines[line.number - 1]
        if "|" in text or "\t" in text:
            return None  # cells are placed by their separators
        for index, piece in enumerate(line.numbers):
            if (
                index
                and piece.column
                - len(line.numbers[index - 1].text)
                - line.numbers[index - 1].column
                < 2
            ):
                return None  # numbers one space apart: no column to align on
            ends[index].append(_display_end(text, piece))
    typical = [Counter(column).most_common(1)[0] for column in ends]
    if any(count < max(2, (len(full) * 4 + 4) // 5) for _, count in typical):
        return None
    return [end for end, _ in typical]


def _place(
    text: str, line: _Line, width: int, ends: list[int] | None
) -> tuple[Piece | None, ...] | None:
    """The line's pieces in the table's columns, or None when they cannot be placed."""
    if len(line.numbers) == width:
        return line.numbers
    if ends is None or len(line.numbers) > width:
        return None
    placed: list[Piece | None] = [None] * width
    for piece in line.numbers:
        end = _display_end(text, piece)
        best = min(range(width), key=lambda i: abs(ends[i] - end))
        if abs(ends[best] - end) > 1 or placed[best] is not None:
            return None
        placed[best] = piece
    return tuple(placed)


def _sentence(text: str) -> bool:
    """A line of running text: long and ending a sentence, or ending one as only a sentence
    ends (``。``, a word and a full stop: ``… of members.``)."""
    stripped = text.rstrip()
    end = stripped[-1:]
    if len(text) > _PROSE and end in "。.!?;；：:":
        return True
    words = stripped.split()
    return end in "。！？；" or (end == "." and len(words) >= 4 and stripped[-2:-1].islower())


def _header_lines(lines: list[str], first_body: int) -> list[tuple[int, list[Piece]]]:
    """Up to three lines above the body that split into cells, nearest last."""
    found: list[tuple[int, list[Piece]]] = []
    number = first_body - 1
    while number >= 1 and len(found) < 3:
        text = lines[number - 1]
        if not text.strip() or is_rule(text):
            number -= 1
            if found and not text.strip() and number >= 1 and not lines[number - 1].strip():
                break  # two blank lines end the header
            continue
        if _sentence(text):
            break  # running text, not a header
        above = _data_line(number, text)
        if above is not None and not _all_years(above.numbers):
            break  # a row of the table above
        lone = split_line(text)
        if len(lone) == 1 and lone[0].numeric and not _all_years(lone):
            break  # a figure of its own (``661``, ``100%``): a value printed above, no header
        found.append((number, split_line(text, header=True)))
        number -= 1
    return list(reversed(found))

"""Tables among the figures the extractor found: which figure is which cell, and which
prose figure repeats a cell.

Every cell of a table becomes a fact of its own, named by its row and its column
(``nottinghamshire_pct_under_18``), never linked by value to another cell. A figure in the
running text that names a row (``Nottinghamshire had the highest rate, at 43 per cent``)
and prints a figure of the same kind close to one of the row's cells (44 under ``% under
18``) repeats that cell: it becomes a mention of the cell's fact, so the duplicate check
(mentions-agree) compares the two.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from factlint.extract.tables.model import Cell, Column, Row, Table, TableLines
from factlint.extract.tables.reading import read_tables
from factlint.numbers.figures import Figure
from factlint.numbers.quantities import unit_of

_SCALED = re.compile(r"^[-+−]?[\d,]*\.?\d+\s*(B|BN|M|MN|K)$", re.I)
_SCALES = {"B": "billion", "BN": "billion", "M": "million", "MN": "million", "K": "thousand"}
_LAST_DIGIT = re.compile(r".*\d", re.S)
_DIGIT = re.compile(r"\d")
_NEAR = Decimal("0.1")  # a repeat may differ by a tenth of the cell (43 against 44)
_FINANCIAL_YEAR = re.compile(r"^(19|20)(\d\d)([/-])((?:19|20)?\d\d)$")
_LEADING_WORDS = re.compile(r"^[^\W\d_]+(?=\d)")
_WORDS_TO_CELL = 40  # columns from a label's last word to the first cell after it
_MIN_LABEL = 4  # a row label shorter than this (in letters) is too common to look for


@dataclass(frozen=True)
class PlacedCell:
    """A cell and where it sits: its table, row and column."""

    table: Table
    row: Row
    column: Column
    cell: Cell

    @property
    def fact_id(self) -> str:
        return f"{self.row.key}_{self.column.key}"

    @property
    def label(self) -> str:
        return f"{self.row.label.strip()} {self.column.header}".strip()

    @property
    def unit(self) -> str:
        """What makes the number printed in the cell the cell's figure: the header's unit
        for a cell printed bare (``%``), the scale of ``2.194 B`` (``billion``), else ""."""
        text = self.cell.text.strip()
        if self.cell.figure.text == text:
            return ""
        scaled = _SCALED.match(text)
        if scaled:
            return _SCALES[scaled.group(1).upper()]
        shown = self.cell.figure.text
        if shown.startswith(text) and len(shown) > len(text) and not self.column.unit:
            return shown[len(text) :]  # the row's own unit (指标  亿元  1234.5)
        return self.column.unit


@dataclass(frozen=True)
class Placement:
    """The tables of a text, and the cell at each (line, column) where a figure starts."""

    tables: tuple[Table, ...]
    cells: dict[tuple[int, int], PlacedCell]
    rows_by_label: dict[str, list[PlacedCell]]
    """The cells of each row whose label is telling enough to look for in the text."""
    lines: TableLines = field(default_factory=lambda: TableLines(()))
    """The lines the tables span."""
    labels_by_start: dict[str, list[str]] = field(default_factory=dict)
    """The labels of ``rows_by_label`` by their first two characters."""
    longest_label: int = 0

    def cell_at(self, line: int, column: int, text: str) -> PlacedCell | None:
        """The cell a figure found at ``line``:``column`` printing ``text`` is, if any."""
        printed = "".join(text.split())
        bracketed = self.cells.get((line, column - 1))
        if bracketed is not None and in_brackets(bracketed.cell.text.strip(), printed):
            return bracketed  # (1,204): the figure found is the number inside the brackets
        for offset in range(len(text)):
            placed = self.cells.get((line, column + offset))
            if placed is not None:
                cell = placed.cell.text.strip()
                # (1,204) is -1,204: a figure found at the bracket would lose the sign;
                # a figure read on past its cell (46.8 and the 年 of the next line) is
                # cut back to the cell by the extractor; "$  123.3" is the cell $123.3
                if cell.startswith("("):
                    return None
                if not (cell.startswith(printed) or printed.startswith(cell)):
                    return None
                return placed
        return self._after_label(line, column, printed)

    def _after_label(self, line: int, column: int, printed: str) -> PlacedCell | None:
        """The cell a figure read with the words before it is (``over 2.0``: the last
        word of the label ``65 and over`` read as a bound), the first cell after them on
        the line (the words and the cell may sit a wide gap apart)."""
        words = _LEADING_WORDS.match(printed)
        if words is None:
            return None
        for offset in range(len(words.group(0)), len(words.group(0)) + _WORDS_TO_CELL):
            placed = self.cells.get((line, column + offset))
            if placed is not None:
                return placed if printed.endswith(placed.cell.text.strip()) else None
        return None

    def in_table(self, line: int) -> bool:
        return line in self.lines

    def repeated_cell(self, before: str, figure: Figure) -> PlacedCell | None:
        """The cell a prose figure repeats: its row named in the sentence ``before`` it with
        no other number in between ("Nottinghamshire had the highest rate, at 43 per
        cent"), one cell of that row of the figure's kind and unit, close to it in value.
        A bound (``65%以上``, "more than 40%") compares with the cell, it does not repeat it."""
        if figure.qualifier:
            return None
        lowered = before.lower()
        candidates: list[tuple[Decimal, PlacedCell]] = []
        for label in self.labels_named_in(lowered):
            for placed in self.rows_by_label[label]:
                if not _same_kind(placed.cell.figure, figure):
                    continue
                distance = abs(placed.cell.figure.base - figure.base)
                if distance <= abs(placed.cell.figure.base) * _NEAR and _slip_of(
                    placed.cell.figure.base, figure.base
                ):
                    candidates.append((distance, placed))
        candidates.sort(key=lambda pair: pair[0])
        if not candidates or (len(candidates) > 1 and candidates[0][0] == candidates[1][0]):
            return None
        return candidates[0][1]

    def labels_named_in(self, lowered: str) -> set[str]:
        """The labels printed in ``lowered`` with no digit after them: those of an
        occurrence that ends past the last digit, found from the labels' first two
        characters at each place where one can start (not by a search of the whole
        sentence per label of every table). An occurrence that starts at or before the
        last digit covers it, so its label holds a digit and its own last digit is that
        one: only one place is looked at for each such label (``_labels_by_last_digit``)."""
        last = _LAST_DIGIT.match(lowered)
        digit = last.end() - 1 if last else -1
        named: set[str] = set()
        starts = self.labels_by_start
        end = len(lowered) - 1
        for at in range(digit + 1, end):
            for label in starts.get(lowered[at : at + 2], ()):
                if lowered.startswith(label, at):
                    named.add(label)
        if digit < 0:
            return named
        for last_digit, heads in self._labels_by_last_digit.items():
            at = digit - last_digit
            if at < 0 or at >= end:
                continue
            for label in heads.get(lowered[at : digit + 1], ()):
                if lowered.startswith(label, at):
                    named.add(label)
        return named

    @functools.cached_property
    def _labels_by_last_digit(self) -> dict[int, dict[str, list[str]]]:
        """The labels holding a digit (as ``_LAST_DIGIT`` reads one), by where their last
        digit is, then by their text up to it: an occurrence covering the sentence's last
        digit has its own last digit there (what follows it in the sentence holds none)."""
        by_digit: dict[int, dict[str, list[str]]] = {}
        for start, labels in self.labels_by_start.items():
            for label in labels:
                last = _LAST_DIGIT.match(label)
                if last is not None and len(label) >= 2 and label[:2] == start:
                    heads = by_digit.setdefault(last.end() - 1, {})
                    heads.setdefault(label[: last.end()], []).append(label)
        return by_digit


def in_brackets(cell: str, printed: str) -> bool:
    """Whether ``printed`` is the number a cell prints in accounting brackets, a negative
    (``(1,204)`` and its ``1,204``; ``(9.7)%`` and ``9.7``)."""
    inner = cell[1:].replace(")", "").strip()
    return bool(printed) and printed[0].isdigit() and inner.startswith(printed)


def _period_forms(label: str) -> tuple[str, ...]:
    """The other ways a financial year labelling a row is written in prose: ``2016/17``
    as ``16/17``, ``2016-17`` or ``2016/2017``.

    >>> _period_forms("2016/17")
    ('16/17', '2016-17', '16-17', '2016/2017', '2016-2017')
    >>> _period_forms("2016/17 increases"), _period_forms("2019")
    ((), ())
    """
    match = _FINANCIAL_YEAR.match(label)
    if match is None:
        return ()
    century, first, second = match.group(1), match.group(2), match.group(4)
    second = second[-2:]
    long_second = f"{century}{second}" if second >= first else f"{int(century) + 1}{second}"
    forms = [f"{century}{first}/{second}", f"{first}/{second}", f"{century}{first}-{second}"]
    forms += [f"{first}-{second}", f"{century}{first}/{long_second}"]
    forms.append(f"{century}{first}-{long_second}")
    return tuple(form for form in forms if form != label)


def _cjk(label: str) -> bool:
    return sum("\u4e00" <= c <= "\u9fff" for c in label) >= 2


def _slip_of(cell: Decimal, printed: Decimal) -> bool:
    """Whether ``printed`` can be ``cell`` printed again, rounded or with one slip: at the
    printed figure's precision the two are one unit apart, differ in one digit at most, or
    differ by two neighbouring digits swapped (43 for 44, 99 for 100, 4,312 for 4,132). A
    figure that differs in every digit (5,531 beside a cell of 6,119) is another quantity of
    the same label, not a repeat."""
    exponent = printed.as_tuple().exponent
    if not isinstance(exponent, int):
        return False
    try:
        rounded = cell.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_EVEN)
    except InvalidOperation:
        return False
    if abs(rounded - printed) <= Decimal(1).scaleb(exponent):
        return True  # one unit apart at the printed precision: 99 for 100, a rounding slip
    a, b = _digits(rounded, exponent), _digits(printed, exponent)
    if (rounded < 0) != (printed < 0) or len(a) != len(b):
        return False
    differ = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(differ) <= 1:
        return True
    first, second = differ[0], differ[-1]
    return (
        len(differ) == 2 and second == first + 1 and a[first] == b[second] and a[second] == b[first]
    )


def _digits(number: Decimal, exponent: int) -> str:
    """The digits of ``number`` (a multiple of 10**exponent) counted in units of 10**exponent."""
    return str(abs(number.scaleb(-exponent)).to_integral_value())


def _same_kind(a: Figure, b: Figure) -> bool:
    return a.kind == b.kind and unit_of(a) == unit_of(b)


def place(source: str, tables: Sequence[Table] | None = None) -> Placement:
    """Every cell of every table in ``source``, by its line and column."""
    found = tuple(read_tables(source) if tables is None else tables)
    cells: dict[tuple[int, int], PlacedCell] = {}
    by_label: dict[str, list[PlacedCell]] = {}
    for table in found:
        for row in table.rows:
            label = row.label.strip().lstrip("#＃*").lower()
            telling = sum(c.isalnum() for c in label) >= _MIN_LABEL or _cjk(label)
            for column, cell in zip(table.columns, row.cells, strict=True):
                if cell is not None:
                    placed = PlacedCell(table, row, column, cell)
                    cells[(cell.line, cell.column)] = placed
                    if telling:
                        for name in {label, *_period_forms(label)}:
                            by_label.setdefault(name, []).append(placed)
    by_start: dict[str, list[str]] = {}
    for label in by_label:
        by_start.setdefault(label[:2], []).append(label)
    longest = max(map(len, by_label), default=0)
    return Placement(found, cells, by_label, TableLines.of(found), by_start, longest)

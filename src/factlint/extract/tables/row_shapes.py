"""Rows whose pieces say less than they print: a minus set apart from its number, a label
ending in a number, a short row whose figures' kinds fit the columns in one way only.

A space-aligned row splits into a label and its figures; two layouts split it wrongly:

- a column that prints its signs apart from its numbers (``+  11.7``, ``-  10.4``): the
  plus is read with its number already (``cells.split_line``), and a dash before a number in
  a column whose other rows print a plus is that number's minus, not an empty cell;
- a label ending in a number (``Under 16``, ``16 to 24``, ``Year 7``) under a header whose
  first cell heads the labels (``Age   2001   2011``): the header names as many columns as
  the rows print figures, the label column among them, so the number one space after the
  label's words is the label's, where the figures after it sit a wide gap apart.

>>> from factlint.extract.tables.cells import split_line
>>> rows = [tuple(split_line(t)[1:]) for t in ("Coal  777  +  11.7", "Wind  874  -  10.4")]
>>> [[p.text for p in row] for row in minus_apart(rows)]
[['777', '+11.7'], ['874', '-10.4']]
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence

from factlint.extract.tables.cells import Piece

_MINUS = ("-", "−", "–")

Numbers = tuple[Piece, ...]


def minus_apart(rows: Sequence[Numbers]) -> list[Numbers]:
    """Each row's figures with a dash before a number in a column whose other rows print
    a plus (``+11.7``) read as that number's minus, when it leaves the row as many cells as
    the rows printing a plus (the same tuple where nothing changes)."""
    signed = [row for row in rows if any(p.text.startswith("+") for p in row)]
    if not signed:
        return list(rows)
    width = Counter(len(row) for row in signed).most_common(1)[0][0]
    plus = {
        index
        for row in signed
        if len(row) == width
        for index, piece in enumerate(row)
        if piece.text.startswith("+")
    }
    out = []
    for row in rows:
        dashes = [
            i
            for i in range(len(row) - 1)
            if row[i].text in _MINUS and row[i + 1].numeric and i in plus
        ]
        if len(row) == width + 1 and len(dashes) == 1:
            at = dashes[0]
            number = row[at + 1]
            # just before its number, as a bracket is: the figure found there is its own
            merged = Piece("-" + number.text.lstrip("+"), number.column - 1)
            row = (*row[:at], merged, *row[at + 2 :])
        out.append(row)
    return out


def numbered_labels(
    rows: Sequence[tuple[str, int, Numbers]], header: Sequence[Piece]
) -> list[tuple[str, Numbers]]:
    """Each row (label, the label's column, figures) as (label, figures), the number one
    space after a label taken into it when ``header`` (the filled cells of the header line
    nearest the rows) heads the labels and names as many columns as the rows print figures,
    and most rows print such a number."""
    same = [(label, numbers) for label, _, numbers in rows]
    if not rows:
        return same
    width = Counter(len(numbers) for _, _, numbers in rows).most_common(1)[0][0]
    first = min((column for label, column, _ in rows if label), default=0)
    if (
        width < 2
        or len(header) != width
        or not first
        or abs(header[0].column - first) > 1
        or header[0].numeric
    ):
        return same
    full = [row for row in rows if len(row[2]) == width]
    attached = [_attached(*row) for row in full]
    if 2 * sum(attached) < len(full):
        return same
    return [
        (f"{label} {numbers[0].text}", numbers[1:])
        if len(numbers) == width and _attached(label, column, numbers)
        else (label, numbers)
        for label, column, numbers in rows
    ]


def _attached(label: str, column: int, numbers: Numbers) -> bool:
    """A number one space after the label, the figures after it a wide gap apart."""
    if not label or len(numbers) < 2 or not numbers[0].numeric:
        return False
    gap = numbers[0].column - column - len(label)
    pairs = itertools.pairwise(numbers)
    return gap == 1 and all(b.column - a.column - len(a.text) >= 2 for a, b in pairs)


def _kind(piece: Piece) -> str:
    return "%" if piece.text.rstrip().endswith(("%", "％")) else "n"


def kinds_of(full: Sequence[Numbers]) -> tuple[str, ...] | None:
    """What every full row prints in each column (a percent or a plain number), when the
    full rows agree on it."""
    kinds = {tuple(_kind(p) if not p.blank else "" for p in numbers) for numbers in full}
    if len(kinds) != 1:
        return None
    signature = next(iter(kinds))
    return None if "" in signature else signature


def place_by_kind(
    numbers: Numbers, signature: tuple[str, ...] | None
) -> tuple[Piece | None, ...] | None:
    """A short row placed where the kinds of its numbers fit the columns' in only one way
    (``市本级   209.8 144.8 112.9 78.0%`` under ``% n n n %`` skips the first column)."""
    if signature is None or len(numbers) >= len(signature) or len(signature) > 12:
        return None
    kinds = tuple(_kind(p) for p in numbers)
    fits = [
        chosen
        for chosen in itertools.combinations(range(len(signature)), len(kinds))
        if tuple(signature[i] for i in chosen) == kinds
    ]
    if len(fits) != 1:
        return None
    placed: list[Piece | None] = [None] * len(signature)
    for index, piece in zip(fits[0], numbers, strict=True):
        placed[index] = piece
    return tuple(placed)


_SIGNED = ("+", "-", "−", "–")


def _places(text: str) -> int:
    digits = text.rstrip("%％").split(".")
    return len(digits[1]) if len(digits) == 2 else 0


def _zero(text: str) -> bool:
    return text.lstrip("+-−–").rstrip("%％").replace(".", "").strip("0") == ""


def place_without_change(
    numbers: Numbers, full: Sequence[Numbers]
) -> tuple[Piece | None, ...] | None:
    """A row one figure short of the full rows' whose last column prints a signed change
    in every full row (``+11.9``, ``−5.8``): the change left blank (a party new to the
    contest has none), when each of its figures fits its column as the full rows print
    it — as many decimals, signed where they are signed — or is a zero.

    >>> full = [tuple(Piece(t, 1) for t in r.split()) for r in ("4 2 13.6 +1.9", "3 0 9.1 −5.8")]
    >>> short = tuple(Piece(t, 1) for t in "4 1 18.2".split())
    >>> [p.text if p else None for p in place_without_change(short, full)]
    ['4', '1', '18.2', None]
    """
    if not full or any(len(row) != len(full[0]) for row in full):
        return None
    width = len(full[0])
    if len(numbers) != width - 1 or width < 3:
        return None
    if not all(row[-1].text.startswith(_SIGNED) for row in full):
        return None
    for index, piece in enumerate(numbers):
        if piece.blank or _zero(piece.text):
            continue
        column = [row[index].text for row in full if not _zero(row[index].text)]
        if column and {_places(t) for t in column} != {_places(piece.text)}:
            return None
        signed = [t.startswith(_SIGNED) for t in column]
        if (
            column
            and all(signed) != piece.text.startswith(_SIGNED)
            and (all(signed) or not any(signed))
        ):
            return None
    return (*numbers, None)

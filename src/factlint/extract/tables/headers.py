"""Column headers and units: which header line names the columns, which spans them.

A header line with as many cells as the body has columns names them (one more cell: the
first is the label column's heading). A line above it with fewer cells, a whole number of
columns each, spans groups of them (``2019  2020`` over ``Total  Share  Total  Share``):
the group is written before each column's own header. A unit comes from the column's own
header (``比重(%)``), else from a line above the table that says it for all
(``单位：万元``, ``Percentage``, ``(in millions)``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factlint.extract.tables.cells import Piece
from factlint.extract.tables.keys import column_keys
from factlint.extract.tables.model import Column
from factlint.extract.tables.units import column_unit, listed_units, unit_in

_LOOK_ABOVE = 3
_LOOK_FOR_UNIT_LINE = 12  # 单位：万元 may sit above a title and a blank line
_FOR_ALL = re.compile(r"^\s*[(（]?\s*(?:单位|單位|units?\b|all figures|figures)", re.I)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_UNIT_AT_END = re.compile(r"(?:[(（]([^()（）]{1,20})[)）]|,\s*([^,]{1,20}))\s*$")
_STATED = re.compile(r"(?:单位|單位)\s*[:：]")
_SHORT_HEADER = 50
_LABEL_CELLS = 3  # a label printed in two languages is two cells of the header
_WORD = re.compile(r"\S+")
_PERIOD = re.compile(r"^(?:19|20)\d\d(?:年|[/-]\d{2}(?:\d{2})?)?$")
# a figure that prints its own unit (``100%``, ``84.1% of total``) is a value, not a caption
_FIGURE_WITH_UNIT = re.compile(r"^[-+−(]?[$£€¥]?\d[\d,]*(?:\.\d+)?\s?[%％‰]")


def label_heading(header_lines: Sequence[tuple[int, list[Piece]]], width: int) -> str:
    """The heading of the label column: the first cells of a header line with more cells
    than the body has columns (``项 目 | item | 2006 | 2007``: ``项 目 item``)."""
    for _, pieces in reversed(header_lines):
        pieces = _words_apart(_periods_apart(pieces, width), width)
        if width < len(pieces) <= width + _LABEL_CELLS:
            return " ".join(p.text for p in pieces[:-width] if p.text)
    return ""


def _periods_apart(pieces: list[Piece], width: int) -> list[Piece]:
    """A header whose periods are one space apart (``Item 2006 2007``) split into its
    cells, when its last cell ends with as many periods as the body has columns; a
    header of one word a column, one space apart (``Session Oral Written``), too."""
    if not pieces or len(pieces) >= width:
        return pieces
    last = pieces[-1]
    words = [(m.group(0), last.column + m.start()) for m in _WORD.finditer(last.text)]
    if len(pieces) == 1 and _one_word_a_column(last.text, len(words), width):
        return [Piece(word, column) for word, column in words]
    if len(pieces) == 1 and (names := _names_apart(words, width)) is not None:
        return [Piece(name, column) for name, column in names]
    if len(words) < width or not all(_PERIOD.match(w) for w, _ in words[-width:]):
        return pieces
    head = words[: len(words) - width]
    out = list(pieces[:-1])
    if head:
        out.append(Piece(last.text[: head[-1][1] - last.column + len(head[-1][0])], last.column))
    return out + [Piece(word, column) for word, column in words[-width:]]


def _words_apart(pieces: list[Piece], width: int) -> list[Piece]:
    """A Chinese header whose names are one space apart (``年龄 人口数 比重``,
    ``全  市 吴兴区 南浔区``) split into its words, two single characters spaced out
    (``全  市``, ``合 计``) read as one word, when that gives a name to every column (and
    at most a few label cells); else the pieces as they are."""
    if not pieces or len(pieces) >= width:
        return pieces
    words = [
        (m.group(0), piece.column + m.start())
        for piece in pieces
        for m in _WORD.finditer(piece.text)
    ]
    if not all(_CJK.search(w) or _PERIOD.match(w) for w, _ in words):
        return pieces
    merged: list[tuple[str, int]] = []
    for word, column in words:
        last = merged[-1][0] if merged else ""
        if len(word) == 1 and len(last) == 1 and _CJK.match(word) and _CJK.match(last):
            merged[-1] = (last + word, merged[-1][1])
        else:
            merged.append((word, column))
    if not width <= len(merged) <= width + _LABEL_CELLS:
        return pieces
    return [Piece(word, column) for word, column in merged]


def _names_apart(words: list[tuple[str, int]], width: int) -> list[tuple[str, int]] | None:
    """A short header of names one space apart, each starting with a capital or a sign
    (``Type Amount % of Total``: Type, Amount, % of Total), a small word joining the word
    after it to its name (``of``, ``per``), a bare ``%`` the name before it (``Seats %``),
    when that names every column (and perhaps the label column); None otherwise. A header
    of many columns may be longer (``Party Seats Gains Losses Net gain/loss Seats % …``).

    >>> header = "Party Seats Gains Net gain/loss Seats % Votes % Votes +/−"
    >>> [name for name, _ in _names_apart([(w, 1) for w in header.split()], 7)]
    ['Party', 'Seats', 'Gains', 'Net gain/loss', 'Seats %', 'Votes %', 'Votes', '+/−']
    """
    text = " ".join(word for word, _ in words)
    if (
        width < 2
        or len(text) > (_SHORT_HEADER if width < _WIDE else _LONG_HEADER)
        or _CJK.search(text)
        or any(char.isdigit() for char in text)
        or text.endswith((".", ":", ";", "?", "!", ","))
    ):
        return None
    names: list[tuple[str, int]] = []
    for at, (word, column) in enumerate(words):
        starts = word[0].isupper() or word[0] in _SIGNS
        joined = bool(names) and names[-1][0].split()[-1].lower() in _JOINING
        following = words[at + 1][0].lower() if at + 1 < len(words) else ""
        if word in _BARE_PERCENT and following not in _JOINING:
            starts = False  # Seats %: the percent of the name before it
        if (starts and not joined) or not names:
            names.append((word, column))
        else:
            names[-1] = (f"{names[-1][0]} {word}", names[-1][1])
    if not width <= len(names) <= width + 1 or len(names) == len(words):
        return None  # one word a name is _one_word_a_column's
    return names


_SIGNS = frozenset("%％£$€¥#+±")
_BARE_PERCENT = frozenset({"%", "％", "(%)", "（%）"})
_WIDE = 6  # columns from which a header one space apart may be longer
_LONG_HEADER = 90
_JOINING = frozenset({"of", "per", "in", "to", "and", "the", "vs", "&", "on", "from", "for", "as"})


def _one_word_a_column(text: str, words: int, width: int) -> bool:
    """A short line of capitalised words one space apart, as many as the columns (and
    perhaps one for the label column), with no figure or sentence: one word names each
    column."""
    return (
        width >= 2
        and width <= words <= width + 1
        and len(text) <= _SHORT_HEADER
        and not _CJK.search(text)
        and not any(char.isdigit() for char in text)
        and not text.rstrip().endswith((".", ":", ";", "?", "!"))
        and all(not word[0].islower() for word in text.split())  # Sort by any column: prose
    )


def columns_for(
    header_lines: Sequence[tuple[int, list[Piece]]], width: int, unit: str | Sequence[str]
) -> tuple[Column, ...]:
    """The ``width`` columns a body has, named by the header lines above it. Two lines
    that each name every column are one header wrapped over both (``Staff`` over
    ``costs``, ``Total`` over ``(000s)``): each column's name is its two cells joined."""
    own: list[str] = [""] * width
    groups: list[str] = [""] * width
    named = wrapped = False
    below: list[Piece] = []
    for _, pieces in reversed(header_lines):  # nearest the body first
        cells = _words_apart(_periods_apart(pieces, width), width)
        texts = [p.text for p in cells]
        if not named and width <= len(texts) <= width + _LABEL_CELLS:
            own = texts[-width:]
            named = True
            below = cells
            continue
        if named and not wrapped and _wraps(pieces, cells, below, width):
            own = [" ".join(t for t in pair if t) for pair in zip(texts[-width:], own, strict=True)]
            wrapped = True
            continue
        spans = [t for t in texts if t]
        if named and 1 < len(spans) < width and width % len(spans) == 0:
            step = width // len(spans)
            groups = [spans[i // step] for i in range(width)]
            break
        if named and 2 < len(spans) <= width and width % (len(spans) - 1) == 0:
            step = width // (len(spans) - 1)
            groups = [spans[1 + i // step] for i in range(width)]
            break
    headers = [" ".join(t for t in (g, o) if t) for g, o in zip(groups, own, strict=True)]
    listed = [unit] * width if isinstance(unit, str) else list(unit)
    units = [column_unit(header, shared) for header, shared in zip(headers, listed, strict=True)]
    keys = column_keys(headers)
    return tuple(
        Column(header, unit_, key, group)
        for header, unit_, key, group in zip(headers, units, keys, groups, strict=True)
    )


def _wraps(
    pieces: Sequence[Piece], cells: Sequence[Piece], below: Sequence[Piece], width: int
) -> bool:
    """A header line above the one that names the columns that names each of them too:
    the first line of a header wrapped over two (short cells, most of them filled), cell
    over cell: as many cells (a pipe or tab row), or each over its column's cell below."""
    texts = [c.text for c in cells[-width:]]
    if (
        len(cells) < width
        or len(cells) > width + _LABEL_CELLS
        or sum(bool(p.text) for p in pieces) < 2  # one phrase split into words: a caption
        or 2 * sum(bool(t) for t in texts) <= width
        or any(len(t) > _WRAPPED_CELL for t in texts)
    ):
        return False
    if len(cells) == len(below):
        return True
    return all(
        not upper.text or _overlap(upper, lower)
        for upper, lower in zip(cells[-width:], below[-width:], strict=True)
    )


def _overlap(upper: Piece, lower: Piece) -> bool:
    return (
        upper.column <= lower.column + len(lower.text) + 1
        and lower.column <= upper.column + len(upper.text) + 1
    )


_WRAPPED_CELL = 30


def table_unit(
    lines: Sequence[str], first_body: int, header_lines: Sequence[tuple[int, list[Piece]]]
) -> str:
    """A unit stated for the whole table on a line of its own above it."""
    units = table_units(lines, first_body, header_lines, 1)
    return units[0]


def table_units(
    lines: Sequence[str],
    first_body: int,
    header_lines: Sequence[tuple[int, list[Piece]]],
    width: int,
) -> list[str]:
    """The unit of each of ``width`` columns stated for the table on a line above it: one
    for all (``单位：万元``), or one a column in order (``单位：人、%`` over a column of
    people and one of shares)."""
    top = header_lines[0][0] if header_lines else first_body
    texts = [
        (0, piece.text)
        for _, pieces in header_lines
        for piece in pieces
        if piece.text and (_STATED.search(piece.text) or len([p for p in pieces if p.text]) == 1)
    ]
    for number in range(top - 1, max(0, top - 1 - _LOOK_FOR_UNIT_LINE), -1):
        text = lines[number - 1].strip().strip("|").strip()
        if text and len(text) <= 40:
            texts.append((top - number, text))
    for distance, text in texts:
        unit = unit_in(text)
        if not unit or _FIGURE_WITH_UNIT.match(text):
            continue
        listed = listed_units(text)
        if len(listed) == width and "%" in listed and len(set(listed)) > 1:
            return listed
        if (
            _FOR_ALL.match(text)
            or _STATED.search(text)
            or (distance <= _LOOK_ABOVE and len(text) <= 16 and not _CJK.search(text))
        ):
            return [unit] * width
        ending = _UNIT_AT_END.search(text)
        if distance <= _LOOK_ABOVE and ending and unit_in(ending[0].strip(" ,")) == unit:
            return [unit] * width  # a caption ending in its unit: Population (in thousands)
    return [""] * width

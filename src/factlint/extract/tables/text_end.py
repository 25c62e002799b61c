"""The last line of a text that stops without a newline: whole, or cut mid-figure.

An excerpt or a download cut short may stop inside a figure (``… 74723 5005`` for
``50052``); a text may as well end on its table's last row with no newline after it. The
line's frame tells them apart: a figure ending in a percent sign, or on a line framed as
the lines above it (as many pipes or tabs, right-aligned in the same column, a lone figure
with as many decimals as the cells above print), is whole; any other last figure may have
lost digits and is no cell of a table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factlint.extract.text import is_wide

_TRAILING_FIGURE = re.compile(r"(?<!\S)[-+−]?[\d.,]*\d[%％]?$")


def last_line_cut(lines: Sequence[str]) -> str:
    """The last of ``lines`` (a text with no final newline) without a figure it may have
    been cut inside."""
    return cut_figure_dropped(lines[-1], _lines_above(lines))


def cut_figure_dropped(line: str, above: Sequence[str] = ()) -> str:
    """The last line of a text that stops mid-line (no newline at its end: an excerpt, a
    download cut short) without the figure it ends with, which may have lost digits
    (``… 74723 5005`` for ``50052``): such a cell is no cell of the table. A figure ending
    in a percent sign is whole, and so is one on a line framed as
    the line above it is (as many pipes or tabs, its last figure ending in the same column
    after a wide gap, a lone figure with as many decimals) is whole: a text that ends with
    its table's last row and no newline.

    >>> cut_figure_dropped("五、劳务收入 219839 22744 5005"), cut_figure_dropped("合计 |")
    ('五、劳务收入 219839 22744 ', '合计 |')
    >>> cut_figure_dropped("Total     1,204", ["North       904"])
    'Total     1,204'
    >>> cut_figure_dropped("15.9", ["Tourism", "313.4", "-5.1"]), cut_figure_dropped("7", ["7.5"])
    ('15.9', '')
    """
    match = _TRAILING_FIGURE.search(line)
    if match is None or _framed_alike(line, above, match.start()):
        return line
    return line[: match.start()]


def _lines_above(lines: Sequence[str], count: int = 12) -> list[str]:
    """The last ``count`` non-blank lines before a text's last line, nearest first."""
    out: list[str] = []
    for text in reversed(lines[:-1]):
        if text.strip():
            out.append(text)
            if len(out) == count:
                break
    return out


_WIDE_BEFORE_END = re.compile(r"\S\s{2,}[-+−(]?[$£€¥]?[\d.,]*\d\)?[%％]?$")
_PLACES = re.compile(r"\.(\d+)[%％]?$")


def _framed_alike(line: str, above_lines: Sequence[str], start: int) -> bool:
    if line.rstrip().endswith(("%", "％", "‰")):
        return True  # its end is printed: no digit can follow a percent sign
    if not above_lines:
        return False
    above = above_lines[0]
    for separator in ("|", "\t"):
        if line.count(separator) and line.count(separator) == above.count(separator):
            return True
    line, above = line.rstrip(), above.rstrip()
    if _WIDE_BEFORE_END.search(line) and _WIDE_BEFORE_END.search(above):
        hanging = above.endswith(")") and not line.endswith(")")  # (60.5) over 740.7
        width, over = _display_width(line), _display_width(above)
        return width == over or (hanging and width + 1 == over)  # right-aligned
    if start == len(line) - len(line.lstrip()):  # one cell a line: a figure as many
        places = _PLACES.search(line)  # decimals as one of the cells above prints
        return places is not None and len(places[1]) in _lone_places(above_lines)
    return False


def _lone_places(lines: Sequence[str]) -> set[int]:
    """The decimals the lone figures of ``lines`` print."""
    out = set()
    for text in lines:
        if _TRAILING_FIGURE.fullmatch(text.strip()) and (places := _PLACES.search(text.strip())):
            out.add(len(places[1]))
    return out


def _display_width(text: str) -> int:
    return sum(2 if is_wide(char) else 1 for char in text)

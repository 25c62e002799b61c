"""Split one line of a plain-text table into cells, each with its column in the line.

Three layouts come out of PDFs and web pages: pipe tables (``| Durham | 12 | 13% |``, and
Markdown's ``|---|`` rules), tab-separated rows, and columns aligned with spaces, where a
label may hold single spaces (``Thames Valley   1,204   12%``) and the numbers after it may
be one space apart (``达州市 12.9% 527.3 371.5``).

>>> [c.text for c in split_line("| Durham | 1,204 | 12% |")]
['Durham', '1,204', '12%']
>>> [(c.text, c.column) for c in split_line("Thames Valley   1,204 12%")]
[('Thames Valley', 1), ('1,204', 17), ('12%', 23)]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from factlint.extract.tables.units import NOTE_MARK, bare_unit, is_empty_cell

_RULE = re.compile(r"^[\s|:+=\-–—_─━┼├┤┬┴┌┐└┘│]+$")
_NUMBER = re.compile(
    r"^(?:[-+−]?[$£€¥]?\(?[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\)?"
    r"(?:\s?(?:%|％|‰|B|M|K|bn|mn|m))?|[-+−]?\.\d+%?)" + NOTE_MARK + "$"
)
_SPACES = re.compile(r"\S+")
_LETTER_MARKS = frozenset({"r", "p", "e"})  # revised, provisional, estimated
_SIGN_APART = re.compile(r"(?<!\S)[$£€¥]\s+(?=[\d(])")
_CJK_UNIT = re.compile(r"^[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?([\u4e00-\u9fff]{1,3})$")
_PLUS_APART = re.compile(r"(?<!\S)\+[ \t]+(?=\d)")
_INNER_GAP = re.compile(r"\S\s{2,}\S")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_PERIOD_WORDS = frozenset(
    re.split(
        r"\s+",
        "january february march april may june july august september october november december"
        " jan feb mar apr jun jul aug sep sept oct nov dec year years to since ended ending end"
        " fy q1 q2 q3 q4 h1 h2 in of from until",
    )
)
# lazy at both levels: a one-character cell (``%``) ends at its own gap
_WIDE_GAP = re.compile(r"\S(?:.*?\S)??(?=\s{2,}|\t|　|$)")
_GAP = re.compile(r"\s{2,}|\t|　")
_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.I)


@dataclass(frozen=True)
class Piece:
    """One cell as printed and its 1-based column in the line."""

    text: str
    column: int

    @property
    def numeric(self) -> bool:
        return is_number(self.text)

    @property
    def blank(self) -> bool:
        return is_empty_cell(self.text)


# A table's reader asks of each cell's text several times, and a long report prints the
# same cells again: each text's answer is kept (bounded).
@functools.lru_cache(maxsize=1 << 15)
def is_number(text: str) -> bool:
    stripped = text.strip()
    if _NUMBER.match(stripped):
        return not _SCALE_MARK.match(stripped)
    # 80.7亿元, 512万人: a number printing its unit in Chinese (not 1月, 2023年, 65岁)
    united = _CJK_UNIT.match(stripped)
    return united is not None and bool(bare_unit(united[1]))


# ``£000``, ``$000``, ``000s``: the scale a column or a list is printed in, not a figure
_SCALE_MARK = re.compile(r"^[$£€¥]?'?000s?$")


def is_rule(line: str) -> bool:
    """A line that only draws: ``|---|:--:|``, ``------``, ``+====+``."""
    return bool(line.strip()) and bool(_RULE.match(line)) and any(c in line for c in "-=─━_")


def split_line(line: str, *, header: bool = False) -> list[Piece]:
    """The cells of one line, in order, with their columns. In a ``header`` line words and
    numbers one space apart stay together (``Under 18``, ``2019 年``)."""
    if line.count("|") >= 2:
        return _split_on(line, "|", keep_empty=True)
    if "\t" in line:
        by_tabs = _split_on(line, "\t", keep_empty=True)
        if not any(_INNER_GAP.search(p.text) for p in by_tabs):
            return by_tabs
        # tabs and runs of spaces both align the columns (a row typed with both): every
        # gap is a gap, as the space-aligned reader takes a tab
    # "$  123.3": a currency sign set apart from its number is left to the column (the
    # figure found in the text is the number alone; carry_currencies gives it the sign)
    line = _SIGN_APART.sub(lambda m: " " * len(m.group(0)), line)
    # "+  11.7": a plus sign set apart from its number is the number's (no empty cell is a +)
    line = _PLUS_APART.sub(lambda m: " " * (len(m.group(0)) - 1) + "+", line)
    if "\n" not in line and _GAP.search(line) is None:
        chunk = _one_chunk(line)  # most lines: prose, no gap (the search below is slow)
        if chunk is None:
            return []
        return (
            [Piece(chunk, len(line) - len(chunk) + 1)]
            if header
            else _numbers_apart(chunk, len(line) - len(chunk) + 1)
        )
    pieces: list[Piece] = []
    for match in _WIDE_GAP.finditer(line, 0, _cells_end(line)):
        if header:
            pieces.append(Piece(match.group(0), match.start() + 1))
        else:
            pieces.extend(_numbers_apart(match.group(0), match.start() + 1))
    return pieces


def _one_chunk(line: str) -> str | None:
    """What ``_WIDE_GAP`` finds in a line with no gap (and no line break, which ``.`` does
    not cross): the line from its first non-space to its end, which must be one (a line
    ending in a space holds no cell: ``_cells_end``); None for no cell."""
    chunk = line.lstrip()
    return chunk if chunk and not chunk[-1].isspace() else None


def _cells_end(line: str) -> int:
    """Where the cells _WIDE_GAP can find end. Text after the last wide gap that ends in one
    space holds none (no cell ends before a gap or the line's end there), and the search would
    try each of its characters as a start, scanning to the end from each: quadratic in a long
    line. The search stops at that gap instead, finding the same cells."""
    if len(line) < 2 or not line[-1].isspace() or line[-1] in "\t　" or line[-2].isspace():
        return len(line)
    ends = [gap.end() for gap in _GAP.finditer(line)]
    return ends[-1] if ends else 0


def _split_on(line: str, separator: str, *, keep_empty: bool) -> list[Piece]:
    pieces: list[Piece] = []
    start = 0
    for part in line.split(separator):
        # a line broken inside a cell (``Donations<br>and``) reads as one line
        stripped = (_BREAK.sub(" ", part) if separator == "|" else part).strip()
        offset = len(part) - len(part.lstrip()) if stripped else 0
        pieces.append(Piece(stripped, start + offset + 1))
        start += len(part) + 1
    if separator == "|":  # the outer pipes leave empty pieces at both ends
        if pieces and not pieces[0].text and line.lstrip().startswith("|"):
            pieces = pieces[1:]
        while pieces and not pieces[-1].text:
            pieces = pieces[:-1]
    return pieces if keep_empty else [p for p in pieces if p.text]


def _period_word(words: list[tuple[str, int]], split: int) -> bool:
    """Whether the one number ending a chunk is the year of a period its words name
    (``Year to March 2024``, ``Quarter ended June 2023``, ``FY 2022``)."""
    return (
        split > 0
        and bool(_YEAR.match(words[split][0]))
        and words[split - 1][0].lower().rstrip(",.") in _PERIOD_WORDS
    )


def _numbers_apart(chunk: str, column: int) -> list[Piece]:
    """A chunk between wide gaps: text words stay one cell; numbers at its end one space
    apart are cells of their own (``达州市 12.9% 527.3`` is three cells)."""
    last = chunk.rsplit(None, 1)[-1]  # str.split's spaces are re's \s
    if last in _LETTER_MARKS and len(chunk.split()) >= 2:
        last = " ".join(chunk.split()[-2:])
    if not (is_number(last) or is_empty_cell(last)):
        return [Piece(chunk, column)]  # running text: its words are not read one by one
    words = [(m.group(0), column + m.start()) for m in _SPACES.finditer(chunk)]
    if len(words) >= 2 and words[-1][0] in _LETTER_MARKS and is_number(words[-2][0]):
        # 8,799,000 r: a figure marked revised (provisional, estimated) is one cell
        words[-2:] = [(f"{words[-2][0]} {words[-1][0]}", words[-2][1])]
    split = len(words)
    while split > 0 and (is_number(words[split - 1][0]) or is_empty_cell(words[split - 1][0])):
        split -= 1
    if split == len(words) - 1 and _period_word(words, split):
        return [Piece(chunk, column)]  # Year to March 2024: the year ends the label
    if split == len(words):
        return [Piece(chunk, column)]
    if split == 0 and len(words) == 1:
        return [Piece(chunk, column)]
    pieces = [Piece(chunk[: words[split - 1][1] - column + len(words[split - 1][0])], column)]
    pieces = pieces if split else []
    return pieces + [Piece(text, at) for text, at in words[split:]]

"""Split a report into sections by its layout: sidebars, headline, lead, body, captions.

Text from a newspaper PDF keeps the page's layout in its line breaks. The heuristics:

- *blocks* are runs of non-blank lines; an indented line starts a new block;
- narrow single-line blocks one blank line apart are a double-spaced column: the boxes
  (``sidebar-1``, ``sidebar-2``, …) around the article; a box ends with a sentence at the
  end of a line, unless the next line goes on with 其中, 同时, …;
- short lines without a sentence end before the article's first paragraph are the
  ``headline`` (box title, headline, byline); trailing ones after the last sentence are
  ``captions``;
- in a text set in columns, leading paragraphs set much wider than the rest are the
  ``lead``; the rest is the ``body`` (subheadings included). Text with one paragraph per
  line (a web page) has a headline and a body;
- in either, a list of bullet points before the first paragraph (the highlights on top of
  a results release) is the ``lead``: a summary the body repeats.

Every section is a range of lines, as in a facts file's ``report.sections``.

>>> [s.name for s in detect_sections("Title\\n\\nFirst paragraph of the story.\\nMore.\\n")]
['headline', 'body']
"""

from __future__ import annotations

import bisect
import functools
import itertools
import statistics
from collections.abc import Callable, Mapping, Sequence

from factlint.extract.text import is_wide
from factlint.records import dataclass

_SENTENCE_ENDS = "。！？!?."
_CLOSERS = "”’」』)）\"'"
_CONTINUATIONS = (
    "其中",
    "同时",
    "并且",
    "而且",
    "此外，",
    "另外，",
    "其",
    "并",
    "且",
    "and ",
    "but ",
)
_NARROW = 40  # display columns: a sidebar line of ~12 CJK characters is 24
_HEADING = 64
_MIN_COLUMN = 4  # single-line blocks in a row before they count as a column
_LEAD_RATIO = 1.4
_COLUMNAR = 80
_REFLOWED_LINE, _REFLOWED_SHARE = 120, 0.3
_BULLETS = ("•", "·", "▪", "●", "◆", "■", "- ", "* ", "– ")
_MIN_BULLETS = 2


@dataclass(frozen=True)
class Section:
    name: str
    first: int
    last: int


@dataclass(frozen=True)
class _Block:
    first: int
    last: int
    lines: tuple[str, ...]
    gap: int  # blank lines before it; 0 for an indented line right after text

    @property
    def single(self) -> bool:
        return self.first == self.last

    @property
    def width(self) -> int:
        return max(_width(line) for line in self.lines)

    @property
    def ends_sentence(self) -> bool:
        return _ends_sentence(self.lines[-1])

    @property
    def heading_like(self) -> bool:
        return self.heading_within(_HEADING)

    def heading_within(self, width: int) -> bool:
        last = self.lines[-1].rstrip()
        return (
            len(self.lines) <= 3
            and self.width <= width
            and not self.ends_sentence
            and not last.endswith((":", "：", ","))
        )


class _Widths(dict[str, int]):
    """Each character's width in print (2 if ``is_wide``), looked up once."""

    def __missing__(self, char: str) -> int:
        width = self[char] = 2 if is_wide(char) else 1
        return width


_WIDTHS = _Widths()


@functools.lru_cache(maxsize=8192)  # a block's width is read several times per line
def _width(line: str) -> int:
    shown = line.strip()
    if shown.isascii():
        return len(shown)  # no ASCII character is wide
    return sum(map(_WIDTHS.__getitem__, shown))


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_ENDS


def detect_sections(source: str) -> list[Section]:
    lines = source.split("\n")
    if _reflowed(lines):
        return _reflowed_sections(lines)
    blocks = _blocks(lines)
    if not blocks:
        return []
    captions: list[_Block] = []
    while blocks and blocks[-1].heading_like and blocks[-1].width <= _NARROW:
        captions.insert(0, blocks.pop())
    if not any(b.ends_sentence for b in blocks):  # all short lines: nothing is a caption
        blocks, captions = blocks + captions, []
    sections: list[Section] = []
    sidebars = articles = 0
    for is_column, group in _groups(blocks):
        if is_column:
            for box in _boxes(group):
                sidebars += 1
                sections.append(_span(f"sidebar-{sidebars}", box))
        else:
            articles += 1
            sections.extend(_article(group, articles))
    if captions:
        sections.append(_span("captions", captions))
    return sections


def _reflowed(lines: list[str]) -> bool:
    """A web page's text: most of it in lines far wider than any printed column."""
    widths = [_width(line) for line in lines]
    return sum(w for w in widths if w > _REFLOWED_LINE) >= _REFLOWED_SHARE * max(sum(widths), 1)


def _reflowed_sections(lines: list[str]) -> list[Section]:
    blocks = [
        _Block(number, number, (line,), 0) for number, line in enumerate(lines, 1) if line.strip()
    ]
    heads: list[_Block] = []
    while len(blocks) > 1 and blocks[0].heading_within(_REFLOWED_LINE):
        heads.append(blocks.pop(0))
    captions: list[_Block] = []
    while len(blocks) > 1 and blocks[-1].heading_within(_NARROW):
        captions.insert(0, blocks.pop())
    sections = [_span("headline", heads)] if heads else []
    bullets = _bullets(blocks)
    if bullets:
        sections.append(_span("lead", blocks[:bullets]))
    if blocks[bullets:]:
        sections.append(_span("body", blocks[bullets:]))
    if captions:
        sections.append(_span("captions", captions))
    return sections


def section_of(sections: Sequence[Section], line: int) -> str:
    for section in sections:
        if section.first <= line <= section.last:
            return section.name
    return ""


def section_finder(sections: Sequence[Section]) -> Callable[[int], str]:
    """``section_of`` for many lines: by bisection when the sections are in order and do
    not overlap (a long report has hundreds), else ``section_of`` itself."""
    firsts = [s.first for s in sections]
    ordered = all(s.first <= s.last for s in sections) and all(
        a.last < b.first for a, b in itertools.pairwise(sections)
    )
    if not ordered:
        return lambda line: section_of(sections, line)

    def find(line: int) -> str:
        index = bisect.bisect_right(firsts, line) - 1
        if index >= 0 and line <= sections[index].last:
            return sections[index].name
        return ""

    return find


def sections_from_mapping(mapping: Mapping[str, tuple[int, int]]) -> list[Section]:
    """Sections as a facts file declares them: name → [first line, last line]."""
    return sorted((Section(n, a, b) for n, (a, b) in mapping.items()), key=lambda s: s.first)


def _blocks(lines: list[str]) -> list[_Block]:
    blocks: list[_Block] = []
    current: list[str] = []
    first = gap = blank = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            if current:
                blocks.append(_Block(first, number - 1, tuple(current), gap))
                current, blank = [], 0
            blank += 1
            continue
        if current and line[:1].isspace():
            blocks.append(_Block(first, number - 1, tuple(current), gap))
            current, blank = [], 0
        if not current:
            first, gap = number, blank
        current.append(line)
        blank = 0
    if current:
        blocks.append(_Block(first, len(lines), tuple(current), gap))
    return blocks


def _groups(blocks: list[_Block]) -> list[tuple[bool, list[_Block]]]:
    """Alternating runs: (True, a double-spaced narrow column) or (False, other text)."""
    groups: list[tuple[bool, list[_Block]]] = []
    index = 0
    while index < len(blocks):
        end = index
        while (
            end < len(blocks)
            and blocks[end].single
            and blocks[end].width <= _NARROW
            and (end == index or blocks[end].gap <= 1)
        ):
            end += 1
        if end - index >= _MIN_COLUMN:
            groups.append((True, blocks[index:end]))
            index = end
            continue
        if groups and not groups[-1][0]:
            groups[-1][1].append(blocks[index])
        else:
            groups.append((False, [blocks[index]]))
        index += 1
    return groups


def _boxes(column: list[_Block]) -> list[list[_Block]]:
    boxes: list[list[_Block]] = [[column[0]]]
    for previous, block in itertools.pairwise(column):
        line = block.lines[0]
        goes_on = line.strip().startswith(_CONTINUATIONS)
        if (previous.ends_sentence and not goes_on) or (block.gap == 0 and line[:1].isspace()):
            boxes.append([block])
        else:
            boxes[-1].append(block)
    return boxes


def _article(blocks: list[_Block], number: int) -> list[Section]:
    suffix = "" if number == 1 else f"-{number}"
    heads: list[_Block] = []
    while blocks and blocks[0].heading_like and len(blocks) > 1:
        heads.append(blocks.pop(0))
    sections = [_span(f"headline{suffix}", heads)] if heads else []
    lead = _bullets(blocks) or _lead(blocks)
    if lead:
        sections.append(_span(f"lead{suffix}", blocks[:lead]))
    if blocks[lead:]:
        sections.append(_span(f"body{suffix}", blocks[lead:]))
    return sections


def _bullets(blocks: list[_Block]) -> int:
    """How many leading blocks are bullet points, when a paragraph follows them."""
    count = 0
    while count < len(blocks) and blocks[count].lines[0].strip().startswith(_BULLETS):
        count += 1
    return count if _MIN_BULLETS <= count < len(blocks) else 0


def _lead(blocks: list[_Block]) -> int:
    """How many leading blocks are set wider than the columns after them."""
    widths = [_width(line) for block in blocks for line in block.lines[:-1]]
    if len(widths) < 8:
        return 0
    typical = statistics.median(widths)
    if typical > _COLUMNAR:
        return 0  # one paragraph per line: not set in columns
    count = 0
    for block in blocks:
        inner = [_width(line) for line in block.lines[:-1]] or [block.width]
        if statistics.median(inner) < _LEAD_RATIO * typical:
            break
        count += 1
    return count if count < len(blocks) else 0


def _span(name: str, blocks: list[_Block]) -> Section:
    return Section(name, blocks[0].first, blocks[-1].last)

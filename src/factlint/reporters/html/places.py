"""Where each mention's figure stands in the report's source text, as character offsets.

A mention gives its quote and its line; PDF text breaks quotes with spaces and line breaks,
so the quote is looked up with whitespace removed and full-width ASCII folded (as the
quote check does), on the mention's line first and anywhere after that, and the figure's
characters inside it are mapped back to offsets in the original text.

>>> text = SourceText.of("签约项目51项，\\n投 资 额 427.3\\n亿元")
>>> start, end = text.locate("投资额427.3亿元", "427.3亿元", 2)
>>> text.source[start:end]
'427.3\\n亿元'
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from factlint.records import dataclass

_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def fold(text: str) -> str:
    return "".join(text.split()).translate(_FULL_WIDTH)


@dataclass(frozen=True)
class SourceText:
    """The text without whitespace (``flat``), with each flat character's offset and line."""

    source: str
    flat: str
    offsets: tuple[int, ...]
    lines: tuple[int, ...]

    @classmethod
    def of(cls, source: str) -> SourceText:
        chars: list[str] = []
        offsets: list[int] = []
        lines: list[int] = []
        line = 1
        for offset, char in enumerate(source):
            if char == "\n":
                line += 1
            elif not char.isspace():
                chars.append(char)
                offsets.append(offset)
                lines.append(line)
        flat = "".join(chars).translate(_FULL_WIDTH)
        return cls(source, flat, tuple(offsets), tuple(lines))

    def locate(self, quote: str, figure: str, line: int | None) -> tuple[int, int] | None:
        """The source offsets ``[start, end)`` of ``figure`` inside ``quote``, preferring
        the occurrence whose figure is on ``line``; None when the quote is not there."""
        needle, wanted = fold(quote or figure), fold(figure)
        inside = needle.find(wanted) if wanted else -1
        if inside < 0:
            return None
        position = self._on_line(needle, inside, line) if line is not None else None
        if position is None:
            position = self.flat.find(needle)
        if position < 0:
            return None
        first = position + inside
        last = first + len(wanted) - 1
        return self.offsets[first], self.offsets[last] + 1

    def _on_line(self, needle: str, inside: int, line: int) -> int | None:
        low, high = bisect_left(self.lines, line), bisect_right(self.lines, line)
        if low == high:
            return None
        start = max(0, low - inside)
        end = min(len(self.flat), high - inside + len(needle))
        position = self.flat.find(needle, start, end)
        while position >= 0:
            if self.lines[position + inside] == line:
                return position
            position = self.flat.find(needle, position + 1, end)
        return None

"""A report's text made searchable, with every character's place in the original file.

PDF text breaks words and figures with stray spaces and line breaks (``7.73 亿\\n\\n元``,
``示 范 区``). The *flat* text drops whitespace next to wide (CJK) characters and keeps a
single space (or line break) between narrow ones (``5 million``), folds full-width ASCII
(``１２％``) to ASCII one character for one, and maps every flat character back to its
original line and column, so a figure found in the flat text is reported where the file
prints it.

>>> text = NormalText.of("投资 7.73 亿\\n\\n元，net  sales")
>>> text.flat
'投资7.73亿元,net sales'
>>> text.line_column(text.flat.index("元"))
(3, 1)
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache

from factlint.records import dataclass

# Whitespace runs, except one space or line break between two printable ASCII characters:
# that one is kept as it is (narrow on both sides), so it needs no run of its own.
# ((?=\s) first: re then skips to the next whitespace as quickly as for \s+)
_SPACE = re.compile(r"(?=\s)(?:\s{2,}|[^\S \n]|(?<![!-~])[ \n]|[ \n](?![!-~]))")
# Full-width ASCII forms are replaced through a regex rather than str.translate, which
# looks every character of a long text up in its table.
_FULL_WIDTH = re.compile("[\uff01-\uff5e]")


def _unfolded(match: re.Match[str]) -> str:
    return chr(ord(match.group()) - 0xFEE0)


def _ascii_lower(text: str) -> str:
    """``text`` with A-Z lowered and nothing else changed: ``bytes.lower`` lowers only
    ASCII letters, and no byte of a longer UTF-8 sequence is one (surrogatepass carries
    a lone surrogate through)."""
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


@lru_cache(maxsize=4096)
def is_wide(char: str) -> bool:
    """A character set full width in print: CJK ideographs, kana, CJK punctuation."""
    return unicodedata.east_asian_width(char) in ("W", "F")


class _WideLetters(dict[str, bool]):
    """Whether a character is a wide letter (``is_wide`` and ``isalnum``), looked up once."""

    def __missing__(self, char: str) -> bool:
        wide = self[char] = is_wide(char) and char.isalnum()
        return wide


WIDE_LETTERS = _WideLetters()


@dataclass(frozen=True)
class NormalText:
    """``flat`` (folded, for matching) and ``shown`` (as printed, for quotes) have the
    same length; ``origin`` maps runs of them back to offsets in ``source``."""

    source: str
    flat: str
    shown: str
    lower: str
    run_flat: tuple[int, ...]
    run_source: tuple[int, ...]
    line_starts: tuple[int, ...]

    @classmethod
    def of(cls, source: str) -> NormalText:
        pieces: list[str] = []
        run_flat: list[int] = []
        run_source: list[int] = []
        length = 0
        position = 0
        for match in _SPACE.finditer(source):
            start, end = match.span()
            if start > position:
                run_flat.append(length)
                run_source.append(position)
                pieces.append(source[position:start])
                length += start - position
            before = source[start - 1] if start > 0 else ""
            after = source[end] if end < len(source) else ""
            if before and after and not is_wide(before) and not is_wide(after):
                run_flat.append(length)
                run_source.append(start)
                # a line break between narrow characters may end a paragraph: keep it
                pieces.append("\n" if "\n" in match.group() else " ")
                length += 1
            position = end
        if position < len(source):
            run_flat.append(length)
            run_source.append(position)
            pieces.append(source[position:])
        shown = "".join(pieces)
        flat = _FULL_WIDTH.sub(_unfolded, shown)
        starts = [0] + [m.end() for m in re.finditer("\n", source)]
        return cls(
            source=source,
            flat=flat,
            shown=shown,
            lower=_ascii_lower(flat),
            run_flat=tuple(run_flat),
            run_source=tuple(run_source),
            line_starts=tuple(starts),
        )

    def __len__(self) -> int:
        return len(self.flat)

    def source_offset(self, index: int) -> int:
        """The offset in ``source`` of flat character ``index``."""
        run = bisect.bisect_right(self.run_flat, index) - 1
        return self.run_source[run] + index - self.run_flat[run]

    def line_column(self, index: int) -> tuple[int, int]:
        """The 1-based line and column (in characters) of flat character ``index``."""
        offset = self.source_offset(index)
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def line_of(self, index: int) -> int:
        return bisect.bisect_right(self.line_starts, self.source_offset(index))

    def index_of_line(self, line: int) -> int:
        """The first flat index on ``line`` or after it."""
        offset = self.line_starts[line - 1] if line <= len(self.line_starts) else len(self.source)
        run = bisect.bisect_right(self.run_source, offset) - 1
        if run < 0:
            return 0
        inside = offset - self.run_source[run]
        run_length = (
            self.run_flat[run + 1] if run + 1 < len(self.run_flat) else len(self.flat)
        ) - self.run_flat[run]
        return self.run_flat[run] + min(inside, run_length)

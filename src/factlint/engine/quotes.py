"""The sync check: every mention's quote is still printed in the report's source text.

PDF text breaks words and figures with spaces and line breaks (``7.73 亿\\n\\n元``), so the
text and the quotes are compared with all whitespace removed and full-width forms folded,
while every character keeps its original line, so findings point at the right line.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from itertools import repeat

from factlint.model import Fact, FactSet, Mention
from factlint.numbers.figures import Figure
from factlint.records import dataclass

_FULL_WIDTH_START, _FULL_WIDTH_END, _FULL_WIDTH_SHIFT = 0xFF01, 0xFF5E, 0xFEE0
# the words before a figure that print it as a decline (folded: no spaces)
_DECLINE_BEFORE = re.compile(
    r"(?:下降|减少|減少|回落|降低|下滑|下跌|减收|減收|减支|減支|减产|減產|fell|dropped|declined"
    r"|decreased|down|decline|decrease"
    r"|drop|fall|falls)(?:了|by|of)?$",
    re.IGNORECASE,
)


def fold_char(char: str) -> str:
    """Full-width ASCII forms (１２．５％) as ASCII; everything else unchanged."""
    code = ord(char)
    if _FULL_WIDTH_START <= code <= _FULL_WIDTH_END:
        return chr(code - _FULL_WIDTH_SHIFT)
    return char


_SPACES = re.compile(r"\s+")  # what str.isspace() calls a space, as re matches \s in a str
# (a regex, not str.translate: translating through a dict costs every character a lookup)
_FULL_WIDTH = re.compile(f"[{chr(_FULL_WIDTH_START)}-{chr(_FULL_WIDTH_END)}]")


def _unfolded(match: re.Match[str]) -> str:
    return chr(ord(match.group()) - _FULL_WIDTH_SHIFT)


def fold(text: str) -> str:
    """``text`` without whitespace, each character through ``fold_char``."""
    return _FULL_WIDTH.sub(_unfolded, _SPACES.sub("", text))


@dataclass(frozen=True)
class FoldedText:
    """A text without whitespace, with the 1-based line of every remaining character."""

    flat: str
    lines: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> FoldedText:
        chars: list[str] = []
        lines: list[int] = []
        for line, line_text in enumerate(text.split("\n"), 1):
            flat = fold(line_text)
            chars.append(flat)
            lines += repeat(line, len(flat))
        return cls("".join(chars), tuple(lines))

    def occurrences(self, needle: str) -> Iterator[int]:
        start = self.flat.find(needle)
        while start >= 0:
            yield start
            start = self.flat.find(needle, start + 1)

    def found_on_line(self, needle: str, offset: int, line: int) -> bool:
        """Whether ``needle`` occurs with its character ``offset`` on ``line``.

        Searches only the stretch of text around that line, so checking a mention whose
        line is known costs the length of its quote, not the length of the report.
        """
        first = bisect_left(self.lines, line)
        last = bisect_right(self.lines, line)
        if first == last:
            return False
        start = max(0, first - offset)
        end = min(len(self.flat), last - offset + len(needle))
        position = self.flat.find(needle, start, end)
        while position >= 0:
            if self.lines[position + offset] == line:
                return True
            position = self.flat.find(needle, position + 1, end)
        return False


def printed_offset(quote: str, figure: Figure, printed: str | None = None) -> int | None:
    """Where ``figure`` is printed in ``quote`` (folded), as written (or as ``printed``, a
    cell's own text) or, for a decline written with its sign (``-2.0%``), as the words
    print it (同比下降2.0%, fell 2.0%) or as accounts do, in brackets (``(2.0)``)."""
    text = fold(printed or figure.text)
    offset = figure_offset(quote, text)
    if offset is not None or figure.number >= 0 or text[:1] not in "-−":
        return offset
    magnitude = text[1:]
    start = figure_offset(quote, magnitude)
    while start is not None:
        if _DECLINE_BEFORE.search(quote[:start]) or quote[start - 1 : start] == "(":
            return start  # fell 2.0%; (1,204), a negative as accounts print it
        following = figure_offset(quote[start + 1 :], magnitude)
        start = None if following is None else start + 1 + following
    return None


def figure_offset(quote: str, figure: str) -> int | None:
    """Where ``figure`` stands in ``quote`` (both folded) as a whole number, or None.

    ``1.5万`` inside ``11.5万`` or ``30`` inside ``300`` is not the figure.
    """
    start = quote.find(figure)
    while start >= 0:
        before = quote[start - 1] if start > 0 else ""
        after = quote[start + len(figure) : start + len(figure) + 2]
        glued_before = before.isdigit() or (before == "." and figure[:1].isdigit())
        glued_after = figure[-1:].isdigit() and (
            after[:1].isdigit() or (after[:1] == "." and after[1:2].isdigit())
        )
        if not glued_before and not glued_after:
            return start
        start = quote.find(figure, start + 1)
    return None


@dataclass(frozen=True)
class QuoteProblem:
    """Why a mention is out of sync with the source text; ``severity`` is a default."""

    fact: Fact
    mention: Mention
    check: str
    message: str
    found_lines: tuple[int, ...] = ()


def quote_problems(facts: FactSet, text: FoldedText) -> Iterator[QuoteProblem]:
    for fact in facts.facts.values():
        for mention in fact.mentions:
            yield from _mention_problems(fact, mention, text, facts)


def _mention_problems(
    fact: Fact, mention: Mention, text: FoldedText, facts: FactSet
) -> Iterator[QuoteProblem]:
    if not mention.quote.strip():
        return
    source = facts.report.source or "the source text"
    quote = fold(mention.quote)
    offset = printed_offset(quote, mention.figure, mention.printed)
    if offset is None:
        yield QuoteProblem(
            fact,
            mention,
            "quote-in-source",
            f"the quote «{mention.quote}» does not print the figure {mention.figure.text}",
        )
        return
    if mention.line is not None and text.found_on_line(quote, offset, mention.line):
        lines: tuple[int, ...] = (mention.line,)
    else:
        lines = tuple(sorted({text.lines[start + offset] for start in text.occurrences(quote)}))
    if not lines:
        yield QuoteProblem(
            fact, mention, "quote-in-source", f"the quote «{mention.quote}» is not in {source}"
        )
        return
    if mention.line is not None and mention.line not in lines:
        where = ", ".join(str(n) for n in lines)
        yield QuoteProblem(
            fact,
            mention,
            "quote-in-source",
            f"the quote «{mention.quote}» prints {mention.figure.text} at line {where} "
            f"of {source}, not at line {mention.line}",
            lines,
        )
        return
    line = mention.line if mention.line is not None else lines[0]
    sections = facts.report.sections
    if sections and mention.section in sections:
        first, last = sections[mention.section]
        if not first <= line <= last:
            actual = next((n for n, (a, b) in sections.items() if a <= line <= b), None)
            where = f"in section {actual}" if actual else "outside every declared section"
            yield QuoteProblem(
                fact,
                mention,
                "mention-section",
                f"line {line} is {where}, not in {mention.section} (lines {first}–{last})",
                (line,),
            )

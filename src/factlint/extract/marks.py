"""Where a text's clauses and sentences end, and where some cue words occur: found once
per text, so that the bounds of a figure's clause or whether a cue lies before it in its
clause is a bisection, not a scan (a clause may run for a whole page).

>>> marks = Marks("一是增长5%，二是下降。三", "。")
>>> marks.bounds(4, 6), marks.bounds(12, 13)
((0, 11), (12, 13))
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence


class Marks:
    """Where clauses (or sentences) end in a text, found once: bounds by bisection."""

    def __init__(self, text: str, marks: str) -> None:
        candidates = re.finditer("[" + re.escape(marks) + "\n]", text)
        self.positions = [m.start() for m in candidates if is_mark(text, m.start(), marks)]
        self.length = len(text)

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        before = bisect.bisect_left(self.positions, start) - 1
        left = self.positions[before] + 1 if before >= 0 else 0
        after = bisect.bisect_left(self.positions, end)
        right = self.positions[after] if after < len(self.positions) else self.length
        return left, right


def is_mark(text: str, index: int, marks: str) -> bool:
    char = text[index]
    if char == "\n":
        # a headline or paragraph ends here; a line wrapped mid-sentence does not
        before = text[index - 1] if index > 0 else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        return not (before.isalnum() or before == ",") or after.isupper()
    if char not in marks:
        return False
    if char == ".":
        return ends_english_sentence(text, index)
    return True


def ends_english_sentence(text: str, index: int) -> bool:
    """A full stop, not the dot of U.S., a.m. or NO.4: a space, then a capital."""
    following = text[index + 1 : index + 3]
    if not following.startswith((" ", "\n")) or not following[1:].strip():
        return index + 1 >= len(text)
    word = last_word(text, index)
    abbreviation = len(word) <= 2 or "." in word
    return following[1].isupper() and not abbreviation


def last_word(text: str, index: int) -> str:
    """``text[:index].rsplit(None, 1)[-1]`` (or "" when only spaces come before), read
    back from ``index`` instead of copying the text before it (once per full stop)."""
    end = index
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


class Cues:
    """Where each of some words occurs in a text, lowercased: whether one lies within a
    span is a bisection, not a scan of the span (a clause may run for a whole page)."""

    def __init__(self, text: str, words: Sequence[str]) -> None:
        self.text = text
        lowered = text.lower()
        # str.lower may lengthen a character (İ): then offsets differ and spans are
        # lowercased one by one, as they were read before.
        self.same_offsets = len(lowered) == len(text)
        self.lowered_text = lowered
        self.starts: dict[str, list[int]] = {}
        if self.same_offsets:
            for word in words:
                found, at = [], lowered.find(word)
                while at >= 0:
                    found.append(at)
                    at = lowered.find(word, at + 1)
                self.starts[word] = found
        self.all_starts = sorted(at for found in self.starts.values() for at in found)
        self.shortest = min(map(len, words), default=0)

    def any_within(self, start: int, end: int) -> bool:
        """Whether one of the words may occur in ``text[start:end].lower()``: False only
        when none does."""
        if not self.same_offsets:
            return True
        index = bisect.bisect_left(self.all_starts, start)
        return index < len(self.all_starts) and self.all_starts[index] + self.shortest <= end

    def lowered(self, start: int, end: int) -> str:
        if self.same_offsets:
            return self.lowered_text[start:end]
        return self.text[start:end].lower()

    def within(self, word: str, start: int, end: int) -> bool:
        """Whether ``word`` occurs in ``text[start:end].lower()``."""
        found = self.starts.get(word) if self.same_offsets else None
        if found is None:
            return word in self.text[start:end].lower()
        index = bisect.bisect_left(found, start)
        return index < len(found) and found[index] + len(word) <= end

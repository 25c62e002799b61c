"""Where the last cue word of one kind ends in the words before a figure (labels reads a
percent as a growth or a share by the later cue): a Chinese cue anywhere, an English one
only as whole words — the "up" of "pupils" and the "rate" of "separate" are no cues — and
"make up 57 per cent" is a share's verb, not a rise."""

from __future__ import annotations

import re
from collections.abc import Iterable

_PHRASAL = r"(?<!make\s)(?<!makes\s)(?<!made\s)(?<!making\s)"


class CueWords:
    """The cues of one kind, Chinese ones found as substrings, English ones as words."""

    def __init__(self, cues: Iterable[str], *, phrasal_up: bool = False) -> None:
        cues = tuple(cues)
        self.wide = tuple(cue for cue in cues if not cue.isascii())
        latin = "|".join(re.escape(cue) for cue in cues if cue.isascii())
        guard = _PHRASAL if phrasal_up else ""
        self.latin = re.compile(r"\b" + guard + r"(?:" + latin + r")s?\b")

    def last_end(self, lowered: str) -> int:
        """Where the last cue ends in ``lowered``; -1 when there is none."""
        end = max((lowered.rfind(c) + len(c) for c in self.wide if c in lowered), default=-1)
        for match in self.latin.finditer(lowered):
            end = max(end, match.end())
        return end

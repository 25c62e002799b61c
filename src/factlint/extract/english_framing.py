"""The framing of an English figure beyond the words labels finds anywhere before it in its
clause: "expected" frames only the figure it governs, and a target or a plan frames the
amount or count it sets as a target, which is exact (docs/design.md §3)."""

from __future__ import annotations

import re

from factlint.extract.figures_in_text import Spot

_REACH = 48  # characters after a figure read; twice as many before it
# "expected" frames only the figure it governs: "are expected to reach 5%", "an expected
# 3%", "expected growth of 3%", "the 3% analysts had expected", "a 2% rise was expected" —
# not "the expected standard was 61%", nor "5% more than expected"
_EXPECTED_BEFORE = re.compile(
    r"(?:\bexpected\s+(?:[a-z'’-]+\s+){0,3}to\s+(?:[a-z'’-]+\s+){0,5}"
    r"|\bexpected\s+(?:an?\s+|the\s+)?"
    r"|\bexpected\s+(?:[a-z-]+\s+){1,2}(?:of|at)\s+)$",
    re.IGNORECASE,
)
_EXPECTED_AFTER = re.compile(
    r"^\s*(?:(?!(?:than|as|not|never|where|while|whereas|when|but|and|though|although)\b)"
    r"[a-z][\w'’-]*\s+){0,3}expected\b(?!\s+(?:to\b|(?:[a-z-]+\s+){0,2}#))",
    re.IGNORECASE,
)
# a target of 2,000 homes, the goal is to build 300, plans to hire 500, pledged to recruit
# an extra 20,000, a 2,000-home target: a planned amount or count, exact (docs/design.md §3)
_PLANNED_BEFORE = re.compile(
    r"(?:\b(?:targets?|goals?|aims?|ambitions?|pledges?|plans?)\s+(?:[a-z-]+\s+){0,3}?"
    r"(?:of|is|was|for|to\s+[a-z-]+(?:\s+[a-z-]+)?)\s+"
    r"|\b(?:plans?|planned|planning|aims?|aimed|aiming|pledged?|pledges|pledging|promised?"
    r"|promises|vows?|vowed|intends?|intended|hopes?|hoped|seeks?|sought|wants?|wanted"
    r"|committed|commits)\s+to\s+[a-z-]+(?:\s+[a-z-]+){0,2}\s+)"
    r"(?:(?:a|an|the|another|some)\s+|(?:a|an)\s+(?:further|extra|additional)\s+)?$",
    re.IGNORECASE,
)
_PLANNED_AFTER = re.compile(r"^(?:-|\s+)[a-z]+\s+(?:target|goal)s?\b", re.IGNORECASE)


def english_framing(masked: str, clause: tuple[int, int], spot: Spot, kind: str) -> str:
    """A figure "expected" governs (before it or after it, in its ``clause`` of the
    ``masked`` text) is expected; an amount or a count a target or a plan sets is a target."""
    before = masked[max(clause[0], spot.start - _REACH * 2) : spot.start]
    after = masked[spot.end : min(clause[1], spot.end + _REACH)]
    if kind in ("amount", "count", "number") and (
        _PLANNED_BEFORE.search(before) or _PLANNED_AFTER.match(after)
    ):
        return "target"
    if ("xpected" in before or "xpected" in after) and (
        _EXPECTED_BEFORE.search(before) or _EXPECTED_AFTER.match(after)
    ):
        return "expected"
    return ""

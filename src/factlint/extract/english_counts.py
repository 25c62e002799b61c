"""English whole numbers that count things (51 projects; of the 51 projects, 39 were new):
counts are exact, so a share or a sum of them is decided without a rounding margin."""

from __future__ import annotations

import re

from factlint.extract.figures_in_text import Spot

_WINDOW = 12  # labels._WINDOW_AFTER: a shorter text after a figure ends at its clause
_COUNTED = re.compile(r"\s+(?:of\s+(?:the\s+)?#|(?P<noun>[a-z][a-z-]+))")
# The verb may follow an aside that gives the part's share: "39, or 75.5%, were new",
# "39 (75.5%) were new".
_COUNTED_SUBJECT = re.compile(
    r"(?:\s*,\s*or\s+#[^,;.]{0,20},|\s*\(\s*#[^()]{0,20}\))?"
    r"\s+(?:of\s+them\b|(?:were|are|was|is|had|have|has|remain(?:ed)?|did|do)\b)"
)
_NOT_COUNTED = frozenset(
    (
        "per", "percent", "pct", "times", "point", "points", "bps", "basis", "year", "years",
        "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute", "minutes",
        "second", "seconds", "mile", "miles", "km", "kg", "lb", "lbs", "degrees", "feet", "foot",
        "metres", "meters", "tons", "tonnes", "acres", "and", "to", "or", "in", "on", "at",
        "from", "by", "for", "with", "than", "as", "is", "was", "were", "are", "am", "pm", "th",
        "st", "nd", "rd", "cents", "pence", "p",
    )
)  # fmt: skip


def counts_things(spot: Spot, after: str) -> bool:
    """51 projects, 39 of the 51: a whole number that counts things, hence exact. Not a
    measure (12 miles), a span of time (three months) or a number in a range (2019-20)."""
    figure = spot.figure
    if figure.places or figure.scale != 1 or figure.qualifier or figure.unit or spot.date_part:
        return False
    said = _COUNTED.match(after)
    return said is not None and said.group("noun") not in _NOT_COUNTED


def counts_subject(spot: Spot, after: str) -> bool:
    """39 in "Of the 51 projects, 39 were new" (or "39, or 75.5%, were new"): a bare whole
    number that is a verb's subject after a count in the same sentence counts the same things,
    hence is exact too. ``after`` runs to the sentence's end, not the clause's, so that the
    aside's commas do not hide the verb."""
    figure = spot.figure
    if figure.places or figure.scale != 1 or figure.qualifier or figure.unit or spot.date_part:
        return False
    return _COUNTED_SUBJECT.match(after) is not None


# "Leeds had 12 cases, York 8 and Hull 5": each item of the list names its place, then its
# number, and nothing follows the number but the next item or the sentence's end
_LIST_ITEM_BEFORE = re.compile(r"(?:,|\band)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+$")
_LIST_ITEM_AFTER = re.compile(r"^\s*(?:,|;|\.|–|—|\band\b|$)")


def counts_in_list(spot: Spot, before: str, after: str) -> bool:
    """8 and 5 in "Leeds had 12 cases, York 8 and Hull 5": a bare whole number listed after
    a count in the same sentence, each item a name and its number, counts the same things,
    hence is exact."""
    figure = spot.figure
    if figure.places or figure.scale != 1 or figure.qualifier or figure.unit or spot.date_part:
        return False
    return (
        _LIST_ITEM_BEFORE.search(before) is not None and _LIST_ITEM_AFTER.match(after) is not None
    )


_COUNTED_NOUN = re.compile(r"\s+(?P<noun>[a-z][a-z-]+)(?=[^a-z-])")


def counted_noun(after: str) -> str:
    """What a count printed before ``after`` counts, read whole: "burglaries" in "291,567
    burglaries were"; "" when no noun follows or the window cuts it."""
    said = _COUNTED_NOUN.match(after + "." if len(after) < _WINDOW else after)
    if said is None or said.group("noun") in _NOT_COUNTED:
        return ""
    return said.group("noun")

"""The JSON Lines loader's fast path: the common, plainly valid fact.

Most lines of a large file are a fact with a value, maybe a label and mentions with a
section, a quote and a line. For exactly those, the Fact is built here directly, as
``build_fact`` builds it (tests/test_facts_jsonl.py checks both give equal facts); anything
else, and anything invalid, takes ``facts_jsonl``'s general path, which also words the
errors.
"""

from __future__ import annotations

from collections.abc import Mapping

from factlint.loading.fact_makers import make_fact, make_fact_printed_once
from factlint.loading.figure_fields import MAX_DECIMALS
from factlint.model import Fact, make_location, make_mention
from factlint.numbers.figures import Figure, FigureError, common_figure, parse_figure

_FAST_FACT_KEYS = frozenset(("id", "value", "label", "note", "mentions", "decimals"))
_FAST_MENTION_KEYS = frozenset(("section", "quote", "line", "note"))


# Quotes: a line without a backslash holds a double quote only at either end of each of
# its strings, keys and values alike. A plain fact's strings are its keys, its text
# values (id, value, label, note) and, in each mention, the keys and text values (all but
# line): two quotes each. Decoded without the hook, a repeated key keeps only its last
# value, and the repeated key itself, the value it replaced and every string inside that
# are missing from the object: it holds fewer strings than the line has. So the object's
# strings count exactly half the line's quotes if and only if no key is repeated
# (tests/test_facts_jsonl.py checks the fast path refuses every repeated key).


def plain_fact(
    fact_id: str,
    data: dict[str, object],
    path: str,
    number: int,
    aspects: Mapping[str, str],
    quotes: int,
    repeated: dict[str, Fact],
) -> Fact | None:
    """The fact of line ``number`` (its ``data`` with its ``id``, a new id), or None
    where it is not plain. ``quotes``: the double quotes of a line decoded without the
    duplicate-key hook, which its strings must account for (-1: decoded with it). A fact
    of more than one mention is also put in ``repeated``."""
    if not data.keys() <= _FAST_FACT_KEYS:
        return None
    # Its strings: every key, and the values of all keys but decimals and mentions.
    strings = 2 * len(data) - ("decimals" in data) - ("mentions" in data)
    value, label = data.get("value"), data.get("label", "")
    if type(value) is not str or type(label) is not str or type(data.get("note", "")) is not str:
        return None
    decimals = data.get("decimals")
    if decimals is None:
        if "decimals" in data:
            return None  # null: the general path refuses it
    elif type(decimals) is not int or not -MAX_DECIMALS <= decimals <= MAX_DECIMALS:
        return None  # INF, or out of range: the general path reads or refuses it
    figure = common_figure(value) or plain_figure(value)
    if figure is None:
        return None
    location = make_location(path, number, 1)
    listed = data.get("mentions", _ABSENT)
    if listed is _ABSENT:
        if quotes >= 0 and quotes != 2 * strings:
            return None  # a repeated key: the general path refuses it
        return make_fact_printed_once(fact_id, figure, label, False, decimals, aspects, location)
    if type(listed) is not list or not listed:
        return None
    built = []
    for item in listed:
        if type(item) is not dict or not item.keys() <= _FAST_MENTION_KEYS:
            return None
        section, quote = item.get("section", ""), item.get("quote", "")
        line, note = item.get("line"), item.get("note", "")
        if type(section) is not str or type(quote) is not str or type(note) is not str:
            return None
        if line is None:
            if "line" in item:
                return None  # null: the general path refuses it
        elif type(line) is not int or not 1 <= line <= 10**9:
            return None
        strings += 2 * len(item) - ("line" in item)
        built.append(make_mention(fact_id, figure, section, quote, line, location))
    if quotes >= 0 and quotes != 2 * strings:
        return None  # a repeated key: the general path refuses it
    fact = make_fact(fact_id, figure, tuple(built), label, False, decimals, aspects, location)
    if len(built) > 1:
        repeated[fact_id] = fact
    return fact


_ABSENT = object()


def plain_figure(text: str) -> Figure | None:
    """``parse_figure(text)`` (whose fast path reads the common spellings), or None for a
    text that is not a figure: the general path then words the error."""
    try:
        return parse_figure(text)
    except FigureError:
        return None

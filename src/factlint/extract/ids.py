"""Stable, readable fact ids: from the label (固定资产投资; of an English label, its noun
phrase: net_sales, not "have seen"), the value when two facts share a label (项目_43个), a
number when even that repeats.

>>> fact_ids([("固定资产投资", "amount", "162.24亿元"), ("同比增长", "growth", "10.6%"),
...           ("同比增长", "growth", "26.4%"), ("", "count", "3个"), ("日期", "date", "2020年")])
['固定资产投资', '同比增长_10_6pct', '同比增长_26_4pct', 'count_3个', 'year_2020']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from factlint.extract.english_labels import id_words
from factlint.extract.text import is_wide
from factlint.numbers.figures import parse_figure

_MAX_LABEL = 24
_MAX_ENGLISH = 28  # an English noun phrase, cut at a word by english_labels.id_words
_SYMBOLS = {"%": "pct", "‰": "permille", "$": "usd_", "€": "eur_", "£": "gbp_", "¥": "cny_"}


def slug(text: str) -> str:
    """``text`` as an identifier: lowercase ASCII, CJK kept, anything else ``_``."""
    lowered = text.lower().replace("us$", "$").replace("hk$", "hkd_")
    return _UNDERSCORES.sub("_", lowered.translate(_SLUG_CHARS)).strip("_")


class _SlugChars(dict[int, str]):
    """What ``slug`` writes for each character (its symbol's word, itself when it may be
    part of an identifier, else ``_``), worked out on first sight for ``str.translate``."""

    def __missing__(self, code: int) -> str:
        char = _SYMBOLS.get(chr(code), chr(code))
        written = self[code] = char if ("_" + char).isidentifier() else "_"
        return written


_SLUG_CHARS = _SlugChars()
_UNDERSCORES = re.compile(r"_+")


def fact_ids(facts: Sequence[tuple[str, str, str]], taken: Iterable[str] = ()) -> list[str]:
    """One id per (label, kind, value), unique among themselves and ``taken``."""
    bases = [_base(label, kind, value) for label, kind, value in facts]
    counts = Counter(bases)
    used = set(taken)
    # The next number to try after each candidate: every smaller one is taken already, so
    # a label repeated n times costs n steps, not n²/2.
    next_number: dict[str, int] = {}
    ids: list[str] = []
    for base, (_, _, value) in zip(bases, facts, strict=True):
        candidate = base
        if (counts[base] > 1 or candidate in used) and not _names_value(base, value):
            candidate = f"{base}_{slug(value)}"
        unique, number = candidate, next_number.get(candidate, 2)
        while unique in used:
            unique, number = f"{candidate}_{number}", number + 1
        next_number[candidate] = number
        used.add(unique)
        ids.append(unique)
    return ids


def _names_value(base: str, value: str) -> bool:
    return base.startswith(("year_", "month_")) or base.endswith(slug(value))


def _base(label: str, kind: str, value: str) -> str:
    if kind == "date":
        figure = parse_figure(value)
        name = {"year": "year", "month": "month"}.get(figure.unit, "date")
        if not figure.unit:
            name = "year" if len(value) == 4 and value.isdigit() else "day"
        return f"{name}_{slug(value.rstrip('年月'))}"
    english = bool(label) and not any(is_wide(char) for char in label)
    if english:
        label = id_words(label)  # the measure's noun phrase, not "have seen" or "as"
    base = slug(label)[: _MAX_ENGLISH if english else _MAX_LABEL].strip("_")
    if not base:
        return f"{kind or 'figure'}_{slug(value)}"
    return base if base[0].isidentifier() and not base[0].isdigit() else f"{kind}_{base}"

"""Declines carry their sign: 同比下降2.0% is −2.0%, 减少3亿元 and 减收3亿元 are −3亿元,
"fell 3%" and "down $2 million" are −3% and −$2 million (docs/design.md §3).

A figure printed right after a decline word (下降, 减少, 回落, 降低, 下滑, fell, dropped,
declined, decreased, down, a decline of) is read as negative, and its facts-file value is
written with its sign (``-2.0%``) so that ``check`` computes with it; the quote keeps the
report's words. A level reached (下降到5%, fell to 6.3 percent) is no change and keeps its
sign, as does a bound or a range (下降超过5%, 下降3–5%).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator

from factlint.extract.figures_in_text import Spot
from factlint.extract.text import NormalText
from factlint.numbers.figures import FigureError, parse_figure

_ZH_DECLINE = re.compile(
    r"(?:下降|减少|減少|回落|降低|下滑|下跌|减收|減收|减支|減支|减产|減產)了?\s*$"
)
_EN_DECLINE = re.compile(
    r"\b(?:fell|dropped|declined|decreased|down|(?:a\s+)?(?:decline|decrease|drop|fall|reduction)"
    r"\s+of)(?:\s+by)?\s*$",
    re.IGNORECASE,
)
_REACH = 24
_SIGNED_KINDS = frozenset(("percent", "points", "amount", "count", "number", "measure"))
_EN_SIGNED_KINDS = frozenset(("percent", "points", "amount"))  # "shut down 3 plants" is no fall


def signed(text: NormalText, spots: Iterable[Spot]) -> Iterator[Spot]:
    """``spots`` with every decline read as negative."""
    for spot in spots:
        yield _signed(text, spot) or spot


def decline_start(text: NormalText, spot: Spot) -> int | None:
    """Where the words that make ``spot`` a decline begin (下降 of 同比下降2.0%), if any."""
    begin = max(0, spot.start - _REACH)
    said = _decline(text.flat[begin : spot.start])
    return None if said is None else begin + said[0].start()


def declined_kinds(before: str) -> frozenset[str] | None:
    """The kinds of figure a decline word ending ``before`` makes negative, or None when no
    decline word ends it."""
    said = _decline(before)
    return None if said is None else said[1]


def _decline(before: str) -> tuple[re.Match[str], frozenset[str]] | None:
    """The decline word ending ``before`` and the kinds it signs. Each pattern is tried
    only when ``before`` ends as it must: in one of the last letters of its words (most
    figures follow no decline word)."""
    end = before.rstrip()[-2:]
    if end[-1:] in _ZH_ENDS:
        said = _ZH_DECLINE.search(before)
        if said is not None:
            return said, _SIGNED_KINDS
    if end.lower() in _EN_ENDS:
        said = _EN_DECLINE.search(before)
        if said is not None:
            return said, _EN_SIGNED_KINDS
    return None


# The last letters of the decline words, and 了 (下降了): _ZH_DECLINE matches only a text
# that ends (spaces aside) in one of them; _EN_DECLINE only one that ends in fell, …ed,
# down, of or by (any case).
_ZH_ENDS = frozenset("降少落低滑跌收支产產了")
_EN_ENDS = frozenset({"ll", "ed", "wn", "of", "by"})


def _signed(text: NormalText, spot: Spot) -> Spot | None:
    figure = spot.figure
    if figure.number <= 0 or figure.qualifier not in ("", "about") or spot.date_part:
        return None
    before = text.flat[max(0, spot.start - _REACH) : spot.start]
    kinds = declined_kinds(before)
    if kinds is None:
        return None
    if figure.kind not in kinds:
        return None
    try:
        negative = parse_figure("-" + spot.text)
    except FigureError:
        return None
    if negative.number != -figure.number or negative.scale != figure.scale:
        return None
    return dataclasses.replace(spot, figure=negative, value="-" + spot.text)

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
    before = text.flat[begin : spot.start]
    said = _ZH_DECLINE.search(before) or _EN_DECLINE.search(before)
    return None if said is None else begin + said.start()


def _signed(text: NormalText, spot: Spot) -> Spot | None:
    figure = spot.figure
    if figure.number <= 0 or figure.qualifier not in ("", "about") or spot.date_part:
        return None
    before = text.flat[max(0, spot.start - _REACH) : spot.start]
    if _ZH_DECLINE.search(before):
        kinds = _SIGNED_KINDS
    elif _EN_DECLINE.search(before):
        kinds = _EN_SIGNED_KINDS
    else:
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

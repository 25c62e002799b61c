"""A bare number in a table stands for a figure in the unit its column header names.

``32.3`` under ``比重(%)`` is 32.3%, ``527.3`` under ``单位：亿元`` is 527.3亿元, ``1,204``
under ``$ millions`` is $1,204 million. The extractor writes such a cell as a mention with
``unit``; the facts loader reads it back the same way.

>>> with_unit("32.3", "%"), with_unit("-1,204", "$ million"), with_unit("7.5", "million")
('32.3%', '-$1,204 million', '7.5 million')
"""

from __future__ import annotations

HEADER_UNITS = ("%", "‰", "个百分点", "million", "billion", "thousand")
"""Units written after the number with no space; scales with one; currencies with a scale
(``$ million``) before it; anything else (亿元, 万人) straight after."""


def with_unit(printed: str, unit: str) -> str:
    """The text of the figure a bare ``printed`` number stands for in ``unit``."""
    shown = printed.strip()
    if unit in ("million", "billion", "thousand"):
        return f"{shown} {unit}"
    symbol, _, scale = unit.partition(" ")
    if symbol in ("$", "£", "€", "¥") and scale:
        sign = "-" if shown.startswith(("-", "−")) else ""
        return f"{sign}{symbol}{shown.lstrip('-−')} {scale}"
    return shown + unit

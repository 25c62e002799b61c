"""Read a figure as a report prints it into exact ``Decimal`` parts, and print others like it.

A *figure* is a number the way a report prints it, in Chinese or English: ``162.24亿元``,
``超30%``, ``第一``, ``四十一人``, ``$1.5 billion``, ``3–5万元``, ``１２３．４５％``,
``twenty-five``, ``two million``, ``three months``.
:func:`parse_figure` reads one into a :class:`Figure`; :func:`format_figure` prints another
value the same way. No float is involved anywhere.

>>> from decimal import Decimal
>>> fig = parse_figure("162.24亿元")
>>> fig.number, fig.places, fig.scale, fig.unit, fig.kind, fig.template
(Decimal('162.24'), 2, Decimal('1E+8'), 'CNY', 'amount', '{}亿元')
>>> fig.base == Decimal("16224000000"), fig.unit_in_last_place()
(True, Decimal('1E+6'))
>>> format_figure(Decimal("0.7647058"), parse_figure("76.5%"))
'76.5%'
>>> parse_figure("超30%").qualifier
'more-than'

This module is the public face of reading and printing figures; the work is done by
``figure_value`` (the Figure type, its error and limits), ``vocabulary`` (the words around a
number), ``numerals`` (numbers in Chinese and English words), ``characters`` (folding and
character classes), ``reader`` (the cursor), ``parsing`` (the order of a figure's parts),
``building`` (what the parts mean together) and ``formatting`` (printing a value like a
figure).
"""

from __future__ import annotations

from factlint.numbers.characters import figure_digits
from factlint.numbers.figure_value import (
    MAX_CHARS,
    MAX_DIGITS,
    Figure,
    FigureError,
    half_last_place,
    last_place,
)
from factlint.numbers.formatting import format_figure
from factlint.numbers.parsing import common_figure, parse_constant, parse_figure, read_figure
from factlint.numbers.vocabulary import figure_words

__all__ = [
    "MAX_CHARS",
    "MAX_DIGITS",
    "Figure",
    "FigureError",
    "common_figure",
    "figure_digits",
    "figure_words",
    "format_figure",
    "half_last_place",
    "last_place",
    "parse_constant",
    "parse_figure",
    "read_figure",
]

"""Rule kinds: each is one small function from its parameters to the claims it makes.

A kind's signature is its parameter schema: the rules loader binds the YAML parameters to
it, so a misspelt parameter is reported with the rule, the parameter and the line. The
registry is the ``KINDS`` dict literal at the bottom.

Adding a kind is one edit here: the function (its signature, with ``Annotated[..., Schema(...)]``
for what the type cannot say, and a docstring whose first paragraph documents it) and its
entry in ``KINDS``; then test cases in ``tests/data/kinds/<kind>.yaml`` and
``python scripts/regenerate.py``, which writes the rules JSON Schema and the README's table
of kinds from them (see docs/design.md, "Adding a rule kind").

>>> [unparse(c) for c in share(part="six_new", whole="signed", is_="six_new_share")]
['six_new_share == six_new / signed']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Annotated

from factlint.rules.expression_parser import parse_check, parse_operand
from factlint.rules.expressions import (
    Binary,
    Call,
    Comparison,
    CountWhere,
    Name,
    Node,
    Number,
    make_binary,
    make_comparison,
    make_name,
    unparse,  # noqa: F401  (doctest)
)
from factlint.rules.signatures import Schema

COMPARISONS = ("==", "!=", "<", "<=", ">", ">=")


def _name(fact_id: str) -> Name:
    return make_name(fact_id, 0)


def _operand(text: str) -> Node:
    """A fact id or a small expression; plain ids skip the parser."""
    return _name(text) if text.isidentifier() else parse_operand(text)


def _added(nodes: Sequence[Node]) -> Node:
    total = nodes[0]
    for node in nodes[1:]:
        total = make_binary("+", total, node, 0)
    return total


def check(expression: str) -> tuple[Comparison, ...]:
    """One comparison ``== != < <= > >=`` over fact ids, printed constants (``230亿元``,
    ``10%``, ``1.01``; exact), ``+ - * /``, parentheses, ``sum()``, ``abs()``, ``min()``,
    ``max()``: ``a / b == c``."""
    return (parse_check(expression),)


def summation(
    parts: Annotated[list[str], Schema(minItems=1)], total: str
) -> tuple[Comparison, ...]:
    """The parts add up to the total: ``total == p1 + p2 + …``."""
    if not parts:
        raise ValueError("'sum' needs at least one part")
    return (make_comparison("==", _operand(total), _added([_operand(p) for p in parts]), 0),)


def share(part: str, whole: str, is_: str) -> tuple[Comparison, ...]:
    """A stated share (or ratio) is part / whole: ``is == part / whole``."""
    return (Comparison("==", _operand(is_), Binary("/", _operand(part), _operand(whole), 0), 0),)


def growth(current: str, previous: str, is_: str) -> tuple[Comparison, ...]:
    """A stated growth rate is current / previous − 1: ``is == current / previous - 1``."""
    ratio = Binary("/", _operand(current), _operand(previous), 0)
    return (Comparison("==", _operand(is_), Binary("-", ratio, Number("1", 0), 0), 0),)


def equal(facts: Annotated[list[str], Schema(minItems=2)]) -> tuple[Comparison, ...]:
    """Every listed fact denotes the same quantity as the first."""
    if len(facts) < 2:
        raise ValueError("'equal' needs at least two facts")
    first = _operand(facts[0])
    return tuple(Comparison("==", first, _operand(other), 0) for other in facts[1:])


def compare(
    left: str, op: Annotated[str, Schema(enum=list(COMPARISONS))], right: str
) -> tuple[Comparison, ...]:
    """One side relates to the other: ``left op right`` with op one of == != < <= > >=."""
    if op not in COMPARISONS:
        raise ValueError(f"'op' must be one of == != < <= > >=, not {op!r}")
    return (Comparison(op, _operand(left), _operand(right), 0),)


_CONDITION = re.compile(r"^\s*(<=|>=|==|<|>|≤|≥)\s*(\S.*?)\s*$")
_CONDITION_OPS = {"≤": "<=", "≥": ">="}


def _condition(where: str) -> tuple[str, Number]:
    """``"< 15%"`` → ("<", 15%): one comparison and a printed figure, read by the figure
    parser when the rule is loaded (never evaluated)."""
    match = _CONDITION.match(where)
    if match is None:
        raise ValueError(
            f"'where' must be one comparison (<, <=, >, >=, ==) and a figure, like \"< 15%\", "
            f"not {where!r}"
        )
    op, figure = match.groups()
    return _CONDITION_OPS.get(op, op), Number(figure, where.index(figure))


def _distinct(of: list[str], kind: str, least: int) -> list[str]:
    items = list(dict.fromkeys(of))
    if len(items) != len(of):
        raise ValueError(f"'{kind}' lists a fact twice in 'of'")
    if len(items) < least:
        raise ValueError(f"'{kind}' needs at least {least} facts in 'of'")
    return items


def count(
    of: Annotated[list[str], Schema(minItems=1)],
    where: Annotated[str, Schema(pattern=r"^\s*(<=|>=|==|<|>|≤|≥)\s*\S")],
    is_: str,
) -> tuple[Comparison, ...]:
    """How many of the listed facts meet ``where`` (one comparison ``<`` ``<=`` ``>`` ``>=``
    ``==`` and a printed figure: ``"< 15%"``) is the stated count. An item whose interval
    straddles the condition may count either way: the claim fails only when no choice of
    true values gives the stated count."""
    items = tuple(_operand(item) for item in _distinct(of, "count", 1))
    op, bound = _condition(where)
    return (Comparison("==", _operand(is_), CountWhere(items, op, bound, 0), 0),)


def _extreme(function: str, of: list[str], is_: str) -> tuple[Comparison, ...]:
    items = _distinct(of, "highest" if function == "max" else "lowest", 2)
    others = [_operand(item) for item in items if item != is_]
    if len(others) == len(items):
        raise ValueError(f"'is' ({is_}) must be one of the facts in 'of'")
    beyond: Node = others[0] if len(others) == 1 else Call(function, tuple(others), 0)
    return (Comparison(">=" if function == "max" else "<=", _operand(is_), beyond, 0),)


def highest(of: Annotated[list[str], Schema(minItems=2)], is_: str) -> tuple[Comparison, ...]:
    """The named fact can be the largest of the list (a tie counts): ``is >= max(others)``."""
    return _extreme("max", of, is_)


def lowest(of: Annotated[list[str], Schema(minItems=2)], is_: str) -> tuple[Comparison, ...]:
    """The named fact can be the smallest of the list (a tie counts): ``is <= min(others)``."""
    return _extreme("min", of, is_)


KindFunction = Callable[..., tuple[Comparison, ...]]

KINDS: dict[str, KindFunction] = {
    "check": check,
    "sum": summation,
    "share": share,
    "ratio": share,
    "growth": growth,
    "equal": equal,
    "compare": compare,
    "count": count,
    "highest": highest,
    "lowest": lowest,
}
"""Kind name → function. A kind given a scalar or a list passes it as the only argument;
a kind given a mapping binds its keys to the function's parameters (``is`` → ``is_``)."""

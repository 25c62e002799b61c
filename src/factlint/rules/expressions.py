"""The syntax tree of a rule's expressions: its nodes, walking it, and writing it back as text.

A ``check`` rule's text is read into this tree by ``factlint.rules.expression_parser``; the
other kinds build trees directly. Nothing is evaluated here: constants keep their text
exactly as written, for the evaluator to read as figures.

>>> from factlint.rules.expression_parser import parse_check
>>> check = parse_check("signed_investment / 230亿元 == target_completion")
>>> check.op, check.left.right
('==', Number(text='230亿元', column=20))
>>> unparse(check)
'signed_investment / 230亿元 == target_completion'
>>> names_in(check)
['signed_investment', 'target_completion']
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeAlias

from factlint.records import dataclass, draft_class

__all__ = [
    "FUNCTIONS",
    "PRECEDENCE",
    "Binary",
    "Call",
    "Comparison",
    "CountWhere",
    "ExpressionError",
    "Name",
    "Node",
    "Number",
    "Unary",
    "children",
    "make_binary",
    "make_comparison",
    "make_name",
    "names_in",
    "unparse",
]


@dataclass(frozen=True, slots=True)
class Number:
    """A constant, with its text exactly as written (``"230亿元"``, ``"10%"``, ``"1,200"``)."""

    text: str
    column: int


@dataclass(frozen=True, slots=True)
class Name:
    """A fact id."""

    name: str
    column: int


@dataclass(frozen=True, slots=True)
class Unary:
    """A negation; ``column`` is the minus sign's."""

    op: str
    operand: Node
    column: int


@dataclass(frozen=True, slots=True)
class Binary:
    """``left op right`` with ``op`` in ``+ - * /``; ``column`` is the operator's."""

    op: str
    left: Node
    right: Node
    column: int


@dataclass(frozen=True, slots=True)
class Call:
    """``function(args...)``; ``column`` is the function name's."""

    function: str
    args: tuple[Node, ...]
    column: int


@dataclass(frozen=True, slots=True)
class Comparison:
    """The whole check; ``column`` is the comparison operator's."""

    op: str
    left: Node
    right: Node
    column: int


@dataclass(frozen=True, slots=True)
class CountWhere:
    """How many of ``items`` meet ``item op bound``: the computed side of a ``count``
    rule. No expression text writes one; the ``count`` kind builds it."""

    items: tuple[Node, ...]
    op: str
    bound: Number
    column: int


Node: TypeAlias = Number | Name | Unary | Binary | Call | CountWhere


# Makers for the nodes every kind builds (a name per operand, ``+`` between parts): the
# same objects as the constructors make, without an ``object.__setattr__`` per field (see
# ``records.draft_class``; 10,000 sums of 10 parts are 220,000 nodes).
# ``tests/test_makers.py`` holds them equal to the constructors.

_new = object.__new__
_NameDraft = draft_class(Name)
_BinaryDraft = draft_class(Binary)
_ComparisonDraft = draft_class(Comparison)


def make_name(name: str, column: int) -> Name:
    """``Name(name, column)``."""
    node = _new(_NameDraft)
    node.name = name
    node.column = column
    node.__class__ = Name
    made: Name = node
    return made


def make_binary(op: str, left: Node, right: Node, column: int) -> Binary:
    """``Binary(op, left, right, column)``."""
    node = _new(_BinaryDraft)
    node.op = op
    node.left = left
    node.right = right
    node.column = column
    node.__class__ = Binary
    made: Binary = node
    return made


def make_comparison(op: str, left: Node, right: Node, column: int) -> Comparison:
    """``Comparison(op, left, right, column)``."""
    node = _new(_ComparisonDraft)
    node.op = op
    node.left = left
    node.right = right
    node.column = column
    node.__class__ = Comparison
    made: Comparison = node
    return made


class ExpressionError(ValueError):
    """A malformed expression; ``column`` is the 0-based offset of the offending character."""

    def __init__(self, message: str, column: int) -> None:
        # Both in args so the error survives pickling (e.g. across worker processes).
        super().__init__(message, column)
        self.message = message
        self.column = column

    def __str__(self) -> str:
        return self.message


# The functions a check may call, with their least and most numbers of arguments.
FUNCTIONS: dict[str, tuple[int, int | None]] = {
    "abs": (1, 1),
    "max": (2, None),
    "min": (2, None),
    "sum": (1, None),
}

PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}
"""Binding strength of the binary operators (a higher one binds tighter)."""


# --- walking the tree ---------------------------------------------------------------------
# Both walks use an explicit stack: "a + a + … + a" is a left-leaning chain as deep as it is
# long, far deeper than Python's recursion limit.


def names_in(node: Node | Comparison) -> list[str]:
    """The fact ids in ``node``, in order of first appearance, each once.

    >>> from factlint.rules.expression_parser import parse_check
    >>> names_in(parse_check("max(b, a) == b + c"))
    ['b', 'a', 'c']
    """
    seen: dict[str, None] = {}
    stack: list[Node | Comparison] = [node]
    pop, push = stack.pop, stack.append
    while stack:
        item = pop()
        kind = type(item)
        # Names and two-sided nodes, nearly all of a rule, by exact type: every rule is
        # walked once when it is made.
        if kind is Name:
            seen[item.name] = None  # type: ignore[union-attr]
        elif kind is Binary or kind is Comparison:
            push(item.right)  # type: ignore[union-attr]
            push(item.left)  # type: ignore[union-attr]
        elif isinstance(item, Name):
            seen[item.name] = None
        else:
            stack.extend(reversed(children(item)))
    return list(seen)


def children(node: Node | Comparison) -> tuple[Node, ...]:
    """The operands of a node, left to right; none for a name or a number."""
    if isinstance(node, Unary):
        return (node.operand,)
    if isinstance(node, Binary | Comparison):
        return (node.left, node.right)
    if isinstance(node, Call):
        return node.args
    if isinstance(node, CountWhere):
        return (*node.items, node.bound)
    return ()


_ATOM = 4
_SIGN = 3


def unparse(node: Node | Comparison, names: Mapping[str, str] | None = None) -> str:
    """Canonical text, with spaces around binary operators and only the parentheses needed;
    ``names`` rewrites fact ids (to the figures they stand for, say).

    >>> from factlint.rules.expression_parser import parse_check
    >>> unparse(parse_check("((a+b))*2>=-(c)"))
    '(a + b) * 2 >= -c'
    >>> unparse(parse_check("a / b == c"), {"a": "39项", "b": "51项"})
    '39项 / 51项 == c'
    """
    chain = _chain_text(node, names)
    if chain is not None:
        return chain
    parts: list[str] = []
    stack: list[Node | Comparison | str] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, Name):
            parts.append(item.name if names is None else names.get(item.name, item.name))
        else:
            stack.extend(reversed(_pieces(item)))
    return "".join(parts)


def _chain_text(node: Node | Comparison, names: Mapping[str, str] | None) -> str | None:
    """``a + b - c`` over fact ids and constants (a sum rule's side), written in one
    pass; None for anything else, which ``unparse`` walks in general."""
    if isinstance(node, Comparison):
        left, right = _chain_text(node.left, names), _chain_text(node.right, names)
        return None if left is None or right is None else f"{left} {node.op} {right}"
    pieces: list[str] = []
    current = node
    while isinstance(current, Binary) and current.op in ("+", "-"):
        if not isinstance(current.right, Name | Number):
            return None
        pieces += (_leaf_text(current.right, names), f" {current.op} ")
        current = current.left
    if not isinstance(current, Name | Number):
        return None
    pieces.append(_leaf_text(current, names))
    return "".join(reversed(pieces))


def _leaf_text(leaf: Name | Number, names: Mapping[str, str] | None) -> str:
    if isinstance(leaf, Number):
        return leaf.text
    return leaf.name if names is None else names.get(leaf.name, leaf.name)


def _pieces(
    node: Number | Unary | Binary | Call | CountWhere | Comparison,
) -> list[Node | str]:
    """The text of ``node`` with its children left as nodes, to be expanded in turn."""
    if isinstance(node, Number):
        return [node.text]
    if isinstance(node, Unary):
        return ["-", *_wrapped(node.operand, _precedence(node.operand) < _SIGN)]
    if isinstance(node, Call):
        pieces: list[Node | str] = [f"{node.function}("]
        for index, arg in enumerate(node.args):
            pieces += [", ", arg] if index else [arg]
        return [*pieces, ")"]
    if isinstance(node, Comparison):
        return [node.left, f" {node.op} ", node.right]
    if isinstance(node, CountWhere):
        counted: list[Node | str] = ["count("]
        for index, item in enumerate(node.items):
            counted += [", ", item] if index else [item]
        return [*counted, f" where {node.op} ", node.bound, ")"]
    level = PRECEDENCE[node.op]
    # Binary operators associate to the left, so a right operand of the same level needs
    # parentheses to keep its grouping: a - (b - c), a / (b * c).
    return [
        *_wrapped(node.left, _precedence(node.left) < level),
        f" {node.op} ",
        *_wrapped(node.right, _precedence(node.right) <= level),
    ]


def _precedence(node: Node) -> int:
    if isinstance(node, Binary):
        return PRECEDENCE[node.op]
    return _SIGN if isinstance(node, Unary) else _ATOM


def _wrapped(node: Node, needs_parentheses: bool) -> list[Node | str]:
    return ["(", node, ")"] if needs_parentheses else [node]

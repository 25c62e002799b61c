"""Parse the expression of a ``check`` rule into a small syntax tree.

Rules are written by users and are untrusted, so expressions are read by this module's own
tokenizer and parser, never by Python's ``eval``, ``ast`` or ``compile``. Nothing is evaluated
here: constants keep their text exactly as written, for the evaluator to read as figures.

>>> check = parse_check("signed_investment / 230亿元 == target_completion")
>>> check.op, check.left.right
('==', Number(text='230亿元', column=20))
>>> unparse(check)
'signed_investment / 230亿元 == target_completion'
>>> names_in(check)
['signed_investment', 'target_completion']
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple, TypeAlias

__all__ = [
    "FUNCTIONS",
    "MAX_DEPTH",
    "MAX_LENGTH",
    "Binary",
    "Call",
    "Comparison",
    "CountWhere",
    "ExpressionError",
    "Name",
    "Node",
    "Number",
    "Unary",
    "names_in",
    "parse_check",
    "parse_operand",
    "unparse",
]

MAX_LENGTH = 10_000
MAX_DEPTH = 100


@dataclass(frozen=True)
class Number:
    """A constant, with its text exactly as written (``"230亿元"``, ``"10%"``, ``"1,200"``)."""

    text: str
    column: int


@dataclass(frozen=True)
class Name:
    """A fact id."""

    name: str
    column: int


@dataclass(frozen=True)
class Unary:
    """A negation; ``column`` is the minus sign's."""

    op: str
    operand: Node
    column: int


@dataclass(frozen=True)
class Binary:
    """``left op right`` with ``op`` in ``+ - * /``; ``column`` is the operator's."""

    op: str
    left: Node
    right: Node
    column: int


@dataclass(frozen=True)
class Call:
    """``function(args...)``; ``column`` is the function name's."""

    function: str
    args: tuple[Node, ...]
    column: int


@dataclass(frozen=True)
class Comparison:
    """The whole check; ``column`` is the comparison operator's."""

    op: str
    left: Node
    right: Node
    column: int


@dataclass(frozen=True)
class CountWhere:
    """How many of ``items`` meet ``item op bound``: the computed side of a ``count``
    rule. No expression text writes one; the ``count`` kind builds it."""

    items: tuple[Node, ...]
    op: str
    bound: Number
    column: int


Node: TypeAlias = Number | Name | Unary | Binary | Call | CountWhere


class ExpressionError(ValueError):
    """A malformed expression; ``column`` is the 0-based offset of the offending character."""

    def __init__(self, message: str, column: int) -> None:
        # Both in args so the error survives pickling (e.g. across worker processes).
        super().__init__(message, column)
        self.message = message
        self.column = column

    def __str__(self) -> str:
        return self.message


# --- tokens -------------------------------------------------------------------------------

# The functions a check may call, with their least and most numbers of arguments.
FUNCTIONS: dict[str, tuple[int, int | None]] = {
    "abs": (1, 1),
    "max": (2, None),
    "min": (2, None),
    "sum": (1, None),
}

_DIGITS = frozenset("0123456789０１２３４５６７８９")
_ASCII_OPERATORS = {"+": "+", "-": "-", "*": "*", "/": "/"}
_UNICODE_OPERATORS = {"×": "*", "÷": "/", "−": "-"}
_UNICODE_COMPARISONS = {"≤": "<=", "≥": ">=", "≠": "!="}
_PERCENT_SIGNS = frozenset("%％‰")
_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}
_EXPECTED_OPERAND = "a fact id, a number or '('"
_NO_COMPARISON = "a check must compare two sides with ==, !=, <, <=, > or >="


class _Token(NamedTuple):
    kind: str  # "number", "name", "op", "cmp", "(", ")", ",", "end"
    value: str  # normalised: an ASCII operator, or the text itself
    text: str  # exactly as written, for messages and for the token's length
    column: int


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    while position < len(text):
        if text[position].isspace():
            position += 1
            continue
        token = _read_token(text, position)
        tokens.append(token)
        position += len(token.text)
    tokens.append(_Token("end", "", "", len(text)))
    return tokens


def _read_token(text: str, start: int) -> _Token:
    char = text[start]
    if char in _DIGITS or (char == "." and _is_digit_at(text, start + 1)):
        return _read_number(text, start)
    if char.isidentifier():
        return _read_name(text, start)
    if char in "(),":
        return _Token(char, char, char, start)
    if char in _ASCII_OPERATORS or char in _UNICODE_OPERATORS:
        return _Token("op", _ASCII_OPERATORS.get(char) or _UNICODE_OPERATORS[char], char, start)
    if char in _UNICODE_COMPARISONS:
        return _Token("cmp", _UNICODE_COMPARISONS[char], char, start)
    return _read_comparison(text, start)


def _is_digit_at(text: str, position: int) -> bool:
    return position < len(text) and text[position] in _DIGITS


def _read_number(text: str, start: int) -> _Token:
    end = start
    seen_point = False
    while end < len(text):
        char = text[end]
        if char in _DIGITS:
            end += 1
        elif char == ".":
            seen_point = True
            end += 1
        elif char == "," and not seen_point and _is_thousands_comma(text, end):
            end += 1
        else:
            break
    while end < len(text) and _is_unit_char(text[end]):
        end += 1
    return _Token("number", text[start:end], text[start:end], start)


def _is_thousands_comma(text: str, comma: int) -> bool:
    # "1,234" is one number but "max(1,2)" has two arguments: a comma is a thousands
    # separator only when exactly three digits follow it directly.
    group = text[comma + 1 : comma + 4]
    return (
        len(group) == 3
        and all(char in _DIGITS for char in group)
        and not _is_digit_at(text, comma + 4)
    )


def _is_unit_char(char: str) -> bool:
    if char in _PERCENT_SIGNS:
        return True
    if char.isascii() or char.isspace():
        return False
    if char in _UNICODE_OPERATORS or char in _UNICODE_COMPARISONS:
        return False
    # Punctuation (full-width parentheses and commas, 、) and math symbols (＋, ＝, ～) end a
    # unit, so "200户，" reports the stray "，" instead of swallowing it into the number.
    category = unicodedata.category(char)
    return category[0] not in "PZC" and category != "Sm"


def _read_name(text: str, start: int) -> _Token:
    end = start + 1
    while end < len(text) and ("_" + text[end]).isidentifier():
        end += 1
    return _Token("name", text[start:end], text[start:end], start)


def _read_comparison(text: str, start: int) -> _Token:
    pair = text[start : start + 2]
    if pair in ("==", "!=", "<=", ">="):
        return _Token("cmp", pair, pair, start)
    char = text[start]
    if char in "<>":
        return _Token("cmp", char, char, start)
    if pair in ("=<", "=>"):
        raise ExpressionError(f"use '{pair[::-1]}' to compare", start)
    if char == "=":
        raise ExpressionError("use '==' to compare", start)
    raise ExpressionError(f"unexpected character {char!r}", start)


# --- parser -------------------------------------------------------------------------------


def parse_check(text: str) -> Comparison:
    """Parse a check: two sides and exactly one comparison between them.

    >>> unparse(parse_check("a×2 ≤ (b − c)"))
    'a * 2 <= b - c'
    """
    return _Parser(_tokens_of(text)).check()


def parse_operand(text: str) -> Node:
    """Parse a single value, without a comparison (the sides of the sugar rule kinds).

    >>> parse_operand("-x")
    Unary(op='-', operand=Name(name='x', column=1), column=0)
    """
    return _Parser(_tokens_of(text)).operand()


def _tokens_of(text: str) -> list[_Token]:
    if len(text) > MAX_LENGTH:
        raise ExpressionError(
            f"the expression is {len(text)} characters long; the limit is {MAX_LENGTH}", 0
        )
    tokens = _tokenize(text)
    if len(tokens) == 1:
        raise ExpressionError("the expression is empty", 0)
    _check_parentheses(tokens)
    return tokens


def _check_parentheses(tokens: list[_Token]) -> None:
    # Checked before parsing so that "(a + b == c" blames the "(", not the "==".
    open_columns: list[int] = []
    for token in tokens:
        if token.kind == "(":
            open_columns.append(token.column)
            if len(open_columns) > MAX_DEPTH:
                return  # the parser reports the depth, at the first level too many
        elif token.kind == ")":
            if not open_columns:
                raise ExpressionError("')' has no matching '('", token.column)
            open_columns.pop()
    if open_columns:
        raise ExpressionError("'(' is never closed", open_columns[0])


class _Parser:
    """Recursive descent in which only nesting recurses: binary chains are loops.

    Each level of nesting (parenthesis, call, sign) is counted before descending and capped at
    MAX_DEPTH. A parenthesis costs two stack frames and a call three, so even the deepest
    expression stays far below Python's recursion limit.
    """

    def __init__(self, tokens: list[_Token]) -> None:
        self._tokens = tokens
        self._position = 0
        self._depth = 0

    def check(self) -> Comparison:
        left = self._sum()
        operator = self._advance()
        if operator.kind == "end":
            raise ExpressionError(_NO_COMPARISON, 0)
        if operator.kind != "cmp":
            raise _unexpected(operator, "an operator or a comparison")
        right = self._sum()
        after = self._peek()
        if after.kind == "cmp":
            raise ExpressionError("only one comparison is allowed", after.column)
        if after.kind != "end":
            raise _unexpected(after, "an operator or the end of the check")
        return Comparison(operator.value, left, right, operator.column)

    def operand(self) -> Node:
        node = self._sum()
        after = self._peek()
        if after.kind == "cmp":
            raise ExpressionError("a single value cannot contain a comparison", after.column)
        if after.kind != "end":
            raise _unexpected(after, "an operator or the end of the expression")
        return node

    def _sum(self) -> Node:
        # Both precedence levels in one loop (operator precedence with a tiny stack) rather
        # than sum -> term -> factor, so that a level of nesting costs one frame, not two.
        operands = [self._factor()]
        operators: list[_Token] = []
        while self._peek().kind == "op":
            operator = self._advance()
            # Reducing while the waiting operator binds at least as tightly keeps chains
            # left-associative: a - b - c is (a - b) - c.
            while operators and _PRECEDENCE[operators[-1].value] >= _PRECEDENCE[operator.value]:
                _reduce(operands, operators)
            operators.append(operator)
            operands.append(self._factor())
        while operators:
            _reduce(operands, operators)
        return operands[0]

    def _factor(self) -> Node:
        signs = self._signs()
        token = self._advance()
        node: Node
        if token.kind == "number":
            node = Number(token.value, token.column)
        elif token.kind == "name" and self._peek().kind == "(":
            node = self._call(token)
        elif token.kind == "name":
            node = Name(token.value, token.column)
        elif token.kind == "(":
            self._enter(token.column)
            node = self._sum()
            self._close("parentheses", "an operator or ')'")
        else:
            raise _unexpected(token, _EXPECTED_OPERAND)
        for sign in reversed(signs):
            if sign.value == "-":
                node = Unary("-", node, sign.column)
        self._depth -= len(signs)
        return node

    def _signs(self) -> list[_Token]:
        # Read in a loop, not by recursion, yet each sign still counts as a level:
        # "- - - … x" is as deep a tree as "(((… x)))".
        signs: list[_Token] = []
        while self._peek().kind == "op" and self._peek().value in "+-":
            self._enter(self._peek().column)
            signs.append(self._advance())
        return signs

    def _call(self, name: _Token) -> Call:
        if name.value not in FUNCTIONS:
            known = ", ".join(sorted(FUNCTIONS))
            raise ExpressionError(f"unknown function {name.value!r}; known: {known}", name.column)
        self._enter(name.column)
        self._advance()  # the "("
        args: list[Node] = []
        if self._peek().kind != ")":
            while True:
                if self._peek().kind in (",", ")"):
                    raise ExpressionError(f"empty argument in {name.value}()", self._peek().column)
                args.append(self._sum())
                if self._peek().kind != ",":
                    break
                self._advance()
        self._close("a function call", "an operator, ',' or ')'")
        _check_arity(name, args)
        return Call(name.value, tuple(args), name.column)

    def _close(self, inside: str, expected: str) -> None:
        token = self._advance()
        if token.kind == "cmp":
            raise ExpressionError(f"a comparison cannot be inside {inside}", token.column)
        if token.kind != ")":
            raise _unexpected(token, expected)
        self._depth -= 1

    def _peek(self) -> _Token:
        return self._tokens[self._position]

    def _advance(self) -> _Token:
        token = self._tokens[self._position]
        if token.kind != "end":
            self._position += 1
        return token

    def _enter(self, column: int) -> None:
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise ExpressionError(f"the expression nests deeper than {MAX_DEPTH} levels", column)


def _reduce(operands: list[Node], operators: list[_Token]) -> None:
    operator = operators.pop()
    right = operands.pop()
    operands[-1] = Binary(operator.value, operands[-1], right, operator.column)


def _unexpected(token: _Token, expected: str) -> ExpressionError:
    if token.kind == "end":
        return ExpressionError(f"the expression ends too early: expected {expected}", token.column)
    return ExpressionError(f"unexpected {token.text!r}: expected {expected}", token.column)


def _check_arity(name: _Token, args: list[Node]) -> None:
    least, most = FUNCTIONS[name.value]
    if least <= len(args) and (most is None or len(args) <= most):
        return
    bound = "exactly" if least == most else "at least"
    plural = "" if least == 1 else "s"
    message = f"{name.value}() takes {bound} {least} argument{plural}, got {len(args)}"
    if any(isinstance(arg, Number) and "," in arg.text for arg in args):
        message += " (a comma followed directly by three digits is a thousands separator)"
    raise ExpressionError(message, name.column)


# --- walking the tree ---------------------------------------------------------------------
# Both walks use an explicit stack: "a + a + … + a" is a left-leaning chain as deep as it is
# long, far deeper than Python's recursion limit.


def names_in(node: Node | Comparison) -> list[str]:
    """The fact ids in ``node``, in order of first appearance, each once.

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
    level = _PRECEDENCE[node.op]
    # Binary operators associate to the left, so a right operand of the same level needs
    # parentheses to keep its grouping: a - (b - c), a / (b * c).
    return [
        *_wrapped(node.left, _precedence(node.left) < level),
        f" {node.op} ",
        *_wrapped(node.right, _precedence(node.right) <= level),
    ]


def _precedence(node: Node) -> int:
    if isinstance(node, Binary):
        return _PRECEDENCE[node.op]
    return _SIGN if isinstance(node, Unary) else _ATOM


def _wrapped(node: Node, needs_parentheses: bool) -> list[Node | str]:
    return ["(", node, ")"] if needs_parentheses else [node]

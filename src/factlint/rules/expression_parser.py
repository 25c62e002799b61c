"""Parse the expression of a ``check`` rule into the syntax tree of ``expressions``.

Rules are written by users and are untrusted, so expressions are read by this module's own
tokenizer and parser, never by Python's ``eval``, ``ast`` or ``compile``; length and depth
are bounded.

>>> parse_check("a / b == c").left
Binary(op='/', left=Name(name='a', column=0), right=Name(name='b', column=4), column=2)
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from factlint.rules.expressions import (
    FUNCTIONS,
    PRECEDENCE,
    Binary,
    Call,
    Comparison,
    ExpressionError,
    Name,
    Node,
    Number,
    Unary,
)

MAX_LENGTH = 10_000
MAX_DEPTH = 100

# --- tokens -------------------------------------------------------------------------------


_DIGITS = frozenset("0123456789０１２３４５６７８９")
_ASCII_OPERATORS = {"+": "+", "-": "-", "*": "*", "/": "/"}
_UNICODE_OPERATORS = {"×": "*", "÷": "/", "−": "-"}
_UNICODE_COMPARISONS = {"≤": "<=", "≥": ">=", "≠": "!="}
_PERCENT_SIGNS = frozenset("%％‰")
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

    >>> from factlint.rules.expressions import unparse
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
            while operators and PRECEDENCE[operators[-1].value] >= PRECEDENCE[operator.value]:
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

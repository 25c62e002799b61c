"""Tests for factlint.rules.expression_parser and factlint.rules.expressions: tokenizer, parser,
names_in and unparse."""

from __future__ import annotations

import inspect
import pickle
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.rules.expression_parser import MAX_DEPTH, MAX_LENGTH, parse_check, parse_operand
from factlint.rules.expressions import (
    Binary,
    Call,
    Comparison,
    ExpressionError,
    Name,
    Node,
    Number,
    Unary,
    names_in,
    unparse,
)

NO_COMPARISON = "a check must compare two sides with ==, !=, <, <=, > or >="
ENDS_EARLY = "the expression ends too early: expected a fact id, a number or '('"
UNKNOWN = "unknown function {!r}; known: abs, max, min, sum"
TOO_DEEP = "the expression nests deeper than 100 levels"

# --- helpers (recursive: only ever used on small trees) ---------------------------------


def shape(node: Node | Comparison) -> str:
    """Every binary and unary node in parentheses, to show how the parser grouped things."""
    if isinstance(node, Number):
        return node.text
    if isinstance(node, Name):
        return node.name
    if isinstance(node, Unary):
        return f"({node.op}{shape(node.operand)})"
    if isinstance(node, Call):
        return f"{node.function}({', '.join(shape(arg) for arg in node.args)})"
    return f"({shape(node.left)} {node.op} {shape(node.right)})"


def without_columns(node: Node | Comparison) -> Node | Comparison:
    if isinstance(node, Unary):
        return replace(node, operand=without_columns(node.operand), column=0)
    if isinstance(node, Binary | Comparison):
        return replace(
            node, left=without_columns(node.left), right=without_columns(node.right), column=0
        )
    if isinstance(node, Call):
        return replace(node, args=tuple(without_columns(arg) for arg in node.args), column=0)
    return replace(node, column=0)


def all_names(node: Node | Comparison) -> list[str]:
    """Every Name in the tree, left to right, duplicates included."""
    if isinstance(node, Name):
        return [node.name]
    if isinstance(node, Unary):
        return all_names(node.operand)
    if isinstance(node, Binary | Comparison):
        return all_names(node.left) + all_names(node.right)
    if isinstance(node, Call):
        return [name for arg in node.args for name in all_names(arg)]
    return []


def all_nodes(node: Node | Comparison) -> list[Node | Comparison]:
    children: list[Node] = []
    if isinstance(node, Unary):
        children = [node.operand]
    elif isinstance(node, Binary | Comparison):
        children = [node.left, node.right]
    elif isinstance(node, Call):
        children = list(node.args)
    return [node, *(found for child in children for found in all_nodes(child))]


def error_of(parse: Callable[[str], object], text: str) -> tuple[str, int]:
    with pytest.raises(ExpressionError) as caught:
        parse(text)
    return caught.value.message, caught.value.column


@contextmanager
def stack_headroom(frames: int) -> Iterator[None]:
    """Lower the recursion limit to leave only ``frames`` frames above the caller."""
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack(0)) + frames)
    try:
        yield
    finally:
        sys.setrecursionlimit(old)


# --- the examples from the rules ------------------------------------------------------------

EXAMPLES = [
    (
        "a_context_unit == b_context_unit + c_context_unit",
        "a_context_unit == b_context_unit + c_context_unit",
    ),
    ("fai_2020 == 0.5*x + 1.25*y - 0.45*z", "fai_2020 == 0.5 * x + 1.25 * y - 0.45 * z"),
    (
        "six_new_projects / signed_projects == six_new_share",
        "six_new_projects / signed_projects == six_new_share",
    ),
    (
        "signed_investment / 230亿元 == target_completion",
        "signed_investment / 230亿元 == target_completion",
    ),
    (
        "industrial_investment <= fixed_asset_investment",
        "industrial_investment <= fixed_asset_investment",
    ),
    (
        "sum(jinke, beifang, jinsheng, botong) <= 200户",
        "sum(jinke, beifang, jinsheng, botong) <= 200户",
    ),
    ("abs(a - b) < 1%", "abs(a - b) < 1%"),
    ("max(a, b) == c", "max(a, b) == c"),
    ("min(a,b) >= 0", "min(a, b) >= 0"),
    ("-a + (b - c) * 2 != 0", "-a + (b - c) * 2 != 0"),
    ("a×b ÷ c − d ≤ e", "a * b / c - d <= e"),
    ("a ≥ b", "a >= b"),
    ("a ≠ b", "a != b"),
    ("((a)) > (b)", "a > b"),
    ("金科项目 == 北方 + 金盛", "金科项目 == 北方 + 金盛"),
    ("a\n==\u3000b\t+\r\nc", "a == b + c"),
    ("sum (a) == b", "sum(a) == b"),
]


@pytest.mark.parametrize(("text", "canonical"), EXAMPLES)
def test_examples_parse_to_their_canonical_text(text: str, canonical: str) -> None:
    check = parse_check(text)
    assert unparse(check) == canonical
    assert without_columns(parse_check(canonical)) == without_columns(check)


def test_exact_tree_with_columns() -> None:
    assert parse_check("a == b + c") == Comparison(
        "==", Name("a", 0), Binary("+", Name("b", 5), Name("c", 9), 7), 2
    )


def test_exact_tree_of_a_constant_with_a_unit() -> None:
    assert parse_check("signed_investment / 230亿元 == target_completion") == Comparison(
        "==",
        Binary("/", Name("signed_investment", 0), Number("230亿元", 20), 18),
        Name("target_completion", 29),
        26,
    )


def test_exact_tree_of_a_call_and_a_unicode_comparison() -> None:
    assert parse_check("sum(a, 1%) ≥ 2") == Comparison(
        ">=", Call("sum", (Name("a", 4), Number("1%", 7)), 0), Number("2", 13), 11
    )


def test_exact_tree_of_signs_and_parentheses() -> None:
    assert parse_check("金科 == -(x) + +y") == Comparison(
        "==",
        Name("金科", 0),
        Binary("+", Unary("-", Name("x", 8), 6), Name("y", 14), 11),
        3,
    )


def test_exact_tree_of_the_mixed_example() -> None:
    assert parse_check("-a + (b - c) * 2 != 0") == Comparison(
        "!=",
        Binary(
            "+",
            Unary("-", Name("a", 1), 0),
            Binary("*", Binary("-", Name("b", 6), Name("c", 10), 8), Number("2", 15), 13),
            3,
        ),
        Number("0", 20),
        17,
    )


def test_parse_operand_returns_a_node() -> None:
    assert parse_operand("a + 1") == Binary("+", Name("a", 0), Number("1", 4), 2)


# --- precedence and associativity -----------------------------------------------------------

SHAPES = [
    ("a - b - c", "((a - b) - c)"),
    ("a / b * c", "((a / b) * c)"),
    ("a * b / c", "((a * b) / c)"),
    ("a + b - c + d", "(((a + b) - c) + d)"),
    ("a + b * c", "(a + (b * c))"),
    ("a * b + c", "((a * b) + c)"),
    ("a - b / c * d + e", "((a - ((b / c) * d)) + e)"),
    ("(a + b) * c", "((a + b) * c)"),
    ("a - (b - c)", "(a - (b - c))"),
    ("a / (b / c)", "(a / (b / c))"),
    ("-a * b", "((-a) * b)"),
    ("-a + b", "((-a) + b)"),
    ("a * -b", "(a * (-b))"),
    ("a - -b", "(a - (-b))"),
    ("a-b", "(a - b)"),
    ("a--b", "(a - (-b))"),
    ("--a", "(-(-a))"),
    ("+a", "a"),
    ("-+-a", "(-(-a))"),
    ("+-a", "(-a)"),
    ("-(a + b)", "(-(a + b))"),
    ("abs(-a) * 2", "(abs((-a)) * 2)"),
    ("a−b×c÷d", "(a - ((b * c) / d))"),
    ("max(a + b, c * d, -e)", "max((a + b), (c * d), (-e))"),
]


@pytest.mark.parametrize(("text", "grouping"), SHAPES)
def test_precedence_and_associativity(text: str, grouping: str) -> None:
    assert shape(parse_operand(text)) == grouping


UNPARSED = [
    ("((a+b))*2>=-(c)", "(a + b) * 2 >= -c"),
    ("a - (b - c) == (a - b) - c", "a - (b - c) == a - b - c"),
    ("a / (b * c) == (a / b) * c", "a / (b * c) == a / b * c"),
    ("-(-a) == -(a * b)", "--a == -(a * b)"),
    ("(-a) * b == a * (-b)", "-a * b == a * -b"),
    ("a + (b + c) == (a * b) + c", "a + (b + c) == a * b + c"),
]


@pytest.mark.parametrize(("text", "canonical"), UNPARSED)
def test_unparse_keeps_only_the_needed_parentheses(text: str, canonical: str) -> None:
    check = parse_check(text)
    assert unparse(check) == canonical
    assert without_columns(parse_check(canonical)) == without_columns(check)


# --- numbers -----------------------------------------------------------------------------------

NUMBERS = [
    "0",
    "0.5",
    "1.01",
    ".5",
    "230亿元",
    "10%",
    "20％",
    "5‰",
    "3个百分点",
    "2.5亿美元",
    "1,234",
    "1,234,567.89",
    "1,234亿元",
    "１２３户",
    "５,０００万美元",
    "2020年",
    "30℃",
]


@pytest.mark.parametrize("text", NUMBERS)
def test_numbers_keep_their_exact_text(text: str) -> None:
    assert parse_operand(text) == Number(text, 0)
    assert parse_check(f"x <= {text}").right == Number(text, 5)


CALL_ARGUMENTS = [
    ("max(1,2)", ["1", "2"]),
    ("max(1, 200)", ["1", "200"]),
    ("max(1.5,200)", ["1.5", "200"]),
    ("max(1,2345)", ["1", "2345"]),
    ("max(1,23, 4)", ["1", "23", "4"]),
    ("max(1,234, 5)", ["1,234", "5"]),
    ("sum(10%,5户)", ["10%", "5户"]),
]


@pytest.mark.parametrize(("text", "arguments"), CALL_ARGUMENTS)
def test_a_comma_is_a_thousands_separator_only_before_three_digits(
    text: str, arguments: list[str]
) -> None:
    call = parse_operand(text)
    assert isinstance(call, Call)
    assert [arg.text for arg in call.args if isinstance(arg, Number)] == arguments


def test_names_are_identifiers_and_may_hold_digits_and_cjk() -> None:
    assert names_in(parse_check("_x1 + 项目２ + a230亿元 == sum")) == [
        "_x1",
        "项目２",
        "a230亿元",
        "sum",
    ]


# --- errors ------------------------------------------------------------------------------------

CHECK_ERRORS = [
    ("", "the expression is empty", 0),
    (" \u3000\n\t", "the expression is empty", 0),
    ("a == b $", "unexpected character '$'", 7),
    ("a == b ＋ c", "unexpected character '＋'", 7),
    ("（a） == b", "unexpected character '（'", 0),
    ("a == 200户，", "unexpected character '，'", 9),
    ("a == 10 %", "unexpected character '%'", 8),
    ("a == .", "unexpected character '.'", 5),
    ("a ! b", "unexpected character '!'", 2),
    ("a = b", "use '==' to compare", 2),
    ("a === b", "use '==' to compare", 4),
    ("a =< b", "use '<=' to compare", 2),
    ("a => b", "use '>=' to compare", 2),
    ("a", NO_COMPARISON, 0),
    ("a + b * 2", NO_COMPARISON, 0),
    ("a < b < c", "only one comparison is allowed", 6),
    ("a == b == c", "only one comparison is allowed", 7),
    ("a ≤ b ≤ c", "only one comparison is allowed", 6),
    ("a < b > c == d", "only one comparison is allowed", 6),
    ("foo(a) == 1", UNKNOWN.format("foo"), 0),
    ("x == Sum(a)", UNKNOWN.format("Sum"), 5),
    ("x == a (b)", UNKNOWN.format("a"), 5),
    ("abs(a, b) == 1", "abs() takes exactly 1 argument, got 2", 0),
    ("abs() == 1", "abs() takes exactly 1 argument, got 0", 0),
    ("sum() == 1", "sum() takes at least 1 argument, got 0", 0),
    ("x == max(a)", "max() takes at least 2 arguments, got 1", 5),
    ("min(a) == x", "min() takes at least 2 arguments, got 1", 0),
    (
        "max(1,200) == x",
        "max() takes at least 2 arguments, got 1"
        " (a comma followed directly by three digits is a thousands separator)",
        0,
    ),
    ("sum(a,,b) == 1", "empty argument in sum()", 6),
    ("sum(a,) == 1", "empty argument in sum()", 6),
    ("sum(,a) == 1", "empty argument in sum()", 4),
    ("(a + b == c", "'(' is never closed", 0),
    ("(a +", "'(' is never closed", 0),
    ("a == sum(b, (c)", "'(' is never closed", 8),
    ("a) == b", "')' has no matching '('", 1),
    ("a == b)", "')' has no matching '('", 6),
    ("a == )", "')' has no matching '('", 5),
    ("a == (b == c)", "a comparison cannot be inside parentheses", 8),
    ("sum(a == b) == 1", "a comparison cannot be inside a function call", 6),
    ("a ==", ENDS_EARLY, 4),
    ("a == b +", ENDS_EARLY, 8),
    ("a == b + ", ENDS_EARLY, 9),
    ("a == -", ENDS_EARLY, 6),
    ("== a", "unexpected '==': expected a fact id, a number or '('", 0),
    ("a == * b", "unexpected '*': expected a fact id, a number or '('", 5),
    ("a == ()", "unexpected ')': expected a fact id, a number or '('", 6),
    ("a == sum(b, -)", "unexpected ')': expected a fact id, a number or '('", 13),
    ("a == b ≤", "only one comparison is allowed", 7),
    ("a b == c", "unexpected 'b': expected an operator or a comparison", 2),
    ("a, b == c", "unexpected ',': expected an operator or a comparison", 1),
    ("a == b c", "unexpected 'c': expected an operator or the end of the check", 7),
    ("a == 2(b)", "unexpected '(': expected an operator or the end of the check", 6),
    ("a == 10km", "unexpected 'km': expected an operator or the end of the check", 7),
    ("a == 1e5", "unexpected 'e5': expected an operator or the end of the check", 6),
    ("(a b) == c", "unexpected 'b': expected an operator or ')'", 3),
    ("(a, b) == c", "unexpected ',': expected an operator or ')'", 2),
    ("sum(a b) == c", "unexpected 'b': expected an operator, ',' or ')'", 6),
]


@pytest.mark.parametrize(("text", "message", "column"), CHECK_ERRORS)
def test_check_errors(text: str, message: str, column: int) -> None:
    assert error_of(parse_check, text) == (message, column)


OPERAND_ERRORS = [
    ("", "the expression is empty", 0),
    ("a == b", "a single value cannot contain a comparison", 2),
    ("a b", "unexpected 'b': expected an operator or the end of the expression", 2),
    ("a +", ENDS_EARLY, 3),
    ("a $", "unexpected character '$'", 2),
]


@pytest.mark.parametrize(("text", "message", "column"), OPERAND_ERRORS)
def test_operand_errors(text: str, message: str, column: int) -> None:
    assert error_of(parse_operand, text) == (message, column)


def test_expression_error_is_a_value_error_that_pickles() -> None:
    error = ExpressionError("use '==' to compare", 2)
    assert isinstance(error, ValueError)
    assert str(error) == "use '==' to compare"
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.message, copy.column) == (error.message, error.column)


# --- limits ------------------------------------------------------------------------------------


def test_the_length_limit_is_checked_before_anything_else() -> None:
    text = "$" * (MAX_LENGTH + 1)
    assert error_of(parse_check, text) == (
        "the expression is 10001 characters long; the limit is 10000",
        0,
    )


def test_an_expression_of_exactly_the_length_limit_parses() -> None:
    text = "a == " + "b + " * ((MAX_LENGTH - 6) // 4) + "c"
    text += " " * (MAX_LENGTH - len(text))
    assert len(text) == MAX_LENGTH
    assert names_in(parse_check(text)) == ["a", "b", "c"]


NESTING: list[tuple[str, Callable[[int], str], int]] = [
    ("parentheses", lambda n: "(" * n + "a" + ")" * n + " == b", 1),
    ("minus signs", lambda n: "-" * n + "a == b", 1),
    ("plus signs", lambda n: "+" * n + "a == b", 1),
    ("calls", lambda n: "abs(" * n + "a" + ")" * n + " == b", 4),
    ("signs and parentheses", lambda n: "-(" * (n // 2) + "a" + ")" * (n // 2) + " == b", 1),
]


@pytest.mark.parametrize(("kind", "build", "width"), NESTING, ids=[n[0] for n in NESTING])
def test_nesting_up_to_the_limit_parses(kind: str, build: Callable[[int], str], width: int) -> None:
    parse_check(build(MAX_DEPTH))


@pytest.mark.parametrize(("kind", "build", "width"), NESTING, ids=[n[0] for n in NESTING])
def test_nesting_past_the_limit_is_an_error_at_the_first_level_too_many(
    kind: str, build: Callable[[int], str], width: int
) -> None:
    depth = MAX_DEPTH + 2 if kind == "signs and parentheses" else MAX_DEPTH + 1
    assert error_of(parse_check, build(depth)) == (TOO_DEEP, MAX_DEPTH * width)


@pytest.mark.parametrize("text", ["(" * MAX_LENGTH, "-" * MAX_LENGTH, "+" * MAX_LENGTH])
def test_ten_thousand_levels_are_a_depth_error_not_a_recursion_error(text: str) -> None:
    assert error_of(parse_check, text) == (TOO_DEEP, MAX_DEPTH)


def test_ten_thousand_calls_deep_are_a_depth_error() -> None:
    assert error_of(parse_check, "abs(" * 2500) == (TOO_DEEP, 4 * MAX_DEPTH)


@pytest.mark.parametrize(
    "text",
    [
        "a == " + "a + b * (" * MAX_DEPTH + "a" + ")" * MAX_DEPTH,
        "a == " + "a + b * abs(" * MAX_DEPTH + "a" + ")" * MAX_DEPTH,
        "a == " + "-" * MAX_DEPTH + "a",
        "a == " + "a + b * -(" * (MAX_DEPTH // 2) + "a" + ")" * (MAX_DEPTH // 2),
    ],
)
def test_the_deepest_expressions_need_few_stack_frames(text: str) -> None:
    with stack_headroom(400):
        check = parse_check(text)
        unparse(check)
        names_in(check)
    with stack_headroom(400), pytest.raises(ExpressionError):
        parse_check(text.replace("a == ", "a == (-", 1) + ")")


def test_long_flat_chains_parse_without_recursion() -> None:
    # Written without spaces: with them, 3,000 terms would pass the length limit.
    text = "+".join(["a"] * 3000) + "==b"
    check = parse_check(text)
    assert unparse(check) == " + ".join(["a"] * 3000) + " == b"
    assert names_in(check) == ["a", "b"]
    assert isinstance(check.left, Binary)
    assert check.left.column == len(text) - 5


@pytest.mark.parametrize("operator", ["+", "-", "*", "/", "−", "×", "÷"])
def test_long_chains_of_each_operator_parse_left_associated(operator: str) -> None:
    names = [chr(ord("a") + index % 26) for index in range(3000)]
    check = parse_check(operator.join(names) + ">=0")
    ascii_operator = parse_check(f"a{operator}b>=0").left
    assert isinstance(ascii_operator, Binary)
    assert unparse(check) == f" {ascii_operator.op} ".join(names) + " >= 0"
    assert names_in(check) == names[:26]
    node: Node = check.left
    for _ in range(2999):
        assert isinstance(node, Binary) and isinstance(node.right, Name)
        node = node.left
    assert node == Name("a", 0)


def test_long_mixed_chains_round_trip() -> None:
    text = " + ".join(["a * b / c - d"] * 600) + " == e"
    assert unparse(parse_check(text)) == text


def test_deep_hand_built_trees_walk_without_recursion() -> None:
    chain: Node = Name("a", 0)
    for _ in range(5000):
        chain = Binary("-", chain, Number("1", 0), 0)
    right: Node = Name("z", 0)
    for _ in range(5000):
        right = Binary("*", Name("y", 0), right, 0)
    negated: Node = Name("n", 0)
    for _ in range(5000):
        negated = Unary("-", negated, 0)
    check = Comparison("<", chain, Call("sum", (right, negated), 0), 0)
    text = unparse(check)
    assert text.startswith("a - 1 - 1") and text.endswith("-" * 5000 + "n)")
    assert text.count("(") == 4999 + 1
    assert names_in(check) == ["a", "y", "z", "n"]


# --- names_in ----------------------------------------------------------------------------------

NAMES = [
    ("sum(jinke, beifang, jinsheng, botong) <= 200户", ["jinke", "beifang", "jinsheng", "botong"]),
    ("a + b == a * c", ["a", "b", "c"]),
    ("max(b, a) == b + -c", ["b", "a", "c"]),
    ("1 == 2%", []),
]


@pytest.mark.parametrize(("text", "names"), NAMES)
def test_names_in(text: str, names: list[str]) -> None:
    assert names_in(parse_check(text)) == names


def test_names_in_a_single_node() -> None:
    assert names_in(Name("x", 0)) == ["x"]
    assert names_in(Number("1", 0)) == []


# --- properties --------------------------------------------------------------------------------

FACT_IDS = st.from_regex(r"[A-Za-z_\u4e00-\u9fa5][A-Za-z0-9_\u4e00-\u9fa5]{0,6}", fullmatch=True)
CONSTANTS = st.from_regex(
    r"(?:[0-9]{1,3}(?:,[0-9]{3}){0,2}|[0-9]{1,6}|[０-９]{1,3})(?:\.[0-9]{1,3})?"
    r"(?:%|％|‰|亿元|万美元|户|个百分点)?",
    fullmatch=True,
)
COMPARISONS = st.sampled_from(["==", "!=", "<", "<=", ">", ">="])


def trees(depth: int) -> st.SearchStrategy[Node]:
    leaves: st.SearchStrategy[Node] = st.one_of(
        st.builds(Name, FACT_IDS, st.just(0)), st.builds(Number, CONSTANTS, st.just(0))
    )
    if depth == 0:
        return leaves
    smaller = trees(depth - 1)
    return st.one_of(
        leaves,
        st.builds(Unary, st.just("-"), smaller, st.just(0)),
        st.builds(Binary, st.sampled_from("+-*/"), smaller, smaller, st.just(0)),
        st.builds(Call, st.just("abs"), st.tuples(smaller), st.just(0)),
        st.builds(
            Call, st.just("sum"), st.lists(smaller, min_size=1, max_size=3).map(tuple), st.just(0)
        ),
        st.builds(
            Call,
            st.sampled_from(["min", "max"]),
            st.lists(smaller, min_size=2, max_size=3).map(tuple),
            st.just(0),
        ),
    )


CHECKS = st.builds(Comparison, COMPARISONS, trees(4), trees(4), st.just(0))
EXPRESSION_CHARS = "ab_金12 ,.%亿户+-*/()=<>!×÷−≤≥≠\u3000sumaxin"
SPELLINGS = {
    "+": ("+",),
    "-": ("-", "−"),
    "*": ("*", "×"),
    "/": ("/", "÷"),
    "==": ("==",),
    "!=": ("!=", "≠"),
    "<": ("<",),
    "<=": ("<=", "≤"),
    ">": (">",),
    ">=": (">=", "≥"),
}


@given(CHECKS)
def test_unparse_then_parse_gives_the_same_tree(check: Comparison) -> None:
    assert without_columns(parse_check(unparse(check))) == check


@given(trees(4))
def test_unparse_then_parse_operand_gives_the_same_tree(node: Node) -> None:
    assert without_columns(parse_operand(unparse(node))) == node


# Whole tokens glued together, with or without spaces, parse far more often than random text.
SOUP_TOKENS = [
    *("a", "金科", "x1", "1", "0.5", "1,000", "10%", "230亿元"),
    *("+", "-", "−", "*", "×", "/", "÷", "(", ")", ","),
    *("sum(", "abs(", "max(", "min(", "==", "<=", "≤", "≠", ">"),
]
TOKEN_SOUP = st.lists(
    st.sampled_from(SOUP_TOKENS),
    max_size=20,
).flatmap(lambda parts: st.sampled_from(["", " ", "\u3000"]).map(lambda sep: sep.join(parts)))


@given(st.one_of(st.text(), st.text(alphabet=EXPRESSION_CHARS), TOKEN_SOUP))
def test_any_text_parses_or_raises_expression_error(text: str) -> None:
    for parse in (parse_check, parse_operand):
        try:
            tree = parse(text)
        except ExpressionError as error:
            assert 0 <= error.column <= len(text)
            continue
        assert without_columns(parse(unparse(tree))) == without_columns(tree)
        for node in all_nodes(tree):
            assert_column_points_at(node, text)


def assert_column_points_at(node: Node | Comparison, text: str) -> None:
    if isinstance(node, Name):
        assert text.startswith(node.name, node.column)
    elif isinstance(node, Number):
        assert text.startswith(node.text, node.column)
    elif isinstance(node, Call):
        assert text.startswith(node.function, node.column)
    elif isinstance(node, Unary):
        assert any(text.startswith(spelling, node.column) for spelling in SPELLINGS["-"])
    else:
        assert any(text.startswith(spelling, node.column) for spelling in SPELLINGS[node.op])


@given(CHECKS)
def test_names_in_lists_each_name_once_in_order(check: Comparison) -> None:
    expected = list(dict.fromkeys(all_names(check)))
    assert names_in(check) == expected
    assert names_in(parse_check(unparse(check))) == expected


SPACES = st.sampled_from(["", " ", "\u3000", "\n"])


@given(CHECKS, st.data())
def test_spacing_and_unicode_spellings_do_not_change_the_tree(
    check: Comparison, data: st.DataObject
) -> None:
    def respell(match: re.Match[str]) -> str:
        spelling = data.draw(st.sampled_from(SPELLINGS[match[1]]))
        before, after = data.draw(st.lists(SPACES, min_size=2, max_size=2))
        return f"{before}{spelling}{after}"

    text = re.sub(r" (==|!=|<=|>=|<|>|\+|-|\*|/) ", respell, unparse(check))
    parsed = parse_check(text)
    assert without_columns(parsed) == check
    for node in all_nodes(parsed):
        assert_column_points_at(node, text)


chain_terms = st.lists(
    st.tuples(st.sampled_from(["+", "-"]), st.sampled_from(["a", "b", "total_2", "7", "1.5亿元"])),
    min_size=1,
    max_size=12,
)


@given(st.sampled_from(["a", "x1", "3"]), chain_terms, st.booleans())
def test_a_chain_of_sums_is_written_as_the_general_walk_writes_it(
    first: str, terms: list[tuple[str, str]], as_claim: bool
) -> None:
    text = first + "".join(f"{op}{leaf}" for op, leaf in terms)
    expected = first + "".join(f" {op} {leaf}" for op, leaf in terms)
    names = {"a": "39项", "b": "51项"}
    printed = re.sub(r"(?<![\w.])(a|b)(?![\w])", lambda m: names[m.group(1)], expected)
    if as_claim:
        text, expected, printed = f"t=={text}", f"t == {expected}", f"t == {printed}"
        node: Node | Comparison = parse_check(text)
    else:
        node = parse_operand(text)
    assert unparse(node) == expected
    assert unparse(node, names) == printed

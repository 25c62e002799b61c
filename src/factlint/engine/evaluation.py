"""Evaluate a parsed expression over quantities, and decide a claim.

Evaluation is iterative (an explicit stack), so a long chain ``a + a + … + a`` of any
length never meets Python's recursion limit.
"""

from __future__ import annotations

from collections.abc import Callable

from factlint.engine.counting import can_hold, count_of
from factlint.numbers.intervals import ArithmeticLimit, DivisionByZeroInterval, Interval
from factlint.numbers.quantities import NeedsTolerance, Quantity, UnitMismatch, unit_text
from factlint.rules.expressions import (
    Binary,
    Call,
    Comparison,
    CountWhere,
    Name,
    Node,
    Number,
    Unary,
    children,
)


class CannotCheck(Exception):
    """A claim that cannot be decided, with the reason an editor reads."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


Resolver = Callable[[Node], Quantity]


def evaluate(node: Node, resolve: Resolver) -> Quantity:
    """The quantity an expression denotes; names and numbers come from ``resolve``.

    Raises CannotCheck for division by an interval containing zero, mixed units and
    results beyond the bounded decimal range.
    """
    if isinstance(node, Name | Number):
        return resolve(node)
    stack: list[tuple[Node, bool]] = [(node, False)]
    values: list[Quantity] = []
    while stack:
        current, children_done = stack.pop()
        if isinstance(current, Name | Number):
            values.append(resolve(current))
            continue
        if not children_done:
            stack.append((current, True))
            stack.extend((child, False) for child in reversed(children(current)))
            continue
        arity = len(children(current))
        operands = values[len(values) - arity :]
        del values[len(values) - arity :]
        values.append(_apply(current, operands))
    return values[0]


def _apply(node: Node, operands: list[Quantity]) -> Quantity:
    try:
        if isinstance(node, Unary):
            return -operands[0]
        if isinstance(node, Binary):
            return _binary(node.op, operands[0], operands[1])
        if isinstance(node, Call):
            return _call(node.function, operands)
        if isinstance(node, CountWhere):
            return count_of(operands[:-1], node.op, operands[-1])
    except DivisionByZeroInterval:
        raise CannotCheck("the divisor could be zero, so the quotient is unbounded") from None
    except UnitMismatch as exc:
        raise CannotCheck(f"mixed units: {exc}") from None
    except ArithmeticLimit as exc:
        raise CannotCheck(str(exc)) from None
    raise AssertionError(f"unexpected node {node!r}")


def _binary(op: str, left: Quantity, right: Quantity) -> Quantity:
    if op == "+":
        return left + right
    if op == "-":
        return left - right
    if op == "*":
        return left * right
    return left / right


def _call(function: str, args: list[Quantity]) -> Quantity:
    if function == "abs":
        return abs(args[0])
    result = args[0]
    for arg in args[1:]:
        if function == "sum":
            result = result + arg
        elif function == "min":
            result = result.minimum(arg)
        else:
            result = result.maximum(arg)
    return result


def decide(
    claim: Comparison, left: Quantity, right: Quantity, slack: Interval | None = None
) -> bool:
    """Whether the claim can hold for some true values of both sides.

    ``slack`` (a tolerance, centred on zero) widens the right-hand side first.
    """
    if left.unit != right.unit:
        units = f"{unit_text(left.unit)} and {unit_text(right.unit)}"
        raise CannotCheck(f"the two sides have different units ({units})")
    a = left.interval
    b = right.interval if slack is None else right.interval + slack
    return can_hold(a, claim.op, b)


__all__ = ["CannotCheck", "NeedsTolerance", "decide", "evaluate"]

"""Counts and extremes over intervals: how many items meet a condition, which can be highest.

A printed figure stands for an interval of true values, so an item meets ``x < 15%`` surely
(every value in its interval does), surely not (none does) or either way (its interval
straddles 15%). Items are independent facts, so the counts the true values can give are
every whole number from the sure count to the sure count plus the undecided ones: a
``count`` claim holds when the stated count is one of them (docs/design.md §5).

>>> from decimal import Decimal as D
>>> twelve, fifteen = Interval(D("11.5"), D("12.5")), Interval(D("14.5"), D("15.5"))
>>> meets(twelve, "<", Interval.point(D(15))), meets(fifteen, "<", Interval.point(D(15)))
('yes', 'maybe')
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Literal

from factlint.numbers.intervals import Interval
from factlint.numbers.quantities import DIMENSIONLESS, Quantity, Unit, UnitMismatch, unit_text
from factlint.records import dataclass
from factlint.rules.expressions import Call, Comparison, CountWhere, Node

Verdict = Literal["yes", "no", "maybe"]

_NEGATION = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "=="}


def can_hold(a: Interval, op: str, b: Interval) -> bool:
    """Some x in ``a`` and y in ``b`` with ``x op y``."""
    if op == "==":
        return a.intersects(b)
    if op == "!=":
        return not (a.is_point and b.is_point and a.lo == b.lo)
    if op in ("<", "<="):
        return _can_be_below(a, b, strict=op == "<")
    return _can_be_below(b, a, strict=op == ">")


def _can_be_below(a: Interval, b: Interval, *, strict: bool) -> bool:
    if a.lo is None or b.hi is None:
        return True
    if a.lo < b.hi:
        return True
    return not strict and a.lo == b.hi and a.lo_closed and b.hi_closed


def meets(item: Interval, op: str, bound: Interval) -> Verdict:
    """Whether every value of ``item`` meets ``op bound`` ("yes"), none does ("no"), or
    some do and some do not ("maybe")."""
    if not can_hold(item, op, bound):
        return "no"
    return "maybe" if can_hold(item, _NEGATION[op], bound) else "yes"


def count_of(items: Sequence[Quantity], op: str, bound: Quantity) -> Quantity:
    """The counts the true values can give: [sure, sure + undecided], a pure number."""
    for item in items:
        if item.unit != bound.unit:
            raise UnitMismatch(
                f"an item in {_unit_words(item.unit)} is counted against a bound in "
                f"{_unit_words(bound.unit)}"
            )
    verdicts = [meets(item.interval, op, bound.interval) for item in items]
    sure = verdicts.count("yes")
    return Quantity(Interval(Decimal(sure), Decimal(sure + verdicts.count("maybe"))), DIMENSIONLESS)


def _unit_words(unit: Unit) -> str:
    return unit_text(unit) if unit else "pure numbers"


@dataclass(frozen=True)
class Item:
    """One listed fact, as a finding shows it."""

    name: str
    figure: str
    quantity: Quantity

    def __str__(self) -> str:
        return f"{self.name} {self.figure}" if self.name else self.figure


def _listed(items: Sequence[Item]) -> str:
    return ", ".join(map(str, items))


def explain_count(stated: str, items: Sequence[Item], op: str, bound: Item) -> str:
    """Why a stated count cannot be right: the items surely in, surely out and undecided."""
    groups: dict[Verdict, list[Item]] = {"yes": [], "no": [], "maybe": []}
    for item in items:
        groups[meets(item.quantity.interval, op, bound.quantity.interval)].append(item)
    sure, maybe = len(groups["yes"]), len(groups["maybe"])
    condition = f"{op} {bound.figure}"
    parts = [f"{sure} surely {'is' if sure == 1 else 'are'} ({_listed(groups['yes'])})"]
    if groups["no"]:
        parts.append(f"{len(groups['no'])} surely not ({_listed(groups['no'])})")
    if maybe:
        parts.append(f"{maybe} may go either way ({_listed(groups['maybe'])})")
    parts[0] = parts[0].replace(" ()", "")
    possible = str(sure) if not maybe else f"between {sure} and {sure + maybe}"
    return (
        f"the report says {stated} of these {len(items)} are {condition}, but "
        f"{'; '.join(parts)}: the count is {possible}"
    )


def explain_extreme(which: str, chosen: Item, others: Sequence[Item]) -> str:
    """Why ``chosen`` cannot be the highest (``which`` "highest") or lowest of the list:
    the items beyond it whatever the rounding, and those that may be."""
    op = ">=" if which == "highest" else "<="
    beyond = "above" if which == "highest" else "below"
    surely = [o for o in others if not can_hold(chosen.quantity.interval, op, o.quantity.interval)]
    text = (
        f"{chosen} cannot be the {which} of these {len(others) + 1}: "
        f"{_listed(surely)} {'is' if len(surely) == 1 else 'are'} {beyond} it "
        "for every value the printed figures can stand for"
    )
    return text


def explanation(kind: str, claim: Comparison, item_of: Callable[[Node], Item]) -> str | None:
    """The words for a failed ``count``, ``highest`` or ``lowest`` claim; None for others."""
    if isinstance(claim.right, CountWhere):
        counted = claim.right
        stated = item_of(claim.left).figure
        items = [item_of(node) for node in counted.items]
        return explain_count(stated, items, counted.op, item_of(counted.bound))
    if kind in ("highest", "lowest"):
        right = claim.right
        others = right.args if isinstance(right, Call) else (right,)
        return explain_extreme(kind, item_of(claim.left), [item_of(o) for o in others])
    return None

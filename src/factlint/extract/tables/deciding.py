"""Deciding a table's relations row by row: how a row's printed figures meet a formula
under rounding to nearest and under truncation (docs/design.md §3), the relation with the
rows' verdicts, and when the rows agree enough for the table to assert it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from factlint.engine.counting import can_hold
from factlint.extract.tables.model import Cell, Row, Table
from factlint.numbers.figures import Figure
from factlint.numbers.intervals import ArithmeticLimit, DivisionByZeroInterval, Interval
from factlint.numbers.quantities import NeedsTolerance, interval_of

MIN_SUPPORT = 3
AGREEMENT = Decimal("0.6")
EQUAL_AGREEMENT = Decimal("0.75")
_ONE = Interval.point(Decimal(1))
_TELLING = 10  # a sum's total counts as support when printed with two digits or more
_ONE_SLIP_IN = 10  # rows per row that may break a relation the others agree on

# a percent column of each row's part over one whole: a part of zero fits every whole
_SHARES_OF_ONE_WHOLE = ("share-of-sum", "structure", "share-of-stated")

Verdict = Literal["both", "nearest", "truncate", "fails"]
Habit = Literal["nearest", "truncate", "mixed"]


@dataclass(frozen=True)
class RowCheck:
    """One row (or, for a total row, one column) checked against the relation."""

    row: Row
    stated: Cell
    inputs: tuple[Cell, ...]
    verdict: Verdict


@dataclass(frozen=True)
class TableRelation:
    """A relation the table asserts, and how each row meets it.

    ``kind`` is ``share``, ``growth``, ``sum`` (a total column), ``difference``,
    ``total-row``, ``subtotal`` (a row over the rows printed under it), ``lines-total`` (a
    statement's total line over the lines above it, ``statements``), ``structure`` (a
    percent column of each row over the total row), ``share-of-sum`` (over the column's
    sum, when no row is the total), ``share-of-stated`` (over a figure printed near the
    table, named in ``scope``), and the sums of the parts of one whole (``parts``):
    ``parts-sum`` (the shares add up to 100), ``parts-at-most`` (to 100 at most) and
    ``parts-count`` (the counts add up to the whole at most).
    ``transposed``: the table was read with its rows as columns (a statement whose rows
    are line items and whose columns are periods)."""

    table: Table
    kind: str
    target: int
    operands: tuple[int, ...]
    checks: tuple[RowCheck, ...]
    total_row: Row | None = None
    transposed: bool = False
    scope: str = ""
    """For a total row checked against one group of rows, the group's heading."""
    named: bool = False
    """Asserted by a header's words (``named``), not by the rows' agreement."""
    rounding: str = ""
    """The rounding habit of the table's other relations of this kind, when the table's
    habit rather than this relation's own rows decides it (``named``); "" for its own."""

    @property
    def checked(self) -> int:
        return len(self.checks)

    @property
    def habit(self) -> Habit:
        verdicts = {check.verdict for check in self.checks}
        if "nearest" in verdicts and "truncate" in verdicts:
            return "mixed"
        return "truncate" if "truncate" in verdicts else "nearest"

    @property
    def support(self) -> int:
        """Rows that hold in the table's habit (in a mixed table, in either) and say
        something: a total printed with two digits or more (12 = 11 + 1 is easily a
        coincidence; 1,204 = 1,000 + 204 is not)."""
        return sum(
            check.verdict != "fails" and telling(check) and self._not_degenerate(check)
            for check in self.checks
        )

    def _not_degenerate(self, check: RowCheck) -> bool:
        """A sum whose parts are all zero but one is that part printed again (57 = 57 + 0,
        57 = 57 − 0): it holds whatever the relation, so it supports none. Two columns
        both printing zero (a party that did not stand, 0.0% and 0.0%) are not one
        quantity printed twice: that row supports no equality either."""
        if self.kind == "equal":
            return bool(check.stated.figure.number) or any(c.figure.number for c in check.inputs)
        if self.kind in _SHARES_OF_ONE_WHOLE:
            return bool(check.inputs[0].figure.number)  # 0 of any whole is 0%
        if self.kind not in ("sum", "difference"):
            return True
        return sum(bool(cell.figure.number) for cell in check.inputs) >= 2

    def failing(self) -> list[RowCheck]:
        return [check for check in self.checks if check.verdict == "fails"]

    def describe(self) -> str:
        """The relation in the table's own words: ``% under 18 = Under 18 / Caught``."""
        if self.kind == "growth-block":
            return "each row is the growth of its row in the table above"
        name = [self._name(i) for i in range(len(self.table.columns))]
        target = name[self.target]
        parts = [name[i] for i in self.operands]
        if self.kind == "share":
            return f"{target} = {parts[0]} / {parts[1]}"
        if self.kind == "growth":
            return f"{target} = {parts[0]} / {parts[1]} − 1"
        if self.kind == "sum":
            return f"{target} = {' + '.join(parts)}"
        if self.kind == "difference":
            return f"{target} = {parts[0]} − {parts[1]}"
        if self.kind == "ratio":
            numerator = " + ".join(parts[:-1])
            numerator = f"({numerator})" if len(parts) > 2 else numerator
            hundred = any(c.stated.figure.kind == "number" for c in self.checks)
            return f"{target} = {numerator} / {parts[-1]}" + (" × 100" if hundred else "")
        if self.kind == "share-of-sum":
            return f"{target} = {parts[0]} / the sum of {parts[0]}"
        if self.kind == "within":
            return f"{target} ≥ {parts[0]}"
        if self.kind == "share-of-stated":
            return f"{target} = {parts[0]} / {self.scope}"
        what = "each row's percents" if self.target < 0 else f"the {target} of the rows"
        if self.target >= 0 and not self.table.columns[self.target].header:
            what = "the shares of the rows"
        if self.kind == "parts-sum":
            return f"{what} add up to 100"
        if self.kind == "parts-at-most":
            return f"{what} add up to 100 at most"
        if self.kind == "parts-count":
            whole = self.total_row.label.strip() if self.total_row else self.scope
            return f"the {target} of the rows add up to {whole} at most"
        if self.kind == "equal":
            return f"{target} = {parts[0]}"
        if self.kind == "period-growth":
            return f"{target} = {parts[0]} / {parts[0]} of the period before − 1"
        if self.kind == "period-difference":
            return f"{target} = {parts[0]} − {parts[0]} of the period before"
        assert self.total_row is not None
        total = self.total_row.label.strip()
        if self.kind == "subtotal":
            return f"{total} = the sum of the rows under it"
        if self.kind == "lines-total":
            return f"{total} = the sum of the lines {self.scope}"
        if self.scope:
            return f"{total} = the sum of the rows under {self.scope}"
        if self.kind == "structure":
            return f"{target} = {parts[0]} / {parts[0]} of {self.total_row.label}"
        return f"{self.total_row.label} = the sum of the other rows"

    def _name(self, index: int) -> str:
        return self.table.columns[index].header or f"column {index + 1}"


# ----------------------------------------------------------------------------- deciding


def interval(cell: Cell, mode: str) -> Interval | None:
    return _interval(cell.figure, mode, cell.exact)


@lru_cache(maxsize=1 << 14)
def _interval(figure: Figure, mode: str, exact: bool) -> Interval | None:
    """A cell's interval, computed once for the many relations tried on a table (values
    are frozen: equal figures stand for the same interval)."""
    try:
        return interval_of(figure, mode, exact=exact)
    except NeedsTolerance:
        return None


Formula = Callable[[Sequence[Interval]], Interval]


def decide(
    stated: Cell, inputs: Sequence[Cell], formula: Formula, op: str = "=="
) -> Verdict | None:
    """How the stated cell meets the formula over the inputs (``stated op formula``), per
    rounding mode; None when it cannot be decided (a zero divisor, a qualifier)."""
    holds: dict[str, bool] = {}
    for mode in ("nearest", "truncate"):
        said = interval(stated, mode)
        values = [interval(cell, mode) for cell in inputs]
        if said is None or any(v is None for v in values):
            return None
        try:
            computed = formula(values)  # type: ignore[arg-type]
        except (DivisionByZeroInterval, ArithmeticLimit, ArithmeticError):
            return None
        holds[mode] = can_hold(said, op, computed)
    if holds["nearest"] and holds["truncate"]:
        return "both"
    if holds["nearest"]:
        return "nearest"
    return "truncate" if holds["truncate"] else "fails"


def checked_rows(
    table: Table,
    kind: str,
    target: int,
    operands: tuple[int, ...],
    formula: Formula,
    op: str = "==",
    *,
    skip: Callable[[Row], bool] | None = None,
    named: bool = False,
) -> TableRelation:
    """``target op formula(operands)`` decided in every row that prints all its cells (bar
    the rows ``skip`` leaves out); ``named`` when the table's words name the relation."""
    checks = []
    for row in table.rows:
        stated = row.cells[target]
        inputs = [row.cells[i] for i in operands]
        if stated is None or any(cell is None for cell in inputs):
            continue
        if skip is not None and skip(row):
            continue
        verdict = decide(stated, inputs, formula, op)  # type: ignore[arg-type]
        if verdict is not None:
            checks.append(RowCheck(row, stated, tuple(inputs), verdict))  # type: ignore[arg-type]
    return TableRelation(table, kind, target, operands, tuple(checks), named=named)


def telling(check: RowCheck) -> bool:
    figure = check.stated.figure
    if figure.kind == "percent" or not figure.number:
        return figure.kind == "percent"
    return abs(figure.number) >= _TELLING * figure.unit_in_last_place() / figure.scale


def share_of(values: Sequence[Interval]) -> Interval:
    return values[0] / values[1]


def growth_of(values: Sequence[Interval]) -> Interval:
    return values[0] / values[1] - _ONE


def difference_of(values: Sequence[Interval]) -> Interval:
    return values[0] - values[1]


def sum_of(values: Sequence[Interval]) -> Interval:
    total = values[0]
    for value in values[1:]:
        total = total + value
    return total


def asserted(relation: TableRelation) -> bool:
    # A total row is asserted by its columns: two are enough when both agree.
    if (
        relation.kind == "total-row"
        and relation.checked >= 2
        and (relation.support == relation.checked)
    ):
        return True
    if relation.support < MIN_SUPPORT or not few_failing(relation):
        return False
    return Decimal(relation.support) >= AGREEMENT * relation.checked


def few_failing(relation: TableRelation) -> bool:
    """Whether the rows that break the relation are as few as slips are: one, or one in
    ten rows. Two columns that differ in many rows (granted and offered, 78 and 79, 55
    and 57) are two quantities that often coincide, not one relation with many errors. A
    total row breaking it too is not counted: a slip in a part carries into its total."""
    slips = [check for check in relation.failing() if not check.row.is_total()]
    return len(slips) <= max(1, relation.checked // _ONE_SLIP_IN)


def first_of(values: Sequence[Interval]) -> Interval:
    return values[0]

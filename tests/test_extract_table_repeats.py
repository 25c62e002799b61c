"""A prose figure that repeats a table cell (tables/placing.py, ``repeated_cell``): it must
be the cell printed again, rounded or with one slip — not another figure of a row of the same
label that happens to be within a tenth of it."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from factlint.extract.tables.placing import _slip_of
from scanning import scan_findings

TABLE = (
    "Spending by service\n"
    "Service        Budget   Spent\n"
    "Libraries       4,120   3,870\n"
    "Parks           2,940   2,610\n"
    "Sub total       7,060   6,480\n"
    "\n"
)


def test_a_repeat_with_one_digit_slipped_is_checked_against_its_cell() -> None:
    found = scan_findings(TABLE + "The sub total spent was 6,490 by March.\n")
    assert ("mentions-agree", "error") in found


def test_a_repeat_with_two_digits_swapped_is_checked_against_its_cell() -> None:
    found = scan_findings(TABLE + "The sub total spent was 6,840 by March.\n")
    assert ("mentions-agree", "error") in found


def test_a_figure_of_the_same_label_that_differs_in_every_digit_is_not_a_repeat() -> None:
    # 6,119 is within a tenth of the 6,480 spent, but no slip turns one into the other
    found = scan_findings(TABLE + "The sub total for staff was 6,119 by March.\n")
    assert ("mentions-agree", "error") not in found


def test_a_faithful_repeat_raises_nothing() -> None:
    assert scan_findings(TABLE + "The sub total spent was 6,480 by March.\n") == []


@given(
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal(10**9), places=2),
    st.integers(min_value=-2, max_value=3),
)
def test_the_cell_rounded_to_any_precision_is_a_repeat(cell: Decimal, exponent: int) -> None:
    printed = cell.quantize(Decimal(1).scaleb(exponent))
    assert _slip_of(cell, printed)


@given(st.integers(min_value=1000, max_value=10**9), st.data())
def test_one_digit_changed_is_a_slip_and_every_digit_changed_is_not(
    cell: int, data: st.DataObject
) -> None:
    digits = str(cell)
    at = data.draw(st.integers(min_value=1, max_value=len(digits) - 1))
    other = data.draw(st.sampled_from([d for d in "0123456789" if d != digits[at]]))
    assert _slip_of(Decimal(cell), Decimal(digits[:at] + other + digits[at + 1 :]))
    every = "".join(str((int(d) + 5) % 10) for d in digits[1:])
    assert not _slip_of(Decimal(cell), Decimal(str(int(digits[0]) % 9 + 1) + every))

"""A change stated in English read as roles (``detectors/english_growths.py``): the new
level, the change, its rate and the old level, whichever the sentence prints and in
whatever order. Sentences written for these tests (budgets, earnings, news, answers);
each consistent one holds, each inconsistent one is an asserted error, and near misses
bind nothing."""

from __future__ import annotations

import pytest

from factlint.extract.discover import EXCEEDS, HOLDS, MISMATCH, OFF_BY_ONE, TRUNCATION, discover
from factlint.extract.pipeline import extract_text

_CHANGES = ("growth", "growth-from-increase", "growth-on-base", "difference", "change-within-level")


def asserted(text: str) -> list[tuple[str, str, str]]:
    """(kind, status, stated figure) of each asserted change relation."""
    return sorted(
        (r.kind, r.status, r.stated)
        for r in discover(extract_text(text))
        if r.is_asserted and r.kind in _CHANGES
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the level in apposition before the change and its rate
        (
            "The Band D charge will be £310.50, an increase of £9.00 or 2.99% on this year.",
            [("growth-from-increase", HOLDS, "2.99%")],
        ),
        (
            "The Band D charge will be £310.50, an increase of £9.00 or 3.5% on this year.",
            [("growth-from-increase", MISMATCH, "3.5%")],
        ),
        # 9.05 / 301.45 = 3.0021%: printed 3.00 only if truncated... and 2.99 never
        (
            "A Band D charge of £240.40 for the parish, an increase of £7.00 or 2.99% from "
            "last year.",
            [("growth-from-increase", TRUNCATION, "2.99%")],
        ),
        (
            "Membership stood at 5,460 people (a rise of 460/9.2 per cent) by December.",
            [("growth-from-increase", HOLDS, "9.2 per cent")],
        ),
        (
            "Exports reached €8.4bn, a €0.9bn increase on the year before, or 12 percent.",
            [("growth-from-increase", HOLDS, "12 percent")],
        ),
        (
            "Exports reached €8.4bn, a €0.9bn increase on the year before, or 15 percent.",
            [("growth-from-increase", MISMATCH, "15 percent")],
        ),
    ],
)
def test_a_change_and_its_rate_after_the_new_level(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Group revenue was $29 million, up $5 million from $24 million.",
            [("difference", HOLDS, "$5 million")],
        ),
        (
            "Group revenue was $29 million, up $9 million from $24 million.",
            [("difference", MISMATCH, "$9 million")],
        ),
        # the level compared with is the old one; the first is the new
        (
            "Net income was $30.2 million in the quarter, compared with $25.0 million, an "
            "increase of $3.2 million.",
            [("difference", MISMATCH, "$3.2 million")],
        ),
        (
            "Net income was $30.2 million in the quarter, compared with $25.0 million, an "
            "increase of $5.2 million.",
            [("difference", HOLDS, "$5.2 million")],
        ),
        # from A to B, then the change
        (
            "Waiting lists grew from 41,200 to 45,800 – an increase of 4,600 in a year.",
            [("difference", HOLDS, "4,600")],
        ),
        (
            "Waiting lists grew from 41,200 to 45,800 – an increase of 6,400 in a year.",
            [("difference", MISMATCH, "6,400")],
        ),
    ],
)
def test_a_change_between_two_levels_in_any_order(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Operating costs fell by $5m, or 20%, from $25m.",
            [("growth-on-base", HOLDS, "20%")],
        ),
        (
            "Operating costs fell by $5m, or 25%, from $25m.",
            [("growth-on-base", MISMATCH, "25%")],
        ),
        (
            "Visitor numbers rose by 3,000, or 15 per cent, on the previous year's 20,000.",
            [("growth-on-base", HOLDS, "15 per cent")],
        ),
        (
            "Visitor numbers rose by 3,000, or 13 per cent, on the previous year's 20,000.",
            [("growth-on-base", MISMATCH, "13 per cent")],
        ),
    ],
)
def test_a_change_and_its_rate_on_the_old_level(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert asserted(text) == expected


def test_a_count_cannot_rise_by_more_than_it_now_stands_at() -> None:
    text = "Police recorded 640 arson attacks last year, an increase of 1,210 on the year before."
    assert asserted(text) == [("change-within-level", EXCEEDS, "1,210")]
    fine = "Police recorded 640 arson attacks last year, an increase of 121 on the year before."
    assert asserted(fine) == [("change-within-level", HOLDS, "121")]
    # a fall leaves any count possible before it
    fell = "Police recorded 640 arson attacks last year, a decrease of 1,210 on the year before."
    assert asserted(fell) == []


def test_a_level_named_by_the_subject_in_the_sentence_before() -> None:
    before = "The council has set a budget of £48,400 with a precept of £31,650. "
    holds = before + "The precept means an increase of £1,650, which is a 5.5% rise."
    fails = before + "The precept means an increase of £1,650, which is a 6.8% rise."
    assert asserted(holds) == [("growth-from-increase", HOLDS, "5.5%")]
    assert asserted(fails) == [("growth-from-increase", MISMATCH, "6.8%")]
    # 1,650 / 31,650 = 5.2%: the level may be last year's, read on the reading that holds
    as_old = before + "The precept means an increase of £1,650, which is a 5.2% rise."
    assert asserted(as_old) == [("growth-from-increase", HOLDS, "5.2%")]


@pytest.mark.parametrize(
    "text",
    [
        # another period named in the subject: its level is not the one printed before
        "Spending rose by $259.0 billion to a level of $19,509.0 billion. In the second "
        "quarter, spending increased 4.1 percent, or $192.3 billion.",
        # growth at an annual rate is no change over the level
        "GDP grew 5.5 percent at an annual rate, or $259.0 billion, to a level of $19,509.0 "
        "billion.",
        # a subject that shares no word with the level before
        "The council has set a precept of £31,650. Costs mean an increase of £1,650, which is "
        "a 9.9% rise.",
        # another noun phrase with its own verb between the level and the change
        "Revenue was $29 million and costs rose by $9 million, or 31%.",
        # a period's two ends are no levels
        "This is an increase of 1.95% on the 16/17 total Band D of £1,088.66.",
    ],
)
def test_near_misses_bind_nothing(text: str) -> None:
    assert [r for r in asserted(text) if r[1] != HOLDS] == []


def test_a_difference_off_by_one_in_the_last_digit_is_still_an_error() -> None:
    found = asserted("Sales were £12.4m, up £1.4m from £11.2m.")
    assert found == [("difference", OFF_BY_ONE, "£1.4m")]


def test_a_change_in_brackets_ends_at_its_bracket() -> None:
    assert asserted("Orders were 39 (up 5.5%) against 51 a year ago.") == []
    # inside the bracket, the change and its rate are one statement
    text = "The average charge is £43.46 (an increase of £2.60/6.35%) for the year."
    assert asserted(text) == [("growth-from-increase", HOLDS, "6.35%")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A further 120 homes were approved in May, bringing the overall figure to 860 "
            "from 740.",
            [("difference", HOLDS, "120")],
        ),
        (
            "A further 120 homes were approved in May, bringing the overall figure to 880 "
            "from 740.",
            [("difference", MISMATCH, "120")],
        ),
        (
            "The grant adds $3.5m, taking the total to $23.5m from $20.0m.",
            [("difference", HOLDS, "$3.5m")],
        ),
        (
            "The grant adds $3.5m, taking the total to $24.5m from $20.0m.",
            [("difference", MISMATCH, "$3.5m")],
        ),
    ],
)
def test_a_further_amount_taking_the_total_to_a_new_level(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Unemployment rose 0.3 percentage points to 4.2%, from 3.9%.",
            [("difference", HOLDS, "0.3 percentage points")],
        ),
        (
            "Unemployment rose 0.6 percentage points to 4.2%, from 3.9%.",
            [("difference", MISMATCH, "0.6 percentage points")],
        ),
        (
            "Support for the plan fell five points to 38% from 43%.",
            [("difference", HOLDS, "-five points")],
        ),
        (
            "Labour's share was 41 per cent, up 3 points from 38 per cent.",
            [("difference", HOLDS, "3 points")],
        ),
        (
            "Labour's share was 41 per cent, up 7 points from 38 per cent.",
            [("difference", MISMATCH, "7 points")],
        ),
    ],
)
def test_a_change_in_points_between_two_percents(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert asserted(text) == expected


def test_a_change_in_points_binds_no_amount_as_its_level() -> None:
    assert asserted("Turnout fell 4 points to 12,400 voters from 15,100.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Council tax for Band D will be £1,850.50 in 2024/25, an increase of £87.95 or 4.99%.",
            [("growth-from-increase", HOLDS, "4.99%")],
        ),
        (
            "Council tax for Band D will be £1,850.50 in 2024/25, an increase of £87.95 or 5.99%.",
            [("growth-from-increase", MISMATCH, "5.99%")],
        ),
    ],
)
def test_a_period_between_the_level_and_its_change_is_no_level(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Applications rose to 12,400 in 2023, up from 10,100 in 2022, an increase of 23 per "
            "cent.",
            [("growth", HOLDS, "23 per cent")],
        ),
        (
            "Applications rose to 12,400 in 2023, up from 10,100 in 2022, an increase of 28 per "
            "cent.",
            [("growth", MISMATCH, "28 per cent")],
        ),
        (
            "Rough sleeping fell by 245 to 3,069, a decrease of 7% on the previous year.",
            [("growth-from-increase", HOLDS, "-7%")],
        ),
        (
            "Rough sleeping fell by 245 to 3,069, a decrease of 9% on the previous year.",
            [("growth-from-increase", MISMATCH, "-9%")],
        ),
        # "up to" is a bound, not a level reached
        ("Fares could rise by up to 5% to £2.10 from £2.00.", []),
    ],
)
def test_a_level_reached_and_the_change_restated_after_the_levels(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert asserted(text) == expected

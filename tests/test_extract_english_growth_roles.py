"""Roles of a change statement read from the words before each figure
(``detectors/english_growths.py``), in the wordings annual reports and news use beyond
"rose X% from A to B": the prior year in brackets ("£86m (2023: £100m)"), a period between
the change and its levels ("year on year, to …", "between 2019 and 2024, from …"), a
comparison ("12 per cent more than the …", "lower than last year's …", "That was 4% higher
than …") and "to A from B". Sentences written for these tests; each consistent one holds,
each slip is an asserted error, and what the words do not tie binds nothing."""

from __future__ import annotations

import pytest

from factlint.extract.discover import HOLDS, MISMATCH, discover
from factlint.extract.pipeline import extract_text

_CHANGES = ("growth", "growth-from-increase", "growth-on-base", "difference", "change-within-level")


def asserted(text: str) -> list[tuple[str, str, str]]:
    return sorted(
        (r.kind, r.status, r.stated)
        for r in discover(extract_text(text))
        if r.is_asserted and r.kind in _CHANGES
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the prior period in brackets after the new level
        ("Gross margin rose 25% to $45m (2022: $36m).", [("growth", HOLDS, "25%")]),
        ("Gross margin rose 15% to $45m (2022: $36m).", [("growth", MISMATCH, "15%")]),
        (
            "Donations fell by £300k to £1.2m (prior year: £1.5m).",
            [("difference", HOLDS, "-£300k")],
        ),
        (
            "Donations fell by £600k to £1.2m (prior year: £1.5m).",
            [("difference", MISMATCH, "-£600k")],
        ),
        # the level and its bracket before the change
        ("Rental income: €7.7m (2021/22: €7.0m), up 10%.", [("growth", HOLDS, "10%")]),
        ("Rental income: €7.7m (2021/22: €7.0m), up 15%.", [("growth", MISMATCH, "15%")]),
        # a period between the change and its levels
        (
            "Fares went up 4 percent year-on-year, to 520 from 500.",
            [("growth", HOLDS, "4 percent")],
        ),
        (
            "Fares went up 6 percent year-on-year, to 520 from 500.",
            [("growth", MISMATCH, "6 percent")],
        ),
        (
            "Output rose 50% between 2010 and 2020, from 80 tonnes to 120 tonnes.",
            [("growth", HOLDS, "50%")],
        ),
        (
            "Output rose 20% between 2010 and 2020, from 80 tonnes to 120 tonnes.",
            [("growth", MISMATCH, "20%")],
        ),
        ("Rents climbed 10% over the period, from £900 to £990.", [("growth", HOLDS, "10%")]),
        ("Rents climbed 7% over the period, from £900 to £990.", [("growth", MISMATCH, "7%")]),
    ],
)
def test_prior_brackets_and_periods_between(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Exports hit 660 tonnes, 10 per cent more than the 600 tonnes of 2021.",
            [("growth", HOLDS, "10 per cent")],
        ),
        (
            "Exports hit 660 tonnes, 12 per cent more than the 600 tonnes of 2021.",
            [("growth", MISMATCH, "12 per cent")],
        ),
        (
            "Ridership, at 450,000, was 10% lower than last year's 500,000.",
            [("growth", HOLDS, "10%")],
        ),
        (
            "Ridership, at 450,000, was 5% lower than last year's 500,000.",
            [("growth", MISMATCH, "5%")],
        ),
        (
            "Prices averaged £210 in May. That was 5% higher than the £200 a year before.",
            [("growth", HOLDS, "5%")],
        ),
        (
            "Prices averaged £210 in May. That was 8% higher than the £200 a year before.",
            [("growth", MISMATCH, "8%")],
        ),
        (
            "At 450,000, ridership was 10% lower than last year's 500,000.",
            [("growth", HOLDS, "10%")],
        ),
        (
            "At 450,000, ridership was 5% lower than last year's 500,000.",
            [("growth", MISMATCH, "5%")],
        ),
        (
            "Fees were £4,400, 10% up on the year before (£4,000).",
            [("growth", HOLDS, "10%")],
        ),
        (
            "Fees were £4,400, 4% up on the year before (£4,000).",
            [("growth", MISMATCH, "4%")],
        ),
    ],
)
def test_a_change_stated_as_a_comparison(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The rate rose to 12.5% from 11.0%, an increase of 1.5 percentage points.",
            [("difference", HOLDS, "1.5 percentage points")],
        ),
        (
            "The rate rose to 12.5% from 11.0%, an increase of 2.5 percentage points.",
            [("difference", MISMATCH, "2.5 percentage points")],
        ),
        (
            "Sales fell to $40.0m in 2024 from $50.0m in 2023, a decrease of 20%.",
            [("growth", HOLDS, "-20%")],
        ),
        (
            "Sales fell to $40.0m in 2024 from $50.0m in 2023, a decrease of 25%.",
            [("growth", MISMATCH, "-25%")],
        ),
        # a comparison with no level after it: the level and its prior year in brackets before
        ("Net assets of £84.0m (2023: £80.0m) were 5% higher.", [("growth", HOLDS, "5%")]),
        ("Net assets of £84.0m (2023: £80.0m) were 9% higher.", [("growth", MISMATCH, "9%")]),
    ],
)
def test_to_a_level_from_another(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the bracket after a rate is the rate of the year before, no level
        "Sales rose 8% (2022: 6%) to £50m.",
        # two sentences before "That was": no one level it points at
        "Prices averaged £210 in May and £190 in June. That was "
        "5% higher than the £200 a year before.",
        # a comparison of two things, not of one over time, in one clause of two subjects
        "Sales were £5m, and profits were 8% lower than the £2m of rivals.",
    ],
)
def test_what_the_words_do_not_tie_binds_nothing(text: str) -> None:
    assert [r for r in asserted(text) if r[1] != HOLDS] == []

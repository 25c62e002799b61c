"""A change in percentage points between two printed rates, said as a comparison ("lower by
0.4 percentage points as compared to 5.2 percent"), a rate's speed ("a deceleration of 1.1
points compared to 4.6%", "slowed by 0.7 points") or a narrowing/easing: read by
``detectors/english_growths.py`` as a difference between the two rates, asserted, so a
slip is an error. Sentences written for these tests; each consistent one holds (some only
through rounding), each slip is an asserted error, and what the words do not tie binds
nothing."""

from __future__ import annotations

import pytest

from factlint.extract.discover import HOLDS, discover
from factlint.extract.pipeline import extract_text


def differences(text: str) -> list[tuple[str, str]]:
    """(status, stated figure) of each asserted difference."""
    return sorted(
        (r.status, r.stated)
        for r in discover(extract_text(text))
        if r.is_asserted and r.kind == "difference"
    )


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        # a growth rate compared with last year's, the gap said first with "lower by"
        (
            "The economy grew 4.88 percent in 2022, lower by {} percentage points as compared "
            "to the 5.21 percent growth in 2021.",
            ("0.33", "0.43"),
        ),
        (
            "Turnout was 64.1%, higher by {} percentage points when compared with 62.2% in 2017.",
            ("1.9", "2.9"),
        ),
        # the rate's own speed: a deceleration, a slowdown, slowed, eased
        (
            "Exports rose 3.2% last year, a deceleration of {} percentage point compared to 4.6% "
            "a year earlier.",
            ("1.4", "2.4"),
        ),
        ("Growth slowed by {} points to 2.1% from 2.8%.", ("0.7", "0.9")),
        ("Inflation eased {} points to 3.1% from 3.3%.", ("0.2", "0.5")),
        ("The jobless rate fell to 5.2% from 5.6%, a slowdown of {} points.", ("0.4", "0.7")),
        (
            "The pass rate reached 81.0%, an acceleration of {} pp from 78.5% last year.",
            ("2.5", "3.5"),
        ),
        # a growth rate opens its own change, and is the level the points compare
        ("Retail sales rose 5.3 percent, up {} points from 5.0 percent in May.", ("0.3", "0.6")),
    ],
)
def test_a_change_in_points_between_two_rates(text: str, stated: tuple[str, str]) -> None:
    right, slip = stated
    held = differences(text.format(right))
    assert [status for status, _ in held] == [HOLDS]
    failed = differences(text.format(slip))
    assert len(failed) == 1 and failed[0][0] != HOLDS and slip in failed[0][1]


def test_a_gap_that_holds_only_through_rounding() -> None:
    # 4.6% - 3.4% is 1.2, but [4.55, 4.65] - [3.35, 3.45] reaches 1.1
    text = "GDP grew 3.4% in 2022, a slowdown of 1.1 percentage points compared to 4.6% in 2021."
    assert [status for status, _ in differences(text)] == [HOLDS]


@pytest.mark.parametrize(
    "text",
    [
        # no level compared with: nothing to check
        "Inflation was 4.1 percent, lower by 0.9 percentage points than expected.",
        # a rate's speed in percent says nothing of a level
        "Sales grew 3.1%, slower by 2% than the 5.1% of a year ago.",
        "Growth slowed by 2% to 2.1% from 2.8%.",
        # "higher by value" is no size of a change
        "Exports were 12% higher by value than imports of 9%.",
        # a change in points binds no amount as its level
        "Turnout was lower by 4 points at 12,400 voters compared with 15,100.",
    ],
)
def test_words_that_tie_no_two_rates_bind_nothing(text: str) -> None:
    assert [r for r in differences(text) if r[0] != HOLDS] == []

"""Rates stated in English (``detectors/english_rates.py``): a figure per head, per capita,
per resident or per N people is its total over its population, each figure's role read
from the words beside it; and multiples in words (``english_changes.py``,
``english_multiples.py``): "rose fivefold, from … to …", "…, were four times the …".
Sentences written for these tests; a slip is an asserted error, a role in doubt binds
nothing."""

from __future__ import annotations

import pytest

from factlint.extract.discover import HOLDS, MISMATCH, discover
from factlint.extract.pipeline import extract_text


def asserted(text: str, kinds: tuple[str, ...]) -> list[tuple[str, str, str]]:
    return sorted(
        (r.kind, r.status, r.stated)
        for r in discover(extract_text(text))
        if r.is_asserted and r.kind in kinds
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The £12m grant, for 400,000 people, comes to £30 per head.", [(HOLDS, "£30")]),
        ("The £12m grant, for 400,000 people, comes to £40 per head.", [(MISMATCH, "£40")]),
        ("Debt per capita was €5,000: €10bn owed by 2.0 million citizens.", [(HOLDS, "€5,000")]),
        ("Debt per capita was €6,000: €10bn owed by 2.0 million citizens.", [(MISMATCH, "€6,000")]),
        (
            "It saw 90 thefts in a population of 60,000, a rate of 150 per 100,000.",
            [(HOLDS, "150")],
        ),
        (
            "It saw 90 thefts in a population of 60,000, a rate of 180 per 100,000.",
            [(MISMATCH, "180")],
        ),
        ("Of 40,000 residents, 240 were admitted, or 6.0 per 1,000.", [(HOLDS, "6.0")]),
        (
            "There are 300 beds per 100,000 people: 1,800 beds for 600,000 residents.",
            [(HOLDS, "300")],
        ),
        (
            "There are 400 beds per 100,000 people: 1,800 beds for 600,000 residents.",
            [(MISMATCH, "400")],
        ),
        ("Of 40,000 residents, 240 were admitted, or 7.0 per 1,000.", [(MISMATCH, "7.0")]),
    ],
)
def test_a_rate_is_its_total_over_its_population(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(s, f) for _, s, f in asserted(text, ("per-head",))] == expected


@pytest.mark.parametrize(
    "text",
    [
        # two populations: which one is meant is in doubt
        "The £12m grant, for 400,000 people and 150,000 households, is £30 per head.",
        # two totals of the rate's currency
        "The £12m grant and £3m loan, for 400,000 people, come to £30 per head.",
        # "per 1,500": no power of ten, no rate per N
        "It saw 90 thefts in a population of 60,000, one per 1,500 people.",
        # output per head comes from accounts, and nothing joins the total to the people
        "GDP per head was £30,000, and the region's 3.2 million residents made goods worth "
        "£90bn in total.",
        "Spending per head was £30, and its 400,000 people saw £14m invested.",
        # an approximate rate is no statement of the division
        "The £12m grant, for 400,000 people, comes to about £40 per head.",
    ],
)
def test_a_role_in_doubt_binds_nothing(text: str) -> None:
    assert [r for r in asserted(text, ("per-head",)) if r[1] != HOLDS] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Visits rose threefold, from 2,000 to 6,000.", [("times", HOLDS, "threefold")]),
        ("Visits rose threefold, from 2,000 to 9,000.", [("times", MISMATCH, "threefold")]),
        ("Fines grew tenfold to £5m from £0.5m.", [("times", HOLDS, "tenfold")]),
        ("Waits have halved since 2019, from 40 weeks to 20 weeks.", [("times", HOLDS, "halved")]),
        (
            "Waits have halved since 2019, from 40 weeks to 30 weeks.",
            [("times", MISMATCH, "halved")],
        ),
        ("Profit of $60m was three times that of 2021 ($20m).", [("times", HOLDS, "three")]),
        ("Profit of $60m was five times that of 2021 ($20m).", [("times", MISMATCH, "five")]),
        (
            "Its exports, at 900 tonnes, were three times the 300 tonnes of 2019.",
            [("times", HOLDS, "three")],
        ),
        (
            "Its exports, at 900 tonnes, were five times the 300 tonnes of 2019.",
            [("times", MISMATCH, "five")],
        ),
        # an "At …," opener: the figure is the level of the subject after the comma
        ("At £9.0m, the backlog is 3 times the yearly budget of £3.0m.", [("times", HOLDS, "3")]),
        (
            "At £9.0m, the backlog is 5 times the yearly budget of £3.0m.",
            [("times", MISMATCH, "5")],
        ),
    ],
)
def test_multiples_in_words(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert asserted(text, ("times",)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two-thirds of the 600 members (400) voted.", [("times", HOLDS, "two-thirds")]),
        ("Two-thirds of the 600 members (250) voted.", [("times", MISMATCH, "two-thirds")]),
        ("Half of the $8m fund – $4m – is spent.", [("times", HOLDS, "half")]),
        ("Half of the $8m fund – $1m – is spent.", [("times", MISMATCH, "half")]),
        ("A fifth of the 250 shops, 50, closed.", [("times", HOLDS, "fifth")]),
        ("A fifth of the 250 shops, 120, closed.", [("times", MISMATCH, "fifth")]),
        # a bound on the fraction, not the fraction
        ("Nearly a fifth of the 250 shops, 120, closed.", []),
        ("Sales rose and nearly half of the $8m fund – $1m – is spent.", []),
    ],
)
def test_a_fraction_of_a_whole_restated(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert asserted(text, ("times",)) == expected

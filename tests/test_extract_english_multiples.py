"""Multiples and fractions in words between two printed values
(``detectors/english_multiples.py``): "three times imports of £12bn", "were three times
the", "twice", "half the", "a third of the", "two-thirds of". Sentences written for these
tests; a word stands for a band (twice: 1.5 to 2.5 times; a third: halfway to a quarter
and to a half), a figure ("3 times") for its rounding."""

from __future__ import annotations

import pytest

from factlint.extract.discover import HOLDS, MISMATCH, OFF_BY_ONE, discover
from factlint.extract.pipeline import extract_text


def times(text: str) -> list[tuple[str, str]]:
    """(status, stated) of each asserted ``times`` relation."""
    return sorted(
        (r.status, r.stated)
        for r in discover(extract_text(text))
        if r.is_asserted and r.kind == "times"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Exports were £36bn, three times imports of £12bn.", [(HOLDS, "three")]),
        ("Exports of €36bn were three times the €12bn of imports.", [(HOLDS, "three")]),
        ("Exports of €36.0bn were 3 times the €15.0bn of imports.", [(OFF_BY_ONE, "3")]),
        ("Spending on parks was £20m, half the £40m spent on roads.", [(HOLDS, "half")]),
        ("Spending on parks was £26m, half the £40m spent on roads.", [(MISMATCH, "half")]),
        ("Some 300 pupils, a third of the 900 on the roll, were absent.", [(HOLDS, "third")]),
        ("Some 400 pupils, a third of the 900 on the roll, were absent.", [(MISMATCH, "third")]),
        ("The trust saw 640 patients, two-thirds of the 960 referred.", [(HOLDS, "two-thirds")]),
        (
            "The trust saw 480 patients, two-thirds of the 960 referred.",
            [(MISMATCH, "two-thirds")],
        ),
        ("Claims were 1,210, a quarter of the 4,800 lodged.", [(HOLDS, "quarter")]),
        ("Profit was $12m, double the $6m of a year earlier.", [(HOLDS, "double")]),
        ("Profit was $19m, double the $6m of a year earlier.", [(MISMATCH, "double")]),
    ],
)
def test_a_multiple_or_fraction_in_words(text: str, expected: list[tuple[str, str]]) -> None:
    assert times(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an approximation in words is not a claim of a band
        "Some 400 pupils, about a third of the 900 on the roll, were absent.",
        "Some 400 pupils, nearly half the 900 on the roll, were absent.",
        # the fraction is of something not printed
        "The firm has 300 staff, a third of them part-time, and 120 contractors.",
        # a year after the words is no base
        "Sales were £40m, twice the level of 2019.",
    ],
)
def test_near_misses_bind_nothing(text: str) -> None:
    assert times(text) == []

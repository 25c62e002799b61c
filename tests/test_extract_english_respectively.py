"""Parallel lists a "respectively" pairs item by item (``detectors/english_respectively.py``):
each count of an "Of the …," whole restated as its share, each rate between its new and old
level. Sentences written for these tests; a slip in one item is an asserted error on that
item, lists of different lengths bind nothing."""

from __future__ import annotations

import pytest

from factlint.extract.discover import HOLDS, MISMATCH, discover
from factlint.extract.pipeline import extract_text


def asserted(text: str) -> list[tuple[str, str, str]]:
    return sorted(
        (r.kind, r.status, r.stated)
        for r in discover(extract_text(text))
        if r.is_asserted and r.kind in ("share", "growth")
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Of the 400 bids, 100 and 60 came from Spain and Italy respectively, or 25% and 15%.",
            [("share", HOLDS, "15%"), ("share", HOLDS, "25%")],
        ),
        (
            "Of the 400 bids, 100 and 60 came from Spain and Italy respectively, or 25% and 18%.",
            [("share", HOLDS, "25%"), ("share", MISMATCH, "18%")],
        ),
        (
            "Rents and fees rose 10% and 20% respectively, to £55.0m and £12.0m, "
            "from £50.0m and £10.0m.",
            [("growth", HOLDS, "10%"), ("growth", HOLDS, "20%")],
        ),
        (
            "Rents and fees rose 10% and 25% respectively, to £55.0m and £12.0m, "
            "from £50.0m and £10.0m.",
            [("growth", HOLDS, "10%"), ("growth", MISMATCH, "25%")],
        ),
    ],
)
def test_items_paired_by_respectively(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # three rates, two levels of each: not one item each
        "Rents, fees and sales rose 10%, 20% and 5% respectively, to £55.0m and £12.0m, "
        "from £50.0m and £10.0m.",
        # no "Of the …," whole: the shares are of something unnamed
        "Spain and Italy sent 100 and 60 bids respectively, or 25% and 18%.",
    ],
)
def test_lists_that_do_not_pair_bind_nothing(text: str) -> None:
    assert [r for r in asserted(text) if r[1] != HOLDS] == []

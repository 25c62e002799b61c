"""A count stated over a list the sentence prints (``detectors/english_counted_lists.py``):
"Only three depots were below 10%: A 8%, B 9%, C 12% and D 7%". Sentences written for these
tests; a wrong count is an asserted error, an item straddling the bound counts either way,
a list shorter than the count (some items left out) binds nothing."""

from __future__ import annotations

import pytest

from factlint.extract.discover import HOLDS, MISMATCH, discover
from factlint.extract.pipeline import extract_text


def counts(text: str) -> list[tuple[str, str]]:
    return sorted(
        (r.status, r.stated)
        for r in discover(extract_text(text))
        if r.is_asserted and r.kind == "count"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Only three depots were below 10%: Alton 8%, Bury 9%, Crewe 12% and Diss 7%.",
            [(HOLDS, "three")],
        ),
        (
            "Only three depots were below 10%: Alton 8%, Bury 9%, Crewe 6% and Diss 7%.",
            [(MISMATCH, "three")],
        ),
        (
            "Two clubs sold more than 5,000 tickets: Rovers 6,200, United 4,100 and City 5,400.",
            [(HOLDS, "Two")],
        ),
        (
            "Two clubs sold more than 5,000 tickets: Rovers 6,200, United 5,100 and City 5,400.",
            [(MISMATCH, "Two")],
        ),
        ("Two schools scored at least 90%: Elm 90%, Oak 88% and Ash 95%.", [(HOLDS, "Two")]),
    ],
)
def test_a_count_over_a_printed_list(text: str, expected: list[tuple[str, str]]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # fewer items printed than counted: the list names some, not all
        "Five councils were below 10%, among them: Alton 8%, Bury 9% and Diss 7%.",
        # no list after the bound
        "Only three depots were below 10% last year, and Crewe was at 12%.",
        # items of another kind than the bound
        "Only three depots were below 10%: Alton 800, Bury 900, Crewe 600 and Diss 700.",
    ],
)
def test_what_is_not_a_counted_list_binds_nothing(text: str) -> None:
    assert [c for c in counts(text) if c[0] != HOLDS] == []

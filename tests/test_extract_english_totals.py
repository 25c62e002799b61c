"""A list of parts and the words that total them after it, in English
(``detectors/stated_totals.py``): "a total of", "making £20m in all", "– 25 altogether",
"…, £9.6m in total". Sentences written for these tests."""

from __future__ import annotations

import pytest

from factlint.extract.discover import HOLDS, MISMATCH, OFF_BY_ONE, discover
from factlint.extract.pipeline import extract_text


def sums(text: str) -> list[tuple[str, str]]:
    return sorted(
        (r.status, r.stated)
        for r in discover(extract_text(text))
        if r.is_asserted and r.kind == "sum"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The council will spend £12.5m on roads, £4.2m on parks and £3.3m on libraries, "
            "making £20.0m in all.",
            [(HOLDS, "£20.0m")],
        ),
        (
            "The council will spend £12.5m on roads, £4.2m on parks and £3.3m on libraries, "
            "making £21.0m in all.",
            [(MISMATCH, "£21.0m")],
        ),
        (
            "Grants went to 14 charities, 9 clubs and 6 schools – 29 altogether.",
            [(HOLDS, "29")],
        ),
        (
            "Grants went to 14 charities, 9 clubs and 6 schools – 31 altogether.",
            [(MISMATCH, "31")],
        ),
        (
            "Revenue was $4.1m in Europe, $3.2m in Asia and $2.2m elsewhere, $9.9m in total.",
            [(MISMATCH, "$9.9m")],
        ),
    ],
)
def test_parts_then_the_words_that_total_them(text: str, expected: list[tuple[str, str]]) -> None:
    assert sums(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # one part is no list
        "The grant adds £3.5m, making £23.5m in all.",
        # a total that goes on from an earlier one is not the sum of the parts listed
        "Grants of £3m and £2m were approved, bringing the total to £25m.",
        # "in all" of something else: the figure after is no total of the list
        "Leeds had 12 cases and York 8; in all 25 staff were off sick.",
    ],
)
def test_near_misses_bind_no_failing_sum(text: str) -> None:
    assert [s for s in sums(text) if s[0] != HOLDS] == []


def test_the_numbers_of_a_list_after_a_count_count_the_same_things() -> None:
    # 8 and 5 are cases like the 12 before them: exact, so 26 cannot be their total
    assert sums("Leeds had 12 cases, York 8 and Hull 5, making 26 in all.") == [(OFF_BY_ONE, "26")]
    assert sums("Leeds had 12 cases, York 8 and Hull 5, making 25 in all.") == [(HOLDS, "25")]


def test_a_bare_number_after_a_name_with_more_words_is_not_a_listed_count() -> None:
    facts = {f.value: f for f in extract_text("Leeds had 12 cases, York 8 miles away.").facts}
    assert facts["8"].kind != "count"

"""Lists whose items print their share in brackets (issue 11): when the shares add up to
100% the list is their whole, and each share is asserted as its count over the list's sum.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from factlint import check, facts_from_dict, rules_from_dict
from factlint.extract.discover import HOLDS, MISMATCH, Relation, discover
from factlint.extract.pipeline import extract_text
from factlint.extract.writer import facts_data


def listed(text: str) -> list[tuple[str, str]]:
    """(status, stated figure) of each share read from a list, asserted."""
    found: list[Relation] = discover(extract_text(text))
    return sorted(
        (r.status, r.stated)
        for r in found
        if r.kind == "share" and r.is_asserted and "listed shares" in r.evidence
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ward voted: Green 412 (51.5%, +4.0%), Red 300 (37.5%), Blue 88 (11.0%).",
            [(HOLDS, "11.0%"), (HOLDS, "37.5%"), (HOLDS, "51.5%")],
        ),
        # a name with a bracket of its own, "and" before the last item
        (
            "Survey answers: yes 150 (60.0%), no 80 (32.0%) and Independent (Other) 20 (8.0%).",
            [(HOLDS, "32.0%"), (HOLDS, "60.0%"), (HOLDS, "8.0%")],
        ),
        # 200 / 1,000 is 20.0%, not 25.0%; 500 / 1,000 is 50.0%, not 45.0%
        (
            "Vote in Southfield: Green 500 (45.0%), Red 300 (30.0%), Blue 200 (25.0%).",
            [(HOLDS, "30.0%"), (MISMATCH, "25.0%"), (MISMATCH, "45.0%")],
        ),
        (
            "全县住户中，城区1200户（占60.0%），乡镇800户（占40.0%）。",
            [(HOLDS, "40.0%"), (HOLDS, "60.0%")],
        ),
        (
            "受访者中，满意者130人（65.0%）、一般者50人（25.0%）、不满意者20人（15.0%）。",
            [],  # 105%: the shares are not of this list
        ),
    ],
)
def test_shares_of_a_list_that_covers_its_whole(text: str, expected: list[tuple[str, str]]) -> None:
    assert listed(text) == expected


def test_shares_that_do_not_add_up_to_the_whole_name_no_whole() -> None:
    # 40% + 30% = 70%: shares of a total printed elsewhere, not of 120 + 90
    text = "Sales by region: Europe $120 million (40%), Asia $90 million (30%)."
    assert listed(text) == []


def test_changes_in_brackets_are_not_shares() -> None:
    text = "Revenue rose: services 420 (+60%), products 380 (+40%)."
    assert listed(text) == []


def test_two_lists_in_two_sentences_are_two_wholes() -> None:
    text = "North: Green 300 (60.0%), Red 200 (40.0%). South: Green 100 (25.0%), Red 300 (75.0%)."
    assert listed(text) == [
        (HOLDS, "25.0%"),
        (HOLDS, "40.0%"),
        (HOLDS, "60.0%"),
        (HOLDS, "75.0%"),
    ]


def test_a_listed_share_that_fails_is_an_error_when_checked() -> None:
    extraction = extract_text(
        "Vote in Southfield: Green 500 (45.0%), Red 300 (30.0%), Blue 200 (25.0%)."
    )
    facts = facts_from_dict(facts_data(extraction, report_id="t", source="t.txt"))
    report = check(facts, rules_from_dict([r.rule for r in discover(extraction)]))
    assert sorted((f.rule, f.severity.value) for f in report.findings) == [
        ("share-25-0pct", "error"),
        ("share-45-0pct", "error"),
    ]

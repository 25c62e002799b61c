""" "All N of the …" over the list of them the text prints, one a line (issue 11). Texts
written for these tests."""

from __future__ import annotations

import pytest

from factlint.extract.discover import HOLDS, MISMATCH, discover
from factlint.extract.pipeline import extract_text
from scanning import scan_findings as findings

_BRANCHES = [
    "Ashby - 412 loans, up 2.1%",
    "Barton - 388 loans, up 0.4%",
    "Cleve - 275 loans, up 5.0%",
    "Dunham - 301 loans, up 1.2%",
    "Eston - 199 loans, up 3.3%",
]


def counts(text: str) -> list[tuple[str, str]]:
    return sorted((r.status, r.stated) for r in discover(extract_text(text)) if r.kind == "count")


def _report(claim: str, intro: str, rows: list[str]) -> str:
    return "\n".join([f"Lending grew this spring. {claim}", *([intro] if intro else []), *rows])


@pytest.mark.parametrize(
    ("claim", "intro", "rows", "expected"),
    [
        (
            "All 6 of the branches lent more than a year ago.",
            "Branch by branch:",
            _BRANCHES,
            [(MISMATCH, "6")],
        ),
        (
            "All 5 of the branches lent more than a year ago.",
            "Branch by branch:",
            _BRANCHES,
            [(HOLDS, "5")],
        ),
        # the claim introduces the list itself
        ("Each of the 4 branches lent more:", "", _BRANCHES, [(MISMATCH, "4")]),
    ],
)
def test_all_n_counts_the_lines_of_its_list(
    claim: str, intro: str, rows: list[str], expected: list[tuple[str, str]]
) -> None:
    assert counts(_report(claim, intro, rows)) == expected


def test_a_list_of_another_length_is_an_error() -> None:
    text = _report("All 6 of the branches lent more.", "Branch by branch:", _BRANCHES)
    assert ("count-6", "error") in findings(text)


def test_chinese_all_n() -> None:
    towns = [("东", 412, 2.1), ("西", 388, 3.4), ("南", 275, 5.0), ("北", 301, 1.2)]
    rows = [f"{name}镇 {value}万元，增长{rate}%" for name, value, rate in towns]
    rows.append("中镇 199万元，增长3.3%")
    text = "\n".join(["全部6个乡镇均实现增长。", "各乡镇情况如下：", *rows])
    assert counts(text) == [(MISMATCH, "6个")]


@pytest.mark.parametrize(
    ("claim", "intro"),
    [
        # the introducing line names something else: the top of a longer list
        ("All 12 of the regions saw rents rise.", "The biggest lenders were:"),
        # a blank line: the claim's paragraph ends
        ("All 12 of the regions saw rents rise.", ""),
        # no claim of a whole
        ("Rents rose in 12 of the regions.", "The regional picture:"),
    ],
)
def test_no_count_without_a_claim_of_the_whole_list(claim: str, intro: str) -> None:
    rows = _BRANCHES if intro else ["", *_BRANCHES]
    assert counts(_report(claim, intro, rows)) == []

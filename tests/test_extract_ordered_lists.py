"""A list the words say is in order ("leads …, followed by", 居首，其次是): each pair of
neighbours is a claim (issue 11). Sentences written for these tests."""

from __future__ import annotations

import pytest

from factlint.extract.discover import MISMATCH, discover
from factlint.extract.pipeline import extract_text
from scanning import scan_findings as findings


def out_of_order(text: str) -> list[tuple[str, str]]:
    """(figure before, figure after) of each pair the list's order breaks."""
    return sorted(
        (r.stated, r.evidence.split(" comes before ")[1].split(" (")[0])
        for r in discover(extract_text(text))
        if r.kind == "compare" and r.status == MISMATCH
    )


def ordered_pairs(text: str) -> int:
    return sum(r.kind == "compare" for r in discover(extract_text(text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Northfield leads with 41,200 visitors, followed by Eastbrook (38,950), "
            "Westmoor (36,100) and Southgate (37,400).",
            [("36,100", "37,400")],
        ),
        (
            "Northfield leads with 41,200 visitors, followed by Eastbrook (38,950), "
            "Westmoor (36,100) and Southgate (35,400).",
            [],
        ),
        # a list that runs up, its words say so
        (
            "Ashby had the lowest vacancy rate at 2.1%, followed by Barton (2.6%), "
            "Cleve (3.4%) and Dunham (3.1%).",
            [("3.4%", "3.1%")],
        ),
        # no word says which way: most steps do
        (
            "Pupils at Hilltop scored 71.2 on average, followed by Riverside with 69.8, "
            "Parkview with 66.5 and Oakwood with 67.9.",
            [("66.5", "67.9")],
        ),
        # the leader is the figure followed by the followers' word, not the nearest one
        (
            "Oakfield was the only school with 14 pupils scoring full marks in Grade 9, "
            "followed by Elmwood with 11 pupils and Ashgrove with 19 pupils.",
            [("11", "19")],
        ),
        # Chinese: 居首 ranks the leader
        ("甲镇以3.2亿元居首，其次是乙镇（2.9亿元）、丙镇（3.1亿元）。", [("2.9亿元", "3.1亿元")]),
        ("甲鎮以3.2億元居首，其次為乙鎮（2.9億元）、丙鎮（2.1億元）。", []),
    ],
)
def test_a_list_in_order_must_keep_its_order(text: str, expected: list[tuple[str, str]]) -> None:
    assert out_of_order(text) == expected


def test_a_pair_out_of_order_is_an_error() -> None:
    text = (
        "Northfield leads with 41,200 visitors, followed by Eastbrook (38,950), "
        "Westmoor (36,100) and Southgate (37,400)."
    )
    assert ("compare-36-100", "error") in findings(text)
    assert findings(text.replace("37,400", "35,400")) == []


@pytest.mark.parametrize(
    "text",
    [
        # a sequence in time
        "Sales rose 12% in 2018, followed by 8% in 2019 and 15% in 2020.",
        # what happened next
        "Output fell 4.2% in the first quarter, followed by a rise of 1.1% and 3.5%.",
        # 其次 as "secondly"
        "首先，固定资产投资增长12%；其次是消费品零售额增长8%、出口增长9%。",
        # one follower: nothing to order
        "Leeds leads with 4,100 entries, followed by York with 3,900.",
    ],
)
def test_what_is_no_ranked_list_binds_nothing(text: str) -> None:
    assert ordered_pairs(text) == 0

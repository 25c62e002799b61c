"""A list of values paired in order with a list of shares by 分别 (分别占…的 a、b、c;
占…的比重分别为; 分别占比): each share is asserted of its value (issue 11). Sentences written
for these tests."""

from __future__ import annotations

import pytest

from factlint.extract.discover import HOLDS, MISMATCH, discover
from factlint.extract.pipeline import extract_text


def paired(text: str) -> list[tuple[str, str]]:
    """(status, stated share) of each asserted share."""
    return sorted(
        (r.status, r.stated)
        for r in discover(extract_text(text))
        if r.kind == "share" and r.is_asserted
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 90 / 600 = 15.0%, 210 / 600 = 35.0%, 300 / 600 = 50.0% (not 52.0%)
        (
            "全年地区生产总值600亿元，三次产业增加值分别为90亿元、210亿元和300亿元，"
            "分别占地区生产总值的15.0%、35.0%和52.0%。",
            [(HOLDS, "15.0%"), (HOLDS, "35.0%"), (MISMATCH, "52.0%")],
        ),
        # each value with its name: 出口45亿元、进口30亿元
        (
            "全年外贸总额75亿元，出口45亿元、进口30亿元，分别占外贸总额的60.0%和40.0%。",
            [(HOLDS, "40.0%"), (HOLDS, "60.0%")],
        ),
        # no name: the whole a 其中 breaks down
        (
            "年末共有企业40家，其中国有企业10家、民营企业30家，分别占比25.0%和70.0%。",
            [(HOLDS, "25.0%"), (MISMATCH, "70.0%")],
        ),
        (
            "年末共有企业40家，其中国有企业10家、民营企业30家，占全部企业的比重分别为25.0%和75.0%。",
            [(HOLDS, "25.0%"), (HOLDS, "75.0%")],
        ),
    ],
)
def test_values_paired_with_their_shares(text: str, expected: list[tuple[str, str]]) -> None:
    assert paired(text) == expected


def test_shares_of_a_whole_not_printed_are_left_alone() -> None:
    # 占全省的: the province's total is not in the text
    text = "年末共有企业40家，其中国有企业10家、民营企业30家，分别占全省的2.5%和3.0%。"
    assert paired(text) == []


def test_lists_of_different_lengths_pair_nothing() -> None:
    text = "年末共有企业40家，其中国有企业10家、民营企业30家，分别占比25.0%、70.0%和5.0%。"
    assert paired(text) == []

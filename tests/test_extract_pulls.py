"""A contribution's pull on GDP growth (拉动 = 贡献率 × growth), asserted by definition
(issue 11). Sentences written for these tests."""

from __future__ import annotations

import pytest

from factlint.extract.discover import HOLDS, MISMATCH, discover
from factlint.extract.pipeline import extract_text


def pulls(text: str) -> list[tuple[str, str]]:
    return sorted(
        (r.status, r.stated)
        for r in discover(extract_text(text))
        if r.kind == "pull" and r.is_asserted
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 20% × 6.0% = 1.2 points, 30% × 6.0% = 1.8, 50% × 6.0% = 3.0 (not 3.3)
        (
            "全年地区生产总值320亿元，增长6.0%。三次产业对经济增长的贡献率分别为20%、30%和50%，"
            "分别拉动经济增长1.2个、1.8个和3.3个百分点。",
            [(HOLDS, "1.2个百分点"), (HOLDS, "1.8个百分点"), (MISMATCH, "3.3个百分点")],
        ),
        (
            "上半年生产总值88.6亿元，同比增长5.0%。第三产业对经济增长的贡献率为62.0%，"
            "拉动GDP增长3.1个百分点。",
            [(HOLDS, "3.1个百分点")],
        ),
    ],
)
def test_a_pull_is_the_contribution_times_the_growth(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert pulls(text) == expected


def test_a_pull_on_another_growth_is_not_the_gdps() -> None:
    text = (
        "上半年生产总值88.6亿元，同比增长5.0%。规上工业增加值增长9.0%，其中电子行业对规上工业"
        "增长的贡献率为40.0%，拉动规上工业增长3.6个百分点。"
    )
    assert pulls(text) == []


def test_a_pull_with_no_growth_printed_binds_nothing() -> None:
    text = "第三产业对经济增长的贡献率为62.0%，拉动GDP增长3.1个百分点。"
    assert pulls(text) == []

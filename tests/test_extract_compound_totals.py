"""A whole named by the parts it is made of (进出口, 农林牧渔业, 城乡): the sum of its parts
is asserted by the name (issue 11). Sentences written for these tests."""

from __future__ import annotations

import pytest

from factlint.extract.discover import HOLDS, MISMATCH, discover
from factlint.extract.pipeline import extract_text


def compound_sums(text: str) -> list[tuple[str, str, int]]:
    """(status, stated total, number of parts) of each sum a compound name asserts."""
    return sorted(
        (r.status, r.stated, len(r.facts) - 1)
        for r in discover(extract_text(text))
        if r.kind == "sum" and r.is_asserted and "is made of its parts" in r.evidence
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "全年进出口总额86.4亿元，增长4.1%。其中，出口52.3亿元，进口34.1亿元。",
            [(HOLDS, "86.4亿元", 2)],
        ),
        # 52.3 + 30.1 = 82.4, not 86.4
        (
            "全年进出口总额86.4亿元，增长4.1%。其中，出口52.3亿元，进口30.1亿元。",
            [(MISMATCH, "86.4亿元", 2)],
        ),
        # each branch prints its output and its value added; the value added is the
        # branch's named at the head of its clause group
        (
            "农林牧渔业总产值80.0亿元，农林牧渔业增加值46.0亿元。其中：农业产值30.0亿元，"
            "增加值18.0亿元；林业产值10.0亿元，增加值6.0亿元；畜牧业产值25.0亿元，增加值12.0亿元；"
            "渔业产值12.0亿元，增加值7.0亿元；农林牧渔服务业产值3.0亿元，增加值2.0亿元。",
            [(HOLDS, "80.0亿元", 5), (MISMATCH, "46.0亿元", 5)],
        ),
        ("城乡居民储蓄存款余额300亿元，其中城镇210亿元，乡村90亿元。", [(HOLDS, "300亿元", 2)]),
    ],
)
def test_a_whole_named_by_its_parts_is_their_sum(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    assert compound_sums(text) == expected


def test_a_split_that_leaves_out_the_services_is_left_alone() -> None:
    # older statistics count four branches only: no claim that they make the whole
    text = (
        "农林牧渔业总产值80亿元。其中，农业产值30亿元，林业产值10亿元，"
        "牧业产值25亿元，渔业产值12亿元。"
    )
    assert compound_sums(text) == []


def test_parts_of_another_measure_are_not_the_parts() -> None:
    # 出口企业 counts firms, 进口增长 is a rate: neither is a part of the 进出口总额
    text = "全年进出口总额86.4亿元。出口企业52家，进口增长3.1%。"
    assert compound_sums(text) == []


def test_parts_printed_after_the_next_paragraph_are_not_bound() -> None:
    text = "全年进出口总额86.4亿元。\n\n另据统计，出口52.3亿元，进口30.1亿元。"
    assert compound_sums(text) == []

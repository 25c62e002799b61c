"""Parts a 其中 lists as one list cannot add up to more than their whole (issue 11).
Sentences written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.extract.discover import EXCEEDS, HOLDS, discover
from factlint.extract.pipeline import extract_text
from scanning import scan_report


def lists(text: str) -> list[tuple[str, str, bool]]:
    """(status, whole, asserted) of each list-of-parts relation."""
    return sorted(
        (r.status, r.stated, r.is_asserted)
        for r in discover(extract_text(text))
        if r.kind == "within" and "one list after 其中" in r.evidence
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # items joined by 、 和 及 in one clause
        ("全县播种面积2500公顷，其中水稻1400公顷、玉米1300公顷。", [(EXCEEDS, "2500公顷", True)]),
        ("全县播种面积2500公顷，其中水稻1400公顷、玉米1000公顷。", [(HOLDS, "2500公顷", True)]),
        (
            "全縣財政支出8.4億元，其中教育3.1億元、衛生2.2億元和農林水3.5億元。",
            [(EXCEEDS, "8.4億元", True)],
        ),
        # the two halves of a division, listed with a comma
        ("全镇人口25000人，其中男性13000人，女性13500人。", [(EXCEEDS, "25000人", True)]),
        (
            "年末總人口 2.5萬人，其中城鎮人口 1.3萬人，鄉村人口 1.3萬人。",
            [],  # 2.6 may be 2.5 after rounding: the sum that holds says more than the list
        ),
        (
            "年末总人口2.5万人，其中城镇人口1.34万人，农村人口1.28万人。",
            [(EXCEEDS, "2.5万人", True)],
        ),
    ],
)
def test_one_list_of_parts_does_not_exceed_its_whole(
    text: str, expected: list[tuple[str, str, bool]]
) -> None:
    assert lists(text) == expected


def test_parts_above_their_whole_are_an_error() -> None:
    text = "全县播种面积2500公顷，其中水稻1400公顷、玉米1300公顷。"
    report = scan_report(text)
    assert [(f.rule, f.severity.value) for f in report.findings] == [("within-2500", "error")]


@pytest.mark.parametrize(
    "text",
    [
        # parts listed with commas may overlap: size and ownership
        "全县企业120家，其中规模以上企业80家，国有企业50家。",
        # no 其中: no parts by the words
        "全县播种面积2500公顷，水稻1400公顷、玉米1300公顷。",
        # a list after a change is not a breakdown of the level
        "全县播种面积2500公顷，比上年增加300公顷、200公顷。",
        # halves of a division with something else in their labels
        "全镇人口25000人，其中男性劳动力13000人，女性人口13500人。",
    ],
)
def test_what_is_not_one_list_of_parts_binds_nothing(text: str) -> None:
    assert [r for r in lists(text) if r[0] != HOLDS] == []


@settings(max_examples=50, deadline=None)
@given(
    parts=st.lists(st.integers(min_value=1, max_value=5000), min_size=2, max_size=5),
    rest=st.integers(min_value=0, max_value=5000),
)
def test_parts_that_fit_their_whole_never_exceed_it(parts: list[int], rest: int) -> None:
    names = ["水稻", "玉米", "大豆", "小麦", "薯类"]
    listed = "、".join(f"{name}{value}亩" for name, value in zip(names, parts, strict=False))
    text = f"全乡播种面积{sum(parts) + rest}亩，其中{listed}。"
    assert [r for r in lists(text) if r[0] != HOLDS] == []

"""单产, 亩产: a yield per unit of area is its output over the area sown (issue 11).
Sentences written for these tests, in simplified and traditional characters."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.extract.discover import HOLDS, MISMATCH, OFF_BY_SCALE, discover
from factlint.extract.pipeline import extract_text
from scanning import scan_report


def yields(text: str) -> list[tuple[str, str]]:
    """(status, stated figure) of each yield found wrong."""
    return sorted(
        (r.status, r.stated)
        for r in discover(extract_text(text))
        if r.kind == "ratio" and ("per 亩" in r.evidence or "per 公顷" in r.evidence)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 亩产 after its output; the area in 万亩
        (
            "全县粮食播种面积20.0万亩，粮食总产量12.0万吨，平均亩产650公斤。",
            [(MISMATCH, "650公斤")],
        ),
        # per 公顷 printed before the figure, traditional characters
        (
            "全縣糧食播種面積1.20萬公頃，糧食總產量9.00萬噸，單產每公頃7000公斤。",
            [(MISMATCH, "7000公斤")],
        ),
        # a bare 单产 is per 亩 or per 公顷: neither gives 510
        ("全县粮食播种面积1.20万公顷，粮食总产量9.00万吨，单产510公斤。", [(MISMATCH, "510公斤")]),
        ("全县粮食播种面积1.20万公顷，粮食总产量9.00万吨，单产1100斤。", [(MISMATCH, "1100斤")]),
        # the yield named by its crop, its output and area printed before
        (
            "全县小麦播种面积8.00万亩，小麦总产量3.20万吨。全县油菜播种面积2万亩。"
            "小麦亩产达到40公斤。",
            [(OFF_BY_SCALE, "40公斤")],
        ),
    ],
)
def test_a_yield_is_its_output_over_the_area_sown(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert yields(text) == expected


def test_a_wrong_yield_is_a_warning_that_check_decides() -> None:
    text = "全县粮食播种面积20.0万亩，粮食总产量12.0万吨，平均亩产650公斤。"
    report = scan_report(text)
    assert [(f.rule, f.severity.value) for f in report.findings] == [("ratio-650", "warning")]


@pytest.mark.parametrize(
    "text",
    [
        "全县粮食播种面积20.0万亩，粮食总产量12.0万吨，平均亩产600公斤。",
        "全县粮食播种面积1.20万公顷，粮食总产量9.00万吨，单产500公斤。",  # per 亩
        "全县粮食播种面积1.20万公顷，粮食总产量9.00万吨，单产7500公斤。",  # per 公顷
        "全县粮食播种面积1.20万公顷，粮食总产量9.00万吨，单产1000斤。",
        # cultivated land is sown more than once a year: no area to divide by
        "全县耕地面积20万亩，粮食总产量12万吨，亩产650公斤。",
        # another crop's area binds nothing
        "全县棉花种植面积20万亩，粮食总产量12万吨。粮食亩产650公斤。",
        # no output printed
        "全县粮食播种面积20万亩，亩产650公斤。",
    ],
)
def test_what_gives_the_yield_or_binds_nothing_is_not_reported(text: str) -> None:
    assert [r for r in yields(text) if r[0] != HOLDS] == []


@settings(max_examples=40, deadline=None)
@given(
    tonnes=st.integers(min_value=100, max_value=999_999),
    mu=st.integers(min_value=100, max_value=999_999),
)
def test_a_yield_rounded_from_the_quotient_is_never_reported(tonnes: int, mu: int) -> None:
    per_mu = round(tonnes * 1000 / mu)
    if per_mu == 0:
        return
    text = f"全县粮食播种面积{mu}亩，粮食总产量{tonnes}吨，平均亩产{per_mu}公斤。"
    assert [r for r in yields(text) if r[0] != HOLDS] == []

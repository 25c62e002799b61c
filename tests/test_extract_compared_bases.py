"""A change printed with the value it is compared with (比今年X增加Y, 較上年度法定預算數X，增加Y,
較114年度…): this period's less the other's is the change, asserted (issue 11). A figure
printed with a scale and no unit takes the unit of the amount it is compared with or broken
down into right after it. Sentences written for these tests."""

from __future__ import annotations

import pytest

from factlint.extract.discover import HOLDS, MISMATCH, discover
from factlint.extract.pipeline import extract_text


def differences(text: str) -> list[tuple[str, str]]:
    return sorted(
        (r.status, r.stated)
        for r in discover(extract_text(text))
        if r.kind == "difference" and r.is_asserted
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a budget for next year compared with this year's
        ("明年度歲出預算520.4億元，比今年515.2億元增加5.8億元。", [(MISMATCH, "5.8億元")]),
        ("明年预算支出320.5亿元，比今年310.2亿元增加10.3亿元。", [(HOLDS, "10.3亿元")]),
        # the measure named again after the period, a comma before the change
        ("稅課收入88.61億元，較上年度法定預算數80.02億元，增加8.59億元。", [(HOLDS, "8.59億元")]),
        (
            "稅課收入88.61億元，較上年度法定預算數80.02億元，增加9.59億元。",
            [(MISMATCH, "9.59億元")],
        ),
        # a fiscal year of the Republic's calendar
        (
            "歲入預算編列250.30億元，較113年度法定預算數240.10億元，增加10.20億元，增幅4.25％。",
            [(HOLDS, "10.20億元")],
        ),
        (
            "歲入預算編列250.30億元，較113年度法定預算數240.10億元，增加12.20億元。",
            [(MISMATCH, "12.20億元")],
        ),
        # a decline: the other period's less this one's
        ("补助收入45.5亿元，较上年度预算数60.0亿元，减少14.5亿元。", [(HOLDS, "-14.5亿元")]),
    ],
)
def test_a_change_from_the_value_compared_with(text: str, expected: list[tuple[str, str]]) -> None:
    assert differences(text) == expected


def test_a_level_printed_without_its_currency_takes_the_compared_amounts() -> None:
    # 統籌分配稅96.47億: 億 with no 元, compared with 88.94億元
    text = "其中統籌分配稅96.47億，較上年度法定預算數88.94億元，增加17.53億元。"
    assert differences(text) == [(MISMATCH, "17.53億元")]  # 96.47 − 88.94 = 7.53
    values = {fact.value for fact in extract_text(text).facts}
    assert "96.47億元" in values


def test_a_scaled_figure_beside_an_unrelated_amount_stays_bare() -> None:
    text = "全县户籍人口1.2億，地区生产总值3.5億元。"
    values = {fact.value: fact.kind for fact in extract_text(text).facts}
    assert values["1.2億"] == "number"


def test_the_change_s_own_verb_is_no_measure_compared_with() -> None:
    # 比上年扩大58千公顷: the change, not last year's area
    text = "全省播种面积为12400千公顷，比上年扩大58千公顷，增长0.5%。"
    relations = discover(extract_text(text))
    assert [r for r in relations if r.is_asserted and r.status != HOLDS] == []

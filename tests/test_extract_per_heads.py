"""人均: a figure per head is its total over the population (issue 11). Sentences written
for these tests, in simplified and traditional characters, with the unit changes a report
makes (万元 → 元, 万吨 → 千克, 亿元 / 万人 → 元, 公顷 → 亩)."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.extract.discover import HOLDS, MISMATCH, OFF_BY_ONE, OFF_BY_SCALE, discover
from factlint.extract.pipeline import extract_text
from scanning import scan_findings as findings


def per_heads(text: str) -> list[tuple[str, str, bool]]:
    """(status, stated figure, asserted) of each per-head ratio discovered."""
    return sorted(
        (r.status, r.stated, r.is_asserted)
        for r in discover(extract_text(text))
        if r.kind == "ratio"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bare 人均 after its total, population in the sentence before: asserted
        (
            "2020年末全乡总人口25000人。全乡耕地面积5.2万亩，人均2.08亩。",
            [(HOLDS, "2.08亩", True)],
        ),
        (
            "2020年末全乡总人口25000人。全乡耕地面积5.2万亩，人均2.18亩。",
            [(MISMATCH, "2.18亩", True)],
        ),
        # 万吨 → 千克, traditional characters
        (
            "2019年末全鎮總人口40000人。全年生產糧食2萬噸，人均500千克。",
            [(HOLDS, "500千克", True)],
        ),
        (
            "2019年末全鎮總人口40000人。全年生產糧食2萬噸，人均50千克。",
            [(OFF_BY_SCALE, "50千克", True)],
        ),
        # 万吨 → 公斤 and 斤
        ("年末户籍人口8万人，粮食总产量4.8万吨，人均600公斤。", [(HOLDS, "600公斤", True)]),
        ("年末户籍人口8万人，粮食总产量4.8万吨，人均1200斤。", [(HOLDS, "1200斤", True)]),
        # a named measure: 亿元 / 万人 → 元
        (
            "年末常住人口50万人。全年地方财政收入10.0亿元，人均地方财政收入2100元。",
            [(MISMATCH, "2100元", True)],
        ),
        (
            "年末常住人口50万人。全年地方财政收入10亿元，人均地方财政收入2000元。",
            [(HOLDS, "2000元", True)],
        ),
        # 公顷 → 亩
        ("全村总人口1500人，耕地面积120公顷，人均1.2亩。", [(HOLDS, "1.2亩", True)]),
        ("全村总人口1500人，耕地面积120公顷，人均1.3亩。", [(OFF_BY_ONE, "1.3亩", True)]),
        # 财政总收入 named by 人均财政收入 (总 left out), with spaces as PDF text has them
        (
            "2011年末全镇总人口 46000 人。2011年，全镇财政总收入 2760 万元，增长 5%。"
            "人均财政收入 600 元。",
            [(HOLDS, "600元", False)],
        ),
    ],
)
def test_a_per_head_figure_is_its_total_over_the_population(
    text: str, expected: list[tuple[str, str, bool]]
) -> None:
    assert per_heads(text) == expected


def test_a_population_far_from_the_figure_makes_a_warning() -> None:
    text = (
        "2011年末，全镇总人口46173人。\n\n经济\n\n2011年，全镇工业总产值9.2亿元，增长8%。"
        "全镇有企业35家。全镇有学校8所。全镇财政总收入2741万元，增长5%。"
        "人均财政收入595.9元。"
    )
    assert per_heads(text) == [(MISMATCH, "595.9元", False)]
    assert ("ratio-595-9", "warning") in findings(text)


def test_a_failing_per_head_figure_the_words_tie_is_an_error() -> None:
    text = "全乡总人口25000人，耕地面积5.2万亩，人均2.18亩。"
    assert ("ratio-2-18", "error") in findings(text)


@pytest.mark.parametrize(
    "text",
    [
        # any population of the text that gives the figure: 2018's does here
        "2011年末总人口46173人。2018年户籍人口49395人。耕地面积6.25万亩，人均1.27亩。",
        # an approximate population stands for what its digits round from
        "人口數量:約3.12萬人。總人口31451人。生產糧食1.57萬噸，人均506公斤。",
        # per-head GDP is on the year's average population; incomes come from surveys
        "年末常住人口12.74万人。地区生产总值95.14亿元，人均地区生产总值为74331元。",
        "年末总人口2万人。农民人均纯收入8956元。",
        "年末总人口2万人。全体居民可支配收入3亿元，人均可支配收入12000元。",
        # a sub-group is not the population
        "年末城镇人口1万人。耕地面积5万亩，人均2亩。",
        # no population printed: nothing to divide by
        "全乡耕地面积5.2万亩，人均2.18亩。",
        # 人均 after another clause binds no total
        "耕地面积5.2万亩，比上年增加3%，年末总人口25000人，人均居住面积40平方米。",
        # per member of a group, not of the population
        "年末总人口25000人。耕地面积5.2万亩，农民人均3.5亩。",
    ],
)
def test_what_is_not_a_total_over_the_population_binds_nothing(text: str) -> None:
    assert [r for r in per_heads(text) if r[0] != HOLDS] == []


@settings(max_examples=60, deadline=None)
@given(
    total=st.integers(min_value=100, max_value=999_999),
    people=st.integers(min_value=1_000, max_value=999_999),
    places=st.integers(min_value=0, max_value=2),
)
def test_a_per_head_figure_rounded_from_the_quotient_is_never_a_finding(
    total: int, people: int, places: int
) -> None:
    """万元 over people in 元, printed at ``places`` decimals as a report rounds it."""
    exact = Decimal(total) * 10_000 / Decimal(people)
    printed = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    text = f"年末全县总人口{people}人。全年财政总收入{total}万元，人均财政收入{printed}元。"
    assert [r for r in per_heads(text) if r[0] != HOLDS] == []

"""A share whose words name its base (占农户总数的, 占總人口, 占农业总产值的) is checked against
the one quantity the text prints under that name, wherever it stands: modifiers set aside
(总, 全村, 现有), the same unit whatever its scale, the same year; two candidates, or
another year, bind nothing (issue 11). Sentences written for these tests."""

from __future__ import annotations

import pytest

from factlint.extract.detectors.named_bases import core
from factlint.extract.discover import HOLDS, MISMATCH, discover
from factlint.extract.pipeline import extract_text


def shares(text: str) -> list[tuple[str, str, str]]:
    """(status, stated share, whole's value) of each asserted share."""
    extraction = extract_text(text)
    values = {fact.id: fact.value for fact in extraction.facts}
    out = []
    for relation in discover(extraction):
        if relation.kind == "share" and relation.is_asserted:
            whole = relation.rule["share"]["whole"]  # type: ignore[index]
            out.append((relation.status, relation.stated, values.get(str(whole), "?")))
    return sorted(out)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("农户总数", "农户"),
        ("總人口", "人口"),
        ("农业总产值", "农业产值"),
        ("全村耕地总面积", "耕地面积"),
        ("现有农户", "农户"),
        ("总数", ""),
    ],
)
def test_core_sets_aside_the_words_of_the_whole(name: str, expected: str) -> None:
    assert core(name) == expected


def test_a_base_printed_sentences_before_a_list_of_shares() -> None:
    text = (
        "全村现有农户400户，乡村人口1520人。村内主要种植水稻和玉米。"
        "截至年底，有300户通自来水，有100户通有线电视（分别占农户总数的75.0%和26.0%）。"
    )
    # 100 / 400 = 25.0%, not 26.0%
    assert shares(text) == [(HOLDS, "75.0%", "400户"), (MISMATCH, "26.0%", "400户")]


def test_traditional_characters_and_a_single_share() -> None:
    text = (
        "全鄉現有農戶500戶，人口2100人。近年推廣新能源。"
        "有120戶安裝太陽能熱水器，佔農戶總數的25.0%。"
    )
    assert shares(text) == [(MISMATCH, "25.0%", "500戶")]  # 120 / 500 = 24.0%


def test_a_share_that_holds_only_through_rounding() -> None:
    text = "该村现有农户973户。道路已全部硬化。有242户通有线电视，占农户总数的24.9%。"
    assert shares(text) == [(HOLDS, "24.9%", "973户")]  # 24.87% rounds to 24.9%


def test_the_base_in_another_scale_of_the_same_currency() -> None:
    text = (
        "全县农业总产值2.5亿元，比上年增长4.0%。渔业发展较快。"
        "渔业总产值3000000元，占农业总产值的1.5%。"
    )
    assert shares(text) == [(MISMATCH, "1.5%", "2.5亿元")]  # 300万 / 2.5亿 = 1.2%


def test_a_base_printed_after_the_share_only_in_the_next_sentence() -> None:
    text = "新增造林面积600亩，占全镇林地总面积的25.0%。全镇林地总面积2400亩，森林覆盖率31.5%。"
    assert shares(text) == [(HOLDS, "25.0%", "2400亩")]
    # a passage further on may speak of another year or place: nothing is bound
    far = text.replace("。全镇", "。镇内有河流3条。全镇")
    assert shares(far) == []


def test_a_name_that_may_abbreviate_two_labels_binds_neither() -> None:
    text = (
        "全县工业总产值80.0亿元，工业销售产值78.0亿元。企业效益回升。"
        "食品工业产值20.0亿元，占工业产值的30.0%。"
    )
    assert shares(text) == []


def test_rural_people_are_no_total_population() -> None:
    text = "乡村人口为32.6万人，比上年减少0.4万人。城镇化加快。城镇人口为0.8万人，占总人口的2.4%。"
    assert shares(text) == []


def test_the_level_of_a_chain_of_the_share_s_year() -> None:
    text = (
        "农业总产值从2000年的500万元，增加到2010年的800万元，2020年达到1000万元。"
        "2020年，渔业总产值150万元，占农业总产值的18.8%。"
    )
    assert shares(text) == [(MISMATCH, "18.8%", "1000万元")]  # 150 / 1000 = 15.0%


def test_two_places_named_alike_bind_nothing() -> None:
    text = "甲镇总人口5000人，乙镇总人口6000人。两镇相邻。60岁以上老人1200人，占总人口的20.0%。"
    assert shares(text) == []


def test_a_base_of_another_year_binds_nothing() -> None:
    text = (
        "2019年末，全村总人口1000人。村里新修了道路。"
        "2021年，全村60岁以上老人250人，占总人口的20.0%。"
    )
    assert shares(text) == []


def test_a_kind_of_the_base_is_not_the_base() -> None:
    text = "全镇城镇常住人口3000人。镇内有学校两所。60岁以上老人600人，占总人口的20.0%。"
    assert shares(text) == []


def test_total_words_alone_name_the_whole_of_what_the_parts_count() -> None:
    text = (
        "全村现有农户200户。通信条件较好。"
        "安装固定电话或拥有移动电话的农户数150户，其中拥有移动电话农户数120户（分别占总数的75.0%和60.0%）。"
    )
    assert shares(text) == [(HOLDS, "60.0%", "200户"), (HOLDS, "75.0%", "200户")]


def _rates(text: str) -> list[tuple[str, str, str]]:
    return [row for row in shares(text) if row[1].endswith("%")]


def test_a_rate_of_a_measure_over_the_base_its_label_names() -> None:
    text = (
        "全村耕地总面积1200亩，人均耕地1.5亩。村内道路已硬化。"
        "耕地有效灌溉面积为900亩，有效灌溉率为{}%。"
    )
    assert _rates(text.format("75.0")) == [(HOLDS, "75.0%", "1200亩")]
    assert _rates(text.format("80.0")) == [(MISMATCH, "80.0%", "1200亩")]


def test_a_rate_in_traditional_characters() -> None:
    text = "全鄉耕地總面積800畝。水利設施完善。耕地有效灌溉面積為600畝，有效灌溉率為70.0%。"
    assert _rates(text) == [(MISMATCH, "70.0%", "800畝")]  # 600 / 800 = 75.0%


def test_a_rate_whose_base_is_printed_twice_binds_nothing() -> None:
    text = (
        "全村耕地面积1200亩。村内道路已硬化。自然资源：全村有耕地总面积1250亩。"
        "耕地有效灌溉面积为900亩，有效灌溉率为75.0%。"
    )
    assert _rates(text) == []

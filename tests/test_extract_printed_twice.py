"""One named measure of one period printed twice with two values (issue 11). Sentences and
header lines written for these tests, in simplified and traditional characters."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.extract.discover import HOLDS, MISMATCH, discover
from factlint.extract.pipeline import extract_text
from scanning import scan_findings as findings


def twice(text: str) -> list[tuple[str, str]]:
    """(status, stated figure) of each equal relation between two printings."""
    return sorted(
        (r.status, r.stated)
        for r in discover(extract_text(text))
        if r.kind == "equal" and "one measure of one period" in r.evidence
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the same label in two paragraphs of one undated profile
        (
            "全镇国内生产总值13406万元，现有企业986个。\n"
            "全镇国内生产总值19050万元，其中第一产业3650万元。",
            [(MISMATCH, "13406万元")],
        ),
        (
            "全镇国内生产总值19050万元，现有企业986个。\n"
            "全镇国内生产总值19050万元，其中第一产业3650万元。",
            [],  # one value: the duplicate check links them
        ),
        # 实现 and 总 dropped; traditional characters; a year in effect for both
        (
            "2023年，全縣實現地區生產總值228.3億元，增長5.1%。\n工業穩步發展。\n"
            "全縣地區生產總值223.8億元，其中第一產業30億元。",
            [(MISMATCH, "228.3億元")],
        ),
        # a header's key against the text; the approximate figure read as printed
        (
            "地名:新民乡 | 人口数量:约3.12万人 |\n新民乡位于县城东南。年末总人口31451人。",
            [(MISMATCH, "31451人")],
        ),
        (
            "地名:新民乡 | 人口数量:约3.1万人 |\n新民乡位于县城东南。年末总人口31451人。",
            [(HOLDS, "31451人")],
        ),
        (
            "地名:新民鄉 | 人口數量:約3.15萬人 |\n新民鄉位于縣城東南。年末總人口 31451 人。",
            [(HOLDS, "31451人")],
        ),
        (
            "轄區面積:約106平方公里 | 人口:近2.5萬人 |\n"
            "全鄉面積106平方公里。全鄉轄區面積96平方公里。",
            [(MISMATCH, "96平方公里")],
        ),
    ],
)
def test_a_measure_printed_twice_must_agree(text: str, expected: list[tuple[str, str]]) -> None:
    assert twice(text) == expected


def test_two_values_are_a_warning_and_an_approximate_header_is_checkable() -> None:
    text = "地名:新民乡 | 人口数量:约3.12万人 |\n新民乡位于县城东南。年末总人口31451人。"
    assert ("equal-31451", "warning") in findings(text)
    held = "地名:新民乡 | 人口数量:约3.1万人 |\n新民乡位于县城东南。年末总人口31451人。"
    assert findings(held) == []


@pytest.mark.parametrize(
    "text",
    [
        # two years
        "2022年全县地区生产总值228.3亿元。\n2023年全县地区生产总值241.5亿元。",
        # two periods of one year
        "上半年全县地区生产总值110.2亿元。\n全年全县地区生产总值241.5亿元。",
        # two places
        "东村：耕地面积1200亩。\n西村：耕地面积900亩。",
        # three printings: a list over places or years, not one quantity
        "甲镇国内生产总值5亿元。\n甲镇国内生产总值6亿元。\n甲镇国内生产总值7亿元。",
        # a change is no level
        "全县粮食产量12.5万吨。\n粮食产量比上年增加1.2万吨。",
        # a short label without a header key: 面积 names too much
        "面积106平方公里。\n面积96平方公里。",
        # per-head figures are rates, not quantities printed twice
        "人均财政收入595.9元。\n人均财政收入593.6元。",
        # the same sentence: 分别 and the like
        "全县财政收入和全县财政支出分别为10亿元和12亿元。",
        # one label under two subjects: a breakdown, a sub-scope, the base of a share
        "财政总收入4348万元。其中：税收收入3511万元。\n地方收入按构成分：税收收入1035万元。",
        "全国共有学校52.93万所，专任教师1844.37万人。\n义务教育阶段招生3488万人，专任教师1057.19万人。",
        "大口径财政收入21282万元，占年预算96540万元的22.04%。\n一般预算收入12655万元，占年预算30820万元的41.06%。",
        # an English label names its measure too loosely
        "Net sales were $120.5 million.\nIn the quarter, net sales were $98.2 million.",
        # far apart: another part of the report
        "按经营单位所在地分，城镇消费品零售额351.65亿元。"
        + "".join(f"第{n}项工作进展顺利。" for n in range(1, 12))
        + "按经营单位所在地分，城镇消费品零售额176.74亿元。",
        # one breakdown under two wholes
        "全年入境游客3120.45万人次。其中：外国游客1210.32万人次；港澳游客1910.13万人次。"
        "入境过夜游客1580.21万人次。其中：外国游客802.16万人次；港澳游客778.05万人次。",
        # two header keys
        "人口数量:约3.12万人 | 人口数量:约3.5万人 |",
        # a month's figure and the months' to date, the periods in the sentences before
        "本月入境旅客较去年同月增加12.1%。过夜旅客为412,305人次。"
        "今年首九个月入境旅客较去年同期上升20.2%。过夜旅客为3,905,117人次。",
        "十月份接待游客12.5万人次。其中過夜遊客為4.2萬人次。"
        "前十個月累計接待遊客98.6萬人次。過夜遊客為31.8萬人次。",
    ],
)
def test_what_is_not_one_measure_of_one_period_binds_nothing(text: str) -> None:
    assert [r for r in twice(text) if r[0] != HOLDS] == []


@settings(max_examples=40, deadline=None)
@given(people=st.integers(min_value=10_000, max_value=999_999))
def test_a_header_rounding_the_texts_figure_never_disagrees(people: int) -> None:
    """约N万人 at two decimals, rounded half up from the text's count, holds."""
    wan = (people + 50) // 100  # in hundredths of 万, half up
    header = f"{wan // 100}.{wan % 100:02d}"
    text = f"地名:甲镇 | 人口数量:约{header}万人 |\n甲镇位于县城东部。年末总人口{people}人。"
    assert [r for r in twice(text) if r[0] != HOLDS] == []


def test_a_sentence_without_time_words_takes_the_period_in_effect() -> None:
    # both in the period the sentences before name: one measure of one period
    text = (
        "今年首九个月入境旅客较去年同期上升20.2%。过夜旅客为3,905,117人次。"
        "首九个月经海路入境旅客共5,195,997人次。过夜旅客为3,850,117人次。"
    )
    assert twice(text) == [(MISMATCH, "3,905,117人次")]


_TWO_PASSAGES = (
    "村情概况\n{a}全村耕地面积3120.5亩，人均耕地1.2亩，林地{forest}亩。全村农户812户。\n"
    "自然资源\n{b}全村有耕地总面积{land}亩（其中：水田2100.1亩，旱地1088.16亩），"
    "人均耕地1.2亩；拥有林地8902.10亩，主要种植核桃。"
)


def test_a_profile_and_its_section_print_one_measure_twice() -> None:
    # 全村耕地面积 against 全村有耕地总面积 (有 and 总 set aside, a heading before 全村);
    # 林地 against 拥有林地, printed in the very two sentences of that repeat
    text = _TWO_PASSAGES.format(a="", b="", land="3188.26", forest="8450.3")
    assert twice(text) == [(MISMATCH, "3120.5亩"), (MISMATCH, "8450.3亩")]
    held = _TWO_PASSAGES.format(a="", b="", land="3120.50", forest="8902.1")
    assert [r for r in twice(held) if r[0] != HOLDS] == []


def test_the_repeat_in_traditional_characters() -> None:
    text = (
        "全村耕地面積3120.5畝，林地8450.3畝。全村農戶812戶。"
        "自然資源全村擁有耕地總面積3188.26畝，人均耕地1.2畝；擁有林地8902.10畝。"
    )
    assert twice(text) == [(MISMATCH, "3120.5畝"), (MISMATCH, "8450.3畝")]


@pytest.mark.parametrize(
    "text",
    [
        # a short measure with no other repeat in the same two sentences
        "全村林地8450.3亩，主要种植核桃。全村农户812户。自然资源：拥有林地8902.10亩。",
        # two years
        _TWO_PASSAGES.format(a="2010年", b="2015年", land="3188.26", forest="8450.3"),
        # two villages named before the figures
        "东村：全村耕地面积3120.5亩，林地8450.3亩。全村农户812户。"
        "西村：全村有耕地总面积3188.26亩，拥有林地8902.10亩。",
        # a place before 全村 stays part of the measure
        "东坪村全村耕地面积3120.5亩。全村农户812户。西坪村全村有耕地总面积3188.26亩。",
    ],
)
def test_a_short_or_other_measure_is_not_paired(text: str) -> None:
    assert [r for r in twice(text) if r[0] != HOLDS] == []


def test_one_breakdown_of_one_whole_printed_twice_is_paired() -> None:
    text = (
        "全年入境游客3120.45万人次。其中：外国游客1210.32万人次；港澳游客1910.13万人次。\n"
        "全年入境游客3120.45万人次。其中：外国游客1201.32万人次。"
    )
    assert twice(text) == [(MISMATCH, "1210.32万人次")]


def test_a_short_measure_outside_the_sentences_of_a_repeat_is_not_paired() -> None:
    text = "全村耕地面积3120.5亩。林地8450.3亩。全村有耕地总面积3188.26亩。拥有林地8902.10亩。"
    assert twice(text) == [(MISMATCH, "3120.5亩")]

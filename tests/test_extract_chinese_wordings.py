"""Chinese relations read however they are worded (issue 11): one mechanism for each family
of wordings — a bare 占, a short name of the whole, numbered names, the words between a
subject and its total, the comparison periods of a change. Sentences written for these
tests; each printed right (no finding) and with a slip (an error on the slipped figure)."""

from __future__ import annotations

import pytest

from factlint.extract.detectors.wording import expand_list
from factlint.extract.discover import discover
from factlint.extract.pipeline import extract_text
from scanning import scan_findings


def errors(text: str) -> list[str]:
    return [rule for rule, severity in scan_findings(text) if severity == "error"]


def asserted(text: str) -> list[tuple[str, str]]:
    return sorted((r.kind, r.stated) for r in discover(extract_text(text)) if r.is_asserted)


def _share_rule(figure: str) -> str:
    return f"share-{figure.replace('.', '-')}pct"


def _right_and_slipped(right: str, slipped: str, rule: str) -> None:
    assert scan_findings(right) == []
    assert rule in errors(slipped), scan_findings(slipped)


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        # 占 alone: the part just before, the whole its 其中 breaks down
        ("全镇共有农户2480户，其中养殖户620户，占{}%。", ("25.0", "26.0")),
        ("全年外贸进出口52.4亿元，其中出口36.1亿元（占{}%）。", ("68.9", "66.9")),
        ("全县有学校64所。其中，寄宿制学校22所，占{}%。", ("34.4", "36.4")),
        # 占到 / 占了 before the whole's name
        ("全年完成销售额6.4亿元，其中，出口销售额1.6亿元，占到总销售额的{}%。", ("25.0", "27.0")),
    ],
)
def test_a_bare_zhan_is_a_share_of_the_whole_broken_down(text: str, slip: tuple[str, str]) -> None:
    right, wrong = slip
    _right_and_slipped(text.format(right), text.format(wrong), _share_rule(wrong))


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        # 规上 for 规模以上; 总 added to the name
        (
            "规模以上工业企业利润48.6亿元。其中装备制造业利润18.2亿元，占规上工业利润的{}%。",
            ("37.4", "39.4"),
        ),
        # 總 added, 共有 in the full label; traditional characters
        ("全鄉共有林地面積1.25萬公頃，其中經濟林0.45萬公頃，佔林地總面積的{}%。", ("36.0", "38.0")),
        # words inside the full name (实现) the short one leaves out
        (
            "本年度公司实现主营业务收入7.60亿元。其中境外收入1.90亿元，占公司主营业务收入的{}%。",
            ("25.0", "23.0"),
        ),
    ],
)
def test_a_whole_named_short_is_found_by_its_characters_in_order(
    text: str, slip: tuple[str, str]
) -> None:
    right, wrong = slip
    _right_and_slipped(text.format(right), text.format(wrong), _share_rule(wrong))


def test_a_short_name_that_fits_two_quantities_binds_neither() -> None:
    # 工业产值 abbreviates both 工业总产值 and 工业销售产值
    text = (
        "全县工业总产值80.0亿元，工业销售产值78.0亿元。"
        "其中食品工业产值20.0亿元，占工业产值的30.0%。"
    )
    assert "share" not in [kind for kind, _ in asserted(text)]


def test_numbered_names_share_the_last_ones_words() -> None:
    assert expand_list("第一、二、三产业增加值") == [
        "第一产业增加值",
        "第二产业增加值",
        "第三产业增加值",
    ]
    assert expand_list("一、二、三产业") == ["一产业", "二产业", "三产业"]
    assert expand_list("城镇和乡村") == ["城镇", "乡村"]


def test_shares_listed_after_numbered_names_are_each_checked() -> None:
    text = (
        "全县地区生产总值200.0亿元，第一产业增加值20.0亿元，第二产业增加值80.0亿元，"
        "第三产业增加值100.0亿元。第一、二、三产业增加值占地区生产总值的比重分别为10.0%、{}%和50.0%。"
    )
    _right_and_slipped(text.format("40.0"), text.format("42.0"), "share-42-0pct")


def test_an_approximate_figure_binds_no_relation() -> None:
    # 约: the figures need a tolerance the text does not give; no rule could be checked
    text = "全年接待游客约860万人次，其中省外游客约410万人次，约占45%。"
    assert scan_findings(text) == []
    assert asserted(text) == []


def test_parts_of_a_whole_with_its_own_share_are_shares_of_the_larger_base() -> None:
    # 65岁及以上 is a part of 60岁及以上, but both shares are of the whole population
    text = (
        "全市常住人口500万人，其中60岁及以上人口110万人，占22.00%，"
        "其中65岁及以上人口80万人，占16.00%。"
    )
    assert errors(text) == []


def test_a_name_that_says_total_binds_only_a_quantity_named_as_one() -> None:
    # 总人口 is not printed: 乡村人口 is no total, though its characters fit
    text = "乡村人口为32.6万人。城镇人口为0.8万人，占总人口的2.4%。"
    assert "share" not in [kind for kind, _ in asserted(text)]


@pytest.mark.parametrize(
    ("text", "slip", "rule"),
    [
        # who is counted before the cue (上半年, 两类企业) and the measure after it
        (
            "一月完成出口2.4亿元，二月完成出口3.1亿元，前两月累计完成出口{}亿元。",
            ("5.5", "5.7"),
            "sum-{}",
        ),
        ("全镇有省级龙头企业12家和市级龙头企业31家，两类企业共{}家。", ("43", "45"), "sum-{}"),
        (
            "一季度营收１．６亿元，二季度营收２．２亿元，上半年合计{}亿元。",
            ("3.8", "4.8"),
            "sum-{}",
        ),
    ],
)
def test_a_total_is_read_past_who_it_counts_and_what_it_measures(
    text: str, slip: tuple[str, str], rule: str
) -> None:
    right, wrong = slip
    _right_and_slipped(text.format(right), text.format(wrong), rule.format(wrong.replace(".", "-")))


def test_a_cumulative_of_another_measure_is_no_sum_of_the_parts() -> None:
    text = "一月新增企业120家，二月新增企业150家，累计注册企业2860家。"
    assert scan_findings(text) == []


def test_gong_inside_a_word_is_no_total() -> None:
    text = "教育支出9.8亿元、卫生支出4.6亿元，一般公共预算支出21.9亿元。"
    assert scan_findings(text) == []


@pytest.mark.parametrize(
    ("text", "slip", "rule"),
    [
        # 较上年末: any comparison period; a unit's words after the figure (万吨标准煤)
        (
            "年末贷款余额1250.0亿元，较上年末增加150.0亿元，增长{}%。",
            ("13.6", "15.6"),
            "growth-from-increase-{}pct",
        ),
        (
            "全年能源消费量84.0万吨标准煤，比上年减少4.0万吨标准煤，下降{}%。",
            ("4.5", "5.5"),
            "growth-from-increase-{}pct",
        ),
        # the rate named by its noun
        (
            "全年快递业务量3.30亿件，比上年增加0.30亿件，增幅为{}%。",
            ("10.0", "12.0"),
            "growth-from-increase-{}pct",
        ),
    ],
)
def test_a_change_is_read_on_any_comparison_period(
    text: str, slip: tuple[str, str], rule: str
) -> None:
    right, wrong = slip
    _right_and_slipped(text.format(right), text.format(wrong), rule.format(wrong.replace(".", "-")))


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        ("进口额达到8.4亿元，为出口额（2.1亿元）的{}倍。", ("4.0", "4.4")),
        ("城镇居民人均消费支出31200元，是农村居民人均消费支出15600元的{}倍。", ("2.00", "2.20")),
        ("全年专利授权量达到4860件，相当于2018年（1620件）的{}倍。", ("3.0", "3.3")),
    ],
)
def test_a_multiple_is_read_past_the_bases_name_and_year(text: str, slip: tuple[str, str]) -> None:
    right, wrong = slip
    _right_and_slipped(text.format(right), text.format(wrong), f"times-{wrong.replace('.', '-')}")


@pytest.mark.parametrize(
    ("text", "slip", "rule"),
    [
        # the other period's value printed after its name (2月份为, 上年完成投资), a date as words
        (
            "6月份全市用电量28.8亿千瓦时，5月份为24.0亿千瓦时，环比增长{}%。",
            ("20.0", "22.0"),
            "growth-{}pct",
        ),
        (
            "2024年全县接待游客900万人次，较2021年的600万人次增长{}%。",
            ("50.0", "55.0"),
            "growth-{}pct",
        ),
        (
            "全年完成税收64.2亿元，上年完成税收58.7亿元，比上年增加{}亿元。",
            ("5.5", "6.5"),
            "difference-{}",
        ),
        # percentage points between two printed rates
        (
            "城镇化率达到58.40%，较上年提高{}个百分点，上年为57.25%。",
            ("1.15", "1.51"),
            "difference-{}",
        ),
        (
            "服务业增加值增长5.2%，增速比上半年回落{}个百分点（上半年增长6.0%）。",
            ("0.8", "1.8"),
            "difference-{}",
        ),
    ],
)
def test_the_compared_value_is_read_beside_the_change(
    text: str, slip: tuple[str, str], rule: str
) -> None:
    right, wrong = slip
    _right_and_slipped(text.format(right), text.format(wrong), rule.format(wrong.replace(".", "-")))


@pytest.mark.parametrize(
    ("text", "slip", "rule"),
    [
        (
            "年度计划造林3.0万亩，实际完成3.6万亩，完成年度计划的{}%。",
            ("120.0", "112.0"),
            "completion-{}pct",
        ),
        (
            "全年非稅收入實收4.40億元，預算數4.00億元，達成率{}%。",
            ("110.0", "101.0"),
            "completion-{}pct",
        ),
    ],
)
def test_a_completion_takes_the_plan_and_the_actual_by_their_labels(
    text: str, slip: tuple[str, str], rule: str
) -> None:
    right, wrong = slip
    _right_and_slipped(text.format(right), text.format(wrong), rule.format(wrong.replace(".", "-")))


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        (
            "全县常住人口50万人，共有卫生技术人员3600人，每千人拥有卫生技术人员{}人。",
            ("7.2", "8.2"),
        ),
        ("全镇共有住户1250户、4100人，平均每户{}人。", ("3.28", "3.82")),
        ("全年共举办招聘会24场，提供岗位1.80万个，平均每场提供岗位{}个。", ("750", "570")),
        ("全县120个行政村村集体经济收入共2880万元，平均每个村{}万元。", ("24.0", "28.0")),
    ],
)
def test_a_figure_per_one_of_something_is_the_total_over_their_count(
    text: str, slip: tuple[str, str]
) -> None:
    right, wrong = slip
    _right_and_slipped(text.format(right), text.format(wrong), f"ratio-{wrong.replace('.', '-')}")


def test_a_rate_per_head_with_two_populations_binds_neither() -> None:
    text = (
        "全县户籍人口52万人，常住人口50万人，共有卫生技术人员3600人，每千人拥有卫生技术人员8.2人。"
    )
    assert "ratio" not in [kind for kind, _ in asserted(text)]


def test_grown_by_n_times_is_n_plus_one_times_the_base() -> None:
    text = "全年网上零售额9.0亿元，比上年增长{}倍（上年为3.0亿元）。"
    _right_and_slipped(text.format("2.0"), text.format("3.0"), "times-3-0")


def test_last_years_value_may_be_printed_a_sentence_before_under_its_year() -> None:
    text = (
        "2022年，全县社会消费品零售总额40.0亿元。"
        "2023年，全县社会消费品零售总额44.0亿元，比上年增长{}%。"
    )
    _right_and_slipped(text.format("10.0"), text.format("11.0"), "growth-11-0pct")
    # two years apart: 比上年 is not the one printed
    assert scan_findings(text.replace("2022年", "2021年").format("11.0")) == []


def test_a_whole_named_in_full_may_be_printed_after_the_share() -> None:
    text = (
        "前三季度，全县民间投资完成42.0亿元，占固定资产投资总额的比重为{}%。"
        "全县固定资产投资总额为70.0亿元。"
    )
    _right_and_slipped(text.format("60.0"), text.format("62.0"), "share-62-0pct")
    # two sentences on: another passage
    far = text.replace("。全县", "。全县新开工项目38个。全县")
    assert scan_findings(far.format("62.0")) == []


def test_a_dated_clause_is_a_base_only_when_it_says_wei() -> None:
    # 2020年达到 is this period's level, not the base 比上年 compares with
    text = (
        "农业总产值从2000年的50.0万元，增加到2010年的120.0万元，2020年达到480.0万元，"
        "比上年增加8.6%。"
    )
    assert scan_findings(text) == []

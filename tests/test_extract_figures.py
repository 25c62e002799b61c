"""Finding figures in running text: spans, places, and what is a number but no figure."""

from __future__ import annotations

import pytest

from factlint.extract.figures_in_text import find_figures
from factlint.extract.pipeline import extract_text
from factlint.extract.text import NormalText


def found(source: str) -> list[str]:
    return [spot.text for spot in find_figures(NormalText.of(source))]


@pytest.mark.parametrize(
    ("source", "figures"),
    [
        # PDF breaks, scale words, units, qualifiers
        ("总 额 累 计 完 成 7.73 亿\n\n元，同比", ["7.73亿元"]),
        ("兑现资金 766.6\n\n万元。", ["766.6万元"]),
        ("投资10亿元以上转型项目，增幅超30%，近70万亿元", ["10亿元以上", "超30%", "近70万亿元"]),
        (
            "比上年提高1.5个百分点，下降0.75个千分点，出生率11.69‰",
            ["1.5个百分点", "0.75个千分点", "11.69‰"],
        ),
        ("实际利用外资9143.23万\n美元", ["9143.23万美元"]),
        ("粮食产量1.3万亿斤以上，1270多万人", ["1.3万亿斤以上", "1270多万人"]),
        # Chinese numerals: counts and ranks, never slogans or set phrases
        ("全年共开展五次“三个一批”活动", ["五次"]),
        ("总量在全市排位第一，增速第二。", ["第一", "第二"]),
        ("从第一时间复工，完成第一宗“标准地”出让，第一产业增加值", []),
        ("一批项目、一系列举措、这一年、“十四五”、千亿级、三方联动、三次产业", []),
        ("全国832个贫困县，两年平均增长2.1%", ["832个", "两年", "2.1%"]),
        # dates
        ("2020年 6月底，3、4 月", ["2020年", "6月", "3", "4月"]),
        ("(11-29-17) released", ["11", "29", "17"]),
        # an ISO date and a time of day: its parts, never a range 09-29
        ("发布时间: 2021-03-07 10:15 阅读", ["2021", "03", "07"]),
        ("posted 1998/12/31, 150 cases", ["1998", "12", "31", "150"]),
        ("2019-13-40 is no date", ["2019", "13-40"]),  # no month 13: read as before
        # English
        ("profits jumped 76% to $1.13bn (£600m), from $639m", ["76%", "$1.13bn", "£600m", "$639m"]),
        ("fell by 0.4 percentage point to 6.3 percent", ["0.4 percentage point", "6.3 percent"]),
        (
            "changed little (+49,000), from -140,000 to -227,000",
            ["+49,000", "-140,000", "-227,000"],
        ),
        ("about 1,200 people and more than 300 stores", ["about 1,200", "more than 300"]),
        # English number words: counts and amounts, not the pronoun one, compounds,
        # fractions or names
        (
            "profits for the three months to December, the preceding three quarters",
            ["three months", "three"],
        ),
        (
            "Twenty-five stores and two million dollars; about forty percent, sixty one cases",
            ["Twenty-five", "two million dollars", "about forty percent", "sixty one"],
        ),
        ("one of the biggest, one-off gains, a three-year plan, two thirds of voters", []),
        (
            "The Big Three met. Three firms, someone, between two and five years",
            ["Three", "two", "five years"],
        ),
        ("one million people, nineteen hundred", ["one million"]),
        # names, codes, times and references are no figures
        ("山西智创城NO.4基地, COVID-19, USDL-21-0158, 5G, Q4, adjusted1", []),
        ("embargoed until 8:30 a.m. (see table 1)", []),
        # a footnote's mark glued to its word is no figure; a bracketed number apart is
        ("城镇人口[3]为51.2万人，增长[12]2.0%", ["51.2万人", "2.0%"]),
        ("Net sales[2] rose 4% to $75 million", ["4%", "$75 million"]),
        ("reasons: [1] cost, [2] time", ["1", "2"]),
    ],
)
def test_figures_in_text(source: str, figures: list[str]) -> None:
    assert found(source) == figures


def test_a_figure_keeps_its_original_place() -> None:
    source = "示 范 区\n\n2019 年认定的 46\n\n户高新技术企业"
    text = NormalText.of(source)
    places = [(text.line_column(s.start), s.text) for s in find_figures(text)]
    assert places == [((3, 1), "2019年"), ((3, 11), "46户")]


def test_each_figure_is_read_by_the_figure_parser() -> None:
    (spot,) = find_figures(NormalText.of("在全市占比 19.61%"))
    assert (spot.figure.number, spot.figure.places, spot.figure.kind) == (
        spot.figure.number.__class__("19.61"),
        2,
        "percent",
    )


@pytest.mark.parametrize(
    ("text", "figure", "label"),
    [
        ("全年签约51项。", "51项", "签约"),
        ("其中新签约39项。", "39项", "新签约"),
        ("最近3年投资增长。", "3年", None),
        ("项目约51项。", "约51项", "项目"),
    ],
)
def test_a_word_ending_in_a_qualifier_character_is_not_a_qualifier(
    text: str, figure: str, label: str | None
) -> None:
    """签约 is "signed", not 签 + 约 ("about"): the figure is exact, the label whole."""
    facts = extract_text(text).facts
    assert [f.figure.text for f in facts][:1] == [figure]
    if label is not None:
        assert facts[0].label == label


def test_a_footnote_mark_leaves_the_label_whole() -> None:
    facts = extract_text("全市户籍人口[2]为81.5万人。Net sales[1] were $75 million.").facts
    assert [(f.label, f.value) for f in facts] == [
        ("全市户籍人口", "81.5万人"),
        ("Net sales", "$75 million"),
    ]


def test_members_of_a_list_share_the_points_its_last_member_names() -> None:
    text = "三次产业分别拉动经济增长0.9个、2.6个和3.5个百分点。新增企业3个、项目5个。"
    values = [(f.value, f.mentions[0].figure.kind) for f in extract_text(text).facts]
    assert values == [
        ("0.9个百分点", "points"),
        ("2.6个百分点", "points"),
        ("3.5个百分点", "points"),
        ("3个", "count"),  # a list of counts: no points after it
        ("5个", "count"),
    ]

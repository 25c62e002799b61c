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

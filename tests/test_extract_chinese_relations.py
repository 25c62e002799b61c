"""Relations Chinese report text asserts (issue 11): the three industries make up the GDP,
a bare number in a list of amounts takes its siblings' unit, contributions to growth add up
to 100%. Sentences written for these tests in the style of statistics bulletins; each
inconsistent one is an error that fails ``scan --fail-on error``, each consistent one gives
no finding."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.extract.discover import HOLDS, MISMATCH, discover
from factlint.extract.pipeline import extract_text
from factlint.extract.writer import facts_data
from scanning import scan_findings as findings

ROOT = Path(__file__).resolve().parent.parent


def asserted(text: str) -> list[tuple[str, str, str]]:
    """(kind, status, stated figure) of each asserted relation."""
    return sorted(
        (r.kind, r.status, r.stated) for r in discover(extract_text(text)) if r.is_asserted
    )


def scan_exit(folder: Path, text: str) -> tuple[int, str]:
    (folder / "t.txt").write_text(text + "\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "factlint", "scan", "t.txt", "--fail-on", "error"],
        capture_output=True,
        text=True,
        env=env,
        cwd=folder,
        check=False,
    )
    return done.returncode, done.stdout


GDP_WRONG = (
    "上半年，全区实现地区生产总值91.4亿元，可比价同比增长5.1%。其中，第一产业增加值2.9亿元，"
    "增长3.7%；第二产业增加值28.4，增长4.5%；第三产业增加值18.2亿元，增长6.1%。"
)
GDP_RIGHT = (
    "上半年，全区实现地区生产总值91.4亿元，可比价同比增长5.1%。其中，第一产业增加值2.9亿元，"
    "增长3.7%；第二产业增加值70.3，增长4.5%；第三产业增加值18.2亿元，增长6.1%。"
)


# --------------------------------------------------------------------------- sibling units


def test_a_bare_number_in_a_list_of_amounts_takes_its_siblings_unit() -> None:
    facts = {f.label: f.value for f in extract_text(GDP_WRONG).facts}
    assert facts["第二产业增加值"] == "28.4亿元"
    # the rate after it now speaks of it, not of the industry before
    assert facts["第二产业增加值增长"] == "4.5%"


def test_the_facts_file_keeps_the_printed_number_and_names_the_unit() -> None:
    data = facts_data(extract_text(GDP_WRONG), report_id="t", source="t.txt")
    facts = data["facts"]
    assert isinstance(facts, dict)
    (mention,) = facts["第二产业增加值"]["mentions"]
    assert (mention["value"], mention["unit"]) == ("28.4", "亿元")
    assert "28.4，" in mention["quote"]


@pytest.mark.parametrize(
    "text",
    [
        # not a list: one amount before, none after
        "地区生产总值91.4亿元，第二产业增加值28.4，增长4.5%。",
        # the labels do not end alike: another measure
        "工业增加值2.9亿元，指数28.4，固定资产投资18.2亿元。",
        # siblings in different units
        "第一产业增加值2.9亿元；第二产业增加值28.4；第三产业增加值1820万元。",
        # a decline keeps its bare number
        "第一产业增加值2.9亿元；第二产业增加值下降28.4；第三产业增加值18.2亿元。",
    ],
)
def test_a_bare_number_outside_a_clean_list_stays_bare(text: str) -> None:
    (fact,) = [f for f in extract_text(text).facts if "28.4" in f.value]
    assert fact.value.lstrip("-") == "28.4"


# --------------------------------------------------------------------------- GDP split


def test_three_industries_that_miss_the_gdp_are_an_asserted_error() -> None:
    assert ("sum", MISMATCH, "91.4亿元") in asserted(GDP_WRONG)
    assert findings(GDP_WRONG) == [("sum-91-4", "error")]


def test_three_industries_that_make_up_the_gdp_pass() -> None:
    assert ("sum", HOLDS, "91.4亿元") in asserted(GDP_RIGHT)
    assert findings(GDP_RIGHT) == []


def test_the_gdp_split_fails_the_scan_and_a_right_one_passes(tmp_path: Path) -> None:
    code, out = scan_exit(tmp_path, GDP_WRONG)
    assert code == 1, out
    assert "the three industries make up the GDP" in out
    code, out = scan_exit(tmp_path, GDP_RIGHT)
    assert code == 0, out


@pytest.mark.parametrize(
    "text",
    [
        # traditional characters, a closing verb
        "全市地區生產總值實現3216.1億元，同比增長4.2%。第一產業增加值實現217.3億元；"
        "第二產業增加值實現1288.7億元；第三產業增加值實現1810.1億元。",
        # 一产/二产/三产
        "全县GDP完成100.0亿元。一产增加值10.0亿元，二产增加值40.0亿元，三产增加值60.0亿元。",
    ],
)
def test_the_split_is_read_in_other_spellings(text: str) -> None:
    sums = [r for r in asserted(text) if r[0] == "sum"]
    assert len(sums) == 1 and sums[0][1] == MISMATCH


@pytest.mark.parametrize(
    "text",
    [
        # two values of one industry after the GDP: which one is its part?
        "地区生产总值91.4亿元。第一产业增加值2.9亿元，上年第一产业增加值2.5亿元；第二产业增加值"
        "28.4亿元；第三产业增加值18.2亿元。",
        # only two industries printed
        "地区生产总值91.4亿元。其中，第二产业增加值28.4亿元，第三产业增加值18.2亿元。",
        # per head is no total
        "人均地区生产总值91.4亿元。第一产业增加值2.9亿元，第二产业增加值28.4亿元，第三产业增加值"
        "18.2亿元。",
    ],
)
def test_a_split_in_doubt_asserts_nothing(text: str) -> None:
    assert not [r for r in asserted(text) if r[0] == "sum" and r[2] == "91.4亿元"]


@settings(max_examples=25, deadline=None)
@given(
    # Each industry at least 1.0亿元, so the GDP stays positive whatever the slip: a GDP printed
    # as 0.0 is not read as a total at all (a total must be positive).
    st.lists(st.integers(min_value=10, max_value=99_999), min_size=3, max_size=3),
    st.integers(min_value=-6, max_value=6),
)
def test_a_split_is_decided_on_the_printed_figures(parts: list[int], slip: int) -> None:
    """Tenths of 亿元: a total within the rounding of its four figures (±0.2) passes; one
    printed further off fails as an error."""
    values = [Decimal(p).scaleb(-1) for p in parts]  # 2230 → 223.0, printed so
    total = sum(values, Decimal(0)) + Decimal(slip).scaleb(-1)
    text = (
        f"全县实现地区生产总值{total}亿元。其中，第一产业增加值{values[0]}亿元；"
        f"第二产业增加值{values[1]}亿元；第三产业增加值{values[2]}亿元。"
    )
    expected = [] if abs(slip) <= 2 else [(f"sum-{str(total).replace('.', '-')}", "error")]
    assert [f for f in findings(text) if f[0].startswith("sum-")] == expected


# --------------------------------------------------------------------------- contributions


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("三次产业对经济增长的贡献率分别为5.1%、40.2%和55.6%。", MISMATCH),
        ("三次产业对经济增长的贡献率分别为5.1%、40.2%和54.7%。", HOLDS),
        ("第一、二、三产业对GDP增长的贡献率分别为3.5%、53.2%、43.3%。", HOLDS),
    ],
)
def test_contributions_to_growth_add_up_to_a_hundred(text: str, status: str) -> None:
    assert [r[1] for r in asserted(text) if r[0] == "structure"] == [status]


def test_wrong_contributions_fail_as_an_error() -> None:
    assert findings("三次产业对经济增长的贡献率分别为5.1%、40.2%和55.6%。")[0][1] == "error"


# --------------------------------------------------------------------------- totals after parts


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("第一产业增加值159.5亿元，第二产业增加值87.9亿元，合计247.9亿元。", MISMATCH),
        # 159.5 + 87.9 may be 247.48 before rounding: 247.5 is consistent
        ("第一产业增加值159.5亿元，第二产业增加值87.9亿元，合计247.5亿元。", HOLDS),
        ("中直经济增加值384.8亿元，地方经济增加值843.2亿元，两项合计1228亿元。", HOLDS),
        ("中直经济增加值384.8亿元，地方经济增加值843.2亿元，两项合计1238亿元。", MISMATCH),
        (
            "地区生产总值1000亿元，第一产业增加值159.5亿元，第二产业增加值87.9亿元，以上两项合计"
            "247.4亿元。",
            HOLDS,
        ),
    ],
)
def test_a_total_after_clauses_of_one_list_is_asserted(text: str, status: str) -> None:
    assert [r[1] for r in asserted(text) if r[0] == "sum"] == [status]


@pytest.mark.parametrize(
    "text",
    [
        # the clauses do not list one measure
        "全市实现税收5.2亿元，第二产业增加值87.9亿元，合计93.9亿元。",
        # a rate clause ends the list
        "城镇居民收入100亿元，增长5%，农村居民收入50亿元，合计170亿元。",
    ],
)
def test_clauses_that_are_no_list_give_no_total(text: str) -> None:
    assert not [r for r in asserted(text) if r[0] == "sum"]


def test_a_wrong_total_fails_the_scan(tmp_path: Path) -> None:
    code, out = scan_exit(
        tmp_path, "第一产业增加值159.5亿元，第二产业增加值87.9亿元，合计247.9亿元。"
    )
    assert code == 1 and "sum-247-9 is inconsistent" in out


# --------------------------------------------------------------------------- 分别为 lists


def test_parts_a_qizhong_lists_cannot_exceed_their_whole() -> None:
    text = "全年共签约项目30个，其中工业项目、服务业项目、农业项目分别为12个、10个、9个。"
    assert ("within", "exceeds", "30个") in asserted(text)
    assert ("within-30", "error") in findings(text)
    text = "全年共签约项目30个，其中工业项目、服务业项目、农业项目分别为12个、10个、5个。"
    assert ("within", HOLDS, "30个") in asserted(text)
    assert findings(text) == []


POPULATION = (
    "年末全县户籍人口为112635人。其中，城镇人口54715人，乡村人口57920人；0-17岁、18-34岁、"
    "35-59岁和60岁及以上户籍人口分别为18891人、19099人、48951人和{last}人。"
)


def test_brackets_that_cover_every_age_add_up_to_the_whole_as_a_warning(tmp_path: Path) -> None:
    text = POPULATION.format(last=25594)
    (brackets,) = [r for r in discover(extract_text(text)) if r.kind == "sum" and len(r.facts) == 5]
    assert brackets.status == MISMATCH and not brackets.is_asserted
    assert brackets.rule["severity"] == "warning"
    code, out = scan_exit(tmp_path, text)
    assert code == 0 and "warning: sum-112635" in out
    right = POPULATION.format(last=25694)
    assert not [f for f in findings(right) if f[0].startswith("sum-")]


@pytest.mark.parametrize(
    "names",
    [
        "0-17岁、18-34岁、40-59岁和60岁及以上",  # a gap: 35 to 39 missing
        "18-34岁、35-59岁、60-79岁和80岁及以上",  # not from the bottom
        "0-17岁、18-34岁、35-59岁和60-79岁",  # not to the top
    ],
)
def test_brackets_with_a_gap_assert_nothing(names: str) -> None:
    text = POPULATION.format(last=25594).replace("0-17岁、18-34岁、35-59岁和60岁及以上", names)
    assert not [r for r in discover(extract_text(text)) if r.kind == "sum" and len(r.facts) == 5]


# --------------------------------------------------------------------------- 由上年的 A 到 B


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("地方财政收入由上年的20.0亿元增加到22.5亿元，增长13.5%。", ("growth", MISMATCH, "13.5%")),
        ("地方财政收入由上年的20.0亿元增加到22.5亿元，增长12.5%。", ("growth", HOLDS, "12.5%")),
        ("全市人口从2019年的50.0万人减少到45.0万人，下降10.0%。", ("growth", HOLDS, "-10.0%")),
        (
            "第三产业增加值占GDP比重由上年的45.1%提高到47.2%，提高2.1个百分点。",
            ("difference", HOLDS, "2.1个百分点"),
        ),
        (
            "城镇化率由2019年的60.2%提高到61.5%，提高1.5个百分点。",
            ("difference", "off-by-one", "1.5个百分点"),
        ),
    ],
)
def test_a_change_from_last_years_value_is_asserted(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in asserted(text)


def test_a_wrong_change_from_last_years_share_fails_the_scan(tmp_path: Path) -> None:
    text = "第三产业增加值占GDP比重由上年的45.1%提高到47.2%，提高2.9个百分点。"
    code, out = scan_exit(tmp_path, text)
    assert code == 1 and "error: difference-2-9" in out


# --------------------------------------------------------------------------- repeats


BODY = "全县实现地区生产总值{body}亿元，可比价同比增长5.1%，经济运行稳中有升，发展质量持续提高。"


@pytest.mark.parametrize(
    ("headline", "body", "flagged"),
    [
        ("91.4", "91.6", True),  # one digit changed
        ("91.4", "94.1", True),  # two digits swapped
        ("91.4", "91.4", False),  # the same figure: linked, nothing to say
        ("91.4", "98.7", False),  # far apart: another scope or period, not a slip
    ],
)
def test_a_summary_that_repeats_the_body_with_a_slip_is_a_warning(
    headline: str, body: str, flagged: bool
) -> None:
    text = f"全县地区生产总值达{headline}亿元\n\n" + BODY.format(body=body) + "\n"
    repeats = [r for r in discover(extract_text(text)) if r.kind == "equal"]
    assert bool(repeats) == flagged
    if flagged:
        assert repeats[0].rule["severity"] == "warning" and not repeats[0].is_asserted
        assert findings(text) == [(repeats[0].rule["id"], "warning")]


def test_a_repeat_of_another_period_is_not_compared() -> None:
    body = "全年，" + BODY.format(body="91.6") + "\n"
    text = "全县地区生产总值达91.4亿元\n\n" + body
    assert [r.kind for r in discover(extract_text(text)) if r.kind == "equal"] == ["equal"]
    text = "上半年，全县地区生产总值达91.4亿元\n\n" + body
    assert not [r for r in discover(extract_text(text)) if r.kind == "equal"]


# --------------------------------------------------------------------------- gaps to the GDP


GDP_GROWTH = "前三季度全市地区生产总值3216.1亿元，同比增长4.2%。"


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("工业增加值1207.7亿元，同比增长5.3%，高于GDP增速1.1个百分点。", HOLDS),
        ("工业增加值1207.7亿元，同比增长5.3%，高于GDP增速1.5个百分点。", MISMATCH),
        ("第一产业同比增长4.7%，高于全市经济增长0.5个百分点。", HOLDS),
        ("建筑业增加值同比增长3.0%，低于全市地区生产总值增速1.2个百分点。", HOLDS),
        ("建筑业增加值同比增长3.0%，低于全市地区生产总值增速2.2个百分点。", MISMATCH),
        # traditional characters, pinyin glosses
        ("第一產業(yè)同比增長4.7%，高于全市經(jīng)濟增長0.5個百分點。", HOLDS),
    ],
)
def test_a_gap_to_the_gdps_growth_is_asserted(sentence: str, status: str) -> None:
    gaps = [r for r in asserted(GDP_GROWTH + sentence) if r[0] == "difference"]
    assert [r[1] for r in gaps] == [status]


@pytest.mark.parametrize(
    "text",
    [
        # the GDP's growth not printed
        "工业增加值同比增长5.3%，高于GDP增速1.1个百分点。",
        # two growth rates of the GDP: which one?
        "上半年地区生产总值增长4.0%，前三季度地区生产总值增长4.2%。工业增加值同比增长5.3%，"
        "高于GDP增速1.1个百分点。",
        # compared with the nation's: not printed
        GDP_GROWTH + "工业增加值同比增长5.3%，高于全国平均1.1个百分点。",
    ],
)
def test_a_gap_in_doubt_asserts_nothing(text: str) -> None:
    assert not [r for r in asserted(text) if r[0] == "difference"]


def test_a_wrong_gap_to_the_gdp_fails_the_scan(tmp_path: Path) -> None:
    text = GDP_GROWTH + "工业增加值1207.7亿元，同比增长5.3%，高于GDP增速1.5个百分点。"
    code, out = scan_exit(tmp_path, text)
    assert code == 1 and "error: difference-1-5" in out


def test_a_change_is_never_the_whole_a_qizhong_breaks_down() -> None:
    text = "年末常住人口94.9万人，比上年末增加0.1万人，其中城镇人口41.4万人，乡村人口53.5万人。"
    assert not [r for r in discover(extract_text(text)) if r.status == "exceeds"]
    assert findings(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "全市规模以上工业增加值97.89亿元，同比增长9.1%，比全省（7.4%）和全国（6.3%）分别高1.7、"
            "2.8个百分点。",
            [HOLDS, HOLDS],
        ),
        (
            "全市生产总值440.26亿元，增长8.4%，增速同比提高0.8个百分点，比全省（7.7%）和全国平均"
            "水平（7.0%）分别高0.7、1.9个百分点。",
            [HOLDS, MISMATCH],
        ),
        ("固定资产投资同比增长5.0%，比全省（6.2%）低1.2个百分点。", [HOLDS]),
        ("固定资产投资同比增长5.0%，比全省（6.2%）低1.5个百分点。", [MISMATCH]),
    ],
)
def test_gaps_to_rates_printed_in_brackets_are_asserted(text: str, expected: list[str]) -> None:
    gaps = [r for r in discover(extract_text(text)) if r.kind == "difference" and r.is_asserted]
    assert sorted(r.status for r in gaps) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        # two rates in brackets, one gap, no 分别: which one?
        "同比增长9.1%，比全省（7.4%）和全国（6.3%）高1.7个百分点。",
        # the gap is no list of points
        "同比增长9.1%，比全省（7.4%）和全国（6.3%）分别高1.7、2.8。",
    ],
)
def test_bracketed_rates_in_doubt_assert_nothing(text: str) -> None:
    assert not [r for r in discover(extract_text(text)) if r.kind == "difference" and r.is_asserted]


@pytest.mark.parametrize(
    ("share", "status"),
    [("32.1%", "off-by-one"), ("32.3%", HOLDS), ("30.5%", MISMATCH)],
)
def test_a_share_in_brackets_of_the_whole_a_qizhong_breaks_down(share: str, status: str) -> None:
    text = (
        "1至6月，全市固定资产投资完成232.88亿元，同比增长34.5%。其中工业投资75.11亿元"
        f"（占总投资的{share}），增长103.2%。"
    )
    assert ("share", status, share) in asserted(text)


def test_the_industries_are_read_with_their_verb_inside_the_label() -> None:
    text = (
        "全年完成地區生產總值(GDP)221.23億元，比上年同期增長5.0%。其中：第一產業實現增加值47.24億元，"
        "增長2.8%；第二產業實現增加值61.77億元，增長5.2%；第三產業實現增加值122.22億元，增長5.8%。"
    )
    assert ("sum", MISMATCH, "221.23億元") in asserted(text)


def test_a_plain_gap_in_a_list_of_points_checks_as_points() -> None:
    text = "同比增长9.1%，比全省（7.4%）和全国（6.3%）分别高1.7、2.8个百分点。"
    assert findings(text) == []
    wrong = "同比增长9.1%，比全省（7.4%）和全国（6.3%）分别高1.9、2.8个百分点。"
    assert findings(wrong) == [("difference-1-9", "error")]


def test_an_increase_in_revenue_is_no_part_of_another() -> None:
    text = (
        "地方財政收入完成100223萬元，較上年同期增長2.61%，增收2546萬元。其中：稅收收入完成66342萬元，"
        "較上年同期增長18.39%，增收10304萬元。"
    )
    assert findings(text) == []


@pytest.mark.parametrize(("share", "status"), [("66.2%", HOLDS), ("62.2%", MISMATCH)])
def test_a_share_of_the_gdp_named_by_its_subject(share: str, status: str) -> None:
    text = (
        "全年实现地区生产总值(GDP)439.19亿元，比上年增长3.3%。全年实现民营经济增加值290.6亿元，"
        f"比上年增长1.5%；民营经济占GDP的比重为{share}，较上年下降0.8个百分点。"
    )
    assert ("share", status, share) in asserted(text)


def test_a_subject_that_names_two_figures_binds_nothing() -> None:
    text = (
        "全年实现地区生产总值439.19亿元。民营经济增加值290.6亿元，民营经济税收20.1亿元；"
        "民营经济占GDP的比重为66.2%。"
    )
    assert not [r for r in asserted(text) if r[0] == "share"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("营业收入120.0亿元，比上年同期的100.0亿元增长20.0%。", (HOLDS, "20.0%")),
        ("营业收入120.0亿元，比上年同期的100.0亿元增长25.0%。", (MISMATCH, "25.0%")),
        ("营业收入120.0亿元，上年同期为100.0亿元，增长20.0%。", (HOLDS, "20.0%")),
        ("营业收入120.0亿元（上年同期为100.0亿元），增长21.0%。", (MISMATCH, "21.0%")),
        ("营业收入90.0亿元，上年同期为100.0亿元，下降10.0%。", (HOLDS, "-10.0%")),
        ("营业收入90.0亿元，上年同期为100.0亿元，下降12.0%。", (MISMATCH, "-12.0%")),
    ],
)
def test_growth_from_last_years_value_printed_beside_it(
    text: str, expected: tuple[str, str]
) -> None:
    assert [(s, f) for k, s, f in asserted(text) if k == "growth"] == [expected]


def test_growth_of_another_measure_is_not_bound() -> None:
    text = "营业收入120.0亿元，上年同期为100.0亿元，利润增长25.0%。"
    assert not [r for r in asserted(text) if r[0] == "growth"]

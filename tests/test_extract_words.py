"""Relations read from a report's words (issue 11), each pattern in sentences written for
these tests: a relation the words assert that fails is an error (``scan --fail-on error``
exits 1), one that holds gives no finding, and figures the words do not tie are left alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from factlint.extract.discover import discover
from factlint.extract.pipeline import extract_text

ROOT = Path(__file__).resolve().parent.parent


def asserted(text: str) -> list[tuple[str, str, str]]:
    """(kind, status, stated figure) of each asserted relation."""
    return sorted(
        (r.kind, r.status, r.stated) for r in discover(extract_text(text)) if r.is_asserted
    )


def kinds(text: str) -> set[str]:
    return {r.kind for r in discover(extract_text(text))}


def values(text: str) -> dict[str, str]:
    return {f.label: f.value for f in extract_text(text).facts}


# --------------------------------------------------------------------------- rates per unit


def test_a_yield_per_hectare_is_no_part_of_the_yield_it_follows() -> None:
    # a wheat yield above the average grain yield: 其中 lists a rate, not a part
    text = "全省粮食单产每公顷5210公斤，比上年提高1.2%。其中水稻单产每公顷6830公斤，提高0.8%。"
    assert "within" not in kinds(text)


def test_a_rate_per_head_is_no_part_either() -> None:
    text = "全市每万人拥有医生31.5人。其中城区每万人拥有医生46.2人。"
    assert "within" not in kinds(text)


def test_a_part_larger_than_its_whole_is_still_an_error() -> None:
    text = "全市粮食产量为84.2万吨，其中小麦产量为91.5万吨。"
    assert ("within", "exceeds", "91.5万吨") in asserted(text)


# --------------------------------------------------------------------------- traditional


def test_traditional_counters_make_counts() -> None:
    facts = values("全縣共有企業1,250個，新建項目36項，農戶820戶，汽車430輛。")
    assert facts["全縣共有企業"] == "1,250個"
    assert facts["汽車"] == "430輛"


def test_a_share_of_traditional_counts_is_checked() -> None:
    wrong = "全縣共有企業1,250個，其中新增企業300個，佔比25.0%。"
    right = "全縣共有企業1,250個，其中新增企業300個，佔比24.0%。"
    assert ("share", "mismatch", "25.0%") in asserted(wrong)
    assert ("share", "holds", "24.0%") in asserted(right)


def test_traditional_measures_and_currencies_keep_their_unit() -> None:
    facts = values("糧食產量42.3萬噸，播種面積18.6萬公頃，出口額3.2億歐元。")
    assert facts["糧食產量"] == "42.3萬噸"
    assert facts["播種面積"] == "18.6萬公頃"
    assert facts["出口額"] == "3.2億歐元"


# --------------------------------------------------------------------------- rate, then change


BUDGET_WRONG = (
    "全县一般公共预算收入完成12,500万元(自然口径)，占调整预算102.3%，同比增长9.8%，增收1,210万元。"
)
BUDGET_RIGHT = (
    "全县一般公共预算收入完成12,500万元(自然口径)，占调整预算102.3%，同比增长10.7%，增收1,210万元。"
)


def test_a_rate_followed_by_its_change_is_checked_against_the_level() -> None:
    assert ("growth-from-increase", "mismatch", "9.8%") in asserted(BUDGET_WRONG)
    assert ("growth-from-increase", "holds", "10.7%") in asserted(BUDGET_RIGHT)


def test_a_decline_and_a_fall_in_revenue_carry_their_signs() -> None:
    # 300 / (6000 + 300) = 4.76%: the year before was 6300
    wrong = "全县税收收入完成6,000万元，同比下降4.0%，减收300万元。"
    right = "全县税收收入完成6,000万元，同比下降4.8%，减收300万元。"
    assert values(wrong)["减收"] == "-300万元"
    assert ("growth-from-increase", "mismatch", "-4.0%") in asserted(wrong)
    assert ("growth-from-increase", "holds", "-4.8%") in asserted(right)


def test_a_rate_and_a_change_that_disagree_in_direction_bind_nothing() -> None:
    text = "全县税收收入完成6,000万元，同比增长4.0%，减收300万元。"
    assert "growth-from-increase" not in kinds(text)


def test_a_rate_of_another_noun_binds_nothing() -> None:
    text = "全县税收收入完成6,000万元，其中增值税同比增长4.0%，增收300万元。"
    assert "growth-from-increase" not in kinds(text)


# --------------------------------------------------------------------------- multiples


def test_an_n_fold_change_between_two_printed_values_is_checked() -> None:
    wrong = "The index increased 2.5-fold from 20.0 to 64.0."
    right = "The index increased 3.2-fold from 20.0 to 64.0."
    assert ("times", "mismatch", "2.5") in asserted(wrong)
    assert ("times", "holds", "3.2") in asserted(right)


def test_an_n_fold_rise_to_a_value_from_another() -> None:
    assert ("times", "holds", "4") in asserted("Bookings saw a 4-fold increase to 820 from 200.")
    assert ("times", "mismatch", "4") in asserted(
        "Bookings saw a 4-fold increase to 1,400 from 200."
    )


def test_a_multiple_is_never_read_as_the_change_of_the_values_before_it() -> None:
    text = "Leeds went from 140.0 to 290.0, and York increased by 2.5-fold from 80.0 to 200.0."
    assert "difference" not in kinds(text)
    assert ("times", "holds", "2.5") in asserted(text)


def test_a_verb_of_multiple_before_a_comma_still_binds_its_values() -> None:
    assert ("times", "mismatch", "tripled") in asserted(
        "Exports tripled, from 1.2 million to 4.5 million."
    )
    assert ("times", "holds", "tripled") in asserted(
        "Exports tripled, from 1.2 million to 3.3 million."
    )


# --------------------------------------------------------------------------- from A to B


def test_a_rate_from_a_value_in_a_year_to_another_skips_the_years() -> None:
    wrong = "Sales rose 12% from $40.0 million in 2019 to $46.0 million in 2020."
    right = "Sales rose 15% from $40.0 million in 2019 to $46.0 million in 2020."
    assert ("growth", "mismatch", "12%") in asserted(wrong)
    assert ("growth", "holds", "15%") in asserted(right)


def test_words_of_the_first_values_period_may_stand_before_to() -> None:
    wrong = "The rate rose by 50 per cent from 210.0 before the outbreak, to 330.0 after it."
    right = "The rate rose by 57 per cent from 210.0 before the outbreak, to 330.0 after it."
    assert ("growth", "mismatch", "50 per cent") in asserted(wrong)
    assert ("growth", "holds", "57 per cent") in asserted(right)


def test_a_fall_between_two_bare_counts_carries_its_sign() -> None:
    wrong = "The number of visitors fell by 8% to 9,200 from 10,300."
    right = "The number of visitors fell by 11% to 9,200 from 10,300."
    assert ("growth", "mismatch", "-8%") in asserted(wrong)
    assert ("growth", "holds", "-11%") in asserted(right)


def test_a_sentence_ending_between_the_values_binds_nothing() -> None:
    text = "The rate rose by 50 per cent from 210.0. In March it fell to 330.0 again."
    assert "growth" not in kinds(text)


# --------------------------------------------------------------------------- margins


def test_an_operating_margin_is_the_operating_income_over_the_revenue() -> None:
    wrong = (
        "Revenue was $250.0 million in the quarter. "
        "Operating income was $31.0 million, an operating margin of 13.4%."
    )
    assert ("share", "mismatch", "13.4%") in asserted(wrong)
    assert ("share", "holds", "12.4%") in asserted(wrong.replace("13.4%", "12.4%"))


def test_gross_and_adjusted_margins_name_their_own_profit() -> None:
    text = (
        "Net sales were $80.0 million. Gross profit was $24.8 million (gross margin of 31.0%). "
        "Adjusted operating income was $9.0 million, or an adjusted operating margin of 11.3%."
    )
    assert ("share", "holds", "31.0%") in asserted(text)
    assert ("share", "holds", "11.3%") in asserted(text)


def test_a_margin_beside_another_profit_binds_nothing() -> None:
    # an adjusted margin printed after the reported figure: a different measure
    text = (
        "Revenue was $250.0 million. "
        "Operating income was $31.0 million, an adjusted operating margin of 14.0%."
    )
    assert "14.0%" not in {stated for _, _, stated in asserted(text)}


def test_two_revenues_before_the_margin_bind_nothing() -> None:
    text = (
        "Revenue was $250.0 million, against revenue of $210.0 million a year earlier. "
        "Operating income was $31.0 million, an operating margin of 13.4%."
    )
    assert "13.4%" not in {stated for _, _, stated in asserted(text)}


# --------------------------------------------------------------------------- bases, targets


def test_last_years_value_printed_after_the_rate_is_its_base() -> None:
    wrong = "全县地区生产总值120.5亿元，比上年增长8.0%，上年为110.2亿元。"
    right = "全县地区生产总值120.5亿元，比上年增长9.3%（上年为110.2亿元）。"
    assert ("growth", "mismatch", "8.0%") in asserted(wrong)
    assert ("growth", "holds", "9.3%") in asserted(right)


def test_a_decline_with_its_base_after_it() -> None:
    # 38.0 / 40.0 - 1 = -5.0%
    assert ("growth", "holds", "-5.0%") in asserted(
        "全县煤炭产量38.0万吨，比上年下降5.0%，上年为40.0万吨。"
    )
    assert ("growth", "mismatch", "-4.0%") in asserted(
        "全县煤炭产量38.0万吨，比上年下降4.0%，上年为40.0万吨。"
    )


def test_a_target_printed_after_the_word_that_names_it() -> None:
    wrong = "全年完成固定资产投资88.6亿元，完成年度目标80.0亿元的105.0%。"
    assert ("completion", "mismatch", "105.0%") in asserted(wrong)
    assert ("completion", "holds", "110.8%") in asserted(wrong.replace("105.0%", "110.8%"))


def test_a_target_named_earlier_in_the_sentence() -> None:
    wrong = "全年完成固定资产投资88.6亿元，年度目标为80.0亿元，完成年度目标的105.0%。"
    assert ("completion", "mismatch", "105.0%") in asserted(wrong)
    assert ("completion", "holds", "110.8%") in asserted(wrong.replace("105.0%", "110.8%"))


def test_a_completion_without_its_target_printed_binds_nothing() -> None:
    text = "全年完成固定资产投资88.6亿元，同比增长7.5%，完成年度目标的105.0%。"
    assert "completion" not in kinds(text)


# --------------------------------------------------------------------------- lists, levels


def test_three_industries_listed_by_fenbiewei_make_up_the_gdp() -> None:
    wrong = (
        "全县实现地区生产总值121.5亿元，增长6.5%。"
        "其中，第一、二、三产业增加值分别为12.3亿元、54.6亿元和53.6亿元。"
    )
    right = wrong.replace("53.6亿元", "54.6亿元")
    assert ("sum", "mismatch", "121.5亿元") in asserted(wrong)
    assert ("sum", "holds", "121.5亿元") in asserted(right)
    assert ("sum", "mismatch", "121.5亿元") in asserted(
        wrong.replace("第一、二、三产业", "三次产业")
    )


def test_a_list_of_two_industries_is_no_split_of_the_gdp() -> None:
    text = (
        "全县实现地区生产总值121.5亿元，增长6.5%。"
        "其中，第二、三产业增加值分别为54.6亿元和53.6亿元。"
    )
    assert "sum" not in {kind for kind, _, _ in asserted(text)}


def test_a_change_to_a_level_and_its_rate() -> None:
    # 2.0 / (14.0 - 2.0) = 16.7%
    assert ("growth-from-increase", "mismatch", "20%") in asserted(
        "Profit rose by $2.0 million to $14.0 million, an increase of 20%."
    )
    assert ("growth-from-increase", "holds", "16.7%") in asserted(
        "Net income rose 16.7% to $14.0 million, an increase of $2.0 million."
    )


def test_a_fall_to_a_level_and_its_rate() -> None:
    # 3.0 / (27.0 + 3.0) = 10%
    assert ("growth-from-increase", "holds", "-10%") in asserted(
        "Costs fell by $3.0 million to $27.0 million, a decrease of 10%."
    )
    assert ("growth-from-increase", "mismatch", "-12%") in asserted(
        "Sales fell 12% to $27.0 million, down $3.0 million."
    )


# --------------------------------------------------------------------------- unchanged


def test_a_value_said_unchanged_equals_the_one_of_the_period_before() -> None:
    wrong = "The fee for 2022/23 was £120.00. The fee for 2023/24 remains unchanged at £125.00."
    right = "The fee for 2022/23 was £125.00. The fee for 2023/24 remains unchanged at £125.00."
    assert ("equal", "mismatch", "£125.00") in asserted(wrong)
    assert ("equal", "mismatch", "£125.00") not in asserted(right)


def test_yu_shang_nian_chi_ping_in_chinese() -> None:
    wrong = "2022年全县学费标准为每生1200元。2023年全县学费标准为每生1250元，与上年持平。"
    assert ("equal", "mismatch", "1250元") in asserted(wrong)


def test_unchanged_without_the_period_before_printed_binds_nothing() -> None:
    text = "The fee for 2021/22 was £120.00. The fee for 2023/24 remains unchanged at £125.00."
    assert "equal" not in kinds(text)


def test_unchanged_of_another_thing_binds_nothing() -> None:
    text = "The fee for 2022/23 was £120.00. The charge for 2023/24 remains unchanged at £125.00."
    assert "equal" not in kinds(text)


# --------------------------------------------------------------------------- glosses


GLOSSED = "年末全市常住人口312.87萬(wàn)人。其中,城鎮(zhèn)人口為151.93萬(wàn)人,城鎮化率達49.56%。"


def test_a_pinyin_gloss_between_the_scale_and_the_unit_keeps_the_unit() -> None:
    facts = values(GLOSSED + "全年生豬出欄17.93萬(wàn)頭。")
    assert facts["年末全市常住人口"] == "312.87萬人"
    assert facts["生豬出欄"] == "17.93萬頭"


def test_a_share_of_glossed_figures_is_checked() -> None:
    # 151.93 / 312.87 = 48.56%
    assert ("definition", "mismatch", "49.56%") in asserted(GLOSSED)
    assert ("definition", "holds", "48.56%") in asserted(GLOSSED.replace("49.56", "48.56"))


def test_a_glossed_figure_passes_the_sync_check(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(GLOSSED.replace("49.56", "48.56") + "\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "factlint", "scan", str(report), "--fail-on", "warning"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stdout


def _scan(tmp_path: Path, text: str) -> tuple[int, str]:
    report = tmp_path / "r.txt"
    report.write_text(text + "\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "factlint", "scan", str(report), "--fail-on", "warning"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    return done.returncode, done.stdout


def test_harvests_up_and_down_bind_their_rates() -> None:
    # 0.5 / 41.8 = 1.2%; 0.6 / (4.0 + 0.6) = 13.0%
    assert ("growth-from-increase", "mismatch", "2.1%") in asserted(
        "全县粮食产量为42.3万吨，增长2.1%，增产0.5万吨。"
    )
    assert ("growth-from-increase", "mismatch", "-10.0%") in asserted(
        "全县棉花产量为4.0万吨，比上年减产0.6万吨，下降10.0%。"
    )


def test_falls_in_revenue_and_harvest_pass_the_sync_check(tmp_path: Path) -> None:
    # the sign read from 减收/减产 is found again in the quote: no quote-in-source error
    code, out = _scan(
        tmp_path,
        "全县税收收入完成6,000万元，同比下降4.8%，减收300万元。"
        "全县棉花产量为4.0万吨，比上年减产0.6万吨，下降13.0%。",
    )
    assert code == 0, out


# --------------------------------------------------------------------------- sub-items


SUB_ITEMS = """全市卫生机构共有床位8,640张，比上年增加320张；卫生技术人员10,250人。
——医院。床位6,120张，比上年增加210张；卫生技术人员7,300人。
——基层医疗卫生机构。床位2,520张，比上年增加110张；卫生技术人员2,950人。
"""


def test_dashed_sub_items_that_add_up_give_no_finding() -> None:
    relations = [r for r in discover(extract_text(SUB_ITEMS)) if r.kind == "sum"]
    assert {r.stated for r in relations} >= {"8,640张", "320张", "10,250人"}
    assert all(r.status == "holds" and not r.is_asserted for r in relations)


def test_a_sub_item_sum_off_in_the_last_digit_is_a_warning() -> None:
    text = SUB_ITEMS.replace("比上年增加110张", "比上年增加111张")
    (relation,) = [r for r in discover(extract_text(text)) if r.stated == "320张"]
    assert relation.status == "off-by-one"
    assert not relation.is_asserted  # the layout, not the words: a warning


def test_a_sub_item_sum_far_off_is_left_alone() -> None:
    # the sub-items need not be all of the whole: only a near miss is evidence
    text = SUB_ITEMS.replace("床位2,520张", "床位1,520张")
    assert "8,640张" not in {r.stated for r in discover(extract_text(text)) if r.kind == "sum"}


def test_a_change_of_money_printed_without_its_currency_takes_the_levels() -> None:
    # 增收4,376万 is 4,376万元: 4376 / (30161 - 4376) = 16.97%
    text = "全县地方一般公共预算收入完成30,161万元，同比增长14.6%，增收4,376万。"
    assert values(text)["增收"] == "4,376万元"
    assert ("growth-from-increase", "mismatch", "14.6%") in asserted(text)


def test_a_count_in_ten_thousands_is_not_read_as_money() -> None:
    text = "全县常住人口52.3万人，比上年增加0.4万。"
    assert values(text)["全县常住人口比上年增加"] != "0.4万元"

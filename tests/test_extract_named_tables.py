"""Statistical tables as spreadsheets and web pages flatten them (one cell a line, each
ended by a pipe), and the relations their headers name (extract/tables/named): shares
named for their whole (占总人口比重), the sex ratio, the urbanisation rate, the census
dependency ratios. The tables are made up for these tests."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from factlint.extract.tables import read_tables
from factlint.extract.tables.cell_lines import cell_lines
from factlint.extract.tables.relations import table_relations

DATA = Path(__file__).parent / "data" / "tables"


def _relations(text: str) -> list[tuple[str, str, list[str]]]:
    tables = read_tables(text)
    assert len(tables) == 1
    return [
        (r.kind, r.describe(), [c.row.label for c in r.failing()])
        for r in table_relations(tables[0])
    ]


def _scan(tmp_path: Path, name: str) -> dict[str, object]:
    shutil.copy(DATA / name, tmp_path / name)
    done = subprocess.run(
        [sys.executable, "-m", "factlint", "scan", name, "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    report: dict[str, object] = json.loads(done.stdout)
    report["exit"] = done.returncode
    return report


# ---------------------------------------------------------------- cells ended by pipes


def test_cells_ended_by_pipes_lose_their_pipes_and_empty_cells_go() -> None:
    cells = cell_lines(["指标 |", "|", " 2020年 |", "||", "总人口(人) |", "1203 |"])
    assert [(c.text, c.number, c.column) for c in cells] == [
        ("指标", 1, 1),
        ("2020年", 3, 2),
        ("总人口(人)", 5, 1),
        ("1203", 6, 1),
    ]


def test_a_header_cell_wrapped_before_its_pipe_is_one_cell() -> None:
    lines = ["地区 |", "社会消费品", "零售额(亿元) |", "增速(%) |"]
    assert [c.text for c in cell_lines(lines)] == ["地区", "社会消费品零售额(亿元)", "增速(%)"]


def test_a_caption_above_the_cells_is_not_joined_to_the_first() -> None:
    lines = ["表2 各镇零售额", "地区 |", "零售额 |"]
    assert [c.text for c in cell_lines(lines)] == ["表2 各镇零售额", "地区", "零售额"]


def test_a_pipe_table_row_on_one_line_is_left_whole() -> None:
    assert [c.text for c in cell_lines(["| 东城 | 12 | 3.4 |"])] == ["| 东城 | 12 | 3.4 |"]


def test_a_census_table_with_one_cell_a_line_and_headings_between_rows() -> None:
    tables = read_tables((DATA / "census-cells.txt").read_text(encoding="utf-8"))
    assert len(tables) == 1
    table = tables[0]
    assert [c.header for c in table.columns] == ["2000年", "2010年", "2020年"]
    assert table.label_header == "指标"
    rows = {row.label: row for row in table.rows}
    assert "一、人口总量" not in rows  # a heading, not a row
    assert rows["0-14岁人口"].section == "二、年龄构成(人)"
    # a row's own unit, else its heading's, when the columns (years) name none
    total = rows["总人口(人)"].cells[0]
    child = rows["0-14岁人口"].cells[0]
    share = table.rows[5].cells[1]
    assert total is not None and total.figure.text == "1203456人"
    assert child is not None and child.figure.text == "300000人"
    assert share is not None and (share.figure.text, share.line) == ("20.00%", 43)
    sex_ratio = rows["性别比"].cells[0]
    assert sex_ratio is not None and sex_ratio.figure.kind == "number"


# ---------------------------------------------------------------- named relations


def test_the_ratios_a_census_table_names_are_checked_column_by_column() -> None:
    text = (DATA / "census-cells.txt").read_text(encoding="utf-8")
    named = [r for r in _relations(text) if r[0] == "ratio"]
    assert named == [
        ("ratio", "性别比 = 男 / 女 × 100", []),
        ("ratio", "占总人口比重(%) = 0-14岁人口 / 总人口(人)", []),
        # 66.83 for 66.8379…%: truncated, in a table that rounds (decided by the scan)
        ("ratio", "占总人口比重(%) = 15-64岁人口 / 总人口(人)", []),
        ("ratio", "占总人口比重(%) = 65岁及以上人口 / 总人口(人)", ["2010年"]),
        ("ratio", "少儿抚养比(%) = 0-14岁人口 / 15-64岁人口", []),
        ("ratio", "老年抚养比(%) = 65岁及以上人口 / 15-64岁人口", ["2020年"]),
        ("ratio", "总抚养比(%) = (0-14岁人口 + 65岁及以上人口) / 15-64岁人口", []),
    ]


def test_scan_flags_a_named_ratio_in_two_columns_of_three_and_a_truncated_share(
    tmp_path: Path,
) -> None:
    report = _scan(tmp_path, "census-cells.txt")
    findings = report["findings"]
    assert isinstance(findings, list)
    assert [(f["rule"], f["severity"]) for f in findings] == [
        ("table1-2000-2-ratio", "warning"),  # 66.83 holds only when truncated
        ("table1-2010-3-ratio", "error"),  # 9.70 for 120000 / 1250000 = 9.60%
        ("table1-2020-c12-ratio", "error"),  # 老年抚养比 14.00 repeats the share
    ]
    assert "as its header names it" in findings[1]["message"]
    assert report["exit"] == 1


def test_a_sex_ratio_column_beside_its_male_and_female_columns() -> None:
    text = """单位：人
地区      常住人口    男         女         性别比
甲镇      20000      10200      9800       104.08
乙镇      15000      7400       7600       97.37
丙镇      8000       4100       3900       106.13
丁镇      6000       3000       3000       100.00
"""
    assert ("ratio", "性别比 = 男 / 女 × 100", ["丙镇"]) in _relations(text)


def test_a_bare_dependency_ratio_is_per_hundred_and_the_urbanisation_rate_is_a_share() -> None:
    text = "单位：万人\n"
    text += """地区   总人口   城镇人口   城镇化率(%)   0-14岁   15-64岁   65岁及以上   总抚养比
东区   50.00   40.00   80.00   8.00   36.00   6.00   38.89
西区   30.00   12.00   40.00   6.00   20.00   4.00   50.00
南区   20.00   10.00   50.10   4.00   13.00   3.00   53.85
"""
    named = [r for r in _relations(text) if r[0] == "ratio"]
    assert named == [
        ("ratio", "城镇化率(%) = 城镇人口 / 总人口", ["南区"]),
        ("ratio", "总抚养比 = (0-14岁 + 65岁及以上) / 15-64岁 × 100", []),
    ]


def test_a_share_named_for_a_whole_the_table_does_not_print_is_left_alone() -> None:
    text = """指标 |
2019年 |
2020年 |
2021年 |
规上工业(亿元) |
120.5 |
130.2 |
141.9 |
占全省比重(%) |
3.1 |
3.2 |
3.3 |
高新技术产业(亿元) |
50.1 |
55.7 |
61.0 |
"""
    assert [r for r in _relations(text) if r[0] == "ratio"] == []


# ---------------------------------------------------------------- ledgers by county


def test_a_chinese_header_one_space_apart_names_every_column() -> None:
    tables = read_tables((DATA / "ledger-counties.txt").read_text(encoding="utf-8"))
    assert len(tables) == 1
    headers = [c.header for c in tables[0].columns]
    # 合 计 spaced out is one word; the names are one space apart
    assert headers == ["合计", "甲县", "乙县", "丙县", "丁县", "戊县", "上年合计"]
    text = "单位：人、%\n年龄 人口数 比重\n总 计 5000 100.00\n少年 1000 20.00\n"
    text += "成年 3000 60.00\n老年 1000 20.00\n"
    table = read_tables(text)[0]
    assert (table.label_header, [c.header for c in table.columns]) == ("年龄", ["人口数", "比重"])


def test_an_english_header_is_not_split_into_its_words() -> None:
    text = "Force Caught Under 18\nDurham   1,000   120\nKent   2,000   300\nLincs   400   52\n"
    assert [c.header for c in read_tables(text)[0].columns] == ["", ""]


def test_a_total_column_adds_up_the_columns_just_after_it_not_the_last() -> None:
    relations = _relations((DATA / "ledger-counties.txt").read_text(encoding="utf-8"))
    assert ("sum", "合计 = 甲县 + 乙县 + 丙县 + 丁县 + 戊县", []) in relations
    assert not any(kind == "within" for kind, _, _ in relations)  # the sum says more


def test_a_net_row_among_the_main_items_of_a_long_ledger_is_their_difference() -> None:
    relations = _relations((DATA / "ledger-counties.txt").read_text(encoding="utf-8"))
    assert (
        "difference",
        "三、经济净收入 = 一、经济总收入 − 二、经济总费用",
        ["合计", "丙县"],  # 丙县 prints 5000 more; 合计 adds up the printed cells
    ) in relations


def test_a_total_column_of_two_is_a_sum_not_a_difference() -> None:
    text = """单位：万元
地区        全市     东区     西区     北县     城区
收入       1500      300      400      800      700
支出       1100      200      300      600      500
人口        950      150      200      600      350
"""
    relations = _relations(text)
    assert ("sum", "城区 = 东区 + 西区", []) in relations
    assert not any(kind == "difference" for kind, _, _ in relations)


def test_the_figure_a_text_stops_in_is_no_cell() -> None:
    text = "单位：万元\n地区   全市   东区   西区\n收入   700   300   400\n"
    text += "支出   500   200   300\n人口   950   450   500\n税收   98   45   5"  # 53, cut
    table = read_tables(text)[0]
    assert [row.label for row in table.rows] == ["收入", "支出", "人口"]
    assert [r for r in _relations(text) if r[2]] == []
    assert len(read_tables(text + "3\n")[0].rows) == 4


# ---------------------------------------------------------------- changes between periods

_GROWTH_TABLE = """单位：亿元
指标              2020年      2019年     增长(%)     增减
地区生产总值       1234.5      1100.0     12.2       134.5
一般公共预算收入     88.6        80.0      10.8        8.6
固定资产投资        560.2       530.0      6.7        30.2
"""


def test_a_growth_column_beside_two_years_is_checked_in_a_table_of_three_rows() -> None:
    relations = _relations(_GROWTH_TABLE)
    # 560.2 / 530.0 − 1 is 5.7%: two rows of three agree, too few for agreement alone
    assert ("growth", "增长(%) = 2020年 / 2019年 − 1", ["固定资产投资"]) in relations
    # the change column states the difference (not 2020年 = 2019年 + 增减)
    assert ("difference", "增减 = 2020年 − 2019年", []) in relations
    assert not any(kind == "sum" for kind, _, _ in relations)


def test_scan_flags_the_row_that_breaks_a_named_growth_column(tmp_path: Path) -> None:
    name = "growth-years.txt"
    (tmp_path / name).write_text(_GROWTH_TABLE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "factlint", "scan", name, "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    findings = json.loads(done.stdout)["findings"]
    assert [(f["severity"], f["stated"]["figure"]) for f in findings] == [("error", "6.7%")]
    assert "as its header names it" in findings[0]["message"]
    assert done.returncode == 1


def test_growth_at_comparable_prices_that_most_rows_miss_is_not_asserted() -> None:
    text = """單位：億元
指標            本年        上年       增長(%)
地區生產總值     1234.5     1100.0      6.1
第一產業         120.4      115.0      2.9
第二產業         480.7      440.2      5.5
第三產業         633.4      544.8      8.0
"""
    assert [r for r in _relations(text) if r[0] == "growth"] == []


def test_periods_printed_as_rows_with_a_growth_row_under_them() -> None:
    text = """指标 |
营业收入(万元) |
利润总额(万元) |
从业人员(人) |
本年 |
5230 |
812 |
1204 |
上年 |
4800 |
790 |
1180 |
比上年增长(%) |
9.0 |
2.8 |
3.0 |
"""
    relations = _relations(text)
    # 1204 / 1180 − 1 is 2.0%, printed 3.0
    assert ("growth", "比上年增长(%) = 本年 / 上年 − 1", ["从业人员(人)"]) in relations


# ---------------------------------------------------------------- shares of the total row


def test_a_column_named_as_a_share_of_the_total_row_is_checked_in_a_short_table() -> None:
    text = """單位：萬人
產業        從業人員     構成(%)
合計        250.0       100.0
第一產業      50.0        20.0
第二產業      80.0        32.0
第三產業     120.0        46.0
"""
    # 120.0 / 250.0 is 48.0%: two rows of three agree, too few for agreement alone
    assert (
        "structure",
        "構成(%) = 從業人員 / 從業人員 of 合計",
        ["第三產業"],
    ) in _relations(text)


def test_a_share_column_most_rows_miss_is_not_asserted() -> None:
    text = """单位：亿元
行业        增加值      比重(%)
合计        500.0      100.0
农业         50.0        6.0
工业        200.0       45.0
服务业       250.0       49.0
"""
    assert [r for r in _relations(text) if r[0] == "structure"] == []

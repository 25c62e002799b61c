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

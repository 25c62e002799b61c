"""factlint.extract.tables: layouts of real reports the reader must take as they come.

Every table here is written for these tests: labels in two languages, headings of groups of
rows inside a table, tabs mixed with spaces, a unit a column listed on one line, periods
one space apart in a header, and a bound in the text that is no repeat of a cell.
"""

from __future__ import annotations

from factlint.extract.detectors.tables import table_relations as relations_of_extraction
from factlint.extract.pipeline import extract_text
from factlint.extract.tables import Table, read_tables
from factlint.extract.tables.cells import split_line
from factlint.extract.tables.relations import table_relations
from factlint.extract.tables.units import listed_units


def _only(text: str) -> Table:
    tables = read_tables(text)
    assert len(tables) == 1, tables
    return tables[0]


def _grid(table: Table) -> list[tuple[str, list[str | None]]]:
    return [(row.label, [c.figure.text if c else None for c in row.cells]) for row in table.rows]


def test_a_label_in_two_languages_and_headings_of_groups_of_rows() -> None:
    text = """\
| 单位:万辆 | (10000 units) | |||
| 项 目 | item | 2021 | 2022 | |
| 总 计 | total | 90.40 | 98.10 | |
| 按用途分 | by use | |||
| 客车 | buses | 30.10 | 33.00 | |
| 货车 | trucks | 60.30 | 65.10 | |
| 按能源分 | by fuel | |||
| 燃油车 | fuel | 70.00 | 71.20 | |
| 新能源车 | new energy | 20.40 | 26.90 | |
"""
    table = _only(text)
    assert [(c.header, c.unit) for c in table.columns] == [("2021", "万辆"), ("2022", "万辆")]
    assert table.label_header == "项 目 item"
    assert [(row.label, row.section) for row in table.rows] == [
        ("总 计 total", ""),
        ("客车 buses", "按用途分 by use"),
        ("货车 trucks", "按用途分 by use"),
        ("燃油车 fuel", "按能源分 by fuel"),
        ("新能源车 new energy", "按能源分 by fuel"),
    ]
    assert _grid(table)[1] == ("客车 buses", ["30.10万辆", "33.00万辆"])


def test_a_heading_that_no_row_follows_ends_the_table() -> None:
    text = "地区  产量  面积\n甲  10.5  3.1\n乙  11.2  3.4\n丙  12.9  3.8\n注释\n\n下文另起一段。\n"
    table = _only(text)
    assert table.last_line == 4
    assert [row.section for row in table.rows] == ["", "", ""]


def test_a_line_naming_as_many_columns_is_a_header_not_a_heading() -> None:
    text = """\
Region      North    South
Farms          12       15
Shops          40       42
Mills           3        4
Output    Tonnes    Share
Wheat         120     40.0
Barley        180     60.0
Oats           90     30.0
"""
    tables = read_tables(text)
    assert [t.first_line for t in tables] == [1, 5]
    assert [c.header for c in tables[1].columns] == ["Tonnes", "Share"]


def test_a_label_split_by_a_wide_gap_is_one_label() -> None:
    text = """\
             Item 2020 2021
初 中         Junior 310 320
高 中         Senior 120 130
职 高         Vocational 40 38
"""
    table = _only(text)
    assert [c.header for c in table.columns] == ["2020", "2021"]
    assert table.label_header == "Item"
    assert [row.label for row in table.rows] == ["初 中 Junior", "高 中 Senior", "职 高 Vocational"]


def test_tabs_and_spaces_in_one_row_are_both_gaps() -> None:
    assert [p.text for p in split_line("Rates        10.20   9.80\t 9.10")] == [
        "Rates",
        "10.20",
        "9.80",
        "9.10",
    ]
    # a row typed with tabs alone is split on its tabs, empty cells kept
    assert [p.text for p in split_line("Rates\t10.20\t\t9.10")] == ["Rates", "10.20", "", "9.10"]
    text = """\
                 2003/04    2002/03\t2001/02
Parish             12.40      11.90\t 11.10
Fire               30.15      29.00\t 27.80
District          101.20      98.60\t 95.05

Total\t\t  143.75     139.50\t133.95
"""
    table = _only(text)
    assert [row.label for row in table.rows] == ["Parish", "Fire", "District", "Total"]
    (total,) = [r for r in table_relations(table) if r.kind == "total-row"]
    assert total.support == total.checked == 3


def test_a_one_character_cell_ends_at_its_own_gap() -> None:
    assert [p.text for p in split_line("% Change        %       %       %", header=True)] == [
        "% Change",
        "%",
        "%",
        "%",
    ]


def test_a_unit_a_column_listed_on_one_line() -> None:
    assert listed_units("单位：户、%") == ["户", "%"]
    assert listed_units("(2021年) 单位:万元") == ["万元"]
    assert listed_units("单位：人") == ["人"]
    assert listed_units("单位：人、座位") == []  # a word that is no unit: not a list of units
    text = """\
单位：户、%
村  户数  比重
东村  420  35.0
西村  300  25.0
南村  480  40.0
"""
    table = _only(text)
    assert [c.unit for c in table.columns] == ["户", "%"]
    assert _grid(table)[0] == ("东村", ["420户", "35.0%"])


def test_a_unit_stated_inside_a_caption_line_applies_to_every_column() -> None:
    text = """\
| 表3 (2021年) 单位:万元 | |||
| 地区 | 收入 | 支出 | |
| 甲县 | 1205 | 980 | |
| 乙县 | 1330 | 1010 | |
| 丙县 | 990 | 870 | |
"""
    table = _only(text)
    assert [c.unit for c in table.columns] == ["万元", "万元"]
    assert _grid(table)[0][1] == ["1205万元", "980万元"]


def test_a_bound_in_the_text_is_no_repeat_of_a_cell() -> None:
    text = """\
单位：%
年龄        比重
0—14岁     17.20
15—59岁    62.40
60岁以上    20.40

15—59岁人口比重在65%以上的县有4个。
"""
    extraction = extract_text(text)
    cell = next(f for f in extraction.facts if f.mentions[0].line == 4)
    assert [m.line for m in cell.mentions] == [4]


def _cells_apart(rows: list[list[str]]) -> str:
    """A pipe table as a web page copied to text gives it: one cell a line, pipes between."""
    out = []
    for row in rows:
        for cell in row:
            out += [cell, "|"]
    return "\n".join(out) + "\n"


def test_a_pipe_table_with_one_cell_a_line() -> None:
    text = "Ward results\nCandidate | Votes | Share | Change |\n" + _cells_apart(
        [
            ["Ahmed (Green)", "612", "48.0%", "+6.1%"],
            ["Brook (Red)", "410", "32.2%", "-2.0%"],
            ["Cole (Blue)", "253", "19.8%", "new"],
            ["Dunn (Yellow)", "-4.1%", "", ""],  # did not stand: its cells were dropped
            ["Total", "1,275", "31%", ""],
        ]
    )
    text += "Turnout was lower than at the last election in the ward, as expected.\n"
    table = _only(text)
    assert [c.header for c in table.columns] == ["Votes", "Share", "Change"]
    assert _grid(table) == [
        ("Ahmed (Green)", ["612", "48.0%", "+6.1%"]),
        ("Brook (Red)", ["410", "32.2%", "-2.0%"]),
        ("Cole (Blue)", ["253", "19.8%", None]),
        ("Total", ["1,275", "31%", None]),
    ]
    assert not table.complete  # the row whose figures fit no column is left out
    assert table.rows[0].cells[0] is not None and table.rows[0].cells[0].line == 5


def test_cells_that_do_not_fall_into_rows_under_the_header_are_no_table() -> None:
    text = "Name | Age | Town |\n" + _cells_apart([["Ann", "34", "Leeds"], ["41", "Bob", "York"]])
    assert read_tables(text) == []


def test_a_web_table_under_one_caption_and_a_total_printing_its_first_figure_only() -> None:
    lines = ["Table 2: Members by age band", "Age band (1) Number of members Percentage of all", ""]
    for band, count, share in [
        ("Under 30", "1,240", "24.8"),
        ("30-49", "2,010", "40.2"),
        ("50-69", "1,250", "25.0"),
        ("70 and over", "500", "10.0"),
    ]:
        lines += [band, "", count, "", share, ""]
    lines += ["Total", "", "5,000"]
    table = _only("\n".join(lines) + "\n")
    assert [c.unit for c in table.columns] == ["", "%"]
    assert _grid(table)[0] == ("Under 30", ["1,240", "24.8%"])
    assert _grid(table)[-1] == ("Total", ["5,000", None])
    kinds = {r.kind for r in table_relations(table)}
    assert "structure" in kinds


def test_a_caption_naming_no_percentage_names_no_columns() -> None:
    lines = ["Age band (1) Number of members Number of branches"]
    for band, a, b in [
        ("Under 30", "1,240", "24"),
        ("30-49", "2,010", "40"),
        ("50-69", "1,250", "36"),
    ]:
        lines += [band, a, b]
    assert read_tables("\n".join(lines) + "\n") == []


RANKED = """\
Q: To list the districts in rank order of the number of new homes per 1,000 households.

Homes completed per 1,000 households, 2021
District New homes per 1,000 households
Ashby 4.1
Barton 4.6
Cleve 5.2
Dunham 5.9
Eston 6.3
Fulwell 6.8
The county 5.5
"""


def test_a_list_the_text_says_is_in_rank_order_is_read_one_figure_a_row() -> None:
    (table,) = read_tables(RANKED)
    assert table.ranked
    assert [row.label for row in table.rows][:2] == ["Ashby", "Barton"]
    from factlint.extract.tables.ranked import out_of_order, ranked_pairs

    # the county's rate after its districts is the whole, not a place in the ranking
    assert ("Fulwell", "The county") not in [(a.label, b.label) for a, b in ranked_pairs(table)]
    assert out_of_order(table) == []


def test_a_row_out_of_the_rank_order_is_an_error() -> None:
    text = RANKED.replace("Cleve 5.2", "Cleve 4.4")
    extraction = extract_text(text)
    broken = [r for r in relations_of_extraction(extraction, None) if r.status == "mismatch"]
    assert [(r.stated, r.rule["severity"], r.rule["compare"]["op"]) for r in broken] == [
        ("4.6", "error", "<=")
    ]


def test_a_list_no_words_call_ranked_is_no_table() -> None:
    assert read_tables(RANKED.replace("in rank order of", "with")) == []


def test_a_column_of_units_gives_each_row_its_unit() -> None:
    text = """\
指标名称          单位      2022年      2021年     比上年增长%
工业增加值        亿元      842.6       801.2       5.2
货物运输量        万吨      120.40      115.00      4.7
户籍人口          万人      210.30      208.10      1.1
森林覆盖率        %          58.20       57.60      1.0
"""
    table = _only(text)
    assert table.label_header == "指标名称 单位"
    assert _grid(table)[0] == ("工业增加值", ["842.6亿元", "801.2亿元", "5.2%"])
    assert _grid(table)[3] == ("森林覆盖率", ["58.20%", "57.60%", "1.0%"])
    (growth,) = [r for r in table_relations(table) if r.kind == "growth"]
    assert (growth.support, growth.checked, growth.failing()) == (4, 4, [])
    facts = {f.id: f.value for f in extract_text(text).facts}
    assert facts["工业增加值_2022年"] == "842.6亿元"

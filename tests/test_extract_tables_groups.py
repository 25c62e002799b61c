"""factlint.extract.tables: totals of groups of rows and shares of a column with no total.

Every table here is written for these tests: a yearbook table whose rows sit under headings
and subtotals (the total row adds up each group once subtotals are folded; a row marked #
or a group said to be *among* the total is no part of it), and a share column adding up to
100 beside a column whose total the table does not print.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.extract.detectors.tables import table_relations as relations_of_extraction
from factlint.extract.pipeline import extract_text
from factlint.extract.tables import Table, read_tables
from factlint.extract.tables.hierarchy import group_totals
from factlint.extract.tables.relations import table_relations

YEARBOOK = """\
| 单位:万吨 | (10000 tons) | |||
| 项 目 | item | 2019 | 2020 | 2021 |
| 合 计 | total | 512.40 | 530.75 | 541.20 |
| 在合计中: | |||||
| 出口 | exports | 60.12 | 61.30 | 58.77 |
| 按季节分 | by season | |||||
| 春季 | spring | 120.30 | 118.25 | 125.40 |
| 秋季 | autumn | 392.10 | 412.50 | 415.80 |
| 按品种分 | by crop | |||||
| 谷物 | cereals | 300.40 | 310.55 | 318.20 |
| 早熟 | early | 110.10 | 112.35 | 116.90 |
| 晚熟 | late | 190.30 | 198.20 | 201.30 |
| 薯类 | tubers | 150.00 | 160.20 | 163.00 |
| #马铃薯 | potato | 90.00 | 95.10 | 97.40 |
| 豆类 | beans | 62.00 | 60.00 | 60.00 |
"""


def _only(text: str) -> Table:
    tables = read_tables(text)
    assert len(tables) == 1, tables
    return tables[0]


def _failing(relation_kind: str, table: Table) -> list[tuple[str, str]]:
    return [
        (check.row.label, check.stated.text)
        for relation in table_relations(table)
        if relation.kind == relation_kind
        for check in relation.failing()
    ]


def test_a_total_row_adds_up_each_group_once_its_subtotals_are_folded() -> None:
    table = _only(YEARBOOK)
    found = {(r.describe(), r.support, r.checked) for r in group_totals(table)}
    assert found == {
        ("谷物 cereals = the sum of the rows under it", 3, 3),
        ("合 计 total = the sum of the rows under 按季节分 by season", 3, 3),
        ("合 计 total = the sum of the rows under 按品种分 by crop", 3, 3),
    }
    # the flat total of every row is not claimed: the groups each add up to it
    assert not [r for r in table_relations(table) if r.kind == "total-row" and not r.scope]


def test_a_subtotal_that_fails_in_one_column_of_three_is_a_warning() -> None:
    text = YEARBOOK.replace(
        "| 晚熟 | late | 190.30 | 198.20 | 201.30 |", "| 晚熟 | late | 190.30 | 198.20 | 198.20 |"
    )
    table = _only(text)
    assert _failing("subtotal", table) == [("谷物 cereals", "318.20")]
    extraction = extract_text(text)
    (broken,) = [r for r in relations_of_extraction(extraction, None) if r.status == "mismatch"]
    assert broken.rule["severity"] == "warning"
    assert broken.stated == "318.20万吨"


def test_a_total_row_off_its_group_is_an_error() -> None:
    text = YEARBOOK.replace(
        "| 秋季 | autumn | 392.10 | 412.50 |", "| 秋季 | autumn | 392.10 | 402.50 |"
    )
    extraction = extract_text(text)
    broken = [r for r in relations_of_extraction(extraction, None) if r.status == "mismatch"]
    assert [(r.stated, r.rule["severity"]) for r in broken] == [("530.75万吨", "error")]


def test_rows_that_add_up_by_chance_in_one_column_are_no_subtotal() -> None:
    text = """\
地区        2020     2021
甲县        12.00    30.55
乙县         7.00    10.20
丙县         5.00    11.30
丁县        40.00    25.10
"""
    assert group_totals(_only(text)) == []


def test_the_same_rows_under_the_same_label_elsewhere_support_a_subtotal() -> None:
    text = """\
             Item 2020 2021
学校 Schools
中学 Secondary 40 38
初中 Junior 25 24
高中 Senior 15 14
教师 Teachers
中学 Secondary 3120 3410
初中 Junior 1980 2050
高中 Senior 1140 1390
学生 Pupils
中学 Secondary 51200 50900
初中 Junior 33100 32700
高中 Senior 18100 18200
"""
    table = _only(text)
    # the first heading sits above the first row, where a title would: only those after
    # the first row open groups
    assert [row.section for row in table.rows][::3] == ["", "教师 Teachers", "学生 Pupils"]
    # teachers 2021: 2050 + 1390 = 3440, not 3410; pupils and schools hold in both years
    assert _failing("subtotal", table) == [("中学 Secondary", "3410")]


def test_a_share_column_adding_up_to_100_with_no_total_row() -> None:
    text = """\
单位：人、%
街道     人口      比重
东街    12480     24.96
西街    15020     30.04
南街     9990     19.99
北街    12510     25.02
"""
    table = _only(text)
    (relation,) = [r for r in table_relations(table) if r.kind == "share-of-sum"]
    assert relation.describe() == "比重 = 人口 / the sum of 人口"
    # 9990 / 50000 = 19.98%: the table prints 19.99
    assert [(c.row.label, c.stated.text) for c in relation.failing()] == [("南街", "19.99")]
    extraction = extract_text(text)
    (broken,) = [r for r in relations_of_extraction(extraction, None) if r.status == "mismatch"]
    assert broken.rule["check"] == (
        "南街_比重 == 南街_人口 / (东街_人口 + 西街_人口 + 南街_人口 + 北街_人口)"
    )


def test_shares_that_do_not_add_up_to_100_are_no_share_of_the_column() -> None:
    text = """\
单位：人、%
街道     人口      增速
东街    12480     4.96
西街    15020     3.04
南街     9990     9.99
北街    12510     5.01
"""
    assert not [r for r in table_relations(_only(text)) if r.kind == "share-of-sum"]


def test_scan_of_the_yearbook_that_holds_finds_nothing(tmp_path: Path) -> None:
    extraction = extract_text(YEARBOOK)
    assert [r for r in relations_of_extraction(extraction, None) if r.status != "holds"] == []


GROWTH_BLOCK = """\
                 2023      2022      2021      2020
Parish          24.20     22.00     20.00     16.00
Fire            31.50     30.00     25.00     20.00

All             55.70     52.00     45.00     36.00

% Rises             %         %         %
Parish          10.00     10.00     25.00
Fire             5.00     20.00     25.00
Combined         7.12     15.56     25.00
Parish cumulative
                51.25     37.50     25.00
"""


def test_a_growth_block_under_a_table_is_paired_with_its_rows_by_the_numbers() -> None:
    from factlint.extract.tables.blocks import growth_blocks

    tables = read_tables(GROWTH_BLOCK)
    assert len(tables) == 2
    (block,) = growth_blocks(tables)
    # Combined is the All row (52.00 → 55.70 is 7.12%), the last row Parish from 2020
    paired = {(c.row.label, c.inputs[1].text) for c in block.checks}
    assert ("Combined", "52.00") in paired
    assert ("Parish cumulative", "16.00") in paired
    assert block.failing() == []


def test_a_growth_block_cell_off_its_row_is_an_error() -> None:
    text = GROWTH_BLOCK.replace(
        "Fire             5.00     20.00", "Fire             5.00     25.00"
    )
    extraction = extract_text(text)
    (broken,) = [r for r in relations_of_extraction(extraction, None) if r.status == "mismatch"]
    assert (broken.stated, broken.rule["severity"]) == ("25.00%", "error")
    assert broken.rule["growth"] == {
        "current": "fire_2022",
        "previous": "fire_2021",
        "is": "fire_pct_2",
    }


def test_percentages_under_a_table_that_are_no_growth_assert_nothing() -> None:
    from factlint.extract.tables.blocks import growth_blocks

    text = GROWTH_BLOCK.replace("10.00     10.00     25.00", "31.00     12.00     44.00").replace(
        "5.00     20.00     25.00", "9.00     14.00     17.00"
    )
    tables = read_tables(text)
    assert [
        (c.row.label)
        for r in growth_blocks(tables)
        for c in r.checks
        if c.row.label in ("Parish", "Fire")
    ] == []


def test_shares_adding_up_to_100_over_a_total_row_assert_the_total_and_each_share() -> None:
    text = """\
Candidate        Votes    Share
Ahmed (Green)      612    48.0%
Brook (Red)        420    32.2%
Cole (Blue)        253    19.8%
Total votes      1,275      31%
"""
    table = _only(text)
    relations = {r.kind: r for r in table_relations(table)}
    # 420 / 1,275 = 32.9%: the share printed agrees with 410 votes, as the total does
    assert [c.stated.text for c in relations["structure"].failing()] == ["32.2%"]
    assert [c.stated.text for c in relations["total-row"].failing()] == ["1,275"]
    extraction = extract_text(text)
    broken = [r for r in relations_of_extraction(extraction, None) if r.status == "mismatch"]
    assert sorted((r.stated, r.rule["severity"]) for r in broken) == [
        ("1,275", "error"),
        ("32.2%", "error"),
    ]


def test_shares_that_do_not_add_up_to_100_assert_no_total() -> None:
    text = """\
Candidate        Votes    Turnout
Ahmed (Green)      612    48.0%
Brook (Red)        420    32.2%
Cole (Blue)        253    29.8%
Total votes      1,275      31%
"""
    assert not [r for r in table_relations(_only(text)) if r.kind == "structure"]


def test_the_combined_share_the_text_claims_for_named_rows() -> None:
    table = """\
单位：户、%
村       户数     比重
东村      420     21.00
西村      580     29.00
南村      700     35.00
北村      300     15.00
"""
    # 东村 and 南村 together: (420 + 700) / 2000 = 56.00%, the text says 56.50%
    text = "东村、南村两村合计占全镇户数的比重为56.50%。\n\n" + table
    extraction = extract_text(text)
    broken = [r for r in relations_of_extraction(extraction, None) if r.status != "holds"]
    combined = [
        r for r in relations_of_extraction(extraction, None) if "combined" in str(r.rule["id"])
    ]
    assert [r.rule["check"] for r in combined] == [
        "比重 == (东村_户数 + 南村_户数) / (东村_户数 + 西村_户数 + 南村_户数 + 北村_户数)"
    ]
    assert broken == []  # the rule is written; check decides it (the scan test below)


def test_scan_reports_a_combined_share_that_does_not_add_up(tmp_path: Path) -> None:
    import subprocess
    import sys

    text = """\
Leeds and York together account for 41.2% of members.

Branch      Members    Share
Leeds          1,240    24.8%
York             810    16.2%
Hull           1,450    29.0%
Bath           1,500    30.0%
"""
    path = tmp_path / "members.txt"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "factlint", "scan", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    # (1,240 + 810) / 5,000 = 41.0%, not 41.2%
    assert done.returncode == 1, done.stdout + done.stderr
    assert "combined-share" in done.stdout


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=10**6), min_size=3, max_size=7))
def test_shares_rounded_from_true_counts_never_fail(counts: list[int]) -> None:
    whole = sum(counts)
    lines = ["单位：人、%", "地区      人数      比重"]
    for number, count in enumerate(counts):
        share = (Decimal(count) * 100 / whole).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        lines.append(f"第{number + 1}区    {count}    {share}")
    tables = read_tables("\n".join(lines) + "\n")
    assert len(tables) == 1
    assert [c for r in table_relations(tables[0]) for c in r.failing()] == []


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.lists(st.integers(min_value=100, max_value=10**5), min_size=2, max_size=3),
        min_size=2,
        max_size=3,
    )
)
def test_a_yearbook_built_from_true_values_has_no_failing_row(groups: list[list[int]]) -> None:
    # each group: a parent row (the sum of its children) over its children, two columns
    rows: list[tuple[str, int, int]] = []
    for g, children in enumerate(groups):
        rows.append((f"类{g}", sum(children), sum(c * 2 for c in children)))
        rows += [(f"类{g}子{i}", c, c * 2) for i, c in enumerate(children)]
    total = (sum(sum(ch) for ch in groups), sum(sum(c * 2 for c in ch) for ch in groups))
    lines = ["项目     2020     2021", f"合计     {total[0]}     {total[1]}", "按类别分"]
    lines += [f"{label}     {a}     {b}" for label, a, b in rows]
    tables = read_tables("\n".join(lines) + "\n")
    assert len(tables) == 1
    assert [c for r in table_relations(tables[0]) for c in r.failing()] == []


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.lists(st.integers(min_value=1000, max_value=10**6), min_size=4, max_size=5),
        min_size=3,
        max_size=4,
    )
)
def test_a_growth_block_built_from_true_values_has_no_failing_cell(rows: list[list[int]]) -> None:
    from factlint.extract.tables.blocks import growth_blocks

    width = min(len(r) for r in rows)
    values = [[Decimal(v) / 100 for v in r[:width]] for r in rows]
    periods = "".join(f"{2030 - i:>12}" for i in range(width))
    lines = [f"{'':10}{periods}"]
    lines += [
        f"{'Item' + str(n):10}" + "".join(f"{v:>12}" for v in r) for n, r in enumerate(values)
    ]
    lines += ["", f"{'% change':10}" + "".join(f"{'%':>12}" for _ in range(width - 1))]
    for n, r in enumerate(values):
        growth = [
            ((r[j] / r[j + 1] - 1) * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            for j in range(width - 1)
        ]
        lines.append(f"{'Item' + str(n):10}" + "".join(f"{g:>12}" for g in growth))
    tables = read_tables("\n".join(lines) + "\n")
    assert len(tables) == 2
    (block,) = growth_blocks(tables)  # found, and every cell holds
    assert block.failing() == []

"""factlint.extract.tables: reading plain-text tables and the relations their rows agree on.

The tables are in tests/data/tables/, written for these tests in each layout (columns
aligned with spaces, Markdown pipes, tabs), in English and Chinese.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.extract.detectors.tables import table_relations as table_relations_of
from factlint.extract.pipeline import extract_text
from factlint.extract.tables import Table, read_tables
from factlint.extract.tables.cells import split_line
from factlint.extract.tables.relations import table_relations
from factlint.extract.tables.units import cell_figure, unit_in

DATA = Path(__file__).parent / "data" / "tables"


def _table(name: str) -> Table:
    tables = read_tables((DATA / name).read_text(encoding="utf-8"))
    assert len(tables) == 1
    return tables[0]


def _grid(table: Table) -> list[tuple[str, list[str | None]]]:
    return [(row.key, [c.figure.text if c else None for c in row.cells]) for row in table.rows]


# ---------------------------------------------------------------- reading


def test_space_aligned_columns_with_a_percent_header() -> None:
    table = _table("police-aligned.txt")
    assert [c.header for c in table.columns] == [
        "Burglaries",
        "Offenders caught",
        "Under 18s",
        "% under 18",
    ]
    assert [c.unit for c in table.columns] == ["", "", "", "%"]
    assert _grid(table)[0] == ("durham", ["4,210", "1,000", "120", "12%"])
    assert _grid(table)[5][0] == "thames_valley"
    durham_share = table.rows[0].cells[3]
    assert durham_share is not None
    assert (durham_share.text, durham_share.line, durham_share.column) == ("12", 6, 73)
    assert durham_share.figure.kind == "percent"
    # whole numbers with no unit are counts, exact; percents are not
    assert [c.exact for c in table.rows[0].cells if c] == [True, True, True, False]
    assert (table.first_line, table.last_line) == (5, 12)


def test_markdown_table() -> None:
    table = _table("police-markdown.md")
    assert [c.key for c in table.columns] == ["offenders_caught", "under_18s", "pct_under_18"]
    assert _grid(table)[3] == ("norfolk", ["500", "80", "16%"])
    cell = table.rows[0].cells[0]
    assert cell is not None and (cell.line, cell.column) == (5, 12)


def test_tab_separated_with_dollar_millions() -> None:
    table = _table("revenue-tabs.tsv")
    assert [c.unit for c in table.columns] == ["$ million", "$ million", "%"]
    assert _grid(table)[0] == ("americas", ["$1,204 million", "$1,310 million", "8.8%"])
    assert table.rows[-1].is_total()


def test_a_unit_line_above_the_table_and_a_chinese_header() -> None:
    table = _table("gdp-aligned.txt")
    assert [c.unit for c in table.columns] == ["亿元", "亿元", "%"]
    assert _grid(table)[1] == ("中直经济", ["360.2亿元", "384.8亿元", "6.8%"])
    assert [c.key for c in table.columns] == ["2019年", "2020年", "增长"]


def test_two_header_lines_name_grouped_columns() -> None:
    table = _table("counties-two-headers.txt")
    assert [c.header for c in table.columns] == [
        "地区生产总值 绝对数(亿元)",
        "地区生产总值 增长(%)",
        "一般公共预算收入 绝对数(亿元)",
        "一般公共预算收入 增长(%)",
    ]
    assert [c.unit for c in table.columns] == ["亿元", "%", "亿元", "%"]
    assert _grid(table)[2] == ("祁县", ["138.2亿元", "4.9%", "9.61亿元", "6.3%"])


def test_a_short_row_is_placed_by_its_column_ends_or_left_out() -> None:
    text = (
        "Item          2023      2024    Change\n"
        "Alpha         10.5      12.1      15.2%\n"
        "Beta                    13.0          \n"
        "Gamma          8.0       9.0      12.5%\n"
        "Delta         20.0      21.0       5.0%\n"
        "Epsilon   4.0 12.5%\n"
    )
    table = read_tables(text)[0]
    assert _grid(table)[1] == ("beta", [None, "13.0", None])
    assert [row.key for row in table.rows] == ["alpha", "beta", "gamma", "delta"]
    assert not table.complete  # Epsilon could not be placed


def test_a_short_row_is_placed_where_its_kinds_fit_only_one_way() -> None:
    text = (
        "地区 增速 计划 完成 占比\n"
        "甲 12.9% 527.3 291.5 78.5%\n"
        "乙   209.8 112.9 78.0%\n"
        "丙 13.7% 59.4 35.9 82.7%\n"
        "丁 13.4% 41.2 26.8 90.8%\n"
    )
    table = read_tables(text)[0]
    assert _grid(table)[1] == ("乙", [None, "209.8", "112.9", "78.0%"])


def test_prose_and_lists_are_not_tables() -> None:
    text = (
        "The company sold 1,204 units in 2023 and 1,310 in 2024.\n"
        "Revenue rose 8.8% to $1.3 billion, while costs fell 2.0%.\n"
        "1. First item 3 4\n"
        "2019  2020  2021\n"
        "Alpha  1  2\n"
        "Beta  3  4\n"
    )
    assert read_tables(text) == []


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        ("| Durham | 1,204 | 12% |", ["Durham", "1,204", "12%"]),
        ("|---|---:|", []),
        ("Total revenue | 2.194 B | 2.407 B | |", ["Total revenue", "2.194 B", "2.407 B"]),
        ("达州市 12.9% 527.3 371.5", ["达州市", "12.9%", "527.3", "371.5"]),
        ("Thames Valley   1,204  (12)", ["Thames Valley", "1,204", "(12)"]),
        ("a\t\t3", ["a", "", "3"]),
    ],
)
def test_split_line(line: str, cells: list[str]) -> None:
    if not cells:
        from factlint.extract.tables.cells import is_rule

        assert is_rule(line)
        return
    assert [p.text for p in split_line(line)] == cells


@pytest.mark.parametrize(
    ("header", "unit"),
    [
        ("% under 18", "%"),
        ("Per cent", "%"),
        ("比重（%）", "%"),
        ("绝对数(亿元)", "亿元"),
        ("单位：万元", "万元"),
        ("(in millions)", "million"),
        ("$ millions", "$ million"),
        ("£000", "£ thousand"),
        ("Police force", ""),
        ("2020年", ""),
    ],
)
def test_units_in_headers(header: str, unit: str) -> None:
    assert unit_in(header) == unit


def test_cell_figures() -> None:
    assert cell_figure("(1,204)", "$ million").text == "-$1,204 million"  # type: ignore[union-attr]
    assert cell_figure("665.000 M", "").text == "665.000 million"  # type: ignore[union-attr]
    assert cell_figure("78.5%", "亿元").text == "78.5%"  # type: ignore[union-attr]
    assert cell_figure("n/a", "%") is None


# ---------------------------------------------------------------- relations


def _relations(name: str) -> list[tuple[str, str, int, int, str, list[str]]]:
    return [
        (r.kind, r.describe(), r.support, r.checked, r.habit, [f.row.key for f in r.failing()])
        for r in table_relations(_table(name))
    ]


def test_a_share_column_asserted_by_most_rows_and_its_outlier() -> None:
    assert _relations("police-aligned.txt") == [
        ("share", "% under 18 = Under 18s / Offenders caught", 6, 7, "mixed", ["norfolk"]),
    ]


def test_rows_of_both_rounding_habits_are_named() -> None:
    (relation,) = table_relations(_table("mixed-aligned.txt"))
    habits = {check.row.key: check.verdict for check in relation.checks}
    assert habits == {
        "avon": "truncate",
        "bedford": "truncate",
        "cheshire": "nearest",
        "dorset": "both",
        "essex": "both",
    }
    assert relation.habit == "mixed"
    assert table_relations(_table("truncated-aligned.txt"))[0].habit == "truncate"


def test_a_growth_column_and_a_total_row() -> None:
    assert _relations("gdp-aligned.txt") == [
        ("growth", "增长(%) = 2020年 / 2019年 − 1", 3, 3, "nearest", []),
        ("total-row", "全市 = the sum of the other rows", 2, 2, "nearest", []),
    ]
    assert [r[0] for r in _relations("revenue-tabs.tsv")] == ["growth", "total-row"]


def test_a_structure_column_against_the_total_row() -> None:
    assert _relations("structure-markdown.md") == [
        ("structure", "比重(%) = 年末数(万人) / 年末数(万人) of 全县户籍人口", 4, 4, "nearest", []),
    ]


def test_unrelated_columns_assert_nothing() -> None:
    assert _relations("counties-two-headers.txt") == []


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 10**6), st.integers(1, 10**6)), min_size=3, max_size=12),
    st.integers(0, 2),
)
def test_a_share_column_built_from_true_values_has_no_failing_row(
    pairs: list[tuple[int, int]], places: int
) -> None:
    """Soundness: a share column computed and rounded from the other two never fails."""
    lines = ["Name    Part    Whole    Share (%)"]
    for index, (a, b) in enumerate(pairs):
        part, whole = min(a, b), max(a, b)
        exact = Decimal(100 * part) / Decimal(whole)
        share = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        lines.append(f"row{index}    {part}    {whole}    {share}")
    for table in read_tables("\n".join(lines) + "\n"):
        for relation in table_relations(table):
            if relation.kind == "share":
                assert relation.failing() == []


# ---------------------------------------------------------------- in extract and scan


def _scan(tmp_path: Path, name: str, *extra: str) -> subprocess.CompletedProcess[str]:
    shutil.copy(DATA / name, tmp_path / name)
    return subprocess.run(
        [sys.executable, "-m", "factlint", "scan", name, *extra],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_cells_are_facts_named_by_row_and_column() -> None:
    extraction = extract_text((DATA / "police-aligned.txt").read_text(encoding="utf-8"))
    facts = {fact.id: fact for fact in extraction.facts}
    notts = facts["nottinghamshire_pct_under_18"]
    assert (notts.value, notts.label, notts.exact) == ("44%", "Nottinghamshire % under 18", False)
    assert (notts.mentions[0].line, notts.mentions[0].column) == (10, 73)
    assert facts["nottinghamshire_offenders_caught"].exact  # a count
    # the sentence that repeats the cell: one more fact, the cell and its repeat
    repeated = facts["nottinghamshire_pct_under_18_repeated"]
    assert [m.figure.text for m in repeated.mentions] == ["44%", "43 per cent"]
    # no fact for the 18 of the header "% under 18"
    assert not any(m.line == 5 for fact in extraction.facts for m in fact.mentions)


def test_scan_reports_the_rows_that_break_the_table(tmp_path: Path) -> None:
    done = _scan(tmp_path, "police-aligned.txt", "--format", "json")
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    found = {(f["rule"], f["severity"], f["status"]) for f in report["findings"]}
    assert found == {
        ("mentions-agree", "error", "inconsistent"),  # 43 per cent against the row's 44
        ("table1-norfolk-pct-under-18-share", "error", "inconsistent"),
        ("table1-thames-valley-pct-under-18-share", "warning", "inconsistent"),  # truncated
    }
    norfolk = next(f for f in report["findings"] if "norfolk" in f["rule"])
    assert "6 of 7 rows agree" in norfolk["message"]
    assert (
        "rounds to nearest in Nottinghamshire but truncates in Thames Valley"
        in (norfolk["message"])
    )
    kinds = {r["rule"]: (r["kind"], r["outcome"]) for r in report["results"]}
    assert kinds["table1-count-forces-lt-15pct"] == ("count", "passed")
    assert kinds["table1-nottinghamshire-highest"] == ("highest", "passed")


def test_scan_of_tables_that_hold_finds_nothing(tmp_path: Path) -> None:
    for name in ("gdp-aligned.txt", "revenue-tabs.tsv", "structure-markdown.md"):
        done = _scan(tmp_path, name, "-q")
        assert done.returncode == 0, done.stdout
        assert done.stdout.splitlines()[-1].startswith("0 findings"), done.stdout


def test_a_truncating_table_is_checked_as_truncated(tmp_path: Path) -> None:
    done = _scan(tmp_path, "truncated-aligned.txt", "--format", "json")
    report = json.loads(done.stdout)
    assert report["findings"] == []
    assert report["summary"]["rules"] == 5


# ---------------------------------------------------------------- one cell a line


def test_a_web_table_with_one_cell_a_line_and_two_header_levels() -> None:
    table = _table("detection-stacked.txt")
    assert [c.header for c in table.columns] == [
        "2005-06 Total",
        "2005-06 Sanction",
        "2006-07 Total",
        "2006-07 Sanction",
    ]
    assert {c.unit for c in table.columns} == {"%"}  # from the "Percentage" line above
    assert _grid(table)[2] == ("vehicle_crime", ["1.0%", "10%", "11%", "10%"])
    cell = table.rows[2].cells[0]
    assert cell is not None and (cell.line, cell.column) == (41, 1)
    # a column headed Total is at least the other columns of its group
    assert _relations("detection-stacked.txt") == [
        ("within", "2006-07 Total ≥ 2006-07 Sanction", 4, 4, "nearest", []),
        ("within", "2005-06 Total ≥ 2005-06 Sanction", 3, 4, "nearest", ["vehicle_crime"]),
    ]


def test_a_chinese_web_table_with_a_structure_column() -> None:
    table = _table("population-stacked.txt")
    assert [c.unit for c in table.columns] == ["万人", "%"]
    assert [row.key for row in table.rows] == [
        "全县户籍人口",
        "城镇人口",
        "乡村人口",
        "男性",
        "女性",
    ]
    assert _relations("population-stacked.txt") == [
        (
            "structure",
            "比重(%) = 年末数(万人) / 年末数(万人) of 全县户籍人口",
            3,
            4,
            "nearest",
            ["女性"],
        ),
    ]


def test_scan_of_a_web_table_links_the_text_to_its_cell(tmp_path: Path) -> None:
    done = _scan(tmp_path, "population-stacked.txt", "--format", "json")
    report = json.loads(done.stdout)
    assert [(f["rule"], f["severity"]) for f in report["findings"]] == [
        ("table1-row5-c2-structure", "error")  # 40.17 / 85.64 is 46.9%, printed 46.8
    ]
    facts = {m["fact"] for f in report["findings"] for m in f["mentions"]}
    assert facts == {"女性_比重", "女性_年末数", "全县户籍人口_年末数"}


def test_scan_reads_extremes_and_counts_claimed_in_chinese(tmp_path: Path) -> None:
    done = _scan(tmp_path, "growth-cn.txt", "--format", "json")
    report = json.loads(done.stdout)
    outcomes = {
        r["rule"]: (r["kind"], r["outcome"])
        for r in report["results"]
        if r["kind"] in ("count", "highest", "lowest")
    }
    assert outcomes == {
        "table1-row4-highest": ("highest", "passed"),  # 平遥县 4.9% 居首
        "table1-row1-lowest": ("lowest", "passed"),  # 榆次区 2.8% 最低
        "table1-count-n-gt-3-5pct": ("count", "failed"),  # 3个 above 3.5%: there are four
    }
    (finding,) = [f for f in report["findings"] if f["kind"] == "count"]
    assert finding["severity"] == "error"
    assert "4 surely are" in finding["message"]
    assert "1 surely not (榆次区_增长 2.8%)" in finding["message"]
    assert done.returncode == 1


def test_a_count_of_something_else_is_not_read_as_a_count_of_rows() -> None:
    text = (DATA / "police-aligned.txt").read_text(encoding="utf-8")
    text += "Spending rose by more than 5 per cent in 3 regions.\n"
    extraction = extract_text(text)
    kinds = [
        kind
        for rule in table_relations_of(extraction, None)
        for kind in ("count", "highest", "lowest")
        if kind in rule.rule
    ]
    assert kinds == ["count", "highest"]  # the forces' count and Nottinghamshire's rate only


def test_a_claim_wrapped_over_two_lines_is_read_and_a_headline_is_not_part_of_it() -> None:
    text = (
        "Under-18s among burglars caught\n\n"
        "Force        Caught   Under 18   % under 18\n"
        "Durham        1,000        120           12\n"
        "Kent          2,000        300           15\n"
        "Lincs           400         52           13\n"
        "Notts           500         85           17\n\n"
        "Kent and Durham report monthly. As the table shows, Notts had the\n"
        "highest rate, at 17 per cent.\n"
    )
    rules = {r.rule["id"]: r for r in table_relations_of(extract_text(text), None)}
    highest = rules["table1-notts-highest"]
    assert highest.rule["highest"] == {
        "of": [
            "durham_pct_under_18",
            "kent_pct_under_18",
            "lincs_pct_under_18",
            "notts_pct_under_18",
        ],
        "is": "notts_pct_under_18",
    }
    assert "«As the table shows, Notts had the" in str(highest.rule["message"])


# ---------------------------------------------------------------- rows equal in most columns


def test_a_row_equal_to_another_in_most_columns_is_checked_in_every_column() -> None:
    relations = [r for r in table_relations(_table("equal-rows-pipe.md")) if r.kind == "equal"]
    assert [(r.describe(), r.support, r.checked, r.transposed) for r in relations] == [
        ("Net income attributable = Net income", 4, 5, True)
    ]
    (failing,) = relations[0].failing()
    assert (failing.row.label, failing.stated.text.strip()) == ("Q1 2025", "0.000")


def test_scan_warns_of_the_column_where_the_equal_rows_differ(tmp_path: Path) -> None:
    done = _scan(tmp_path, "equal-rows-pipe.md", "--format", "json")
    assert done.returncode == 0, done.stdout  # inferred from the numbers: a warning
    found = [(f["rule"], f["severity"]) for f in json.loads(done.stdout)["findings"]]
    assert found == [("table1-q1-2025-net-income-attributable-equal", "warning")]
    fixed = (DATA / "equal-rows-pipe.md").read_text(encoding="utf-8").replace("0.000", "139.000 M")
    (tmp_path / "equal-rows-pipe.md").write_text(fixed, encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "factlint",
            "scan",
            "equal-rows-pipe.md",
            "--format",
            "json",
            "--fail-on",
            "warning",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0 and json.loads(done.stdout)["findings"] == []


def test_columns_that_differ_in_most_rows_are_not_called_equal() -> None:
    text = (DATA / "equal-rows-pipe.md").read_text(encoding="utf-8")
    text = text.replace(
        "131.000 M | 127.000 M | 144.000 M | 0.000", "130.000 M | 125.000 M | 141.000 M | 0.000"
    )
    (table,) = read_tables(text)
    assert [r for r in table_relations(table) if r.kind == "equal"] == []


# ---------------------------------------------------------------- financial statements


def test_a_statement_prints_its_currency_on_some_rows_and_negatives_in_brackets() -> None:
    table = _table("statement-aligned.txt")
    grid = dict(_grid(table))
    assert grid["net_sales"] == ["$1,250.4", "$1,130.2", "10.6%"]
    assert grid["cost_of_sales"] == ["$812.7", "$741.9", "9.5%"]  # the column's currency
    assert grid["interest_expense"] == ["-$12.1", "-$13.4", "-9.7%"]  # (12.1) and (9.7)%
    assert grid["net_income"] == ["$123.3", "$97.1", "27.0%"]  # "$  123.3"
    assert _relations("statement-aligned.txt") == [
        ("growth", "% Change = Sept 30, 2024 / Sept 30, 2023 − 1", 10, 10, "nearest", []),
    ]


def test_scan_reports_a_statement_row_off_its_growth_column(tmp_path: Path) -> None:
    text = (DATA / "statement-aligned.txt").read_text(encoding="utf-8")
    (tmp_path / "s.txt").write_text(text.replace("27.0%", "26.0%"), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "factlint", "scan", "s.txt", "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 1, done.stderr
    found = [(f["rule"], f["severity"]) for f in json.loads(done.stdout)["findings"]]
    assert found == [("table1-net-income-pct-change-growth", "error")]
    assert _scan(tmp_path, "statement-aligned.txt", "-q").returncode == 0

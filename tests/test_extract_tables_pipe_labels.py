"""factlint.extract.tables.pipe_labels: pipe tables made from PDFs (OCR, pdf-to-markdown)
whose row labels run over several leading cells and break lines with ``<br>``.

Every table here is written for these tests (none is copied from a report).
"""

from __future__ import annotations

from factlint import check, facts_from_dict, rules_from_dict
from factlint.extract.discover import discover
from factlint.extract.pipeline import extract_text
from factlint.extract.tables import Table, read_tables
from factlint.extract.tables.cells import split_line
from factlint.extract.writer import facts_data


def _findings(text: str) -> list[tuple[str, str]]:
    """(severity, stated figure) of each finding on the discovered rules."""
    extraction = extract_text(text)
    facts = facts_from_dict(facts_data(extraction, report_id="t", source="t.txt"))
    report = check(facts, rules_from_dict([r.rule for r in discover(extraction)]))
    return sorted((f.severity.value, f.stated.figure if f.stated else "") for f in report.findings)


def _only(text: str) -> Table:
    tables = read_tables(text)
    assert len(tables) == 1, tables
    return tables[0]


def _grid(table: Table) -> list[tuple[str, list[str | None]]]:
    return [(row.label, [c.text if c else None for c in row.cells]) for row in table.rows]


def _accounts(total_2023: str = "7,215", closing: str = "13,530") -> str:
    return f"""\
Statement of financial activities
|---|---|---|---|---|---|
|||Unrestricted|Restricted|Total|Total|
|||funds|funds|||
|||2024|2024|2024|2023|
|Grants<br>from|trusts|||||2,150|
|Shop sales||4,300|1,020|5,320|4,880|
|Bank<br>interest||210||210|185|
|Total income||4,510|1,020|5,530|{total_2023}|
|Charitable|activities|2,900|1,600|4,500|5,030|
|Net income||1,610|(580)|1,030|2,185|
|Funds at 1 April|2023|9,400|3,100|12,500|10,315|
|Funds at 31 March|2024|11,010|2,520|{closing}|12,500|
"""


def test_a_label_over_two_cells_is_one_label_and_its_figures_keep_their_columns() -> None:
    grid = dict(_grid(_only(_accounts())))
    assert grid["Grants from trusts"] == [None, None, None, None, "2,150"]
    assert grid["Charitable activities"] == [None, "2,900", "1,600", "4,500", "5,030"]
    assert grid["Bank interest"] == [None, "210", None, "210", "185"]
    # a year after a month is part of the label, not a figure of a column
    assert grid["Funds at 1 April 2023"] == [None, "9,400", "3,100", "12,500", "10,315"]


def test_accounts_that_add_up_are_never_flagged() -> None:
    # the income of 2023 holds only with the line whose label runs over two cells
    assert _findings(_accounts()) == []


def test_a_slip_in_a_total_of_accounts_split_over_cells_is_flagged() -> None:
    assert [figure for _, figure in _findings(_accounts(total_2023="7,125"))] == ["7,125"]
    assert "13,350" in [figure for _, figure in _findings(_accounts(closing="13,350"))]


def _chinese(total: str = "10,200") -> str:
    return f"""\
| 项目 | | 2024年 | 2023年 | 2022年 |
|---|---|---|---|---|
|主营业务|收入|8,600|7,900|7,100|
|其他<br>业务收入||1,240|1,100|980|
|投资|收益|360|250|-|
|合计||{total}|9,250|8,080|
"""


def test_a_chinese_label_split_over_cells_is_a_line_of_the_total() -> None:
    grid = dict(_grid(_only(_chinese())))
    assert grid["主营业务 收入"] == [None, "8,600", "7,900", "7,100"]
    assert grid["投资 收益"] == [None, "360", "250", None]
    assert _findings(_chinese()) == []
    assert _findings(_chinese(total="10,300")) == [("error", "10,300")]


def test_near_misses_are_no_rows_of_the_table() -> None:
    text = """\
|||Notes|Council|Trust|
|Wages|and|salaries|12,400|11,900|
|Rent|||3,100|2,950|
|Heat|||1,800|1,650|
|Staff|at|1 May|41|39|
"""
    grid = _grid(_only(text))
    assert [label for label, _ in grid] == ["Wages and salaries", "Rent", "Heat", "Staff at 1 May"]
    assert dict(grid)["Wages and salaries"] == [None, None, "12,400", "11,900"]
    # 1 May is a date in the label's cells, not a figure of a column
    assert dict(grid)["Staff at 1 May"] == [None, None, "41", "39"]


def test_a_line_break_inside_a_pipe_cell_reads_as_a_space() -> None:
    assert [p.text for p in split_line("|Grants<br/>from<BR>trusts| 2,150 |")] == [
        "Grants from trusts",
        "2,150",
    ]
    assert [p.text for p in split_line("Grants<br>from   2,150")] == ["Grants<br>from", "2,150"]

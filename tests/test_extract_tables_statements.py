"""factlint.extract.tables.statements and .lists: a statement's total lines over the lines
above them, in budget and precept statements laid out as tables (space-aligned, pipes,
tabs) and as lists of one figure a line (the label and its figure on one line or on two).

Every statement here is written for these tests (none is copied from a report).
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.extract.tables import read_tables
from factlint.extract.tables.relations import table_relations
from scanning import scan_report


def _findings(text: str) -> list[tuple[str, str, str]]:
    """(rule id, severity, stated figure) of each finding on the discovered rules."""
    return sorted(
        (f.rule, f.severity.value, f.stated.figure if f.stated else "")
        for f in scan_report(text).findings
    )


def _lines_totals(text: str) -> list[tuple[str, list[str]]]:
    return [
        (r.describe(), [c.verdict for c in r.checks])
        for table in read_tables(text)
        for r in table_relations(table)
        if r.kind == "lines-total"
    ]


TWO_YEARS = """\
Village hall committee budget

                                   2023/24    2024/25
Caretaker                            6,200      6,450
Heating and lighting                 3,180      3,920
Insurance                            1,275      1,310
Repairs                              2,400      1,800
Total expenditure                   13,055     14,380
Hire income                         -4,100     -4,500
Net requirement                      8,955      9,880
"""


def test_a_total_line_adds_up_the_lines_above_and_a_slip_in_one_column_is_an_error() -> None:
    # 2024/25: 6,450 + 3,920 + 1,310 + 1,800 = 13,480, printed 14,380 (two digits swapped);
    # the net requirement is built on the printed total (14,380 − 4,500 = 9,880)
    assert _lines_totals(TWO_YEARS) == [
        ("Total expenditure = the sum of the lines Caretaker to Repairs", ["both", "fails"]),
        (
            "Net requirement = the sum of the lines Total expenditure to Hire income",
            ["both", "both"],
        ),
    ]
    findings = _findings(TWO_YEARS)
    assert [(severity, figure) for _, severity, figure in findings] == [("error", "14,380")]


PIPES = """\
Changes to the budget
| | £000 | |
|---|---|---|
| Budget brought forward | 84,210 | |
| Cost pressures | | |
| - Pay award | 2,310 | |
| - Energy | 1,145 | |
| - Fleet fuel | 388 | |
| - Social care demand | 4,020 | |
| Total Cost Pressures | 7,683 | |
| Savings | | |
| - Office closures | (540) | |
| - Shared services | (1,205) | |
| Total Savings | (1,745) | |
| Total Net Change | 5,938 | |
"""


def test_a_pipe_list_of_one_figure_a_line_under_headings_that_its_totals_name() -> None:
    # Total Cost Pressures: 2,310 + 1,145 + 388 + 4,020 = 7,863, printed 7,683
    found = _lines_totals(PIPES)
    assert found == [
        ("Total Cost Pressures = the sum of the lines Pay award to Social care demand", ["fails"]),
        ("Total Savings = the sum of the lines Office closures to Shared services", ["both"]),
        ("Total Net Change = the sum of the lines Total Cost Pressures to Total Savings", ["both"]),
    ]
    # £000 over the figures is their unit (no figure of a line): the total reads in it
    assert [(s, f) for _, s, f in _findings(PIPES)] == [("error", "£7,683 thousand")]


def test_a_list_with_each_label_on_a_line_over_its_figure() -> None:
    text = """\
Where the parish precept goes

Grass cutting
£4,250
Street lighting
£1,980
Play area inspections
£640
Clerk's salary
£7,300
Total
£15,070
"""
    # 4,250 + 1,980 + 640 + 7,300 = 14,170, printed £15,070
    assert _lines_totals(text) == [
        ("Total = the sum of the lines Grass cutting to Clerk's salary", ["fails"])
    ]
    assert [(s, f) for _, s, f in _findings(text)] == [("error", "£15,070")]


def test_a_tab_separated_list_and_a_chinese_list_with_their_totals() -> None:
    tabs = "Grants\t12.5\nFees\t3.75\nRents\t1.2\nTotal income\t17.45\n"
    assert _lines_totals(tabs) == [
        ("Total income = the sum of the lines Grants to Rents", ["both"])
    ]
    chinese = "税收收入  1,862\n非税收入  457\n转移性收入  2,390\n合计  4,907\n"
    # 1,862 + 457 + 2,390 = 4,709
    assert _lines_totals(chinese) == [
        ("合计 = the sum of the lines 税收收入 to 转移性收入", ["fails"])
    ]


def test_a_budget_that_opens_with_last_years_figure_sums_only_the_changes() -> None:
    text = """\
Budget requirement 2023/24    412.6
Pay inflation                  9.4
Demand pressures              14.1
Efficiency savings            -6.3
Total change in spending      17.2
Budget requirement 2024/25   429.8
"""
    assert _lines_totals(text) == [
        (
            "Total change in spending = the sum of the lines Pay inflation to Efficiency savings",
            ["both"],
        )
    ]
    assert _findings(text) == []


def test_near_misses_that_are_no_sum_of_the_lines_above() -> None:
    far = "Households   4,120\nResidents   9,870\nVisitors   2,250\nTotal area   620\n"
    # a total of another kind: far from any sum of the lines above, so not checked
    assert _findings(far) == []
    net = """\
Gross expenditure   18,400
Fees and charges   3,150
Grants received   2,600
Net expenditure   12,650
"""
    # net = gross − income printed unsigned: read as the first line less the others
    assert _findings(net) == []
    nested = """\
Premises   2,300
Staff costs   9,100
Salaries   7,600
Pensions   1,500
Total   11,400
"""
    # staff costs add up the two lines under it: the total is 2,300 + 9,100
    assert _findings(nested) == []
    sub_items = """\
Council tax   6,500
of which parish share   900
Grants   2,000
Fees   1,100
Total income   9,600
"""
    assert _lines_totals(sub_items) == [
        ("Total income = the sum of the lines Council tax to Fees", ["both"])
    ]
    no_total = "Grants   12.5\nFees   3.75\nRents   1.2\n"
    assert read_tables(no_total) == []


def test_rates_and_averages_are_no_lines_of_a_sum() -> None:
    text = """\
                         Q1      Q2
Sales                 1,200   1,350
Services                640     700
Average price          12.4    12.9
Total revenue         1,840   2,050
"""
    assert _lines_totals(text) == [
        ("Total revenue = the sum of the lines Sales to Services", ["both", "both"])
    ]


# Lines of a budget list, each larger than any slip: no run of some of the lines (another
# reading the statement reader weighs) can then add up to the slipped total by chance, as
# 1 + 219 + 1 does to 441 - 220.
@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(min_value=1_000, max_value=90_000), min_size=3, max_size=9),
    st.integers(min_value=-30, max_value=30),
)
def test_a_list_whose_total_is_its_sum_is_never_flagged_and_a_slip_always_is(
    amounts: list[int], slip: int
) -> None:
    lines = [f"Line item {chr(65 + i)}   {a:,}" for i, a in enumerate(amounts)]
    total = sum(amounts)
    right = "\n".join([*lines, f"Total   {total:,}"]) + "\n"
    assert _findings(right) == []
    wrong_total = total + slip * 10
    if slip == 0 or wrong_total == 0 or abs(wrong_total) < 100:
        return
    stated = Decimal(wrong_total)
    if not (Decimal(total) / stated > Decimal("0.5") and Decimal(total) / stated < 2):
        return  # far from the sum: no sum the list asserts
    wrong = "\n".join([*lines, f"Total   {wrong_total:,}"]) + "\n"
    verdicts = [v for _, vs in _lines_totals(wrong) for v in vs]
    assert verdicts == ["fails"] or _another_reading_holds(amounts, wrong_total)


def _another_reading_holds(amounts: list[int], total: int) -> bool:
    """The slipped total is what another reading the statement reader weighs adds up to:
    the first line less the rest (net = gross - costs), or a run of the last lines."""
    last_lines = any(sum(amounts[start:]) == total for start in range(1, len(amounts)))
    return last_lines or amounts[0] - sum(amounts[1:]) == total


def _quarterly(q3_revenue: str) -> str:
    """A quarterly page of a filing copied from the web: one cell a line, the column
    headers one word a line, the currency sign on a line of its own."""
    rows = [
        (
            "Revenues",
            ["$", "41,210", "$", "43,877", "$", q3_revenue, "$", "47,350", "$", "177,456"],
        ),
        ("Cost of revenues", ["18,940", "19,655", "20,118", "21,004", "79,717"]),
        ("Gross profit", ["22,270", "24,222", "24,901", "26,346", "97,739"]),
        ("Operating income", ["5,318", "6,042", "6,497", "7,105", "24,962"]),
        ("Net income", ["3,904", "4,411", "4,587", "5,260", "18,162"]),
        (
            "Basic earnings per share",
            ["$", "0.31", "$", "0.35", "$", "0.36", "$", "0.41", "$", "1.43"],
        ),
        ("Weighted average shares outstanding", ["12,640", "12,655", "12,671", "12,690", "12,664"]),
    ]
    out = ["Quarterly Financial Data (Unaudited)", "(in thousands, except per share amounts)"]
    out += ["First", "Quarter", "Second", "Quarter", "Third", "Quarter", "Fourth", "Quarter"]
    out += ["Fiscal", "Year"]
    for label, cells in rows:
        out += [label, *cells]
    return "\n".join(out) + "\n"


def test_a_quarterly_page_one_cell_a_line_with_headers_one_word_a_line() -> None:
    table = read_tables(_quarterly("45,019"))[0]
    headers = [c.header for c in table.columns]
    assert headers == [
        "First Quarter",
        "Second Quarter",
        "Third Quarter",
        "Fourth Quarter",
        "Fiscal Year",
    ]
    described = {(r.describe(), r.support, r.checked) for r in table_relations(table)}
    # the year's weighted average shares and earnings per share are no sum of the quarters'
    total = "Fiscal Year = First Quarter + Second Quarter + Third Quarter + Fourth Quarter"
    assert (total, 5, 5) in described
    assert _findings(_quarterly("45,019")) == []


def test_a_slip_in_a_quarter_breaks_the_years_total_and_is_an_error() -> None:
    findings = _findings(_quarterly("45,091"))  # 41,210 + 43,877 + 45,019 + 47,350 = 177,456
    # the slip breaks the year's total (named by its header: an error) and the quarter's
    # revenues = cost + gross profit (shown by the numbers only: a warning)
    assert [(s, f) for _, s, f in findings] == [("error", "177,456"), ("warning", "45,091")]


BILL = """\
Band D charge for the district
  Base charge  Parking levy  Total
2022/23 £212.40 £11.10 £223.50
2023/24
Increase
£6.30 £0.90 £7.20
2023/24 £218.70 £12.00 £230.70

This is an increase of 3.2% on the
22/23 total Band D of {repeat}
"""


def test_a_row_label_wrapped_over_two_lines_above_its_figures() -> None:
    (table,) = read_tables(BILL.format(repeat="£223.50"))
    assert [row.label for row in table.rows] == ["2022/23", "2023/24 Increase", "2023/24"]


def test_prose_naming_a_financial_year_in_its_short_form_repeats_the_rows_cell() -> None:
    assert _findings(BILL.format(repeat="£223.50")) == []
    # the prose prints the 2022/23 total a penny off the table's: a duplicate that disagrees
    findings = _findings(BILL.format(repeat="£223.51"))
    assert [(rule, severity) for rule, severity, _ in findings] == [("mentions-agree", "error")]
    # a figure far from every cell of the row named repeats none of them
    assert _findings(BILL.format(repeat="£310.00")) == []


def _severities(text: str) -> list[tuple[str, str]]:
    return [(severity, figure) for _, severity, figure in _findings(text)]


def test_a_relation_the_header_names_is_an_error_one_the_numbers_show_a_warning() -> None:
    rows = """\
Northfield   1,210   3,445   4,655
Eastbrook      987   2,310   3,297
Millbank     1,502   4,018   5,520
Westcombe      844   1,906   2,750
Southgate    1,131   2,774   3,950
"""
    # Southgate: 1,131 + 2,774 = 3,905, printed 3,950
    named = "Ward         Renters  Owners    Total\n" + rows
    assert _severities(named) == [("error", "3,950")]
    unnamed = "Ward          Spring  Autumn  Combined\n" + rows
    assert _severities(unnamed) == [("warning", "3,950")]


def test_a_share_column_headed_as_a_share_is_an_error_an_unnamed_quotient_a_warning() -> None:
    rows = """\
Northfield     420     61    14.5
Eastbrook      388     52    13.4
Millbank       515     83    16.1
Westcombe      297     37    13.2
Southgate      460     72    15.7
"""
    # Westcombe: 37 / 297 = 12.46%, printed 13.2
    named = "Ward         Pupils  Absent  % absent\n" + rows
    assert _severities(named) == [("error", "13.2%")]
    # the same quotients printed as percents under a header that names no share
    unnamed = "Ward         Pupils  Absent  Absence\n" + rows.replace("\n", "%\n")
    assert _severities(unnamed) == [("warning", "13.2%")]


def test_a_header_of_names_one_space_apart_names_a_share_of_the_total_column() -> None:
    text = """\
Source Amount % of Total
Precept £48,200 88.60%
Hall hire £3,950 7.26%
Grants £1,420 2.71%
Interest £830 1.53%
Total income £54,400 100%
"""
    (table,) = read_tables(text)
    assert [(c.header, c.unit) for c in table.columns] == [("Amount", ""), ("% of Total", "%")]
    # Grants: 1,420 / 54,400 = 2.61%, printed 2.71% (the column still adds to 100.10)
    assert ("error", "2.71%") in _severities(text)


RANKED = """\
Rank  Council        Households  Recycled  Rate
1     Northfield         12,400     7,812   63.0%
2     Eastbrook           9,850     5,910   60.0%
3     Millbank           15,200     8,664   57.0%
4     Westcombe           7,300     3,869   55.0%
5     Southgate          11,000     5,720   52.0%
"""


def test_a_rank_before_the_label_is_no_figure_of_the_row() -> None:
    piped = "\n".join("| " + " | ".join(line.split()) + " |" for line in RANKED.splitlines())
    for text in (RANKED, piped + "\n"):
        (table,) = read_tables(text)
        assert [row.label for row in table.rows][:2] == ["Northfield", "Eastbrook"]
        assert [c.header for c in table.columns] == ["Households", "Recycled", "Rate"]
        # Westcombe: 3,869 / 7,300 = 53.0%, printed 55.0%
        assert _severities(text) == [("error", "55.0%")]


def test_a_table_flattened_onto_one_line_is_read_row_by_row() -> None:
    line = (
        "Visitors by site (thousands) Castle 412 388 Museum 265 281 Gardens 190 204 Total 867 837\n"
    )
    (table,) = read_tables(line)
    assert [(r.label, [c.text for c in r.cells if c]) for r in table.rows] == [
        ("Castle", ["412", "388"]),
        ("Museum", ["265", "281"]),
        ("Gardens", ["190", "204"]),
        ("Total", ["867", "837"]),
    ]
    # 388 + 281 + 204 = 873, printed 837: the total line breaks in its second column
    assert [(s, f) for _, s, f in _findings(line)] == [("error", "837")]


def test_prose_whose_figures_sit_among_words_is_no_flattened_table() -> None:
    prose = (
        "Visits rose from 412 in the spring to 455 by the autumn, while the museum"
        " drew 265 and the gardens 190 over the same months 12\n"
    )
    assert read_tables(prose) == []


def test_a_column_headed_total_is_asserted_by_fewer_rows_than_agreement_needs() -> None:
    text = """\
Segment        Q1      Q2      Q3      Q4    Total
Retail      1,204   1,318   1,290   1,455    5,267
Wholesale     842     901     877     930    3,550
Online        315     362     401     478    1,556
"""
    # Online: 315 + 362 + 401 + 478 = 1,556; Wholesale: 842 + 901 + 877 + 930 = 3,550;
    # Retail: 1,204 + 1,318 + 1,290 + 1,455 = 5,267 — all hold
    assert _findings(text) == []
    slipped = text.replace("3,550", "3,505")
    assert [(s, f) for _, s, f in _findings(slipped)] == [("error", "3,505")]
    unnamed = slipped.replace("Total", "Other")
    # with no header naming the total, two rows of three are too few to assert the sum
    assert _findings(unnamed) == []

"""factlint.extract.tables: English tables as web pages and answers print them, and how
much agreement a relation inferred from the numbers needs.

Every table here is written for these tests (none is copied from a report).
"""

from __future__ import annotations

from factlint.extract.tables import Table, read_tables
from factlint.extract.tables.cells import split_line
from factlint.extract.tables.relations import table_relations
from scanning import scan_report


def _only(text: str) -> Table:
    tables = read_tables(text)
    assert len(tables) == 1, tables
    return tables[0]


def _findings(text: str) -> list[tuple[str, str, str]]:
    """(rule id, severity, stated figure) of each finding on the discovered rules."""
    return sorted(
        (f.rule, f.severity.value, f.stated.figure if f.stated else "")
        for f in scan_report(text).findings
    )


def _kinds(table: Table) -> list[tuple[str, str]]:
    return [(r.kind, r.describe()) for r in table_relations(table)]


def test_a_figure_printed_above_a_table_is_no_caption_of_its_units() -> None:
    text = """\
Permits issued
412
97.6% of requests
100%
Sort by any column
| Northfield | 40 | 31 | 9 |
| Eastbrook | 52 | 47 | 5 |
| Millbank | 38 | 30 | 8 |
| Westcombe | 61 | 55 | 6 |
"""
    table = _only(text)
    assert [c.unit for c in table.columns] == ["", "", ""]
    assert table.rows[0].cells[0] is not None
    assert table.rows[0].cells[0].figure.kind == "number"
    assert ("sum", "column 1 = column 2 + column 3") in _kinds(table)


def test_a_caption_of_units_above_a_table_still_names_them() -> None:
    text = """\
Percentage
| Northfield | 40.5 | 59.5 |
| Eastbrook | 52.0 | 48.0 |
| Millbank | 38.2 | 61.8 |
"""
    assert [c.unit for c in _only(text).columns] == ["%", "%"]


def test_columns_that_differ_in_several_rows_are_two_quantities_not_one() -> None:
    # offered and taken up coincide in most areas but not in four of fourteen: no relation
    rows = [(30, 30), (41, 41), (25, 27), (18, 18), (60, 60), (33, 35), (47, 47),
            (22, 22), (55, 58), (39, 39), (28, 28), (71, 71), (64, 66), (36, 36)]  # fmt: skip
    text = "Area        Offered   Taken up\n" + "".join(
        f"Area {chr(64 + i):<7}{a:>7}{b:>11}\n" for i, (a, b) in enumerate(rows, 1)
    )
    table = _only(text)
    assert [kind for kind, _ in _kinds(table)] == []


def test_one_slip_in_columns_equal_everywhere_else_is_still_a_finding() -> None:
    rows = [(30, 30), (41, 41), (25, 25), (18, 18), (60, 6), (33, 33), (47, 47), (22, 22)]
    text = "Area        Offered   Taken up\n" + "".join(
        f"Area {chr(64 + i):<7}{a:>7}{b:>11}\n" for i, (a, b) in enumerate(rows, 1)
    )
    (relation,) = table_relations(_only(text))
    assert relation.kind == "equal"
    assert [c.row.label for c in relation.failing()] == ["Area E"]


def test_a_sum_whose_other_parts_are_all_zero_supports_nothing() -> None:
    # Spare is zero in every row, so "Held = Issued + Spare" is "Held = Issued" again
    rows = [(30, 30), (41, 41), (25, 25), (18, 18), (60, 60), (33, 33), (47, 47), (22, 22),
            (55, 55), (39, 38)]  # fmt: skip
    text = "Depot      Held   Issued   Spare\n" + "".join(
        f"Depot {chr(64 + i):<5}{a:>5}{b:>9}{0:>8}\n" for i, (a, b) in enumerate(rows, 1)
    )
    kinds = [kind for kind, _ in _kinds(_only(text))]
    assert "sum" not in kinds
    assert "difference" not in kinds


def test_a_total_column_printed_before_its_parts_with_a_rate_after_them() -> None:
    text = """\
Region        Cases   Closed   Open   Referred   Rate
Northfield       40       31      6          3    78%
Eastbrook        52       47      3          2    90%
Millbank         38       30      5          3    79%
Westcombe        61       55      4          2    90%
Southgate        27       20      5          2    74%
"""
    assert ("sum", "Cases = Closed + Open + Referred") in _kinds(_only(text))


def test_a_header_of_one_word_a_column_one_space_apart_names_the_columns() -> None:
    text = "Year Arrivals Departures\n2001 410 380\n2002 455 402\n2003 470 399\n"
    table = _only(text)
    assert [c.header for c in table.columns] == ["Arrivals", "Departures"]
    assert table.label_header == "Year"
    assert [row.label for row in table.rows] == ["2001", "2002", "2003"]


def test_words_of_a_sentence_above_a_table_name_no_columns() -> None:
    text = "Sort by any column\n| Ash | 40 | 31 | 9 |\n| Elm | 52 | 47 | 5 |\n"
    text += "| Oak | 38 | 30 | 8 |\n"
    assert [c.header for c in _only(text).columns] == ["", "", ""]


def test_a_year_starting_a_row_of_a_table_over_periods_is_its_label() -> None:
    text = """\
Season      Home    Away
2019-20       41      38
2020-21       12      15
2021          30      29
2021-22       44      40
"""
    table = _only(text)
    assert table.complete
    assert [row.label for row in table.rows] == ["2019-20", "2020-21", "2021", "2021-22"]
    assert [c.text for c in table.rows[2].cells if c] == ["30", "29"]


def test_the_year_of_a_period_in_a_label_stays_in_the_label() -> None:
    assert [p.text for p in split_line("Year to March 2024     1,234     5.6%")] == [
        "Year to March 2024",
        "1,234",
        "5.6%",
    ]
    assert split_line("Quarter ended June 2023   88   12")[0].text == "Quarter ended June 2023"
    # a figure one space after a plain label is still a cell of its own
    assert [p.text for p in split_line("Northfield 1999   2001")] == ["Northfield", "1999", "2001"]


_VISITS = """\
Visits to the two museums each year were as follows:

Year     Castle    Abbey
2016      4,000    2,500
2017      4,400    2,600
2018      4,800    2,900
2019      5,000    3,000

Between 2016 and 2019 visits to the castle have risen by {castle} per cent, while visits to the \
abbey have risen by {abbey} per cent.
"""


def test_a_change_the_text_claims_between_two_rows_of_a_table_over_periods() -> None:
    assert _findings(_VISITS.format(castle=25, abbey=20)) == []
    (finding,) = _findings(_VISITS.format(castle=20, abbey=20))
    assert finding[1:] == ("error", "20 per cent")
    assert "castle" in finding[0]


def test_a_fall_to_the_present_is_read_against_the_last_row() -> None:
    text = """\
Session     Bills    Motions
2012-13        40         90
2013-14        35         80
2014-15        30         60

Since 2012-13 the number of motions has fallen by {fall} per cent to the present.
"""
    assert _findings(text.format(fall=33)) == []
    (finding,) = _findings(text.format(fall=50))
    assert finding[1:] == ("error", "50 per cent")


def test_rows_that_are_no_periods_make_no_change() -> None:
    text = """\
Area        Castle    Abbey
North        4,000    2,500
South        4,400    2,600
East         4,800    2,900

Between North and East visits to the castle have risen by 10 per cent.
"""
    assert _findings(text) == []


_STATEMENT = """\
Results by quarter (in thousands, except per share data):
Year
Q4
Q3
Q2
Q1
2024
Sales
$
4,120
$
1,100
$
1,050
$
990
$
980
Operating (loss) income
(310
)
(60
)
(90
)
(70
)
(90
)
Basic earnings (loss) per share:
Earnings (loss) per share - basic
(0.42
)
0.05
(0.17
)
(0.12
)
(0.18
)
2023
Sales
$
3,900
$
1,000
$
970
$
960
$
970
Operating (loss) income
({loss}
)
(40
)
(50
)
(60
)
(100
)
"""


def test_a_statement_one_cell_a_line_with_signs_and_brackets_on_lines_of_their_own() -> None:
    table = _only(_STATEMENT.format(loss=250))
    assert [c.header for c in table.columns] == ["Year", "Q4", "Q3", "Q2", "Q1"]
    assert [(row.label, row.section) for row in table.rows] == [
        ("Sales", "2024"),
        ("Operating (loss) income", "2024"),
        ("Earnings (loss) per share - basic", "Basic earnings (loss) per share:"),
        ("Sales", "2023"),
        ("Operating (loss) income", "2023"),
    ]
    assert [c.figure.text for c in table.rows[1].cells if c] == ["-310", "-60", "-90", "-70", "-90"]
    assert _findings(_STATEMENT.format(loss=250)) == []


def test_a_negative_in_brackets_that_breaks_the_total_is_a_finding() -> None:
    (finding,) = _findings(_STATEMENT.format(loss=240))
    assert finding[1:] == ("error", "-240")


def test_a_negative_in_brackets_in_a_pipe_table_is_checked_with_its_sign() -> None:
    text = """\
| Item | Total | H2 | H1 |
| Fees | 500 | 260 | 240 |
| Grants | 120 | 70 | 50 |
| Costs | (410) | (200) | (210) |
| Loss on sale | (30) | (10) | (20) |
| Other | 45 | 20 | 25 |
"""
    assert _findings(text) == []
    (finding,) = _findings(text.replace("(410)", "(401)"))
    assert finding[1:] == ("error", "-401")


_PRECEPTS = """\
Year      Precept   Increase   Change
2021/22    12,000
2022/23    12,600        600     5.0%
2023/24    13,104        504     4.0%
2024/25    13,759        655     5.0%
2025/26    14,447        688     {last}
"""


def test_a_change_column_down_a_table_over_periods_is_on_the_period_before() -> None:
    table = _only(_PRECEPTS.format(last="5.0%"))
    assert table.rows[0].label == "2021/22"  # a first year with no change is a row too
    assert sorted(_kinds(table)) == [
        ("period-difference", "Increase = Precept − Precept of the period before"),
        ("period-growth", "Change = Precept / Precept of the period before − 1"),
    ]
    assert _findings(_PRECEPTS.format(last="5.0%")) == []
    (finding,) = _findings(_PRECEPTS.format(last="6.0%"))
    assert finding[1:] == ("error", "6.0%")


def test_a_table_over_periods_with_the_latest_first() -> None:
    text = """\
| Year | Band D | Change |
| 2025/26 | £40.95 | 5.0% |
| 2024/25 | £39.00 | 4.0% |
| 2023/24 | £37.50 | 7.1% |
| 2022/23 | £35.00 | |
"""
    assert _kinds(_only(text)) == [
        ("period-growth", "Change = Band D / Band D of the period before − 1")
    ]
    assert _findings(text) == []


def test_rows_that_are_no_periods_have_no_period_before() -> None:
    text = "Ward      Votes   Change\nAsh       1,200\nElm       1,260   5.0%\n"
    text += "Oak       1,310   4.0%\nYew       1,376   5.0%\n"
    assert [kind for kind, _ in _kinds(_only(text))] == []


def test_a_column_headed_as_the_change_is_the_difference_of_the_others() -> None:
    text = """\
Band    2023/24    2024/25    Increase
A        985.10   1,034.26       49.16
B      1,149.28   1,206.64       57.36
C      1,313.47   1,379.01       65.54
D      1,477.65   1,551.39       73.74
"""
    assert _kinds(_only(text)) == [("difference", "Increase = 2024/25 − 2023/24")]


def test_a_row_label_wrapped_over_two_lines_is_one_label() -> None:
    text = """\
Offence group                 2019     2020
Violence against the
  person                       120      130
Robbery                         40       45
Theft from the
  person                        60       55
Total                          220      230
"""
    table = _only(text)
    assert [(row.label, row.section) for row in table.rows] == [
        ("Violence against the person", ""),
        ("Robbery", ""),
        ("Theft from the person", ""),
        ("Total", ""),
    ]
    assert [c.header for c in table.columns] == ["2019", "2020"]


def test_notes_and_codes_in_cells_leave_the_rows_in_the_table() -> None:
    text = """\
Region            Population    Households
North East         2,647,000     1,190,000
North West         7,417,000     3,190,000*
Yorkshire          5,481,000 r   2,370,000
East Midlands      4,880,000(a)  2,080,000
South West         5,701,000         [x]
"""
    table = _only(text)
    assert [[c.figure.text if c else None for c in row.cells] for row in table.rows] == [
        ["2,647,000", "1,190,000"],
        ["7,417,000", "3,190,000"],
        ["5,481,000", "2,370,000"],
        ["4,880,000", "2,080,000"],
        ["5,701,000", None],
    ]


def test_a_rise_of_a_rate_between_two_periods_is_left_alone() -> None:
    # "risen by 3 per cent" of a rate (60.1% to 63.1%) may mean points: no claim of it
    text = """\
Year     Turnout     Votes
2015       60.1%    30,050
2017       63.1%    31,550
2019       61.4%    30,700

Between 2015 and 2017 turnout has risen by 3 per cent.
"""
    assert _findings(text) == []


def test_a_year_inside_a_longer_period_names_no_row() -> None:
    text = """\
Year        Visits    Members
2019         4,000        300
2019-20      4,400        310
2020-21      4,800        320

Since 2019-20 the number of visits has risen by 9 per cent to the present.
"""
    assert _findings(text) == []  # 4,800 / 4,400 is 9.1%: from 2019-20, not from 2019


def test_an_equation_inside_a_longer_one_is_not_said_again() -> None:
    # Late is zero in all rows but one, so Seen = On time + Early holds there too: the longer
    # sum explains those columns, and the rows where Late is not zero break nothing
    rows = [(40, 30, 10, 0), (52, 40, 11, 1), (38, 30, 8, 0), (61, 50, 11, 0), (27, 20, 7, 0),
            (45, 35, 10, 0), (33, 25, 8, 0), (70, 60, 10, 0), (29, 20, 9, 0), (55, 45, 10, 0),
            (48, 40, 8, 0), (66, 50, 16, 0)]  # fmt: skip
    text = "Clinic      Seen   On time   Early   Late   Rate\n" + "".join(
        f"Clinic {chr(64 + i):<4}{a:>5}{b:>10}{c:>8}{d:>7}{'90%':>7}\n"
        for i, (a, b, c, d) in enumerate(rows, 1)
    )
    assert [k for k in _kinds(_only(text)) if k[0] in ("sum", "difference")] == [
        ("sum", "Seen = On time + Early + Late")
    ]

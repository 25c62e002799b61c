"""factlint.extract.tables: one table, many layouts (issue 11 item 2).

Every table here is written for these tests. Each mechanism is shown on a table that adds up
(scan stays silent) and on the same table with one planted slip (scan flags that figure):
a text that ends on its table's last row, a header wrapped over two lines, a scale printed
as ``£000``, statements whose totals move a base by ``Change in`` lines, a total row or a
share column the table's words or a printed 100 name, years heading a one-cell-a-line
table, signs printed apart from their numbers, and look-alike columns that are unrelated.
"""

from __future__ import annotations

from tests.scanning import scan_report

from factlint.extract.tables import read_tables
from factlint.extract.tables.cells import is_number
from factlint.extract.tables.relations import table_relations


def _findings(text: str) -> list[tuple[str, str]]:
    """(severity, stated figure) of each finding scan reports on ``text``."""
    return sorted(
        (f.severity.value, f.stated.figure if f.stated else "") for f in scan_report(text).findings
    )


def _grid(text: str) -> list[tuple[str, list[str | None]]]:
    (table,) = read_tables(text)
    return [(row.label, [c.text if c else None for c in row.cells]) for row in table.rows]


# ----------------------------------------------------------------- the end of the text


ALIGNED = """\
Depot        Vans   Lorries    Total
Leyton        112        40      152
Barking        87        31      118
Croydon       140        52      {total}"""


def test_a_text_ending_on_its_tables_last_row_keeps_the_last_figure() -> None:
    # no newline after 192: the line is right-aligned with the rows above, so it is whole
    assert _grid(ALIGNED.format(total="192"))[-1] == ("Croydon", ["140", "52", "192"])
    assert _findings(ALIGNED.format(total="192")) == []
    assert _findings(ALIGNED.format(total="182")) == [("error", "182")]


def test_a_last_figure_out_of_its_column_may_be_cut_short_and_is_no_cell() -> None:
    text = "地区 一季度 二季度 合计\n甲 120 133 253\n乙 98 101 199\n丁 77 80 157\n丙 140 152 29"
    assert "29" not in [cell for _, cells in _grid(text) for cell in cells]


def test_a_figure_ending_in_a_percent_sign_ends_where_it_is_printed() -> None:
    line = "Vote by ward Abbey 412 41.2% Bridge 350 35.0% Castle 238 23.8% Total 1,000 100.0%"
    assert _grid(line)[-1] == ("Total", ["1,000", "100.0%"])


def test_one_cell_a_line_ending_without_a_newline_keeps_its_last_cell() -> None:
    text = "Item\n2022\n2023\n% change\nFerries\n410.0\n451.0\n10.0\n"
    text += "Buses\n620.0\n589.0\n-5.0\nTrams\n200.0\n230.0\n15.0"
    assert _grid(text)[-1] == ("Trams", ["200.0", "230.0", "15.0"])


# ----------------------------------------------------------------- headers and units


def test_a_header_wrapped_over_two_lines_names_each_column_by_both_cells() -> None:
    text = """\
              Pay     Other    Total
Team        costs     costs    spend
Parks         310       120      430
Libraries     205        95      300
Museums       150        60      {total}
Archives       80        25      105
"""
    (table,) = read_tables(text.format(total="210"))
    assert [c.header for c in table.columns] == ["Pay costs", "Other costs", "Total spend"]
    assert _findings(text.format(total="210")) == []
    # the header names the total: an error, though three rows are all that agree
    assert _findings(text.format(total="201")) == [("error", "201")]


def test_a_units_line_under_the_names_joins_them() -> None:
    text = """\
Area        Total    Urban    Rural
           (000s)   (000s)   (000s)
Northby      84.3     62.1     22.2
Southby      50.0     31.5     18.5
Westby       71.6     40.0     31.6
"""
    (table,) = read_tables(text)
    assert [c.header for c in table.columns] == ["Total (000s)", "Urban (000s)", "Rural (000s)"]


def test_a_caption_over_a_header_is_no_line_of_it() -> None:
    text = """\
Three Months Ended
Item          Q1      Q2   Total
Sales        100     120     220
Costs         60      70     130
Profit        40      50      90
"""
    (table,) = read_tables(text)
    assert [c.header for c in table.columns] == ["Q1", "Q2", "Total"]


def test_a_scale_printed_as_pounds_thousands_is_no_figure() -> None:
    assert not is_number("£000") and not is_number("$000") and not is_number("000s")
    assert is_number("£100") and is_number("0") and is_number("1,000")


# ----------------------------------------------------------------- statements


CHANGES = """\
Budget changes                     £000
Net budget 2024/25               48,120
Change in pay costs               1,310
Change in grant income             (450)
Change in contributions              95
Net budget 2025/26               {total}
"""


def test_a_total_moved_by_change_in_lines_is_the_base_and_the_changes() -> None:
    assert _findings(CHANGES.format(total="49,075")) == []
    found = _findings(CHANGES.format(total="49,175"))
    assert [severity for severity, _ in found] == ["error"]
    assert "49,175" in found[0][1]


NET = """\
Spending plan           £m
Staff                 41.2
Buildings             12.9
IT                     6.4
Total expenditure     60.5
Fees and charges      (8.3)
Net expenditure       {net}
"""


def test_a_net_line_after_a_total_is_the_total_less_the_lines_between() -> None:
    assert _findings(NET.format(net="52.2")) == []
    assert [s for s, _ in _findings(NET.format(net="54.2"))] == ["error"]


def test_a_net_line_is_not_flagged_for_a_slip_its_total_carries() -> None:
    text = NET.format(net="52.2").replace("60.5", "61.5")  # the total off by 1.0
    found = _findings(text)
    assert [s for s, _ in found] == ["error"]
    assert "61.5" in found[0][1]


# ----------------------------------------------------------------- whole rows and shares


def test_a_labelled_total_row_of_two_columns_with_one_slip_is_an_error() -> None:
    text = """\
单位：万人
地区       常住人口   户籍人口
全市         212.40     180.20
东城区        80.10      70.00
西城区        72.30      61.60
北城区        60.00      {north}
"""
    assert _findings(text.format(north="48.60")) == []
    assert _findings(text.format(north="50.60")) == [("error", "180.20万人")]


def test_a_per_head_column_is_no_column_of_a_total_rows_sum() -> None:
    text = """\
Town          Income (£m)   Income per head (£)
Aston              120.0                 4,100
Barford             80.0                 3,900
Colby               50.0                 3,500
Total              250.0                 3,900
"""
    assert _findings(text) == []


def test_a_share_of_all_column_needs_no_total_row() -> None:
    text = """\
Rank   Park          Visits   % of all
1      Riverside      5,000       50.0
2      Hilltop        3,000       30.0
3      Lakeside       1,500       15.0
4      Meadow           500        {share}
"""
    assert _findings(text.format(share="5.0")) == []
    assert _findings(text.format(share="7.0")) == [("error", "7.0%")]


def test_a_share_column_over_a_row_printing_100_asserts_that_row_is_the_whole() -> None:
    text = """\
指标           总量（亿元）   比重（%）
全部工业            500.0       100.0
食品                100.0        20.0
纺织                150.0        30.0
机械                250.0        {heavy}
"""
    assert _findings(text.format(heavy="50.0")) == []
    assert _findings(text.format(heavy="52.0")) == [("error", "52.0%")]


def test_a_total_of_one_year_bounds_no_column_of_another() -> None:
    text = """\
Fund          Unrestricted   Restricted   Total   Total
                      2024         2024    2024    2023
Grants                 900          300   1,200     800
Sales                  500          100     600   1,100
Interest                40           10      50      30
"""
    kinds = {(r.kind, r.describe()) for t in read_tables(text) for r in table_relations(t)}
    assert not any(kind == "within" and "2023" in said for kind, said in kinds)


# ----------------------------------------------------------------- other layouts


def test_years_alone_on_their_lines_head_a_one_cell_a_line_table() -> None:
    text = "Item\n2022\n2023\n% change\nFerries\n410.0\n451.0\n10.0\nBuses\n620.0\n589.0\n-5.0\n"
    text += "Trams\n200.0\n230.0\n{trams}\nTaxis\n50.0\n60.0\n20.0\n"
    (table,) = read_tables(text.format(trams="15.0"))
    assert [c.header for c in table.columns] == ["2022", "2023", "% change"]
    assert _findings(text.format(trams="15.0")) == []
    assert _findings(text.format(trams="13.0")) == [("error", "13.0%")]


SIGNS = """\
Port        2019    2024   Change %
Dover        500     550    +  10.0
Hull         400     380    -   5.0
Tilbury      200     250    +  25.0
Poole        100      80    -  {poole}
"""


def test_signs_printed_apart_from_their_numbers_are_theirs() -> None:
    grid = dict(_grid(SIGNS.format(poole="20.0")))
    assert grid["Dover"][2] == "+10.0" and grid["Poole"][2] == "-20.0"
    assert _findings(SIGNS.format(poole="20.0")) == []
    assert [s for s, _ in _findings(SIGNS.format(poole="22.0"))] == ["error"]


def test_a_dash_is_an_empty_cell_where_no_column_prints_a_plus() -> None:
    text = "Unit        A     B     C\nNorth      12     -    30\nSouth      14    20    40\n"
    text += "East       16    22    44\n"
    assert dict(_grid(text))["North"] == ["12", None, "30"]


def test_columns_that_look_related_but_are_not_stay_silent() -> None:
    rates = """\
Borough    Population   Offences   Rate per 1,000
Ashgate       120,400      9,310             11.2
Brookend       98,200      7,005              9.9
Cowley        143,900     12,870             14.1
Dunmore        77,600      4,120              6.3
"""
    periods = """\
School      2019   2023   Pupils
Ashgrove    71.2   68.4      412
Beckside    64.0   70.1      388
Cragend     80.5   79.9      240
Dalesway    58.3   61.0      515
"""
    assert _findings(rates) == []
    assert _findings(periods) == []


def test_labels_ending_in_a_number_under_a_header_that_heads_them() -> None:
    text = """\
Age             2001      2011
Under 16       5,200     5,600
16 to 64      20,100    21,300
65 and over    4,700     5,900
All ages      30,000    32,800
"""
    assert _grid(text) == [
        ("Under 16", ["5,200", "5,600"]),
        ("16 to 64", ["20,100", "21,300"]),
        ("65 and over", ["4,700", "5,900"]),
        ("All ages", ["30,000", "32,800"]),
    ]


def test_a_number_one_space_after_a_label_is_a_figure_under_a_header_of_figures_only() -> None:
    text = """\
               Caught    Share
Thames Valley 1,204   12.0%   9.1%
Kent 2,300   15.0%   8.2%
Durham 900   11.0%   7.5%
"""
    assert _grid(text)[0] == ("Thames Valley", ["1,204", "12.0%", "9.1%"])


def test_a_caption_ending_in_its_unit_gives_every_column_that_unit() -> None:
    text = """\
Households (in thousands)
Region      2011     2021
North      1,204    1,260
South      2,310    2,480
West         980    1,010
"""
    (table,) = read_tables(text)
    assert [c.unit for c in table.columns] == ["thousand", "thousand"]


def test_figures_printing_their_unit_in_chinese_are_cells() -> None:
    text = """\
产业          2022年        2023年
农业       40.5亿元      42.0亿元
工业       80.2亿元      85.1亿元
服务业     60.3亿元      63.9亿元
合计      181.0亿元     {total}
"""
    assert _grid(text.format(total="191.0亿元"))[0] == ("农业", ["40.5亿元", "42.0亿元"])
    assert _findings(text.format(total="191.0亿元")) == []
    assert _findings(text.format(total="193.0亿元")) == [("error", "193.0亿元")]
    assert not is_number("1月") and not is_number("2023年") and not is_number("65岁")


def test_a_change_in_points_is_one_rate_less_another() -> None:
    text = """\
Rates (%)
Group          2023   2024   Change (pp)
Under 25       12.4   11.9          -0.5
25 to 49        4.1    4.3          +0.2
50 to 64        3.8    3.6          -0.2
65 and over     2.0    2.7          {old}
"""
    assert _findings(text.format(old="+0.7")) == []
    assert [s for s, _ in _findings(text.format(old="+1.7"))] == ["error"]


def test_an_unnamed_row_that_is_the_sum_of_the_others_is_a_warning_where_it_breaks() -> None:
    text = """\
Area        2019    2021    2023
Dyfed      1,450   {mid}   1,610
Ceredigion   320     345     360
Carmarthen   610     640     700
Pembroke     520     545     550
"""
    assert _findings(text.format(mid="1,530")) == []
    assert _findings(text.format(mid="1,630")) == [("warning", "1,630")]
    last = "Area      2019    2021    2023\nNorth    1,100   1,200   1,300\n"
    last += "South      450     500     520\nBoth     1,550   1,700   1,920\n"
    assert _findings(last) == [("warning", "1,920")]
    # two columns agreeing to two digits only say nothing
    small = "Area   A    B    C\nAll   15   25   37\nX      7   12   20\nY      8   13   16\n"
    assert _findings(small) == []


def test_a_label_ending_in_a_bound_word_leaves_the_first_cell_a_cell() -> None:
    # "over 2.0" is read as a bound; the cell is 2.0 and its fact is the row's
    text = "Age           Men   Women   Total\nUnder 18       40      42      82\n"
    text += "18 to 64      120     118     238\n65 and over    30      35      {total}\n"
    assert _findings(text.format(total="65")) == []
    assert _findings(text.format(total="75")) == [("error", "75")]


def test_a_one_cell_a_line_table_may_head_its_columns_with_long_names() -> None:
    heads = ["Period |", "Applications: number received |", "Applications: decided in time |"]
    heads += ["Outcome: granted in full or in part* |"]
    rows = ["Q1 |", "120 |", "100 |", "90 |", "Q2 |", "140 |", "130 |", "101 |"]
    rows += ["Q3 |", "110 |", "95 |", "80 |", "Total |", "370 |", "325 |", "{granted} |"]
    text = "\n".join(heads + rows) + "\n"
    (table,) = read_tables(text.format(granted="271"))
    assert table.columns[2].header == "Outcome: granted in full or in part*"
    assert _findings(text.format(granted="271")) == []
    assert [s for s, _ in _findings(text.format(granted="281"))] == ["error"]

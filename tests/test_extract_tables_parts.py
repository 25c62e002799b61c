"""factlint.extract.tables.parts: a percent column of the parts of one whole beside the
column that counts them (results tables, breakdowns), and what is no such column (rates).

Every table here is written for these tests (none is copied from a report).
"""

from __future__ import annotations

from factlint.extract.tables import Table, read_tables
from factlint.extract.tables.model import Cell
from factlint.extract.tables.relations import table_relations
from factlint.numbers.figures import parse_figure
from scanning import scan_report


def _only(text: str) -> Table:
    tables = read_tables(text)
    assert len(tables) == 1, tables
    return tables[0]


def _parts(text: str, wholes: tuple[Cell, ...] = ()) -> list[tuple[str, str, list[str]]]:
    """(kind, relation, labels of the rows that break it) of every relation of the table
    that takes its rows for parts of one whole."""
    return [
        (r.kind, r.describe(), [c.row.label.strip() for c in r.failing()])
        for r in table_relations(_only(text), wholes)
        if r.kind in _PARTS_KINDS
    ]


_PARTS_KINDS = ("share-of-sum", "parts-sum", "parts-at-most", "parts-count", "share-of-stated")


def _whole(text: str, line: int) -> Cell:
    return Cell(text, line, 1, parse_figure(text), exact=True)


def _findings(text: str) -> list[tuple[str, str, str]]:
    return sorted(
        (f.rule, f.severity.value, f.stated.figure if f.stated else "")
        for f in scan_report(text).findings
    )


SEATS = """\
Party        Seats   Seats %    Votes   Votes %
Harbour         11      45.8    9,412      40.1
Valley           6      25.0    6,020      25.7
Ridge            4      12.5    4,551      19.4
Coast            3      12.5    3,480      14.8
"""


def test_a_seats_share_column_over_the_seats_it_counts_flags_the_row_off_its_share() -> None:
    found = _parts(SEATS)
    # 11 + 6 + 4 + 3 = 24 seats: 11/24 = 45.8, 6/24 = 25.0, 3/24 = 12.5; Ridge's 4 is 16.7
    assert ("share-of-sum", "Seats % = Seats / the sum of Seats", ["Ridge"]) in found
    # the seats are the whole (their shares are of their sum): the shares add up to 95.8
    assert ("parts-sum", "the Seats % of the rows add up to 100", ["Harbour"]) in found


def test_votes_that_hold_only_within_their_rounding_are_no_finding() -> None:
    # 9,412 + 6,020 + 4,551 + 3,480 = 23,463: 40.11%, 25.66%, 19.40%, 14.83% — the shares
    # add up to 100.0 and each is its row's share to nearest: the column holds
    assert not any(failing for kind, text, failing in _parts(SEATS) if "Votes" in text)


def test_scan_reports_the_broken_seats_share_as_an_error() -> None:
    found = _findings(SEATS)
    assert ("table1-ridge-seats-pct-share-of-sum", "error", "12.5%") in found
    assert any(rule.endswith("parts-sum") and severity == "error" for rule, severity, _ in found)


def test_a_pipe_table_whose_last_cells_are_empty_keeps_every_row() -> None:
    text = """\
| Party | Seats | Seats % | Change | |
|---|---|---|---|---|
| Harbour | 9 | 45.0 | +2 | |
| Valley | 5 | 25.0 | −1 | |
| Ridge | 4 | 20.0 | ||
| Coast | 2 | 15.0 | +1 | |
"""
    table = _only(text)
    assert table.complete
    assert [c.text if c else None for c in table.rows[2].cells] == ["4", "20.0", None]
    found = _parts(text)
    # 9 + 5 + 4 + 2 = 20 seats: Coast's 2 is 10.0%, and the shares add up to 105
    assert ("share-of-sum", "Seats % = Seats / the sum of Seats", ["Coast"]) in found
    assert ("parts-sum", "the Seats % of the rows add up to 100", ["Harbour"]) in found


def test_a_chinese_breakdown_over_a_total_printed_above_the_table() -> None:
    text = "\t".join(["年级", "人数", "占比(%)"]) + "\n"
    for row in (("一年级", "310", "25.8"), ("二年级", "295", "24.6"), ("三年级", "288", "24.0")):
        text += "\t".join(row) + "\n"
    # 1,200 pupils in all (printed in the text): 310/1200 = 25.8, 295/1200 = 24.6, 288/1200 =
    # 24.0 — the rows are three of four grades, so their shares add up to less than 100
    found = _parts(text, (_whole("1200", 1),))
    assert ("share-of-stated", "占比(%) = 人数 / 1200 (line 1)", []) in found
    assert ("parts-at-most", "the 占比(%) of the rows add up to 100 at most", []) in found
    assert ("parts-count", "the 人数 of the rows add up to 1200 (line 1) at most", []) in found


def test_counts_adding_up_to_more_than_the_whole_the_text_states() -> None:
    text = """\
Ward        Seats   Seats %
North           5      25.0
South           6      30.0
East            4      20.0
West            6      25.0
"""
    # "all 20 seats" in the text: 5/20, 6/20, 4/20 hold; West's 6 is 30%; 21 seats > 20
    found = _parts(text, (_whole("20", 1),))
    assert ("share-of-stated", "Seats % = Seats / 20 (line 1)", ["West"]) in found
    counted = "the Seats of the rows add up to 20 (line 1) at most"
    assert ("parts-count", counted, ["North"]) in found
    # the rows reach the whole (21 ≥ 20): the shares must make 100, and they do
    assert ("parts-sum", "the Seats % of the rows add up to 100", []) in found


def test_scan_reads_the_stated_whole_from_the_words_above_the_table() -> None:
    text = """\
The council has 20 seats, all of them elected in May.

Ward        Seats   Seats %
North           5      25.0
South           6      30.0
East            4      20.0
West            6      25.0
"""
    found = _findings(text)
    assert ("table1-west-seats-pct-share-of-stated", "error", "25.0%") in found
    assert any(rule.endswith("parts-count") and stated == "20" for rule, _, stated in found)


def test_shares_over_more_parts_than_the_table_lists_add_up_to_at_most_100() -> None:
    text = """\
Candidate     Votes    Share %
Adams         4,210       42.1
Baker         3,005       30.1
Clarke        1,790       17.9
"""
    # printed whole: "10,000 valid votes"; the three listed are 9,005 of them
    found = _parts(text, (_whole("10,000", 1),))
    assert ("share-of-stated", "Share % = Votes / 10,000 (line 1)", []) in found
    assert ("parts-at-most", "the Share % of the rows add up to 100 at most", []) in found


def test_a_pass_rate_column_is_no_part_of_a_whole() -> None:
    text = """\
School         Pupils   Passed   Pass %
Hillside          120      108     90.0
Riverside          80       70     87.5
Oakfield          150      141     94.0
Elm Park           60       50     83.3
"""
    # each row over its own pupils: a rate, whose column adds up to 354.8 with no error
    assert _parts(text) == []
    assert _findings(text) == []


def test_a_rate_of_each_row_named_as_a_percentage_of_its_count_column_is_no_part() -> None:
    text = """\
Force        Offenders   Offenders %
Durham           1,000          12.0
Kent             2,000          15.0
Lincs              400          13.0
Norfolk            500          17.0
"""
    # the shares agree on no whole (1,000 / 12% = 8,333; 2,000 / 15% = 13,333 …)
    assert _parts(text) == []


def test_shares_of_a_whole_the_text_does_not_print_may_leave_some_of_it_out() -> None:
    text = """\
Region       Firms    Share %
North          120       30.0
South           90       22.5
East            60       15.0
"""
    # 120 / 400, 90 / 400, 60 / 400: a whole of 400 firms the text does not print, so the
    # three listed are only some of the parts (270 of 400): 67.5% in all is no finding
    assert _parts(text) == [("parts-at-most", "the Share % of the rows add up to 100 at most", [])]
    assert _findings(text) == []


def test_two_columns_printing_zero_in_most_rows_are_not_one_quantity() -> None:
    text = """\
| Year | Red | Blue | Green | Gold |
|---|---|---|---|---|
| 2010 | 51.0% | 49.0% | 0.0% | 0.0% |
| 2014 | 47.5% | 52.5% | 0.0% | 0.0% |
| 2018 | 46.0% | 50.0% | 0.0% | 0.0% |
| 2022 | 44.0% | 48.0% | 4.5% | 3.5% |
"""
    assert not [r for r in table_relations(_only(text)) if r.kind == "equal"]


def _distributions(text: str) -> list[tuple[str, bool, list[str]]]:
    return [
        (r.kind, r.transposed, [c.row.label.strip() for c in r.failing()])
        for r in table_relations(_only(text))
        if r.kind in ("parts-sum", "parts-at-most") and r.target < 0
    ]


def test_a_row_of_shares_adding_to_more_than_100_where_the_others_make_100() -> None:
    text = """\
| Year | Red | Blue | Green | Gold | Grey | Other |
|---|---|---|---|---|---|---|
| 2009 | 48.2% | 40.1% | 11.7% | 0.0% | 0.0% | 0.0% |
| 2013 | 45.0% | 41.5% | 9.0% | 4.5% | 0.0% | 0.0% |
| 2017 | 50.5% | 38.0% | 6.2% | 3.3% | 2.0% | 0.0% |
| 2021 | 50.1% | 30.1% | 20.1% | 0.0% | 0.0% | 0.0% |
"""
    # 2021: 50.1 + 30.1 + 20.1 = 100.3, at least 100.15 whatever the rounding; its three
    # 0.0% parts are no less than zero, so they cannot bring it down to 100
    found = _distributions(text)
    assert ("parts-at-most", False, ["2021"]) in found
    assert ("parts-sum", False, []) in found  # with every part's rounding, 100 is reached


def test_columns_that_each_split_a_town_into_age_bands() -> None:
    text = """\
年龄组      东城    西城    南城    北城
0-14岁      18.2    17.5    20.1    16.0
15-64岁     70.3    71.0    68.4    70.5
65岁及以上   11.5    11.5    11.5    15.5
单位：%
"""
    text = "单位：%\n" + text.rsplit("单位", 1)[0]
    # each town's bands add up to 100, but 北城's make 102.0
    found = _distributions(text)
    assert ("parts-sum", True, ["北城"]) in found


def test_rows_of_rates_that_add_up_to_nothing_are_no_distribution() -> None:
    text = """\
School        Maths %   English %   Science %
Hillside         82.0        91.5        77.0
Riverside        75.5        88.0        70.5
Oakfield         90.0        94.5        85.0
"""
    assert _distributions(text) == []


def test_vote_shares_of_an_unprinted_whole_smaller_than_the_votes_listed() -> None:
    text = """\
Party      Votes   Votes %
Harbour    9,000      22.5
Valley     8,400      21.0
Ridge      8,000      20.0
Coast      7,600      19.0
Forest     6,000      15.0
Lake       5,200      13.0
"""
    # every row is a share of 40,000 votes, but the rows list 44,200: 110.5% in all
    found = _parts(text)
    assert ("parts-at-most", "the Votes % of the rows add up to 100 at most", ["Harbour"]) in found
    assert any(
        rule.endswith("parts-at-most") and sev == "error" for rule, sev, _ in _findings(text)
    )


def test_each_constituencys_winner_share_is_a_rate_not_a_part() -> None:
    text = """\
Constituency     Votes   Votes %
Northgate       21,400      48.2
Southmead       18,950      52.6
Eastholm        25,010      44.9
Westby          16,300      61.0
"""
    # a winner's votes over the votes cast in each constituency: no whole they all share
    assert _parts(text) == []
    assert _findings(text) == []


def test_answers_of_a_survey_with_more_than_one_answer_each_are_left_alone() -> None:
    text = """\
Answer               n       %
Walking            612    61.2
Cycling            345    34.5
Bus                410    41.0
Car                288    28.8
"""
    # 1,000 people, several answers each: the shares add up to 165.5 of the same whole
    assert _parts(text) == []


ONE_SPACE = """\
Results of the 2031 election
Party Seats Gains Losses Seats % Votes % Votes +/−
  Harbour 7 2 0 35.0 33.9 6,012 +4.1
  Valley 6 1 1 30.0 29.4 5,210 −2.2
  Ridge 4 1 0 20.0 21.1 3,744
  Coast 3 0 2 15.0 15.6 2,770 −6.0
"""


def test_a_header_one_space_apart_names_each_share_beside_its_count() -> None:
    table = _only(ONE_SPACE)
    headers = [c.header for c in table.columns]
    assert headers == ["Seats", "Gains", "Losses", "Seats %", "Votes %", "Votes", "+/−"]


def test_a_row_with_no_change_on_last_time_is_read_with_its_change_left_blank() -> None:
    table = _only(ONE_SPACE)
    assert table.complete
    ridge = [c.text if c else None for c in table.rows[2].cells]
    assert ridge == ["4", "1", "0", "20.0", "21.1", "3,744", None]
    # 20 seats: 7/20, 6/20, 4/20, 3/20; 17,736 votes: 33.90, 29.38, 21.11, 15.62
    assert not any(failing for _, _, failing in _parts(ONE_SPACE))


def test_a_short_row_whose_figures_do_not_fit_the_columns_is_left_out() -> None:
    text = ONE_SPACE.replace("  Ridge 4 1 0 20.0 21.1 3,744", "  Ridge 4 1 20.0 21.1 3,744 +1.5")
    # six figures, the last one signed: a figure in the middle is missing, not the change
    assert not _only(text).complete


def test_candidates_with_their_shares_in_brackets_are_checked_over_their_sum() -> None:
    text = """\
Ward of Eastmere: Green gain.

Lane, Pat – Green – 512 (41.2%) elected
Moss, Kim – Labour – 430 (34.6%)
Reed, Al – Conservative – 301 (26.2%)

Votes cast: 1,243
"""
    # 512 + 430 + 301 = 1,243: 41.19%, 34.59%, 24.22% — Reed's 26.2% is off
    found = _findings(text)
    assert any(
        "reed" in rule and sev == "error" and stated == "26.2%" for rule, sev, stated in found
    )
    shares = [rule for rule, _, _ in found if rule.endswith("share-of-sum")]
    assert len(shares) == 1  # Lane's and Moss's hold
    # and the shares of the whole add up to 102.0
    assert any(rule.endswith("parts-sum") for rule, _, _ in found)


def test_shares_in_brackets_truncated_in_a_list_that_rounds_are_warnings() -> None:
    text = """\
Answer
Yes – 340 (38.41%)
No – 223 (25.20%)
Don't know – 106 (11.98%)
Refused – 216 (24.41%)
"""
    # 340 / 885 = 38.418% prints 38.42 to nearest: truncated where the others round
    found = _findings(text)
    assert [(sev, stated) for _, sev, stated in found] == [("warning", "38.41%")]


def test_a_line_of_prose_with_a_count_and_a_share_is_no_list() -> None:
    text = """\
Turnout rose in the north, where 412 (51.5%) of those asked said they had voted, and it
fell in the south. In the east 300 (37.5%) said so; in the west 88 (11.0%).
"""
    assert read_tables(text) == []


def test_a_net_column_beside_gains_and_losses_is_their_difference_in_every_row() -> None:
    text = """\
Party      Seats   Gains   Losses   Net gain/loss
Harbour        7       2        0              +2
Valley         6       1        1               0
Ridge          4       0        0              −1
Coast          3       0        2              −2
"""
    # the header defines it: small counts, checked in every row (Ridge's 0 − 0 is no −1)
    found = _findings(text)
    assert [(rule, sev) for rule, sev, _ in found] == [
        ("table1-ridge-net-gain-loss-difference", "error")
    ]

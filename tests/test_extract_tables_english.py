"""factlint.extract.tables: English tables as web pages and answers print them, and how
much agreement a relation inferred from the numbers needs.

Every table here is written for these tests (none is copied from a report).
"""

from __future__ import annotations

from factlint.extract.tables import Table, read_tables
from factlint.extract.tables.relations import table_relations


def _only(text: str) -> Table:
    tables = read_tables(text)
    assert len(tables) == 1, tables
    return tables[0]


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

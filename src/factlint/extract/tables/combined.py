"""The combined share the text claims for rows of a table: ``居前三位的镇依次是洪川镇、将军镇、
余坪镇，合计占全县常住人口比重为52.06%``, "Leeds and York together account for 41.2% of
members".

A clause that names two rows or more of a table, says they are taken together (合计, 共,
together, combined) as a share (占, 比重, share, account for) and prints one percentage
claims that percentage is the named rows' sum over the whole of the table's one column of
amounts: its total row, or, when the table's shares add up to 100, the sum of its rows.
The text asserts it, so it is an error when it fails.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from factlint.extract.pipeline import ExtractedFact, Extraction, Found
from factlint.extract.tables.model import Cell, Row, Table
from factlint.extract.tables.partition import adds_up_to_100
from factlint.extract.tables.rules import TableRule
from factlint.numbers.quantities import unit_of

FactOf = Callable[[Cell], "str | None"]

_TOGETHER = re.compile(r"合计|合共|共占|together|combined|between them", re.I)
_SHARE = re.compile(r"占|比重|\bshare\b|\baccount(?:ed)? for\b|\bper ?cent of\b", re.I)
_SUB_ROW = ("#", "＃", "其中", "of which")


def combined_shares(
    extraction: Extraction,
    clause: str,
    items: Sequence[tuple[Found, ExtractedFact]],
    fact_of: FactOf,
) -> Iterator[TableRule]:
    percents = [(found, fact) for found, fact in items if found.figure.kind == "percent"]
    if len(percents) != 1 or not _TOGETHER.search(clause) or not _SHARE.search(clause):
        return
    found, fact = percents[0]
    lowered = clause.lower()
    for number, table in enumerate(extraction.tables, 1):
        rows = [r for r in table.rows if not r.label.lstrip().startswith(_SUB_ROW)]
        named = [
            r for r in rows if len(r.label.strip()) >= 2 and r.label.strip().lower() in lowered
        ]
        if not 2 <= len(named) < len(rows) or any(r.is_total() for r in named):
            continue
        whole = _whole(table, rows, fact_of)
        if whole is None:
            continue
        column, denominator = whole
        parts = [fact_of(c) for r in named if (c := r.cells[column]) is not None]
        if len(parts) != len(named) or any(p is None for p in parts):
            continue
        numerator = " + ".join(p for p in parts if p)
        rule: dict[str, object] = {
            "id": f"table{number}-combined-share",
            "check": f"{fact.id} == ({numerator}) / ({denominator})",
            "severity": "error",
            "message": f"the text gives the share of {', '.join(r.label.strip() for r in named)} "
            f"together: «{clause.strip()[:80]}»",
            "tags": ["table", "share"],
        }
        facts = (fact.id, *[p for p in parts if p])
        yield TableRule(rule, facts, "holds", found.figure.text, str(rule["message"]))
        return


def _whole(table: Table, rows: Sequence[Row], fact_of: FactOf) -> tuple[int, str] | None:
    """The table's one column of amounts and the whole of it, as an expression: its total
    row, else the sum of its rows when a percent column shows they are the whole."""
    amounts = [
        index
        for index in range(len(table.columns))
        if len(
            units := {
                (c.figure.kind, unit_of(c.figure))
                for r in rows
                if (c := r.cells[index]) is not None
            }
        )
        == 1
        and next(iter(units))[0] != "percent"
    ]
    if len(amounts) != 1:
        return None
    column = amounts[0]
    totals = [r for r in rows if r.is_total()]
    if len(totals) == 1:
        cell = totals[0].cells[column]
        total = fact_of(cell) if cell is not None else None
        return (column, total) if total else None
    shares = any(adds_up_to_100(rows, index) for index in range(len(table.columns)))
    ids = [fact_of(c) if (c := r.cells[column]) is not None else None for r in rows]
    if not shares or any(i is None for i in ids):
        return None
    return column, " + ".join(i for i in ids if i)

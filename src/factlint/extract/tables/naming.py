"""Whether a table names a relation its rows agree on, or only its numbers show it.

Issue 11 asks that relations the text asserts be errors and relations inferred from the
numbers alone stay warnings (docs/design.md §9). A table asserts a relation when its
words name it: a column or row headed as a total (``Total``, ``合计``, ``Fiscal Year`` over
quarters) is a sum, a total line is the sum of its lines, a column headed as a share
(``%``, ``Share``, ``% of total``, ``比重``, ``占比``) is a quotient, a column headed as a
change (``Change``, ``Increase``, ``% change``, ``增长``, ``增减``) is a difference or a
growth. A column found to be the sum, difference or quotient of others with no such word
(``净收入`` = 总收入 − 总费用 by agreement, two unnamed columns adding up to a third) is
the numbers' say only: a row that breaks it is a warning.

>>> from factlint.extract.tables.deciding import TableRelation
>>> from factlint.extract.tables.model import Column, Table
>>> def named(kind, header):
...     columns = (Column(header, "", "a"), Column("B", "", "b"), Column("C", "", "c"))
...     return names_relation(TableRelation(Table(columns, (), 1, 1), kind, 0, (1, 2), ()))
>>> named("sum", "Total"), named("sum", "Fiscal Year"), named("sum", "净收入")
(True, True, False)
>>> named("share", "% of total"), named("share", "Under 18"), named("growth", "增长(%)")
(True, False, True)
"""

from __future__ import annotations

import re

from factlint.extract.tables.deciding import TableRelation

_ALWAYS = frozenset({"lines-total", "within", "growth-block"})
_PERIOD_TOTAL = re.compile(
    r"^(?:fiscal|financial|full|calendar|whole)?\s*(?:year|yr|fy)\b|^全年|^年度|^本年累计|^累计",
    re.I,
)
_SHARE = re.compile(
    r"%|％|\bshare\b|\bper ?cent|\bpercentage\b|\bproportion\b|\bof total\b|\brate\b"
    r"|比重|占比|佔比|構成|构成|比例|[占佔]",
    re.I,
)
_CHANGE = re.compile(
    r"\b(?:change|changes|growth|increase|decrease|rise|fall|difference|variance|yoy)\b"
    r"|\+/-|±|增长|增長|增速|增幅|增减|增減|同比|比上年|比去年|差额|变动|變動",
    re.I,
)


def names_relation(relation: TableRelation) -> bool:
    """Whether the words of the table (its target's header or label) name the relation."""
    if relation.named or relation.kind in _ALWAYS:
        return True
    if relation.kind in ("total-row", "subtotal", "structure"):
        total = relation.total_row
        labelled = total is not None and total.is_total()
        if relation.kind != "structure":
            return labelled and relation.kind == "total-row"
        return labelled and _share(relation)
    if relation.target < 0:
        return False
    column = relation.table.columns[relation.target]
    header = column.header[len(column.group) :].strip() or column.header
    if relation.kind == "sum":
        return column.is_total() or bool(_PERIOD_TOTAL.match(header))
    if relation.kind in ("share", "share-of-sum"):
        return _share(relation)
    if relation.kind == "difference" and column.is_total():
        return True  # Total expenses = Total revenue − Operating income: a total named
    if relation.kind in ("growth", "difference", "period-growth", "period-difference"):
        return bool(_CHANGE.search(column.header))
    return False


def _share(relation: TableRelation) -> bool:
    column = relation.table.columns[relation.target]
    return column.unit == "%" or bool(_SHARE.search(column.header))

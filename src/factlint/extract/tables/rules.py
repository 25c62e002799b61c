"""The rules a table asserts: one per row of each relation its rows agree on.

A relation most rows agree on is the table's own claim, so a row that breaks it is an
**error**, and its message says how many rows support the relation. Rules use the table's
rounding habit (``rounding: truncate`` for a table that truncates). In a mixed table, the
rows that hold only in the other habit are **warnings** naming the rows of each habit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from factlint.extract.tables.blocks import growth_blocks
from factlint.extract.tables.model import Cell, Table
from factlint.extract.tables.named import per_hundred
from factlint.extract.tables.naming import names_relation
from factlint.extract.tables.ranked import direction, out_of_order, ranked_pairs
from factlint.extract.tables.relations import RowCheck, TableRelation, table_relations

FactOf = Callable[[Cell], "str | None"]
WholesOf = Callable[[Table], Sequence[Cell]]
# inferred from the numbers, not laid out as a total or a share is: a row that breaks it
# is a warning (two columns equal in most rows, a row that adds up the rows under it)
_INFERRED = ("equal", "subtotal")
# the shares of the parts of one whole adding up (to 100, or to 100 at most)
_PARTS = ("parts-sum", "parts-at-most")
# a relation with no column of its own
_BY_CELL = ("total-row", "lines-total", "subtotal", "growth-block")


@dataclass(frozen=True)
class TableRule:
    """A rule for one row (or one column of a total row), and what it stands on."""

    rule: dict[str, object]
    facts: tuple[str, ...]
    status: str  # "holds", "mismatch" (the row breaks the relation), "truncation-only"
    stated: str
    evidence: str


def table_rules(
    tables: tuple[Table, ...], fact_of: FactOf, wholes: WholesOf | None = None
) -> list[TableRule]:
    """Rules for every row of every relation the tables assert; ``wholes`` gives the
    figures printed near a table that may be the whole of its rows (``parts``)."""
    out: list[TableRule] = []
    used: set[str] = set()
    numbers = {id(table): number for number, table in enumerate(tables, 1)}
    relations = [
        (n, r)
        for n, t in enumerate(tables, 1)
        for r in table_relations(t, wholes(t) if wholes is not None else ())
    ]
    relations += [(numbers[id(r.table)], r) for r in growth_blocks(tables)]
    out += [rule for n, t in enumerate(tables, 1) if t.ranked for rule in _ranked(t, n, fact_of)]
    used.update(str(rule.rule["id"]) for rule in out)
    for number, relation in relations:
        for rule in _rules(relation, number, fact_of):
            rule_id, suffix = str(rule.rule["id"]), 2
            while rule_id in used:
                rule_id, suffix = f"{rule.rule['id']}-{suffix}", suffix + 1
            used.add(rule_id)
            rule.rule["id"] = rule_id
            out.append(rule)
    return out


def _ranked(table: Table, number: int, fact_of: FactOf) -> Iterator[TableRule]:
    """One rule per neighbouring pair of a list the text says is in rank order."""
    wrong = {(id(a), id(b)) for a, b in out_of_order(table)}
    where = f"table at lines {table.first_line}–{table.last_line}"
    for index, (a, b) in enumerate(ranked_pairs(table), 1):
        first, second = a.cells[0], b.cells[0]
        left = fact_of(first) if first is not None else None
        right = fact_of(second) if second is not None else None
        if first is None or left is None or right is None:
            continue
        rising = direction(table) > 0
        rule: dict[str, object] = {
            "id": f"table{number}-rank-{index}",
            "compare": {"left": left, "op": "<=" if rising else ">=", "right": right},
            "severity": "error",
            "message": f"the list is in rank order ({where}): {a.label.strip()} comes "
            f"before {b.label.strip()}",
            "tags": ["table", "rank"],
        }
        status = "mismatch" if (id(a), id(b)) in wrong else "holds"
        yield TableRule(rule, (left, right), status, first.figure.text, str(rule["message"]))


def _majority(relation: TableRelation) -> str:
    if relation.rounding:
        return relation.rounding
    truncated = sum(c.verdict == "truncate" for c in relation.checks)
    nearest = sum(c.verdict == "nearest" for c in relation.checks)
    return "truncate" if truncated > nearest else "nearest"


def _rules(relation: TableRelation, number: int, fact_of: FactOf) -> Iterator[TableRule]:
    habit = _majority(relation)
    other = "nearest" if habit == "truncate" else "truncate"
    where = f"table at lines {relation.table.first_line}–{relation.table.last_line}"
    lines = "columns" if relation.transposed else "rows"
    support = f"{relation.support} of {relation.checked} {lines} agree"
    if relation.named:  # asserted by the header's words, not by agreement
        held = relation.checked - len(relation.failing())
        support = f"as its header names it; {held} of {relation.checked} {lines} hold"
    mixed = ""
    if relation.habit == "mixed":
        rows = {
            mode: ", ".join(c.row.label.strip() for c in relation.checks if c.verdict == mode)
            for mode in ("nearest", "truncate")
        }
        mixed = (
            f"; the table rounds to nearest in {rows['nearest']} but truncates in "
            f"{rows['truncate']}"
        )
    for check in relation.checks:
        ids = [fact_of(check.stated), *(fact_of(cell) for cell in check.inputs)]
        if any(i is None for i in ids):
            continue
        facts = tuple(i for i in ids if i is not None)
        claim = _rule(relation, facts)
        if claim is None:
            continue
        rule: dict[str, object] = {"id": _rule_id(relation, check, number), **claim}
        if habit == "truncate":
            rule["rounding"] = "truncate"
        status = "holds"
        named = relation.kind not in _INFERRED and names_relation(relation)
        rule["severity"] = "error" if named else "warning"  # the numbers' say only: a warning
        if check.verdict == "fails":
            status = "mismatch"
        elif check.verdict == other:
            status = "truncation-only" if other == "truncate" else "mismatch"
            rule["severity"] = "warning"
        rule["message"] = _message(relation, check, f"{where}: {support}", mixed, status)
        rule["tags"] = ["table", relation.kind]
        yield TableRule(rule, facts, status, check.stated.figure.text, rule["message"])  # type: ignore[arg-type]


def _message(
    relation: TableRelation, check: RowCheck, support: str, mixed: str, status: str
) -> str:
    if relation.kind in (*_PARTS, "parts-count"):
        row = f"{check.row.label.strip()}: " if relation.target < 0 else ""
        return f"{row}{relation.describe()} ({support.split(':')[0]})"
    if relation.kind in _BY_CELL and relation.kind != "growth-block":
        header = relation.table.columns[_column(relation, check)].header or "?"
        return f"{relation.describe()}, column {header} ({support})"
    note = mixed if status != "holds" else ""
    return f"{check.row.label.strip()}: {relation.describe()} ({support}){note}"


def _column(relation: TableRelation, check: RowCheck) -> int:
    if relation.kind not in _BY_CELL:
        return relation.target
    cells = check.row.cells
    return next(i for i, cell in enumerate(cells) if cell is check.stated)


def _rule(relation: TableRelation, facts: tuple[str, ...]) -> dict[str, object] | None:
    stated, *inputs = facts
    if relation.kind in ("share", "structure"):
        return {"share": {"part": inputs[0], "whole": inputs[1], "is": stated}}
    if relation.kind in ("growth", "growth-block", "period-growth"):
        return {"growth": {"current": inputs[0], "previous": inputs[1], "is": stated}}
    if relation.kind in ("sum", "total-row", "lines-total", "subtotal"):
        return {"sum": {"parts": list(inputs), "total": stated}}
    if relation.kind in ("difference", "period-difference"):
        return {"check": f"{stated} == {inputs[0]} - {inputs[1]}"}
    if relation.kind == "ratio":
        return _ratio_rule(relation, stated, inputs)
    if relation.kind == "share-of-sum":
        return {"check": f"{stated} == {inputs[0]} / ({' + '.join(inputs[1:])})"}
    if relation.kind == "within":
        return {"compare": {"left": stated, "op": ">=", "right": inputs[0]}}
    if relation.kind == "share-of-stated":
        return {"share": {"part": inputs[0], "whole": inputs[1], "is": stated}}
    if relation.kind in _PARTS:
        op = "==" if relation.kind == "parts-sum" else "<="
        return {"check": f"{' + '.join(facts)} {op} 100%"}
    if relation.kind == "parts-count":
        return {"check": f"{' + '.join(inputs)} <= {stated}"}
    if relation.kind == "equal":
        return {"equal": [inputs[0], stated]}
    return None


def _ratio_rule(relation: TableRelation, stated: str, inputs: list[str]) -> dict[str, object]:
    """(a + …) / d, a share when it is one part printed as a percent, × 100 when bare."""
    *numerators, denominator = inputs
    if len(numerators) == 1 and not per_hundred(relation.table, relation.target):
        return {"share": {"part": numerators[0], "whole": denominator, "is": stated}}
    numerator = " + ".join(numerators)
    numerator = f"({numerator})" if len(numerators) > 1 else numerator
    hundred = " * 100" if per_hundred(relation.table, relation.target) else ""
    return {"check": f"{stated} == {numerator} / {denominator}{hundred}"}


def _ascii(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _rule_id(relation: TableRelation, check: RowCheck, number: int) -> str:
    """``table1-durham-under-18-share``: readable where the labels are ASCII."""
    row = _ascii(check.row.key) or f"row{relation.table.rows.index(check.row) + 1}"
    column = _ascii(relation.table.columns[_column(relation, check)].key)
    column = column or f"c{_column(relation, check) + 1}"
    kind = "total" if relation.kind in ("total-row", "lines-total") else relation.kind
    return f"table{number}-{row}-{column}-{kind}"

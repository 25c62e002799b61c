"""Relations from the tables of a report: what their rows agree on, and what the text
claims about them (counts, highest and lowest).

Unlike the other detectors, a table's relations are not chosen among candidates: each is
asserted by the table's own rows (``extract/tables/relations``) or by the text's words
(``extract/tables/claims``), so they come with their rule ids, severities and messages, and
``discover`` adds them after its own. A fact printed only inside a table is left to this
module: its neighbours in the table are not related to it by proximity.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from factlint.extract.detectors.base import Relation
from factlint.extract.pipeline import ExtractedFact, Extraction
from factlint.extract.tables.claims import table_claims
from factlint.extract.tables.model import Cell, Table, TableLines
from factlint.extract.tables.rules import table_rules
from factlint.numbers.figures import Figure

SCORE = 10.0  # asserted by the table or the words: above any guess from proximity
_ABOVE = 40  # lines above a table where the whole of its rows may be printed
_BELOW = 5


def only_in_tables(fact: ExtractedFact, extraction: Extraction) -> bool:
    """Whether every mention of ``fact`` is printed inside a table."""
    return all(
        any(t.first_line <= m.line <= t.last_line for t in extraction.tables) for m in fact.mentions
    )


def _wholes_near(extraction: Extraction) -> Callable[[Table], list[Cell]]:
    """The whole numbers printed outside the tables, a little above or below a table, as
    cells: what the rows of a table may be the parts of ("21 (of the 26) seats", "Votes:
    885", "全县常住人口为742747人"); a year or a percent is no such whole."""
    outside = TableLines.of(extraction.tables)
    printed = [
        found
        for fact in extraction.facts
        for found in fact.mentions
        if found.line not in outside and _whole_number(found.figure)
    ]

    def near(table: Table) -> list[Cell]:
        first, last = table.first_line - _ABOVE, table.last_line + _BELOW
        return [
            Cell(found.text, found.line, found.column, found.figure, exact=True)
            for found in printed
            if first <= found.line <= last
        ]

    return near


def _whole_number(figure: Figure) -> bool:
    """A count printed with no unit but a counter (22 seats, 742747人, 885): not a year,
    a percent, an amount of money or a scaled figure (5.4 million is rounded)."""
    return (
        figure.kind in ("number", "count")
        and figure.places == 0
        and not figure.scale_text
        and not figure.qualifier
        and figure.number > 0
    )


def table_relations(extraction: Extraction, ids: Mapping[str, str] | None) -> list[Relation]:
    """One relation per row of each relation a table asserts, and per claim about it."""
    if not extraction.tables:
        return []
    at: dict[tuple[int, int], str] = {}
    for fact in extraction.facts:
        fact_id = fact.id if ids is None else ids.get(fact.id, "")
        for mention in fact.mentions:
            if fact_id:
                at.setdefault((mention.line, mention.column), fact_id)  # a cell before its repeat

    def fact_of(cell: Cell) -> str | None:
        for offset in range(len(cell.text)):
            found = at.get((cell.line, cell.column + offset))
            if found is not None:
                return found
        return None

    rules = [
        *table_rules(extraction.tables, fact_of, _wholes_near(extraction)),
        *table_claims(extraction, fact_of),
    ]
    return [
        Relation(
            kind="table",
            facts=rule.facts,
            status=rule.status,
            score=SCORE,
            rule=rule.rule,
            evidence=rule.evidence,
            stated=rule.stated,
        )
        for rule in rules
    ]

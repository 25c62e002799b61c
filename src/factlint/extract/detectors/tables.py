"""Relations from the tables of a report: what their rows agree on, and what the text
claims about them (counts, highest and lowest).

Unlike the other detectors, a table's relations are not chosen among candidates: each is
asserted by the table's own rows (``extract/tables/relations``) or by the text's words
(``extract/tables/claims``), so they come with their rule ids, severities and messages, and
``discover`` adds them after its own. A fact printed only inside a table is left to this
module: its neighbours in the table are not related to it by proximity.
"""

from __future__ import annotations

from collections.abc import Mapping

from factlint.extract.detectors.base import Relation
from factlint.extract.pipeline import ExtractedFact, Extraction
from factlint.extract.tables.claims import table_claims
from factlint.extract.tables.model import Cell
from factlint.extract.tables.rules import table_rules

SCORE = 10.0  # asserted by the table or the words: above any guess from proximity


def only_in_tables(fact: ExtractedFact, extraction: Extraction) -> bool:
    """Whether every mention of ``fact`` is printed inside a table."""
    return all(
        any(t.first_line <= m.line <= t.last_line for t in extraction.tables) for m in fact.mentions
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

    rules = [*table_rules(extraction.tables, fact_of), *table_claims(extraction, fact_of)]
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

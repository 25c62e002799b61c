"""Claims the text makes about a table: counts (``only four forces … fewer than 15 per
cent``) and extremes (``Nottinghamshire had the highest rate``, ``榆次区增速最高``).

A sentence outside the table that names a row with a superlative claims that row's cell is
the highest (or lowest) of its column; a sentence that states a small count and a bound
(``fewer than 15 per cent``, ``低于15%``) over a column of the bound's kind claims how many
rows meet it. The column is the one the sentence's own figure repeats, else the only column
of the right kind. Such claims are asserted in words, so they are errors when they fail.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from functools import cached_property
from itertools import accumulate

from factlint.extract.pipeline import ExtractedFact, Extraction, Found
from factlint.extract.tables.combined import combined_shares
from factlint.extract.tables.model import Cell, Table, TableLines
from factlint.extract.tables.row_changes import row_changes
from factlint.extract.tables.rules import TableRule
from factlint.extract.text import NormalText
from factlint.numbers.figures import Figure

FactOf = Callable[[Cell], "str | None"]

_HIGHEST = re.compile(
    r"\b(?:the\s+)?(?:highest|largest|biggest|greatest|most|top)\b|最高|最大|最多|居首|居第一|排名第一|位列第一",
    re.I,
)
_LOWEST = re.compile(
    r"\b(?:the\s+)?(?:lowest|smallest|least|fewest|bottom)\b|最低|最小|最少|居末|排名最后", re.I
)
_RANK_WORDS = re.compile(r"\b(?:second|third|fourth|fifth)\b|第[二三四五]", re.I)
_BEFORE = {
    "<": re.compile(
        r"(?:fewer|less|lower)\s+than\s*$|\b(?:below|under)\s*$|(?:低于|不足|不到|少于)\s*$", re.I
    ),
    ">": re.compile(
        r"(?:more|greater|higher)\s+than\s*$|\b(?:above|over|exceeding)\s*$|(?:高于|超过|多于)\s*$",
        re.I,
    ),
    ">=": re.compile(r"\bat\s+least\s*$|(?:不低于|不少于)\s*$", re.I),
    "<=": re.compile(r"\b(?:at\s+most|no\s+more\s+than)\s*$|(?:不高于|不超过)\s*$", re.I),
}
_QUALIFIED = {"less-than": "<", "more-than": ">", "at-least": ">=", "at-most": "<="}
_MAX_COUNT = 100
_CLAUSE_END = re.compile(r"[。；;！？!?]|\.(?=\s|$)")
_TITLE = 60  # a line this short with no full stop, before a clause's last line, is a title


def table_claims(extraction: Extraction, fact_of: FactOf) -> list[TableRule]:
    """The count, highest and lowest claims the prose makes about the tables."""
    if not extraction.tables:
        return []
    in_tables = TableLines.of(extraction.tables)
    figures: list[tuple[Found, ExtractedFact]] = sorted(
        (
            (found, fact)
            for fact in extraction.facts
            for found in fact.mentions
            if found.line not in in_tables
        ),
        key=lambda pair: pair[0].spot.start,
    )
    starts = [found.spot.start for found, _ in figures]
    known = _Cells(extraction)
    out: list[TableRule] = []
    seen: set[str] = set()
    for start, end in _clauses(extraction, in_tables):
        clause = extraction.text.flat[start:end]
        items = figures[bisect_left(starts, start) : bisect_left(starts, end)]
        found = [
            *_extremes(extraction, known, clause, items, fact_of),
            *_counts(extraction, known, clause, items, fact_of),
            *combined_shares(extraction, clause, items, fact_of),
            *row_changes(extraction, clause, start, items, fact_of),
        ]
        for rule in found:
            if rule.rule["id"] not in seen:
                seen.add(str(rule.rule["id"]))
                out.append(rule)
    return out


def _clauses(extraction: Extraction, in_tables: TableLines) -> Iterator[tuple[int, int]]:
    """The text's clauses, up to a full stop or a semicolon, outside the tables: a table's
    rows end with no full stop, so a clause that runs into or over a table starts after it."""
    text = extraction.text
    flat = text.flat
    lines = text.source.splitlines()
    tables = sorted(extraction.tables, key=lambda t: t.first_line)
    first_lines = [table.first_line for table in tables]
    # the last line reached by any of the tables up to each one: tables before the first
    # that reaches a clause's line end above it, and cannot move the clause's start
    reach = list(accumulate((table.last_line for table in tables), max))
    start = 0
    for match in _CLAUSE_END.finditer(flat):
        end = match.end()
        first = start
        last_line = text.line_of(end - 1)
        since = bisect_left(reach, text.line_of(first))
        for table in tables[since : bisect_right(first_lines, last_line)]:
            if (
                first < end
                and text.line_of(first) <= table.last_line
                and (table.first_line <= last_line)
            ):
                first = text.index_of_line(table.last_line + 1)
        first = _after_titles(text, lines, first, end)
        if first < end and flat[first:end].strip():
            yield first, end
        start = end
    if start < len(flat) and flat[start:].strip() and text.line_of(start) not in in_tables:
        yield start, len(flat)


def _after_titles(text: NormalText, lines: list[str], first: int, end: int) -> int:
    """Where a clause starts once a headline before it is left out: a short line followed by
    a blank line (a line wrapped inside a sentence is followed by the rest of it); ``lines``
    are the source's lines."""
    while True:
        newline = text.flat.find("\n", first, end)
        if newline < 0 or newline - first > _TITLE:
            return first
        line = text.line_of(first)
        if line >= len(lines) or lines[line].strip():
            return first
        first = newline + 1


def _rows(table: Table) -> list[int]:
    return [i for i, row in enumerate(table.rows) if not row.is_total()]


class _Cells:
    """The cell fact each repeat fact repeats, and each fact's first mention: built once per
    extraction, when a clause first asks (not once per clause and table)."""

    def __init__(self, extraction: Extraction) -> None:
        self.extraction = extraction

    @cached_property
    def repeated(self) -> dict[str, str]:
        return {repeat: cell for cell, repeat in self.extraction.repeats}

    @cached_property
    def first_mentions(self) -> dict[str, Found]:
        return {fact.id: fact.mentions[0] for fact in self.extraction.facts}


def _column_of(
    known: _Cells,
    table: Table,
    items: Sequence[tuple[Found, ExtractedFact]],
    kind: str | None,
) -> int | None:
    """The column a sentence speaks of: one its figures repeat, else the only one of
    ``kind`` (percent, or anything when None)."""
    for _, fact in items:
        repeated, cells = known.repeated, known.first_mentions
        cell_fact = cells.get(repeated.get(fact.id, ""))
        if cell_fact is None:
            continue
        for index in range(len(table.columns)):
            for row in table.rows:
                cell = row.cells[index]
                if cell is not None and (cell.line, cell.column) == (
                    cell_fact.line,
                    cell_fact.column,
                ):
                    return index
    kinds = [
        index
        for index in range(len(table.columns))
        if kind is None
        or {c.figure.kind for r in table.rows if (c := r.cells[index]) is not None} == {kind}
    ]
    return kinds[0] if len(kinds) == 1 else None


def _extremes(
    extraction: Extraction,
    known: _Cells,
    sentence: str,
    items: Sequence[tuple[Found, ExtractedFact]],
    fact_of: FactOf,
) -> Iterator[TableRule]:
    which = "highest" if _HIGHEST.search(sentence) else "lowest" if _LOWEST.search(sentence) else ""
    if not which or _RANK_WORDS.search(sentence):
        return  # "the second highest" is a rank, not an extreme
    lowered = sentence.lower()
    for number, table in enumerate(extraction.tables, 1):
        named = [
            i
            for i in _rows(table)
            if len(table.rows[i].label.strip()) >= 2
            and table.rows[i].label.strip().lower() in lowered
        ]
        if len(named) != 1:
            continue
        column = _column_of(known, table, items, "percent" if _rate_words(lowered) else None)
        if column is None:
            continue
        cells = [table.rows[i].cells[column] for i in _rows(table)]
        ids = [fact_of(c) for c in cells if c is not None]
        chosen_cell = table.rows[named[0]].cells[column]
        chosen = fact_of(chosen_cell) if chosen_cell is not None else None
        if chosen is None or any(i is None for i in ids) or len(ids) < 2:
            continue
        row = table.rows[named[0]]
        rule: dict[str, object] = {
            "id": f"table{number}-{_ascii(row.key) or f'row{named[0] + 1}'}-{which}",
            which: {"of": ids, "is": chosen},
            "severity": "error",
            "message": f"the text says {row.label.strip()} has the {which} "
            f"{table.columns[column].header or 'value'}: «{sentence.strip()[:80]}»",
            "tags": ["table", which],
        }
        yield TableRule(
            rule,
            (chosen, *[i for i in ids if i]),
            "holds",
            chosen_cell.figure.text if chosen_cell is not None else "",
            str(rule["message"]),
        )


def _rate_words(sentence: str) -> bool:
    return bool(
        re.search(r"rate|share|per ?cent|proportion|growth|率|比重|占比|增速|增长|%", sentence)
    )


def _counts(
    extraction: Extraction,
    known: _Cells,
    sentence: str,
    items: Sequence[tuple[Found, ExtractedFact]],
    fact_of: FactOf,
) -> Iterator[TableRule]:
    for index, (bound_found, _) in enumerate(items):
        bound = bound_found.figure
        op = _QUALIFIED.get(bound.qualifier) or _op_before(extraction, bound_found)
        if op is None or bound.kind not in ("percent", "number"):
            continue
        counts = [
            (found, fact)
            for found, fact in [*items[:index][::-1], *items[index + 1 :]]
            if _is_count(found.figure)
        ]
        if not counts:
            continue
        count_found, count_fact = counts[0]  # the nearest before the bound, else after it
        for number, table in enumerate(extraction.tables, 1):
            if not _counts_rows_of(table, sentence):
                continue  # "in 3 regions" counts the table's rows only if it names them
            column = _column_of(known, table, [], bound.kind)
            if column is None:
                continue
            cells = [table.rows[i].cells[column] for i in _rows(table)]
            ids = [fact_of(c) for c in cells if c is not None]
            if len(ids) < 2 or any(i is None for i in ids) or count_found.figure.number > len(ids):
                continue
            where = f"{op} {_bound_text(bound)}"
            rule: dict[str, object] = {
                "id": f"table{number}-count-{_ascii(count_fact.id) or 'n'}-{_ascii(where)}",
                "count": {"of": ids, "where": where, "is": count_fact.id},
                "severity": "error",
                "message": f"the text counts {count_found.text} rows of "
                f"{table.columns[column].header or 'the column'} {where}: "
                f"«{sentence.strip()[:80]}»",
                "tags": ["table", "count"],
            }
            yield TableRule(
                rule,
                (count_fact.id, *[i for i in ids if i]),
                "holds",
                count_found.text,
                str(rule["message"]),
            )


def _counts_rows_of(table: Table, clause: str) -> bool:
    """Whether the clause speaks of the table's rows: a word of the label column's heading
    (``forces`` for ``Police force``; 县 for ``县（市、区）``)."""
    lowered = clause.lower()
    words = re.findall(r"[a-z]{4,}", table.label_header.lower())
    if any(word.rstrip("s") in lowered for word in words):
        return True
    return any(_is_cjk(char) and char in clause for char in table.label_header)


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _is_count(figure: Figure) -> bool:
    return (
        figure.kind in ("number", "count")
        and not figure.qualifier
        and figure.places == 0
        and 0 <= figure.number <= _MAX_COUNT
        and figure.base == figure.number
    )


def _op_before(extraction: Extraction, found: Found) -> str | None:
    before = extraction.text.flat[max(0, found.spot.start - 20) : found.spot.start]
    for op, pattern in _BEFORE.items():
        if pattern.search(before):
            return op
    return None


def _bound_text(figure: Figure) -> str:
    return f"{figure.number}%" if figure.kind == "percent" else str(figure.number)


def _ascii(text: str) -> str:
    return re.sub(
        r"[^a-z0-9]+", "-", text.lower().replace("%", "pct").replace("<", "lt").replace(">", "gt")
    ).strip("-")

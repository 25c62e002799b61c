"""Changes the text claims between two rows of a table: "between 2015 and the present the
number of appeals has risen by 40 per cent" is the growth of the Appeals column from the
row 2015 to the last row.

A clause outside a table over periods (each row labelled by a year, in order) that names
two of its rows (their labels, or one label and ``the present``, ``now``, ``today``, ``the
latest``: the last row) and prints a percent after a verb of change (risen by, fell by, an
increase of) claims the growth of one column between those rows. The column is the one
whose header the clause names before the percent (the nearest); a table of one column
needs no name. The earlier period is the base. A table whose periods are its columns and
whose items are its rows is read the same way, turned. Such a claim is asserted in words:
an error when it fails.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from factlint.extract.pipeline import ExtractedFact, Extraction, Found
from factlint.extract.tables.deciding import decide, growth_of
from factlint.extract.tables.model import Cell, Table
from factlint.extract.tables.periods import time_order
from factlint.extract.tables.relations import transpose
from factlint.extract.tables.rules import FactOf, TableRule
from factlint.numbers.figures import Figure, FigureError, parse_figure

_UP = re.compile(
    r"\b(?:ris(?:en|e|es)|rose|increas(?:ed|es|e)|grow(?:n|s)?|grew|gone\s+up|went\s+up|up"
    r"|climb(?:ed|s)?|(?:a|an)\s+(?:rise|increase|growth|jump)\s+of)(?:\s+by)?\s*$",
    re.I,
)
_DOWN = re.compile(
    r"\b(?:fall(?:en|s)?|fell|decreas(?:ed|es|e)|declin(?:ed|es|e)|dropped|drops?|gone\s+down"
    r"|went\s+down|down|reduced|cut|(?:a|an)\s+(?:fall|decrease|decline|drop|reduction)\s+of)"
    r"(?:\s+by)?\s*$",
    re.I,
)
_PRESENT = re.compile(
    r"\b(?:the\s+present|now|today|the\s+latest|the\s+current\s+\w+|this\s+(?:year|session))\b",
    re.I,
)
_NOTE = re.compile(r"\s*[(（][^)）]*[)）]\s*$")  # 1979–80 (to date): the note is no part of it
_DASHES = str.maketrans({"–": "-", "—": "-", "−": "-", "/": "-"})
_REACH = 30  # characters before a percent where its verb of change must end


def row_changes(
    extraction: Extraction,
    clause: str,
    start: int,
    items: Sequence[tuple[Found, ExtractedFact]],
    fact_of: FactOf,
) -> Iterator[TableRule]:
    """The growth claims ``clause`` (starting at flat offset ``start``) makes between two
    rows of a table."""
    changes = [
        (found, fact, down)
        for found, fact in items
        if (down := _direction(extraction, found)) is not None
    ]
    if not changes:
        return
    for number, table in enumerate(extraction.tables, 1):
        for turned in (table, transpose(table)):
            if turned is None:
                continue
            pair = _rows_named(turned, clause)
            if pair is None:
                continue
            yield from _claims(turned, number, pair, clause, start, changes, fact_of)


def _direction(extraction: Extraction, found: Found) -> bool | None:
    """True for a fall, False for a rise, None when no verb of change leads to the percent."""
    if found.figure.kind != "percent" or found.figure.qualifier:
        return None
    before = extraction.text.flat[max(0, found.spot.start - _REACH) : found.spot.start]
    if _DOWN.search(before):
        return True
    return False if _UP.search(before) else None


def _plain(label: str) -> str:
    return _NOTE.sub("", label).strip().translate(_DASHES).lower()


def _rows_named(table: Table, clause: str) -> tuple[int, int] | None:
    """The base row and the later row the clause names, or None unless it names two."""
    order = time_order(table)
    if not order:
        return None  # a change runs from one period to another
    text = clause.translate(_DASHES).lower()
    named: set[int] = set()
    for index, row in enumerate(table.rows):
        label = _plain(row.label)
        if len(label) >= 2 and any(
            _whole(text, m.start(), m.end()) for m in re.finditer(re.escape(label), text)
        ):
            named.add(index)
    latest = len(table.rows) - 1 if order > 0 else 0
    if len(named) == 1 and latest not in named and _PRESENT.search(clause):
        named.add(latest)
    if len(named) != 2:
        return None
    first, second = sorted(named)
    return (first, second) if order > 0 else (second, first)


def _whole(text: str, start: int, end: int) -> bool:
    """A label found as a whole: no letter or digit glued on either side, and no period
    it is the start or end of (``2019`` inside ``2019-20``)."""
    before = text[max(0, start - 2) : start].rjust(2)
    after = text[end : end + 2].ljust(2)
    if before[1].isalnum() or after[0].isalnum():
        return False
    return not (before[1] == "-" and before[0].isdigit()) and not (
        after[0] == "-" and after[1].isdigit()
    )


def _claims(
    table: Table,
    number: int,
    pair: tuple[int, int],
    clause: str,
    start: int,
    changes: Sequence[tuple[Found, ExtractedFact, bool]],
    fact_of: FactOf,
) -> Iterator[TableRule]:
    base, later = table.rows[pair[0]], table.rows[pair[1]]
    previous_end = 0
    for found, fact, down in changes:
        at = found.spot.start - start
        column = _column_named(table, clause[previous_end:at])
        previous_end = at
        if column is None or _rates(table, column):
            continue  # "risen by 3 per cent" of a rate may be points: no claim to check
        old, new = base.cells[column], later.cells[column]
        if old is None or new is None:
            continue
        old_id, new_id = fact_of(old), fact_of(new)
        if old_id is None or new_id is None:
            continue
        negate = down and found.figure.number > 0  # "fallen by 54 per cent" printed unsigned
        if negate:
            claim: dict[str, object] = {"check": f"{fact.id} == 100% - {new_id} / {old_id}"}
        else:
            claim = {"growth": {"current": new_id, "previous": old_id, "is": fact.id}}
        header = table.columns[column].header or "the column"
        message = (
            f"the text says {header} {'fell' if down else 'rose'} by {found.text} from "
            f"{base.label.strip()} to {later.label.strip()}: «{clause.strip()[:80]}»"
        )
        rule: dict[str, object] = {
            "id": f"table{number}-{_ascii(header)}-change-{_ascii(fact.id)}",
            **claim,
            "severity": "error",
            "message": message,
            "tags": ["table", "growth"],
        }
        status = _status(found, old, new, negate)
        yield TableRule(rule, (fact.id, new_id, old_id), status, found.text, message)


def _rates(table: Table, column: int) -> bool:
    return any(cell.figure.kind == "percent" for _, cell in table.cells_of(column))


def _column_named(table: Table, words: str) -> int | None:
    """The column whose header the words name last (a table of one column: that one)."""
    if len(table.columns) == 1:
        return 0
    lowered = words.lower()
    best: tuple[int, int] | None = None  # (where, column)
    for index, column in enumerate(table.columns):
        header = column.header.strip().lower()
        if len(header) < 3:
            continue
        at = lowered.rfind(header)
        if at >= 0 and _whole(lowered, at, at + len(header)) and (best is None or at > best[0]):
            best = (at, index)
    return None if best is None else best[1]


def _status(found: Found, old: Cell, new: Cell, negate: bool) -> str:
    stated = Cell(found.text, found.line, found.column, found.figure)
    if negate:
        stated = Cell(found.text, found.line, found.column, _negative(found))
    verdict = decide(stated, [new, old], growth_of)
    return "mismatch" if verdict == "fails" else "holds"


def _negative(found: Found) -> Figure:
    try:
        return parse_figure("-" + found.figure.text.lstrip("+"))
    except FigureError:
        return found.figure


def _ascii(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"

"""Totals of a statement's lines: a row labelled as a total (``Total expenditure``,
``Net requirement``, ``Sub-total``, ``合计``, ``小计``) is the sum of lines printed above it.

Which lines is the question a budget, a precept or a council-tax statement leaves to the
reader; this module tries the readings such statements use, from the words first:

- **named**: ``Total Expenditure Adjustments`` under a heading line ``Expenditure
  Adjustments`` adds up the lines under that heading (lines already folded into a total
  stand for themselves through it: ``Total Net Budget Adjustments`` over the three totals
  and the loose line under ``Budget Adjustments``);
- **block**: the lines since the last total or heading (``Total expenditure`` after six
  lines of spending);
- **running**: the last total and the lines after it (``Net requirement`` = ``Total
  expenditure`` + ``Interest received`` + ``Contributions to reserves``);
- any shorter run of the last lines (a budget that opens with last year's figure, then
  lists the changes and their total).

A total's label asserts a sum (docs/design.md §9), so a column that breaks the chosen
reading is an error. The reading is chosen by the columns that hold: the one most hold,
when one holds to three digits or more in some column; else the named one; else, when the
lines since the last heading hold no earlier total (no other reading exists), those lines,
provided their sum is within a factor of two of the total (a total of a different kind —
``Total area`` under counts of people — is far from it). A reading in which the total is
the first line less the others (``Net expenditure`` = gross − income printed unsigned), or
in which a line is the subtotal of the lines printed under it, explains the column too.

>>> from factlint.extract.tables.model import Cell, Column, Row, Table
>>> from factlint.extract.tables.units import cell_figure
>>> def row(label, *texts, section=""):
...     cells = tuple(Cell(t, 1, 1, cell_figure(t, "")) for t in texts)
...     return Row(label, label, 1, cells, section)
>>> table = Table((Column("2022", "", "y2022"), Column("2023", "", "y2023")), (
...     row("Staff", "400", "420"), row("Premises", "150", "160"),
...     row("Total expenditure", "550", "590"), row("Interest", "-20", "-25"),
...     row("Net requirement", "530", "565")), 1, 5)
>>> [(r.describe(), [c.verdict for c in r.checks]) for r in statement_totals(table)]
[('Total expenditure = the sum of the lines Staff to Premises', ['both', 'fails']), \
('Net requirement = the sum of the lines Total expenditure to Interest', ['both', 'both'])]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from factlint.engine.counting import can_hold
from factlint.extract.tables.deciding import (
    RowCheck,
    TableRelation,
    Verdict,
    decide,
    difference_of,
    interval,
    sum_of,
)
from factlint.extract.tables.model import Cell, Row, Table
from factlint.numbers.intervals import Interval
from factlint.numbers.quantities import unit_of

_LEAD = re.compile(r"^[\s\-–—•*·]+")
_TOTAL = re.compile(
    r"^(?:(?:grand|sub|sub-)\s?totals?\b|totals?\b|net\b)|\btotals?$"
    r"|^(?:合计|合計|总计|總計|小计|小計|共计|共計|总额|總額)",
    re.I,
)
_NOT_ADDITIVE = re.compile(
    r"\b(?:per|average|avg|mean|median|ratio|rate|index|percent|percentage)\b|%|％"
    r"|人均|平均|比重|比例|指数|率",
    re.I,
)
_SUB_ITEM = re.compile(r"^(?:of which|including|incl\.|其中|[#＃])", re.I)
_NAME_WORDS = re.compile(r"[a-z0-9]+")
_FILLER = frozenset(
    {"total", "totals", "sub", "subtotal", "grand", "the", "of", "for", "and", "in", "net"}
)
_PRECISE = 100  # a sum met to the last digit of three or more is no coincidence
_MAX_LINES = 60  # lines one total may add up: a longer reading is none
_MAX_TOTALS = 200  # total lines read in one table (a statement prints a few dozen)
_MAX_COLUMNS = 16
_MODES = ("nearest", "truncate")
_MAX_CHILDREN = 12
HEADINGS_APART = " / "  # between heading lines printed one over the other (a section)
_NEAR = 2  # a total with no other evidence is checked only when its lines' sum is this near


@dataclass(frozen=True)
class _Reading:
    name: str  # named, block, running, run
    parts: tuple[int, ...]  # row indexes


def additive(label: str) -> bool:
    """Whether a row (or column) so labelled may be a part or a sum of others: not a rate,
    a ratio, an average or a figure per head or share (``Earnings per share``,
    ``Weighted average shares``, ``Gross margin %``, ``人均``, ``增长率``)."""
    return _NOT_ADDITIVE.search(label) is None


def is_statement_total(label: str) -> bool:
    """A label naming a total of lines above it (``Total income``, ``Net requirement``,
    ``Budget total``, ``合计``)."""
    return bool(_TOTAL.search(_LEAD.sub("", label.strip())))


def statement_totals(table: Table) -> list[TableRelation]:
    """The sums a table's total-labelled rows assert over the lines above them."""
    if len(table.columns) > _MAX_COLUMNS:
        return []
    columns = [i for i, c in enumerate(table.columns) if additive(c.header)]
    rows = table.rows
    totals = 0
    alive: list[int] = []  # lines not yet folded into a total, in order
    headings: list[tuple[str, int]] = []  # a heading and how many lines were alive before it
    groups: list[int] = []  # where each open group of lines starts (its heading's place)
    last_total = -1  # the alive index of the last total, -1 when none in the group
    section = ""
    found: list[TableRelation] = []
    carried: set[int] = set()  # the cells of totals that fail
    for index, row in enumerate(rows):
        if row.section != section:
            section = row.section
            headings += [(h, len(alive)) for h in section.split(HEADINGS_APART) if h.strip()]
            groups.append(len(alive))
            last_total = -1
        label = row.label.strip()
        if _SUB_ITEM.match(_LEAD.sub("", label)) or not additive(label):
            continue  # among its parent line, or a rate or an average: no line of a sum
        if not is_statement_total(label) or not any(c is not None for c in row.cells):
            alive.append(index)
            continue
        totals += 1
        if totals > _MAX_TOTALS:
            break
        boundary = groups[-1] if groups else 0
        from_base = last_total >= boundary and _from_base(rows, alive, last_total, label)
        readings = _readings(label, alive, headings, boundary, last_total, from_base=from_base)
        chosen = _choose(table, row, readings, columns)
        if chosen is not None:
            reading, checks = chosen
            # a total failing where a total among its lines fails carries that slip
            checks = [c for c in checks if c.verdict != "fails" or not carried & _ids(c.inputs)]
            carried |= {id(c.stated) for c in checks if c.verdict == "fails"}
            if checks:
                found.append(_relation(table, row, reading, checks))
            start = len(alive) - len(reading.parts)  # every reading is a run of the last lines
            alive = alive[:start]
            headings = [(h, min(at, start)) for h, at in headings]
            if reading.name == "named":  # the total closes the group its heading opened
                groups = [at for at in groups if at < start]
            groups = [min(at, start) for at in groups]
        alive.append(index)
        last_total = len(alive) - 1
    return found


def _readings(
    label: str,
    alive: Sequence[int],
    headings: Sequence[tuple[str, int]],
    boundary: int,
    last_total: int,
    *,
    from_base: bool = False,
) -> list[_Reading]:
    out: list[_Reading] = []
    size = len(alive)

    def run(name: str, first: int, least: int) -> None:
        if least <= size - first <= _MAX_LINES:  # no longer reading is one (a bound)
            out.append(_Reading(name, tuple(alive[first:])))

    named = _named_heading(label, headings)
    if named is None and from_base:
        named = last_total  # the base the changes after it move: its words name the reading
    if named is not None:
        run("named", named, 1)
    run("block", max(boundary, last_total + 1), 2)
    if last_total >= boundary:
        run("running", last_total, 2)
    floor = max(boundary, size - _MAX_LINES)  # a heading bounds what is not named
    for first in range(size - 2, floor - 1, -1):
        run("run", first, 2)
    return out


def _ids(cells: Sequence[Cell]) -> set[int]:
    return {id(cell) for cell in cells}


def _from_base(rows: Sequence[Row], alive: Sequence[int], last_total: int, label: str) -> bool:
    """Whether a total is the last total moved by the lines between them: the lines all
    name changes (``Change in gross expenditure``, ``Increase in income``, ``增加``), the
    total is net of a gross one (``Total expenditure``, ``Income``, ``Net expenditure``),
    or the two totals are one line of two periods (``Net budget 2023/24`` … ``Net budget
    2024/25``). Its words then say the running reading: the base and the changes."""
    base = rows[alive[last_total]].label
    between = [rows[i].label for i in alive[last_total + 1 :]]
    if not between:
        return False
    if all(_CHANGE_LINE.match(_LEAD.sub("", line.strip())) for line in between):
        return True
    if _NET_LINE.match(_LEAD.sub("", label.strip())) and not _NET_LINE.match(base.strip()):
        # Total expenditure, Income, Net expenditure: what is left of the total it names
        named = set(_NAME_WORDS.findall(label.lower())) - _FILLER
        if named and named <= set(_NAME_WORDS.findall(base.lower())):
            return True
    same = _PERIODLESS.sub("", base.lower()).strip()
    return bool(same) and same == _PERIODLESS.sub("", label.lower()).strip() and base != label


_CHANGE_LINE = re.compile(
    r"^(?:changes?|movements?|increases?|decreases?|reductions?|variations?|growth|inflation"
    r"|adjustments?)\b|^(?:增加|减少|增减|變動|变动|调整)",
    re.I,
)
_NET_LINE = re.compile(r"^net\b|^净|^淨", re.I)
_PERIODLESS = re.compile(r"[\d/\-–年度]+|\b(?:fy|q[1-4]|h[12])\b", re.I)


def _named_heading(label: str, headings: Sequence[tuple[str, int]]) -> int | None:
    """Where the lines under the heading the label names start (``Total Levies`` under
    ``Levies``; ``Total Net Budget Adjustments`` under ``Budget Adjustments``)."""
    words = set(_NAME_WORDS.findall(label.lower())) - _FILLER
    for heading, at in reversed(headings):
        named = set(_NAME_WORDS.findall(heading.lower())) - _FILLER
        if named and named <= words:
            return at
    return None


def _choose(
    table: Table, total: Row, readings: Sequence[_Reading], columns: Sequence[int]
) -> tuple[_Reading, list[RowCheck]] | None:
    verdicts = _run_verdicts(table, total, _longest(readings), columns)
    best: tuple[int, _Reading] | None = None
    tried: dict[str, _Reading] = {}
    evidence = False  # some reading holds in some column
    for reading in readings:
        length = len(reading.parts)
        said = verdicts[length] if length < len(verdicts) else []
        if not said:
            continue
        holding = [column for column, verdict in said if verdict != "fails"]
        evidence = evidence or bool(holding)
        precise = any(_precise(total.cells[c]) for c in holding)  # type: ignore[arg-type]
        most = 2 * len(holding) >= len(said)  # columns that break it are slips: few
        if holding and precise and most and (best is None or len(holding) > best[0]):
            best = (len(holding), reading)
        tried.setdefault(reading.name, reading)
    if best is not None:
        checks = _checks(table, total, best[1].parts, columns)
        return best[1], [c for c in checks if c.verdict != "fails" or not _explained(c)]
    if "named" in tried:
        checks = _checks(table, total, tried["named"].parts, columns)
        return tried["named"], [c for c in checks if not _explained(c)]
    sole = not any(reading.name == "running" for reading in readings)  # no earlier total
    if "block" in tried and sole and not evidence:
        checks = _checks(table, total, tried["block"].parts, columns)
        kept = [c for c in checks if _near(c) and not _explained(c)]
        return (tried["block"], kept) if kept else None
    return None


def _longest(readings: Sequence[_Reading]) -> tuple[int, ...]:
    """The lines of the longest reading: every reading is a run of its last lines."""
    return max((r.parts for r in readings), key=len, default=())


def _run_verdicts(
    table: Table, total: Row, lines: Sequence[int], columns: Sequence[int]
) -> list[list[tuple[int, Verdict]]]:
    """For each count n of the last lines (up to ``_MAX_LINES``), each column's verdict
    on the total against their sum, where they print figures of its unit: one running
    sum a column, not one sum a reading (a long statement would make that quadratic)."""
    limit = min(len(lines), _MAX_LINES)
    out: list[list[tuple[int, Verdict]]] = [[] for _ in range(limit + 1)]
    for column in columns:
        stated = total.cells[column]
        if stated is None or stated.figure.kind == "percent":
            continue
        said = [interval(stated, mode) for mode in _MODES]
        unit = unit_of(stated.figure)
        sums: list[Interval | None] = [None, None]
        for count in range(1, limit + 1):
            cell = table.rows[lines[-count]].cells[column]
            if cell is not None:
                if cell.figure.kind == "percent" or unit_of(cell.figure) != unit:
                    break
                values = [interval(cell, mode) for mode in _MODES]
                try:
                    sums = [_plus(a, b) for a, b in zip(sums, values, strict=True)]
                except ArithmeticError:
                    break
            if any(v is None for v in (*said, *sums)):
                continue
            holds = [can_hold(a, "==", b) for a, b in zip(said, sums, strict=True)]  # type: ignore[arg-type]
            out[count].append((column, _verdict(holds[0], holds[1])))
    return out


def _plus(total: Interval | None, value: Interval | None) -> Interval | None:
    if value is None:
        raise ArithmeticError("no interval")
    return value if total is None else total + value


def _verdict(nearest: bool, truncate: bool) -> Verdict:
    if nearest and truncate:
        return "both"
    if nearest:
        return "nearest"
    return "truncate" if truncate else "fails"


def _checks(
    table: Table, total: Row, parts: Sequence[int], columns: Sequence[int]
) -> list[RowCheck]:
    checks = []
    for column in columns:
        stated = total.cells[column]
        if stated is None or stated.figure.kind == "percent":
            continue
        inputs = [c for i in parts if (c := table.rows[i].cells[column]) is not None]
        unit = unit_of(stated.figure)
        if not inputs or any(
            c.figure.kind == "percent" or unit_of(c.figure) != unit for c in inputs
        ):
            continue
        verdict: Verdict | None = decide(stated, inputs, sum_of)
        if verdict is not None:
            checks.append(RowCheck(total, stated, tuple(inputs), verdict))
    return checks


def _explained(check: RowCheck) -> bool:
    """Whether a failing sum holds read another way: the first line less the others, or
    with a line that adds up the lines printed under it standing for them."""
    if check.verdict != "fails":
        return False
    inputs = check.inputs
    if len(inputs) >= 2 and decide(check.stated, inputs, _first_less_rest) not in (None, "fails"):
        return True
    folded = _fold_subtotals(inputs)
    return len(folded) < len(inputs) and decide(check.stated, folded, sum_of) not in (
        None,
        "fails",
    )


def _first_less_rest(values: Sequence[Interval]) -> Interval:
    return difference_of([values[0], sum_of(values[1:])])


def _fold_subtotals(cells: Sequence[Cell]) -> list[Cell]:
    """The lines with those that a line just above adds up (two or more) left out."""
    out = list(cells)
    parent = len(out) - 2
    while parent >= 0:
        said = interval(out[parent], "nearest")
        running: Interval | None = None
        fold = 0
        for count in range(1, min(_MAX_CHILDREN, len(out) - parent - 1) + 1):
            value = interval(out[parent + count], "nearest")
            if said is None or value is None:
                break
            try:
                running = value if running is None else running + value
            except ArithmeticError:
                break
            if count >= 2 and can_hold(said, "==", running):
                fold = count  # the most lines it adds up
        del out[parent + 1 : parent + 1 + fold]
        parent -= 1
    return out


def _precise(cell: Cell) -> bool:
    figure = cell.figure
    return abs(figure.number) >= _PRECISE * figure.unit_in_last_place() / figure.scale


def _near(check: RowCheck) -> bool:
    """A total and its lines' sum of one sign, within a factor of two of each other."""
    stated = check.stated.figure.base
    computed = sum((cell.figure.base for cell in check.inputs), start=stated * 0)
    if stated == 0 or computed == 0 or (stated > 0) != (computed > 0):
        return False
    big, small = max(abs(stated), abs(computed)), min(abs(stated), abs(computed))
    return big <= _NEAR * small


def _relation(table: Table, total: Row, reading: _Reading, checks: list[RowCheck]) -> TableRelation:
    rows = table.rows
    first = _LEAD.sub("", rows[reading.parts[0]].label.strip())
    last = _LEAD.sub("", rows[reading.parts[-1]].label.strip())
    scope = first if len(reading.parts) == 1 else f"{first} to {last}"
    return TableRelation(table, "lines-total", -1, (), tuple(checks), total, scope=scope)

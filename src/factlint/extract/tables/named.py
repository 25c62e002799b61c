"""Relations a table states by naming a column (or a row): a share named for its whole
(``占总人口比重(%)`` beside the amount it is the share of), and the ratios a statistical
table defines by name — the sex ratio (``性别比`` = 男 / 女 × 100), the urbanisation rate
(``城镇化率`` = 城镇人口 / 总人口), the dependency ratios of a census (``少儿抚养比`` =
0–14 / 15–64, ``老年抚养比`` = 65+ / 15–64, ``总抚养比`` = (0–14 + 65+) / 15–64) and the
ageing index (``老少比``, ``老化指数`` = 65+ / 0–14).

Unlike a relation found by agreement across rows (``relations``), these are asserted by
the words of the header, so every row is checked and a row that breaks one is an error,
however few rows the table has (a census table prints three: 1990, 2000, 2010). A ratio
printed as a percent (``51.58%``) is the quotient; one printed bare (``116.24``) is per
hundred. The table's rounding habit is the one most of its named rows show, so a row that
holds only when truncated, in a table that rounds, is flagged as such.

>>> from factlint.extract.tables.model import Cell, Column, Row, Table
>>> from factlint.extract.tables.units import cell_figure
>>> def row(label, *texts):
...     unit = "%" if "%" in label else "万人"
...     return Row(label, label, 1, tuple(Cell(t, 1, 1, cell_figure(t, unit)) for t in texts))
>>> table = Table((Column("2000年", "", "y2000"), Column("2010年", "", "y2010")), (
...     row("总人口(万人)", "200.0", "250.0"), row("城镇人口(万人)", "50.0", "80.0"),
...     row("占总人口比重(%)", "25.0", "30.0")), 1, 9)
>>> from factlint.extract.tables.relations import transpose
>>> found = named_relations(table, transpose(table))
>>> [(r.describe(), [c.verdict for c in r.checks]) for r in found]
[('占总人口比重(%) = 城镇人口(万人) / 总人口(万人)', ['both', 'fails'])]
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

from factlint.extract.tables.deciding import (
    Formula,
    RowCheck,
    TableRelation,
    checked_rows,
    decide,
    difference_of,
    growth_of,
    share_of,
)
from factlint.extract.tables.model import Cell, Table
from factlint.numbers.intervals import Interval
from factlint.numbers.quantities import unit_of

_NOTE = re.compile(r"[(（][^()（）]*[)）]|\[\d{1,2}\]")
_ENUMERATOR = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.．、])"
)
_NAMED_SHARE = re.compile(r"^(?:其中[:：]?)?[占佔](.{1,12}?)(?:的)?(?:比重|比例|百分比)")
_DASH = r"\s*[-－~～—–至]\s*"
_YOUNG = re.compile(rf"^0{_DASH}14\s*(?:岁|歲|周岁)")
_WORKING = re.compile(rf"^15{_DASH}64\s*(?:岁|歲|周岁)")
_OLD = re.compile(r"^65\s*(?:岁|歲|周岁)(?:及以上|以上|及65(?:岁|歲)以上|及其以上|\+)")
_MALE = ("男", "男性", "男性人口", "男性人数")
_FEMALE = ("女", "女性", "女性人口", "女性人数")
_URBAN = re.compile(r"^(?:城镇|城鎮)(?:常住)?人口")
_WHOLE_POPULATION = re.compile(r"^(?:总人口|總人口|常住人口|年末常住人口|年末总人口|户籍人口)$")
_YEAR = re.compile(r"^((?:19|20)\d\d)\s*年?$")
_CURRENT = ("本年", "本期", "今年", "当年", "本年实际", "本年累计", "本期累计")
_PREVIOUS = ("上年", "去年", "上年同期", "去年同期", "上期", "上年实际", "上年累计")
_CHANGE = re.compile(r"增长|增速|增幅|增長|增减|增減|同比|比上年|比去年|比上期|增加额|变动|變動")
_STRUCTURE = re.compile(r"^(?:比重|构成|構成|占比|佔比|所占比重|[占佔].{1,8}比重)$")
_POINTS = re.compile(r"百分点|百分點|percentage point", re.I)
_HUNDRED = Interval.point(Decimal(100))
_NEAR = 3  # 男 and 女 are printed just before the sex ratio
_GAINS = re.compile(r"^(?:gains?|won|seats won)$", re.I)
_LOSSES = re.compile(r"^(?:loss|losses|lost|seats lost)$", re.I)
_NET = re.compile(r"^net\s*(?:gain\s*/\s*loss|gains?|change|\+/[-−])$", re.I)


def named_relations(table: Table, turned: Table | None = None) -> list[TableRelation]:
    """The relations ``table``'s headers name, in its columns, then in its rows (a table
    whose rows are indicators and whose columns are years), given as the columns of
    ``turned``, the table read the other way."""
    found = list(_named(table))
    if turned is not None:
        found += [dataclasses.replace(r, transposed=True) for r in _named(turned)]
    return _with_habit(found)


def _with_habit(found: list[TableRelation]) -> list[TableRelation]:
    """Every named relation of a table rounded as most of their rows are."""
    truncated = sum(c.verdict == "truncate" for r in found for c in r.checks)
    nearest = sum(c.verdict == "nearest" for r in found for c in r.checks)
    habit = "truncate" if truncated > nearest else "nearest"
    return [dataclasses.replace(r, rounding=habit) for r in found]


def name_of(header: str) -> str:
    """A header without its unit, notes and enumerator: ``二、总人口(万人)`` is ``总人口``."""
    return _ENUMERATOR.sub("", _NOTE.sub("", header)).strip().lstrip("#＃").strip()


def _named(table: Table) -> Iterator[TableRelation]:
    names = [name_of(column.header) for column in table.columns]
    for target, name in enumerate(names):
        operands = _operands(table, names, target, name)
        if operands is not None:
            relation = _ratio(table, target, *operands)
            if relation.checks:
                yield relation
    yield from _changes(table, names)
    yield from _structures(table, names)
    yield from _nets(table, [name_of(c.header[len(c.group) :].strip()) for c in table.columns])


def _nets(table: Table, names: Sequence[str]) -> Iterator[TableRelation]:
    """A column named as the net of a gains column and a losses column (``Net gain/loss``
    beside ``Gains`` and ``Losses``: seats won and lost): each row's gains less its
    losses, whatever the rows' agreement, as the header defines it (the figures are small
    counts, which agree by chance too often to be asked to)."""
    gains = _one(names, _GAINS.match)
    losses = _one(names, _LOSSES.match)
    net = _one(names, _NET.match)
    if gains is None or losses is None or net is None:
        return
    if not (_comparable(table, net, gains) and _comparable(table, gains, losses)):
        return
    relation = checked_rows(table, "difference", net, (gains, losses), difference_of, named=True)
    if relation.checks:
        yield relation


def _structures(table: Table, names: Sequence[str]) -> Iterator[TableRelation]:
    """A column named as a share (``比重(%)``, ``构成``, ``占全县比重``) beside an amount
    column, in a table with one row labelled as the total (合计, 全县): each row's amount
    over the total's, asserted when most rows (two at least) hold, then every row checked."""
    totals = [row for row in table.rows if row.is_total()]
    if len(totals) != 1:
        return
    total = totals[0]
    for target, name in enumerate(names):
        if target == 0 or not _STRUCTURE.match(name):
            continue
        cells = [cell for _, cell in table.cells_of(target)]
        part = target - 1
        if not cells or any(cell.figure.kind != "percent" for cell in cells):
            continue
        if total.cells[part] is None or not _comparable(table, part, part):
            continue
        checks = []
        for row in table.rows:
            stated, amount = row.cells[target], row.cells[part]
            if row is total or stated is None or amount is None:
                continue
            verdict = decide(stated, [amount, total.cells[part]], share_of)  # type: ignore[list-item]
            if verdict is not None:
                checks.append(RowCheck(row, stated, (amount, total.cells[part]), verdict))  # type: ignore[arg-type]
        relation = TableRelation(
            table, "structure", target, (part,), tuple(checks), total, named=True
        )
        if relation.support >= 2 and 2 * relation.support > relation.checked:
            yield relation


def _period(name: str) -> int | None:
    """The order of a column of a period (``2020年`` later than ``2019年``, ``本年`` than
    ``上年``), None when it names no period."""
    year = _YEAR.match(name)
    if year:
        return int(year.group(1))
    if name in _CURRENT:
        return 1
    return 0 if name in _PREVIOUS else None


def _changes(table: Table, names: Sequence[str]) -> Iterator[TableRelation]:
    """A column named as the change (``增长(%)``, ``比上年增减``) beside exactly two
    columns of periods: a growth rate when it prints percents, a difference when it prints
    the periods' unit. A growth column may be at comparable prices (GDP, value added),
    which its two columns at current prices cannot show: the relation stands only when
    most rows (two at least) hold, and then every row is checked."""
    periods = [(order, i) for i, name in enumerate(names) if (order := _period(name)) is not None]
    if len(periods) != 2 or periods[0][0] == periods[1][0]:
        return
    (_, previous), (_, current) = sorted(periods)
    if not _comparable(table, current, previous):
        return
    for target, name in enumerate(names):
        if target in (current, previous) or not _CHANGE.search(name) or _POINTS.search(name):
            continue
        cells = [cell for _, cell in table.cells_of(target)]
        if cells and all(cell.figure.kind == "percent" for cell in cells):
            relation = checked_rows(
                table, "growth", target, (current, previous), growth_of, named=True
            )
        elif _comparable(table, target, current):
            relation = checked_rows(
                table, "difference", target, (current, previous), difference_of, named=True
            )
        else:
            continue
        if relation.support >= 2 and 2 * relation.support > relation.checked:
            yield relation


def _operands(
    table: Table, names: Sequence[str], target: int, name: str
) -> tuple[tuple[int, ...], int] | None:
    """The numerators and the denominator a header names, or None."""
    share = _NAMED_SHARE.match(name)
    if share and target > 0:
        whole = _one(names, lambda other: _same_name(other, share.group(1)))
        part = target - 1
        if whole is not None and whole != part and _comparable(table, part, whole):
            return (part,), whole
        return None
    if "抚养比" in name or "撫養比" in name or name in ("老少比", "老化指数", "老化指數"):
        young = _one(names, _YOUNG.match)
        working = _one(names, _WORKING.match)
        old = _one(names, _OLD.match)
        if name.startswith(("少儿", "少兒", "儿童", "兒童")):
            chosen: tuple[tuple[int | None, ...], int | None] = (young,), working
        elif name.startswith("老年"):
            chosen = (old,), working
        elif name.startswith(("总", "總")):
            chosen = (young, old), working
        elif name.startswith("老"):
            chosen = (old,), young
        else:
            return None
        return _checked(table, chosen)
    if name == "性别比" or name == "性別比":
        male = _nearest_before(names, target, _MALE)
        female = _nearest_before(names, target, _FEMALE)
        return _checked(table, ((male,), female))
    if name in ("城镇化率", "城鎮化率"):
        urban = _one(names, _URBAN.match)
        whole = _one(names, _WHOLE_POPULATION.match)
        return _checked(table, ((urban,), whole))
    return None


def _checked(
    table: Table, chosen: tuple[tuple[int | None, ...], int | None]
) -> tuple[tuple[int, ...], int] | None:
    numerators, denominator = chosen
    if denominator is None or any(n is None for n in numerators):
        return None
    found = tuple(n for n in numerators if n is not None)
    if not all(_comparable(table, n, denominator) for n in found):
        return None
    return found, denominator


def _one(names: Sequence[str], test: object) -> int | None:
    found = [index for index, name in enumerate(names) if test(name)]  # type: ignore[operator]
    return found[0] if len(found) == 1 else None


def _same_name(header: str, named: str) -> bool:
    """A column named as a share names its whole: ``占总人口比重`` names ``总人口``,
    ``占全县比重`` names ``全县`` (or ``全县常住人口``)."""
    named = named.strip()
    return bool(named) and (
        header == named or (header.startswith(named) and len(header) <= len(named) + 4)
    )


def _nearest_before(names: Sequence[str], target: int, words: tuple[str, ...]) -> int | None:
    for index in range(target - 1, max(-1, target - 1 - _NEAR), -1):
        if names[index] in words:
            return index
    return None


def _comparable(table: Table, a: int, b: int) -> bool:
    """Two columns of amounts in the same unit in every row both print (not percents)."""
    pairs = [(row.cells[a], row.cells[b]) for row in table.rows]
    pairs_ = [(x, y) for x, y in pairs if x is not None and y is not None]
    return bool(pairs_) and all(
        x.figure.kind != "percent" and unit_of(x.figure) == unit_of(y.figure) for x, y in pairs_
    )


def _ratio(
    table: Table, target: int, numerators: tuple[int, ...], denominator: int
) -> TableRelation:
    operands = (*numerators, denominator)
    checks = []
    for row in table.rows:
        stated = row.cells[target]
        inputs = [row.cells[i] for i in operands]
        if stated is None or any(cell is None for cell in inputs):
            continue
        if stated.figure.kind not in ("percent", "number"):
            continue
        formula = ratio_formula(len(numerators), per_hundred=stated.figure.kind == "number")
        verdict = decide(stated, inputs, formula)  # type: ignore[arg-type]
        if verdict is not None:
            checks.append(RowCheck(row, stated, tuple(inputs), verdict))  # type: ignore[arg-type]
    return TableRelation(table, "ratio", target, operands, tuple(checks), named=True)


def ratio_formula(numerators: int, *, per_hundred: bool) -> Formula:
    """(a + b + …) / d, times 100 for a ratio printed bare (per hundred)."""

    def formula(values: Sequence[Interval]) -> Interval:
        total = values[0]
        for value in values[1:numerators]:
            total = total + value
        quotient = total / values[numerators]
        return quotient * _HUNDRED if per_hundred else quotient

    return formula


def per_hundred(table: Table, column: int) -> bool:
    """Whether a ratio column prints its figures bare (per hundred), not as percents."""
    cells: list[Cell] = [cell for _, cell in table.cells_of(column)]
    return bool(cells) and all(cell.figure.kind == "number" for cell in cells)

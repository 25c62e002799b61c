"""From a report's text to its facts: find figures, read their context, split sections,
link mentions, name facts. Pure: text in, values out.

>>> result = extract_text("全年签约项目51项。其中，六新项目39项，占比76.5%。")
>>> [(f.id, f.value, len(f.mentions)) for f in result.facts]
[('签约项目', '51项', 1), ('六新项目', '39项', 1), ('六新项目占比', '76.5%', 1)]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from factlint.extract.english_counts import counted_noun
from factlint.extract.figures_in_text import Spot, find_figures, make_spot
from factlint.extract.ids import fact_ids
from factlint.extract.labels import Context, Reading, contexts_again, make_context, read_contexts
from factlint.extract.linking import Linkable, link
from factlint.extract.sections import Section, detect_sections, section_finder
from factlint.extract.sibling_units import (
    POINTS,
    glossed_units,
    inherited,
    scaled_changes,
    shared_points,
    with_sibling_unit,
)
from factlint.extract.signs import signed
from factlint.extract.tables.model import Table
from factlint.extract.tables.placing import PlacedCell, Placement, place
from factlint.extract.text import NormalText, is_wide
from factlint.numbers.figures import Figure
from factlint.records import dataclass, draft_class

_TARGET_FRAMINGS = frozenset({"目标", "target"})


@dataclass(frozen=True, slots=True)
class Found:
    """One figure printed in the report, where and how."""

    context: Context
    section: str
    line: int
    column: int
    sentence: int
    cell: Figure | None = None
    """For a table cell printed bare, the figure its column's header makes of it."""
    unit: str = ""
    """That header's unit (``%`` for ``32.3`` under ``比重(%)``)."""

    @property
    def spot(self) -> Spot:
        return self.context.spot

    @property
    def figure(self) -> Figure:
        return self.cell or self.context.spot.figure

    @property
    def text(self) -> str:
        return self.context.spot.text

    @property
    def written(self) -> str:
        """The figure as a facts file writes it (a decline with its sign: -2.0%)."""
        return self.context.spot.written


# One per figure, again where a table cell or a unit changes it: made without
# ``__init__``'s ``object.__setattr__`` per field (see ``records.draft_class``);
# ``tests/test_makers.py`` holds the maker equal to the constructor.
_new = object.__new__
_FoundDraft = draft_class(Found)


def make_found(
    context: Context,
    section: str,
    line: int,
    column: int,
    sentence: int,
    cell: Figure | None = None,
    unit: str = "",
) -> Found:
    """``Found(context, section, line, column, sentence, cell, unit)``."""
    found = _new(_FoundDraft)
    found.context = context
    found.section = section
    found.line = line
    found.column = column
    found.sentence = sentence
    found.cell = cell
    found.unit = unit
    found.__class__ = Found
    made: Found = found
    return made


def _unframed(context: Context, spot: Spot | None = None) -> Context:
    """``context`` without its framing words (and with ``spot`` for its figure)."""
    c = context
    return make_context(
        c.spot if spot is None else spot,
        c.label,
        c.kind,
        "",
        c.before,
        c.after,
        c.sentence,
        c.clause,
        c.near,
        c.subject,
    )


def _with_context(
    item: Found, context: Context, cell: Figure | None = None, unit: str = ""
) -> Found:
    """``item`` with ``context`` (and a cell's figure and unit when given)."""
    if cell is None:
        cell, unit = item.cell, item.unit
    return make_found(context, item.section, item.line, item.column, item.sentence, cell, unit)


@dataclass(frozen=True)
class ExtractedFact:
    """One quantity: every place the report prints it, a label, a kind, a framing."""

    id: str
    label: str
    kind: str
    framing: str
    mentions: tuple[Found, ...]
    count: bool = False
    """A table cell that counts things (a whole number in a column of them): exact."""

    @property
    def value(self) -> str:
        first = self.mentions[0]
        return first.figure.text if first.unit else first.written

    @property
    def figure(self) -> Figure:
        return self.mentions[0].figure

    @property
    def exact(self) -> bool:
        """A target, a table cell that counts things, or a whole number counting things
        with no scale word (51 projects)."""
        if self.count or self.framing in _TARGET_FRAMINGS:
            return True
        figure = self.figure
        return self.kind == "count" and figure.kind == "number" and figure.scale == 1


@dataclass(frozen=True)
class Extraction:
    text: NormalText
    sections: tuple[Section, ...]
    found: tuple[Found, ...]
    facts: tuple[ExtractedFact, ...]
    tables: tuple[Table, ...] = ()
    repeats: tuple[tuple[str, str], ...] = ()
    """(cell fact, repeat fact): the fact whose mentions are a cell and the figures in the
    text that repeat it."""

    def fact_of(self, found: Found) -> ExtractedFact:
        for fact in self.facts:
            if any(m is found for m in fact.mentions):
                return fact
        raise KeyError(found)


def extract_text(
    source: str, sections: Sequence[Section] | None = None, taken_ids: Sequence[str] = ()
) -> Extraction:
    """Everything ``factlint extract`` reads from ``source``; ``sections`` overrides the
    layout heuristics; ``taken_ids`` are ids the new facts must not reuse."""
    text = NormalText.of(source)
    layout = tuple(sections) if sections is not None else tuple(detect_sections(source))
    spots = list(signed(text, find_figures(text)))
    reading = Reading(text, spots)
    around = read_contexts(reading, spots)
    first_spots = tuple(spots)
    units = {**scaled_changes(text, spots, around), **inherited(text, spots, around)}
    for at, unit in list(units.items()):
        read = with_sibling_unit(spots[at], unit)
        if read is None:
            del units[at]
        else:
            spots[at] = read
    for at, read in shared_points(text, spots).items():
        spots[at], units[at] = read, POINTS
    for at, (read, unit) in glossed_units(text, spots).items():
        spots[at], units[at] = read, unit
    if units:  # read again: a rate after 28.4亿元 now speaks of it
        around = contexts_again(text, spots, first_spots, around, reading)
    found = tuple(_found(text, layout, around))
    if units:
        found = tuple(
            _with_context(item, item.context, item.spot.figure, units[at]) if at in units else item
            for at, item in enumerate(found)
        )
    placement = place(source)
    if not placement.cells:
        linkable = [Linkable(f.context, f.section, f.sentence) for f in found]
        groups = link(linkable)
        facts = _facts([[found[i] for i in group] for group in groups], taken_ids)
        return Extraction(text, layout, found, tuple(facts))
    found, cell_facts, prose, repeats = table_facts(text, found, placement, taken_ids)
    groups = link([Linkable(found[i].context, found[i].section, found[i].sentence) for i in prose])
    taken = [*taken_ids, *(fact.id for fact in cell_facts)]
    facts = _facts([[found[prose[i]] for i in group] for group in groups], taken)
    tables = placement.tables
    return Extraction(text, layout, found, tuple(cell_facts + facts), tables, tuple(repeats))


def table_facts(
    text: NormalText, found: Sequence[Found], placement: Placement, taken: Sequence[str]
) -> tuple[tuple[Found, ...], list[ExtractedFact], list[int], list[tuple[str, str]]]:
    """The figures with each table cell's header unit applied, one fact per cell, the
    indices of the figures left to link, and the repeats: a cell repeated in the text is
    one more fact, ``<cell>_repeated``, whose mentions are the cell and the repeats, so
    the duplicate check (mentions-agree) compares them while the cell's own fact, used
    by the table's rules, stays checkable when a repeat is wrong."""
    updated = list(found)
    cells: dict[int, PlacedCell] = {}
    taken_cells: set[int] = set()
    for index, item in enumerate(found):
        placed = placement.cell_at(item.line, item.column, item.text)
        if placed is None or id(placed) in taken_cells:
            continue
        cells[index] = placed
        taken_cells.add(id(placed))
        # A cell's framing is its column's, not the words the extractor saw around it.
        spot = item.spot
        cell_text = placed.cell.text.strip()
        if len(item.text) > len(cell_text) and item.text.startswith(cell_text):
            # read on past the cell's line (46.8 and the 年 that starts the next line)
            spot = make_spot(spot.start, spot.start + len(cell_text), placed.cell.figure, cell_text)
        elif len(item.text) > len(cell_text) and item.text.endswith(cell_text):
            # read with the label's last word (65 and over 2.0: "over 2.0", a bound)
            spot = make_spot(spot.end - len(cell_text), spot.end, placed.cell.figure, cell_text)
            item = make_found(
                item.context,
                item.section,
                item.line,
                placed.cell.column,
                item.sentence,
                item.cell,
                item.unit,
            )
        if _bracketed(placed, item):  # (1,204): the cell is -1,204, written with its sign
            value = "-" + spot.text
            spot = make_spot(spot.start, spot.end, placed.cell.figure, spot.text, value=value)
        context = _unframed(item.context, spot)
        unit = placed.unit
        if unit:
            updated[index] = _with_context(item, context, placed.cell.figure, unit)
        else:
            updated[index] = _with_context(item, context)
    index_of = {id(placed): index for index, placed in cells.items()}
    repeats: dict[int, list[int]] = {}
    prose: list[int] = []
    for index, item in enumerate(updated):
        if index in cells:
            continue
        if placement.in_table(item.line):
            continue  # a year in a header, a footnote mark in a label: not a figure of its own
        start = item.context.sentence[0]
        placed = placement.repeated_cell(text.flat[start : item.spot.start], item.figure)
        if placed is not None and id(placed) in index_of:
            repeats.setdefault(index_of[id(placed)], []).append(index)
            continue
        prose.append(index)
    used = set(taken)
    facts = []
    links: list[tuple[str, str]] = []
    for index, placed in cells.items():
        fact_id, number = placed.fact_id, 2
        while fact_id in used:
            fact_id, number = f"{placed.fact_id}_{number}", number + 1
        used.add(fact_id)
        kind = placed.cell.figure.kind
        exact = placed.cell.exact
        facts.append(ExtractedFact(fact_id, placed.label, kind, "", (updated[index],), exact))
        # framing words around a repeat (目标 against the column's 计划) are not compared
        again = [
            _with_context(updated[i], _unframed(updated[i].context)) for i in repeats.get(index, ())
        ]
        if again:
            repeat_id = f"{fact_id}_repeated"
            used.add(repeat_id)
            label = f"{placed.label} (repeated in the text)"
            mentions = (updated[index], *again)
            facts.append(ExtractedFact(repeat_id, label, kind, "", mentions, exact))
            links.append((fact_id, repeat_id))
    return tuple(updated), facts, prose, links


def _bracketed(placed: PlacedCell, item: Found) -> bool:
    """A cell printed in accounting brackets, or with its minus set apart (``-   5.0``),
    found as the positive number after the bracket or the sign."""
    cell = placed.cell
    return (
        cell.text.strip().startswith(("(", "-", "−", "–"))
        and cell.figure.number < 0
        and item.figure.number == -cell.figure.number
    )


def _found(text: NormalText, layout: Sequence[Section], items: list[Context]) -> list[Found]:
    sentence_numbers: dict[tuple[int, int], int] = {}
    out = []
    section_at = section_finder(layout)
    for context in items:
        line, column = text.line_column(context.spot.start)
        number = sentence_numbers.setdefault(context.sentence, len(sentence_numbers))
        out.append(make_found(context, section_at(line), line, column, number))
    return out


def _facts(groups: list[list[Found]], taken: Sequence[str]) -> list[ExtractedFact]:
    described = [
        (
            g[0].context.label if len(g) == 1 else _common(m.context.label for m in g),
            g[0].context.kind,
            g,
        )
        for g in groups
    ]
    ids = fact_ids(
        [(_id_label(label, kind, g), kind, g[0].text) for label, kind, g in described], taken
    )
    return [
        ExtractedFact(
            fact_id,
            label,
            kind,
            group[0].context.framing
            if len(group) == 1
            else _common(m.context.framing for m in group if m.context.framing),
            tuple(group),
        )
        for fact_id, (label, kind, group) in zip(ids, described, strict=True)
    ]


def _id_label(label: str, kind: str, group: list[Found]) -> str:
    """The words a fact's id is made of: its label, and for an English count the noun it
    counts, nearest the figure ("Only four forces": forces)."""
    if kind != "count" or group[0].cell is not None or any(map(is_wide, label)):
        return label
    return counted_noun(group[0].context.after) or label


def _common(values: Iterable[str]) -> str:
    """The most common of the non-empty ``values`` (the first seen of those tied), or ""."""
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else ""

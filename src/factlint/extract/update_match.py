"""Which curated fact owns a figure the extractor finds: the one with a mention printed at
that very place, and only when it is a quantity of the same kind.

A curated mention is placed in the report text by its quote (at its line when the quote
is printed there, else wherever it is printed) and the figure's offset in the quote; a
mention with a line and no quote is placed on the figures of its line that print its
digits as the same kind of quantity. Places are spans of the text with its whitespace
removed (``engine.quotes.FoldedText``), so a quote that a PDF breaks over lines still
places. Two figures on one line with equal digits (增长1.3% and 提高1.3个百分点) are two
places, never one.

The extractor's fact matching then decides the rest: an extracted fact whose mentions
include a place one curated fact owns gives that fact its other mentions, when the two
are the same kind of quantity in the same unit (a percentage-point change never joins a
percent level). Mentions linked to two curated facts, or to a fact of another kind, are
reported and not added.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from factlint.engine.quotes import FoldedText, fold, printed_offset
from factlint.extract.pipeline import ExtractedFact, Extraction, Found
from factlint.model import FactSet, Mention
from factlint.numbers.figures import Figure, figure_digits

Span = tuple[int, int]


@dataclass
class Plan:
    """What the update adds: new mentions of curated facts, new facts, and what it leaves."""

    mentions: dict[str, list[Found]] = field(default_factory=dict)
    """Curated fact id -> the extracted mentions to add to it, in the text's order."""
    facts: list[ExtractedFact] = field(default_factory=list)
    skipped: list[tuple[str, int, str]] = field(default_factory=list)
    """(fact id, line, why) of a mention not added."""


def plan_update(curated: FactSet, extraction: Extraction, report_text: str) -> Plan:
    places = _Places(report_text)
    owners = _owners(curated, extraction, places)
    plan = Plan()
    for fact in extraction.facts:
        by_mention = [owners.owners_of(places.of_found(found)) for found in fact.mentions]
        claimed = set().union(*by_mention)
        if not claimed:
            plan.facts.append(fact)
            continue
        missing = [m for m, who in zip(fact.mentions, by_mention, strict=True) if not who]
        if not missing:
            continue
        if len(claimed) > 1:
            names = " and ".join(sorted(claimed))
            why = f"the extractor links it to mentions of {names}"
            plan.skipped += [(sorted(claimed)[0], m.line, why) for m in missing]
            continue
        (owner,) = claimed
        figure = curated.facts[owner].figure
        if not same_quantity(figure, fact.figure):
            why = (
                f"it is a {_kind(fact.figure)} and {owner} is a {_kind(figure)} "
                f"({figure.text}): not the same quantity"
            )
            plan.skipped += [(owner, m.line, why) for m in missing]
            continue
        plan.mentions.setdefault(owner, []).extend(missing)
    for found in plan.mentions.values():
        found.sort(key=lambda m: (m.line, m.column))
    return plan


def same_quantity(a: Figure, b: Figure) -> bool:
    """One kind of quantity in one unit, as the extractor links mentions (``linking``)."""
    return (a.kind, a.unit) == (b.kind, b.unit)


def _kind(figure: Figure) -> str:
    return {"points": "percentage-point change", "percent": "percentage"}.get(
        figure.kind, figure.kind or "number"
    )


@dataclass
class _Owners:
    by_place: dict[int, set[str]] = field(default_factory=dict)

    def claim(self, span: Span, fact_id: str) -> None:
        for index in range(span[0], span[1]):
            self.by_place.setdefault(index, set()).add(fact_id)

    def owners_of(self, span: Span) -> set[str]:
        found: set[str] = set()
        for index in range(span[0], span[1]):
            found |= self.by_place.get(index, set())
        return found


def _owners(curated: FactSet, extraction: Extraction, places: _Places) -> _Owners:
    owners = _Owners()
    by_line: dict[int, list[Found]] = {}
    for found in extraction.found:
        by_line.setdefault(found.line, []).append(found)
    for fact in curated.facts.values():
        for mention in fact.mentions:
            spans = list(places.of_mention(mention))
            if not spans and not mention.quote.strip() and mention.line is not None:
                spans = [
                    places.of_found(found)
                    for found in by_line.get(mention.line, ())
                    if _same_printed(found, mention)
                ]
            for span in spans:
                owners.claim(span, fact.id)
    return owners


def _same_printed(found: Found, mention: Mention) -> bool:
    return figure_digits(found.text) == figure_digits(mention.figure.text) and same_quantity(
        found.figure, mention.figure
    )


class _Places:
    """Spans of the report text without whitespace, for figures found and quoted."""

    def __init__(self, report_text: str) -> None:
        self.folded = FoldedText.of(report_text)
        self.lines = report_text.split("\n")

    def of_found(self, found: Found) -> Span:
        """Where the extractor found a figure (its line and column in the source text)."""
        line = self.lines[found.line - 1] if found.line <= len(self.lines) else ""
        before = sum(1 for char in line[: found.column - 1] if not char.isspace())
        start = bisect_left(self.folded.lines, found.line) + before
        return start, start + max(1, len(fold(found.text)))

    def of_mention(self, mention: Mention) -> Iterator[Span]:
        """Where a curated mention's quote prints its figure: at its line when it is
        printed there, else everywhere it is printed; nothing without a quote."""
        quote = fold(mention.quote)
        if not quote:
            return
        offset = printed_offset(quote, mention.figure, mention.printed)
        if offset is None:
            return
        length = max(1, len(fold(mention.printed or mention.figure.text).lstrip("-−")))
        starts = list(self._on_line(quote, offset, mention.line)) if mention.line else []
        if not starts:
            starts = [start + offset for start in self.folded.occurrences(quote)]
        for start in starts:
            yield start, start + length

    def _on_line(self, quote: str, offset: int, line: int) -> Iterator[int]:
        lines = self.folded.lines
        first, last = bisect_left(lines, line), bisect_right(lines, line)
        if first == last:
            return
        flat = self.folded.flat
        low, high = max(0, first - offset), min(len(flat), last - offset + len(quote))
        position = flat.find(quote, low, high)
        while position >= 0:
            if lines[position + offset] == line:
                yield position + offset
            position = flat.find(quote, position + 1, high)

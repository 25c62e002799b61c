"""The pieces every detector shares: a discovered relation, the facts it may bind
(with where each is printed), and the small questions asked of them (same unit? a quantity
that adds up? which cue words stand before it?)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

from factlint.extract.pipeline import ExtractedFact, Extraction, Found
from factlint.numbers.figures import Figure
from factlint.numbers.quantities import unit_of

HOLDS, TRUNCATION, OFF_BY_ONE, OFF_BY_SCALE, EXCEEDS, MISMATCH = (
    "holds",
    "truncation-only",
    "off-by-one",
    "off-by-scale",
    "exceeds",
    "mismatch",  # figures the words tie beyond doubt (三次产业结构 a:b:c; from X to Y, by C)
)
NEAR_MISSES = (TRUNCATION, OFF_BY_ONE, OFF_BY_SCALE, EXCEEDS, MISMATCH)
_SUM_CUES = ("其中", "分别", "包括", "of which", "including", "分产业", "分季度")
_BY_KIND = re.compile(r"按[^，,。；;]{1,8}分")
_AVERAGES = ("人均", "平均", "均价", "per capita", "per share", "average", "每股", "单产", "單產")
# 每公顷, 每万人, per 100,000 people: a quantity per unit of another is a rate, not a part
_PER_UNIT = re.compile(r"每(?![年月日天周週次])|\bper\s+(?!cent\b)", re.IGNORECASE)
MAX_DISTANCE = 2
# A relation's figures stand within this many figures of the one it is found from. A longer
# run is a list or a flattened table; pairing each of its figures with every other for each
# rate would cost the cube of its length (a hostile one-sentence text would never finish).
NEARBY_FIGURES = 12
# A "sentence" of more figures is a list or a flattened table, not prose: a figure in it is
# near only the LONG_SENTENCE figures printed around it (each detector asking for the whole
# of it for each of its figures would be quadratic in its length).
LONG_SENTENCE = 256
WHOLE = Decimal(1)  # 100%
_T = TypeVar("_T")


@dataclass(frozen=True)
class Relation:
    """One discovered relation: a rule in the public format, how it was decided, why."""

    kind: str
    facts: tuple[str, ...]
    status: str
    score: float
    rule: Mapping[str, object]
    evidence: str
    stated: str  # the printed figure the relation checks; the rule's id is made from it
    suggestion: str = ""
    asserted: str = ""  # the words that state the relation (占比, 其中, "or"); "" if inferred

    @property
    def is_asserted(self) -> bool:
        """Read from the language: checked whatever its numbers say, an error if it fails."""
        return bool(self.asserted)

    @property
    def is_finding(self) -> bool:
        return self.status in NEAR_MISSES

    def order_key(self) -> tuple[str, ...]:
        return (self.kind, *self.facts)


@dataclass(frozen=True)
class Item:
    """An extracted fact under the id its rule will use."""

    id: str
    fact: ExtractedFact
    exact: bool
    read_as: Figure | None = None  # 6.8 of 6.8:42.7:50.5 read as 6.8%

    @property
    def figure(self) -> Figure:
        return self.read_as or self.fact.figure


@dataclass
class Index:
    """The facts a detector may bind, by sentence and in reading order, with the text."""

    items: list[Item]
    extraction: Extraction
    by_sentence: dict[tuple[str, int], list[tuple[Item, Found]]] = field(default_factory=dict)
    in_order: list[tuple[Item, Found]] = field(default_factory=list)
    _masked: str | None = field(default=None, repr=False)
    _starts: list[int] | None = field(default=None, repr=False)
    _long_sentences: dict[tuple[str, int], tuple[list[tuple[Item, Found]], list[int]]] = field(
        default_factory=dict, repr=False
    )
    memo: dict[str, object] = field(default_factory=dict, repr=False)
    """What a detector computes once per text and asks many times (an index of labels)."""

    def __post_init__(self) -> None:
        for item in self.items:
            for found in item.fact.mentions:
                self.by_sentence.setdefault((found.section, found.sentence), []).append(
                    (item, found)
                )
                self.in_order.append((item, found))
        self.in_order.sort(key=lambda pair: pair[1].spot.start)

    @property
    def flat(self) -> str:
        return self.extraction.text.flat

    @property
    def starts(self) -> list[int]:
        """Where each figure of ``in_order`` begins, for bisection."""
        if self._starts is None:
            self._starts = [found.spot.start for _, found in self.in_order]
        return self._starts

    def position(self, found: Found) -> int:
        """Where ``found`` stands in ``in_order``."""
        at = bisect.bisect_left(self.starts, found.spot.start)
        while self.in_order[at][1] is not found:
            at += 1
        return at

    @property
    def masked(self) -> str:
        """The flat text with every figure found (kept or not) as ``#`` padding."""
        if self._masked is None:
            chars = list(self.flat)
            for found in self.extraction.found:
                chars[found.spot.start : found.spot.end] = "#" * (found.spot.end - found.spot.start)
            self._masked = "".join(chars)
        return self._masked

    def quote(self, start: int, end: int) -> str:
        """The report's words from ``start`` to ``end``, PDF spaces and breaks dropped."""
        return quote_words(self.flat[max(0, start) : end])

    def between(self, first: Found, second: Found) -> str:
        return self.flat[first.spot.end : second.spot.start]

    def near(self, found: Found, distance: int) -> Iterator[tuple[Item, Found, int]]:
        for step in range(-distance, distance + 1):
            key = (found.section, found.sentence + step)
            pairs = self.by_sentence.get(key, [])
            if len(pairs) > LONG_SENTENCE:
                pairs = self._window(key, pairs, found.spot.start)
            for item, other in pairs:
                yield item, other, abs(step)

    def _window(
        self, key: tuple[str, int], pairs: list[tuple[Item, Found]], at: int
    ) -> list[tuple[Item, Found]]:
        """The figures of a very long sentence printed nearest ``at``, in reading order."""
        cached = self._long_sentences.get(key)
        if cached is None:
            ordered = sorted(pairs, key=lambda pair: pair[1].spot.start)
            cached = (ordered, [found.spot.start for _, found in ordered])
            self._long_sentences[key] = cached
        ordered, starts = cached
        middle = bisect.bisect_left(starts, at)
        return ordered[max(0, middle - LONG_SENTENCE // 2) : middle + LONG_SENTENCE // 2]


Detector = Callable[[Index], Iterator[Relation]]
"""A detector reads the index and yields candidate relations; ``discover`` keeps the best."""


_COMPARISON_CUES = ("compared to", "compared with", "versus", " vs", "from", "上年", "去年同期")


_PRIOR_PERIOD = re.compile(
    r"\b(?:prior|previous|preceding)[ -](?:year|period|quarter)\b|\byear[ -](?:earlier|ago)\b"
    r"|\ba year before\b",  # not "last year": often the period the report is about
    re.IGNORECASE,
)


def is_compared(found: Found, masked: str = "") -> bool:
    """A figure of the period compared with: "compared to $36.3 million", 上年同期; with the
    text, also "This compares with $167.5 million, or 17.3% of sales, in the prior year"."""
    if has(found.context.before[-16:], _COMPARISON_CUES):
        return True
    if not masked or not is_latin(found.text):
        return False
    start, end = found.context.sentence
    before = masked[max(start, found.spot.start - 80) : found.spot.start]
    if "compare" in before.lower():
        return True
    # up to the next comparison or the second figure on: the words of this figure's period
    after = masked[found.spot.end : end].lower().split("compare", 1)[0]
    after = "#".join(after.split("#", 2)[:2])
    return _PRIOR_PERIOD.search(after) is not None


def is_latin(text: str) -> bool:
    """Text of an English (Latin-script) figure: ASCII, or with a £ € ¥ sign, a dash or a
    non-breaking space — none of the CJK or full-width characters of a Chinese one."""
    return all(char < "\u2e80" for char in text)


def in_span(index: Index, span: tuple[int, int]) -> list[tuple[Item, Found]]:
    """The figures of ``Index.in_order`` whose sentence is ``span``, in reading order (the
    figures are filed by sentence once per text)."""
    by_span = index.memo.get("by-span")
    if not isinstance(by_span, dict):
        filed: dict[tuple[int, int], list[tuple[Item, Found]]] = {}
        for pair in index.in_order:
            filed.setdefault(pair[1].context.sentence, []).append(pair)
        by_span = index.memo["by-span"] = filed
    found: list[tuple[Item, Found]] = by_span.get(span, [])
    return found


def source_lines(index: Index) -> list[str]:
    """The report's lines (``str.splitlines``), split once per text."""
    lines = index.memo.get("source-lines")
    if not isinstance(lines, list):
        lines = index.memo["source-lines"] = index.extraction.text.source.splitlines()
    return lines


def same_unit(*items: Item) -> bool:
    first = unit_of(items[0].figure)
    return all(unit_of(i.figure) == first for i in items[1:])


# Counters of people: a count of them is not one of the towns, firms or projects (个, 家, 项)
# they live in, though every counter reads as the unit ``count``.
_PERSON_COUNTERS = frozenset("人名位")


def counts_alike(*items: Item) -> bool:
    """Whether counts whose counters are printed count one kind of thing: 11个乡(镇) is not a
    whole of 1359人, nor 3千人 of 11个; 51项 and 39个 may be (both things). Amounts, and
    counts printed without a Chinese counter, are alike."""
    kinds = set()
    for item in items:
        value = item.fact.value.rstrip()
        if item.fact.kind != "count" or not value or not "\u4e00" <= value[-1] <= "\u9fff":
            continue
        kinds.add(value[-1] in _PERSON_COUNTERS or value.endswith("人次"))
    return len(kinds) <= 1


def is_quantity(item: Item) -> bool:
    return item.fact.kind in ("amount", "count") and item.figure.qualifier in ("", "about")


def is_countable(item: Item) -> bool:
    """A quantity, or a bare number (39 of the 51 projects; 27.5 million in 2033) where
    the words bind it as one: asserted relations may use it, guesses may not."""
    return is_quantity(item) or (item.fact.kind == "number" and not item.figure.qualifier)


def is_additive(item: Item) -> bool:
    """Averages (人均, per capita, per share) and rates per unit (单产每公顷, per 100,000
    people) do not add up, nor bound each other."""
    label = item.fact.label
    return is_quantity(item) and not has(label, _AVERAGES) and not _PER_UNIT.search(label)


def is_breakdown(text: str) -> bool:
    """其中, of which, 按消费类型分: the words that open a list of parts."""
    return has(text, _SUM_CUES) or _BY_KIND.search(text) is not None


_MULTIPLE_AFTER = re.compile(r"\s*(?:-\s*|\s)?fold\b|\s*times\b|\s*倍", re.IGNORECASE)


def is_multiple(index: Index, found: Found) -> bool:
    """2.5-fold, 3 times, 2.1倍: a figure that multiplies, never a change by its amount."""
    return _MULTIPLE_AFTER.match(index.masked, found.spot.end) is not None


def is_plain(item: Item) -> bool:
    figure = item.figure
    return figure.kind == "number" and figure.scale == 1 and not figure.qualifier


def printed_after(index: Index, total: Item, mention: Found) -> list[tuple[Item, Found]]:
    """Distinct facts of the total's unit printed after it, up to two sentences on."""
    out: list[tuple[Item, Found]] = []
    seen = {total.id}
    candidates = sorted(
        (
            (f.spot.start, i, f)
            for i, f, _ in index.near(mention, MAX_DISTANCE)
            if f.spot.start > mention.spot.start
        ),
        key=lambda t: t[0],
    )
    for _, item, found in candidates:
        if item.id in seen or not is_quantity(item):
            continue
        if not same_unit(total, item):
            continue
        seen.add(item.id)
        out.append((item, found))
    return out


def nearest(candidates: Sequence[_T], at: int, start_of: Callable[[_T], int]) -> list[_T]:
    """The ``NEARBY_FIGURES`` candidates printed closest to offset ``at``, in their own
    order; all of them when there are no more."""
    if len(candidates) <= NEARBY_FIGURES:
        return list(candidates)
    by_distance = sorted(range(len(candidates)), key=lambda k: abs(start_of(candidates[k]) - at))
    return [candidates[k] for k in sorted(by_distance[:NEARBY_FIGURES])]


def has(text: str, cues: Sequence[str]) -> bool:
    lowered = text.lower()
    return any(cue in lowered for cue in cues)


def where(*mentions: Found) -> str:
    first = min(mentions, key=lambda m: m.line)
    lines = sorted({m.line for m in mentions})
    section = f"{first.section} " if first.section else ""
    return f"{section}line {', '.join(map(str, lines))}"


def pct(value: Decimal | None) -> str:
    if value is None:
        return "?"
    return f"{(value * 100).quantize(Decimal('0.01'))}%"


_QUOTE_LENGTH = 80


def quote_words(text: str) -> str:
    """Words as a message quotes them: one line, no stray PDF spaces between wide
    characters, cut to a readable length."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "", text)
    if len(text) > _QUOTE_LENGTH:
        head = _QUOTE_LENGTH * 2 // 5
        text = text[:head].rstrip() + " … " + text[head - _QUOTE_LENGTH :].lstrip()
    return text

"""From a report's text to its facts: find figures, read their context, split sections,
link mentions, name facts. Pure: text in, values out.

>>> result = extract_text("全年签约项目51项。其中，六新项目39项，占比76.5%。")
>>> [(f.id, f.value, len(f.mentions)) for f in result.facts]
[('签约项目', '51项', 1), ('六新项目', '39项', 1), ('六新项目占比', '76.5%', 1)]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from factlint.extract.figures_in_text import Spot, find_figures
from factlint.extract.ids import fact_ids
from factlint.extract.labels import Context, contexts
from factlint.extract.linking import Linkable, link
from factlint.extract.sections import Section, detect_sections, section_finder
from factlint.extract.text import NormalText
from factlint.numbers.figures import Figure

_TARGET_FRAMINGS = frozenset({"目标", "target"})


@dataclass(frozen=True)
class Found:
    """One figure printed in the report, where and how."""

    context: Context
    section: str
    line: int
    column: int
    sentence: int

    @property
    def spot(self) -> Spot:
        return self.context.spot

    @property
    def figure(self) -> Figure:
        return self.context.spot.figure

    @property
    def text(self) -> str:
        return self.context.spot.text


@dataclass(frozen=True)
class ExtractedFact:
    """One quantity: every place the report prints it, a label, a kind, a framing."""

    id: str
    label: str
    kind: str
    framing: str
    mentions: tuple[Found, ...]

    @property
    def value(self) -> str:
        return self.mentions[0].text

    @property
    def figure(self) -> Figure:
        return self.mentions[0].figure

    @property
    def exact(self) -> bool:
        return self.framing in _TARGET_FRAMINGS


@dataclass(frozen=True)
class Extraction:
    text: NormalText
    sections: tuple[Section, ...]
    found: tuple[Found, ...]
    facts: tuple[ExtractedFact, ...]

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
    spots = find_figures(text)
    found = tuple(_found(text, layout, contexts(text, spots)))
    linkable = [Linkable(f.context, f.section, f.sentence) for f in found]
    groups = link(linkable)
    facts = _facts([[found[i] for i in group] for group in groups], taken_ids)
    return Extraction(text, layout, found, tuple(facts))


def _found(text: NormalText, layout: Sequence[Section], items: list[Context]) -> list[Found]:
    sentence_numbers: dict[tuple[int, int], int] = {}
    out = []
    section_at = section_finder(layout)
    for context in items:
        line, column = text.line_column(context.spot.start)
        number = sentence_numbers.setdefault(context.sentence, len(sentence_numbers))
        out.append(Found(context, section_at(line), line, column, number))
    return out


def _facts(groups: list[list[Found]], taken: Sequence[str]) -> list[ExtractedFact]:
    described = [(_common(m.context.label for m in g), g[0].context.kind, g) for g in groups]
    ids = fact_ids([(label, kind, g[0].text) for label, kind, g in described], taken)
    return [
        ExtractedFact(
            fact_id,
            label,
            kind,
            _common(m.context.framing for m in group if m.context.framing),
            tuple(group),
        )
        for fact_id, (label, kind, group) in zip(ids, described, strict=True)
    ]


def _common(values: object) -> str:
    counts = Counter(v for v in values if v)  # type: ignore[attr-defined]
    return counts.most_common(1)[0][0] if counts else ""

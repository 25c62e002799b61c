"""Extracted facts (and discovered rules) in factlint's public formats: the facts as the
plain data ``facts_from_dict`` reads, written by the one facts writer
(``loading.facts_writer``); the rules in the rules format, quoted by its ``quote``.
"""

from __future__ import annotations

import bisect
import itertools
import re
import weakref
from collections.abc import Iterable, Mapping, Sequence, Sized
from typing import cast

from factlint.engine.quotes import figure_offset, fold
from factlint.extract.pipeline import ExtractedFact, Extraction, Found
from factlint.extract.signs import decline_start
from factlint.extract.text import NormalText
from factlint.loading.facts_writer import facts_text, quote

_QUOTE_BEFORE, _QUOTE_AFTER = 10, 4
_QUOTE_STOPS = "。！？!?；;\n"
_QUOTE_STOP = re.compile("[" + re.escape(_QUOTE_STOPS) + "]")


def facts_data(
    extraction: Extraction,
    *,
    report_id: str,
    source: str,
    facts: Sequence[ExtractedFact] | None = None,
) -> dict[str, object]:
    """The facts file as plain data (what ``facts_from_dict`` reads)."""
    chosen = extraction.facts if facts is None else facts
    report: dict[str, object] = {"id": report_id, "source": source}
    if extraction.sections:
        report["sections"] = {s.name: [s.first, s.last] for s in extraction.sections}
    return {"report": report, "facts": {f.id: fact_data(extraction, f) for f in chosen}}


def fact_data(extraction: Extraction, fact: ExtractedFact) -> dict[str, object]:
    data: dict[str, object] = {}
    if fact.label:
        data["label"] = fact.label
    data["value"] = fact.value
    if fact.framing:
        data["qualifier"] = fact.framing
    if fact.exact:
        data["exact"] = True
    data["aspects"] = {"kind": fact.kind}
    data["mentions"] = [mention_data(extraction, fact, m) for m in fact.mentions]
    return data


def mention_data(extraction: Extraction, fact: ExtractedFact, found: Found) -> dict[str, object]:
    fields: dict[str, object] = {}
    if found.section:
        fields["section"] = found.section
    fields["line"] = found.line
    fields["quote"] = quote_of(extraction, found)
    if found.unit:  # a table cell printed bare: its column's header gives the unit
        fields["value"] = found.written  # signed when printed in brackets: (1,204)
        fields["unit"] = found.unit
    elif found.written != fact.value:
        fields["value"] = found.written
    framing = found.context.framing
    if framing and framing != fact.framing:
        fields["qualifier"] = framing
    return fields


def facts_yaml(data: Mapping[str, object], *, source: str, header: str = "") -> str:
    """``facts_data`` as a facts file (``facts_writer.facts_text``) under a note on where
    it comes from."""
    facts: Mapping[str, Mapping[str, object]] = data["facts"]  # type: ignore[assignment]
    mentions = sum(len(cast("Sized", f["mentions"])) for f in facts.values())
    comments = [
        f"Facts of {source}, extracted by `factlint extract`: {len(facts)} facts, "
        f"{mentions} mentions.",
        "Review labels and links; `factlint extract --update` keeps every hand edit.",
    ]
    if header:
        comments.append(header)
    return facts_text(data, comments)


def quote_of(extraction: Extraction, found: Found) -> str:
    """A few words around the figure, as printed, that the sync check finds again: within
    its section, not cutting the figures beside it."""
    text, spot = extraction.text, found.spot
    shown = text.shown
    neighbours = _neighbours(extraction)
    low, high = neighbours.limits(found)
    # back to just after the last stop within reach, forward to the first (or the reach)
    start, reach = spot.start, max(low, spot.start - _QUOTE_BEFORE)
    if start > reach:
        start = max(reach, neighbours.last_stop(reach, start) + 1)
    end, reach = spot.end, min(high, spot.end + _QUOTE_AFTER)
    if end < reach:
        stop = neighbours.first_stop(end, reach)
        end = reach if stop is None else stop
    if spot.value:  # a decline: the quote keeps the words that make it one
        said = decline_start(text, spot)
        if said is not None and said >= low:
            start = min(start, said)
    # the words after the figure may glue to it once spaces are folded away (29 09:43
    # reads 2909:43): then the quote ends with the figure
    figure = neighbours.folded(spot.text)
    for begin, finish in ((start, end), (spot.start, end), (start, spot.end)):
        before = folded_slice(text, begin, spot.start)
        if figure_offset(before + folded_slice(text, spot.start, finish), figure) == len(before):
            return shown[begin:finish].strip()
    return shown[spot.start : spot.end]


def folded_slice(text: NormalText, start: int, end: int) -> str:
    """``fold(text.shown[start:end])``, which ``strip`` does not change: ``flat`` is
    ``shown`` with the full-width forms folded, so only the spaces are left to drop (by
    ``split``, whose spaces are ``\\s``'s), with no call per full-width character."""
    return "".join(text.flat[start:end].split())


class _Neighbours:
    """Where the figures of one extraction start and end, for bisection: the end of the
    last figure before a span and the start of the first one after it, in O(log n)."""

    def __init__(self, extraction: Extraction) -> None:
        self.starts = [found.spot.start for found in extraction.found]
        self.ends = [found.spot.end for found in extraction.found]
        self.sorted = _ascending(self.starts) and _ascending(self.ends)
        # where the quotes' stops are printed (found once, not searched for per figure)
        self.stops = [match.start() for match in _QUOTE_STOP.finditer(extraction.text.shown)]
        self.length = len(extraction.text)
        self._folded: dict[str, str] = {}
        # Where each section's text starts and ends (the last section of a name wins).
        text = extraction.text
        self.section_bounds: dict[str, tuple[int, int]] = {}
        for section in extraction.sections:
            high = (
                text.index_of_line(section.last + 1)
                if section.last < len(text.line_starts)
                else len(text)
            )
            self.section_bounds[section.name] = (text.index_of_line(section.first), high)

    def around(self, start: int, end: int) -> tuple[int | None, int | None]:
        """As a scan in order would find them: the first figure starting at or after
        ``end``, and the largest end at or before ``start`` among the figures before it."""
        if not self.sorted:
            return self._scanned(start, end)
        first_after = bisect.bisect_left(self.starts, end)
        last_before = bisect.bisect_right(self.ends, start, 0, first_after) - 1
        return (
            self.ends[last_before] if last_before >= 0 else None,
            self.starts[first_after] if first_after < len(self.starts) else None,
        )

    def limits(self, found: Found) -> tuple[int, int]:
        """Where ``found``'s quote may reach: its section, up to the figures beside it."""
        low, high = self.section_bounds.get(found.section, (0, self.length))
        before, after = self.around(found.spot.start, found.spot.end)
        return (low if before is None else max(low, before)), (
            high if after is None else min(high, after)
        )

    def folded(self, figure: str) -> str:
        """``fold(figure)``, kept: a report prints the same figures again and again."""
        folded = self._folded.get(figure)
        if folded is None:
            folded = self._folded[figure] = fold(figure)
        return folded

    def last_stop(self, start: int, end: int) -> int:
        """The last stop in ``shown[start:end]`` (its index), or -1."""
        index = bisect.bisect_left(self.stops, end) - 1
        return self.stops[index] if index >= 0 and self.stops[index] >= start else -1

    def first_stop(self, start: int, end: int) -> int | None:
        """The first stop in ``shown[start:end]`` (its index), or None."""
        index = bisect.bisect_left(self.stops, start)
        return self.stops[index] if index < len(self.stops) and self.stops[index] < end else None

    def _scanned(self, start: int, end: int) -> tuple[int | None, int | None]:
        before: int | None = None
        for other_start, other_end in zip(self.starts, self.ends, strict=True):
            if other_end <= start:
                before = other_end if before is None else max(before, other_end)
            elif other_start >= end:
                return before, other_start
        return before, None


def _ascending(values: list[int]) -> bool:
    return all(a <= b for a, b in itertools.pairwise(values))


_LAST_NEIGHBOURS: list[tuple[weakref.ref[Extraction], _Neighbours]] = []


def _neighbours(extraction: Extraction) -> _Neighbours:
    """The neighbours of the extraction being written (the last one is kept, weakly: an
    extraction is written mention after mention)."""
    if _LAST_NEIGHBOURS and _LAST_NEIGHBOURS[0][0]() is extraction:
        return _LAST_NEIGHBOURS[0][1]
    neighbours = _Neighbours(extraction)
    _LAST_NEIGHBOURS[:] = [(weakref.ref(extraction), neighbours)]
    return neighbours


def rules_yaml(facts_path: str, rules: Iterable[Mapping[str, object]], header: str = "") -> str:
    """Rules in the public rules format; each rule a mapping of id, kind, parameters, …"""
    lines = ["# Relations found by `factlint discover`; each message says what ties them."]
    if header:
        lines.append(f"# {header}")
    lines += [f"facts: {quote(facts_path)}", "rules:"]
    chosen = list(rules)
    if not chosen:
        lines[-1] = "rules: []"
    for rule in chosen:
        first = True
        for key, value in rule.items():
            lead = "  - " if first else "    "
            first = False
            lines.append(f"{lead}{key}: {_rule_value(value)}")
    return "\n".join(lines) + "\n"


def _rule_value(value: object) -> str:
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {_rule_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_rule_value(v) for v in value) + "]"
    return quote(str(value))

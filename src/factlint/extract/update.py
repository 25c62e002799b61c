"""Merge a fresh extraction into a hand-curated facts file without losing a hand edit.

The curated file is edited as text, never rewritten: every id, label, note, comment and
mention stays byte for byte. What the extraction adds goes in as new lines: a mention the
file lacks of a fact it has goes after that fact's last mention; a quantity it lacks
becomes a new fact at the end of ``facts:``. A curated mention is matched to an extracted
one by line and printed figure; one whose quote the text no longer prints is reported as
gone, and kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factlint.engine.quotes import FoldedText, quote_problems
from factlint.errors import FactlintError
from factlint.extract.pipeline import ExtractedFact, Extraction, Found, extract_text
from factlint.extract.sections import sections_from_mapping
from factlint.extract.writer import fact_data, mention_data
from factlint.loading.facts_writer import fact_lines, flow
from factlint.loading.facts_yaml import load_facts
from factlint.loading.yaml_nodes import YamlMapping, YamlNode, YamlSequence
from factlint.loading.yaml_parse import parse_yaml
from factlint.model import FactSet, Mention
from factlint.numbers.figures import figure_digits

Key = tuple[int, str]


@dataclass
class Update:
    """The merged file's text and what changed."""

    text: str
    new_facts: list[str] = field(default_factory=list)
    new_mentions: list[tuple[str, int]] = field(default_factory=list)
    gone: list[tuple[str, int | None, str]] = field(default_factory=list)
    unseen: list[tuple[str, int | None]] = field(default_factory=list)
    skipped: list[tuple[str, int]] = field(default_factory=list)

    def summary(self) -> list[str]:
        lines = [f"new fact {fact_id}" for fact_id in self.new_facts] + [
            f"new mention of {fact_id} at line {line}" for fact_id, line in self.new_mentions
        ]
        lines += [
            f"gone: {fact_id} at line {line or '?'} «{quote}» is no longer in the text (kept)"
            for fact_id, line, quote in self.gone
        ]
        lines += [
            f"kept: {fact_id} at line {line or '?'} (not found by the extractor)"
            for fact_id, line in self.unseen
        ]
        lines += [
            f"not added: a mention of {fact_id} at line {line} (the fact has no mentions list)"
            for fact_id, line in self.skipped
        ]
        return lines


def update_facts(
    curated_path: Path, report_text: str, *, allow_outside_source: bool = False
) -> Update:
    """The curated file merged with what ``report_text`` prints now (its ``source:`` is
    read only inside its folder unless ``allow_outside_source``)."""
    curated = load_facts(curated_path, allow_outside_source=allow_outside_source)
    text = curated_path.read_text(encoding="utf-8")
    root = parse_yaml(text, str(curated_path))
    sections = sections_from_mapping(curated.report.sections) if curated.report.sections else None
    extraction = extract_text(report_text, sections, taken_ids=tuple(curated.facts))
    curated_at = _curated_keys(curated, report_text)
    result = Update(text)
    insertions: list[tuple[int, list[str]]] = []
    facts_node = _facts_node(root, curated_path)
    new_facts: list[ExtractedFact] = []
    for fact in extraction.facts:
        owners = [curated_at[k] for k in (_key(m) for m in fact.mentions) if k in curated_at]
        missing = [m for m in fact.mentions if _key(m) not in curated_at]
        if not owners:
            new_facts.append(fact)
            continue
        owner = owners[0]
        for found in missing:
            lines = _mention_insertion(text, facts_node, owner, extraction, fact, found)
            if lines is None:
                result.skipped.append((owner, found.line))
                continue
            insertions.append(lines)
            result.new_mentions.append((owner, found.line))
    if new_facts:
        insertions.append(_facts_insertion(text, root, facts_node, extraction, new_facts))
        result.new_facts = [f.id for f in new_facts]
    seen = {_key(m) for m in extraction.found}
    result.gone, result.unseen = _missing(curated, report_text, seen)
    result.text = _apply(text, insertions)
    return result


def _key(found: Found) -> Key:
    return (found.line, figure_digits(found.text))


def _curated_keys(curated: FactSet, report_text: str) -> dict[Key, str]:
    folded = FoldedText.of(report_text)
    keys: dict[Key, str] = {}
    for fact in curated.facts.values():
        for mention in fact.mentions:
            for line in _lines_of(mention, folded):
                keys.setdefault((line, figure_digits(mention.figure.text)), fact.id)
    return keys


def _lines_of(mention: Mention, folded: FoldedText) -> Sequence[int]:
    if mention.line is not None:
        return (mention.line,)
    quote = figure_digits(mention.quote)
    figure = figure_digits(mention.figure.text)
    offset = quote.find(figure)
    if not quote or offset < 0:
        return ()
    return tuple(folded.lines[start + offset] for start in folded.occurrences(quote))


def _missing(
    curated: FactSet, report_text: str, seen: set[Key]
) -> tuple[list[tuple[str, int | None, str]], list[tuple[str, int | None]]]:
    moved = {
        (p.fact.id, p.mention.line, p.mention.quote)
        for p in quote_problems(curated, FoldedText.of(report_text))
        if p.check == "quote-in-source"
    }
    gone = sorted(moved, key=lambda g: (g[1] or 0, g[0]))
    unseen: list[tuple[str, int | None]] = []
    for fact in curated.facts.values():
        for mention in fact.mentions:
            if (fact.id, mention.line, mention.quote) in moved or mention.line is None:
                continue
            if (mention.line, figure_digits(mention.figure.text)) not in seen:
                unseen.append((fact.id, mention.line))
    return gone, unseen


def _facts_node(root: YamlNode | None, path: Path) -> YamlMapping:
    facts = root.get("facts") if isinstance(root, YamlMapping) else None
    if not isinstance(facts, YamlMapping):
        raise FactlintError("the facts file has no 'facts:' mapping to update", str(path))
    return facts


def _mention_insertion(
    text: str,
    facts: YamlMapping,
    fact_id: str,
    extraction: Extraction,
    fact: ExtractedFact,
    found: Found,
) -> tuple[int, list[str]] | None:
    node = facts.get(fact_id)
    if not isinstance(node, YamlMapping):
        return None
    mentions = node.get("mentions")
    if not isinstance(mentions, YamlSequence) or not mentions.items:
        return None
    lines = text.split("\n")
    first = mentions.items[0].mark
    dash = lines[first.line - 1].rfind("-", 0, first.column)
    indent = " " * max(dash, 0)
    after = _end_of(lines, _next_line(node, "mentions", facts, fact_id, len(lines)))
    return after, [f"{indent}- {flow(mention_data(extraction, fact, found))}"]


def _next_line(node: YamlMapping, key: str, facts: YamlMapping, fact_id: str, total: int) -> int:
    """The line where what follows ``key`` in ``node`` starts (or the next fact's, or EOF)."""
    keys = node.keys()
    position = keys.index(key)
    if position + 1 < len(keys):
        following = node.key_node(keys[position + 1])
        assert following is not None
        return following.mark.line
    fact_keys = facts.keys()
    index = fact_keys.index(fact_id)
    if index + 1 < len(fact_keys):
        following = facts.key_node(fact_keys[index + 1])
        assert following is not None
        return following.mark.line
    return total + 1


def _end_of(lines: list[str], next_line: int) -> int:
    """The last line of content before ``next_line``, skipping blank and comment lines."""
    end = next_line - 1
    while end > 0 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    return end


def _facts_insertion(
    text: str,
    root: YamlNode | None,
    facts: YamlMapping,
    extraction: Extraction,
    new: list[ExtractedFact],
) -> tuple[int, list[str]]:
    lines = text.split("\n")
    indent = " " * (facts.items[0][0].mark.column - 1) if facts.items else "  "
    end = len(lines) + 1
    if isinstance(root, YamlMapping):
        keys = root.keys()
        position = keys.index("facts")
        if position + 1 < len(keys):
            following = root.key_node(keys[position + 1])
            assert following is not None
            end = following.mark.line
    block = ["", f"{indent}# added by factlint extract --update: review these"]
    for fact in new:
        block += fact_lines(fact.id, fact_data(extraction, fact), indent=indent)
    return _end_of(lines, end), block


def _apply(text: str, insertions: list[tuple[int, list[str]]]) -> str:
    lines = text.split("\n")
    trailing = lines and lines[-1] == ""
    if trailing:
        lines.pop()
    # Later lines first, so earlier positions stay valid; equal positions keep their order.
    ordered = sorted(enumerate(insertions), key=lambda item: (item[1][0], item[0]), reverse=True)
    for _, (after, block) in ordered:
        at = min(after, len(lines))
        lines[at:at] = block
    return "\n".join(lines) + ("\n" if trailing else "")

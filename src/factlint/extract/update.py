"""Merge a fresh extraction into a hand-curated facts file without losing a hand edit.

The curated file is edited as text, never rewritten: every id, label, note, comment,
mention, line break, byte order mark and the encoding (UTF-8 or UTF-16) stay as they are.
What the extraction adds is inserted where the YAML nodes say (``loading.facts_edit``): a
mention the file lacks of a fact it has after that fact's last mention, a quantity it lacks
as a new fact at the end of ``facts:``. Which fact a mention belongs to is decided by where
the curated mentions are printed and by the extractor's linking (``update_match``); one
whose quote the text no longer prints is reported as gone, and kept. The merged text is
loaded again with the facts loader and must give the curated facts unchanged plus exactly
the new mentions and facts; otherwise nothing is written and the error names the spot.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from factlint.engine.quotes import FoldedText, quote_problems
from factlint.errors import FactlintError
from factlint.extract.pipeline import Extraction, Found, extract_text
from factlint.extract.sections import sections_from_mapping
from factlint.extract.update_match import plan_update
from factlint.extract.writer import fact_data, mention_data
from factlint.loading.facts_edit import FactsDocument, Insertion, apply
from factlint.loading.facts_jsonl import is_jsonl
from factlint.loading.facts_yaml import facts_from_text
from factlint.loading.textfile import (
    DEFAULT_MAX_BYTES,
    display_path,
    encode_as,
    line_and_column,
    normalise_newlines,
    read_encoded,
)
from factlint.model import Fact, FactSet, Mention
from factlint.numbers.figures import figure_digits

Key = tuple[int, str]


@dataclass
class Update:
    """The merged file's text and what changed."""

    text: str
    """The merged file's text, line breaks as the file has them, without its BOM."""
    encoding: str = "utf-8"
    """The file's encoding, to write it back in (``textfile.read_encoded``)."""
    new_facts: list[str] = field(default_factory=list)
    new_mentions: list[tuple[str, int]] = field(default_factory=list)
    gone: list[tuple[str, int | None, str]] = field(default_factory=list)
    unseen: list[tuple[str, int | None]] = field(default_factory=list)
    skipped: list[tuple[str, int, str]] = field(default_factory=list)

    @property
    def data(self) -> bytes:
        """The merged file as bytes, in the curated file's encoding."""
        return encode_as(self.text, self.encoding)

    @property
    def changed(self) -> bool:
        return bool(self.new_facts or self.new_mentions)

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
            f"not added: the mention at line {line} near {fact_id} ({why})"
            for fact_id, line, why in self.skipped
        ]
        return lines


def update_facts(
    curated_path: Path, report_text: str, *, allow_outside_source: bool = False
) -> Update:
    """The curated file merged with what ``report_text`` prints now (its ``source:`` is
    read only inside its folder unless ``allow_outside_source``). A file that cannot be
    edited safely, or whose edit would not load as the same facts plus the new mentions,
    is a FactlintError naming where."""
    shown = display_path(curated_path)
    if is_jsonl(curated_path.name):
        raise FactlintError("--update edits YAML facts files, not JSON Lines", shown)
    raw, encoding = read_encoded(curated_path, what="facts file")
    curated = _load(raw, curated_path, shown, allow_outside_source)
    sections = sections_from_mapping(curated.report.sections) if curated.report.sections else None
    extraction = extract_text(report_text, sections, taken_ids=tuple(curated.facts))
    plan = plan_update(curated, extraction, report_text)
    result = Update(raw, encoding=encoding, skipped=plan.skipped)
    added: dict[str, list[dict[str, object]]] = {}
    for owner, found in plan.mentions.items():
        added[owner] = [_mention_of(curated, owner, extraction, m) for m in found]
        result.new_mentions += [(owner, m.line) for m in found]
    new_facts = {fact.id: fact_data(extraction, fact) for fact in plan.facts}
    result.new_facts = list(new_facts)
    seen = {_key(m) for m in extraction.found}
    result.gone, result.unseen = _missing(curated, report_text, seen)
    if not added and not new_facts:
        return result
    document = FactsDocument(raw, shown)
    insertions = [i for owner, data in added.items() for i in document.add_mentions(owner, data)]
    insertions += document.add_facts(new_facts)
    result.text = apply(raw, insertions)
    if len(result.data) > DEFAULT_MAX_BYTES:
        message = "cannot update: the merged file would be larger than a facts file may be"
        raise FactlintError(message, *_where(raw, shown, insertions))
    merged = _load(result.text, curated_path, shown, allow_outside_source, insertions, raw)
    _verify(curated, merged, added, new_facts, _where(raw, shown, insertions))
    return result


def _mention_of(
    curated: FactSet, owner: str, extraction: Extraction, found: Found
) -> dict[str, object]:
    """The new mention's fields, its value written when the owner's is not its own."""
    fact = extraction.fact_of(found)
    data = mention_data(extraction, fact, found)
    value = curated.facts[owner].figure.text
    if "unit" not in data:
        data.pop("value", None)
        if found.written != value:
            data["value"] = found.written
    return data


def _load(
    text: str,
    path: Path,
    shown: str,
    allow_outside: bool,
    insertions: Sequence[Insertion] = (),
    original: str = "",
) -> FactSet:
    try:
        return facts_from_text(
            normalise_newlines(text), path, allow_outside_source=allow_outside, shown=shown
        )
    except FactlintError as error:
        if not insertions:
            raise
        where = _where(original, shown, insertions)
        raise FactlintError(
            f"cannot update: the merged file would not load ({error.message}); nothing was written",
            *where,
        ) from None


def _where(text: str, shown: str, insertions: Sequence[Insertion]) -> tuple[str, int, int]:
    """The file and the line and column of the first insertion, in the original text."""
    before = normalise_newlines(text[: min(i.index for i in insertions)])
    line, column = line_and_column(before + "?", len(before))
    return shown, line, column


def _verify(
    before: FactSet,
    after: FactSet,
    added: dict[str, list[dict[str, object]]],
    new_facts: Mapping[str, object],
    where: tuple[str, int, int],
) -> None:
    """The merged file's facts are the curated ones, in their order, each unchanged but for
    the mentions added at its end, followed by the new facts."""
    problem = ""
    if list(after.facts) != [*before.facts, *new_facts]:
        problem = "its facts are not the curated ones followed by the new ones"
    elif _bare(after.report) != _bare(before.report):
        problem = "its report: would change"
    for fact_id, fact in before.facts.items():
        if problem:
            break
        merged = after.facts[fact_id]
        extra = added.get(fact_id, [])
        count = len(fact.mentions)
        if _bare(replace(merged, mentions=())) != _bare(replace(fact, mentions=())):
            problem = f"fact '{fact_id}' would change"
        elif [_bare(m) for m in merged.mentions[:count]] != [_bare(m) for m in fact.mentions]:
            problem = f"the mentions of '{fact_id}' would change"
        elif [(m.line, m.quote) for m in merged.mentions[count:]] != [
            (data.get("line"), data.get("quote")) for data in extra
        ]:
            problem = f"'{fact_id}' would not gain exactly its new mentions"
    if problem:
        raise FactlintError(f"cannot update: {problem}; nothing was written", *where)


def _bare(value: object) -> object:
    """A fact, mention or report without the places it is declared at (which move)."""
    if isinstance(value, Mention | Fact):
        return replace(value, declared_at=None)
    return value


def _key(found: Found) -> Key:
    return (found.line, figure_digits(found.text))


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

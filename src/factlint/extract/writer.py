"""Write extracted facts (and discovered rules) as YAML in factlint's public formats.

Every string is written double-quoted (JSON string syntax is YAML), so no figure ever
passes through a YAML number. Mentions are one flow mapping a line, so a facts file of a
hundred figures stays readable and diffs line by line.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence, Sized
from pathlib import Path
from typing import cast

from factlint.engine.quotes import figure_offset, fold
from factlint.extract.pipeline import ExtractedFact, Extraction, Found

_QUOTE_BEFORE, _QUOTE_AFTER = 10, 4
_QUOTE_STOPS = "。！？!?；;\n"


def q(text: str) -> str:
    """``text`` as a double-quoted YAML scalar."""
    return json.dumps(text, ensure_ascii=False)


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
    if found.text != fact.value:
        fields["value"] = found.text
    framing = found.context.framing
    if framing and framing != fact.framing:
        fields["qualifier"] = framing
    return fields


def facts_yaml(data: Mapping[str, object], *, source: str, header: str = "") -> str:
    """``facts_data`` as a facts file: one mention a line, every string quoted."""
    facts: Mapping[str, Mapping[str, object]] = data["facts"]  # type: ignore[assignment]
    report: Mapping[str, object] = data["report"]  # type: ignore[assignment]
    mentions = sum(len(cast("Sized", f["mentions"])) for f in facts.values())
    lines = [
        f"# Facts of {source}, extracted by `factlint extract`: {len(facts)} facts, "
        f"{mentions} mentions.",
        "# Review labels and links; `factlint extract --update` keeps every hand edit.",
    ]
    if header:
        lines.append(f"# {header}")
    lines += ["report:", f"  id: {q(str(report['id']))}", f"  source: {q(str(report['source']))}"]
    sections: Mapping[str, list[int]] = report.get("sections", {})  # type: ignore[assignment]
    if sections:
        lines.append("  sections:")
        lines += [f"    {q(name)}: [{a}, {b}]" for name, (a, b) in sections.items()]
    lines.append("facts:")
    for fact_id, fact in facts.items():
        lines += fact_lines(fact_id, fact, indent="  ")
    return "\n".join(lines) + "\n"


def fact_lines(fact_id: str, fact: Mapping[str, object], *, indent: str) -> list[str]:
    lines = [f"{indent}{fact_id}:"]
    inner = indent + "  "
    for key, value in fact.items():
        if key == "mentions":
            lines.append(f"{inner}mentions:")
            lines += [f"{inner}  - {flow(m)}" for m in value]  # type: ignore[attr-defined]
        else:
            lines.append(f"{inner}{key}: {_scalar_or_flow(value)}")
    return lines


def _scalar_or_flow(value: object) -> str:
    if isinstance(value, Mapping):
        return flow(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return q(str(value))


def flow(fields: Mapping[str, object]) -> str:
    items = (
        f"{k}: {v if isinstance(v, int) and not isinstance(v, bool) else q(str(v))}"
        for k, v in fields.items()
    )
    return "{" + ", ".join(items) + "}"


def quote_of(extraction: Extraction, found: Found) -> str:
    """A few words around the figure, as printed, that the sync check finds again: within
    its section, not cutting the figures beside it."""
    text, spot = extraction.text, found.spot
    shown = text.shown
    low, high = _limits(extraction, found)
    start = spot.start
    while start > max(low, spot.start - _QUOTE_BEFORE) and shown[start - 1] not in _QUOTE_STOPS:
        start -= 1
    end = spot.end
    while end < min(high, spot.end + _QUOTE_AFTER) and shown[end] not in _QUOTE_STOPS:
        end += 1
    quote = shown[start:end].strip()
    offset = figure_offset(fold(quote), fold(spot.text))
    if offset is None or offset != len(fold(shown[start : spot.start])):
        quote = shown[spot.start : end].strip()
    return quote


def _limits(extraction: Extraction, found: Found) -> tuple[int, int]:
    text = extraction.text
    low, high = 0, len(text)
    for section in extraction.sections:
        if section.name == found.section:
            low = text.index_of_line(section.first)
            high = (
                text.index_of_line(section.last + 1)
                if section.last < len(text.line_starts)
                else high
            )
    for other in extraction.found:
        if other.spot.end <= found.spot.start:
            low = max(low, other.spot.end)
        elif other.spot.start >= found.spot.end:
            high = min(high, other.spot.start)
            break
    return low, high


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it into place."""
    directory = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def rules_yaml(facts_path: str, rules: Iterable[Mapping[str, object]], header: str = "") -> str:
    """Rules in the public rules format; each rule a mapping of id, kind, parameters, …"""
    lines = ["# Relations found by `factlint discover`; each message says what ties them."]
    if header:
        lines.append(f"# {header}")
    lines += [f"facts: {q(facts_path)}", "rules:"]
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
    return q(str(value))

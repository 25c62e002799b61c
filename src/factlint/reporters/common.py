"""What the CI formats share: where a finding is, its long explanation, unique fingerprints.

>>> from factlint.model import Finding, Location, MentionRef, Severity
>>> mention = MentionRef("share", "76.5%", "body", "占比76.5%", "report.txt", 12,
...                      Location("report.facts.yaml", 30, 5))
>>> finding = Finding("six-new-share", "share", "inconsistent", Severity.ERROR, "off",
...                   mentions=(mention,), rule_at=Location("report.rules.yaml", 4, 3))
>>> primary_location(finding)
Location(path='report.txt', line=12, column=None)
>>> facts_locations(finding)
[Location(path='report.facts.yaml', line=30, column=5)]
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath
from typing import TypeGuard

from factlint.model import Finding, Location, RuleResult
from factlint.reporters.text_format import finding_details


def primary_location(finding: Finding) -> Location | None:
    """Where an editor fixes the finding: the report text's line of the stated figure (its
    first mention printed at a known line; else the first such mention of any figure),
    else the rule's own line."""
    placed = [m for m in finding.mentions if m.file and m.line is not None]
    stated = finding.stated.figure if finding.stated else ""
    chosen = next((m for m in placed if stated and m.figure == stated), None)
    chosen = chosen or (placed[0] if placed else None)
    if chosen is not None and chosen.file is not None:
        return Location(chosen.file, chosen.line)
    return rule_location(finding)


def rule_location(finding: Finding) -> Location | None:
    """The line of the rule (or, for an implicit check, of the fact) in its file."""
    return finding.rule_at if _in_a_file(finding.rule_at) else None


def facts_locations(finding: Finding) -> list[Location]:
    """The facts-file lines that declare the finding's mentions, each once, in order."""
    return list(dict.fromkeys(m.declared_at for m in finding.mentions if _in_a_file(m.declared_at)))


def _in_a_file(location: Location | None) -> TypeGuard[Location]:
    """False for nothing, and for the ``<facts>``/``<rules>`` names of in-memory documents."""
    return location is not None and not (
        location.path.startswith("<") and location.path.endswith(">")
    )


def explanation(finding: Finding) -> str:
    """The message with the arithmetic and the mentions beneath it, as the text format
    prints them."""
    details = [line.strip() for line in finding_details(finding)]
    return "\n".join([finding.message, *details])


def rule_description(result: RuleResult) -> tuple[str, str]:
    """What a rule holds, short (one line) and full: its message, else its kind and
    facts; an implicit check's own description."""
    kind = result.kind
    if result.implicit:
        text = result.message or f"The implicit check {result.rule}."
        return text, f"{text} An implicit check: it runs with no rule written."
    facts = ", ".join(result.facts) or "no facts"
    plain = f"A '{kind}' rule over {facts}."
    if not result.message:
        return plain, plain
    where = f", declared at {result.declared_at}" if result.declared_at else ""
    short = result.message.strip().splitlines()[0]
    return short, f"{result.message} ('{kind}' rule over {facts}{where})"


def kind_label(item: Finding | RuleResult) -> str:
    """The kind as the output documents name it: a rule's kind; ``implicit:<check>`` for
    an implicit check; ``skipped:<kind>`` for a rule the configuration skips."""
    if item.implicit:
        return f"implicit:{item.rule}"
    if isinstance(item, RuleResult) and item.skip_reason is not None:
        return f"skipped:{item.kind}"
    return item.kind


def unique_fingerprints(findings: Iterable[Finding]) -> list[str]:
    """Each finding's fingerprint, a repeat suffixed with its ordinal so none is shared
    (two quotes of one figure in one section would otherwise collide)."""
    seen: dict[str, int] = {}
    unique = []
    for finding in findings:
        count = seen.get(finding.fingerprint, 0)
        seen[finding.fingerprint] = count + 1
        unique.append(finding.fingerprint if count == 0 else f"{finding.fingerprint}-{count}")
    return unique


def posix(path: str) -> str:
    """A path with forward slashes, as CI systems and URIs expect."""
    return PurePath(path).as_posix()

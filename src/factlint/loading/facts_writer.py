"""Write a ``FactSet`` back as a facts file, the public format ``load_facts`` reads.

Every string is double-quoted (so a figure keeps its printed text: ``"76.50"`` stays two
places), and loading the output gives the same facts again, up to the lines they are
declared on. What the model does not keep (``note``) is not written.

>>> from factlint.loading.facts_yaml import facts_from_dict
>>> print(dump_facts(facts_from_dict({"report": {"id": "demo"},
...     "facts": {"share": {"value": "76.50%", "decimals": 2}}})), end="")
report:
  id: "demo"
facts:
  share:
    value: "76.50%"
    decimals: 2
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

from factlint.model import Fact, FactSet, Mention, ReportInfo, Tolerance

_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_YAML_WORDS = frozenset({"yes", "no", "on", "off", "true", "false", "null", "y", "n"})
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def dump_facts(facts: FactSet, *, source_base: str | os.PathLike[str] | None = None) -> str:
    """The facts file for ``facts``.

    ``source`` is written relative to ``source_base`` (default: the folder of
    ``facts.path``, where the facts were loaded from), as ``load_facts`` resolves it.
    """
    base = source_base if source_base is not None else os.path.dirname(facts.path or "")
    lines = ["report:", *_report(facts.report, str(base)), "facts:"]
    if not facts.facts:
        lines[-1] = "facts: {}"
    for fact in facts.facts.values():
        lines.append(f"  {key(fact.id)}:")
        lines.extend(_fact(fact, facts.report))
    return "\n".join(lines) + "\n"


def quote(text: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly ``text``.

    >>> quote('76.5%'), quote('a "b"\\n')
    ('"76.5%"', '"a \\\\"b\\\\"\\\\n"')
    """
    return '"' + "".join(_escape(char) for char in text) + '"'


def key(text: str) -> str:
    """A mapping key: plain when YAML reads it back as the same string, else quoted."""
    if _PLAIN_KEY.fullmatch(text) and text.lower() not in _YAML_WORDS:
        return text
    return quote(text)


def _escape(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    if 0x20 <= code <= 0x7E or (0xA0 <= code <= 0xFFFD and code not in _NOT_PRINTED):
        return char
    if 0x10000 <= code <= 0x10FFFF:
        return char
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


# Outside YAML's printable set, or read as a line break or byte order mark by PyYAML.
_NOT_PRINTED = frozenset({0x2028, 0x2029, 0xFEFF, *range(0xD800, 0xE000)})


def _report(report: ReportInfo, base: str) -> Iterator[str]:
    yield f"  id: {quote(report.id)}"
    if report.title:
        yield f"  title: {quote(report.title)}"
    if report.source is not None:
        yield f"  source: {quote(_relative(report.source, base))}"
    if report.period:
        yield f"  period: {quote(report.period)}"
    if report.entity:
        yield f"  entity: {quote(report.entity)}"
    if report.rounding:
        yield f"  rounding: {quote(report.rounding)}"
    if report.sections:
        yield "  sections:"
        for name, (first, last) in report.sections.items():
            yield f"    {quote(name)}: [{first}, {last}]"


def _relative(path: str, base: str) -> str:
    if os.path.isabs(path):
        return path
    return os.path.relpath(path, base or os.curdir)


def _fact(fact: Fact, report: ReportInfo) -> Iterator[str]:
    yield f"    value: {quote(fact.figure.text)}"
    if fact.label:
        yield f"    label: {quote(fact.label)}"
    yield from _aspects(fact, report)
    if fact.qualifier:
        yield f"    qualifier: {quote(fact.qualifier)}"
    if fact.exact:
        yield "    exact: true"
    if fact.decimals is not None:
        yield f"    decimals: {fact.decimals}"
    if fact.tolerance is not None:
        yield f"    tolerance: {_tolerance(fact.tolerance)}"
    if not _only_the_default_mention(fact):
        yield "    mentions:"
        for mention in fact.mentions:
            yield from _mention(mention, fact)


def _aspects(fact: Fact, report: ReportInfo) -> Iterator[str]:
    inherited = {"period": report.period, "entity": report.entity}
    extra = {name: value for name, value in fact.aspects.items() if name not in inherited}
    for name in ("period", "entity"):
        value = fact.aspects.get(name)
        if value is not None and value != inherited[name]:
            yield f"    {name}: {quote(value)}"
    if extra:
        yield "    aspects:"
        for name, value in extra.items():
            yield f"      {quote(name)}: {quote(value)}"


def _tolerance(tolerance: Tolerance) -> str:
    figure = quote(tolerance.figure.text)
    return f"{{relative: {figure}}}" if tolerance.relative else figure


def _only_the_default_mention(fact: Fact) -> bool:
    """A fact written without ``mentions:`` gets one mention with nothing but its figure."""
    if len(fact.mentions) != 1:
        return False
    mention = fact.mentions[0]
    return mention.figure == fact.figure and not (
        mention.section
        or mention.quote
        or mention.line is not None
        or mention.qualifier
        or mention.period
        or mention.decimals is not None
    )


def _mention(mention: Mention, fact: Fact) -> Iterator[str]:
    fields: list[str] = []
    if mention.figure != fact.figure:
        fields.append(f"value: {quote(mention.figure.text)}")
    if mention.section:
        fields.append(f"section: {quote(mention.section)}")
    if mention.quote:
        fields.append(f"quote: {quote(mention.quote)}")
    if mention.line is not None:
        fields.append(f"line: {mention.line}")
    if mention.qualifier:
        fields.append(f"qualifier: {quote(mention.qualifier)}")
    if mention.period:
        fields.append(f"period: {quote(mention.period)}")
    if mention.decimals is not None:
        fields.append(f"decimals: {mention.decimals}")
    if not fields:
        yield "      - {}"
        return
    yield f"      - {fields[0]}"
    for field in fields[1:]:
        yield f"        {field}"

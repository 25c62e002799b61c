"""Write facts files: the one writer of the public format ``load_facts`` reads, for a
``FactSet`` (``dump_facts``) and for the plain data ``factlint extract`` builds
(``facts_text``), with the one YAML quoting every writer uses (``quote``).

Every string is double-quoted (so a figure keeps its printed text: ``"76.50"`` stays two
places, and no figure passes through a YAML number); a mention is one flow mapping on one
line, so a file of a hundred figures stays readable and diffs line by line. Loading the
output gives the same facts again, up to the lines they are declared on. What the model
does not keep (``note``) is not written.

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
from collections.abc import Mapping, Sequence

from factlint.model import Fact, FactSet, Mention, ReportInfo

_YAML_WORDS = frozenset({"yes", "no", "on", "off", "true", "false", "null", "y", "n"})
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def dump_facts(facts: FactSet, *, source_base: str | os.PathLike[str] | None = None) -> str:
    """The facts file for ``facts``.

    ``source`` is written relative to ``source_base`` (default: the folder of
    ``facts.path``, where the facts were loaded from), as ``load_facts`` resolves it.
    """
    base = source_base if source_base is not None else os.path.dirname(facts.path or "")
    report = _report_data(facts.report, str(base))
    return facts_text(
        {
            "report": report,
            "facts": {f.id: _fact_data(f, facts.report) for f in facts.facts.values()},
        }
    )


def facts_text(data: Mapping[str, object], comments: Sequence[str] = ()) -> str:
    """A facts file for plain data in its format (``{"report": {...}, "facts": {...}}``,
    each fact a mapping of its fields, ``mentions`` a list of mappings), with ``comments``
    above it."""
    report: Mapping[str, object] = data["report"]  # type: ignore[assignment]
    facts: Mapping[str, Mapping[str, object]] = data["facts"]  # type: ignore[assignment]
    lines = [f"# {comment}" for comment in comments]
    lines.append("report:")
    for name, value in report.items():
        if name == "sections":
            sections: Mapping[str, Sequence[int]] = value  # type: ignore[assignment]
            lines.append("  sections:")
            lines += [f"    {quote(section)}: [{a}, {b}]" for section, (a, b) in sections.items()]
        else:
            lines.append(f"  {key(name)}: {scalar(value)}")
    lines.append("facts:" if facts else "facts: {}")
    for fact_id, fact in facts.items():
        lines += fact_lines(fact_id, fact, indent="  ")
    return "\n".join(lines) + "\n"


def fact_lines(fact_id: str, fields: Mapping[str, object], *, indent: str) -> list[str]:
    """One fact's lines, its id at ``indent``: each field on a line, each mention a flow
    mapping on its own."""
    lines = [f"{indent}{key(fact_id)}:"]
    inner = indent + "  "
    for name, value in fields.items():
        if name == "mentions":
            mentions: Sequence[Mapping[str, object]] = value  # type: ignore[assignment]
            lines.append(f"{inner}mentions:")
            lines += [f"{inner}  - {flow(mention)}" for mention in mentions]
        else:
            lines.append(f"{inner}{key(name)}: {scalar(value)}")
    return lines


def flow(fields: Mapping[str, object]) -> str:
    """A flow mapping on one line: ``{section: "body", line: 12}``."""
    written = []
    for name, value in fields.items():  # key and scalar, without a call for the usual cases
        name_written = _KEYS.get(name) or key(name)
        if type(value) is str and _TO_ESCAPE.search(value) is None:
            written.append(f'{name_written}: "{value}"')
        elif type(value) is int:
            written.append(f"{name_written}: {value}")
        else:
            written.append(f"{name_written}: {scalar(value)}")
    return "{" + ", ".join(written) + "}"


def scalar(value: object) -> str:
    """A value as YAML that reads back as the same: a string always quoted, a whole
    number and a boolean plain, a mapping in flow style."""
    if type(value) is str:  # most values: quoted without the checks below
        return quote(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Mapping):
        return flow(value)
    return quote(str(value))


def quote(text: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly ``text``.

    >>> quote('76.5%'), quote('a "b"\\n')
    ('"76.5%"', '"a \\\\"b\\\\"\\\\n"')
    """
    if _TO_ESCAPE.search(text) is None:  # most texts: nothing to escape
        return '"' + text + '"'
    return '"' + _TO_ESCAPE.sub(_escaped, text) + '"'


def key(text: str) -> str:
    """A mapping key: plain when YAML reads it back as the same string (an identifier,
    such as every fact id, that is not a YAML 1.1 boolean or null), else quoted."""
    written = _KEYS.get(text)
    if written is None:
        plain = text.isidentifier() and text.lower() not in _YAML_WORDS
        written = text if plain else quote(text)
        if len(_KEYS) < 256:  # the field names of facts and mentions, a few fact ids
            _KEYS[text] = written
    return written


_KEYS: dict[str, str] = {}


def _escape(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    if 0x20 <= code <= 0x7E or (0xA0 <= code <= 0xFFFD and code not in _NOT_PRINTED):
        return char
    if 0x10000 <= code <= 0x10FFFF:
        return char
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


# Outside YAML's printable set, or read as a line break or byte order mark by PyYAML; and
# the bidirectional controls, which would reorder what a reviewer of the file sees
# (clip's escaping policy): escaped, they read back as the same text.
_NOT_PRINTED = frozenset(
    {
        0x2028,
        0x2029,
        0xFEFF,
        *range(0xD800, 0xE000),
        0x200E,
        0x200F,
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    }
)


def _printed_as_is() -> str:
    """The ranges of a character class of what ``_escape`` leaves as it is: YAML's
    printable characters but the backslash, the double quote and ``_NOT_PRINTED``."""
    kept = ((0x20, 0x7E), (0xA0, 0xFFFD), (0x10000, 0x10FFFF))
    changed = sorted({ord("\\"), ord('"'), *_NOT_PRINTED})
    ranges = []
    for low, high in kept:
        start = low
        for code in (c for c in changed if low <= c <= high):
            if code > start:
                ranges.append(f"\\U{start:08x}-\\U{code - 1:08x}")
            start = code + 1
        if start <= high:
            ranges.append(f"\\U{start:08x}-\\U{high:08x}")
    return "".join(ranges)


# Every character ``_escape`` changes (the others are printed as they are), as one class
# (a regex tries one class per character faster than an alternation of two).
_TO_ESCAPE = re.compile("[^" + _printed_as_is() + "]")


def _escaped(match: re.Match[str]) -> str:
    return _escape(match.group())


def _report_data(report: ReportInfo, base: str) -> dict[str, object]:
    data: dict[str, object] = {"id": report.id}
    if report.title:
        data["title"] = report.title
    if report.source is not None:
        data["source"] = _relative(report.source, base)
    if report.period:
        data["period"] = report.period
    if report.entity:
        data["entity"] = report.entity
    if report.rounding:
        data["rounding"] = report.rounding
    if report.sections:
        data["sections"] = dict(report.sections)
    return data


def _relative(path: str, base: str) -> str:
    if os.path.isabs(path):
        return path
    return os.path.relpath(path, base or os.curdir)


def _fact_data(fact: Fact, report: ReportInfo) -> dict[str, object]:
    data: dict[str, object] = {"value": fact.figure.text}
    if fact.label:
        data["label"] = fact.label
    inherited = {"period": report.period, "entity": report.entity}
    for name in ("period", "entity"):
        value = fact.aspects.get(name)
        if value is not None and value != inherited[name]:
            data[name] = value
    extra = {name: value for name, value in fact.aspects.items() if name not in inherited}
    if extra:
        data["aspects"] = extra
    if fact.qualifier:
        data["qualifier"] = fact.qualifier
    if fact.exact:
        data["exact"] = True
    if fact.decimals is not None:
        data["decimals"] = fact.decimals
    if fact.tolerance is not None:
        text = fact.tolerance.figure.text
        data["tolerance"] = {"relative": text} if fact.tolerance.relative else text
    if not _only_the_default_mention(fact):
        data["mentions"] = [_mention_data(mention, fact) for mention in fact.mentions]
    return data


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


def _mention_data(mention: Mention, fact: Fact) -> dict[str, object]:
    data: dict[str, object] = {}
    if mention.figure != fact.figure:
        data["value"] = mention.figure.text
    if mention.section:
        data["section"] = mention.section
    if mention.quote:
        data["quote"] = mention.quote
    if mention.line is not None:
        data["line"] = mention.line
    if mention.qualifier:
        data["qualifier"] = mention.qualifier
    if mention.period:
        data["period"] = mention.period
    if mention.decimals is not None:
        data["decimals"] = mention.decimals
    return data

"""A facts file in the block style the README teaches, read line by line into facts.

Most facts files are written one way: ``report:`` first, then ``facts:``, each fact an id
on a line of its own and its fields a line each, indented under it, mentions a block list
of one-line mappings::

    facts:
      signed_projects:
        value: "51项"
        label: 签约项目
        mentions:
          - section: body
            line: 7

For such a file libyaml's events are most of the loading time (PyYAML makes each a Python
object with two marks: fourteen for a fact with one mention). Here each line after
``facts:`` is matched by one regular expression of a small part of YAML: a key, perhaps
after ``- ``, then nothing, a double-quoted scalar without escapes, a single-quoted one
without quotes inside, or a one-line plain scalar of no indicator; a comment; a blank line.
Each fact's fields are then built by the event reader's own code
(``facts_stream.fact_of_fields``); the report's mapping, before ``facts:``, is read by the
event reader itself.

A fact of another shape (a flow mapping, a key this reader does not take, a mention with
its own value) is read on its own: its lines, at their line numbers, through libyaml's
events into a tree and ``build_fact``, as the event reader reads a fact it does not take.
Anything else — more than ``_MAX_OTHERS`` such facts, a line left of the facts, a duplicate
id, a tab, an unusual line break or a character YAML refuses, a second document, any error
— and the file is read by the event reader instead, which hands whatever it does not take
to the tree path (and its errors). So this reader decides
only what the event reader would have decided the same way: ``tests/test_facts_lines.py``
holds the fact sets of the three readers equal on generated files and on the test data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import yaml
import yaml.events as ev

from factlint.errors import FactlintError
from factlint.loading.fact_builder import build_fact, report_aspects
from factlint.loading.facts_stream import (
    MENTION_KEYS,
    NotCommon,
    Scalar,
    fact_key,
    fact_of_fields,
    stream_facts,
    untagged,
)
from factlint.loading.fields import Reader
from factlint.loading.textfile import normalise_newlines
from factlint.loading.yaml_builder import event_mark, resolve_plain, subtree
from factlint.loading.yaml_nodes import Mark, YamlScalar
from factlint.loading.yaml_parse import DEFAULT_MAX_DEPTH, yaml_events
from factlint.model import Fact, FactSet, ReportInfo

ENABLED = True

# What libyaml reads otherwise than one line after another of printable characters: a tab,
# a line break other than LF (after normalising CR LF and CR), a BOM inside the text, and
# every character YAML refuses (C0 and C1 controls, surrogates, U+FFFE, U+FFFF).
UNUSUAL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
_CONTENT = re.compile(r"^( *)[^ \n#]", re.MULTILINE)  # a line of more than spaces or a comment
_FACTS_KEY = re.compile(r"^facts:(?:[ ]+#[^\n]*)?[ ]*(?:\n|\Z)", re.MULTILINE)
# A plain scalar of one line: no indicator first (a - or ? only before a character that
# may follow it), and no ': ', ' #', flow indicator or whitespace but single spaces inside.
_PLAIN = (
    r"(?:[^\s\-?:,\[\]{}#&*!|>'\"%@`]|[-?][^\s:,\[\]{}#])"
    r"(?:[^\s:,\[\]{}#]|[ ]+(?=[^\s:,\[\]{}#]))*"
)
_LINE = re.compile(
    r"([ ]*)(?:(-[ ]+)?([^\W\d]\w*):"
    rf"(?:[ ]+(?:\"([^\"\\\n]*)\"|'([^'\n]*)'|({_PLAIN})))?(?:[ ]+#[^\n]*)?|#[^\n]*)?[ ]*\n"
)
_EMPTY: Scalar = ("", True)  # a key with nothing after it: YAML's empty plain scalar
_new_tuple = tuple.__new__
_FIELD_KEYS = frozenset(
    ("value", "label", "decimals", "note", "period", "entity", "qualifier", "exact")
)


class _NotPlain(Exception):
    """The file needs the event reader."""


def read_fact_lines(
    text: str, shown: str, base: Path | None, allow_outside: bool
) -> FactSet | None:
    """The facts of a facts file's ``text``, or None: read it with ``stream_facts``."""
    if not ENABLED:
        return None
    text = normalise_newlines(text.removeprefix("\ufeff"))
    if UNUSUAL.search(text):
        return None
    found = _FACTS_KEY.search(text)
    if found is None:
        return None
    header = text[: found.start()]
    # The report by the event reader; "facts:" inside an open construct of the header
    # would leave no empty facts mapping after it.
    head = stream_facts(header + "facts: {}\n", shown, base, allow_outside)
    if head is None or head.facts:
        return None
    body = text[found.end() :]
    if body and not body.endswith("\n"):
        body += "\n"
    first_line = header.count("\n") + 2
    aspects = report_aspects(head.report)
    try:
        try:
            facts = _facts(body, first_line, shown, aspects)
        except _NotPlain:  # some fact of another shape: each fact on its own
            facts = _fact_by_fact(body, first_line, shown, aspects, head.report)
    except (_NotPlain, RecursionError, MemoryError):
        return None
    return FactSet(head.report, facts, shown)


_MAX_OTHERS = 64
"""Facts of other shapes read on their own; a file with more goes to the event reader."""


def _fact_by_fact(
    body: str, first_line: int, path: str, aspects: Mapping[str, str], report: ReportInfo
) -> dict[str, Fact]:
    """Each fact (the lines from its id to the next's) read by ``_facts``, or, where that
    fails, by libyaml's events as the event reader reads a fact it does not take."""
    first = _CONTENT.search(body)
    if first is None:
        raise _NotPlain
    indent = len(first.group(1))
    if indent == 0 or re.search(rf"^ {{0,{indent - 1}}}[^ \n#]", body, re.MULTILINE):
        raise _NotPlain  # a line left of the facts: not a fact's
    starts = [m.start() for m in re.finditer(rf"^ {{{indent}}}[^ \n#]", body, re.MULTILINE)]
    if not starts or starts[0] != first.start(1):
        raise _NotPlain
    facts: dict[str, Fact] = {}
    others = 0
    line, previous = first_line, 0
    for start, end in zip(starts, [*starts[1:], len(body)], strict=True):
        line += body.count("\n", previous, start)
        previous = start
        chunk = body[start:end]
        try:
            ((fact_id, fact),) = _facts(chunk, line, path, aspects).items()
        except _NotPlain:
            others += 1
            if others > _MAX_OTHERS:
                raise
            fact_id, fact = _other_fact(chunk, line, path, report)
        if fact_id in facts:
            raise _NotPlain  # the event reader says where the first is
        facts[fact_id] = fact
    return facts


def _other_fact(chunk: str, line: int, path: str, report: ReportInfo) -> tuple[str, Fact]:
    """The fact of ``chunk`` (its id on line ``line``) as the event reader builds a fact it
    does not take: the fact's events, on the lines they have in the file (blank lines
    before), into a tree of its own and ``build_fact``."""
    events = yaml_events("\n" * (line - 2) + "x:\n" + chunk)
    if events is None:
        raise _NotPlain
    try:
        kinds = [type(next(events)) for _ in range(3)]
        if kinds != [ev.StreamStartEvent, ev.DocumentStartEvent, ev.MappingStartEvent]:
            raise _NotPlain
        next(events)  # the "x" key
        start = next(events)
        if type(start) is not ev.MappingStartEvent or not untagged(start):
            raise _NotPlain
        key = next(events)
        fact_id, style = fact_key(key)
        mark = event_mark(key)
        node = subtree(next(events), events, path, DEFAULT_MAX_DEPTH - 2)
        fact = build_fact(
            Reader(path), fact_id, YamlScalar(fact_id, mark, style, "str"), node, report
        )
        rest = [type(event) for event in events]
    except (FactlintError, NotCommon, StopIteration, yaml.YAMLError, UnicodeEncodeError):
        raise _NotPlain from None
    if rest != [ev.MappingEndEvent, ev.MappingEndEvent, ev.DocumentEndEvent, ev.StreamEndEvent]:
        raise _NotPlain
    return fact_id, fact


def _facts(body: str, first_line: int, path: str, aspects: Mapping[str, str]) -> dict[str, Fact]:
    facts: dict[str, Fact] = {}
    match = _LINE.match
    number = first_line - 1
    position, end = 0, len(body)
    fact_indent = field_indent = sequence_indent = item_indent = -1
    fact_id = ""
    mark = _mark(0, 0)
    fields: dict[str, Scalar] = {}
    mentions: list[tuple[Mark, dict[str, Scalar]]] | None = None
    mention: dict[str, Scalar] | None = None  # the mention being read, in a mention list
    listing = False  # in the fact's mention list (which ends at its next field)
    while position < end:
        line = match(body, position)
        if line is None:
            raise _NotPlain
        position = line.end()
        number += 1
        spaces, dash, key, double, single, plain = line.groups()
        if key is None:
            continue  # a blank line or a comment
        if double is not None:
            scalar: Scalar = (double, False)
        elif single is not None:
            scalar = (single, False)
        elif plain is not None:
            scalar = (plain, True)
        else:
            scalar = _EMPTY
        indent = len(spaces)
        if indent == field_indent and dash is None:  # a field of the fact (the commonest)
            mention, listing = None, False  # a mention list ends at the next field
            if key in fields:
                raise _NotPlain
            if key in _FIELD_KEYS:
                fields[key] = scalar
            elif key == "mentions" and scalar is _EMPTY:
                fields[key] = _EMPTY
                mentions, sequence_indent, listing = [], -1, True
            else:
                raise _NotPlain
        elif dash is not None:  # a mention's first key
            if not listing or mentions is None or indent < field_indent:
                raise _NotPlain
            if sequence_indent < 0:
                sequence_indent = indent
            elif indent != sequence_indent:
                raise _NotPlain
            if key not in MENTION_KEYS:
                raise _NotPlain
            item_indent = indent + len(dash)
            mention = {key: scalar}
            mentions.append((_mark(number, item_indent + 1), mention))
        elif mention is not None and indent == item_indent:  # a mention's next key
            if key not in MENTION_KEYS or key in mention:
                raise _NotPlain
            mention[key] = scalar
        elif indent == fact_indent or fact_indent < 0:  # a fact's id
            if fact_indent < 0:
                if indent == 0:
                    raise _NotPlain
                fact_indent = indent
            elif not fields:
                raise _NotPlain  # the fact before has no fields
            else:
                facts[fact_id] = _fact(path, fact_id, mark, fields, mentions, aspects)
            if scalar is not _EMPTY or key in facts or not key.isidentifier():
                raise _NotPlain
            if resolve_plain(key) != "str":
                raise _NotPlain  # true, null, yes: no string
            fact_id, mark = key, _mark(number, indent + 1)
            fields, mentions, mention, listing = {}, None, None, False
            field_indent = sequence_indent = -1
        elif field_indent < 0 and indent > fact_indent:  # the fact's first field
            field_indent = indent
            position = line.start()  # read again, as a field
            number -= 1
        else:
            raise _NotPlain
    if fact_indent < 0 or not fields:
        raise _NotPlain
    facts[fact_id] = _fact(path, fact_id, mark, fields, mentions, aspects)
    return facts


def _mark(line: int, column: int) -> Mark:
    made: Mark = _new_tuple(Mark, (line, column))  # Mark(...) without its Python __new__
    return made


def _fact(
    path: str,
    fact_id: str,
    mark: Mark,
    fields: dict[str, Scalar],
    mentions: list[tuple[Mark, dict[str, Scalar]]] | None,
    aspects: Mapping[str, str],
) -> Fact:
    if mentions is not None and not mentions:
        raise _NotPlain  # "mentions:" with no item: the general path refuses it
    fact = fact_of_fields(path, fact_id, mark, fields, mentions, aspects)
    if fact is None:
        raise _NotPlain
    return fact

"""A facts file (``*.facts.yaml``) read from libyaml's events straight into facts.

The tree ``parse_yaml`` builds costs a node, a mark and a dict per scalar and mapping, all
thrown away once the facts are built; for a large facts file that is most of the loading
time and, while it lasts, most of the memory. Here the events of each fact are read as
they come: a plain fact (a value, perhaps a label, declared ``decimals``, a note, its own
period or entity, a qualifier, ``exact``, and mentions with a section, a quote, a line, a
note) becomes a ``Fact`` directly; any other fact is built into a small tree of its own
and read by the facts file's own code (``fact_builder.build_fact``), so both accept the
same facts alike. The report's mapping
is read that way too. Marks are kept only where a fact or a mention records where it is
declared (its ``Location``).

Anything this reader does not expect (a tag, an alias, a duplicate key, a mapping key
that is no plain scalar, ``facts:`` before ``report:``, a second document) and every
error send the whole file to ``parse_yaml`` and the tree path instead, which refuses it
with its own message at ``path:line:col``: a broken file costs two reads, a good one one.
``tests/test_facts_stream.py`` holds the two paths to equal fact sets.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TypeAlias

import yaml
import yaml.events as ev

from factlint.errors import FactlintError
from factlint.loading.fact_builder import build_fact, build_report, report_aspects
from factlint.loading.fact_makers import make_fact
from factlint.loading.fields import Reader
from factlint.loading.figure_fields import MAX_DECIMALS
from factlint.loading.yaml_builder import event_mark, resolve_plain, subtree
from factlint.loading.yaml_nodes import Mark, YamlMapping, YamlScalar
from factlint.loading.yaml_parse import DEFAULT_MAX_DEPTH, yaml_events
from factlint.model import (
    Fact,
    FactSet,
    Mention,
    ReportInfo,
    make_location,
    make_mention,
)
from factlint.numbers.figures import FigureError, parse_figure

ENABLED = True
_PLAIN_STYLES = (None, "")
_FACT_KEYS = frozenset(
    ("value", "label", "decimals", "note", "mentions", "period", "entity", "qualifier", "exact")
)
MENTION_KEYS = frozenset(("section", "quote", "line", "note"))
_MAX_LINE = 10**9


class NotCommon(Exception):
    """The file needs the tree path (which also words any error)."""


def stream_facts(text: str, shown: str, base: Path | None, allow_outside: bool) -> FactSet | None:
    """The facts of a facts file's ``text``, or None: read it with ``parse_yaml``."""
    if not ENABLED:
        return None
    events = yaml_events(text)
    if events is None:
        return None
    try:
        return _Stream(events, Reader(shown), base, allow_outside).facts()
    except (
        NotCommon,
        StopIteration,
        FactlintError,
        yaml.YAMLError,
        RecursionError,
        MemoryError,  # the tree path then says so, as a located error
        UnicodeEncodeError,
    ):
        return None


def _expect(event: ev.Event | None, kind: type) -> ev.Event:
    if type(event) is not kind:
        raise NotCommon
    assert event is not None
    return event


def untagged(event: ev.Event) -> bool:
    return event.tag is None and event.anchor is None  # type: ignore[attr-defined]


def _key(event: ev.Event | None) -> str:
    """A mapping key: a plain, untagged scalar."""
    if type(event) is not ev.ScalarEvent or not untagged(event):
        raise NotCommon
    if event.style not in _PLAIN_STYLES:
        raise NotCommon
    value: str = event.value
    return value


def fact_key(event: ev.Event | None) -> tuple[str, str]:
    """A fact id as the tree path accepts it, and the style of its scalar."""
    if type(event) is not ev.ScalarEvent or not untagged(event):
        raise NotCommon
    value: str = event.value
    style = _KEY_STYLES.get(event.style)
    if style is None or not value.isidentifier():
        raise NotCommon
    if style == "plain" and resolve_plain(value) != "str":
        raise NotCommon  # true, null, yes: no string
    return value, style


_KEY_STYLES = {None: "plain", "": "plain", "'": "single", '"': "double"}


class _Stream:
    def __init__(
        self, events: Iterator[ev.Event], reader: Reader, base: Path | None, allow_outside: bool
    ) -> None:
        self.events = events
        self.next = events.__next__  # the end of the events is an error: StopIteration
        self.read: list[ev.Event] = []
        self.reader = reader
        self.path = reader.path
        self.base = base
        self.allow_outside = allow_outside

    def facts(self) -> FactSet:
        _expect(self.next(), ev.StreamStartEvent)
        _expect(self.next(), ev.DocumentStartEvent)
        top = _expect(self.next(), ev.MappingStartEvent)
        if not untagged(top):
            raise NotCommon
        report: ReportInfo | None = None
        facts: dict[str, Fact] | None = None
        while type(event := self.next()) is not ev.MappingEndEvent:
            key = _key(event)
            if key == "report" and report is None and facts is None:
                report = self.report(top)
            elif key == "facts" and report is not None and facts is None:
                facts = self.fact_mapping(report)
            else:
                raise NotCommon  # facts before report, a duplicate or unknown key
        _expect(self.next(), ev.DocumentEndEvent)
        _expect(self.next(), ev.StreamEndEvent)
        if report is None or facts is None:
            raise NotCommon
        return FactSet(report, facts, self.path)

    def report(self, top: ev.Event) -> ReportInfo:
        node = subtree(self.next(), self.events, self.path, DEFAULT_MAX_DEPTH - 1)
        at = YamlMapping((), event_mark(top))
        return build_report(self.reader, node, at, self.base, self.allow_outside)

    def fact_mapping(self, report: ReportInfo) -> dict[str, Fact]:
        start = _expect(self.next(), ev.MappingStartEvent)
        if not untagged(start):
            raise NotCommon
        aspects = report_aspects(report)
        facts: dict[str, Fact] = {}
        while type(event := self.next()) is not ev.MappingEndEvent:
            fact_id, style = fact_key(event)
            if fact_id in facts:
                raise NotCommon  # a duplicate id: the tree path says where the first is
            assert event is not None
            mark = event_mark(event)
            first: ev.Event | None = self.next()
            fact = None
            replay: Iterator[ev.Event] = self.events
            if type(first) is ev.MappingStartEvent and untagged(first):
                fact = self.plain_fact(fact_id, mark, aspects)
                replay = iter(self.read)
            if fact is None:
                if first is None:
                    raise NotCommon
                key = YamlScalar(fact_id, mark, style, "str")
                node = subtree(first, replay, self.path, DEFAULT_MAX_DEPTH - 2)
                fact = build_fact(self.reader, fact_id, key, node, report)
            facts[fact_id] = fact
        return facts

    def plain_fact(self, fact_id: str, mark: Mark, aspects: Mapping[str, str]) -> Fact | None:
        """Reads the fact's mapping up to its end; None when it is not plain (the events
        read, in ``self.read``, are then replayed into a tree)."""
        self.read = []
        fields: dict[str, Scalar] = {}
        mentions: list[tuple[Mark, dict[str, Scalar]]] | None = None
        while type(event := self.take()) is not ev.MappingEndEvent:
            key = _key(event) if type(event) is ev.ScalarEvent else None
            if key not in _FACT_KEYS or key in fields or (key == "mentions" and mentions):
                self.rest_of_fact()
                return None
            value = self.take()
            if key == "mentions":
                mentions = self.mention_list(value)
                if mentions is None:
                    self.rest_of_fact()
                    return None
                fields[key] = ("", False)
            elif type(value) is ev.ScalarEvent and untagged(value) and key is not None:
                fields[key] = _scalar(value)
            else:
                self.rest_of_fact()
                return None
        return fact_of_fields(self.path, fact_id, mark, fields, mentions, aspects)

    def take(self) -> ev.Event:
        event = self.next()
        self.read.append(event)
        return event

    def mention_list(self, start: ev.Event) -> list[tuple[Mark, dict[str, Scalar]]] | None:
        if type(start) is not ev.SequenceStartEvent or not untagged(start):
            return None
        mentions = []
        while type(event := self.take()) is not ev.SequenceEndEvent:
            if type(event) is not ev.MappingStartEvent or not untagged(event):
                return None
            fields: dict[str, Scalar] = {}
            while type(key_event := self.take()) is not ev.MappingEndEvent:
                key = _key(key_event) if type(key_event) is ev.ScalarEvent else None
                if key is None or key not in MENTION_KEYS or key in fields:
                    return None
                value = self.take()
                if type(value) is not ev.ScalarEvent or not untagged(value):
                    return None
                fields[key] = _scalar(value)
            mentions.append((event_mark(event), fields))
        return mentions or None

    def rest_of_fact(self) -> None:
        """Reads the fact's events up to the end of its mapping (kept in ``self.read``)."""
        depth = 0
        for event in self.read:
            depth += _depth_change(event)
        while depth >= 0:
            depth += _depth_change(self.take())


def _depth_change(event: ev.Event) -> int:
    kind = type(event)
    if kind is ev.MappingStartEvent or kind is ev.SequenceStartEvent:
        return 1
    if kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
        return -1
    return 0


Scalar: TypeAlias = tuple[str, bool]
"""A scalar's text, and whether it is plain (unquoted: YAML resolves it)."""


def _scalar(event: ev.Event) -> Scalar:
    return event.value, event.style in _PLAIN_STYLES  # type: ignore[attr-defined]


def _text(scalar: Scalar | None, null: str | None = "") -> str | None:
    """A scalar's text as ``Reader.text`` reads an optional field (``null`` for null:
    "" as ``optional_text`` reads it, None where the field must be a string); None for
    what it refuses (a bool)."""
    if scalar is None:
        return ""
    value, plain = scalar
    if not plain:
        return value
    resolved = resolve_plain(value)
    if resolved == "null":
        return null
    return value if resolved in ("str", "int", "float") else None


def _integer(scalar: Scalar, low: int, high: int) -> int | None:
    """``Reader.integer``'s value, or None where it would refuse."""
    value, plain = scalar
    if not plain or resolve_plain(value) != "int" or len(value) > 12:
        return None
    try:
        number = int(value.replace("_", ""), 0)
    except ValueError:
        return None
    return number if low <= number <= high else None


def fact_of_fields(
    path: str,
    fact_id: str,
    mark: Mark,
    fields: dict[str, Scalar],
    mentions: list[tuple[Mark, dict[str, Scalar]]] | None,
    aspects: Mapping[str, str],
) -> Fact | None:
    """The Fact ``facts_yaml`` builds from these fields, or None where it would build
    something else or refuse them."""
    value = fields.get("value")
    if value is None:
        return None
    text = _text(value)
    if not text:
        return None
    try:
        figure = parse_figure(text)
    except FigureError:
        return None
    label = _text(fields.get("label"))
    if label is None:
        return None
    decimals = exact = None
    if "decimals" in fields:
        declared = fields["decimals"]
        if declared[0].upper() == "INF":
            exact = True
        else:
            decimals = _integer(declared, -MAX_DECIMALS, MAX_DECIMALS)
            if decimals is None:
                return None
    qualifier = ""
    if not fields.keys() <= _COMMON_KEYS:
        # A fact's own period or entity, qualifier or 'exact': read as build_fact reads
        # them (fact_builder._aspects, optional_text, Reader.boolean).
        if "exact" in fields:
            declared_exact = _boolean(fields["exact"])
            if declared_exact is None:
                return None
            exact = exact or declared_exact
        qualifier = _text(fields.get("qualifier"))  # type: ignore[assignment]
        if qualifier is None:
            return None
        if "period" in fields or "entity" in fields:
            own = dict(aspects)
            for aspect in ("period", "entity"):
                if aspect in fields:
                    text = _text(fields[aspect], null=None)
                    if text is None:
                        return None
                    own[aspect] = text
            aspects = own
    declared_at = make_location(path, mark.line, mark.column)
    if mentions is None:
        built: tuple[Mention, ...] = (make_mention(fact_id, figure, "", "", None, declared_at),)
    else:
        items = []
        for where, mention in mentions:
            section, quote = _text(mention.get("section")), _text(mention.get("quote"))
            line = None
            if "line" in mention:
                line = _integer(mention["line"], 1, _MAX_LINE)
                if line is None:
                    return None
            if section is None or quote is None:
                return None
            location = make_location(path, where.line, where.column)
            items.append(make_mention(fact_id, figure, section, quote, line, location))
        built = tuple(items)
    return make_fact(
        fact_id, figure, built, label, bool(exact), decimals, aspects, declared_at, qualifier
    )


_COMMON_KEYS = frozenset(("value", "label", "decimals", "note", "mentions"))
_TRUE = frozenset(("true", "yes", "on", "y"))


def _boolean(scalar: Scalar) -> bool | None:
    """``Reader.boolean``'s value, or None where it would refuse."""
    value, plain = scalar
    if not plain or resolve_plain(value) != "bool":
        return None
    return value.lower() in _TRUE

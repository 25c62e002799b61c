"""A rules file (``*.rules.yaml``) read from libyaml's events, its common rules built with
no tree.

``parse_yaml``'s tree costs a node, a mark and an index per scalar and mapping, all thrown
away once the rules are built; for 10,000 rules that is as much as building them. Here the
events of each rule are gathered as they come and a rule of the common shape — an ``id``,
one kind whose parameters are scalars or lists of scalars (``sum: {parts: [a, b], total:
t}``, ``check: "a == b"``, ``equal: [a, b]``), and ``severity``, ``rounding``, ``message``,
``tags``, ``description`` as scalars or a list of them — is bound to its kind's function as
``rule_builder.build_rule`` binds it. Any other rule (``for_each``, a ``tolerance``, a tag
or an anchor, anything nested deeper) becomes a small tree of its own, read by
``build_rule`` itself. The ``facts:``, ``rounding:`` and ``severity:`` of the file are read
that way too.

Anything wrong — a rule ``build_rule`` would refuse, a duplicate id or key, an alias, a
second document — sends the whole file to ``parse_yaml`` and the tree path instead, which
reports every problem at ``path:line:col`` with its own words: a broken file costs two
reads, a good one one. ``tests/test_rules_stream.py`` holds the two paths to equal rule
sets and equal errors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TypeAlias

import yaml
import yaml.events as ev
from yaml.resolver import Resolver

from factlint.errors import FactlintError
from factlint.loading.fields import Reader
from factlint.loading.for_each import expand
from factlint.loading.rule_builder import (
    COMMON_KEYS,
    RULE_ID,
    build_rule,
    facts_paths,
    rounding_field,
    severity_field,
    source_lines,
    unreadable_constant,
)
from factlint.loading.yaml_builder import event_mark, resolve_plain, subtree
from factlint.loading.yaml_nodes import YamlNode
from factlint.loading.yaml_parse import DEFAULT_MAX_DEPTH, yaml_events
from factlint.model import ROUNDINGS, Location, Rule, RuleSet, Severity
from factlint.rules.expressions import Comparison
from factlint.rules.kinds import KINDS
from factlint.rules.signatures import Signature, signature_of

ENABLED = True

_Scalar = ev.ScalarEvent
_MappingStart, _MappingEnd = ev.MappingStartEvent, ev.MappingEndEvent
_SequenceStart, _SequenceEnd = ev.SequenceStartEvent, ev.SequenceEndEvent
_PLAIN_STYLES = (None, "")
_SKIPPED = frozenset(("id", "description"))  # read by common_rule itself, or never read

# A scalar as a common rule reads it: its text as written, and whether it is plain (an
# untagged plain scalar may be YAML's null or a boolean, which no text field takes).
Scalar: TypeAlias = tuple[str, bool]
# A field of a common rule: a scalar, a list of scalars, or (the kind's parameters) a
# mapping of those. (The line reader, ``rules_lines``, builds the same from its lines.)
Value: TypeAlias = "Scalar | list[Scalar] | dict[str, Field]"
Field: TypeAlias = "Scalar | list[Scalar]"
# A common rule, all but what depends on the rules after it or on the file's defaults:
# (id, kind, claims, severity or None, rounding or None, message, tags, parameters, where).
Common: TypeAlias = tuple[
    str,
    str,
    tuple[Comparison, ...],
    Severity | None,
    str | None,
    str,
    tuple[str, ...],
    dict[str, object],
    Location,
]


Entry: TypeAlias = tuple[Common | YamlNode, int]
"""An entry of ``rules:``, a common rule or its tree, and the line it starts on."""


class NotCommon(Exception):
    """The file needs the tree path (which also words any error)."""


def stream_rules(
    text: str, shown: str, base: Path | None, lines: list[str], root: Path | None
) -> RuleSet | None:
    """The rules of a rules file's ``text``, or None: read it with ``parse_yaml``."""
    if not ENABLED:
        return None
    top = _top(text, shown, base, root)
    if top is None:
        return None
    paths, defaults, entries = top
    try:
        rules = build_rules(entries, defaults, lines, Reader(shown))
    except (NotCommon, FactlintError, RecursionError, MemoryError):
        return None
    return RuleSet(rules, tuple(paths), shown, tuple(paths.values()))


def stream_top(
    text: str, shown: str, base: Path | None, root: Path | None
) -> tuple[dict[str, Location], dict[str, object], list[Entry]] | None:
    """A rules file's facts paths, defaults and the entries of its ``rules:`` (each rule not
    yet checked against the others), or None: the file needs the tree path. The line
    reader (``rules_lines``) reads the lines before ``rules:`` and a rule it does not take
    this way."""
    return _top(text, shown, base, root)


def _top(
    text: str, shown: str, base: Path | None, root: Path | None
) -> tuple[dict[str, Location], dict[str, object], list[Entry]] | None:
    events = yaml_events(text)
    if events is None:
        return None
    try:
        return _Stream(events, Reader(shown), base, root).top()
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


def _untagged(event: ev.Event) -> bool:
    return event.tag is None and event.anchor is None  # type: ignore[attr-defined]


def _expect(event: ev.Event, kind: type) -> ev.Event:
    if type(event) is not kind:
        raise NotCommon
    return event


class _Stream:
    def __init__(
        self,
        events: Iterator[ev.Event],
        reader: Reader,
        base: Path | None,
        root: Path | None,
    ) -> None:
        self.events = events
        self.next = events.__next__  # the end of the events is an error: StopIteration
        self.reader = reader
        self.path = reader.path
        self.base = base
        self.root = root

    def top(self) -> tuple[dict[str, Location], dict[str, object], list[Entry]]:
        """The file's facts paths, its defaults and the entries of its ``rules:``."""
        _expect(self.next(), ev.StreamStartEvent)
        _expect(self.next(), ev.DocumentStartEvent)
        if not _untagged(_expect(self.next(), _MappingStart)):
            raise NotCommon
        paths: dict[str, Location] = {}
        defaults: dict[str, object] = {}
        entries: list[Entry] | None = None
        keys: set[str] = set()
        while type(event := self.next()) is not _MappingEnd:
            key = _key(event)
            if key in keys:
                raise NotCommon  # the tree path says where the first one is
            keys.add(key)
            if key == "rules":
                entries = self.entries()
            elif key == "facts":
                paths = facts_paths(self.reader, self.node(), self.base, self.root)
            elif key == "rounding":
                defaults["rounding"] = rounding_field(self.reader, self.node())
            elif key == "severity":
                defaults["severity"] = severity_field(self.reader, self.node())
            else:
                raise NotCommon
        _expect(self.next(), ev.DocumentEndEvent)
        _expect(self.next(), ev.StreamEndEvent)
        if entries is None:
            raise NotCommon
        return paths, defaults, entries

    def node(self) -> YamlNode:
        """The next value of the top mapping, as a tree."""
        return subtree(self.next(), self.events, self.path, DEFAULT_MAX_DEPTH - 1)

    def entries(self) -> list[Entry]:
        """Each entry of ``rules:``: a common rule, or its tree; and its first line."""
        if not _untagged(_expect(self.next(), _SequenceStart)):
            raise NotCommon
        entries: list[Entry] = []
        while type(first := self.next()) is not _SequenceEnd:
            mark = event_mark(first)
            read = [first]
            common = None
            if type(first) is _MappingStart and _untagged(first):
                fields = self.fields(read)
                if fields is not None:
                    common = common_rule(self.path, fields, mark.line, mark.column)
            else:
                self.rest(read)
            if common is None:
                node = subtree(first, iter(read[1:]), self.path, DEFAULT_MAX_DEPTH - 2)
                entries.append((node, mark.line))
            else:
                entries.append((common, mark.line))
        return entries

    # The readers below take the events of one rule, each kept in ``read`` (whose first is
    # the rule's start), and return None, the rest of the rule read, where the rule is not
    # of the common shape: ``read`` is then built into a tree.

    def fields(self, read: list[ev.Event]) -> dict[str, Value] | None:
        """A rule's fields: its keys plain scalars, each once; its values scalars, lists
        of scalars or (a kind's parameters) mappings of those."""
        next_event, append = self.next, read.append
        fields: dict[str, Value] = {}
        while True:
            key = next_event()
            append(key)
            if type(key) is _MappingEnd:
                return fields
            if type(key) is not _Scalar:
                self.rest(read)
                return None
            name = key.value
            if not _plain_untagged(key) or name in fields:
                self.rest(read)
                return None
            value = next_event()
            append(value)
            kind = type(value)
            item: Value | None
            if kind is _Scalar:
                item = _scalar(value) if _untagged(value) else None
            elif kind is _SequenceStart:
                item = self.scalars(value, read)
            elif kind is _MappingStart:
                item = self.parameters(value, read)
            else:
                item = None
            if item is None:
                self.rest(read)
                return None
            fields[name] = item

    def parameters(self, start: ev.Event, read: list[ev.Event]) -> dict[str, Field] | None:
        if not _untagged(start):
            return None
        next_event, append = self.next, read.append
        parameters: dict[str, Field] = {}
        while True:
            key = next_event()
            append(key)
            if type(key) is not _Scalar:
                return parameters if type(key) is _MappingEnd else None
            name = key.value
            if not _plain_untagged(key) or name in parameters:
                return None
            value = next_event()
            append(value)
            kind = type(value)
            item: Field | None
            if kind is _Scalar:
                item = _scalar(value) if _untagged(value) else None
            elif kind is _SequenceStart:
                item = self.scalars(value, read)
            else:
                item = None
            if item is None:
                return None
            parameters[name] = item

    def scalars(self, start: ev.Event, read: list[ev.Event]) -> list[Scalar] | None:
        if not _untagged(start):
            return None
        next_event, append = self.next, read.append
        items: list[Scalar] = []
        while type(event := next_event()) is _Scalar:
            append(event)
            if not _untagged(event):
                return None
            items.append(_scalar(event))
        append(event)
        return items if type(event) is _SequenceEnd else None

    def rest(self, read: list[ev.Event]) -> None:
        """Reads the events of the node ``read`` begins up to its end (kept in ``read``)."""
        depth = 0
        for event in read:
            depth += _DEPTH.get(type(event), 0)
        while depth > 0:
            event = self.next()
            read.append(event)
            depth += _DEPTH.get(type(event), 0)


def build_rules(
    entries: list[Entry], defaults: dict[str, object], lines: list[str], reader: Reader
) -> tuple[Rule, ...]:
    """The rules in file order, as ``rules_yaml`` builds them from the tree; ``NotCommon``
    for an id given twice (the tree path says where the first one is)."""
    default_severity = defaults.get("severity", Severity.ERROR)
    default_rounding = defaults.get("rounding")
    rules: list[Rule] = []
    seen: set[str] = set()
    for index, (entry, line) in enumerate(entries):
        end = entries[index + 1][1] - 1 if index + 1 < len(entries) else len(lines)
        source = source_lines(lines, line, end)
        if isinstance(entry, tuple):
            rule_id, kind, claims, severity, rounding, message, tags, parameters, at = entry
            built: list[Rule] = [
                Rule(
                    rule_id,
                    kind,
                    claims,
                    default_severity if severity is None else severity,  # type: ignore[arg-type]
                    default_rounding if rounding is None else rounding,  # type: ignore[arg-type]
                    None,  # a tolerance: read by build_rule
                    message,
                    tags,
                    parameters,
                    at,
                    source,
                )
            ]
        else:
            node: YamlNode = entry
            built = [build_rule(reader, item, defaults, source) for item in expand(reader, node)]
        for rule in built:
            if rule.id in seen:
                raise NotCommon
            seen.add(rule.id)
            rules.append(rule)
    return tuple(rules)


def _key(event: ev.Event) -> str:
    """A key of the top mapping: a plain, untagged scalar."""
    if type(event) is not _Scalar or not _untagged(event) or event.style not in _PLAIN_STYLES:
        raise NotCommon
    value: str = event.value
    return value


_DEPTH = {_MappingStart: 1, _SequenceStart: 1, _MappingEnd: -1, _SequenceEnd: -1}


def _plain_untagged(event: ev.Event) -> bool:
    return event.tag is None and event.anchor is None and event.style in _PLAIN_STYLES  # type: ignore[attr-defined]


def _bool_or_null_words() -> frozenset[str]:
    """The plain scalars YAML 1.1 reads as null or a boolean (``~``, ``no``, ``On`` …),
    which ``Reader.text`` refuses: the words of PyYAML's own resolvers for the two, and
    the empty scalar. (A plain scalar never ends in a line break, which their ``$``
    would also let through.)"""
    words = {""}
    for resolvers in Resolver.yaml_implicit_resolvers.values():
        for _, regexp in resolvers:
            words.update(re.findall(r"[^|()?:^$\s]+", regexp.pattern))
    return frozenset(word for word in words if resolve_plain(word) in ("null", "bool"))


BOOL_OR_NULL = _bool_or_null_words()


def _scalar(event: ev.Event) -> Scalar:
    return (event.value, event.style in _PLAIN_STYLES)  # type: ignore[attr-defined]


def _text(value: Value | None) -> str | None:
    """``Reader.text`` of a scalar (its text as written), or None where it would refuse."""
    if type(value) is not tuple:
        return None
    text, plain = value
    if plain and text in BOOL_OR_NULL:
        return None
    return text


def _texts(value: Value | None) -> list[str] | None:
    if type(value) is not list:
        return None
    texts = [text for text, _ in value]
    if not BOOL_OR_NULL.isdisjoint(texts):
        for text, plain in value:
            if plain and text in BOOL_OR_NULL:
                return None
    return texts


def common_rule(path: str, fields: dict[str, Value], line: int, column: int) -> Common | None:
    """What ``build_rule`` makes of these fields, or None where it would do anything else
    (refuse them, or read what a common rule never has)."""
    rule_id = _text(fields.get("id"))
    if rule_id is None or not RULE_ID.match(rule_id):
        return None
    kind = ""
    for key in fields:
        if key not in COMMON_KEYS:
            if kind:
                return None  # two kinds, or a kind and an unknown key
            kind = key
        elif key not in _SKIPPED and key not in _READ:
            return None  # for_each, tolerance
    if kind not in KINDS:
        return None
    arguments = _arguments(kind, fields[kind])
    if arguments is None:
        return None
    try:
        claims = KINDS[kind](**arguments)
    except ValueError:  # ExpressionError too
        return None
    # Only what the file writes can hold a constant no figure reads (a constant a kind
    # writes itself, growth's 1, is one): arguments that are all fact ids hold none.
    if not _all_ids(arguments) and unreadable_constant(claims) is not None:
        return None
    severity = rounding = None
    message = ""
    tags: tuple[str, ...] = ()
    if "severity" in fields:
        text = _text(fields["severity"])
        if text is None or text not in _SEVERITIES:
            return None
        severity = _SEVERITIES[text]
    if "rounding" in fields:
        rounding = _text(fields["rounding"])
        if rounding not in ROUNDINGS:
            return None
    if "message" in fields:
        message = _text(fields["message"])  # type: ignore[assignment]
        if message is None:
            return None
    if "tags" in fields:
        listed = _texts(fields["tags"])
        if listed is None:
            return None
        tags = tuple(listed)
    parameters = {name.rstrip("_"): value for name, value in arguments.items()}
    at = Location(path, line or None, column or None)
    return rule_id, kind, claims, severity, rounding, message, tags, parameters, at


_READ = frozenset(("severity", "rounding", "message", "tags"))
_SEVERITIES = {severity.value: severity for severity in Severity}


def _all_ids(arguments: dict[str, object]) -> bool:
    for value in arguments.values():
        if isinstance(value, str):
            if not value.isidentifier():
                return False
        elif not all(map(str.isidentifier, value)):  # type: ignore[call-overload]
            return False
    return True


_SIGNATURES: dict[str, Signature] = {}


def _arguments(kind: str, value: Value) -> dict[str, object] | None:
    """The kind function's arguments as ``build_rule`` binds them, or None where it would
    refuse them."""
    signature = _SIGNATURES.get(kind)
    if signature is None:
        signature = _SIGNATURES[kind] = signature_of(KINDS[kind])
    public, lists = signature.arguments, signature.lists
    arguments: dict[str, object] = {}
    if type(value) is dict:
        for key, item in value.items():
            name = public.get(key)
            if name is None:
                return None
            bound = _texts(item) if name in lists else _text(item)
            if bound is None:
                return None
            arguments[name] = bound
        if len(arguments) != len(public):
            return None  # a parameter missing
        return arguments
    if len(public) != 1:
        return None
    (name,) = public.values()
    bound = _texts(value) if name in lists else _text(value)
    return None if bound is None else {name: bound}

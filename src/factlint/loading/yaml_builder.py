"""PyYAML's parser events into located nodes, refusing what a facts or rules file may not hold.

One :class:`TreeBuilder` loop with an explicit stack, so no Python object is ever
constructed from a tag and deep nesting cannot exhaust the Python stack. It refuses
aliases, merge keys, duplicate keys, tags other than ``!!str``, collections as keys,
extra documents and nesting or node counts over the limits, each with a
:class:`FactlintError` at ``path:line:col``. Marks are editors' 1-based positions
(:class:`Locator`). ``loading.yaml_parse`` feeds it a whole document; ``subtree`` one node
of an event stream a loader reads itself.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, TypeAlias, cast

import yaml.events as ev
from yaml.resolver import Resolver

from factlint.clip import clip_message, quoted
from factlint.errors import FactlintError
from factlint.loading.yaml_nodes import Mark, YamlMapping, YamlNode, YamlScalar, YamlSequence

_STR_TAG = "tag:yaml.org,2002:str"
_CORE_PREFIX = "tag:yaml.org,2002:"
_NO_TAG = (None, "!")
_STYLES = {None: "plain", "": "plain", "'": "single", '"': "double", "|": "literal", ">": "folded"}
# Anything else PyYAML resolves (timestamp, "=" value, "<<" merge) is reported as "str".
_RESOLVED = {f"{_CORE_PREFIX}{name}": name for name in ("null", "bool", "int", "float")}
# libyaml and PyYAML count these as line breaks; editors (and factlint) do not.
UNUSUAL_BREAKS = ("\x85", "\u2028", "\u2029")
_new_tuple = tuple.__new__  # Mark(line, column) without the Python-level __new__
_ALIAS_MESSAGE = (
    "YAML aliases are not supported (anchors and aliases are refused so a small file"
    " cannot expand into a huge one)"
)


def event_mark(event: ev.Event) -> Mark:
    """Where a libyaml event starts, as the trees' marks say it (``yaml_parse.yaml_events``)."""
    start = event.start_mark
    if start is None:  # libyaml marks every event
        return Mark(0, 0)
    return _new_tuple(Mark, (start.line + 1, start.column + 1))


def resolve_plain(value: str) -> str:
    """What YAML 1.1 makes of a plain scalar: "null", "bool", "int", "float" or "str"."""
    return _resolve(value)


def subtree(first: ev.Event, events: Iterator[ev.Event], path: str, max_depth: int) -> YamlNode:
    """The node that starts with ``first`` and takes its other events from ``events``,
    built and checked as ``yaml_parse.parse_yaml`` builds and checks a document's; no event
    after the node's last is taken."""
    builder = TreeBuilder(path, Locator(""), max_depth, None)
    builder.build(itertools.chain((first,), events), one_node=True)
    return builder.document[0]


class ParserMark(Protocol):
    """Where a parser event starts: PyYAML's Mark and libyaml's share these."""

    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...
    @property
    def index(self) -> int: ...


class Locator:
    """Turns PyYAML marks into 1-based editor positions.

    PyYAML counts NEL, LS and PS as line breaks; when the text has any, positions are
    recomputed from the character index so they agree with editors.
    """

    def __init__(self, text: str) -> None:
        self._line_starts: list[int] | None = None
        if any(brk in text for brk in UNUSUAL_BREAKS):
            self._line_starts = [0] + [match.end() for match in re.finditer("\n", text)]
        # Whether a parser mark's line and column are the editor's (no unusual breaks).
        self.plain = self._line_starts is None

    def mark(self, yaml_mark: ParserMark | None) -> Mark:
        if yaml_mark is None:  # never from the parser; the stubs allow it
            return Mark(0, 0)
        if self._line_starts is None:
            return _new_tuple(Mark, (yaml_mark.line + 1, yaml_mark.column + 1))
        line = bisect.bisect_right(self._line_starts, yaml_mark.index)
        return Mark(line, yaml_mark.index - self._line_starts[line - 1] + 1)


# A collection being built: its children, its keys' positions (None for a sequence) and
# its mark. A mapping's children alternate key, value, key, value, so it wants a key when
# their number is even; the keys' positions become the finished YamlMapping's index.
_Frame: TypeAlias = tuple[list["YamlNode"], dict[str, int] | None, Mark]

_SCALAR, _MAPPING, _SEQUENCE, _END, _ALIAS, _DOCUMENT, _OTHER = range(7)
_EVENT_KINDS = {
    ev.ScalarEvent: _SCALAR,
    ev.MappingStartEvent: _MAPPING,
    ev.SequenceStartEvent: _SEQUENCE,
    ev.MappingEndEvent: _END,
    ev.SequenceEndEvent: _END,
    ev.AliasEvent: _ALIAS,
    ev.DocumentStartEvent: _DOCUMENT,
}


def _event_kind(event: ev.Event) -> int:
    """The kind of an event whose exact class is not in _EVENT_KINDS (a subclass)."""
    for event_class, kind in _EVENT_KINDS.items():
        if isinstance(event, event_class):
            return kind
    return _OTHER


class TreeBuilder:
    """Consumes parser events and assembles the tree, enforcing every rule.

    The bottom frame is the document: a sequence-like frame whose one child is the root,
    so adding a node never has to ask whether it is the root.
    """

    def __init__(self, path: str, locator: Locator, max_depth: int, max_nodes: int | None) -> None:
        self.path = path
        self.mark = locator.mark
        self.plain_marks = locator.plain
        self.max_depth = max_depth
        self.max_nodes = max_nodes
        self.document: list[YamlNode] = []
        self.stack: list[_Frame] = [(self.document, None, Mark(0, 0))]
        self.nodes = 0
        self.documents = 0

    def error(self, message: str, mark: Mark) -> FactlintError:
        # A key or tag quoted in the message may be huge in a hostile file.
        return FactlintError(clip_message(message), self.path, mark.line, mark.column)

    def build(self, events: Iterable[ev.Event], *, one_node: bool = False) -> YamlNode | None:
        """The tree of the one document in ``events``, or with ``one_node`` the one node
        (a scalar, or a collection and all it holds) that the events start with, taking
        no event after it. Raises at the first thing refused."""
        for event in events:
            kind = _EVENT_KINDS.get(type(event))
            if kind is None:
                kind = _event_kind(event)
            if kind == _SCALAR:
                self.scalar(event)  # type: ignore[arg-type]
            elif kind == _END:
                self.close()
            elif kind in (_MAPPING, _SEQUENCE):
                self.open(event, kind == _MAPPING)  # type: ignore[arg-type]
            elif kind == _ALIAS:
                raise self.error(_ALIAS_MESSAGE, self.mark(event.start_mark))
            elif one_node:
                raise self.error("unexpected YAML event", self.mark(event.start_mark))
            elif kind == _DOCUMENT:
                self.documents += 1
                if self.documents > 1:
                    message = "more than one YAML document (only one is allowed)"
                    raise self.error(message, self.mark(event.start_mark))
            if one_node and len(self.stack) == 1:  # back at the document: the node is done
                break
        return self.document[0] if self.document else None

    def count(self, mark: Mark) -> None:
        self.nodes += 1
        if self.max_nodes is not None and self.nodes > self.max_nodes:
            raise self.error(f"more than {self.max_nodes} YAML nodes", mark)

    def scalar(self, event: ev.ScalarEvent) -> None:
        # The hot path (most events are scalars), hence written out in one method.
        start = event.start_mark
        if self.plain_marks and start is not None:
            mark = _new_tuple(Mark, (start.line + 1, start.column + 1))  # as Locator.mark
        else:
            mark = self.mark(start)
        if self.max_nodes is not None:
            self.count(mark)
        value: str = event.value
        tag = event.tag
        style = _STYLES.get(event.style, "plain")
        untagged = tag is None or tag == "!"
        if untagged:
            resolved = _resolve(value) if style == "plain" else "str"
        elif tag == _STR_TAG:
            resolved = "str"
        else:
            raise self.error(f"YAML tag '{_short_tag(tag)}' is not allowed", mark)
        children, index, _ = self.stack[-1]
        if index is not None and not len(children) & 1:  # a mapping key
            if value == "<<" and untagged and style == "plain":
                raise self.error("merge keys (<<) are not supported", mark)
            first = index.get(value)
            if first is not None:
                raise self.duplicate_key(value, mark, children[2 * first].mark)
            index[value] = len(children) >> 1
        children.append(YamlScalar(value, mark, style, resolved))

    def duplicate_key(self, key: str, mark: Mark, first: Mark) -> FactlintError:
        return self.error(f"duplicate key {quoted(key)} (first at line {first.line})", mark)

    def open(self, event: ev.CollectionStartEvent, is_mapping: bool) -> None:
        mark = self.mark(event.start_mark)
        self.count(mark)
        if event.tag not in _NO_TAG:
            raise self.error(f"YAML tag '{_short_tag(event.tag)}' is not allowed", mark)
        children, index, _ = self.stack[-1]
        if index is not None and not len(children) & 1:
            kind = "mapping" if is_mapping else "sequence"
            raise self.error(f"a mapping key must be a scalar, not a {kind}", mark)
        if len(self.stack) > self.max_depth:  # the document frame is not a level
            raise self.error(f"nesting deeper than {self.max_depth} levels", mark)
        self.stack.append(([], {} if is_mapping else None, mark))

    def close(self) -> None:
        children, index, mark = self.stack.pop()
        node: YamlNode
        if index is None:
            node = YamlSequence(tuple(children), mark)
        else:
            keys = cast(list[YamlScalar], children[::2])  # scalar() and open() made sure
            node = YamlMapping.indexed(tuple(zip(keys, children[1::2], strict=True)), mark, index)
        self.stack[-1][0].append(node)  # open() made sure a collection is never a key


# Resolution of plain scalars, as PyYAML's Resolver does it (first the implicit resolvers
# for the scalar's first character, then the wildcard ones; the first match wins), from
# the Resolver's own tables but without its per-call list building: most scalars start
# with a character no resolver claims and are "str" at the cost of one dict lookup.
_Matchers: TypeAlias = tuple[tuple[Callable[[str], object], str], ...]


def _matchers(resolvers: list[tuple[str, re.Pattern[str]]]) -> _Matchers:
    pairs = [(regexp.match, _RESOLVED.get(tag, "str")) for tag, regexp in resolvers]
    while pairs and pairs[-1][1] == "str":  # a last match that gives "str" changes nothing
        pairs.pop()
    return tuple(pairs)


_WILDCARD = Resolver.yaml_implicit_resolvers.get(None, [])
_BY_FIRST_CHARACTER = {
    first: _matchers(resolvers + _WILDCARD)
    for first, resolvers in Resolver.yaml_implicit_resolvers.items()
    if first is not None
}
_WILDCARD_MATCHERS = _matchers(_WILDCARD)


# Two shortcuts for the commonest plain scalars of large files, the same answers as the
# tables (tests/test_yamlsource.py): a scalar longer than any of the words YAML 1.1 reads
# as a bool or null (``true``, ``False``, ``NULL``, ``off``) that starts with a letter, for
# which the tables hold only those words (a fact id, ``t00001_total``), is a string; ASCII
# digits not starting with 0 are an integer (a line number).
WORD_FIRST = frozenset(
    first
    for first, resolvers in Resolver.yaml_implicit_resolvers.items()
    if first is not None
    and first.isalpha()
    and all(_RESOLVED.get(tag) in ("bool", "null") for tag, _ in resolvers)
)
LONGEST_WORD = 5
_DIGITS = frozenset("0123456789")


def _resolve(value: str) -> str:
    first = value[:1]
    if first in WORD_FIRST and len(value) > LONGEST_WORD and not _WILDCARD_MATCHERS:
        return "str"
    if first in _DIGITS and first != "0" and value.isdigit() and value.isascii():
        return "int"
    for match, resolved in _BY_FIRST_CHARACTER.get(first, _WILDCARD_MATCHERS):
        if match(value):
            return resolved
    return "str"


def _short_tag(tag: str | None) -> str:
    if tag is None:
        return "!"
    return "!!" + tag.removeprefix(_CORE_PREFIX) if tag.startswith(_CORE_PREFIX) else tag

"""Load untrusted YAML as plain, located data: mappings, sequences and scalar text.

Built on PyYAML's event stream with an explicit stack, so no Python object is ever
constructed from a tag and deep nesting cannot exhaust the Python stack. Scalars keep the
text as written (``76.50`` stays ``"76.50"``) plus what YAML 1.1 would have made of it.
Aliases, merge keys, duplicate keys, tags other than ``!!str`` and extra documents are
refused with a :class:`FactlintError` at ``path:line:col``.

>>> node = parse_yaml("revenue: 76.50\\nunit: 'EUR'\\n", "facts.yaml")
>>> node.get("revenue").value, node.get("revenue").resolved, node.get("revenue").mark
('76.50', 'float', Mark(line=1, column=10))
>>> to_plain(node)
{'revenue': '76.50', 'unit': 'EUR'}
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Generator, Iterable, Iterator
from pathlib import Path
from typing import Literal, NamedTuple, Protocol, TypeAlias, cast

import yaml
import yaml.events as ev
from yaml.resolver import Resolver

from factlint.clip import clip_message, quoted
from factlint.errors import FactlintError
from factlint.loading.textfile import (
    DEFAULT_MAX_BYTES,
    line_and_column,
    normalise_newlines,
    read_text,
)

DEFAULT_MAX_DEPTH = 64
# No count of nodes by default: with aliases refused every node costs at least a byte of
# input, so the byte limit bounds the nodes (a tree costs at most ~200 bytes of memory per
# byte of YAML, for a file of one-character scalars; SECURITY.md: bounded resources).
# A caller who wants a tighter bound passes max_nodes.
DEFAULT_MAX_NODES: int | None = None

LoaderName: TypeAlias = Literal["auto", "c", "python"]

_CLoader: type | None = getattr(yaml, "CSafeLoader", None)
HAS_C_LOADER = _CLoader is not None

_STR_TAG = "tag:yaml.org,2002:str"
_CORE_PREFIX = "tag:yaml.org,2002:"
_NO_TAG = (None, "!")
_STYLES = {None: "plain", "": "plain", "'": "single", '"': "double", "|": "literal", ">": "folded"}
# Anything else PyYAML resolves (timestamp, "=" value, "<<" merge) is reported as "str".
_RESOLVED = {f"{_CORE_PREFIX}{name}": name for name in ("null", "bool", "int", "float")}
# libyaml and PyYAML count these as line breaks; editors (and factlint) do not.
_UNUSUAL_BREAKS = ("\x85", "\u2028", "\u2029")
_ALIAS_MESSAGE = (
    "YAML aliases are not supported (anchors and aliases are refused so a small file"
    " cannot expand into a huge one)"
)


class Mark(NamedTuple):
    """Where a node starts: 1-based line and column."""

    line: int
    column: int


# The nodes are read-only by convention: slotted classes with plain __init__ build several
# times faster than frozen dataclasses, and a rules file has hundreds of thousands of nodes.
# Equality, hashing and repr are those the frozen dataclasses had.


class YamlScalar:
    """A scalar as written, never converted.

    ``resolved`` is what PyYAML's SafeLoader would have turned a plain scalar into:
    "null", "bool", "int", "float" or otherwise "str" (a plain date, which PyYAML would
    make a ``datetime.date``, is "str" too); quoted, block and ``!!str`` scalars are
    always "str".
    """

    __slots__ = ("mark", "resolved", "style", "value")
    __match_args__ = ("value", "mark", "style", "resolved")

    value: str
    mark: Mark
    style: str
    resolved: str

    def __init__(self, value: str, mark: Mark, style: str, resolved: str) -> None:
        self.value = value
        self.mark = mark
        self.style = style
        self.resolved = resolved

    def is_null(self) -> bool:
        return self.resolved == "null"

    def _astuple(self) -> tuple[str, Mark, str, str]:
        return (self.value, self.mark, self.style, self.resolved)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, YamlScalar) and other.__class__ is self.__class__:
            return self._astuple() == other._astuple()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._astuple())

    def __repr__(self) -> str:
        return (
            f"YamlScalar(value={self.value!r}, mark={self.mark!r}, style={self.style!r}, "
            f"resolved={self.resolved!r})"
        )


class YamlMapping:
    """A mapping in file order; keys are scalars, unique by text."""

    __slots__ = ("_index", "items", "mark")
    __match_args__ = ("items", "mark")

    items: tuple[tuple[YamlScalar, YamlNode], ...]
    mark: Mark
    _index: dict[str, int]

    def __init__(self, items: tuple[tuple[YamlScalar, YamlNode], ...], mark: Mark) -> None:
        index: dict[str, int] = {}
        for position, (key, _) in enumerate(items):
            index.setdefault(key.value, position)
        self.items = items
        self.mark = mark
        self._index = index

    def get(self, key: str) -> YamlNode | None:
        position = self._index.get(key)
        return None if position is None else self.items[position][1]

    def keys(self) -> list[str]:
        return [key.value for key, _ in self.items]

    def key_node(self, key: str) -> YamlScalar | None:
        position = self._index.get(key)
        return None if position is None else self.items[position][0]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, YamlMapping) and other.__class__ is self.__class__:
            return (self.items, self.mark) == (other.items, other.mark)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.items, self.mark))

    def __repr__(self) -> str:
        return f"YamlMapping(items={self.items!r}, mark={self.mark!r})"


class YamlSequence:
    """A sequence in file order."""

    __slots__ = ("items", "mark")
    __match_args__ = ("items", "mark")

    items: tuple[YamlNode, ...]
    mark: Mark

    def __init__(self, items: tuple[YamlNode, ...], mark: Mark) -> None:
        self.items = items
        self.mark = mark

    def __eq__(self, other: object) -> bool:
        if isinstance(other, YamlSequence) and other.__class__ is self.__class__:
            return (self.items, self.mark) == (other.items, other.mark)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.items, self.mark))

    def __repr__(self) -> str:
        return f"YamlSequence(items={self.items!r}, mark={self.mark!r})"


YamlNode = YamlScalar | YamlMapping | YamlSequence


def load_yaml(
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    max_nodes: int | None = DEFAULT_MAX_NODES,
    display_path: str | None = None,
    what: str = "YAML file",
    loader: LoaderName = "auto",
) -> YamlNode | None:
    """Read and parse one YAML file; errors name ``display_path`` (default ``str(path)``)."""
    shown = str(path) if display_path is None else display_path
    try:
        text = read_text(path, max_bytes=max_bytes, what=what)
    except FactlintError as error:
        raise FactlintError(error.message, shown, error.line, error.column) from None
    return parse_yaml(text, shown, max_depth=max_depth, max_nodes=max_nodes, loader=loader)


def parse_yaml(
    text: str,
    path: str,
    *,
    max_depth: int = DEFAULT_MAX_DEPTH,
    max_nodes: int | None = DEFAULT_MAX_NODES,
    loader: LoaderName = "auto",
) -> YamlNode | None:
    """The one document in ``text`` as a located tree, or None when there is none.

    ``loader`` picks libyaml ("c"), PyYAML's pure-Python parser ("python") or the C one
    when it is installed ("auto"). Both give the same trees and marks for ordinary YAML;
    their syntax-error wording differs, and libyaml accepts some tabs PyYAML refuses.
    """
    loader_class = _loader_class(loader)
    text = normalise_newlines(text.removeprefix("\ufeff"))
    _refuse_inner_bom(text, path)
    locator = _Locator(text)
    builder = _TreeBuilder(path, locator, max_depth, max_nodes)
    events = yaml.parse(text, Loader=loader_class)
    try:
        return builder.build(events)
    except FactlintError:
        raise
    except yaml.MarkedYAMLError as error:
        if loader_class is _CLoader and "maximum nesting depth" in str(error.problem):
            # Newer libyaml stops deep nesting before we see it; the Python parser lets our
            # own depth limit speak, at the node that crosses it, as on every other install.
            return parse_yaml(text, path, max_depth=max_depth, max_nodes=max_nodes, loader="python")
        raise _syntax_error(error, text, path, locator) from None
    except yaml.reader.ReaderError as error:
        index = _reader_index(error.position, text, loader_class is _CLoader)
        raise _bad_character(text, index, path) from None
    except UnicodeEncodeError as error:  # libyaml is handed UTF-8: lone surrogates fail here
        raise _bad_character(text, error.start, path) from None
    except (RecursionError, MemoryError):
        raise FactlintError("YAML document is too large or too deeply nested", path) from None
    except Exception as error:  # never let a parser quirk escape as a crash
        raise FactlintError(f"could not parse YAML: {_one_line(str(error))}", path) from None
    finally:
        if isinstance(events, Generator):  # the stubs say Iterator; PyYAML's is a generator
            events.close()


def yaml_events(text: str) -> Iterator[ev.Event] | None:
    """libyaml's events for ``text`` (normalised as ``parse_yaml`` normalises it), for
    loaders that build their objects straight from events; None when libyaml is missing or
    the text needs what only ``parse_yaml`` does (unusual line breaks, an inner BOM). The
    events are not checked: a loader refuses what it does not expect and then calls
    ``parse_yaml``, which words the error."""
    if _CLoader is None:
        return None
    text = normalise_newlines(text.removeprefix("\ufeff"))
    if "\ufeff" in text or any(brk in text for brk in _UNUSUAL_BREAKS):
        return None
    return yaml.parse(text, Loader=_CLoader)


def event_mark(event: ev.Event) -> Mark:
    """Where an event of ``yaml_events`` starts, as the trees' marks say it."""
    start = event.start_mark
    if start is None:  # libyaml marks every event
        return Mark(0, 0)
    return _new_tuple(Mark, (start.line + 1, start.column + 1))


def resolve_plain(value: str) -> str:
    """What YAML 1.1 makes of a plain scalar: "null", "bool", "int", "float" or "str"."""
    return _resolve(value)


def subtree(first: ev.Event, events: Iterator[ev.Event], path: str, max_depth: int) -> YamlNode:
    """The node that starts with ``first`` and takes its other events from ``events``,
    built and checked as ``parse_yaml`` builds and checks a document's."""
    builder = _TreeBuilder(path, _Locator(""), max_depth, None)
    builder.build_node(first, events)
    return builder.document[0]


def to_plain(node: YamlNode | None) -> object:
    """Plain dict/list/str data (null scalars as None), e.g. for tests and dumps."""
    if node is None:
        return None
    root = _plain_shell(node)
    pending: list[tuple[YamlNode, object]] = [(node, root)]
    while pending:
        current, shell = pending.pop()
        if isinstance(current, YamlMapping) and isinstance(shell, dict):
            for key, item in current.items:
                shell[key.value] = child = _plain_shell(item)
                pending.append((item, child))
        elif isinstance(current, YamlSequence) and isinstance(shell, list):
            for item in current.items:
                shell.append(child := _plain_shell(item))
                pending.append((item, child))
    return root


def _plain_shell(node: YamlNode) -> object:
    """A scalar's plain value, or an empty container for to_plain to fill."""
    if isinstance(node, YamlMapping):
        return {}
    if isinstance(node, YamlSequence):
        return []
    return None if node.is_null() else node.value


def _loader_class(loader: LoaderName) -> type:
    if loader == "python" or (loader == "auto" and _CLoader is None):
        return yaml.SafeLoader
    if loader in ("c", "auto") and _CLoader is not None:
        return _CLoader
    raise ValueError(f"YAML loader {loader!r} is not available")


class _ParserMark(Protocol):
    """Where a parser event starts: PyYAML's Mark and libyaml's share these."""

    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...
    @property
    def index(self) -> int: ...


class _Locator:
    """Turns PyYAML marks into 1-based editor positions.

    PyYAML counts NEL, LS and PS as line breaks; when the text has any, positions are
    recomputed from the character index so they agree with editors.
    """

    def __init__(self, text: str) -> None:
        self._line_starts: list[int] | None = None
        if any(brk in text for brk in _UNUSUAL_BREAKS):
            self._line_starts = [0] + [match.end() for match in re.finditer("\n", text)]
        # Whether a parser mark's line and column are the editor's (no unusual breaks).
        self.plain = self._line_starts is None

    def mark(self, yaml_mark: _ParserMark | None) -> Mark:
        if yaml_mark is None:  # never from the parser; the stubs allow it
            return Mark(0, 0)
        if self._line_starts is None:
            return _new_tuple(Mark, (yaml_mark.line + 1, yaml_mark.column + 1))
        line = bisect.bisect_right(self._line_starts, yaml_mark.index)
        return Mark(line, yaml_mark.index - self._line_starts[line - 1] + 1)


_new_tuple = tuple.__new__  # Mark(line, column) without the Python-level __new__

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


class _TreeBuilder:
    """Consumes parser events and assembles the tree, enforcing every rule.

    The bottom frame is the document: a sequence-like frame whose one child is the root,
    so adding a node never has to ask whether it is the root.
    """

    def __init__(self, path: str, locator: _Locator, max_depth: int, max_nodes: int | None) -> None:
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

    def build(self, events: Iterable[ev.Event]) -> YamlNode | None:
        """The tree of the one document in ``events``; raises at the first thing refused."""
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
            elif kind == _DOCUMENT:
                self.documents += 1
                if self.documents > 1:
                    message = "more than one YAML document (only one is allowed)"
                    raise self.error(message, self.mark(event.start_mark))
        return self.document[0] if self.document else None

    def build_node(self, first: ev.Event, events: Iterator[ev.Event]) -> None:
        """One node (a scalar, or a collection and all it holds) into the document."""
        event: ev.Event | None = first
        while event is not None:
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
            else:
                raise self.error("unexpected YAML event", self.mark(event.start_mark))
            event = next(events, None) if len(self.stack) > 1 else None

    def count(self, mark: Mark) -> None:
        self.nodes += 1
        if self.max_nodes is not None and self.nodes > self.max_nodes:
            raise self.error(f"more than {self.max_nodes} YAML nodes", mark)

    def scalar(self, event: ev.ScalarEvent) -> None:
        # The hot path (most events are scalars), hence written out in one method.
        start = event.start_mark
        if self.plain_marks and start is not None:
            mark = _new_tuple(Mark, (start.line + 1, start.column + 1))  # as _Locator.mark
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
            node = _new_mapping(tuple(zip(keys, children[1::2], strict=True)), mark, index)
        self.stack[-1][0].append(node)  # open() made sure a collection is never a key


def _new_mapping(
    items: tuple[tuple[YamlScalar, YamlNode], ...], mark: Mark, index: dict[str, int]
) -> YamlMapping:
    """A YamlMapping whose index the builder already made while refusing duplicate keys."""
    mapping = YamlMapping.__new__(YamlMapping)
    mapping.items = items
    mapping.mark = mark
    mapping._index = index
    return mapping


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


def _resolve(value: str) -> str:
    for match, resolved in _BY_FIRST_CHARACTER.get(value[:1], _WILDCARD_MATCHERS):
        if match(value):
            return resolved
    return "str"


def _short_tag(tag: str | None) -> str:
    if tag is None:
        return "!"
    return "!!" + tag.removeprefix(_CORE_PREFIX) if tag.startswith(_CORE_PREFIX) else tag


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _syntax_error(
    error: yaml.MarkedYAMLError, text: str, path: str, locator: _Locator
) -> FactlintError:
    mark = error.problem_mark or error.context_mark
    problem = _one_line(error.problem or error.context or "invalid YAML")
    if problem == "found character that cannot start any token" and mark is not None:
        # libyaml leaves the character out; PyYAML's wording is more helpful.
        character = text[mark.index : mark.index + 1]
        problem = f"found character {character!r} that cannot start any token"
    context = error.context_mark
    if error.context and context is not None and context.index != getattr(mark, "index", None):
        where = locator.mark(context)
        began = f"line {where.line}, column {where.column}"
        problem = f"{problem} ({_one_line(error.context)} that began at {began})"
    problem = clip_message(problem)
    if mark is None:
        return FactlintError(problem, path)
    where = locator.mark(mark)
    return FactlintError(problem, path, where.line, where.column)


def _refuse_inner_bom(text: str, path: str) -> None:
    # libyaml skips U+FEFF at the start of any line while PyYAML keeps it as text, so the
    # two would build different trees; it is never intended in a facts or rules file.
    index = text.find("\ufeff")
    if index >= 0:
        line, column = line_and_column(text, index)
        message = "byte order mark (U+FEFF) in the middle of the file"
        raise FactlintError(message, path, line, column)


def _reader_index(position: int, text: str, from_libyaml: bool) -> int:
    """libyaml reports a byte offset into UTF-8; PyYAML a character index."""
    if not from_libyaml:
        return position
    encoded = text.encode("utf-8", errors="surrogatepass")
    return len(encoded[:position].decode("utf-8", errors="ignore"))


def _bad_character(text: str, index: int, path: str) -> FactlintError:
    line, column = line_and_column(text, index)
    code = ord(text[index]) if index < len(text) else 0
    return FactlintError(f"character U+{code:04X} is not allowed in YAML", path, line, column)

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
import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeAlias

import yaml
import yaml.events as ev
from yaml.resolver import Resolver

from factlint.clip import clip_message, quoted
from factlint.errors import FactlintError
from factlint.textfile import DEFAULT_MAX_BYTES, line_and_column, normalise_newlines, read_text

DEFAULT_MAX_DEPTH = 64
# ~50,000 facts with a mention each; more nodes than that is an attack, not a report,
# and building each node costs a few microseconds (SECURITY.md: bounded resources).
DEFAULT_MAX_NODES = 250_000

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
_RESOLVER = Resolver()
_ALIAS_MESSAGE = (
    "YAML aliases are not supported (anchors and aliases are refused so a small file"
    " cannot expand into a huge one)"
)


@dataclass(frozen=True)
class Mark:
    """Where a node starts: 1-based line and column."""

    line: int
    column: int


@dataclass(frozen=True)
class YamlScalar:
    """A scalar as written, never converted.

    ``resolved`` is what PyYAML's SafeLoader would have turned a plain scalar into:
    "null", "bool", "int", "float" or otherwise "str" (a plain date, which PyYAML would
    make a ``datetime.date``, is "str" too); quoted, block and ``!!str`` scalars are
    always "str".
    """

    value: str
    mark: Mark
    style: str
    resolved: str

    def is_null(self) -> bool:
        return self.resolved == "null"


@dataclass(frozen=True)
class YamlMapping:
    """A mapping in file order; keys are scalars, unique by text."""

    items: tuple[tuple[YamlScalar, YamlNode], ...]
    mark: Mark
    _index: dict[str, int] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        index: dict[str, int] = {}
        for position, (key, _) in enumerate(self.items):
            index.setdefault(key.value, position)
        object.__setattr__(self, "_index", index)

    def get(self, key: str) -> YamlNode | None:
        position = self._index.get(key)
        return None if position is None else self.items[position][1]

    def keys(self) -> list[str]:
        return [key.value for key, _ in self.items]

    def key_node(self, key: str) -> YamlScalar | None:
        position = self._index.get(key)
        return None if position is None else self.items[position][0]


@dataclass(frozen=True)
class YamlSequence:
    """A sequence in file order."""

    items: tuple[YamlNode, ...]
    mark: Mark


YamlNode = YamlScalar | YamlMapping | YamlSequence


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while loaders build many long-lived objects.

    The trees, facts and rules built here hold no reference cycles, yet every collection
    of the oldest generation rescans all of them: with the collector running, loading
    grows faster than linearly (a third of the time at 100k facts). Nesting is safe.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_yaml(
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    max_nodes: int = DEFAULT_MAX_NODES,
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
    max_nodes: int = DEFAULT_MAX_NODES,
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
        for event in events:
            builder.feed(event)
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
        events.close()
    return builder.root


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


class _Locator:
    """Turns PyYAML marks into 1-based editor positions.

    PyYAML counts NEL, LS and PS as line breaks; when the text has any, positions are
    recomputed from the character index so they agree with editors.
    """

    def __init__(self, text: str) -> None:
        self._line_starts: list[int] | None = None
        if any(brk in text for brk in _UNUSUAL_BREAKS):
            self._line_starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def mark(self, yaml_mark: yaml.Mark) -> Mark:
        if self._line_starts is None:
            return Mark(yaml_mark.line + 1, yaml_mark.column + 1)
        line = bisect.bisect_right(self._line_starts, yaml_mark.index)
        return Mark(line, yaml_mark.index - self._line_starts[line - 1] + 1)


@dataclass
class _Frame:
    """A collection being built."""

    mark: Mark
    is_mapping: bool
    items: list[YamlNode] = field(default_factory=list)
    pairs: list[tuple[YamlScalar, YamlNode]] = field(default_factory=list)
    key: YamlScalar | None = None
    seen: dict[str, Mark] = field(default_factory=dict)

    def wants_key(self) -> bool:
        return self.is_mapping and self.key is None


class _TreeBuilder:
    """Consumes parser events and assembles the tree, enforcing every rule."""

    def __init__(self, path: str, locator: _Locator, max_depth: int, max_nodes: int) -> None:
        self.path = path
        self.locator = locator
        self.max_depth = max_depth
        self.max_nodes = max_nodes
        self.stack: list[_Frame] = []
        self.nodes = 0
        self.documents = 0
        self.root: YamlNode | None = None

    def error(self, message: str, mark: Mark) -> FactlintError:
        # A key or tag quoted in the message may be huge in a hostile file.
        return FactlintError(clip_message(message), self.path, mark.line, mark.column)

    def feed(self, event: ev.Event) -> None:
        mark = self.locator.mark(event.start_mark)
        if isinstance(event, ev.ScalarEvent):
            self.add(self.scalar(event, mark))
        elif isinstance(event, ev.MappingStartEvent | ev.SequenceStartEvent):
            self.open(event, mark)
        elif isinstance(event, ev.MappingEndEvent | ev.SequenceEndEvent):
            self.close()
        elif isinstance(event, ev.AliasEvent):
            raise self.error(_ALIAS_MESSAGE, mark)
        elif isinstance(event, ev.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise self.error("more than one YAML document (only one is allowed)", mark)

    def count(self, mark: Mark) -> None:
        self.nodes += 1
        if self.nodes > self.max_nodes:
            raise self.error(f"more than {self.max_nodes} YAML nodes", mark)

    def scalar(self, event: ev.ScalarEvent, mark: Mark) -> YamlScalar:
        self.count(mark)
        tag = event.tag
        if tag not in _NO_TAG and tag != _STR_TAG:
            raise self.error(f"YAML tag '{_short_tag(tag)}' is not allowed", mark)
        style = _STYLES.get(event.style, "plain")
        if style != "plain" or tag not in _NO_TAG:
            return YamlScalar(event.value, mark, style, "str")
        if event.value == "<<" and self.stack and self.stack[-1].wants_key():
            raise self.error("merge keys (<<) are not supported", mark)
        return YamlScalar(event.value, mark, style, _resolve(event.value))

    def open(self, event: ev.CollectionStartEvent, mark: Mark) -> None:
        self.count(mark)
        is_mapping = isinstance(event, ev.MappingStartEvent)
        if event.tag not in _NO_TAG:
            raise self.error(f"YAML tag '{_short_tag(event.tag)}' is not allowed", mark)
        if self.stack and self.stack[-1].wants_key():
            kind = "mapping" if is_mapping else "sequence"
            raise self.error(f"a mapping key must be a scalar, not a {kind}", mark)
        if len(self.stack) >= self.max_depth:
            raise self.error(f"nesting deeper than {self.max_depth} levels", mark)
        self.stack.append(_Frame(mark, is_mapping))

    def close(self) -> None:
        frame = self.stack.pop()
        node: YamlNode
        if frame.is_mapping:
            node = YamlMapping(tuple(frame.pairs), frame.mark)
        else:
            node = YamlSequence(tuple(frame.items), frame.mark)
        self.add(node)

    def add(self, node: YamlNode) -> None:
        if not self.stack:
            self.root = node
            return
        frame = self.stack[-1]
        if not frame.is_mapping:
            frame.items.append(node)
        elif frame.key is None:
            assert isinstance(node, YamlScalar)  # open() refuses collection keys
            self.check_key(frame, node)
            frame.key = node
        else:
            frame.pairs.append((frame.key, node))
            frame.key = None

    def check_key(self, frame: _Frame, key: YamlScalar) -> None:
        first = frame.seen.get(key.value)
        if first is not None:
            raise self.error(
                f"duplicate key {quoted(key.value)} (first at line {first.line})", key.mark
            )
        frame.seen[key.value] = key.mark


def _resolve(value: str) -> str:
    tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))
    return _RESOLVED.get(tag, "str")


def _short_tag(tag: str) -> str:
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

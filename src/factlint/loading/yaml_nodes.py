"""Located YAML data: the nodes a YAML file becomes, and plain data made from them.

Mappings, sequences and scalars keep the text as written (``76.50`` stays ``"76.50"``) and
where each starts in the file. ``loading.yaml_parse`` makes them from text (through
``loading.yaml_builder``, which makes them from parser events).

>>> key = YamlScalar("revenue", Mark(1, 1), "plain", "str")
>>> value = YamlScalar("76.50", Mark(1, 10), "plain", "float")
>>> to_plain(YamlMapping(((key, value),), Mark(1, 1)))
{'revenue': '76.50'}
"""

from __future__ import annotations

from typing import NamedTuple


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

    @classmethod
    def indexed(
        cls, items: tuple[tuple[YamlScalar, YamlNode], ...], mark: Mark, index: dict[str, int]
    ) -> YamlMapping:
        """A mapping whose index (each key's first position) the caller already made, as
        the builder does while refusing duplicate keys."""
        mapping = cls.__new__(cls)
        mapping.items = items
        mapping.mark = mark
        mapping._index = index
        return mapping

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

"""Read typed fields out of located YAML nodes, with errors that say where and what.

The facts and rules loaders describe their formats with these helpers; plain Python dicts
(the library's ``facts_from_dict``) are turned into the same nodes first, so both paths
share one set of checks.
"""

from __future__ import annotations

from collections.abc import Collection

from factlint.clip import clip, clip_message
from factlint.errors import FactlintError
from factlint.loading.yaml_nodes import Mark, YamlMapping, YamlNode, YamlScalar, YamlSequence
from factlint.records import dataclass

NO_MARK = Mark(0, 0)
"""The mark of a node built from Python data: there is no line to point at."""

IDENTIFIER_PATTERN = (
    r"^[^\x00-\x40\x5B-\x5E\x60\x7B-\x7F][^\x00-\x2F\x3A-\x40\x5B-\x5E\x60\x7B-\x7F]*$"
)
"""What ``Reader.identifier`` accepts, as the JSON Schemas say it (a fact id): exactly
``str.isidentifier`` on ASCII (a letter or ``_``, then letters, digits and ``_``), and any
non-ASCII character through, which a regular expression portable between Python and
JavaScript cannot tell apart the way ``isidentifier`` does."""

_KINDS = {YamlMapping: "a mapping", YamlSequence: "a list", YamlScalar: "a scalar"}


@dataclass(frozen=True)
class Reader:
    """Builds located errors for one file (or one in-memory document)."""

    path: str

    def error(self, message: str, node: YamlNode | Mark | None = None) -> FactlintError:
        mark = node if isinstance(node, Mark) or node is None else node.mark
        message = clip_message(message)  # user text inside may be huge or multi-line
        if mark is None or mark == NO_MARK:
            return FactlintError(message, self.path)
        return FactlintError(message, self.path, mark.line, mark.column)

    def mapping(
        self, node: YamlNode | None, what: str, at: YamlNode | Mark | None = None
    ) -> YamlMapping:
        if isinstance(node, YamlMapping):
            return node
        raise self.error(f"{what} must be a mapping, not {describe(node)}", node or at)

    def document(self, node: YamlNode, what: str, keys: tuple[str, ...]) -> YamlMapping:
        """The top mapping of a file that should be ``what``, with at least one of ``keys``.

        A file that is not one (a key file, a password file named by mistake or on purpose)
        is refused without quoting a byte of it: a CI log is public.
        """
        expected = ", ".join(f"'{key}:'" for key in keys)
        if not isinstance(node, YamlMapping):
            kind = _KINDS[type(node)] if not isinstance(node, YamlScalar) else "a single value"
            raise self.error(f"is not {what}: it holds {kind}, not a mapping with {expected}", node)
        if not any(key.value in keys for key, _ in node.items):
            raise self.error(f"is not {what}: it has none of the keys {expected}", node)
        return node

    def sequence(
        self, node: YamlNode | None, what: str, at: YamlNode | Mark | None = None
    ) -> YamlSequence:
        if isinstance(node, YamlSequence):
            return node
        raise self.error(f"{what} must be a list, not {describe(node)}", node or at)

    def text(self, node: YamlNode | None, what: str, at: YamlNode | Mark | None = None) -> str:
        """A string; a plain scalar that YAML would read as a number keeps its written text."""
        if isinstance(node, YamlScalar) and node.resolved in ("str", "int", "float"):
            return node.value
        raise self.error(f"{what} must be a string, not {describe(node)}", node or at)

    def identifier(self, node: YamlNode | None, what: str) -> str:
        value = self.text(node, what)
        if not value.isidentifier():
            raise self.error(
                f"{what} '{clip(value)}' must be an identifier (letters, digits and _, "
                "not starting with a digit)",
                node,
            )
        return value

    def boolean(self, node: YamlNode | None, what: str) -> bool:
        if isinstance(node, YamlScalar) and node.resolved == "bool":
            return node.value.lower() in ("true", "yes", "on", "y")
        raise self.error(f"{what} must be true or false, not {describe(node)}", node)

    def integer(self, node: YamlNode | None, what: str, *, low: int, high: int) -> int:
        if isinstance(node, YamlScalar) and node.resolved == "int" and len(node.value) <= 12:
            try:
                value = int(node.value.replace("_", ""), 0)
            except ValueError:
                value = None
            if value is not None and low <= value <= high:
                return value
        raise self.error(
            f"{what} must be a whole number from {low} to {high}, not {describe(node)}", node
        )

    def known_keys(self, node: YamlMapping, allowed: Collection[str], what: str) -> None:
        for key, _ in node.items:
            if key.value not in allowed:
                import difflib  # here: only a misspelt key needs it

                close = difflib.get_close_matches(clip(key.value), list(allowed), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                known = ", ".join(sorted(allowed))
                raise self.error(
                    f"unknown key '{clip(key.value)}' in {what}{hint}; known keys: {known}", key
                )

    def required(self, node: YamlMapping, key: str, what: str) -> YamlNode:
        value = node.get(key)
        if value is None:
            raise self.error(f"{what} has no '{key}'", node)
        return value


def describe(node: YamlNode | None) -> str:
    if node is None:
        return "nothing"
    if isinstance(node, YamlScalar):
        if node.resolved == "null":
            return "an empty value"
        shown = node.value if len(node.value) <= 40 else node.value[:37] + "..."
        return f"{node.resolved if node.resolved != 'str' else 'the string'} {shown!r}"
    return _KINDS[type(node)]


def from_plain(data: object, where: str = "value") -> YamlNode | None:
    """Nodes for plain Python data (dicts, lists, str, int, bool, None), without marks.

    A Python float is refused: its printed precision is already lost.
    """
    if data is None:
        return YamlScalar("", NO_MARK, "plain", "null")
    if isinstance(data, bool):
        return YamlScalar("true" if data else "false", NO_MARK, "plain", "bool")
    if isinstance(data, int):
        return YamlScalar(str(data), NO_MARK, "plain", "int")
    if isinstance(data, float):
        raise FactlintError(
            f"{where} is a float ({data!r}): write figures as strings so their printed "
            'precision is kept (e.g. "76.50%")'
        )
    if isinstance(data, str):
        return YamlScalar(data, NO_MARK, "double", "str")
    if isinstance(data, dict):
        items = []
        for key, value in data.items():
            if not isinstance(key, str):
                raise FactlintError(f"{where} has a key that is not a string: {key!r}")
            node = from_plain(value, f"{where}.{key}")
            assert node is not None
            items.append((YamlScalar(key, NO_MARK, "double", "str"), node))
        return YamlMapping(tuple(items), NO_MARK)
    if isinstance(data, list | tuple):
        nodes = []
        for index, item in enumerate(data):
            node = from_plain(item, f"{where}[{index}]")
            assert node is not None
            nodes.append(node)
        return YamlSequence(tuple(nodes), NO_MARK)
    raise FactlintError(
        f"{where} has a value of type {type(data).__name__}, which is not plain data"
    )

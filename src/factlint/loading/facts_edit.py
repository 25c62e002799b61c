"""Add mentions and facts to a hand-written facts file by inserting text, never rewriting it.

A person writes a facts file in any layout YAML allows: block or flow facts, a fact on one
line, ``-`` alone on its line, ``? key`` entries, comments anywhere, block scalars, ``...``,
``facts:`` before ``report:``, CRLF line ends, no final newline. Where to insert is read
from the YAML nodes' start and end marks (PyYAML's composer), not from lines that look
like the end of something: a new mention goes right after the last content of the fact's
``mentions`` sequence, a new fact right after the last content of ``facts:``, each written
in the style of that spot (a block item at the items' column, or one more entry of a flow
collection) with the file's own line break. Everything outside the inserted spans stays
byte for byte. A spot that cannot be edited safely is refused with a FactlintError at its
line and column; the caller loads the result again before writing it (extract/update.py).

>>> text = 'facts:\\n  a: {value: "1", mentions: [{line: 1}]}  # kept\\n'
>>> document = FactsDocument(text, "x.facts.yaml")
>>> print(apply(text, document.add_mentions("a", [{"line": 2}])), end="")
facts:
  a: {value: "1", mentions: [{line: 1}, {line: 2}]}  # kept
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import yaml

from factlint.errors import FactlintError
from factlint.loading.facts_writer import key, scalar

ADDED_COMMENT = "# added by factlint extract --update: review these"
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # what PyYAML reads as a line break
_NEWLINE = re.compile("\r\n|[\r\n]")  # what factlint and editors read as one
_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Insertion:
    """``text`` goes in before the character at ``index`` of the original text."""

    index: int
    text: str


def apply(text: str, insertions: Sequence[Insertion]) -> str:
    """``text`` with every insertion made; insertions at one index keep their order."""
    pieces: list[str] = []
    position = 0
    for insertion in sorted(insertions, key=lambda i: i.index):  # sorted() is stable
        pieces.append(text[position : insertion.index])
        pieces.append(insertion.text)
        position = insertion.index
    pieces.append(text[position:])
    return "".join(pieces)


class FactsDocument:
    """The node tree of a facts file's text (a BOM removed, line breaks as in the file),
    with the marks that say where each node starts and ends."""

    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path
        first = _NEWLINE.search(text)
        self.newline = first.group() if first else "\n"
        try:
            root = yaml.compose(text, Loader=_LOADER)
        except yaml.YAMLError as error:  # the loader read it; a parser quirk is no crash
            raise FactlintError(f"cannot update: {' '.join(str(error).split())}", path) from None
        except (MemoryError, RecursionError):
            raise FactlintError("cannot update: the file is too large to edit", path) from None
        facts = _value(root, "facts")
        if not isinstance(facts, yaml.MappingNode):
            raise self.refusal("the facts file has no 'facts:' mapping to update", root)
        self.facts = facts

    def refusal(self, message: str, node: yaml.Node | None) -> FactlintError:
        if node is None:
            return FactlintError(f"cannot update: {message}", self.path)
        mark = node.start_mark
        return FactlintError(f"cannot update: {message}", self.path, mark.line + 1, mark.column + 1)

    def add_mentions(
        self, fact_id: str, mentions: Sequence[Mapping[str, object]]
    ) -> list[Insertion]:
        """The insertions that append ``mentions`` to the ``mentions`` of ``fact_id``."""
        fact = _value(self.facts, fact_id)
        if not isinstance(fact, yaml.MappingNode):
            raise self.refusal(f"fact '{fact_id}' is not a mapping", fact or self.facts)
        sequence = _value(fact, "mentions")
        if not isinstance(sequence, yaml.SequenceNode) or not sequence.value:
            raise self.refusal(f"fact '{fact_id}' has no mentions list to add to", fact)
        items = [flow(m) for m in mentions]
        if sequence.flow_style:
            return self._flow_append(sequence, sequence.value[-1], items)
        last = sequence.value[-1]
        dash = " " * sequence.start_mark.column
        if isinstance(last, yaml.MappingNode) and not last.flow_style and last.value:
            lines = [line for m in mentions for line in self._block_item(m, dash, last)]
        else:
            lines = [f"{dash}- {item}" for item in items]
        return [self._lines_after(_content_end(sequence), lines)]

    def add_facts(self, facts: Mapping[str, Mapping[str, object]]) -> list[Insertion]:
        """The insertions that add ``facts`` (id -> fields) at the end of ``facts:``."""
        if not facts:
            return []
        node = self.facts
        entries = [f"{key(fact_id)}: {flow(fields)}" for fact_id, fields in facts.items()]
        if node.flow_style:
            if not node.value:  # facts: {}
                return [Insertion(node.start_mark.index + 1, ", ".join(entries))]
            last_key, last_value = node.value[-1]
            return self._flow_append(node, last_key, entries, end=_content_end(last_value))
        indent = " " * self._entry_column(node)
        values = [value for _, value in node.value]
        if values and all(_one_line_flow(v) for v in values):
            lines = [f"{indent}{entry}" for entry in entries]
        else:
            step = " " * self._step(node)
            lines = []
            for fact_id, fields in facts.items():
                lines += _block_fact(fact_id, fields, indent, step)
        return [self._lines_after(_content_end(node), ["", indent + ADDED_COMMENT, *lines])]

    def _lines_after(self, end: int, lines: list[str]) -> Insertion:
        """``lines`` as lines of their own after the line where content ends at ``end``
        (after a comment on that line; before the next one)."""
        text = self.text
        newline = self._newline_near(end)
        if end > 0 and text[end - 1] in "\r\n\x85\u2028\u2029":  # a block scalar's end
            return Insertion(end, newline.join(lines) + newline)
        found = _BREAK.search(text, end)
        at = found.start() if found else len(text)
        return Insertion(at, newline + newline.join(lines))

    def _flow_append(
        self, node: yaml.Node, last: yaml.Node, items: list[str], *, end: int | None = None
    ) -> list[Insertion]:
        """``items`` after ``last`` (whose content ends at ``end``), the last entry of the
        flow collection ``node``: on its line, or on lines of their own when each entry
        stands on its own line."""
        text = self.text
        end = _content_end(last) if end is None else end
        close = node.end_mark.index - 1
        if text[close : close + 1] not in ("]", "}"):
            raise self.refusal("the end of this flow collection is not where YAML says", node)
        start = last.start_mark
        own_line = not text[_line_start(text, start.index) : start.index].strip() and (
            start.line > node.start_mark.line
        )
        rest = _BREAK.search(text, end)
        line_end = rest.start() if rest else len(text)
        after = text[end:line_end]
        if own_line and close >= line_end:
            indent = " " * start.column
            newline = self._newline_near(end)
            stripped = after.lstrip(" \t")
            if stripped.startswith(","):  # a trailing comma: keep writing them
                tail = stripped[1:].lstrip(" \t")
                if not tail or tail.startswith("#"):
                    block = "".join(f"{newline}{indent}{item}," for item in items)
                    return [Insertion(line_end, block)]
            elif not stripped or stripped.startswith("#"):
                block = newline + f",{newline}".join(indent + item for item in items)
                return [Insertion(end, ","), Insertion(line_end, block)]
        return [Insertion(end, "".join(f", {item}" for item in items))]

    def _block_item(
        self, mention: Mapping[str, object], dash: str, like: yaml.MappingNode
    ) -> list[str]:
        """A mention as a block mapping item laid out as ``like``, the last item, is: its
        first key after the dash, or on the next line when the dash stands alone."""
        first = like.value[0][0].start_mark
        inner = " " * first.column
        fields = [f"{key(str(k))}: {flow(v)}" for k, v in mention.items()]
        before = self.text[_line_start(self.text, first.index) : first.index]
        if before.strip() == "-" and first.column > len(dash):
            lead = f"{dash}-".ljust(first.column)
            return [lead + fields[0], *(inner + field for field in fields[1:])]
        return [f"{dash}-", *(inner + field for field in fields)]

    def _entry_column(self, node: yaml.MappingNode) -> int:
        """The column where the entries of a block mapping start: its first key's, or the
        ``?`` before it."""
        first = node.value[0][0].start_mark
        before = self.text[_line_start(self.text, first.index) : first.index]
        if before.strip() == "?":
            return before.index("?")
        return int(first.column)

    def _step(self, node: yaml.MappingNode) -> int:
        """How far the file indents a fact's fields beyond its id (2 when no fact shows)."""
        column = self._entry_column(node)
        for _, value in node.value:
            if isinstance(value, yaml.MappingNode) and not value.flow_style and value.value:
                step = int(value.value[0][0].start_mark.column) - column
                if step > 0:
                    return step
        return 2

    def _newline_near(self, index: int) -> str:
        """The line break of the line at ``index`` (a file may mix them), else the first."""
        found = _NEWLINE.search(self.text, index)
        return found.group() if found else self.newline


def flow(value: object) -> str:
    """``value`` as YAML on one line: mappings and lists in flow style, strings quoted."""
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{key(str(k))}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value)


def _block_fact(fact_id: str, fields: Mapping[str, object], indent: str, step: str) -> list[str]:
    lines = [f"{indent}{key(fact_id)}:"]
    inner = indent + step
    for name, value in fields.items():
        if name == "mentions" and isinstance(value, list | tuple):
            lines.append(f"{inner}mentions:")
            lines += [f"{inner}{step}- {flow(mention)}" for mention in value]
        else:
            lines.append(f"{inner}{key(name)}: {flow(value)}")
    return lines


def _value(node: yaml.Node | None, name: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == name:
            found: yaml.Node = value
            return found
    return None


def _content_end(node: yaml.Node) -> int:
    """Where the last character of ``node``'s own content ends: a block collection's end
    mark runs on over comments and blank lines to the next token, its last leaf's does not."""
    while isinstance(node, yaml.CollectionNode) and not node.flow_style and node.value:
        last = node.value[-1]
        # a mapping's last (key, value): an empty value ends right after its colon
        node = last[1] if isinstance(last, tuple) else last
    return int(node.end_mark.index)


def _line_start(text: str, index: int) -> int:
    return max(text.rfind(brk, 0, index) for brk in "\r\n\x85\u2028\u2029") + 1


def _one_line_flow(node: yaml.Node) -> bool:
    return bool(
        isinstance(node, yaml.MappingNode)
        and node.flow_style
        and node.start_mark.line == node.end_mark.line
    )

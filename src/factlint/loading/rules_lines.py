"""A rules file in the style the README teaches, read line by line into rules.

Most rules files are written one way: ``facts:`` and perhaps the file's defaults first,
then ``rules:``, each rule an item of a block list whose fields are a line each, a kind's
parameters a flow mapping on its line::

    rules:
      - id: six-new-share
        share: {part: six_new_projects, whole: signed_projects, is: six_new_share}
        message: "Share of 六新 projects among the year's signed projects"
        tags: [investment-promotion, share]

For such a file libyaml's events are most of the loading time (PyYAML makes each a Python
object with two marks: about thirty for the rule above). Here each line after ``rules:``
is matched by one regular expression of a small part of YAML: a key, perhaps after
``- ``, then a double-quoted scalar without escapes, a single-quoted one, a one-line plain
scalar of no indicator, or a one-line flow list or flow mapping of such scalars (a
mapping's values may be flow lists); a comment; a blank line. Each rule's fields are then
judged and bound by the event reader's own code (``rules_stream.common_rule``); the lines
before ``rules:`` are read by the event reader itself.

A rule of another shape (``for_each``, a ``tolerance``, parameters as a block mapping, a
line this reader does not take) is read on its own: its lines, at their line numbers,
through the event reader, as the event reader reads it in a whole file. Anything else —
more than ``_MAX_OTHERS`` such rules, a line left of the rules, a tab, an unusual line
break or a character YAML refuses, any error — and the file is read by the event reader
instead, which hands whatever it does not take to the tree path (and its errors). So this
reader decides only what the event reader would have decided the same way:
``tests/test_rules_lines.py`` holds the rule sets of the three readers equal.
"""

from __future__ import annotations

import re
from pathlib import Path

from factlint.errors import FactlintError
from factlint.loading.facts_lines import UNUSUAL
from factlint.loading.fields import Reader
from factlint.loading.rules_stream import (
    Entry,
    Field,
    NotCommon,
    Scalar,
    Value,
    build_rules,
    common_rule,
    stream_top,
)
from factlint.loading.textfile import normalise_newlines
from factlint.model import RuleSet

ENABLED = True

MIN_CHARS = 1 << 15
"""A smaller file is left to the event reader: compiling this reader's patterns (a few
milliseconds, once per process) would cost more than it saves on a few hundred rules."""

_KEY = r"[^\W\d][\w-]*+"
_DOUBLE = r'"([^"\\\n]*+)"'  # no escape, so the text is the value
_SINGLE = r"'((?:[^'\n]|'')*+)'"
# A plain scalar of one line: no indicator first (a - only before a character that may
# follow it), then no ': ', ' #' (nor any : or #), and single spaces only between words.
# Inside a flow collection also none of , [ ] { } ?.
_FLOW_PLAIN = (
    r"(?:[^\s\-?:,\[\]{}#&*!|>'\"%@`]|-[^\s:,\[\]{}#?])"
    r"(?:[^\s:,\[\]{}#?]|[ ]++(?=[^\s:,\[\]{}#?]))*+"
)
_BLOCK_PLAIN = r"(?:[^\s\-?:,\[\]{}#&*!|>'\"%@`]|-[^\s:,\[\]{}#?])(?:[^\s:#]|[ ]++(?=[^\s:#]))*+"
_FLOW_SCALAR = rf"(?:{_DOUBLE}|{_SINGLE}|({_FLOW_PLAIN}))"
_FLOW_LIST = rf"\[[ ]*+(?:{_FLOW_SCALAR}(?:[ ]*+,[ ]*+{_FLOW_SCALAR})*+)?[ ]*+\]"
_FLOW_LIST_BARE = re.sub(r"\((?!\?)", "(?:", _FLOW_LIST)  # the same, capturing nothing
_FLOW_ITEM = rf"{_KEY}:[ ]++(?:{_FLOW_LIST_BARE}|{re.sub(r'[(](?![?])', '(?:', _FLOW_SCALAR)})"
_FLOW_MAPPING = rf"\{{[ ]*+{_FLOW_ITEM}(?:[ ]*+,[ ]*+{_FLOW_ITEM})*+[ ]*+\}}"


class _Patterns:
    """The patterns, compiled when a file first needs them."""

    def __init__(self) -> None:
        self.rules_key = re.compile(r"^rules:(?:[ ]+#[^\n]*)?[ ]*\n", re.MULTILINE)
        self.line = re.compile(
            rf"([ ]*+)(?:(-[ ]++)?({_KEY}):(?:[ ]++(?:{_DOUBLE}|{_SINGLE}|({_FLOW_MAPPING})"
            rf"|({_FLOW_LIST_BARE})|({_BLOCK_PLAIN})))?(?:[ ]++#[^\n]*+)?|#[^\n]*+)?[ ]*+\n"
        )
        self.scalars = re.compile(_FLOW_SCALAR)
        self.parameter = re.compile(rf"({_KEY}):[ ]++(?:({_FLOW_LIST_BARE})|{_FLOW_SCALAR})")
        self.item_start = re.compile(r"([ ]*+)(-(?:[ ]|$))?", re.MULTILINE)


_compiled: list[_Patterns] = []


def patterns() -> _Patterns:
    if not _compiled:
        _compiled.append(_Patterns())
    return _compiled[0]


_MAX_OTHERS = 64
"""Rules of other shapes read on their own; a file with more goes to the event reader."""


class _NotPlain(Exception):
    """The file needs the event reader."""


def read_rule_lines(
    text: str, shown: str, base: Path | None, lines: list[str], root: Path | None
) -> RuleSet | None:
    """The rules of a rules file's ``text``, or None: read it with ``stream_rules``."""
    if not ENABLED or len(text) < MIN_CHARS:
        return None
    text = normalise_newlines(text)
    if UNUSUAL.search(text):
        return None
    found = patterns().rules_key.search(text)
    if found is None:
        return None
    header = text[: found.start()]
    # The lines before by the event reader; "rules:" inside an open construct of the
    # header would leave no empty list of rules after it.
    head = stream_top(header + "rules: []\n", shown, base, root)
    if head is None or head[2]:
        return None
    paths, defaults, _ = head
    body = text[found.end() :]
    if body and not body.endswith("\n"):
        body += "\n"
    try:
        entries = _Body(body, header.count("\n") + 2, shown, base, root).entries()
        rules = build_rules(entries, defaults, lines, Reader(shown))
    except (_NotPlain, NotCommon, FactlintError, RecursionError, MemoryError):
        return None
    return RuleSet(rules, tuple(paths), shown, tuple(paths.values()))


class _Body:
    """The lines after ``rules:``, ``first_line`` the number of the first."""

    def __init__(
        self, body: str, first_line: int, path: str, base: Path | None, root: Path | None
    ) -> None:
        self.body = body
        self.first_line = first_line
        self.path = path
        self.base = base
        self.root = root
        self.others = 0

    def entries(self) -> list[Entry]:
        body = self.body
        match, item_start = patterns().line.match, patterns().item_start.match
        entries: list[Entry] = []
        number = self.first_line - 1
        position, end = 0, len(body)
        list_indent = field_indent = -1
        start = start_line = -1  # where the rule being read starts
        column = 0
        fields: dict[str, Value] | None = None  # None: a rule of another shape
        while position < end:
            line = match(body, position)
            number += 1
            if line is None:  # a line of another shape
                next_position = body.index("\n", position) + 1
                item = item_start(body, position)
                assert item is not None  # it matches any line
                indent, dash = len(item.group(1)), item.group(2)
                if list_indent < 0 and dash is not None:
                    list_indent = indent  # the first rule
                if indent < list_indent or list_indent < 0:
                    raise _NotPlain  # a line left of the rules, or before the first
                if indent == list_indent:
                    if dash is None:
                        raise _NotPlain  # not an item of the list
                    if start >= 0:
                        entries.append(self.rule(fields, start, position, start_line, column))
                    start, start_line = position, number
                fields = None
                position = next_position
                continue
            position = line.end()
            spaces, dash, key = line.group(1, 2, 3)
            if key is None:
                continue  # a blank line or a comment
            indent = len(spaces)
            if dash is not None and (indent == list_indent or list_indent < 0):  # a new rule
                if list_indent < 0:
                    list_indent = indent
                else:
                    entries.append(self.rule(fields, start, line.start(), start_line, column))
                start, start_line = line.start(), number
                field_indent = indent + len(dash)
                column = field_indent + 1
                fields = {}
            elif indent < list_indent or list_indent < 0 or (indent == list_indent):
                raise _NotPlain  # left of the rules, before the first, or no item
            elif fields is None or indent != field_indent or dash is not None or key in fields:
                fields = None  # deeper: not a line of a rule's fields
                continue
            value = _value(line)
            if value is None:
                fields = None
            elif fields is not None:
                fields[key] = value
        if start < 0:
            raise _NotPlain  # no rule
        entries.append(self.rule(fields, start, end, start_line, column))
        return entries

    def rule(
        self, fields: dict[str, Value] | None, start: int, end: int, line: int, column: int
    ) -> Entry:
        """The entry of the rule of ``body[start:end]``, from its ``fields`` where the line
        reader read them and they make a common rule, else from its own events."""
        if fields is not None:
            common = common_rule(self.path, fields, line, column)
            if common is not None:
                return common, line
        self.others += 1
        if self.others > _MAX_OTHERS:
            raise _NotPlain
        # Its lines at their own numbers: blank lines before, "rules:" on the line above.
        text = "\n" * (line - 2) + "rules:\n" + self.body[start:end]
        top = stream_top(text, self.path, self.base, self.root)
        if top is None:
            raise _NotPlain
        paths, defaults, entries = top
        if paths or defaults or len(entries) != 1:
            raise _NotPlain
        return entries[0]


def _value(line: re.Match[str]) -> Value | None:
    """The value of a field's line, or None where it has none on its line."""
    double, single, mapping, listed, plain = line.group(4, 5, 6, 7, 8)
    if plain is not None:
        return (plain, True)
    if mapping is not None:
        return _parameters(mapping)
    if double is not None:
        return (double, False)
    if listed is not None:
        return _scalars(listed)
    if single is not None:
        return (single.replace("''", "'"), False)
    return None  # an empty value, or a block below: not of this reader's shape


def _scalars(listed: str) -> list[Scalar]:
    """The items of a one-line flow list (``_FLOW_LIST``)."""
    inner = listed[1:-1]
    if "'" not in inner and '"' not in inner:
        items = inner.split(",")
        if len(items) == 1 and not items[0].strip(" "):
            return []
        return [(item.strip(" "), True) for item in items]
    return [_scalar(item) for item in patterns().scalars.finditer(inner)]


def _scalar(match: re.Match[str]) -> Scalar:
    double, single, plain = match.groups()
    if plain is not None:
        return (plain, True)
    if double is not None:
        return (double, False)
    return (single.replace("''", "'"), False)


def _parameters(mapping: str) -> dict[str, Field] | None:
    """The items of a one-line flow mapping (``_FLOW_MAPPING``); None for a key given
    twice (the event reader hands such a rule to the tree path)."""
    parameters: dict[str, Field] = {}
    rest = mapping[1:-1]
    if "'" not in rest and '"' not in rest:  # the commonest: split at its , and :
        while rest:
            key, _, rest = rest.partition(":")
            key, rest = key.strip(" ,"), rest.lstrip(" ")
            if key in parameters:
                return None
            if rest.startswith("["):
                end = rest.index("]") + 1
                parameters[key] = _scalars(rest[:end])
                rest = rest[end:]
            else:
                text, _, rest = rest.partition(",")
                parameters[key] = (text.strip(" "), True)
        return parameters
    for item in patterns().parameter.finditer(mapping):
        key, listed, double, single, plain = item.groups()
        if key in parameters:
            return None
        if plain is not None:
            parameters[key] = (plain, True)
        elif listed is not None:
            parameters[key] = _scalars(listed)
        elif double is not None:
            parameters[key] = (double, False)
        else:
            parameters[key] = (single.replace("''", "'"), False)
    return parameters

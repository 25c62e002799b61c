"""Load a rules file (``*.rules.yaml``) or plain dicts into a ``RuleSet``.

Every problem is found here, before any rule runs: unknown kinds, misspelt parameters,
bad expressions, duplicate ids, each reported as ``path:line:col: message``.

>>> rules = rules_from_dict({"rules": [
...     {"id": "six-new-share", "share": {"part": "six_new", "whole": "signed", "is": "share"}}]})
>>> rules.rules[0].kind, len(rules.rules[0].claims)
('share', 1)
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping, Sequence
from pathlib import Path

from factlint.clip import clip
from factlint.errors import FactlintError, Problems
from factlint.loading.fields import Reader, from_plain
from factlint.loading.for_each import expand
from factlint.loading.gc_pause import paused_gc
from factlint.loading.project_root import project_root
from factlint.loading.rule_builder import (
    build_rule,
    facts_paths,
    file_defaults,
    source_lines,
)
from factlint.loading.rules_lines import read_rule_lines
from factlint.loading.rules_stream import stream_rules
from factlint.loading.textfile import DEFAULT_MAX_BYTES, display_path, read_shown
from factlint.loading.yaml_nodes import YamlNode, YamlScalar
from factlint.loading.yaml_parse import parse_yaml
from factlint.model import Rule, RuleSet


def load_rules(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_outside_source: bool = False,
) -> RuleSet:
    """Read a rules file; its ``facts:`` paths are resolved relative to it and must stay
    inside its project (``project_root``) unless ``allow_outside_source``."""
    file = Path(path)
    shown = display_path(file)
    text = read_shown(file, shown, "rules file", max_bytes)
    root = None if allow_outside_source else project_root(file.parent)
    with paused_gc(promote=True):
        lines = text.splitlines()
        streamed = read_rule_lines(text, shown, file.parent, lines, root) or stream_rules(
            text, shown, file.parent, lines, root
        )
        if streamed is not None:
            return streamed
        # The tree is passed, not kept, so it is freed before the pause ends.
        node = parse_yaml(text, shown)
        try:
            return _build(Reader(shown), node, file.parent, lines, root)
        except FactlintError as error:
            if error.path != shown or error.line is not None:
                raise
            raise error.located(shown, 1, 1) from None  # an empty file: its first line


def rules_from_dict(
    data: Mapping[str, object] | Sequence[Mapping[str, object]], *, name: str = "<rules>"
) -> RuleSet:
    """The same format as a rules file, from plain data: a mapping with ``rules:``, or
    just the list of rules."""
    document = {"rules": list(data)} if isinstance(data, list | tuple) else dict(data)  # type: ignore[arg-type]
    return _build(Reader(name), from_plain(document, "rules"), None, [], None)


def _build(
    reader: Reader,
    node: YamlNode | None,
    base: Path | None,
    lines: list[str],
    root: Path | None,
) -> RuleSet:
    if node is None or (isinstance(node, YamlScalar) and node.is_null()):  # or only "---"
        raise reader.error("the rules file is empty: expected 'facts:' and 'rules:'")
    top = reader.document(node, "a rules file", ("facts", "rules"))
    reader.known_keys(top, ("facts", "rules", "rounding", "severity"), "the rules file")
    facts_named = facts_paths(reader, top.get("facts"), base, root)
    items = reader.sequence(reader.required(top, "rules", "the rules file"), "'rules'").items
    defaults = file_defaults(reader, top)
    rules: list[Rule] = []
    seen: dict[str, YamlNode] = {}
    problems = Problems()  # every broken rule is reported, not only the first
    for index, entry in enumerate(items):
        end = items[index + 1].mark.line - 1 if index + 1 < len(items) else len(lines)
        source = source_lines(lines, entry.mark.line, end)
        try:
            for item in expand(reader, entry):
                rule = build_rule(reader, item, defaults, source)
                if rule.id in seen:
                    first = seen[rule.id].mark.line
                    where = f" (first at line {first})" if first else ""
                    raise reader.error(f"duplicate rule id '{rule.id}'{where}", item)
                seen[rule.id] = item
                rules.append(rule)
        except FactlintError as error:
            problems.add(error)
            if problems.more:
                break
    problems.raise_if_any()
    return RuleSet(tuple(rules), tuple(facts_named), reader.path, tuple(facts_named.values()))


def require_facts_files(rule_set: RuleSet) -> None:
    """Raise a FactlintError located where the rules file names a facts file that is not
    there, or is a folder: the loader of the facts file could only name the path."""
    for path, at in zip(rule_set.facts_paths, rule_set.facts_at, strict=False):
        try:
            info = os.stat(path)
        except OSError as error:
            reason = "no such file" if isinstance(error, FileNotFoundError) else error.strerror
            raise FactlintError(
                f"facts file '{clip(_as_named(path))}': {reason}", at.path, at.line, at.column
            ) from None
        if stat.S_ISDIR(info.st_mode):
            raise FactlintError(
                f"facts file '{clip(_as_named(path))}' is a folder, not a facts file",
                at.path,
                at.line,
                at.column,
            )


def _as_named(path: str) -> str:
    return display_path(Path(path))

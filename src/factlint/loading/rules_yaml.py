"""Load a rules file (``*.rules.yaml``) or plain dicts into a ``RuleSet``.

Every problem is found here, before any rule runs: unknown kinds, misspelt parameters,
bad expressions, duplicate ids, each reported as ``path:line:col: message``.

>>> rules = rules_from_dict({"rules": [
...     {"id": "six-new-share", "share": {"part": "six_new", "whole": "signed", "is": "share"}}]})
>>> rules.rules[0].kind, len(rules.rules[0].claims)
('share', 1)
"""

from __future__ import annotations

import difflib
import os
import re
import stat
from collections.abc import Mapping, Sequence
from pathlib import Path

from factlint.clip import clip, quoted
from factlint.errors import FactlintError, Problems
from factlint.loading.fields import Reader, from_plain
from factlint.loading.figure_fields import tolerance_field
from factlint.loading.for_each import expand
from factlint.loading.gc_pause import paused_gc
from factlint.loading.project_root import project_root
from factlint.loading.textfile import DEFAULT_MAX_BYTES, display_path, read_shown
from factlint.loading.yaml_nodes import YamlMapping, YamlNode, YamlScalar, YamlSequence
from factlint.loading.yaml_parse import parse_yaml
from factlint.model import ROUNDINGS, Location, Rule, RuleSet, Severity
from factlint.numbers.figures import FigureError, parse_figure
from factlint.rules.expressions import (
    Binary,
    Comparison,
    ExpressionError,
    Name,
    Number,
    children,
)
from factlint.rules.kinds import KINDS
from factlint.rules.signatures import signature_of

COMMON_KEYS = (
    "id",
    "severity",
    "rounding",
    "tolerance",
    "message",
    "tags",
    "description",
    "for_each",
)
RULE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_RULE_LINES = 40


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
        # The tree is passed, not kept, so it is freed before the pause ends.
        node = parse_yaml(text, shown)
        try:
            return _build(Reader(shown), node, file.parent, text.splitlines(), root)
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
    facts_named = _facts_paths(reader, top.get("facts"), base, root)
    items = reader.sequence(reader.required(top, "rules", "the rules file"), "'rules'").items
    defaults = _file_defaults(reader, top)
    rules: list[Rule] = []
    seen: dict[str, YamlNode] = {}
    problems = Problems()  # every broken rule is reported, not only the first
    for index, entry in enumerate(items):
        end = items[index + 1].mark.line - 1 if index + 1 < len(items) else len(lines)
        source = _source_lines(lines, entry.mark.line, end)
        try:
            for item in expand(reader, entry):
                rule = _rule(reader, item, defaults, source)
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


def _source_lines(lines: list[str], first: int, last: int) -> tuple[str, ...]:
    if first <= 0 or not lines:
        return ()
    chunk = lines[first - 1 : min(last, first - 1 + MAX_RULE_LINES)]
    while chunk and not chunk[-1].strip():
        chunk.pop()
    return tuple(chunk)


def _facts_paths(
    reader: Reader, node: YamlNode | None, base: Path | None, root: Path | None
) -> dict[str, Location]:
    """The facts files named, each once (a file listed twice is one file), with where."""
    if node is None:
        return {}
    entries = node.items if isinstance(node, YamlSequence) else (node,)
    paths: dict[Path, tuple[str, Location]] = {}
    for entry in entries:
        relative = reader.text(entry, "'facts'")
        at = Location(reader.path, entry.mark.line or None, entry.mark.column or None)
        if base is None:
            paths.setdefault(Path(relative), (relative, at))
            continue
        target = _check_path(reader, entry, base / relative, relative, root)
        paths.setdefault(target, (str(base / relative), at))
    return dict(paths.values())


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


def _check_path(
    reader: Reader, node: YamlNode, path: Path, relative: str, root: Path | None
) -> Path:
    """The resolved path; refused here, with a line, when the facts loader could not even
    resolve it, or when it leaves the project ``root`` (nothing of it is read)."""
    try:
        target = path.resolve()
    except (OSError, RuntimeError, ValueError) as error:  # a NUL byte, a symlink loop
        reason = getattr(error, "strerror", None) or str(error)
        raise reader.error(
            f"facts file '{clip(relative)}' is not a usable path: {reason}", node
        ) from None
    if root is not None and not target.is_relative_to(root):
        raise reader.error(
            f"facts file '{clip(relative)}' is outside the project of the rules file "
            f"({clip(str(root))}); pass --allow-outside-source to read it anyway",
            node,
        )
    return target


def _file_defaults(reader: Reader, top: YamlMapping) -> dict[str, object]:
    defaults: dict[str, object] = {}
    if top.get("rounding") is not None:
        defaults["rounding"] = _rounding(reader, top.get("rounding"))
    if top.get("severity") is not None:
        defaults["severity"] = _severity(reader, top.get("severity"))
    return defaults


def _rounding(reader: Reader, node: YamlNode | None) -> str:
    value = reader.text(node, "'rounding'")
    if value not in ROUNDINGS:
        raise reader.error(f"unknown rounding '{value}'; use {', '.join(ROUNDINGS)}", node)
    return value


def _severity(reader: Reader, node: YamlNode | None) -> Severity:
    value = reader.text(node, "'severity'")
    try:
        return Severity(value)
    except ValueError:
        raise reader.error(
            f"unknown severity '{value}'; use error, warning or info", node
        ) from None


def _rule(
    reader: Reader, node: YamlNode, defaults: Mapping[str, object], source: tuple[str, ...]
) -> Rule:
    rule = reader.mapping(node, "a rule")
    id_node = reader.required(rule, "id", "a rule")
    rule_id = reader.text(id_node, "a rule id")
    if not RULE_ID.match(rule_id):
        raise reader.error(f"rule id '{rule_id}' must be kebab-case (a-z, 0-9 and -)", id_node)
    kind_keys = [key for key, _ in rule.items if key.value not in COMMON_KEYS]
    if not kind_keys:
        raise reader.error(f"rule '{rule_id}' has no kind; use one of {', '.join(KINDS)}", rule)
    if len(kind_keys) > 1:
        known = [k.value for k in kind_keys if k.value in KINDS]
        culprit = (
            kind_keys[1] if len(known) != 1 else next(k for k in kind_keys if k.value not in KINDS)
        )
        raise _unknown_or_extra(reader, rule_id, culprit, known)
    kind_key = kind_keys[0]
    if kind_key.value not in KINDS:
        raise _unknown_or_extra(reader, rule_id, kind_key, [])
    parameters_node = rule.get(kind_key.value)
    assert parameters_node is not None
    claims, parameters = _bind(reader, rule_id, kind_key.value, parameters_node)
    tags_node = rule.get("tags")
    tags: tuple[str, ...] = ()
    if tags_node is not None:
        tags = tuple(reader.text(t, "a tag") for t in reader.sequence(tags_node, "'tags'").items)
    return Rule(
        id=rule_id,
        kind=kind_key.value,
        claims=claims,
        severity=_severity(reader, rule.get("severity"))
        if rule.get("severity") is not None
        else defaults.get("severity", Severity.ERROR),  # type: ignore[arg-type]
        rounding=_rounding(reader, rule.get("rounding"))
        if rule.get("rounding") is not None
        else defaults.get("rounding"),  # type: ignore[arg-type]
        tolerance=tolerance_field(reader, rule.get("tolerance")),
        message=reader.text(rule.get("message"), "'message'")
        if rule.get("message") is not None
        else "",
        tags=tags,
        parameters=parameters,
        declared_at=Location(reader.path, rule.mark.line or None, rule.mark.column or None),
        source_lines=source,
    )


def _unknown_or_extra(
    reader: Reader, rule_id: str, key: YamlScalar, known: list[str]
) -> FactlintError:
    if key.value in KINDS:
        return reader.error(
            f"rule '{rule_id}' has two kinds ('{known[0]}' and '{key.value}'); "
            "a rule has exactly one",
            key,
        )
    allowed = [*KINDS, *COMMON_KEYS]
    close = difflib.get_close_matches(key.value, allowed, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return reader.error(
        f"unknown key '{key.value}' in rule '{rule_id}'{hint}; kinds: {', '.join(KINDS)}; "
        f"other keys: {', '.join(COMMON_KEYS)}",
        key,
    )


def _bind(
    reader: Reader, rule_id: str, kind: str, node: YamlNode
) -> tuple[tuple[Comparison, ...], dict[str, object]]:
    function = KINDS[kind]
    signature = signature_of(function)
    parameters = list(signature.arguments.values())
    public, lists = signature.arguments, signature.lists
    if isinstance(node, YamlMapping):
        arguments: dict[str, object] = {}
        for key, value in node.items:
            if key.value not in public:
                close = difflib.get_close_matches(key.value, list(public), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                raise reader.error(
                    f"rule '{rule_id}': '{kind}' has no parameter '{key.value}'{hint}; "
                    f"it takes {', '.join(public)}",
                    key,
                )
            name = public[key.value]
            arguments[name] = _argument(reader, rule_id, key.value, name in lists, value)
        missing = [p.rstrip("_") for p in parameters if p not in arguments]
        if missing:
            raise reader.error(
                f"rule '{rule_id}': '{kind}' needs {', '.join(repr(m) for m in missing)}", node
            )
    elif len(parameters) == 1:
        only = parameters[0]
        arguments = {only: _argument(reader, rule_id, kind, only in lists, node)}
    else:
        names = ", ".join(p.rstrip("_") for p in parameters)
        raise reader.error(f"rule '{rule_id}': '{kind}' takes a mapping with {names}", node)
    try:
        claims = function(**arguments)
    except ExpressionError as error:
        raise _expression_error(reader, node, arguments, error) from None
    except ValueError as error:
        raise reader.error(f"rule '{rule_id}': {error}", node) from None
    _check_constants(reader, node, claims)
    return claims, {k.rstrip("_"): v for k, v in arguments.items()}


def _argument(reader: Reader, rule_id: str, name: str, takes_list: bool, node: YamlNode) -> object:
    what = f"'{name}' of rule '{rule_id}'"
    if takes_list:
        items = reader.sequence(node, what).items
        item = f"an item of {what}"
        return [reader.text(entry, item) for entry in items]
    return reader.text(node, what)


def _expression_error(
    reader: Reader, node: YamlNode, arguments: dict[str, object], error: ExpressionError
) -> FactlintError:
    located = reader.error(error.message, node)
    if isinstance(node, YamlScalar) and located.column is not None and "\n" not in node.value:
        located.column += (1 if node.style in ("single", "double") else 0) + error.column
    return located


def _check_constants(reader: Reader, node: YamlNode, claims: tuple[Comparison, ...]) -> None:
    """Every printed constant in a rule must be a figure factlint can read."""
    for claim in claims:
        stack = [claim.left, claim.right]
        while stack:
            current = stack.pop()
            # Names and Binary nodes, nearly all of a long sum, by exact type and without
            # a call to children(); anything else (subclasses too) takes the general path.
            if type(current) is Name:
                continue
            if type(current) is Binary:
                stack.append(current.left)
                stack.append(current.right)
            elif isinstance(current, Number):
                _check_constant(reader, node, current)
            elif not isinstance(current, Name):
                stack.extend(children(current))


def _check_constant(reader: Reader, node: YamlNode, constant: Number) -> None:
    try:
        parse_figure(constant.text)
    except FigureError as error:
        message = f"{error.message} in constant {quoted(constant.text)}"
        at = ExpressionError(message, constant.column + error.column)
        raise _expression_error(reader, node, {}, at) from None

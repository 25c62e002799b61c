"""Rules built from their located nodes: one rule, the file's defaults, its facts paths.

Shared by the two ways a rules file is read: ``rules_yaml`` (a tree of the whole file, or
plain data) and ``rules_stream`` (libyaml's events, which builds the common rules itself
and hands every other rule here as a small tree of its own). Every check a rule must pass
is made here, each failure a ``FactlintError`` at ``path:line:col``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from factlint.clip import clip, quoted
from factlint.errors import FactlintError
from factlint.loading.fields import Reader
from factlint.loading.figure_fields import tolerance_field
from factlint.loading.yaml_nodes import YamlMapping, YamlNode, YamlScalar, YamlSequence
from factlint.model import ROUNDINGS, Location, Rule, Severity
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


def source_lines(lines: list[str], first: int, last: int) -> tuple[str, ...]:
    if first <= 0 or not lines:
        return ()
    chunk = lines[first - 1 : min(last, first - 1 + MAX_RULE_LINES)]
    while chunk and not chunk[-1].strip():
        chunk.pop()
    return tuple(chunk)


def facts_paths(
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


def file_defaults(reader: Reader, top: YamlMapping) -> dict[str, object]:
    defaults: dict[str, object] = {}
    if top.get("rounding") is not None:
        defaults["rounding"] = rounding_field(reader, top.get("rounding"))
    if top.get("severity") is not None:
        defaults["severity"] = severity_field(reader, top.get("severity"))
    return defaults


def rounding_field(reader: Reader, node: YamlNode | None) -> str:
    value = reader.text(node, "'rounding'")
    if value not in ROUNDINGS:
        raise reader.error(f"unknown rounding '{value}'; use {', '.join(ROUNDINGS)}", node)
    return value


def severity_field(reader: Reader, node: YamlNode | None) -> Severity:
    value = reader.text(node, "'severity'")
    try:
        return Severity(value)
    except ValueError:
        raise reader.error(
            f"unknown severity '{value}'; use error, warning or info", node
        ) from None


def build_rule(
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
        severity=severity_field(reader, rule.get("severity"))
        if rule.get("severity") is not None
        else defaults.get("severity", Severity.ERROR),  # type: ignore[arg-type]
        rounding=rounding_field(reader, rule.get("rounding"))
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
    import difflib  # here: only a misspelt key needs it

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
                import difflib  # here: only a misspelt key needs it

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
    check_constants(reader, node, claims)
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


def check_constants(reader: Reader, node: YamlNode, claims: tuple[Comparison, ...]) -> None:
    """Every printed constant in a rule must be a figure factlint can read."""
    unreadable = unreadable_constant(claims)
    if unreadable is not None:
        constant, error = unreadable
        message = f"{error.message} in constant {quoted(constant.text)}"
        at = ExpressionError(message, constant.column + error.column)
        raise _expression_error(reader, node, {}, at) from None


def unreadable_constant(claims: tuple[Comparison, ...]) -> tuple[Number, FigureError] | None:
    """The first printed constant of ``claims`` that is no figure, and why; None if none."""
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
                try:
                    parse_figure(current.text)
                except FigureError as error:
                    return current, error
            elif not isinstance(current, Name):
                stack.extend(children(current))
    return None

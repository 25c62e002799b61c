"""``for_each:``: one rule written once for every row (or column) of a table.

A rule with a ``for_each`` mapping is expanded, before it is read, into one rule per value
(per combination of values when it names several placeholders); ``{name}`` in the rule id,
the kind's parameters and the message is replaced by the value::

    - for_each: {row: [durham, kent, thames_valley]}
      id: "{row}-under-18-share"
      share: {part: "{row}_under_18", whole: "{row}_caught", is: "{row}_under_18_pct"}

In the rule id a value's ``_`` becomes ``-``, so ``thames_valley`` gives the kebab-case id
``thames-valley-under-18-share``. Every expanded rule keeps the template's location, so its
findings point at the line the user wrote. An unknown placeholder, a placeholder missing from
the id, or an empty or malformed list is an error at ``path:line:col``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping

from factlint.loading.fields import Reader
from factlint.loading.yaml_nodes import Mark, YamlMapping, YamlNode, YamlScalar, YamlSequence

KEY = "for_each"
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
MAX_EXPANDED = 100_000
"""Rules one template may become: several long lists multiply, and a rules file is untrusted."""

Binding = Mapping[str, str]


def expand(reader: Reader, node: YamlNode) -> Iterator[YamlNode]:
    """The rules a rules-file entry stands for: itself, or one per ``for_each`` binding."""
    if not isinstance(node, YamlMapping) or node.get(KEY) is None:
        yield node
        return
    variables = _variables(reader, node.get(KEY))  # type: ignore[arg-type]
    template = YamlMapping(tuple((k, v) for k, v in node.items if k.value != KEY), node.mark)
    _check_placeholders(reader, template, variables)
    names = list(variables)
    for values in itertools.product(*variables.values()):
        binding = dict(zip(names, values, strict=True))
        yield YamlMapping(
            tuple(
                (key, _substituted(value, binding, in_id=key.value == "id"))
                for key, value in template.items
            ),
            template.mark,
        )


def _variables(reader: Reader, node: YamlNode) -> dict[str, tuple[str, ...]]:
    mapping = reader.mapping(node, f"'{KEY}'")
    if not mapping.items:
        raise reader.error(f"'{KEY}' names no placeholder; write {{row: [a, b, …]}}", mapping)
    variables: dict[str, tuple[str, ...]] = {}
    total = 1
    for key, value in mapping.items:
        if not key.value.isidentifier():
            raise reader.error(
                f"placeholder '{key.value}' of '{KEY}' must be an identifier "
                "(letters, digits and _)",
                key,
            )
        items = reader.sequence(value, f"'{key.value}' of '{KEY}'").items
        if not items:
            raise reader.error(f"'{key.value}' of '{KEY}' is an empty list", value)
        texts = tuple(reader.text(item, f"an item of '{key.value}' of '{KEY}'") for item in items)
        if len(set(texts)) != len(texts):
            twice = next(t for t in texts if texts.count(t) > 1)
            raise reader.error(f"'{key.value}' of '{KEY}' lists '{twice}' twice", value)
        total *= len(texts)
        if total > MAX_EXPANDED:
            raise reader.error(
                f"'{KEY}' would make more than {MAX_EXPANDED:,} rules from one template", mapping
            )
        variables[key.value] = texts
    return variables


def _check_placeholders(
    reader: Reader, template: YamlMapping, variables: Mapping[str, object]
) -> None:
    """Every ``{name}`` is a placeholder ``for_each`` defines, and the id uses them all."""
    defined = ", ".join(f"{{{name}}}" for name in variables)
    for scalar in _scalars(template):
        for match in PLACEHOLDER.finditer(scalar.value):
            if match.group(1) not in variables:
                raise reader.error(
                    f"unknown placeholder '{match.group(0)}'; '{KEY}' defines {defined}",
                    _at(scalar, match.start()),
                )
    id_node = template.get("id")
    if isinstance(id_node, YamlScalar):
        used = set(PLACEHOLDER.findall(id_node.value))
        missing = [name for name in variables if name not in used]
        if missing:
            raise reader.error(
                f"the id of a '{KEY}' rule must use every placeholder, so each expanded "
                f"rule has its own id; add {', '.join(f'{{{m}}}' for m in missing)}",
                id_node,
            )


def _scalars(node: YamlNode) -> Iterator[YamlScalar]:
    stack: list[YamlNode] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, YamlScalar):
            yield current
        elif isinstance(current, YamlSequence):
            stack.extend(reversed(current.items))
        elif isinstance(current, YamlMapping):
            for _, value in reversed(current.items):
                stack.append(value)


def _at(scalar: YamlScalar, offset: int) -> Mark:
    """The mark of a character inside a one-line scalar (the scalar's own, otherwise)."""
    if scalar.mark.line == 0 or "\n" in scalar.value or scalar.style not in _OPENING:
        return scalar.mark
    return Mark(scalar.mark.line, scalar.mark.column + _OPENING[scalar.style] + offset)


_OPENING = {"plain": 0, "single": 1, "double": 1}


def _substituted(node: YamlNode, binding: Binding, *, in_id: bool) -> YamlNode:
    if isinstance(node, YamlScalar):
        if "{" not in node.value:
            return node
        value = PLACEHOLDER.sub(lambda m: _value(binding, m.group(1), in_id), node.value)
        return YamlScalar(value, node.mark, node.style, "str")
    if isinstance(node, YamlSequence):
        return YamlSequence(
            tuple(_substituted(item, binding, in_id=False) for item in node.items), node.mark
        )
    if isinstance(node, YamlMapping):
        return YamlMapping(
            tuple((key, _substituted(value, binding, in_id=False)) for key, value in node.items),
            node.mark,
        )
    return node


def _value(binding: Binding, name: str, in_id: bool) -> str:
    value = binding.get(name, "{" + name + "}")
    return value.replace("_", "-") if in_id else value

"""A rule kind's signature read as data: what the rules file may write under the kind.

A kind function's parameters are its parameters in a rules file (``is_`` is written ``is``);
a ``list[str]`` parameter takes a list of fact ids or expressions, any other takes one. What
the type cannot say (at least two items, one of six operators) is written beside it as
``Annotated[list[str], Schema(minItems=2)]``: JSON Schema keywords the generated schema
carries, and which the kind function enforces itself. The first paragraph of a kind's
docstring is its documentation, in the schema and in the README's table of kinds.

>>> from factlint.rules.kinds import KINDS
>>> [(p.name, p.takes_list, dict(p.schema)) for p in signature_of(KINDS["equal"]).parameters]
[('facts', True, {'minItems': 2})]
"""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable, Mapping
from dataclasses import field
from types import MappingProxyType
from typing import Any

from factlint.records import dataclass


class Schema:
    """JSON Schema keywords for a kind's parameter beyond what its type says."""

    __slots__ = ("keywords",)

    def __init__(self, **keywords: object) -> None:
        self.keywords: Mapping[str, object] = MappingProxyType(dict(keywords))

    def __repr__(self) -> str:
        return f"Schema({', '.join(f'{k}={v!r}' for k, v in self.keywords.items())})"


@dataclass(frozen=True)
class Parameter:
    """One parameter of a kind, as a rules file writes it."""

    name: str
    """As written in the rules file: ``is``."""
    argument: str
    """As the kind function takes it: ``is_``."""
    takes_list: bool
    schema: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Signature:
    """A kind function's parameters and documentation."""

    parameters: tuple[Parameter, ...]
    summary: str
    """The first paragraph of the docstring, on one line."""
    arguments: Mapping[str, str] = field(init=False, repr=False)
    """Name in the rules file → the function's parameter: ``is`` → ``is_``."""
    lists: frozenset[str] = field(init=False, repr=False)
    """The function's parameters that take a list."""

    def __post_init__(self) -> None:
        # Read by the loader for every rule: computed once per kind.
        object.__setattr__(self, "arguments", {p.name: p.argument for p in self.parameters})
        object.__setattr__(
            self, "lists", frozenset(p.argument for p in self.parameters if p.takes_list)
        )


@functools.cache
def signature_of(function: Callable[..., Any]) -> Signature:
    """Computed once per kind: inspect and get_type_hints are slow."""
    hints = typing.get_type_hints(function, include_extras=True)
    parameters = []
    for argument in inspect.signature(function).parameters:
        hint = hints[argument]
        schema: Mapping[str, object] = {}
        if typing.get_origin(hint) is typing.Annotated:
            hint, *extras = typing.get_args(hint)
            schema = {
                k: v
                for extra in extras
                if isinstance(extra, Schema)
                for k, v in extra.keywords.items()
            }
        parameters.append(
            Parameter(argument.rstrip("_"), argument, typing.get_origin(hint) is list, schema)
        )
    return Signature(tuple(parameters), summary_of(function))


def summary_of(function: Callable[..., Any]) -> str:
    """The first paragraph of ``function``'s docstring, its lines joined by spaces."""
    doc = inspect.getdoc(function) or ""
    return " ".join(doc.split("\n\n", 1)[0].split())


def kinds_table(kinds: Mapping[str, Callable[..., Any]]) -> str:
    """The README's table of rule kinds, in Markdown: one row per kind function (names that
    share a function share a row), its parameters as a rules file writes them, its claim.

    >>> from factlint.rules.kinds import KINDS
    >>> print(kinds_table({"sum": KINDS["sum"]}))
    | kind | parameters | claim |
    |---|---|---|
    | `sum` | `parts: [ids]`, `total` | The parts add up to the total: `total == p1 + p2 + …`. |
    """
    names: dict[Callable[..., Any], list[str]] = {}
    for name, function in kinds.items():
        names.setdefault(function, []).append(name)
    rows = ["| kind | parameters | claim |", "|---|---|---|"]
    for function, aliases in names.items():
        signature = signature_of(function)
        kind = f"`{aliases[0]}`" + "".join(f" (or `{alias}`)" for alias in aliases[1:])
        rows.append(f"| {kind} | {_parameters_cell(signature)} | {_markdown(signature.summary)} |")
    return "\n".join(rows)


def _parameters_cell(signature: Signature) -> str:
    cells = [f"`{p.name}: [ids]`" if p.takes_list else f"`{p.name}`" for p in signature.parameters]
    if len(signature.parameters) == 1:
        alone = "the list" if signature.parameters[0].takes_list else "the text"
        return f"{cells[0]}, or {alone} alone"
    return ", ".join(cells)


def _markdown(text: str) -> str:
    """reStructuredText literals as Markdown code; a ``|`` would end the table cell."""
    return text.replace("``", "`").replace("|", "\\|")

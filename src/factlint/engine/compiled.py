"""Rules and facts in the fast path's form (``fast_path``), made by the engine.

The model stays plain data: a ``Rule`` is its claims, a ``Fact`` its figure. What the
fast path reads is derived here: ``CompiledRules`` holds each rule's claims compiled into
programs (plain data, so it pickles to worker processes and is compiled once for all the
reports a rule set checks), and ``nearest_intervals`` each fact's interval under rounding
to nearest, as a midpoint and a radius.

Both are made once per rule and per fact set: ``compile_rules`` and ``nearest_intervals``
remember what they made for the objects they were given, for as long as those live, so
checking many reports with one rule set, or one report again, compiles nothing twice.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Mapping
from typing import Generic, TypeVar

from factlint.engine.fast_path import compile_claim
from factlint.engine.fast_programs import Program
from factlint.engine.repeated import repeated_names
from factlint.model import FactSet, Rule
from factlint.numbers.figure_value import half_last_place
from factlint.numbers.quantities import Centred, Unit, interval_of, unit_of
from factlint.records import dataclass

Programs = tuple[Program, ...] | None
"""A rule's claims as programs; None when some claim is for the general path."""


@dataclass(frozen=True)
class CompiledRules:
    """Rules with their programs (``programs[i]`` is ``rules[i]``'s)."""

    rules: tuple[Rule, ...]
    programs: tuple[Programs, ...]

    def __len__(self) -> int:
        return len(self.rules)


def compile_rules(rules: Iterable[Rule], *, fast_path: bool = True) -> CompiledRules:
    """The rules with their claims compiled; with ``fast_path=False``, none are, and
    every claim is decided by the general evaluation (``evaluation``)."""
    rules = tuple(rules)
    if not fast_path:
        return CompiledRules(rules, (None,) * len(rules))
    return CompiledRules(rules, tuple(_PROGRAMS.get(rule, _programs) for rule in rules))


def _programs(rule: Rule) -> Programs:
    if rule.kind == "equal":
        return None  # two printings compared as duplicates (``duplicates``), not intervals
    programs = []
    for claim in rule.claims:
        program = compile_claim(claim)
        if program is None:
            return None
        # A program that keeps its fact ids (every name of the claim, repeats included)
        # shows a repeated one without walking the claim again.
        ids = program.fact_ids
        repeats = repeated_names(claim) if ids is None else len(set(ids)) != len(ids)
        if repeats:
            return None  # one value per fact: decided by ``repeated``
        programs.append(program)
    return tuple(programs)


def nearest_intervals(facts: FactSet) -> Mapping[str, Centred]:
    """Each fact's interval under rounding to nearest (the usual mode), as the fast path
    reads it, by id: ``(midpoint, radius, unit)``; a fact whose interval is not closed
    and bounded (a qualifier), or that has a tolerance of its own, is left out."""
    return _NEAREST.get(facts, _index)


def _index(facts: FactSet) -> Mapping[str, Centred]:
    index: dict[str, Centred] = {}
    units: dict[str, Unit] = {}  # unit_of by the figure's unit: a report prints a few
    for fact_id, fact in facts.facts.items():
        if fact.tolerance is not None:
            continue  # its own tolerance widens it: the general path reads it
        figure = fact.figure
        if not (fact.exact or figure.exact or figure.qualifier):
            # The commonest cases of ``interval_of(..., centred=True)``, inline (one call per
            # fact saved, on every check): rounded to nearest, at the printed places or at
            # the declared decimals (``quantities._half_unit``)
            decimals = fact.decimals
            radius = figure.radius if decimals is None else half_last_place(decimals, figure.scale)
            if radius is not None:
                unit = units.get(figure.unit)
                if unit is None:
                    unit = units[figure.unit] = unit_of(figure)
                index[fact_id] = (figure.base, radius, unit)
            continue
        interval = interval_of(
            figure, "nearest", decimals=fact.decimals, exact=fact.exact, centred=True
        )
        if interval is not None:
            index[fact_id] = interval
    return index


Key = TypeVar("Key")
Value = TypeVar("Value")


class _ByIdentity(Generic[Key, Value]):
    """A value derived from an object, kept while the object lives. Rules and fact sets
    are frozen but hold dicts, so they cannot be dictionary keys: they are keyed by
    identity, and a weak reference drops the entry when the object goes."""

    def __init__(self) -> None:
        self._entries: dict[int, tuple[_Reference[Key], Value]] = {}

    def get(self, key: Key, derive: Callable[[Key], Value]) -> Value:
        entry = self._entries.get(id(key))
        if entry is not None and entry[0]() is key:
            return entry[1]
        value = derive(key)
        self._entries[id(key)] = (_Reference(key, self._drop), value)
        return value

    def _drop(self, reference: weakref.ref[Key]) -> None:
        assert isinstance(reference, _Reference)
        entry = self._entries.get(reference.ident)
        if entry is not None and entry[0] is reference:
            del self._entries[reference.ident]


class _Reference(weakref.ref[Key]):
    """A weak reference that remembers the identity its object had."""

    __slots__ = ("ident",)

    def __init__(self, key: Key, callback: Callable[[weakref.ref[Key]], None]) -> None:
        # weakref.ref.__new__ has made the reference from the same arguments.
        self.ident = id(key)


_PROGRAMS: _ByIdentity[Rule, Programs] = _ByIdentity()
_NEAREST: _ByIdentity[FactSet, Mapping[str, Centred]] = _ByIdentity()

"""The loaders' makers of facts and fact sets: the same objects as the constructors make,
without ``__init__``'s ``object.__setattr__`` per field (see ``records.draft_class`` and the
makers of ``model``). They check nothing: a loader calls them with what it has validated
already. ``tests/test_makers.py`` holds them equal to the constructors.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from factlint.model import FACT_DRAFT, Fact, FactSet, Location, Mention, ReportInfo
from factlint.numbers.figures import Figure

_new = object.__new__


def make_fact(
    id: str,
    figure: Figure,
    mentions: tuple[Mention, ...],
    label: str,
    exact: bool,
    decimals: int | None,
    aspects: Mapping[str, str],
    declared_at: Location | None,
    qualifier: str = "",
) -> Fact:
    """``Fact(id, figure, mentions, label, exact, decimals, qualifier, aspects=aspects,
    declared_at=declared_at)``, with no tolerance."""
    fact = _fact_draft(id, figure, label, exact, decimals, aspects, declared_at, qualifier)
    fact.mentions = mentions
    fact.__class__ = Fact
    made: Fact = fact
    return made


def make_fact_printed_once(
    id: str,
    figure: Figure,
    label: str,
    exact: bool,
    decimals: int | None,
    aspects: Mapping[str, str],
    declared_at: Location | None,
    qualifier: str = "",
) -> Fact:
    """``make_fact(id, figure, (Mention(id, figure, declared_at=declared_at),), …)``, the
    fact of a facts file that gives no mentions, whose one mention is made when it is
    first read (``Fact.__getattr__``): most facts' mentions are never read."""
    fact = _fact_draft(id, figure, label, exact, decimals, aspects, declared_at, qualifier)
    fact.__class__ = Fact
    made: Fact = fact
    return made


def _fact_draft(
    id: str,
    figure: Figure,
    label: str,
    exact: bool,
    decimals: int | None,
    aspects: Mapping[str, str],
    declared_at: Location | None,
    qualifier: str,
) -> Any:
    """A draft of a fact with every field but its mentions, still of the draft class."""
    fact = _new(FACT_DRAFT)
    fact.id = id
    fact.figure = figure
    fact.label = label
    fact.exact = exact
    fact.decimals = decimals
    fact.qualifier = qualifier
    fact.tolerance = None
    fact.aspects = aspects
    fact.declared_at = declared_at
    return fact


def make_fact_set(
    report: ReportInfo, facts: Mapping[str, Fact], path: str | None, repeated: Mapping[str, Fact]
) -> FactSet:
    """``FactSet(report, facts, path)`` for a loader that knows which facts are
    ``repeated`` (more than one mention, in the order of ``facts``), so that the facts'
    mentions are not read to find them."""
    fact_set = _new(FactSet)
    fact_set.__dict__.update(report=report, facts=facts, path=path, repeated=repeated)
    made: FactSet = fact_set
    return made

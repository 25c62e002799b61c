"""What a format may need beyond the report itself."""

from __future__ import annotations

from dataclasses import dataclass

from factlint.model import FactSet


@dataclass(frozen=True)
class RenderOptions:
    """How to render: in colour (a terminal), quietly (findings and the summary only)."""

    color: bool = False
    quiet: bool = False
    fact_sets: tuple[FactSet, ...] = ()
    """The facts checked, with their report texts: the html format marks their figures."""

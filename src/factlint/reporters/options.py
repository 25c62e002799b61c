"""What a format may need beyond the report itself."""

from __future__ import annotations

from pathlib import Path

from factlint.model import FactSet, Severity
from factlint.records import dataclass


@dataclass(frozen=True)
class RenderOptions:
    """How to render: in colour (a terminal), quietly (findings and the summary only)."""

    color: bool = False
    quiet: bool = False
    fact_sets: tuple[FactSet, ...] = ()
    """The facts checked, with their report texts: the html format marks their figures."""
    fail_on: Severity = Severity.ERROR
    """The severity that fails the run: JUnit passes the findings below it."""
    base_dir: Path | None = None
    """SARIF: the folder its paths are relative to (None: the git root, else the working
    directory)."""

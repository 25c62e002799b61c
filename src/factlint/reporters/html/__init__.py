"""``--format html``: the report's text with every figure marked, the findings beside it."""

from __future__ import annotations

from collections.abc import Sequence

from factlint.model import CheckResult, FactSet
from factlint.reporters.escape import defuse_html
from factlint.reporters.html.page import render_page
from factlint.reporters.options import RenderOptions
from factlint.version import __version__


def render_html(report: CheckResult, fact_sets: Sequence[FactSet] = ()) -> str:
    """One self-contained HTML page; ``fact_sets`` bring the report texts to mark."""
    return render_page(report, fact_sets, f"factlint {__version__}")


def render(report: CheckResult, options: RenderOptions) -> str:
    """The page for ``--format html``: the report texts come with ``options.fact_sets``."""
    return defuse_html(render_html(report, options.fact_sets))  # it may be printed to a log

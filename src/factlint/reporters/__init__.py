"""Output formats: each is a pure function from a report to text, registered by name."""

from __future__ import annotations

from collections.abc import Callable

from factlint.model import Report
from factlint.reporters import github, gitlab, json_format, jsonl, junit, sarif, text_format
from factlint.reporters.options import RenderOptions

Renderer = Callable[[Report, RenderOptions], str]

FORMATS: dict[str, Renderer] = {
    "text": text_format.render,
    "json": json_format.render,
    "jsonl": jsonl.render,
    "junit": junit.render,
    "sarif": sarif.render,
    "github": github.render,
    "gitlab": gitlab.render,
}
"""Format name → renderer. The CLI's ``--format`` choices come from here."""

__all__ = ["FORMATS", "RenderOptions", "Renderer"]

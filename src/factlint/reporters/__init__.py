"""Output formats: each is a pure function from a report to text, registered by name."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping

from factlint.model import CheckResult
from factlint.reporters.options import RenderOptions

Renderer = Callable[[CheckResult, RenderOptions], str]

_MODULES = {
    "text": "text_format",
    "json": "json_format",
    "jsonl": "jsonl",
    "junit": "junit",
    "sarif": "sarif",
    "github": "github",
    "gitlab": "gitlab",
    "html": "html",
}


class _Formats(Mapping[str, Renderer]):
    """The renderers by name, each module imported when its format is first asked for:
    a run prints one format, and the others' imports (XML, URL quoting) cost start-up."""

    def __getitem__(self, name: str) -> Renderer:
        module = importlib.import_module(f"factlint.reporters.{_MODULES[name]}")
        renderer: Renderer = module.render
        return renderer

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


FORMATS: Mapping[str, Renderer] = _Formats()
"""Format name → renderer. The CLI's ``--format`` choices come from here."""

__all__ = ["FORMATS", "RenderOptions", "Renderer"]

"""The library shows itself: ``dir()``, ``help()`` and ``__all__`` list the public API,
every name in ``__all__`` resolves, ``render`` gives every output format from Python, and
the public types name only public types."""

from __future__ import annotations

import dataclasses
import inspect
import json
import pydoc
import sys
import typing
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

import factlint
from factlint.reporters import FORMATS

REPO = Path(__file__).resolve().parents[1]


def test_every_name_in_all_resolves() -> None:
    for name in factlint.__all__:
        assert getattr(factlint, name) is not None, name
    assert callable(factlint.load_report) and callable(factlint.render)


def test_dir_lists_the_public_api_and_no_imports() -> None:
    listed = dir(factlint)
    assert set(factlint.__all__) <= set(listed)
    assert not {"importlib", "Any", "TYPE_CHECKING", "annotations"} & set(listed)


def test_the_old_name_report_is_check_result_with_a_deprecation_warning() -> None:
    import factlint.model

    with pytest.warns(DeprecationWarning, match=r"factlint\.Report is renamed .*CheckResult"):
        old = factlint.Report
    assert old is factlint.CheckResult
    with pytest.warns(DeprecationWarning, match=r"model\.Report is renamed .*CheckResult"):
        from factlint.model import Report
    assert Report is factlint.model.CheckResult
    assert "Report" not in factlint.__all__ and "Report" not in dir(factlint)
    with pytest.raises(AttributeError, match="no attribute 'Reprot'"):
        factlint.model.Reprot  # noqa: B018


def test_help_documents_the_whole_api() -> None:
    text = pydoc.render_doc(factlint, renderer=pydoc.plaintext)
    for name in ("class CheckResult", "class Finding", "class Location", "render(report", "check(",
                 "load_report(", "parse_figure("):  # fmt: skip
        assert name in text, name


def test_load_report_loads_a_rules_file_and_its_facts() -> None:
    facts, rules = factlint.load_report(REPO / "rules/jinzhong-2020.rules.yaml")
    assert facts.report.id == "jinzhong-2020" and len(rules) == 10


@pytest.fixture(scope="module")
def report() -> factlint.CheckResult:
    return factlint.check(*factlint.load_report(REPO / "rules/jinzhong-2020.rules.yaml"))


@pytest.mark.parametrize("form", sorted(FORMATS))
def test_render_gives_every_format(report: factlint.CheckResult, form: str) -> None:
    text = factlint.render(report, form)
    if form in ("json", "sarif", "gitlab"):
        json.loads(text)
    elif form == "junit":
        ET.fromstring(text)
    elif form == "jsonl":
        assert [json.loads(line) for line in text.splitlines()]
    assert "target-completion" in text


def test_render_options(report: factlint.CheckResult, tmp_path: Path) -> None:
    strict = ET.fromstring(factlint.render(report, "junit", fail_on="warning"))
    lenient = ET.fromstring(factlint.render(report, "junit"))
    assert int(strict.get("failures", "")) > int(lenient.get("failures", ""))
    sarif = json.loads(factlint.render(report, "sarif", base_dir=str(REPO / "facts")))
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "jinzhong-2020.txt"
    assert "\x1b[" in factlint.render(report, "text", color=True)
    with pytest.raises(TypeError, match="unknown option 'colour'"):
        factlint.render(report, "text", colour=True)
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        factlint.render(report, "xml")


def _named_classes(annotation: Any, found: set[type]) -> None:
    if isinstance(annotation, type):
        if annotation.__module__.startswith("factlint"):
            found.add(annotation)
        return
    origin = typing.get_origin(annotation)
    if isinstance(origin, type) and origin.__module__.startswith("factlint"):
        found.add(origin)
    for argument in typing.get_args(annotation):
        _named_classes(argument, found)


def test_public_types_name_only_exported_types() -> None:
    """Each exported function's signature and each exported class's constructor fields and
    public methods name only exported classes: exported by ``factlint``, or by the module
    that defines them (``factlint.rules.expressions`` exports the rule language's syntax
    tree, which ``Comparison`` is made of). Fields a class derives for itself
    (``init=False``) are caches of the engine and are left out."""
    exported = {getattr(factlint, name) for name in factlint.__all__}

    def is_exported(cls: type) -> bool:
        module = sys.modules[cls.__module__]
        return cls in exported or cls.__name__ in getattr(module, "__all__", ())

    unexported: dict[str, set[str]] = {}
    for name in factlint.__all__:
        item = getattr(factlint, name)
        found: set[type] = set()
        hints: list[Any] = []
        if inspect.isclass(item):
            derived = (
                {f.name for f in dataclasses.fields(item) if not f.init}
                if dataclasses.is_dataclass(item)
                else set()
            )
            fields = typing.get_type_hints(item)
            hints += [h for key, h in fields.items() if key not in derived | {"__slots__"}]
            for method_name, method in vars(item).items():
                if callable(method) and not method_name.startswith("_"):
                    hints += typing.get_type_hints(method).values()
        elif callable(item):
            hints += typing.get_type_hints(item).values()
        for hint in hints:
            _named_classes(hint, found)
        for cls in (c for c in found if not is_exported(c)):
            unexported.setdefault(f"{cls.__module__}.{cls.__qualname__}", set()).add(name)
    assert unexported == {}

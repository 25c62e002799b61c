"""JUnit class names that read well in Jenkins, for ``pytest --junitxml``."""

from __future__ import annotations

from typing import Any

import pytest

from factlint.pytest_plugin.settings import YAML_SUFFIXES


class JUnitClassNames:
    """JUnit class names that read well in Jenkins.

    pytest names a test's class by its file's path with dots (``rules.jinzhong-2020.rules.
    yaml``), and Jenkins reads everything before a class name's last dot as a package: the
    rules would sit in class ``yaml`` of package ``rules.jinzhong-2020.rules``. The class of
    a factlint item is its rules file's name without suffix and dots (``jinzhong-2020``),
    as in ``factlint check --format junit``. Set on the process that writes the XML (the
    xdist controller too), before pytest's junitxml records the report.
    """

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.key = _junit_xml_key()
        self.names: dict[str, str | None] = {}  # rules file -> class name (None: not ours)

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        xml = self.config.stash.get(self.key, None) if self.key is not None else None
        if xml is None or (report.when != "call" and report.passed):
            return  # a passing setup or teardown writes nothing to the XML
        file_part, separator, _ = report.nodeid.partition("::")
        if not separator:
            return
        name = self.names.get(file_part, "")
        if name == "":
            name = self.names[file_part] = (
                _prefixed(xml, junit_class_name(file_part))
                if file_part.endswith(YAML_SUFFIXES)
                else None
            )
        if name is not None:
            xml.node_reporter(report).add_attribute("classname", name)


def _prefixed(xml: Any, name: str) -> str:
    prefix = getattr(xml, "prefix", None)
    return f"{prefix}.{name}" if prefix else name


def junit_class_name(rules_file: str) -> str:
    """``rules/jinzhong-2020.rules.yaml`` → ``jinzhong-2020``.

    >>> junit_class_name("reports/q3.v2.rules.yml")
    'q3_v2'
    """
    name = rules_file.replace("\\", "/").rsplit("/", 1)[-1]
    for suffix in (".rules.yaml", ".rules.yml", *YAML_SUFFIXES):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    return name.replace(".", "_") or "factlint"


def _junit_xml_key() -> Any:
    """pytest's stash key of its JUnit writer (private: without it, names stay pytest's)."""
    try:
        from _pytest.junitxml import xml_key
    except ImportError:  # pragma: no cover - a pytest that moved it
        return None
    return xml_key

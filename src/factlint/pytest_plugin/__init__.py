"""factlint in pytest: each rule of a rules file is a test item that explains its arithmetic.

Installed with factlint (the ``pytest11`` entry point), the plugin only adds its options and
two fixtures until it is enabled with ``pytest --factlint`` or ``factlint = true`` in the
pytest configuration. Then every ``*.rules.yaml`` file (ini ``factlint_files``) becomes a
``FactlintFile`` with one item per rule and one per facts file it names::

    rules/jinzhong-2020.rules.yaml::target-completion
    rules/jinzhong-2020.rules.yaml::implicit-checks(facts/jinzhong-2020.facts.yaml)

The second runs the checks that need no rule (mentions agree, quotes are in the source
text); its facts path is relative to the rootdir. Collection loads the rules file and the
facts files it names and checks them, once per file: a broken input (the rules, a facts file,
a rule naming a fact no facts file has) is one collection error reading
``path:line:col: message``, and each item only looks its findings up.

Outcomes: a finding at or above ``--factlint-fail-on`` (default error) fails the item, and
its report lists the item's other findings too; findings that are all below that level pass
the item with a ``FactlintWarning``. pytest has no error outcome for a test body, so a
rule that cannot be checked fails with a report whose first line starts ``cannot check:``.
Under ``filterwarnings = error`` a ``FactlintWarning`` is raised and fails its item like any
finding at the fail-on level (``default::factlint.pytest_plugin.FactlintWarning`` after it
keeps it a warning). In ``--junitxml`` reports the class of an item is its rules file's
name, without suffix and dots (``JUnitClassNames``).

This package is the plugin pytest loads: its hooks and fixtures are the names below, each
from the module that does one job (docs/design.md §8):

- ``settings``: the command-line options and ini keys, read once into ``PluginSettings``, and
  the line they print in pytest's header;
- ``collection``: rules files as ``FactlintFile``s, each loaded and checked once
  (``file_check``), its items made;
- ``items``: the items, their outcome and their failure text (``repr_failure``);
- ``running``: the items' lean run protocol (only the call phase does work);
- ``explaining``: findings worded as a failure prints them;
- ``junit``: JUnit class names that read well in Jenkins;
- ``fixtures``: ``factlint_check``, ``factlint_assert`` and the helpers behind them.

Nothing here imports the core until a rules file is collected or a fixture is used: pytest
imports this package in every session of every user who has factlint installed.
"""

from __future__ import annotations

import pytest

from factlint.pytest_plugin.collection import FactlintFile, pytest_collect_file
from factlint.pytest_plugin.explaining import (
    explain,
    finding_lines,
    report_explanation,
    source_lines,
    verdict,
)
from factlint.pytest_plugin.file_check import CheckedFile, check_file
from factlint.pytest_plugin.fixtures import (
    assert_consistent,
    check_report,
    factlint_assert,
    factlint_check,
)
from factlint.pytest_plugin.items import (
    FactlintChecksItem,
    FactlintFailure,
    FactlintItem,
    FactlintRuleItem,
    FactlintWarning,
)
from factlint.pytest_plugin.junit import JUnitClassNames, junit_class_name
from factlint.pytest_plugin.running import pytest_runtest_protocol
from factlint.pytest_plugin.settings import (
    SETTINGS,
    PluginSettings,
    pytest_addoption,
    pytest_report_header,
    settings_of,
)

__all__ = [
    "CheckedFile",
    "FactlintChecksItem",
    "FactlintFailure",
    "FactlintFile",
    "FactlintItem",
    "FactlintRuleItem",
    "FactlintWarning",
    "JUnitClassNames",
    "PluginSettings",
    "assert_consistent",
    "check_file",
    "check_report",
    "explain",
    "factlint_assert",
    "factlint_check",
    "finding_lines",
    "junit_class_name",
    "pytest_addoption",
    "pytest_collect_file",
    "pytest_configure",
    "pytest_report_header",
    "pytest_runtest_protocol",
    "report_explanation",
    "settings_of",
    "source_lines",
    "verdict",
]


def pytest_configure(config: pytest.Config) -> None:
    config.stash[SETTINGS] = settings_of(config)
    if config.stash[SETTINGS].enabled:
        config.pluginmanager.register(JUnitClassNames(config), "factlint-junit-class-names")

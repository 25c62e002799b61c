"""Rules files as pytest collectors: which files are collected, and each one's items (one
per rule, one per facts file for its implicit checks), made after the file is checked."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from factlint.pytest_plugin.file_check import CHECKED, BrokenInput, CheckedFile, check_file
from factlint.pytest_plugin.items import FactlintChecksItem, FactlintRuleItem
from factlint.pytest_plugin.settings import SETTINGS, YAML_SUFFIXES

if TYPE_CHECKING:
    from factlint.model import RuleSet

CHECKS_ITEM = "implicit-checks"


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> FactlintFile | None:
    settings = parent.config.stash[SETTINGS]
    if not settings.enabled or not _wanted(file_path, settings.patterns, parent.session):
        return None
    return FactlintFile.from_parent(parent, path=file_path)


def _wanted(path: Path, patterns: Sequence[str], session: pytest.Session) -> bool:
    if any(path.match(pattern) for pattern in patterns):
        return True
    return session.isinitpath(path) and path.suffix.lower() in YAML_SUFFIXES


class FactlintFile(pytest.File):
    """A rules file: loaded, validated and checked when collected."""

    def collect(self) -> Iterator[pytest.Item]:
        rule_set = self._load()
        settings = self.config.stash[SETTINGS]
        # Checked here, once: a broken facts file (or a rule naming a fact it lacks) is one
        # collection error, not a failure of every rule; the items only look their findings up.
        try:
            self.stash[CHECKED] = check_file(
                rule_set, settings.rounding, settings.allow_outside_source
            )
        except BrokenInput as error:
            raise self.CollectError(_shown_error(error)) from None
        for rule in rule_set.rules:
            item = FactlintRuleItem.from_parent(self, name=rule.id, rule=rule)
            item.extra_keyword_matches.update(rule.tags)
            yield item
        for facts_path in rule_set.facts_paths:
            path = Path(os.path.normpath(facts_path))
            # Not `name[...]`: pytest 9.2 reads brackets in a node id as parameters,
            # and --lf would no longer find the item.
            name = f"{CHECKS_ITEM}({self._shown(path)})"
            yield FactlintChecksItem.from_parent(self, name=name, facts_path=path)

    def _load(self) -> RuleSet:
        from factlint.errors import FactlintError
        from factlint.loading.rules_yaml import load_rules, require_facts_files

        try:
            outside = self.config.stash[SETTINGS].allow_outside_source
            rule_set = load_rules(self.path, allow_outside_source=outside)
            require_facts_files(rule_set)
        except FactlintError as error:
            raise self.CollectError(_shown_error(error)) from None
        if not rule_set.facts_paths:
            raise self.CollectError(
                f"{rule_set.path}: the rules file names no facts file "
                "(add 'facts: path/to/report.facts.yaml')"
            )
        return rule_set

    def _shown(self, facts_path: Path) -> str:
        """Relative to the rootdir, else as the rules file names it: stable across machines."""
        root = self.config.rootpath
        if facts_path.is_relative_to(root):
            return facts_path.relative_to(root).as_posix()
        return Path(os.path.relpath(facts_path, self.path.parent)).as_posix()

    def checked(self) -> CheckedFile:
        return self.stash[CHECKED]


def _shown_error(error: Exception) -> str:
    """A collection error's text, by the one escaping policy (it quotes user text)."""
    from factlint.clip import printable

    return printable(str(error))

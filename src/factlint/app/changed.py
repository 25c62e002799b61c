"""From changed files to the reports they touch, for ``factlint check --changed`` (the
pre-commit hook).

A report is touched when its rules file, one of its facts files, or the report text a facts
file reads changed: editing 427.3 to 437.3 in the text of the first report must check it,
though no YAML changed. The reports are looked for under the configured paths, else the
working directory (pre-commit runs hooks from the repository's root).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from factlint.app.inputs import FACTS_SUFFIXES, RULES_SUFFIXES
from factlint.errors import FactlintError
from factlint.loading.facts_yaml import load_facts
from factlint.loading.rules_yaml import load_rules

_HEAD_BYTES = 64 * 1024
_SKIPPED_FOLDERS = {"node_modules", "__pycache__", "site-packages", "build", "dist"}


def touched(changed: Iterable[Path], roots: Iterable[Path]) -> list[Path]:
    """The facts and rules files to check, in a stable order: each changed facts or rules
    file, each facts file whose report text changed, and each rules file naming one of
    those facts files."""
    changed_set = {path.resolve() for path in changed if path.exists()}
    facts_files, rules_files = _found(roots)
    facts_files += [p for p in changed_set if _is(p, FACTS_SUFFIXES) and p not in facts_files]
    rules_files += [p for p in changed_set if _is(p, RULES_SUFFIXES) and p not in rules_files]
    texts = {p for p in changed_set if not _is(p, FACTS_SUFFIXES + RULES_SUFFIXES)}
    facts = {
        p for p in facts_files if p in changed_set or (_mentions(p, texts) and _source(p) in texts)
    }
    rules = {
        p
        for p in rules_files
        if p in changed_set
        or (_mentions(p, facts) and any(named in facts for named in _named_facts(p)))
    }
    return sorted(facts | rules)


def _mentions(path: Path, targets: set[Path]) -> bool:
    """Whether the file's head names one of ``targets``: a cheap test before it is loaded
    (a facts file names its text, a rules file its facts files)."""
    if not targets:
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES).decode("utf-8", "replace")
    except OSError:
        return False
    return any(target.name in head for target in targets)


def _found(roots: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    facts: list[Path] = []
    rules: list[Path] = []
    for root in roots:
        files = [root] if root.is_file() else _walk(root)
        for path in files:
            resolved = path.resolve()
            if _is(resolved, RULES_SUFFIXES) and resolved not in rules:
                rules.append(resolved)
            elif _is(resolved, FACTS_SUFFIXES) and resolved not in facts:
                facts.append(resolved)
    return facts, rules


def _walk(root: Path) -> Iterator[Path]:
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(
            name for name in subfolders if not name.startswith(".") and name not in _SKIPPED_FOLDERS
        )
        for name in sorted(names):
            yield Path(folder, name)


def _is(path: Path, suffixes: tuple[str, ...]) -> bool:
    return path.name.lower().endswith(suffixes)


def _source(facts_file: Path) -> Path | None:
    """The report text a facts file reads; None when it names none or cannot be read (a
    broken facts file is reported when it is itself checked)."""
    try:
        report = load_facts(facts_file, allow_outside_source=True).report
    except FactlintError:
        return None
    if not report.source:
        return None
    return Path(report.source).resolve()  # as loaded: relative to the working directory


def _named_facts(rules_file: Path) -> tuple[Path, ...]:
    try:
        named = load_rules(rules_file).facts_paths
    except FactlintError:
        return ()
    return tuple(Path(path).resolve() for path in named)

"""The plugin's command-line options and ini keys, read once per session into ``PluginSettings``
(in ``config.stash[SETTINGS]``), and the line they print in pytest's header."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from factlint.records import dataclass

ROUNDINGS = ("nearest", "truncate", "exact")
LEVELS = ("error", "warning", "info")
DEFAULT_FILES = "*.rules.yaml"
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class PluginSettings:
    enabled: bool
    patterns: tuple[str, ...]
    rounding: str | None
    fail_on: str
    allow_outside_source: bool = False


SETTINGS = pytest.StashKey[PluginSettings]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("factlint", "factlint: check the numbers of a report")
    group.addoption(
        "--factlint",
        action="store_true",
        default=False,
        help="collect factlint rules files (ini: factlint = true)",
    )
    group.addoption(
        "--factlint-rounding",
        choices=ROUNDINGS,
        default=None,
        help="rounding mode for rules that set none (ini: factlint_rounding)",
    )
    group.addoption(
        "--factlint-fail-on",
        choices=LEVELS,
        default=None,
        help="fail items with findings of this severity or higher; lower ones warn "
        "(default: error; ini: factlint_fail_on)",
    )
    group.addoption(
        "--factlint-allow-outside-source",
        action="store_true",
        default=False,
        help="let a rules file name facts outside its project, and a facts file read a text "
        "outside its folder (ini: factlint_allow_outside_source)",
    )
    parser.addini("factlint", "collect factlint rules files", type="bool", default=False)
    parser.addini(
        "factlint_allow_outside_source",
        "let factlint read facts and texts outside the project",
        type="bool",
        default=False,
    )
    parser.addini(
        "factlint_files",
        "glob patterns of factlint rules files",
        type="args",
        default=[DEFAULT_FILES],
    )
    parser.addini("factlint_rounding", "factlint rounding mode: nearest, truncate or exact")
    parser.addini("factlint_fail_on", "factlint fail-on level: error, warning or info")


def settings_of(config: pytest.Config) -> PluginSettings:
    enabled = bool(config.getoption("factlint") or config.getini("factlint"))
    rounding = config.getoption("factlint_rounding") or _ini_choice(
        config, "factlint_rounding", ROUNDINGS
    )
    fail_on = config.getoption("factlint_fail_on") or _ini_choice(
        config, "factlint_fail_on", LEVELS
    )
    patterns = tuple(config.getini("factlint_files")) or (DEFAULT_FILES,)
    outside = bool(
        config.getoption("factlint_allow_outside_source")
        or config.getini("factlint_allow_outside_source")
    )
    return PluginSettings(enabled, patterns, rounding, fail_on or "error", outside)


def _ini_choice(config: pytest.Config, name: str, choices: Sequence[str]) -> str | None:
    value = str(config.getini(name) or "").strip()
    if value and value not in choices:
        raise pytest.UsageError(f"{name} = {value}: use one of {', '.join(choices)}")
    return value or None


def pytest_report_header(config: pytest.Config) -> str | None:
    settings = config.stash[SETTINGS]
    if not settings.enabled:
        return None
    rounding = settings.rounding or "as the report sets it, else nearest"
    files = " ".join(settings.patterns)
    return f"factlint: {files}, fail on {settings.fail_on}, rounding {rounding}"

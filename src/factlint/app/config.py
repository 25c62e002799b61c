"""Project configuration: ``[tool.factlint]`` in ``pyproject.toml``, or a ``factlint.toml``.

Found by walking up from the working directory: in each folder ``factlint.toml`` is read
first, then ``pyproject.toml``; the first file that has factlint configuration wins (a
pyproject without ``[tool.factlint]`` is passed over). Command-line flags override it.

>>> config = config_from_text('rounding = "truncate"\\nskip = {start-rate = "base unknown"}\\n',
...                           Path("factlint.toml"))
>>> config.rounding, dict(config.skip)
('truncate', {'start-rate': 'base unknown'})
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import field
from pathlib import Path
from typing import Any

from factlint.errors import FactlintError
from factlint.loading.textfile import display_path
from factlint.model import ROUNDINGS, Rounding, Severity
from factlint.records import dataclass

CONFIG_FILES = ("factlint.toml", "pyproject.toml")
KEYS = ("paths", "rounding", "fail-on", "format", "severity", "skip", "jobs")
"""Every key the configuration takes; any other is an error naming the file and the key."""
SEVERITIES = tuple(s.value for s in Severity)


@dataclass(frozen=True)
class Config:
    """Settings from a configuration file; empty when there is none."""

    path: Path | None = None
    paths: tuple[Path, ...] = ()
    rounding: Rounding | None = None
    fail_on: Severity | None = None
    format: str | None = None
    severity: Mapping[str, Severity] = field(default_factory=dict)
    skip: Mapping[str, str] = field(default_factory=dict)
    jobs: int | None = None
    text: str = field(default="", repr=False, compare=False)

    def error(self, message: str, *keys: str) -> FactlintError:
        """An error located at the line that sets ``keys`` (a key, then a key inside it)."""
        shown = display_path(self.path) if self.path else "<configuration>"
        return FactlintError(message, shown, _line_of(self.text, self.path, keys))

    def check_names(self, known: set[str]) -> None:
        """Every rule named under ``severity`` and ``skip`` exists, so a misspelt id is an
        error rather than a rule silently left as it was."""
        for table, names in (("severity", self.severity), ("skip", self.skip)):
            for name in names:
                if name not in known:
                    import difflib  # here: only a misspelt key needs it

                    close = difflib.get_close_matches(name, sorted(known), n=1)
                    hint = f" (did you mean '{close[0]}'?)" if close else ""
                    raise self.error(
                        f"'{table}' names rule '{name}', which no rules file defines and "
                        f"which is no implicit check{hint}",
                        table,
                        name,
                    )


def load_config(start: Path | None = None) -> Config:
    """The configuration found from ``start`` (the working directory) upwards."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                config = read_config(candidate)
                if config is not None:
                    return config
    return Config()


MAX_KEY_PARTS = 64
"""A dotted key (``a.b.c = 1``, ``[a.b.c]``) of more parts than this is refused before
tomllib reads it: a 200 KB one took it 18 s and then all memory."""


def _refuse_deep_keys(text: str, path: Path) -> None:
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip()
        key = stripped[: stripped.find("]")] if stripped.startswith("[") else line.split("=", 1)[0]
        if key.count(".") >= MAX_KEY_PARTS:
            raise FactlintError(
                f"a dotted key of more than {MAX_KEY_PARTS} parts; factlint reads no key that deep",
                display_path(path),
                number,
            )


def read_config(path: Path) -> Config | None:
    """One file's configuration; None for a pyproject.toml without ``[tool.factlint]``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise FactlintError(f"cannot read: {error}", display_path(path)) from None
    return config_from_text(text, path)


def config_from_text(text: str, path: Path) -> Config | None:
    """The configuration in ``text``, read as the file ``path`` (its name says where the
    settings are: top level in factlint.toml, ``[tool.factlint]`` in pyproject.toml)."""
    empty = Config(path=path, text=text)
    _refuse_deep_keys(text, path)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"at line (\d+)", str(error))
        line = int(found.group(1)) if found else None
        raise FactlintError(f"invalid TOML: {error}", display_path(path), line) from None
    except RecursionError:  # arrays or inline tables nested thousands deep
        raise FactlintError("invalid TOML: nested too deep", display_path(path)) from None
    except ValueError as error:  # an integer of thousands of digits
        raise FactlintError(f"invalid TOML: {error}", display_path(path)) from None
    if path.name == "pyproject.toml":
        tool = document.get("tool", {})
        if not isinstance(tool, dict) or "factlint" not in tool:
            return None
        table = tool["factlint"]
        if not isinstance(table, dict):
            raise empty.error("[tool.factlint] must be a table")
    else:
        table = document
    return _build(empty, table)


def _build(empty: Config, table: dict[str, Any]) -> Config:
    for key in table:
        if key not in KEYS:
            import difflib  # here: only a misspelt key needs it

            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise empty.error(
                f"unknown key '{key}' in the factlint configuration{hint}; "
                f"known keys: {', '.join(KEYS)}",
                key,
            )
    base = empty.path.parent if empty.path else Path.cwd()
    return Config(
        path=empty.path,
        paths=tuple(base / p for p in _strings(empty, table, "paths")),
        rounding=_choice(empty, table, "rounding", ROUNDINGS),  # type: ignore[arg-type]
        fail_on=_severity(empty, table.get("fail-on"), "fail-on"),
        format=_choice(empty, table, "format", _formats()),
        severity=_severities(empty, table.get("severity")),
        skip=_skips(empty, table.get("skip")),
        jobs=_jobs(empty, table.get("jobs")),
        text=empty.text,
    )


def _formats() -> tuple[str, ...]:
    from factlint.reporters import FORMATS

    return tuple(sorted(FORMATS))


def _strings(config: Config, table: dict[str, Any], key: str) -> list[str]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise config.error(f"'{key}' must be a list of paths (strings)", key)
    return value


def _choice(
    config: Config, table: dict[str, Any], key: str, allowed: tuple[str, ...]
) -> str | None:
    value = table.get(key)
    if value is None:
        return None
    if value not in allowed:
        raise config.error(f"'{key}' must be one of {', '.join(allowed)}, not {value!r}", key)
    return str(value)


def _severity(config: Config, value: object, *keys: str) -> Severity | None:
    if value is None:
        return None
    if value not in SEVERITIES:
        where = ".".join(keys)
        raise config.error(
            f"'{where}' must be one of {', '.join(SEVERITIES)}, not {value!r}", *keys
        )
    return Severity(value)


def _table(config: Config, value: object, key: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise config.error(f"'{key}' must be a table of rule ids", key)
    return value


def _severities(config: Config, value: object) -> dict[str, Severity]:
    table = _table(config, value, "severity")
    return {rule: _severity(config, level, "severity", rule) for rule, level in table.items()}  # type: ignore[misc]


def _skips(config: Config, value: object) -> dict[str, str]:
    table = _table(config, value, "skip")
    for rule, reason in table.items():
        if not isinstance(reason, str) or not reason.strip():
            raise config.error(
                f"skipping '{rule}' needs a reason: {rule} = \"why it is skipped\"", "skip", rule
            )
    return {rule: reason.strip() for rule, reason in table.items()}


def _jobs(config: Config, value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise config.error(f"'jobs' must be a whole number of at least 1, not {value!r}", "jobs")
    return value


def _line_of(text: str, path: Path | None, keys: tuple[str, ...]) -> int | None:
    """The line that sets the key path ``keys``: tomllib gives no positions, so the text is
    searched, from the ``[tool.factlint]`` header on in a pyproject."""
    lines = text.splitlines()
    start = 0
    if path is not None and path.name == "pyproject.toml":
        header = re.compile(r"^\s*\[\s*tool\s*\.\s*factlint\s*[\].]")
        start = next((i for i, line in enumerate(lines) if header.match(line)), 0)
    found = None
    for key in keys:
        quoted = re.escape(key)
        pattern = re.compile(rf"""(^|[{{,\s.\[])(["']?){quoted}\2\s*(=|\]|\.)""")
        index = next((i for i in range(start, len(lines)) if pattern.search(lines[i])), None)
        if index is None:
            break
        found, start = index, index
    return None if found is None else found + 1

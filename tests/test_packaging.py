"""The hand-written package list in pyproject.toml misses no package folder."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_folder_is_listed() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    folders = {
        ".".join(p.relative_to(ROOT / "src").parts)
        for p in (ROOT / "src" / "factlint").rglob("*")
        if p.is_dir() and p.name != "__pycache__"
    }
    folders.add("factlint")
    assert folders <= listed
    assert {"factlint.default.facts", "factlint.default.rules"} <= listed


def test_the_embedded_default_is_mapped_to_the_project_folders() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    mapping = config["tool"]["setuptools"]["package-dir"]
    assert mapping["factlint.default.facts"] == "facts"
    assert mapping["factlint.default.rules"] == "rules"
    assert (ROOT / "facts" / "jinzhong-2020.facts.yaml").is_file()
    assert (ROOT / "rules" / "jinzhong-2020.rules.yaml").is_file()

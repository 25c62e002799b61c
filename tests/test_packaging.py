"""Packaging: the hand-written package list misses no package folder; the metadata, the
LICENSE and the README's links are what a package index shows; an sdist built with
``python -m build`` carries what its own test suite reads."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path
from typing import Any

import pytest

from factlint.reporters.sarif import PROJECT_URL

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


# ---- the published package: metadata, README links, an sdist whose tests run -------------


def _config() -> dict[str, Any]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_license_file_matches_the_metadata() -> None:
    project = _config()["project"]
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text("utf-8")
    assert text.startswith("MIT License") and "Permission is hereby granted" in text


def test_urls_and_classifiers() -> None:
    project = _config()["project"]
    urls = project["urls"]
    assert {"Homepage", "Source", "Issues", "Documentation"} <= set(urls)
    assert all(url.startswith(PROJECT_URL) for url in urls.values())
    classifiers = set(project["classifiers"])
    assert any(c.startswith("Development Status :: ") for c in classifiers)
    assert any(c.startswith("Topic :: ") for c in classifiers)
    minimum = project["requires-python"].removeprefix(">=")
    assert f"Programming Language :: Python :: {minimum}" in classifiers
    assert not any(c.startswith("License :: ") for c in classifiers)  # PEP 639: the expression


def test_readme_links_work_on_a_package_index_page() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    targets = re.findall(r"\]\(([^)\s]+)\)", readme)
    assert targets
    for target in targets:
        assert target.startswith((f"{PROJECT_URL}/", "#")), target
        for tree in ("/blob/main/", "/raw/main/"):  # a page; a file as is (an image)
            if target.startswith(PROJECT_URL + tree):
                assert (ROOT / target.removeprefix(PROJECT_URL + tree)).exists(), target


@pytest.fixture(scope="module")
def sdist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (ROOT / ".git").exists():
        pytest.skip("builds an sdist from the project's checkout")
    pytest.importorskip("build")
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    (archive,) = out.glob("factlint-*.tar.gz")
    with tarfile.open(archive) as tar:
        tar.extractall(out, filter="data")
    (unpacked,) = (p for p in out.iterdir() if p.is_dir())
    return unpacked


def test_the_sdist_carries_its_license_and_metadata(sdist: Path) -> None:
    assert (sdist / "LICENSE").is_file()
    metadata = (sdist / "PKG-INFO").read_text("utf-8")
    assert "License-Expression: MIT" in metadata
    assert f"Project-URL: Source, {PROJECT_URL}" in metadata
    assert "Classifier: Programming Language :: Python :: 3.11" in metadata


def test_the_sdist_test_suite_collects_without_errors(sdist: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(sdist / "src")  # the sdist's own code, not this checkout's
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=sdist,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "error" not in done.stdout.lower().split("\n")[-2]
    collected = int(re.search(r"(\d+) tests? collected", done.stdout).group(1))  # type: ignore[union-attr]
    assert collected > 1000
    for data in ("tests/data/junit/junit-10.xsd", "tests/data/sarif-schema-2.1.0.json",
                 "tests/hostile", "facts/jinzhong-2020.txt", "docs/ci.md"):  # fmt: skip
        assert (sdist / data).exists(), data

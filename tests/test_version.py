"""The version is written once (factlint/version.py); the package metadata, the command
line and the machine-readable outputs all read it from there."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import factlint
from factlint.reporters.json_format import report_dict
from factlint.reporters.sarif import sarif_log
from factlint.version import __version__

REPO = Path(__file__).resolve().parents[1]


def test_version_is_a_release_number() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+(?:(?:a|b|rc|\.dev)\d+)?", __version__)
    assert factlint.__version__ == __version__


def test_pyproject_reads_the_version_from_the_package() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    attribute = project["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    assert attribute == "factlint.version.__version__"


def test_installed_metadata_has_the_same_version() -> None:
    assert importlib.metadata.version("factlint") == __version__


def test_no_other_file_writes_the_version() -> None:
    literal = re.compile(r"""["']""" + re.escape(__version__) + r"""["']""")
    sources = [*(REPO / "src").rglob("*.py"), REPO / "pyproject.toml", REPO / "README.md"]
    writers = [p for p in sources if literal.search(p.read_text(encoding="utf-8"))]
    assert writers == [REPO / "src" / "factlint" / "version.py"]


def test_outputs_carry_the_version() -> None:
    report = factlint.check(
        {"report": {"id": "t"}, "facts": {"a": {"value": "1项"}}}, [{"id": "r", "check": "a == a"}]
    )
    assert report_dict(report)["factlint"] == __version__
    assert sarif_log(report)["runs"][0]["tool"]["driver"]["version"] == __version__


def test_command_line_prints_the_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "factlint", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout.strip()) == (0, f"factlint {__version__}")

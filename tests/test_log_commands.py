"""No user text becomes a command to the CI runner, in any format printed to a log.

``runner_commands`` is a port of the GitHub Actions runner's two command parsers
(``ActionCommand.TryParseV2`` and ``TryParse`` in actions/runner): every line of every
format is read the way the runner reads a step's output.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from consumers import runner_commands
from factlint.reporters import FORMATS

REPO = Path(__file__).resolve().parents[1]


def test_the_port_reads_commands_as_the_runner_does() -> None:
    assert runner_commands("::add-mask::x\n   ::warning file=a::y\nz ##[error]w") == [
        "add-mask",
        "warning",
        "error",
    ]
    assert runner_commands("a ::add-mask::x\n::unknown::y\n##[nothing]") == []


HOSTILE = "::add-mask::the"
WRAPPED = "word " * 18 + "::stop-commands::token and ##[add-mask]secret"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "demo.facts.yaml").write_text(
        'report: {id: demo}\nfacts:\n  a: {value: "1"}\n  b: {value: "3"}\n', "utf-8"
    )
    (folder / "demo.rules.yaml").write_text(
        "facts: demo.facts.yaml\nrules:\n"
        f"  - id: first\n    check: a == b\n    message: '{HOSTILE}'\n"
        f"  - id: second\n    check: a > b\n    severity: warning\n    message: '{WRAPPED}'\n",
        "utf-8",
    )
    return folder


def _check(folder: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    environment["PYTHONPATH"] = str(REPO / "src")
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "factlint", "check", *args],
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("form", sorted(FORMATS))
def test_no_format_lets_a_message_command_the_runner(project: Path, form: str) -> None:
    done = _check(project, ".", "--format", form)
    assert done.returncode == 1, done.stderr
    expected = ["error", "warning"] if form == "github" else []  # the annotations only
    assert runner_commands(done.stdout) == expected
    assert runner_commands(done.stderr) == []


def test_the_text_report_still_shows_the_message(project: Path) -> None:
    text = _check(project, ".").stdout
    assert "\\x3a:add-mask::the" in text
    assert "##\\x5badd-mask]secret" in text
    wrapped = [line for line in text.splitlines() if "stop-commands" in line]
    assert wrapped and wrapped[0].lstrip().startswith("\\x3a:stop-commands")


def test_machine_formats_keep_the_text_unchanged(project: Path) -> None:
    import json
    import xml.etree.ElementTree as ET

    data = json.loads(_check(project, ".", "--format", "json").stdout)
    messages = sorted(f["message"] for f in data["findings"])
    assert messages[0].startswith(HOSTILE) and messages[1].startswith(WRAPPED)
    root = ET.fromstring(_check(project, ".", "--format", "junit").stdout)
    bodies = "".join(element.text or "" for element in root.iter("failure"))
    assert HOSTILE in bodies


def test_an_unwritable_step_summary_is_a_warning(project: Path, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "summary.md"
    done = _check(
        project, ".", "--format", "github", "--fail-on", "error", GITHUB_STEP_SUMMARY=str(target)
    )
    assert done.returncode == 1  # the findings' status, unchanged
    assert "warning: cannot write the step summary" in done.stderr
    clean = _check(project, "--format", "github", "--fail-on", "error", "demo.facts.yaml",
                   GITHUB_STEP_SUMMARY=str(target))  # fmt: skip
    assert clean.returncode == 0
    assert "warning: cannot write the step summary" in clean.stderr

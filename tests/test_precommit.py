"""The pre-commit hook: its definition, and its entry command run on the files pre-commit
would pass it."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))

GOOD_FACTS = """\
report:
  id: demo
facts:
  signed: {value: "51项"}
  six_new: {value: "39项"}
  share: {value: "76.5%"}
"""
RULES = """\
facts: demo.facts.yaml
rules:
  - id: six-new-share
    share: {part: six_new, whole: signed, is: share}
"""


@pytest.fixture
def hook() -> dict[str, Any]:
    (found,) = [h for h in HOOKS if h["id"] == "factlint"]
    return found


def run_hook(hook: dict[str, Any], files: list[str], cwd: Path) -> int:
    """Run the hook as pre-commit does: its entry, then the matching file names.

    The entry's program is the console script ``factlint``; here it is run as
    ``python -m factlint`` from the source tree, which is what that script calls.
    """
    program, *arguments = shlex.split(hook["entry"])
    assert program == "factlint"
    cwd = cwd.resolve()
    matching = [f for f in files if re.search(hook["files"], f)]
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    env["PYTHONPATH"] = str(REPO / "src")
    done = subprocess.run(
        [sys.executable, "-m", "factlint", *arguments, *matching],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    return done.returncode


def test_hook_definition(hook: dict[str, Any]) -> None:
    assert hook["language"] == "python"
    assert hook["entry"] == "factlint check --changed"
    assert hook["pass_filenames"] is True
    assert hook["require_serial"] is True
    assert {"id", "name", "entry", "language", "files"} <= set(hook)


def test_entry_is_the_packaged_console_script() -> None:
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert scripts["factlint"] == "factlint.app.cli:entry"


@pytest.mark.parametrize(
    ("name", "matches"),
    [
        ("report.facts.yaml", True),
        ("sub/report.rules.yml", True),
        ("report.facts.yml", True),
        ("report.yaml", False),
        ("facts.yaml", False),
        ("report.rules.yaml.bak", False),
        ("report.txt", True),
        ("report.facts.jsonl", True),
        ("setup.py", False),
    ],
)
def test_hook_files_pattern(hook: dict[str, Any], name: str, matches: bool) -> None:
    assert bool(re.search(hook["files"], name)) is matches


def write(folder: Path, share: str = "76.5%") -> None:
    (folder / "demo.facts.yaml").write_text(GOOD_FACTS.replace("76.5%", share), "utf-8")
    (folder / "demo.rules.yaml").write_text(RULES, encoding="utf-8")


def test_consistent_files_pass(hook: dict[str, Any], tmp_path: Path) -> None:
    write(tmp_path)
    files = ["demo.facts.yaml", "demo.rules.yaml", "README.md"]
    assert run_hook(hook, files, tmp_path) == 0


def test_an_inconsistent_figure_fails(hook: dict[str, Any], tmp_path: Path) -> None:
    write(tmp_path, share="75.5%")
    assert run_hook(hook, ["demo.facts.yaml", "demo.rules.yaml"], tmp_path) == 1


def test_a_changed_rules_file_alone_checks_its_facts(hook: dict[str, Any], tmp_path: Path) -> None:
    write(tmp_path, share="75.5%")
    assert run_hook(hook, ["demo.rules.yaml"], tmp_path) == 1


def test_a_broken_file_is_bad_input(hook: dict[str, Any], tmp_path: Path) -> None:
    write(tmp_path)
    (tmp_path / "demo.rules.yaml").write_text("rules:\n  - id: x\n    summ: 1\n", "utf-8")
    assert run_hook(hook, ["demo.rules.yaml", "demo.facts.yaml"], tmp_path) == 2


def test_the_first_report_fails_on_its_known_error(hook: dict[str, Any]) -> None:
    files = ["facts/jinzhong-2020.facts.yaml", "rules/jinzhong-2020.rules.yaml"]
    assert run_hook(hook, files, REPO) == 1


def test_a_changed_report_text_checks_its_report(hook: dict[str, Any], tmp_path: Path) -> None:
    write(tmp_path, share="75.5%")
    facts = (tmp_path / "demo.facts.yaml").read_text("utf-8")
    (tmp_path / "demo.facts.yaml").write_text(
        facts.replace("report:\n  id: demo\n", "report:\n  id: demo\n  source: demo.txt\n"),
        "utf-8",
    )
    (tmp_path / "demo.txt").write_text("39 of 51, 75.5%\n", "utf-8")
    (tmp_path / "other.txt").write_text("nothing\n", "utf-8")
    assert run_hook(hook, ["demo.txt"], tmp_path) == 1
    assert run_hook(hook, ["other.txt"], tmp_path) == 0  # no report reads it


# ---- the real consumer: pre-commit itself ---------------------------------------------------


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (REPO / ".git").exists():
        pytest.skip("pre-commit try-repo needs this project's git repository")
    pytest.importorskip("pre_commit")
    return tmp_path_factory.mktemp("pre-commit-home")


def _try_repo(project: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_STEP_SUMMARY", "PYTHONPATH")}
    env["PRE_COMMIT_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "factlint", "--verbose"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=900,
        check=False,
    )


def _first_report_repo(folder: Path, copies: int = 1) -> Path:
    _git(folder, "init", "-q")
    for number in range(copies):
        report = folder / f"report{number}"
        for part in ("facts", "rules"):
            shutil.copytree(REPO / part, report / part)
        facts = report / "facts/jinzhong-2020.facts.yaml"
        facts.write_text(
            facts.read_text("utf-8").replace("id: jinzhong-2020", f"id: jinzhong-{number}"),
            "utf-8",
        )
    _git(folder, "add", "-A")
    _git(folder, "commit", "-q", "-m", "reports")
    return folder


def test_pre_commit_runs_the_hook_when_only_the_text_changes(
    pre_commit_home: Path, tmp_path: Path
) -> None:
    project = _first_report_repo(tmp_path)
    text = project / "report0/facts/jinzhong-2020.txt"
    assert "427.3" in text.read_text("utf-8")
    text.write_text(text.read_text("utf-8").replace("427.3", "437.3"), "utf-8")
    _git(project, "add", "-A")
    done = _try_repo(project, pre_commit_home)
    assert "no files to check" not in done.stdout.lower()
    assert done.returncode == 1, done.stdout + done.stderr
    assert "quote-in-source" in done.stdout or "437.3" in done.stdout


def test_pre_commit_prints_each_report_once(pre_commit_home: Path, tmp_path: Path) -> None:
    project = _first_report_repo(tmp_path, copies=6)
    for number in range(6):
        text = project / f"report{number}/facts/jinzhong-2020.txt"
        text.write_text(text.read_text("utf-8") + "\n", "utf-8")
    _git(project, "add", "-A")
    done = _try_repo(project, pre_commit_home)
    assert done.returncode == 1, done.stdout + done.stderr
    # Each report's one error, once: 6 reports, 6 target-completion findings.
    assert done.stdout.count("error: target-completion is inconsistent") == 6

"""docs/ci.md's GitHub, GitLab and Jenkins setups, tried: their exact commands run in a
temporary git repository holding the first report under reports/, in the CI system's
environment as far as it can be had here, and their output files read by the consumers'
own rules (junit-10.xsd, the SARIF schema and GitHub rules, Code Quality's fields).

Only the install step is left out: the factlint under test is the one installed here.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import xmlschema
import yaml

from consumers import runner_commands, validate_sarif

REPO = Path(__file__).resolve().parents[1]
DOC = (REPO / "docs/ci.md").read_text("utf-8")
JUNIT = xmlschema.XMLSchema10(REPO / "tests/data/junit/junit-10.xsd")
BIN = Path(sys.executable).parent


def _block(after_heading: str, language: str) -> str:
    section = DOC.split(f"## {after_heading}\n", 1)[1]
    found = re.search(rf"```{language}\n(.*?)```", section, re.DOTALL)
    assert found, f"no {language} block under {after_heading}"
    return found.group(1)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    for folder in ("facts", "rules"):
        shutil.copytree(REPO / folder, tmp_path / "reports" / folder)
    return tmp_path


def _run(command: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    environment.update(PATH=f"{BIN}{os.pathsep}{environment.get('PATH', '')}", CI="true", **env)
    return subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def _installs(command: str) -> bool:
    return "pip install" in command


def test_github_workflow(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    workflow = yaml.safe_load(_block("GitHub Actions", "yaml"))
    steps = workflow["jobs"]["factlint"]["steps"]
    runs = [step for step in steps if "run" in step and not _installs(step["run"])]
    assert len(runs) == 2
    summary = tmp_path_factory.mktemp("runner") / "step_summary.md"
    annotations = _run(runs[0]["run"], project, GITHUB_STEP_SUMMARY=str(summary))
    assert annotations.returncode == 1  # the first report has an error: the job fails
    assert sorted(runner_commands(annotations.stdout)) == ["error", "warning", "warning", "warning"]
    assert "site-packages" not in annotations.stdout
    assert "file=reports/facts/jinzhong-2020.txt,line=199" in annotations.stdout
    assert "| error | `target-completion` |" in summary.read_text("utf-8")
    assert runs[1].get("if") == "always()"
    sarif_step = _run(runs[1]["run"], project)
    assert sarif_step.returncode == 1
    upload = next(step for step in steps if "upload-sarif" in step.get("uses", ""))
    log = validate_sarif(json.loads((project / upload["with"]["sarif_file"]).read_text("utf-8")))
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }
    assert uris == {"reports/facts/jinzhong-2020.txt"}


def test_gitlab_job(project: Path) -> None:
    job = yaml.safe_load(_block("GitLab CI", "yaml"))["factlint"]
    outcomes = [_run(line, project).returncode for line in job["script"] if not _installs(line)]
    assert outcomes == [0, 1]  # the artifact's run passes; the last one fails the job
    reports = job["artifacts"]["reports"]
    assert job["artifacts"]["when"] == "always"
    JUNIT.validate(str(project / reports["junit"]))
    issues: list[dict[str, Any]] = json.loads((project / reports["codequality"]).read_text("utf-8"))
    assert issues and {"description", "check_name", "fingerprint", "severity", "location"} <= set(
        issues[0]
    )
    assert all(not issue["location"]["path"].startswith("/") for issue in issues)


def test_jenkins_pipeline(project: Path) -> None:
    steps = re.findall(r"sh '([^']*)'", _block("Jenkins", "groovy"))
    assert any(_installs(step) for step in steps)
    for step in steps:
        if not _installs(step):
            done = _run(step.replace(".venv/bin/", f"{BIN}/"), project)
            assert done.returncode == 0  # `|| true`: the JUnit plugin decides
    (report,) = re.findall(r"junit '([^']*)'", _block("Jenkins", "groovy"))
    JUNIT.validate(str(project / report))
    root = JUNIT.to_dict(str(project / report))
    classes = {case["@classname"] for suite in root["testsuite"] for case in suite["testcase"]}
    assert classes == {"jinzhong-2020"}

"""JUnit as Jenkins and GitLab read it: valid against junit-10.xsd (kept in
tests/data/junit/, see its README for the source), the verdict agreeing with the exit
code, class names without dots."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema

import factlint
from factlint.app.commands.check import run_check
from factlint.model import CheckResult, Severity
from factlint.reporters import RenderOptions, junit

REPO = Path(__file__).resolve().parents[1]
SCHEMA = xmlschema.XMLSchema10(REPO / "tests/data/junit/junit-10.xsd")


@pytest.fixture(scope="module")
def first() -> CheckResult:
    return run_check([REPO / "facts", REPO / "rules"])


@pytest.fixture(scope="module")
def mixed() -> CheckResult:
    facts = {
        "report": {"id": "v1.2"},
        "facts": {"a": {"value": "1"}, "b": {"value": "3"}, "c": {"value": "2万美元"}},
    }
    rules = [
        {"id": "fails", "check": "a == b"},
        {"id": "warns", "check": "a > b", "severity": "warning"},
        {"id": "notes", "check": "a > b", "severity": "info"},
        {"id": "cannot", "check": "a == c", "severity": "warning"},
        {"id": "cannot-error", "check": "b == c"},
        {"id": "passes", "check": "a < b"},
        {"id": "skipped", "check": "a > b"},
    ]
    return factlint.check(facts, rules, skip={"skipped": "not printed in this edition"})


@pytest.mark.parametrize("fail_on", list(Severity))
def test_valid_against_junit_10_xsd(
    first: CheckResult, mixed: CheckResult, fail_on: Severity
) -> None:
    for report in (first, mixed, CheckResult.merge([first, mixed]), CheckResult((), (), 0, ())):
        SCHEMA.validate(junit.render(report, RenderOptions(fail_on=fail_on)))


def _outcomes(report: CheckResult, fail_on: Severity) -> dict[str, str]:
    root = ET.fromstring(junit.render(report, RenderOptions(fail_on=fail_on)))
    outcomes = {}
    for case in root.iter("testcase"):
        children = [child.tag for child in case]
        outcomes[case.get("name", "")] = children[0] if children else "passed"
    return {name: outcome for name, outcome in outcomes.items() if ":" not in name}


def test_findings_below_fail_on_are_passing_cases_that_explain(mixed: CheckResult) -> None:
    assert _outcomes(mixed, Severity.ERROR) == {
        "fails": "failure",
        "warns": "system-out",
        "notes": "system-out",
        "cannot": "system-out",
        "cannot-error": "error",
        "passes": "passed",
        "skipped": "skipped",
    }
    assert _outcomes(mixed, Severity.INFO)["notes"] == "failure"
    assert _outcomes(mixed, Severity.WARNING)["cannot"] == "error"
    root = ET.fromstring(junit.render(mixed))
    out = root.find(".//testcase[@name='warns']/system-out")
    assert out is not None and (out.text or "").startswith(
        "passes: its findings are warnings, below --fail-on error"
    )
    assert "expected 1 > 3" in (out.text or "")


@pytest.mark.parametrize("fail_on", ["error", "warning", "info"])
def test_the_junit_verdict_agrees_with_the_exit_code(tmp_path: Path, fail_on: str) -> None:
    (tmp_path / "demo.facts.yaml").write_text(
        'report: {id: demo}\nfacts:\n  a: {value: "1"}\n  b: {value: "3"}\n', "utf-8"
    )
    (tmp_path / "demo.rules.yaml").write_text(
        "facts: demo.facts.yaml\nrules:\n  - id: warns\n    check: a > b\n    severity: warning\n",
        "utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "factlint", "check", ".", "--format", "junit", "--fail-on", fail_on],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    SCHEMA.validate(done.stdout)
    root = ET.fromstring(done.stdout)
    failed = int(root.get("failures", "0")) + int(root.get("errors", "0"))
    assert (failed > 0) == (done.returncode == 1)
    assert done.returncode == (0 if fail_on == "error" else 1)


def test_class_names_have_no_dots(first: CheckResult, mixed: CheckResult) -> None:
    root = ET.fromstring(junit.render(CheckResult.merge([first, mixed])))
    classes = {case.get("classname") for case in root.iter("testcase")}
    assert classes == {"jinzhong-2020", "v1_2"}
    assert all("." not in name for name in classes if name)


def test_two_files_of_one_name_get_their_folders(tmp_path: Path) -> None:
    for folder in ("north", "south"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.facts.yaml").write_text(
            f'report: {{id: {folder}}}\nfacts:\n  a: {{value: "1"}}\n', "utf-8"
        )
        (tmp_path / folder / "report.rules.yaml").write_text(
            "facts: report.facts.yaml\nrules:\n  - id: positive\n    check: a > 0\n", "utf-8"
        )
    report = run_check([tmp_path / "north", tmp_path / "south"])
    root = ET.fromstring(junit.render(report))
    keys = {(c.get("classname"), c.get("name")) for c in root.iter("testcase")}
    assert {name for name, rule in keys if rule == "positive"} == {
        f"{str(tmp_path).lstrip('/').replace('/', '_').replace('.', '_')}_{side}_report"
        for side in ("north", "south")
    }


def test_locations_are_in_properties_and_messages(first: CheckResult) -> None:
    root = ET.fromstring(junit.render(first))
    files = [p.get("value") for p in root.iter("property") if p.get("name") == "file"]
    assert files == ["rules/jinzhong-2020.rules.yaml"]
    for case in root.iter("testcase"):
        assert set(case.attrib) == {"name", "classname", "time"}
    assert "skipped" not in root.attrib

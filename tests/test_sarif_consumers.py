"""SARIF as GitHub code scanning reads it: every log validated against the OASIS SARIF
2.1.0 schema (tests/data/, see its .md) and read the way the SARIF multitool's GitHub rules
read it (``consumers.ghas_problems``)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from consumers import ghas_problems, validate_sarif

REPO = Path(__file__).resolve().parents[1]
LINE_HASH = re.compile(r"^[0-9a-f]{16}:[1-9][0-9]*$")


def _sarif(cwd: Path, *args: str) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    env["PYTHONPATH"] = str(REPO / "src")
    done = subprocess.run(
        [sys.executable, "-m", "factlint", "check", "--format", "sarif", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    return validate_sarif(json.loads(done.stdout.decode("utf-8")))


def _report(folder: Path, report_id: str, message: str, rule: str = "total") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "report.txt").write_text("The total is 9, of 1 and 3.\n", "utf-8")
    (folder / f"{report_id}.facts.yaml").write_text(
        f"report: {{id: {report_id}, source: report.txt}}\nfacts:\n"
        '  total: {value: "9", mentions: [{quote: "total is 9", line: 1}]}\n'
        '  a: {value: "1", mentions: [{quote: "of 1", line: 1}]}\n'
        '  b: {value: "3", mentions: [{quote: "and 3", line: 1}]}\n',
        "utf-8",
    )
    (folder / f"{report_id}.rules.yaml").write_text(
        f"facts: {report_id}.facts.yaml\nrules:\n"
        f"  - id: {rule}\n    sum: {{parts: [a, b], total: total}}\n    message: {message}\n",
        "utf-8",
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    _report(tmp_path / "reports" / "north", "north", "North's parts add up to its total")
    _report(tmp_path / "reports" / "south", "south", "South's total is the sum of its parts")
    return tmp_path


def test_the_first_report_reads_as_github_reads_it() -> None:
    log = _sarif(REPO)
    results = log["runs"][0]["results"]
    assert results and all(LINE_HASH.match(r["partialFingerprints"]["primaryLocationLineHash"])
                           for r in results)  # fmt: skip
    hashes = [r["partialFingerprints"]["primaryLocationLineHash"] for r in results]
    assert len(set(hashes)) == len(hashes)
    assert log["runs"][0]["tool"]["driver"]["informationUri"].startswith("https://")


def test_paths_are_relative_to_the_git_root_from_a_subfolder(repo: Path) -> None:
    log = _sarif(repo / "reports", ".")
    run = log["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.resolve().as_uri() + "/"
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for result in run["results"]
        for loc in result["locations"] + result.get("relatedLocations", [])
    }
    assert "reports/north/report.txt" in uris and "reports/south/south.facts.yaml" in uris
    for result in run["results"]:
        artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert artifact["uriBaseId"] == "%SRCROOT%"


def test_base_dir_moves_the_base(repo: Path) -> None:
    log = _sarif(repo, "reports", "--base-dir", "reports/north")
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }
    # Inside the base: relative; outside it: an absolute file URI, never "../".
    assert "report.txt" in uris
    assert (repo / "reports/south/report.txt").resolve().as_uri() in uris


def test_a_colon_in_a_folder_name_is_not_a_scheme(tmp_path: Path) -> None:
    _report(tmp_path / "c:dir", "colon", "Parts and total")
    log = _sarif(tmp_path, "c:dir", "--base-dir", ".")
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri["uri"] == "c%3Adir/report.txt"
    assert urlsplit(uri["uri"]).scheme == ""


def test_each_report_describes_its_own_rules(repo: Path) -> None:
    run = _sarif(repo, "reports")["runs"][0]
    described = {
        rule["id"]: rule["shortDescription"]["text"]
        for rule in run["tool"]["driver"]["rules"]
        if rule["id"].endswith("/total")
    }
    assert described == {
        "north/total": "North's parts add up to its total",
        "south/total": "South's total is the sum of its parts",
    }
    names = {rule["id"]: rule.get("name") for rule in run["tool"]["driver"]["rules"]}
    assert names["north/total"] == "Total"
    assert {r["ruleId"] for r in run["results"]} == {"north/total", "south/total"}


def test_the_port_finds_what_github_rejects() -> None:
    bad = {
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "x", "rules": [{"id": "r", "name": "r"}]}},
                "results": [
                    {
                        "ruleId": "r",
                        "ruleIndex": 0,
                        "message": {"text": "m"},
                        "locations": [
                            {"physicalLocation": {"artifactLocation": {"uri": "c:dir/x"}}}
                        ],
                        "relatedLocations": [
                            {"physicalLocation": {"artifactLocation": {"uri": "/abs"}}}
                        ],
                    }
                ],
            }
        ],
    }
    found = {problem.split(":")[0] for problem in ghas_problems(bad)}
    assert found == {"Base1013", "GH2012", "SARIF2012", "Base1015", "GH1003", "GH1005", "GH1007"}

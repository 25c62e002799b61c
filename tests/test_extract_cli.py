"""``factlint extract``, ``discover`` and ``scan`` from the command line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factlint.app.cli import main

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "facts" / "jinzhong-2020.txt"
CURATED = ROOT / "facts" / "jinzhong-2020.facts.yaml"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(REPORT, tmp_path / "report.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_extract_writes_a_facts_file_that_check_loads(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", "report.txt", "-o", "report.facts.yaml"]) == 0
    assert "64 facts, 137 mentions" in capsys.readouterr().err
    assert main(["check", "report.facts.yaml", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [f["rule"] for f in report["findings"]] == ["mentions-framing"]


def test_extract_pauses_the_collector_only_while_it_works(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from factlint.extract import pipeline

    seen: list[bool] = []
    extract_text = pipeline.extract_text

    def watched(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return extract_text(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "extract_text", watched)
    assert gc.isenabled()
    assert main(["extract", "report.txt", "-o", "report.facts.yaml"]) == 0
    assert seen == [False] and gc.isenabled()


def test_extract_to_standard_output_with_sections_from_a_file(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "sections.yaml").write_text("top: [1, 200]\nrest: [201, 387]\n", encoding="utf-8")
    assert main(["extract", "report.txt", "--sections", "sections.yaml"]) == 0
    out = capsys.readouterr().out
    assert '"top": [1, 200]' in out and 'section: "rest"' in out and "sidebar" not in out


def test_extract_update_keeps_the_curated_file(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(CURATED, folder / "jinzhong-2020.facts.yaml")
    shutil.copy(REPORT, folder / "jinzhong-2020.txt")
    args = ["extract", "jinzhong-2020.txt", "--update", "jinzhong-2020.facts.yaml"]
    assert main(args) == 0
    assert "0 new facts, 0 new mentions, 0 gone" in capsys.readouterr().err
    assert (folder / "jinzhong-2020.facts.yaml").read_text(encoding="utf-8") == CURATED.read_text(
        encoding="utf-8"
    )


def test_discover_on_a_curated_facts_file_names_its_ids(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(CURATED, folder / "jinzhong-2020.facts.yaml")
    shutil.copy(REPORT, folder / "jinzhong-2020.txt")
    assert main(["discover", "jinzhong-2020.facts.yaml", "-o", "found.rules.yaml"]) == 0
    out = capsys.readouterr().out
    assert "finding [truncation-only] completion-185pct" in out
    rules = (folder / "found.rules.yaml").read_text(encoding="utf-8")
    assert (
        'share: {part: "six_new_projects", whole: "signed_projects", is: "six_new_share"}' in rules
    )
    # the text asserts the completion (完成230亿元目标任务的185%): its failure is an error
    assert main(["check", "found.rules.yaml", "--format", "json"]) == 1
    failed = {f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert "completion-185pct" in failed and "share-76-5pct" not in failed


def test_scan_checks_a_new_report_in_one_step(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["scan", "report.txt", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    severities = {f["rule"]: f["severity"] for f in report["findings"]}
    assert severities == {"mentions-framing": "warning", "completion-185pct": "error"}
    assert main(["scan", "report.txt", "--fail-on", "warning", "-q"]) == 1
    assert list(folder.iterdir()) == [folder / "report.txt"]


def test_scan_of_a_missing_file_is_bad_input(folder: Path) -> None:
    assert main(["scan", "nothing.txt"]) == 2


def test_the_commands_run_as_a_process(folder: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "factlint", "scan", "report.txt", "-q"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "completion-185pct" in done.stdout


@pytest.mark.parametrize("command", ["discover", "update"])
def test_a_source_outside_the_facts_folder_is_read_only_when_allowed(
    folder: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    outside = folder.parent / f"{folder.name}-outside.txt"
    outside.write_text("签约51项。\n", encoding="utf-8")
    facts = folder / "x.facts.yaml"
    facts.write_text(
        f'report:\n  id: demo\n  source: ../{outside.name}\nfacts:\n  signed: {{value: "51项"}}\n',
        encoding="utf-8",
    )
    args = ["discover", "x.facts.yaml"]
    if command == "update":
        args = ["extract", "report.txt", "--update", "x.facts.yaml"]
    before = facts.read_bytes()
    assert main(args) == 2
    assert "is outside the folder of the facts file" in capsys.readouterr().err
    assert facts.read_bytes() == before
    assert main([*args, "--allow-outside-source"]) == 0

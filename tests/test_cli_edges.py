"""The CLI at the edges of its machine: full or closed standard output, outputs that would
replace an input or a special file. Each ends in one line and exit 2, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

FACTS = 'report: {id: d}\nfacts:\n  a: {value: "1项"}\n'
RULES = 'facts: a.facts.yaml\nrules:\n  - id: a-small\n    check: "a <= 2项"\n'


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.facts.yaml").write_text(FACTS, encoding="utf-8")
    (tmp_path / "x.rules.yaml").write_text(RULES, encoding="utf-8")
    (tmp_path / "r.txt").write_text("全年签约51项。\n", encoding="utf-8")
    return tmp_path


def factlint(folder: Path, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factlint", *args],
        cwd=folder,
        capture_output="stdout" not in kwargs,
        text=True,
        check=False,
        **kwargs,  # type: ignore[call-overload]
    )


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_standard_output_on_a_full_disk(folder: Path) -> None:
    with open("/dev/full", "w") as full:
        result = factlint(folder, "check", "x.rules.yaml", stdout=full, stderr=subprocess.PIPE)
    assert one_line(result) == "factlint: cannot write the output: No space left on device"


def test_standard_output_closed(folder: Path) -> None:
    script = "import os, sys, runpy; os.close(1); sys.argv = ['factlint', 'check', 'x.rules.yaml']"
    result = subprocess.run(
        [sys.executable, "-c", script + "; runpy.run_module('factlint', run_name='__main__')"],
        cwd=folder,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    assert "cannot write the output" in one_line(result)


@pytest.mark.parametrize(
    "args",
    [
        ["check", "x.rules.yaml", "--output", "a.facts.yaml"],
        ["check", "x.rules.yaml", "--output", "x.rules.yaml"],
        ["check", "a.facts.yaml", "-o", "a.facts.yaml"],
        ["extract", "r.txt", "-o", "r.txt"],
        ["discover", "r.txt", "-o", "r.txt"],
    ],
)
def test_an_output_never_replaces_an_input(folder: Path, args: list[str]) -> None:
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    line = one_line(factlint(folder, *args))
    assert line.endswith("cannot write: this run reads that file; write the output elsewhere")
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ("missing/out.yaml", "missing/out.yaml: cannot write: No such file or directory"),
        ("", ".: cannot write: the output must name a file, not a folder"),
        ("sub", "sub: cannot write: is a folder, not a file"),
        ("fifo", "fifo: cannot write: not a regular file"),
    ],
)
@pytest.mark.parametrize("command", ["extract", "discover", "update"])
def test_a_write_error_is_one_line(folder: Path, output: str, expected: str, command: str) -> None:
    (folder / "sub").mkdir()
    os.mkfifo(folder / "fifo")
    args = {
        "extract": ["extract", "r.txt", "-o", output],
        "discover": ["discover", "r.txt", "-o", output],
        "update": ["extract", "r.txt", "--update", "a.facts.yaml", "-o", output],
    }[command]
    assert one_line(factlint(folder, *args)).startswith(expected)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_a_folder_without_write_permission(folder: Path) -> None:
    locked = folder / "locked"
    locked.mkdir(mode=0o500)
    line = one_line(factlint(folder, "extract", "r.txt", "-o", "locked/x.facts.yaml"))
    assert line == "locked/x.facts.yaml: cannot write: Permission denied"


def test_jobs_are_capped_at_the_cores(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from factlint.app.cli import main
    from factlint.app.commands import check

    asked: list[int] = []
    real = check.run_check

    def spy(*args: object, **kwargs: object) -> object:
        asked.append(kwargs["jobs"])  # type: ignore[arg-type]
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.chdir(folder)
    monkeypatch.setattr(check, "run_check", spy)
    monkeypatch.setattr(check, "default_workers", lambda: 2)
    assert main(["check", "x.rules.yaml", "--jobs", "1000"]) == 0
    assert asked == [2]


def test_a_rules_file_naming_one_facts_file_twice(folder: Path) -> None:
    rules = RULES.replace("facts: a.facts.yaml", "facts: [a.facts.yaml, ./a.facts.yaml]")
    (folder / "x.rules.yaml").write_text(rules, encoding="utf-8")
    result = factlint(folder, "check", "x.rules.yaml")
    assert result.returncode == 0, result.stderr

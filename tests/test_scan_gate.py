"""``factlint scan`` as a CI gate (issue 11): a failed relation the text asserts fails the
run, ``--fail-on`` and ``[tool.factlint]`` apply as for ``check``, ``--emit DIR`` writes a
facts and rules pair that ``check`` loads to the same findings, and bad input is refused
with the file named."""

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
FIRST_REPORT = ROOT / "facts" / "jinzhong-2020.txt"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def scan(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, object]]:
    code = main(["scan", *args, "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def signature(report: dict[str, object]) -> list[tuple[str, str, str, str | None]]:
    return sorted(
        (f["rule"], f["status"], f["severity"], (f.get("stated") or {}).get("figure"))
        for f in report["findings"]  # type: ignore[union-attr]
    )


def test_a_wrong_share_the_text_asserts_fails_the_run(folder: Path) -> None:
    (folder / "s.txt").write_text("签约项目51项，其中新项目39项，占比75.5%。\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "factlint", "scan", "s.txt"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "error: share-75-5pct is inconsistent" in done.stdout
    assert "其中新项目39项,占比75.5%" in done.stdout  # the words that assert it
    assert "would read  76.5%" in done.stdout
    # the message says what the figure would read once: the check's explanation, not the rule's too
    message = done.stdout.split("\n    arithmetic")[0]
    assert message.count("would read") == 1, message


def test_the_english_share_fails_too(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "e.txt").write_text(
        "The council approved 39 of the 51 projects, or 75.5%.\n", encoding="utf-8"
    )
    code, report = scan(["e.txt"], capsys)
    assert code == 1
    assert signature(report) == [("share-75-5pct", "inconsistent", "error", "75.5%")]


def test_the_first_report_fails_on_its_completion_and_nothing_else(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(FIRST_REPORT, folder / "report.txt")
    code, report = scan(["report.txt"], capsys)
    assert code == 1
    errors = [f for f in signature(report) if f[2] == "error"]
    assert errors == [("completion-185pct", "inconsistent", "error", "185%")]
    flagged = {f[3] for f in signature(report)}
    assert "76.5%" not in flagged and "58.8%" not in flagged


def test_fail_on_and_the_configuration_apply_as_for_check(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a sum guessed from the numbers (off by one) is a warning: the run passes by default
    text = "全年财政总收入1000.0亿元，税收收入100.0亿元、非税收入400.0亿元、基金收入500.3亿元。\n"
    (folder / "w.txt").write_text(text, encoding="utf-8")
    code, report = scan(["w.txt"], capsys)
    assert code == 0 and [f[2] for f in signature(report)] == ["warning"]
    assert scan(["w.txt", "--fail-on", "warning"], capsys)[0] == 1
    (folder / "pyproject.toml").write_text(
        '[tool.factlint]\nfail-on = "warning"\n', encoding="utf-8"
    )
    assert scan(["w.txt"], capsys)[0] == 1
    assert scan(["w.txt", "--fail-on", "error"], capsys)[0] == 0


@pytest.mark.parametrize("inside", [True, False])
def test_emit_writes_a_pair_that_check_reproduces(
    folder: Path, capsys: pytest.CaptureFixture[str], inside: bool
) -> None:
    text_folder = folder / ("kept" if inside else "texts")
    text_folder.mkdir()
    shutil.copy(FIRST_REPORT, text_folder / "jinzhong.txt")
    code, scanned = scan([str(text_folder / "jinzhong.txt"), "--emit", "kept"], capsys)
    kept = sorted(p.name for p in (folder / "kept").iterdir())
    # the text is copied beside the pair when it is not already in the folder
    assert kept == ["jinzhong.facts.yaml", "jinzhong.rules.yaml", "jinzhong.txt"]
    rules = (folder / "kept" / "jinzhong.rules.yaml").read_text(encoding="utf-8")
    assert 'facts: "jinzhong.facts.yaml"' in rules and "stated in the text «" in rules
    assert main(["check", "kept", "--format", "json"]) == code == 1
    checked = json.loads(capsys.readouterr().out)
    assert signature(checked) == signature(scanned)
    assert checked["summary"] == scanned["summary"]


def test_emit_never_overwrites_a_different_text(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "kept").mkdir()
    (folder / "kept" / "s.txt").write_text("another report\n", encoding="utf-8")
    (folder / "s.txt").write_text("签约项目51项。\n", encoding="utf-8")
    assert main(["scan", "s.txt", "--emit", "kept"]) == 2
    assert "kept/s.txt" in capsys.readouterr().err
    assert (folder / "kept" / "s.txt").read_text(encoding="utf-8") == "another report\n"


@pytest.mark.parametrize("text", ["", "Nothing to count here.\n没有数字。\n"])
def test_a_text_without_figures_gives_no_finding(
    folder: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    (folder / "n.txt").write_text(text, encoding="utf-8")
    code, report = scan(["n.txt"], capsys)
    assert code == 0 and report["findings"] == []


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "invalid UTF-8"),
        ("café 12%\n".encode("latin-1"), "invalid UTF-8"),
        (b"figures\x00 12%\n", "NUL byte"),
    ],
)
def test_binary_or_non_utf8_text_is_refused_naming_the_file(
    folder: Path, capsys: pytest.CaptureFixture[str], data: bytes, reason: str
) -> None:
    (folder / "bad.txt").write_bytes(data)
    assert main(["scan", "bad.txt"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("bad.txt:") and reason in err and "Traceback" not in err

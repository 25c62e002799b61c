"""Many reports at once: a parallel run prints exactly what a serial run prints."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factlint.app.parallel import ProgressLine, Settings, Task, check_tasks
from factlint.errors import FactlintError

REPO = Path(__file__).resolve().parents[1]
SHARES = ["76.5%", "75.5%", "76.47%", "77%", "76.5%", "80%"]


def write_report(folder: Path, name: str, share: str) -> None:
    """One report folder: its text, facts (quoted, with lines) and one share rule."""
    folder.mkdir(parents=True, exist_ok=True)
    text = f"签约项目51项，\n其中六新项目39项，\n占比{share}。\n"
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.facts.yaml").write_text(
        f"""report:
  id: {name}
  source: {name}.txt
facts:
  signed: {{value: "51项", mentions: [{{quote: "签约项目51项", line: 1}}]}}
  six_new: {{value: "39项", mentions: [{{quote: "六新项目39项", line: 2}}]}}
  share: {{value: "{share}", mentions: [{{quote: "占比{share}", line: 3}}]}}
""",
        encoding="utf-8",
    )
    (folder / f"{name}.rules.yaml").write_text(
        f"""facts: {name}.facts.yaml
rules:
  - id: six-new-share
    share: {{part: six_new, whole: signed, is: share}}
  - id: within
    check: six_new <= signed
""",
        encoding="utf-8",
    )


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    for index, share in enumerate(SHARES):
        write_report(tmp_path / "reports" / f"r{index}", f"report-{index}", share)
    return tmp_path


def factlint(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    env["PYTHONPATH"] = str(REPO / "src")
    return subprocess.run(
        [sys.executable, "-m", "factlint", "check", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("format_", ["text", "json", "sarif", "junit", "gitlab"])
def test_parallel_output_is_byte_identical_to_serial(reports: Path, format_: str) -> None:
    serial = factlint("reports", "--format", format_, "--jobs", "1", cwd=reports)
    parallel = factlint("reports", "--format", format_, "--jobs", "2", cwd=reports)
    assert serial.returncode == parallel.returncode == 1, serial.stderr
    assert serial.stdout == parallel.stdout
    assert serial.stderr == parallel.stderr == b""


def test_every_report_is_checked_in_order(reports: Path) -> None:
    text = factlint("reports", "--jobs", "3", cwd=reports).stdout.decode("utf-8")
    summary = text.splitlines()[-1]
    assert summary.startswith("3 findings") and "12 rules" in summary
    named = [f"report-{i}.txt" for i in (1, 3, 5)]  # 75.5%, 77%, 80%
    positions = [text.index(name) for name in named]
    assert positions == sorted(positions)


def test_a_broken_report_gives_the_same_error_line(reports: Path) -> None:
    broken = reports / "reports" / "r3" / "report-3.facts.yaml"
    broken.write_text(broken.read_text("utf-8").replace("value:", "valeu:", 1), "utf-8")
    serial = factlint("reports", "--jobs", "1", cwd=reports)
    parallel = factlint("reports", "--jobs", "2", cwd=reports)
    assert serial.returncode == parallel.returncode == 2
    assert serial.stderr == parallel.stderr
    assert serial.stderr.decode("utf-8").startswith(
        "reports/r3/report-3.facts.yaml:5:12: unknown key 'valeu'"
    )
    assert parallel.stdout == b""


def test_jobs_must_be_positive(reports: Path) -> None:
    done = factlint("reports", "--jobs", "0", cwd=reports)
    assert done.returncode == 2 and b"--jobs" in done.stderr


def test_worker_errors_keep_their_location(reports: Path) -> None:
    missing = Task((reports / "reports" / "nowhere.facts.yaml",))
    good = Task((reports / "reports" / "r0" / "report-0.facts.yaml",))
    with pytest.raises(FactlintError) as caught:
        check_tasks([good, missing], Settings(), workers=2)
    assert caught.value.path is not None and caught.value.path.endswith("nowhere.facts.yaml")


def test_progress_is_reported_in_order(reports: Path) -> None:
    tasks = [Task((p,)) for p in sorted((reports / "reports").glob("*/*.facts.yaml"))]
    seen: list[tuple[int, int]] = []
    check_tasks(tasks, Settings(), workers=2, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(i, len(tasks)) for i in range(1, len(tasks) + 1)]


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_progress_line_only_for_long_runs() -> None:
    stream, clock = io.StringIO(), Clock()
    line = ProgressLine(stream, clock)
    line(1, 5)
    assert stream.getvalue() == ""  # few jobs, quick
    clock.now = 2.5
    line(2, 5)
    assert stream.getvalue() == "\rfactlint: 2/5 reports checked"
    line.close()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_progress_line_for_many_jobs_at_once() -> None:
    stream = io.StringIO()
    line = ProgressLine(stream, Clock())
    line(1, ProgressLine.MANY + 1)
    assert stream.getvalue() == f"\rfactlint: 1/{ProgressLine.MANY + 1} reports checked"


def test_no_progress_line_when_never_shown() -> None:
    stream = io.StringIO()
    ProgressLine(stream, Clock()).close()
    assert stream.getvalue() == ""


def test_no_progress_on_a_pipe(tmp_path: Path) -> None:
    for index in range(ProgressLine.MANY + 2):
        write_report(tmp_path / "reports" / f"r{index:02}", f"report-{index}", "76.5%")
    done = factlint("reports", "--jobs", "2", cwd=tmp_path)
    assert done.returncode == 0 and done.stderr == b""


def test_progress_on_a_terminal_for_many_reports(tmp_path: Path) -> None:
    import pty

    for index in range(ProgressLine.MANY + 2):
        write_report(tmp_path / "reports" / f"r{index:02}", f"report-{index}", "76.5%")
    main, terminal = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    env["PYTHONPATH"] = str(REPO / "src")
    done = subprocess.run(
        [sys.executable, "-m", "factlint", "check", "reports", "--jobs", "2"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=terminal,
        timeout=120,
        check=False,
    )
    os.close(terminal)
    seen = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(main)
    assert done.returncode == 0
    total = ProgressLine.MANY + 2
    assert f"factlint: {total}/{total} reports checked".encode() in seen
    assert seen.endswith(b"\r\x1b[K")
    assert b"reports checked" not in done.stdout

"""``check --output`` and ``extract -o`` killed with SIGKILL at any moment, or racing each other:
the output path holds the old file or the new one, whole, never a part of either (issue 17).

Not a timing test: the kill lands at a random moment of the run, and whatever moment it
is, the file must be whole. A temporary file a killed writer leaves is named after the
output (``.NAME.PID.*.tmp``), is never read as an input, and the next write to that
output removes it.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from hostile.harness import factlint_env

KILLS = 25  # per command: 50 in all
TEMPORARY = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.tmp$")

FACTS = """\
report: {id: demo}
facts:
  signed: {value: "51项"}
  six_new: {value: "39项"}
  share: {value: "76.5%"}
"""
RULES = """\
facts: x.facts.yaml
rules:
  - id: six-new-share
    share: {part: six_new, whole: signed, is: share}
  - id: too-many
    check: "signed <= six_new"
"""


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "factlint", *args]


def _run(folder: Path, args: Sequence[str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        _command(*args), cwd=folder, capture_output=True, check=False, env=factlint_env()
    )


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "x.facts.yaml").write_text(FACTS, encoding="utf-8")
    (tmp_path / "x.rules.yaml").write_text(RULES, encoding="utf-8")
    report = "\n".join(f"第{i}季度签约{i % 90 + 10}项，增长{i % 9}.5%。" for i in range(1, 3000))
    (tmp_path / "r.txt").write_text(report + "\n", encoding="utf-8")
    return tmp_path


def _kill_loop(folder: Path, args: Sequence[str], output: str, expected_exit: int) -> None:
    target = folder / output
    finished = _run(folder, args)
    assert finished.returncode == expected_exit, finished.stderr
    new = target.read_bytes()
    old = b"the old, complete file\n"
    started = time.monotonic()
    _run(folder, args)
    lifetime = time.monotonic() - started  # where the kills are spread, not asserted
    rng = random.Random(17)
    outcomes = {"old": 0, "new": 0}
    for _ in range(KILLS):
        target.write_bytes(old)
        process = subprocess.Popen(
            _command(*args),
            cwd=folder,
            env=factlint_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0, lifetime * 1.1))
        process.send_signal(signal.SIGKILL)
        process.wait()
        content = target.read_bytes()
        assert content in (old, new), f"a partial file: {len(content)} bytes"
        outcomes["old" if content == old else "new"] += 1
        _only_recognisable_leftovers(folder, output)
    # The next complete write removes what killed writers left.
    assert _run(folder, args).returncode == expected_exit
    assert target.read_bytes() == new
    assert _leftovers(folder, output) == [], outcomes


def _leftovers(folder: Path, output: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(f".{output}."))


def _only_recognisable_leftovers(folder: Path, output: str) -> None:
    known = {"x.facts.yaml", "x.rules.yaml", "r.txt", output}
    for name in sorted(p.name for p in folder.iterdir()):
        if name in known:
            continue
        match = TEMPORARY.match(name)
        assert match and match["name"] == output, f"unexpected file {name!r}"


def test_check_output_killed_at_any_moment_is_old_or_new(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    args = ["check", "x.rules.yaml", "--format", "json", "--output", "out.json"]
    _kill_loop(folder, args, "out.json", expected_exit=1)


def test_extract_output_killed_at_any_moment_is_old_or_new(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    _kill_loop(folder, ["extract", "r.txt", "-o", "r.facts.yaml"], "r.facts.yaml", 0)


def test_a_killed_writers_temporary_file_is_never_read_as_input(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / ".x.facts.yaml.999999.abc.tmp").write_text("report: [broken\n", encoding="utf-8")
    result = _run(folder, ["check", "."])
    assert result.returncode == 1, result.stderr  # the rules fail; the leftover is not read


@pytest.mark.parametrize("rounds", [5])
def test_two_concurrent_outputs_to_one_path_leave_one_whole_file(
    tmp_path: Path, rounds: int
) -> None:
    folder = _folder(tmp_path)
    variants = {
        "json": ["check", "x.rules.yaml", "--format", "json", "--output", "same.out"],
        "junit": ["check", "x.rules.yaml", "--format", "junit", "--output", "same.out"],
    }
    whole = set()
    for args in variants.values():
        assert _run(folder, args).returncode == 1
        whole.add((folder / "same.out").read_bytes())
    assert len(whole) == 2
    for _ in range(rounds):
        (folder / "same.out").unlink()
        runs = [
            subprocess.Popen(
                _command(*args),
                cwd=folder,
                env=factlint_env(),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            for args in variants.values()
        ]
        for run in runs:
            _out, err = run.communicate(timeout=600)
            assert run.returncode == 1, err
        assert (folder / "same.out").read_bytes() in whole
        assert _leftovers(folder, "same.out") == []


def test_the_pid_in_a_temporary_name_is_the_writers() -> None:
    # The names the loop above accepts are the ones write_atomic makes.
    assert TEMPORARY.match(f".out.json.{os.getpid()}.k2j3h4.tmp")

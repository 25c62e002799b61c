"""Two ``extract --update`` runs on one facts file at once: both additions are kept (each
update holds the file from its read to its rename: app/file_lock.py)."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from factlint.app.file_lock import exclusive

ROUNDS = 6


def _update(folder: Path, report: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "factlint", "extract", report, "--update", "x.facts.yaml"],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_concurrent_updates_keep_both_additions(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text("全年签约51项。\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("全年签约51项。\n后来签约51项。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("全年签约51项。\n\n再次签约51项。\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "factlint", "extract", "r.txt", "-o", "base.facts.yaml"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    base = (tmp_path / "base.facts.yaml").read_text(encoding="utf-8")
    for _ in range(ROUNDS):
        (tmp_path / "x.facts.yaml").write_text(base, encoding="utf-8")
        runs = [_update(tmp_path, "a.txt"), _update(tmp_path, "b.txt")]
        for run in runs:
            _out, err = run.communicate(timeout=120)
            assert run.returncode == 0, err
        merged = (tmp_path / "x.facts.yaml").read_text(encoding="utf-8")
        assert "后来签约:" in merged and "再次签约:" in merged, merged


def test_a_waiting_writer_locks_the_file_that_replaced_the_one_it_waited_on(
    tmp_path: Path,
) -> None:
    path = tmp_path / "x.facts.yaml"
    path.write_text("old", encoding="utf-8")
    order: list[str] = []
    first_holds, second_started = threading.Event(), threading.Event()

    def first() -> None:
        with exclusive(path):
            first_holds.set()
            second_started.wait(5)
            replacement = tmp_path / "new"
            replacement.write_text("new", encoding="utf-8")
            replacement.replace(path)  # as write_atomic does
            order.append("first wrote")

    def second() -> None:
        first_holds.wait(5)
        second_started.set()
        with exclusive(path):
            order.append("second read " + path.read_text(encoding="utf-8"))

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert order == ["first wrote", "second read new"]

"""The paraphrase scorer (benchmarks/scan_paraphrases.py): its case files load, and it tells a
caught slip, a miss and a false alarm apart."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "scan_paraphrases.py"
CASES = SCRIPT.parent / "paraphrases"
HEADER = "id\tkind\texpect\tfigure\ttext\n"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, encoding="utf-8"
    )


@pytest.mark.parametrize("path", sorted(CASES.glob("*.tsv")), ids=lambda p: p.name)
def test_every_case_file_is_well_formed(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] + "\n" == HEADER
    ids = [line.split("\t")[0] for line in lines[1:] if line.strip()]
    assert len(ids) == len(set(ids))
    for line in lines[1:]:
        cells = line.split("\t")
        assert len(cells) == 5, line
        assert cells[2] in {"error", "flag", "clean"}, line
        assert (cells[3] == "-") == (cells[2] == "clean"), line


def test_the_scorer_tells_caught_missed_and_false_alarms_apart(tmp_path: Path) -> None:
    cases = tmp_path / "cases.tsv"
    cases.write_text(
        HEADER
        + "slip\tshare\terror\t75.5%\t签约项目51项，其中新项目39项，占比75.5%。\n"
        + "wrong-figure\tshare\terror\t39项\t签约项目51项，其中新项目39项，占比75.5%。\n"
        + "right\tshare\tclean\t-\t签约项目51项，其中新项目39项，占比76.5%。\n"
        + "slip-as-clean\tshare\tclean\t-\t签约项目51项，其中新项目39项，占比75.5%。\n"
        + "two-lines\tsum\tclean\t-\tA 1\\nB 2\n",
        encoding="utf-8",
    )
    run = _run(str(cases), "--json")
    assert run.returncode == 0, run.stderr
    verdicts = {r["id"]: r["verdict"] for r in json.loads(run.stdout)}
    assert verdicts == {
        "slip": "caught",
        "wrong-figure": "missed",
        "right": "clean",
        "slip-as-clean": "false alarm",
        "two-lines": "clean",
    }


def test_a_malformed_case_file_is_refused_with_its_line(tmp_path: Path) -> None:
    cases = tmp_path / "bad.tsv"
    cases.write_text(HEADER + "a\tshare\tmaybe\t-\ttext\n", encoding="utf-8")
    run = _run(str(cases))
    assert run.returncode == 2
    assert "bad.tsv:2: expect must be one of" in run.stderr

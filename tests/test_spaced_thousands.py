"""Thousands grouped by spaces in Chinese prose (27 362人) are read as one figure; a
year, a reference, an ordinal, table columns and PDF letter-spacing are not joined."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlint.extract.figures_in_text import find_figures
from factlint.extract.text import NormalText

SPACES = (" ", "\u00a0", "\u2009", "\u202f", "\u3000")
COUNTERS = ("人", "户", "亩", "个", "万元", "吨", "辆", "家")


def found(source: str) -> list[tuple[str, Decimal]]:
    return [(spot.text, spot.figure.number) for spot in find_figures(NormalText.of(source))]


def grouped(number: int, space: str) -> str:
    return f"{number:,}".replace(",", space)


@given(
    number=st.integers(min_value=1000, max_value=10**12),
    space=st.sampled_from(SPACES),
    counter=st.sampled_from(COUNTERS),
    opening=st.sampled_from(("全镇共有", "年末登记", "其中农村", "")),
)
def test_a_number_grouped_by_spaces_before_a_counter_is_one_figure(
    number: int, space: str, counter: str, opening: str
) -> None:
    source = f"{opening}{grouped(number, space)}{counter}，比上年有所增加。"
    assert found(source)[0] == (f"{number}{counter}", Decimal(number))


@given(number=st.integers(min_value=1000, max_value=10**9), space=st.sampled_from(SPACES))
def test_a_grouped_number_between_chinese_words_is_one_figure(number: int, space: str) -> None:
    source = f"参保人数达到{grouped(number, space)}，同比增长"
    assert found(source) == [(str(number), Decimal(number))]


@pytest.mark.parametrize(
    ("source", "figures"),
    [
        ("本乡总人口27 362人，其中外出务工4 015人。", [("27362人", 27362), ("4015人", 4015)]),
        ("全年完成投资1\u00a0204.6万元", [("1204.6万元", Decimal("1204.6"))]),
        ("约3 200亩耕地", [("约3200亩", 3200)]),
    ],
)
def test_joined(source: str, figures: list[tuple[str, int]]) -> None:
    assert found(source) == [(text, Decimal(number)) for text, number in figures]


@pytest.mark.parametrize(
    ("source", "figures"),
    [
        # a year of four digits is never the head of a grouped number
        ("2021 456人参加了培训", ["2021", "456人"]),
        # a reference, then a count or a year
        ("见表2 300户的分布", ["300户"]),
        ("表1 110年度收支情况", ["110年"]),
        # an ordinal, then a number
        ("第4 512页", ["第4", "512"]),
        # columns of a whitespace table: nothing Chinese after the groups
        ("乡镇 12 345 678\n", ["12", "345", "678"]),
        # two or more spaces between groups: columns
        ("人口12  345人", ["12", "345人"]),
        # groups not of three digits
        ("人口12 3456人", ["12", "3456人"]),
        # PDF letter-spacing of one figure is left as the finder read it before
        ("收入3 7 2 . 5 亿元", ["3", "7", "2", "5亿元"]),
        # a percentage is no Chinese counter
        ("占比12 345%", ["12", "345%"]),
    ],
)
def test_not_joined(source: str, figures: list[str]) -> None:
    assert [text for text, _ in found(source)] == figures


def test_scan_reads_the_whole_of_each_spaced_count(tmp_path: Path) -> None:
    """Read as 27 and 362人, 19 and 646人, the sentence made '646人 is part of 362人'."""
    report = tmp_path / "report.txt"
    report.write_text(
        "全村常住人口12\u00a0180人，其中男性6\u00a0305人，女性5\u00a0875人。\n", encoding="utf-8"
    )
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1] / "src"))
    result = subprocess.run(
        [sys.executable, "-m", "factlint", "scan", str(report), "--format", "json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    scanned = json.loads(result.stdout)
    assert scanned["findings"] == []
    assert any(r["kind"] == "sum" and r["outcome"] == "passed" for r in scanned["results"])
